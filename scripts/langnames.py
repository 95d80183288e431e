#!/usr/bin/python3
"""langnames.py cuts assets/fonts/langnames.otf: the few Chinese glyphs the
language control needs to name the languages in their own script
(i18n.Name: 简体中文) before the browser has fetched the Chinese type. It is a
subset of the bold face in assets/cjk (Noto Sans CJK SC, SIL OFL 1.1), a few
kilobytes that the WebAssembly game embeds.

Usage: /usr/bin/python3 scripts/langnames.py [ROOT]   (Debian python3-fonttools)
Then: go test ./assets/
"""
import sys
from fontTools import subset
from fontTools.ttLib import TTFont

# The characters of i18n.Name for every language, less what the Go fonts
# have (Latin): assets' test checks that each is here.
TEXT = "简体中文"

def main(root):
    src = f"{root}/assets/cjk/NotoSansCJKsc-Bold.subset.otf"
    out = f"{root}/assets/fonts/langnames.otf"
    font = TTFont(src, recalcTimestamp=False)  # the same bytes every run
    opts = subset.Options()
    opts.layout_features = []
    opts.name_IDs = ["*"]
    opts.notdef_outline = True
    opts.hinting = False
    opts.desubroutinize = True
    opts.drop_tables += ["GSUB", "GPOS", "GDEF", "BASE", "vhea", "vmtx", "VORG"]
    s = subset.Subsetter(opts)
    s.populate(text=TEXT)
    s.subset(font)
    font.save(out)
    print(f"{out}: {len(TEXT)} characters")

if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else ".")
