package assets

import (
	"bytes"
	"testing"

	"github.com/go-text/typesetting/font"

	"github.com/longtail-case/longtail/game/i18n"
)

// TestLangNames: the language-names face parses, and with the Go regular
// face it draws every character of every language's name (i18n.Name), so
// the language control names Chinese in Chinese before the Chinese type is
// fetched. A new language needs scripts/langnames.py run again.
func TestLangNames(t *testing.T) {
	names, err := font.ParseTTF(bytes.NewReader(LangNames()))
	if err != nil {
		t.Fatalf("fonts/langnames.otf: %v", err)
	}
	latin, err := font.ParseTTF(bytes.NewReader(TTF(Bold)))
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range i18n.Languages() {
		name := i18n.Name(l)
		if name == "" {
			t.Errorf("%s has no name", l)
		}
		for _, r := range name {
			_, inLatin := latin.NominalGlyph(r)
			_, inNames := names.NominalGlyph(r)
			if !inLatin && !inNames {
				t.Errorf("%s: %q (%U) of its name %q is in neither the Go font nor fonts/langnames.otf: run scripts/langnames.py", l, r, r, name)
			}
		}
	}
	if n := len(LangNames()); n > 8<<10 {
		t.Errorf("fonts/langnames.otf is %d bytes; the wasm game embeds it, keep it to the names' few glyphs", n)
	}
}
