package widget

import (
	"bytes"
	"fmt"
	"image/color"
	"math"
	"strings"
	"unicode"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/text/v2"

	"github.com/longtail-case/longtail/assets"
	"github.com/longtail-case/longtail/game/layout"
)

// Style selects a face of the type family. The values are the layout.Run
// styles the game passes to layout.Wrap.
type Style int

// The text styles.
const (
	Regular Style = iota
	Bold
	Italic
	BoldItalic
	Mono
	NumStyles
)

// Text sizes in logical pixels at 100% text size.
const (
	SizeSmall = 14.0
	SizeBody  = 17.0
	SizeLarge = 20.0
	SizeH3    = 20.0
	SizeH2    = 24.0
	SizeH1    = 32.0
	SizeHero  = 48.0
)

// CJKFonts are the OpenType bytes of the Chinese faces (Noto Sans CJK SC,
// assets/cjk): Regular draws regular and italic text, Bold bold and
// bold-italic; monospace keeps the Go face. The desktop passes the
// embedded files (cjk.OTF); the browser fetches them when Chinese is
// chosen, so that the WebAssembly game does not link assets/cjk.
type CJKFonts struct {
	Regular, Bold string
}

// fonts holds the parsed font files: for each style, the Go face first and
// then the fallbacks (assets.Fallbacks); and the two Chinese faces once
// they are added (AddCJK). A style is parsed when it is first drawn
// (sources): parsing all five took 40 ms of the browser's wait for the
// first frame, which needs two or three.
type fonts struct {
	src       [NumStyles][]*text.GoTextFaceSource
	fallbacks []*text.GoTextFaceSource
	fellBack  bool                      // fallbacks parsed
	cjk       [2]*text.GoTextFaceSource // regular and bold; nil until added
	names     *text.GoTextFaceSource    // assets.LangNames, parsed on first use; nil if it did not parse
	named     bool                      // names parsed (or tried)
}

// namesFace returns the language-names face (assets.LangNames), parsing
// it the first time; nil when it does not parse (TestLangNames says it
// does).
func (f *fonts) namesFace() *text.GoTextFaceSource {
	if !f.named {
		f.named = true
		f.names, _ = text.NewGoTextFaceSource(bytes.NewReader(assets.LangNames()))
	}
	return f.names
}

// LoadFonts parses the regular face (and the fallbacks), so that a
// broken font file is an error at start; the other styles follow on use.
func LoadFonts() (*fonts, error) {
	f := &fonts{}
	if _, err := f.Sources(Regular); err != nil {
		return nil, err
	}
	return f, nil
}

// Sources returns the faces of style st, parsing them the first time.
func (f *fonts) Sources(st Style) ([]*text.GoTextFaceSource, error) {
	if f.src[st] != nil {
		return f.src[st], nil
	}
	if !f.fellBack {
		for i, b := range assets.Fallbacks() {
			s, err := text.NewGoTextFaceSource(bytes.NewReader(b))
			if err != nil {
				return nil, fmt.Errorf("game: fallback font %d: %w", i, err)
			}
			f.fallbacks = append(f.fallbacks, s)
		}
		f.fellBack = true
	}
	af := [NumStyles]assets.Font{Regular: assets.Regular, Bold: assets.Bold, Italic: assets.Italic, BoldItalic: assets.BoldItalic, Mono: assets.Mono}[st]
	s, err := text.NewGoTextFaceSource(bytes.NewReader(assets.TTF(af)))
	if err != nil {
		return nil, fmt.Errorf("game: font %d: %w", st, err)
	}
	f.src[st] = append([]*text.GoTextFaceSource{s}, f.fallbacks...)
	return f.src[st], nil
}

// parseCJK parses both Chinese faces; a broken file is an error naming
// the face, and nothing is kept. The bytes may come from the network (the
// browser fetches them), so a parser panic is an error too.
func parseCJK(c *CJKFonts) ([2]*text.GoTextFaceSource, error) {
	var out [2]*text.GoTextFaceSource
	for i, b := range [2]string{c.Regular, c.Bold} {
		name := [2]string{"regular", "bold"}[i]
		if b == "" {
			return [2]*text.GoTextFaceSource{}, fmt.Errorf("widget: the Chinese %s font is empty", name)
		}
		s, err := parseFace(b)
		if err != nil {
			return [2]*text.GoTextFaceSource{}, fmt.Errorf("widget: the Chinese %s font (%d bytes): %w", name, len(b), err)
		}
		out[i] = s
	}
	return out, nil
}

// parseFace parses one OpenType file, turning a panic of the parser into
// an error.
func parseFace(b string) (s *text.GoTextFaceSource, err error) {
	defer func() {
		if r := recover(); r != nil {
			s, err = nil, fmt.Errorf("unreadable font: %v", r)
		}
	}()
	return text.NewGoTextFaceSource(strings.NewReader(b))
}

// cjkWeight returns which Chinese face draws style st: bold for the bold
// styles, regular for the others (Chinese has no italic; monospace falls
// back to it only for characters the Go mono face lacks).
func cjkWeight(st Style) int {
	if st == Bold || st == BoldItalic {
		return 1
	}
	return 0
}

// faceOrder is which faces a text is drawn with, first match first.
type faceOrder uint8

const (
	// goOnly: the Go faces (and assets.Fallbacks) alone, as before the
	// Chinese type: English text, pixel for pixel.
	goOnly faceOrder = iota
	// goThenCJK: the Go faces, then the Chinese one for what they lack
	// (Chinese in English screens, a Latin word in Chinese ones).
	goThenCJK
	// cjkFirst: the Chinese face for Han, kana, full-width forms and the
	// punctuation Chinese sets full width (“”‘’…—·), then the Go faces
	// for Latin letters and digits, then the Chinese face again.
	cjkFirst
	// goThenNames: without the Chinese type, the Go faces and then the
	// few glyphs of assets.LangNames, so that the language control names
	// Chinese in Chinese (简体中文) before the type is fetched.
	goThenNames
)

// cjkRanges are the runes the Chinese face draws ahead of the Go face in
// cjkFirst order: the middle dot, the dashes, quotes and ellipsis Chinese
// sets full width, everything from the CJK radicals (U+2E80) to the end of
// the unified ideographs (U+9FFF, with CJK punctuation U+3000–303F), the
// compatibility ideographs, the vertical and small forms and the
// full-width forms (U+FF00–FFEF).
var cjkRanges = [...][2]rune{
	{0x00B7, 0x00B7}, {0x2014, 0x2015}, {0x2018, 0x201F}, {0x2025, 0x2026},
	{0x2E80, 0x9FFF}, {0xF900, 0xFAFF}, {0xFE10, 0xFE6F}, {0xFF00, 0xFFEF},
}

// isHan reports whether r is a CJK character (from the radicals at U+2E80
// on), which only the Chinese face has.
func isHan(r rune) bool { return r >= 0x2E80 }

// order returns the faces text s of style st is drawn with.
func (u *UI) order(s string, st Style) faceOrder {
	if u.fonts.cjk[0] == nil {
		for _, r := range s {
			if isHan(r) {
				return goThenNames
			}
		}
		return goOnly
	}
	han, latin := false, false
	for _, r := range s {
		switch {
		case isHan(r):
			han = true
		case r < 0x2E80 && unicode.IsLetter(r):
			latin = true
		}
	}
	if u.zh && st != Mono && (han || !latin) {
		return cjkFirst
	}
	if han || u.zh {
		return goThenCJK
	}
	return goOnly
}

type faceKey struct {
	st    Style
	size  float64 // device pixels
	order faceOrder
}

// face returns the face of style st at size logical pixels, scaled by the
// text-size setting and the device scale factor, for drawing text s (which
// picks the order of the Go and Chinese faces). Faces are cached.
func (u *UI) face(st Style, size float64, s string) text.Face {
	k := u.faceKey(st, size, s)
	if f, ok := u.faces[k]; ok {
		return f
	}
	srcs, err := u.fonts.Sources(st)
	if err != nil {
		srcs = u.fonts.src[Regular] // parsed by loadFonts; the embedded fonts all parse (TestFonts)
	}
	var faces []text.Face
	for _, s := range srcs {
		faces = append(faces, &text.GoTextFace{Source: s, Size: k.size})
	}
	if k.order == goThenNames {
		if n := u.fonts.namesFace(); n != nil {
			faces = append(faces, &text.GoTextFace{Source: n, Size: k.size})
		}
	} else if k.order != goOnly {
		zh := &text.GoTextFace{Source: u.fonts.cjk[cjkWeight(st)], Size: k.size}
		if k.order == cjkFirst {
			lim := text.NewLimitedFace(zh)
			for _, r := range cjkRanges {
				lim.AddUnicodeRange(r[0], r[1])
			}
			faces = append([]text.Face{lim}, faces...)
		}
		faces = append(faces, zh)
	}
	var f text.Face = faces[0]
	if len(faces) > 1 {
		if m, err := text.NewMultiFace(faces...); err == nil {
			f = m
		}
	}
	u.faces[k] = f
	return f
}

// faceKey returns the cache key of style st at size logical pixels for
// text s: the device size, to a quarter pixel, and the faces' order.
func (u *UI) faceKey(st Style, size float64, s string) faceKey {
	return faceKey{st, math.Round(u.TextPx(size)*4) / 4, u.order(s, st)}
}

// TextPx converts a text size in logical pixels into device pixels,
// applying the text-size setting.
func (u *UI) TextPx(size float64) float64 { return size * u.TextScale * u.Scale }

// Measure returns the advance of s in device pixels. Advances are cached
// by style, size and text: laying a chapter out measures each of its words
// (about 2,000 in a chapter, many repeated) at least twice, and shaping a
// word is the costliest step of the reader's first frame in the browser.
func (u *UI) Measure(s string, st Style, size float64) float64 {
	k := advanceKey{u.faceKey(st, size, s), s}
	if a, ok := u.advances[k]; ok {
		return a
	}
	if len(u.advances) >= maxAdvances {
		clear(u.advances)
	}
	a := text.Advance(s, u.face(st, size, s))
	u.advances[k] = a
	return a
}

// advanceKey is a measured text in a face.
type advanceKey struct {
	face faceKey
	s    string
}

// maxAdvances bounds the advance cache (a few chapters' words in a few
// sizes); a full cache starts again empty.
const maxAdvances = 1 << 15

// LineHeight returns the distance between baselines for a text size, in
// device pixels (1.45 × the size for readable body text).
func (u *UI) LineHeight(size float64) float64 { return math.Ceil(u.TextPx(size) * 1.45) }

// DrawText draws a single line of s with its top-left at (x, y) device
// pixels. The line box is lineHeight(size) tall; the text is centred in it.
func (u *UI) DrawText(dst *ebiten.Image, s string, st Style, size, x, y float64, clr color.Color) {
	f := u.face(st, size, s)
	m := f.Metrics()
	op := &text.DrawOptions{}
	lh := u.LineHeight(size)
	op.GeoM.Translate(math.Round(x), math.Round(y+(lh-(m.HAscent+m.HDescent))/2))
	op.ColorScale.ScaleWithColor(clr)
	text.Draw(dst, s, f, op)
}

// DrawTextAligned draws s in the box r, horizontally aligned by align (0
// left, 0.5 centre, 1 right) and vertically centred.
func (u *UI) DrawTextAligned(dst *ebiten.Image, s string, st Style, size float64, r Rect, align float64, clr color.Color) {
	w := u.Measure(s, st, size)
	x := r.X + (r.W-w)*align
	y := r.Y + (r.H-u.LineHeight(size))/2
	u.DrawText(dst, s, st, size, x, y, clr)
}

// Wrap breaks styled runs into lines no wider than width device pixels at
// text size size, with UAX #14 line breaking (see layout.Wrap).
func (u *UI) Wrap(runs []layout.Run, size, width float64) []layout.Line {
	return layout.Wrap(runs, width, func(s string, st int) float64 {
		return u.Measure(s, Style(st), size)
	})
}

// WrapPlain wraps a single-style string.
func (u *UI) WrapPlain(s string, st Style, size, width float64) []layout.Line {
	return u.Wrap([]layout.Run{{Text: s, Style: int(st)}}, size, width)
}

// DrawLines draws wrapped lines with the first line's top at (x, y), one
// lineHeight(size) apart, and returns the height used.
func (u *UI) DrawLines(dst *ebiten.Image, lines []layout.Line, size, x, y float64, clr color.Color) float64 {
	lh := u.LineHeight(size)
	for i, l := range lines {
		ly := y + float64(i)*lh
		for _, p := range l.Pieces {
			u.DrawText(dst, p.Text, Style(p.Style), size, x+p.X, ly, clr)
		}
	}
	return float64(len(lines)) * lh
}

// drawWrapped wraps s to width and draws it from (x, y); it returns the
// height used in device pixels. Prefer wrapping once in Update and
// drawLines in Draw for long texts.
func (u *UI) drawWrapped(dst *ebiten.Image, s string, st Style, size, x, y, width float64, clr color.Color) float64 {
	return u.DrawLines(dst, u.WrapPlain(s, st, size, width), size, x, y, clr)
}
