// Package assets holds the game's embedded media as bytes (no ebiten):
// the Go fonts (BSD licence, see fonts/LICENSE-gofont) for Latin text.
// The Chinese faces are not here: they are in assets/cjk, which only the
// desktop links, and reach the game as a widget.CJKFonts (Config.CJK, or
// fetched in the browser). Fallbacks are further faces tried after the Go
// fonts in every language.
package assets

import (
	_ "embed"

	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/gobolditalic"
	"golang.org/x/image/font/gofont/goitalic"
	"golang.org/x/image/font/gofont/gomono"
	"golang.org/x/image/font/gofont/goregular"
)

// Font names one face of the game's type family.
type Font int

// The faces the game draws with.
const (
	Regular Font = iota
	Bold
	Italic
	BoldItalic
	Mono
	NumFonts
)

// TTF returns the TrueType bytes of the face. The slice is shared; do not
// modify it.
func TTF(f Font) []byte {
	switch f {
	case Bold:
		return gobold.TTF
	case Italic:
		return goitalic.TTF
	case BoldItalic:
		return gobolditalic.TTF
	case Mono:
		return gomono.TTF
	}
	return goregular.TTF
}

// Fallbacks returns further font files tried, in order, for characters the
// Go fonts lack (for example a subset of Noto Sans SC). It is empty until a
// CJK face is added.
func Fallbacks() [][]byte { return nil }

//go:embed fonts/langnames.otf
var langNames []byte

// LangNames returns a tiny OpenType face (3 KB; a subset of the bold Noto
// Sans CJK SC of assets/cjk, SIL Open Font License, see
// fonts/LICENSE-OFL) with only the glyphs the language control needs to
// name every language in its own script when the Chinese type is not
// loaded (简体中文), cut by scripts/langnames.py. The slice is shared; do
// not modify it.
func LangNames() []byte { return langNames }
