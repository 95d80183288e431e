// Package cjk embeds the game's Chinese type: subsets of Noto Sans CJK SC
// (SIL Open Font License, see LICENSE-OFL) in regular and bold, as
// CFF-flavoured OpenType that Ebiten's text/v2 (go-text) loads. Each face
// holds printable ASCII and Latin-1, GB2312 level 1 (3,755 characters),
// CJK symbols and punctuation (U+3000–303F), full-width forms
// (U+FF00–FFEF), the punctuation Chinese text uses, and every character of
// the Chinese catalog (game/i18n/zh*.go), chapters and teaching note.
// scripts/cjkfont.sh regenerates the files after the Chinese text changes.
//
// The desktop build embeds this package (about 1.6 MB). The WebAssembly
// game must not import it: the browser fetches the font as a separate
// hashed asset, so neither package assets nor the game imports cjk, and
// the package's tests check that the wasm build does not link it.
package cjk

import _ "embed"

// Weight names one face of the subset. Italic is drawn with Regular and
// monospace with the Go mono face: Chinese has neither.
type Weight int

// The weights the subset has.
const (
	Regular Weight = iota
	Bold
	NumWeights
)

//go:embed NotoSansCJKsc-Regular.subset.otf
var regular string

//go:embed NotoSansCJKsc-Bold.subset.otf
var bold string

// OTF returns the OpenType bytes of weight w (Regular for any weight out of
// range) as an immutable string: read it with strings.NewReader (for
// example text.NewGoTextFaceSource(strings.NewReader(cjk.OTF(cjk.Bold))))
// or convert it with []byte(…), which copies.
func OTF(w Weight) string {
	if w == Bold {
		return bold
	}
	return regular
}

// File returns the name of weight w's file in this folder, as a web build
// that serves the font as an asset names it.
func File(w Weight) string {
	if w == Bold {
		return "NotoSansCJKsc-Bold.subset.otf"
	}
	return "NotoSansCJKsc-Regular.subset.otf"
}
