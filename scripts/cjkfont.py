#!/usr/bin/python3
"""cjkfont.py regenerates the Simplified Chinese font subsets in assets/cjk/.

It reads Debian's fonts-noto-cjk collections (NotoSansCJK-Regular.ttc and
NotoSansCJK-Bold.ttc), picks the face whose name table says "Noto Sans CJK
SC" (not a fixed font number, so a repacked collection cannot hand us the
Japanese face), and keeps only the glyphs of:

  - printable ASCII and Latin-1 (U+0020-007E, U+00A0-00FF), so the face can
    stand alone;
  - GB2312 level 1: the 3,755 characters of rows 16-55, enumerated with
    Python's gb2312 codec (no data file);
  - CJK symbols and punctuation (U+3000-303F) and full-width forms
    (U+FF00-FFEF);
  - the general punctuation Chinese text uses (dashes, quotes, ellipsis,
    middle dot, per mille, reference mark);
  - every character of game/i18n/zh*.go, content/chapters/zh-Hans/*.md and
    content/teaching-note.zh-Hans.md, whichever exist.

The output is CFF-flavoured OpenType without hinting, without layout tables
(GSUB, GPOS, GDEF, BASE: the game lays out Chinese horizontally with the
default full-width punctuation, which needs no feature) and without
vertical-writing tables (vhea, vmtx, VORG). cmap, hmtx, hhea, OS/2, head,
maxp, name and post stay: they are what horizontal line layout reads.
The head timestamp is kept from the source, so a run on the same inputs
writes the same bytes.

Usage: scripts/cjkfont.py [--check] [REPO]   (REPO defaults to the parent of
this script's folder). --check writes nothing and fails if a committed
subset differs from what the inputs would give now.
"""

import argparse
import io
import os
import sys

try:
    import brotli
    from fontTools import subset
    from fontTools.ttLib import TTCollection, TTFont
except ImportError as err:  # pragma: no cover - a missing package
    sys.exit(f"cjkfont: {err}: install python3-fonttools python3-brotli "
             "(apt-get install python3-fonttools python3-brotli)")

FONT_DIR = "/usr/share/fonts/opentype/noto"
COPYRIGHT = "/usr/share/doc/fonts-noto-cjk/copyright"
FAMILY = "Noto Sans CJK SC"

# Weight name -> (source collection, output file). The game draws regular
# and bold; italic falls back to regular and mono to the Go mono face.
WEIGHTS = {
    "Regular": ("NotoSansCJK-Regular.ttc", "NotoSansCJKsc-Regular.subset.otf"),
    "Bold": ("NotoSansCJK-Bold.ttc", "NotoSansCJKsc-Bold.subset.otf"),
}

# General punctuation used in Chinese text: en dash, em dash, horizontal
# bar, single and double quotes, ellipsis, per mille, prime, double prime,
# reference mark; and the few symbols the catalog uses for numbers.
PUNCTUATION = "\u2013\u2014\u2015\u2018\u2019\u201c\u201d\u2026\u2030\u2032\u2033\u203b" \
    "\u00b7\u2192\u2190\u2191\u2193\u2264\u2265\u00d7\u2212\u2022"


def gb2312_level1():
    """Returns the 3,755 characters of GB2312 rows 16-55 (level 1)."""
    chars = []
    for row in range(16, 56):
        for cell in range(1, 95):
            try:
                chars.append(bytes([0xA0 + row, 0xA0 + cell]).decode("gb2312"))
            except UnicodeDecodeError:
                pass  # row 55 ends at cell 89
    if len(chars) != 3755:
        sys.exit(f"cjkfont: GB2312 level 1 has {len(chars)} characters, want 3755")
    return chars


def chinese_sources(repo):
    """Returns the Chinese source files of the repository that exist."""
    paths = []
    i18n = os.path.join(repo, "game", "i18n")
    if os.path.isdir(i18n):
        paths += sorted(os.path.join(i18n, n) for n in os.listdir(i18n)
                        if n.startswith("zh") and n.endswith(".go"))
    chapters = os.path.join(repo, "content", "chapters", "zh-Hans")
    if os.path.isdir(chapters):
        paths += sorted(os.path.join(chapters, n) for n in os.listdir(chapters)
                        if n.endswith(".md"))
    note = os.path.join(repo, "content", "teaching-note.zh-Hans.md")
    if os.path.isfile(note):
        paths.append(note)
    return paths


def wanted(repo):
    """Returns the set of code points to keep and the source files read."""
    cps = set(range(0x20, 0x7F)) | set(range(0xA0, 0x100))
    cps |= {ord(c) for c in gb2312_level1()}
    cps |= set(range(0x3000, 0x3040)) | set(range(0xFF00, 0xFFF0))
    cps |= {ord(c) for c in PUNCTUATION}
    files = chinese_sources(repo)
    for path in files:
        try:
            with open(path, encoding="utf-8") as f:
                text = f.read()
        except (OSError, UnicodeDecodeError) as err:
            sys.exit(f"cjkfont: {path}: {err}")
        cps |= {ord(c) for c in text if c.isprintable() and not c.isspace()}
    return cps, files


def sc_face(path):
    """Returns the font number and face of the SC face in collection path."""
    coll = TTCollection(path, lazy=True)
    for i, face in enumerate(coll.fonts):
        if face["name"].getDebugName(1) == FAMILY or \
                face["name"].getDebugName(16) == FAMILY:
            return i
    sys.exit(f"cjkfont: {path}: no face named {FAMILY!r}")


def build(source, repo_cps):
    """Returns the subset bytes of source's SC face and the code points the
    face lacks."""
    number = sc_face(source)
    font = TTFont(source, fontNumber=number, recalcTimestamp=False, recalcBBoxes=True)
    cmap = font.getBestCmap()
    missing = sorted(cp for cp in repo_cps if cp not in cmap)
    opts = subset.Options()
    opts.hinting = False
    opts.desubroutinize = True
    opts.layout_features = []
    opts.drop_tables += ["GSUB", "GPOS", "GDEF", "BASE", "vhea", "vmtx", "VORG", "DSIG"]
    opts.name_IDs = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 11, 13, 14]
    opts.name_languages = [0x409]
    opts.notdef_outline = True
    opts.recalc_timestamp = False
    sub = subset.Subsetter(opts)
    sub.populate(unicodes=[cp for cp in repo_cps if cp in cmap])
    sub.subset(font)
    out = io.BytesIO()
    font.save(out)
    return number, out.getvalue(), missing, font["maxp"].numGlyphs, font["name"].getDebugName(0)


def licence_text(font_copyright):
    """Returns the SIL Open Font License as Debian's copyright file states it,
    headed by the font's own copyright notice."""
    try:
        with open(COPYRIGHT, encoding="utf-8") as f:
            lines = f.read().split("\n")
    except OSError as err:
        sys.exit(f"cjkfont: {COPYRIGHT}: {err}")
    body = []
    for i, line in enumerate(lines[:-1]):
        # The stanza that holds the text: its first line is the field, the
        # next one is indented (a bare "License: SIL-1.1" field has none).
        if line.strip() == "License: SIL-1.1" and lines[i + 1].startswith(" "):
            for text in lines[i + 1:]:
                if text and not text.startswith(" "):
                    break
                body.append("" if text.strip() == "." else text[1:])
            break
    if len(body) < 40:
        sys.exit(f"cjkfont: {COPYRIGHT}: no SIL-1.1 licence stanza found")
    while body and not body[-1].strip():
        body.pop()
    head = [f"Noto Sans CJK SC: {font_copyright}",
            "The subsets in this folder are Modified Versions of Noto Sans CJK SC,",
            "made by scripts/cjkfont.py from Debian's fonts-noto-cjk package.",
            ""]
    return "\n".join(head + body) + "\n"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("repo", nargs="?",
                    default=os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    ap.add_argument("--check", action="store_true")
    args = ap.parse_args()
    cps, files = wanted(args.repo)
    outdir = os.path.join(args.repo, "assets", "cjk")
    print(f"cjkfont: {len(cps)} code points from the fixed ranges and {len(files)} Chinese files")
    for f in files:
        print(f"  {os.path.relpath(f, args.repo)}")
    stale, copyright_notice = False, ""
    total_br = 0
    for weight, (src, name) in WEIGHTS.items():
        source = os.path.join(FONT_DIR, src)
        if not os.path.isfile(source):
            sys.exit(f"cjkfont: {source} is missing: apt-get install fonts-noto-cjk")
        number, data, missing, glyphs, copyright_notice = build(source, cps)
        br = len(brotli.compress(data, quality=11))
        total_br += br
        print(f"cjkfont: {weight}: {src} face {number}: {glyphs} glyphs, "
              f"{len(data)} bytes raw, {br} bytes brotli-11 -> assets/cjk/{name}")
        for cp in missing:
            if cp > 0x7F and not 0xFF00 <= cp <= 0xFFEF and not 0x3000 <= cp <= 0x303F \
                    and not 0xA0 <= cp <= 0xFF:
                print(f"cjkfont: warning: {FAMILY} {weight} has no glyph for U+{cp:04X} {chr(cp)!r}")
        path = os.path.join(outdir, name)
        if args.check:
            try:
                with open(path, "rb") as f:
                    stale |= f.read() != data
            except OSError:
                stale = True
        else:
            os.makedirs(outdir, exist_ok=True)
            with open(path, "wb") as f:
                f.write(data)
    print(f"cjkfont: all weights: {total_br} bytes brotli-11")
    lic = licence_text(copyright_notice)
    lic_path = os.path.join(outdir, "LICENSE-OFL")
    if args.check:
        try:
            with open(lic_path, encoding="utf-8") as f:
                stale |= f.read() != lic
        except OSError:
            stale = True
        if stale:
            sys.exit("cjkfont: assets/cjk is stale: run scripts/cjkfont.sh")
        print("cjkfont: assets/cjk is up to date")
        return
    with open(lic_path, "w", encoding="utf-8") as f:
        f.write(lic)


if __name__ == "__main__":
    main()
