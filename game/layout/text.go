// Package layout holds the game's pure view maths: line breaking of styled
// text (this file), and the network and chart geometry. It never imports
// ebiten; sizes are measured through functions the caller injects.
package layout

import (
	"strings"
	"unicode/utf8"

	"github.com/rivo/uniseg"
)

// Run is a piece of text in one style. Style is an index the caller
// chooses (for example regular, bold, italic, mono); Wrap passes it back to
// the measure function and copies it into the pieces it returns.
type Run struct {
	Text  string
	Style int
}

// Measure returns the advance width of s drawn in style, in the same unit
// as the width given to Wrap (usually device pixels).
type Measure func(s string, style int) float64

// Piece is a part of a line in one style, placed at X from the line's
// start.
type Piece struct {
	Text  string
	Style int
	X     float64
}

// Line is one wrapped line. Width is the advance of its visible text,
// trailing spaces excluded.
type Line struct {
	Pieces []Piece
	Width  float64
}

// Text returns the line's text without styles.
func (l Line) Text() string {
	var b strings.Builder
	for _, p := range l.Pieces {
		b.WriteString(p.Text)
	}
	return b.String()
}

// segPart is the part of a line-break segment that lies in one run.
type segPart struct {
	text  string
	style int
}

// Wrap breaks styled runs into lines no wider than width, breaking only
// where Unicode's line breaking algorithm (UAX #14, via uniseg) allows,
// which handles spaces in Latin text and breaks between ideographs in
// Chinese, and where the Chinese rules of line breaking (禁则, see
// noLineStart and noLineEnd) allow: no line starts with a closing mark such
// as ，。、；：？！）」”…— and no line ends with an opening one such as
// （「“. A mandatory break (a newline) always ends a line. A segment wider
// than width on its own is split between grapheme clusters, keeping to the
// Chinese rules where a split can. Trailing spaces do not count towards a
// line's width. Runs are never reordered. Wrap returns no lines for empty
// input; a width ≤ 0 puts each segment on its own line.
func Wrap(runs []Run, width float64, measure Measure) []Line {
	var full strings.Builder
	starts := make([]int, 0, len(runs)) // byte offset of each run in full
	for _, r := range runs {
		starts = append(starts, full.Len())
		full.WriteString(r.Text)
	}
	text := full.String()
	if text == "" {
		return nil
	}
	// parts splits text[a:b] by run boundaries.
	parts := func(a, b int, dst []segPart) []segPart {
		dst = dst[:0]
		for i, r := range runs {
			rs, re := starts[i], starts[i]+len(r.Text)
			lo, hi := max(a, rs), min(b, re)
			if lo < hi {
				dst = append(dst, segPart{text[lo:hi], r.Style})
			}
		}
		return dst
	}

	w := &wrapper{width: width, measure: measure}
	var buf []segPart
	state := -1
	start, end := 0, 0 // the segment being gathered: text[start:end]
	rest := text
	for len(rest) > 0 {
		var seg string
		var must bool
		seg, rest, must, state = uniseg.FirstLineSegmentInString(rest, state)
		end += len(seg)
		// Keep gathering while the next break would start a line with a
		// closing mark or end one with an opening mark.
		if !must && len(rest) > 0 && (noLineStart(first(rest)) || noLineEnd(last(text[start:end]))) {
			continue
		}
		buf = parts(start, end, buf)
		w.add(buf)
		if must && !(len(rest) == 0 && !uniseg.HasTrailingLineBreakInString(seg)) {
			w.flush(true)
		}
		start = end
	}
	w.flush(false)
	return w.lines
}

// wrapper accumulates segments into lines.
type wrapper struct {
	width   float64
	measure Measure
	lines   []Line
	cur     Line
	curEnd  float64 // advance including trailing spaces
	started bool
}

func (w *wrapper) add(seg []segPart) {
	// Strip a trailing newline: it is the break, not content.
	segW, visW := w.widths(seg)
	if w.started && w.curEnd+visW > w.width && len(w.cur.Pieces) > 0 {
		w.flush(true)
	}
	if visW > w.width && w.width > 0 {
		w.addLong(seg)
		return
	}
	w.place(seg, segW, visW)
}

// widths returns the segment's full advance and its advance without
// trailing white space.
func (w *wrapper) widths(seg []segPart) (full, visible float64) {
	trailing := true
	for i := len(seg) - 1; i >= 0; i-- {
		p := seg[i]
		t := strings.TrimRight(p.text, "\r\n")
		adv := w.measure(t, p.style)
		full += adv
		if trailing {
			v := strings.TrimRight(t, " \t\u3000")
			if v != "" {
				trailing = false
				visible += w.measure(v, p.style)
			}
			continue
		}
		visible += adv
	}
	return full, visible
}

func (w *wrapper) place(seg []segPart, segW, visW float64) {
	x := w.curEnd
	for _, p := range seg {
		t := strings.TrimRight(p.text, "\r\n")
		if t == "" {
			continue
		}
		adv := w.measure(t, p.style)
		n := len(w.cur.Pieces)
		if n > 0 && w.cur.Pieces[n-1].Style == p.style {
			w.cur.Pieces[n-1].Text += t
		} else {
			w.cur.Pieces = append(w.cur.Pieces, Piece{Text: t, Style: p.style, X: x})
		}
		x += adv
	}
	if visW > 0 {
		w.cur.Width = w.curEnd + visW
	}
	w.curEnd += segW
	w.started = true
}

// addLong places a segment wider than the line, breaking it between
// grapheme clusters: first into units that keep the Chinese rules (a
// cluster that may not start a line, or a space, joins the one before it;
// one that may not end a line joins the one after it), then, for a unit still wider
// than the line, between any two clusters.
func (w *wrapper) addLong(seg []segPart) {
	var unit []segPart
	place := func() {
		if len(unit) == 0 {
			return
		}
		segW, visW := w.widths(unit)
		if w.started && len(w.cur.Pieces) > 0 && w.curEnd+visW > w.width {
			w.flush(true)
		}
		if visW <= w.width {
			w.place(unit, segW, visW)
		} else {
			for _, p := range unit {
				w.addClusters(p)
			}
		}
		unit = unit[:0]
	}
	prev := ""
	for _, p := range seg {
		rest := strings.TrimRight(p.text, "\r\n")
		state := -1
		for len(rest) > 0 {
			var cl string
			cl, rest, _, state = uniseg.FirstGraphemeClusterInString(rest, state)
			// A space stays with what it follows, as between segments.
			if prev != "" && !noLineStart(first(cl)) && !noLineEnd(last(prev)) && strings.TrimSpace(cl) != "" {
				place()
			}
			if n := len(unit); n > 0 && unit[n-1].style == p.style {
				unit[n-1].text += cl
			} else {
				unit = append(unit, segPart{cl, p.style})
			}
			prev = cl
		}
	}
	place()
}

// addClusters places one part between any two grapheme clusters.
func (w *wrapper) addClusters(p segPart) {
	rest := p.text
	state := -1
	for len(rest) > 0 {
		var cl string
		cl, rest, _, state = uniseg.FirstGraphemeClusterInString(rest, state)
		adv := w.measure(cl, p.style)
		vis := adv
		if strings.TrimSpace(cl) == "" {
			vis = 0
		}
		if w.started && len(w.cur.Pieces) > 0 && w.curEnd+vis > w.width {
			w.flush(true)
		}
		w.place([]segPart{{cl, p.style}}, adv, vis)
	}
}

// noLineStart reports whether a line may not start with r: closing
// punctuation of Chinese (，。、；：？！ and the closing brackets and
// quotes), the ellipsis and the dashes, and their half-width twins.
func noLineStart(r rune) bool {
	return strings.ContainsRune("，。、；：？！）］｝〕〗〙〛」』》〉】”’…‥—–～・·％"+",.;:?!)]}%", r)
}

// noLineEnd reports whether a line may not end with r: the opening
// brackets and quotes of Chinese (（「『《〈【“‘ …) and their half-width
// twins.
func noLineEnd(r rune) bool {
	return strings.ContainsRune("（［｛〔〖〘〚「『《〈【“‘"+"([{", r)
}

// first returns the first rune of s (utf8.RuneError for "").
func first(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

// last returns the last rune of s (utf8.RuneError for "").
func last(s string) rune {
	r, _ := utf8.DecodeLastRuneInString(s)
	return r
}

func (w *wrapper) flush(force bool) {
	if !w.started && !force {
		return
	}
	w.lines = append(w.lines, w.cur)
	w.cur = Line{}
	w.curEnd = 0
	w.started = false
}
