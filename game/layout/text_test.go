package layout

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// mono measures every rune as 1 unit, and style 1 (bold) as 2 units, so
// expected widths can be counted by hand.
func mono(s string, style int) float64 {
	n := float64(utf8.RuneCountInString(s))
	if style == 1 {
		return 2 * n
	}
	return n
}

func texts(lines []Line) []string {
	out := make([]string, len(lines))
	for i, l := range lines {
		out[i] = l.Text()
	}
	return out
}

func TestWrap(t *testing.T) {
	tests := []struct {
		name  string
		runs  []Run
		width float64
		want  []string
	}{
		{"empty", nil, 10, nil},
		{"fits", []Run{{Text: "hello world"}}, 11, []string{"hello world"}},
		// "hello " is 6 wide with its space; "world" would end at 11 > 10.
		{"breaks at space", []Run{{Text: "hello world"}}, 10, []string{"hello ", "world"}},
		// A trailing space does not count: "aa bb" is 5 wide, exactly the width.
		{"trailing space free", []Run{{Text: "aa bb cc"}}, 5, []string{"aa bb ", "cc"}},
		// A word longer than the line is split between characters.
		{"long word", []Run{{Text: "abcdefghij"}}, 4, []string{"abcd", "efgh", "ij"}},
		{"long word after short", []Run{{Text: "ab abcdefgh"}}, 4, []string{"ab ", "abcd", "efgh"}},
		// Chinese has no spaces: UAX #14 allows a break between any two
		// ideographs, so 6 ideographs at width 4 make lines of 4 and 2.
		{"cjk", []Run{{Text: "平台生态系统"}}, 4, []string{"平台生态", "系统"}},
		// A full stop may not start a line (class CL): "态。" stays together.
		{"cjk punctuation", []Run{{Text: "平台生态。系统"}}, 4, []string{"平台生", "态。系统"}},
		{"newline", []Run{{Text: "one\ntwo"}}, 20, []string{"one", "two"}},
		{"blank line", []Run{{Text: "a\n\nb"}}, 20, []string{"a", "", "b"}},
		// Styles: "bold" is 8 wide in style 1; with " text" (5) it needs 13.
		{"styles", []Run{{Text: "bold", Style: 1}, {Text: " text"}}, 12, []string{"bold ", "text"}},
		{"hyphen", []Run{{Text: "free-for-all"}}, 9, []string{"free-for-", "all"}},
		{"zero width", []Run{{Text: "a b"}}, 0, []string{"a ", "b"}},
	}
	for _, tt := range tests {
		got := texts(Wrap(tt.runs, tt.width, mono))
		if strings.Join(got, "|") != strings.Join(tt.want, "|") || len(got) != len(tt.want) {
			t.Errorf("%s: Wrap(%v, %v) = %q, want %q", tt.name, tt.runs, tt.width, got, tt.want)
		}
	}
}

func TestWrapPieces(t *testing.T) {
	// "big" is bold (2 per rune, 6 wide), then " small" at X = 6.
	lines := Wrap([]Run{{Text: "big", Style: 1}, {Text: " small"}}, 100, mono)
	if len(lines) != 1 {
		t.Fatalf("got %d lines", len(lines))
	}
	p := lines[0].Pieces
	if len(p) != 2 || p[0].X != 0 || p[1].X != 6 || p[1].Text != " small" || p[0].Style != 1 {
		t.Errorf("pieces = %+v", p)
	}
	// Width: 6 + 6 (" small").
	if lines[0].Width != 12 {
		t.Errorf("width = %v, want 12", lines[0].Width)
	}
}

// TestWrapTextSize checks that doubling the text size (the measure) at the
// same width gives at least as many lines, each within the width.
func TestWrapTextSize(t *testing.T) {
	text := "Every platform carries the memory of how it was made. WeChat's memory is an uncomfortable one."
	double := func(s string, st int) float64 { return 2 * mono(s, st) }
	a := Wrap([]Run{{Text: text}}, 40, mono)
	b := Wrap([]Run{{Text: text}}, 40, double)
	if len(b) <= len(a) {
		t.Errorf("200%%: %d lines, 100%%: %d lines", len(b), len(a))
	}
	for _, l := range b {
		if l.Width > 40 {
			t.Errorf("line %q is %v wide", l.Text(), l.Width)
		}
	}
}

// TestWrapInvariants: no line is wider than the width unless it holds a
// single grapheme, and the lines joined give back the text minus newlines.
func TestWrapInvariants(t *testing.T) {
	for _, text := range []string{
		"The long tail sits at the rim, thin and dim; newcomers arrive at the edge.",
		"微信的开放战略：连接一切，平台、用户与服务商共同创造价值。",
		"mixed 中文 and English, with punctuation!",
	} {
		for _, w := range []float64{1, 3, 7, 15, 40} {
			lines := Wrap([]Run{{Text: text}}, w, mono)
			var b strings.Builder
			for _, l := range lines {
				if l.Width > w && utf8.RuneCountInString(strings.TrimSpace(l.Text())) > 1 {
					t.Errorf("width %v: line %q is %v wide", w, l.Text(), l.Width)
				}
				b.WriteString(l.Text())
			}
			if b.String() != text {
				t.Errorf("width %v: joined %q", w, b.String())
			}
		}
	}
}

func FuzzWrap(f *testing.F) {
	f.Add("hello world", 5.0)
	f.Add("平台生态系统", 2.0)
	f.Fuzz(func(t *testing.T, s string, w float64) {
		if !utf8.ValidString(s) {
			return
		}
		for _, l := range Wrap([]Run{{Text: s}}, w, mono) {
			if l.Width < 0 {
				t.Fatal("negative width")
			}
		}
	})
}

func BenchmarkWrapChapter(b *testing.B) {
	text := strings.Repeat("Every platform carries the memory of how it was made. ", 40)
	for b.Loop() {
		Wrap([]Run{{Text: text}}, 70, mono)
	}
}
