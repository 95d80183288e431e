package layout

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/rivo/uniseg"
)

// cells measures text as a terminal does, in cells of fixed advance:
// ideographs and full-width punctuation 2, Latin letters, digits, spaces
// and half-width punctuation 1 (uniseg's East Asian width), and style 1
// twice that, so every width below can be counted by hand.
func cells(s string, style int) float64 {
	n := float64(uniseg.StringWidth(s))
	if style == 1 {
		return 2 * n
	}
	return n
}

// TestWrapChinese checks the Chinese rules (禁则) with sentences in the
// style of the case. With mono every character is 1 wide, so a width of n
// holds n characters; with cells an ideograph or full-width mark is 2.
func TestWrapChinese(t *testing.T) {
	tests := []struct {
		name    string
		runs    []Run
		width   float64
		measure Measure
		want    []string
	}{
		// 7 characters at width 6: "。" may not start line 2, so "部" goes with it.
		{"full stop", []Run{{Text: "流量流向头部。"}}, 6, mono, []string{"流量流向头", "部。"}},
		{"full stop fits", []Run{{Text: "流量流向头部。"}}, 7, mono, []string{"流量流向头部。"}},
		// "，" after 4 characters: at width 4 the comma would start line 2,
		// so "放" moves down with it.
		{"comma", []Run{{Text: "微信开放，连接一切"}}, 4, mono, []string{"微信开", "放，连接", "一切"}},
		// "、" and "；" both stay after their word.
		{"enumeration", []Run{{Text: "用户、开发者；平台"}}, 3, mono, []string{"用户、", "开发", "者；平", "台"}},
		// "？" and "！" may not start a line.
		{"question", []Run{{Text: "谁受益？谁受损！"}}, 3, mono, []string{"谁受", "益？谁", "受损！"}},
		// "（" may not end a line and "）" may not start one: at width 3
		// "（生" and "态）" stay whole.
		{"brackets", []Run{{Text: "平台（生态）系统"}}, 3, mono, []string{"平台", "（生", "态）系", "统"}},
		// Corner brackets and book-title marks likewise: at width 4 line 1
		// ends after the character the opening mark clings to.
		{"corners", []Run{{Text: "他说「连接一切」"}}, 4, mono, []string{"他说「连", "接一切」"}},
		{"corners 3", []Run{{Text: "他说「连接一切」"}}, 3, mono, []string{"他说", "「连接", "一切」"}},
		{"book title", []Run{{Text: "读《长尾理论》后"}}, 4, mono, []string{"读《长尾", "理论》后"}},
		{"book title 5", []Run{{Text: "读《长尾理论》后"}}, 5, mono, []string{"读《长尾理", "论》后"}},
		// Curly quotes: “ stays with the character after it, ” with the one before.
		{"quotes", []Run{{Text: "所谓“长尾”就是"}}, 4, mono, []string{"所谓“长", "尾”就是"}},
		// uniseg's UAX #14 glues a quote to both neighbours, so "谓“长" is
		// one segment; at width 2 it is too wide and is split where the
		// rules allow, before "“".
		{"quotes 2", []Run{{Text: "所谓“长尾”就是"}}, 2, mono, []string{"所", "谓", "“长", "尾”", "就是"}},
		// The ellipsis and the em dash (two of each, as Chinese writes
		// them) never start a line; UAX #14 alone would break before "——".
		// At width 3 "等……" (3) fills line 2.
		{"ellipsis", []Run{{Text: "等等……然后"}}, 3, mono, []string{"等", "等……", "然后"}},
		{"dash", []Run{{Text: "开放——还是封闭"}}, 3, mono, []string{"开", "放——", "还是封", "闭"}},
		// At width 2 "放——" (3) cannot fit anywhere: it is split, and the
		// break the rules forbid is forced (the line is full).
		{"dash too narrow", []Run{{Text: "开放——还是"}}, 2, mono, []string{"开", "放—", "—还", "是"}},
		// Width in cells: each ideograph 2, so width 8 holds 4 of them;
		// "生态。" (6) would leave "。" alone, so "态" goes down with it.
		{"cells", []Run{{Text: "平台生态。系统"}}, 8, cells, []string{"平台生", "态。系统"}},
		// Mixed Chinese and English: "WeChat" (6 cells) is one word and
		// "，" (2 cells) clings to it: 6 + 8 > 10, so it starts line 2,
		// where "连" (2) still fits; the ideographs break anywhere.
		{"mixed", []Run{{Text: "腾讯的WeChat，连接一切"}}, 10, cells, []string{"腾讯的", "WeChat，连", "接一切"}},
		{"mixed spaces", []Run{{Text: "平台 platform 生态"}}, 9, cells, []string{"平台 ", "platform ", "生态"}},
		// Styles: "开放" is bold (4 cells each) and its "，" regular (2):
		// the comma may not leave "放" though they are in different runs.
		// "微信开" is 4 + 4 = 8; "放，" (6) would end at 14 > 12.
		{"styled", []Run{{Text: "微信"}, {Text: "开放", Style: 1}, {Text: "，连接"}}, 12, cells, []string{"微信开", "放，连接"}},
		// Half-width twins: a comma after a space may not start a line.
		{"half-width", []Run{{Text: "open ,closed"}}, 6, mono, []string{"open ,", "closed"}},
		// A newline still ends a line, even before "。".
		{"newline", []Run{{Text: "开放\n。封闭"}}, 10, mono, []string{"开放", "。封闭"}},
		// A unit wider than the line (a word and its comma at width 4)
		// splits, keeping "，" with the last letter.
		{"too narrow", []Run{{Text: "Tencent，好"}}, 4, mono, []string{"Tenc", "ent，", "好"}},
	}
	for _, tt := range tests {
		got := texts(Wrap(tt.runs, tt.width, tt.measure))
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("%s: Wrap(%+v, %v) = %q, want %q", tt.name, tt.runs, tt.width, got, tt.want)
		}
		checkKinsoku(t, tt.runs, tt.width, tt.measure)
	}
}

// checkKinsoku asserts what every wrap must keep: no text is lost (only
// the newlines that end lines are dropped), every run's style is kept, and
// no break that was not forced puts a closing mark at a line's start or an
// opening mark at a line's end. A break is forced by a newline (or any
// mandatory break of UAX #14, such as a form feed), or when
// the line is full: the next grapheme cluster would not have fitted.
func checkKinsoku(t *testing.T, runs []Run, width float64, measure Measure) {
	t.Helper()
	var want, got strings.Builder
	var wantStyles, gotStyles []int
	for _, r := range runs {
		for _, c := range strings.NewReplacer("\r", "", "\n", "").Replace(r.Text) {
			want.WriteRune(c)
			wantStyles = append(wantStyles, r.Style)
		}
	}
	lines := Wrap(runs, width, measure)
	var joined strings.Builder
	for _, l := range lines {
		for _, p := range l.Pieces {
			joined.WriteString(p.Text)
			for _, c := range strings.NewReplacer("\r", "", "\n", "").Replace(p.Text) {
				got.WriteRune(c)
				gotStyles = append(gotStyles, p.Style)
			}
		}
	}
	if got.String() != want.String() {
		t.Fatalf("width %v: text %q came back as %q", width, want.String(), got.String())
	}
	for i := range wantStyles {
		if wantStyles[i] != gotStyles[i] {
			t.Fatalf("width %v: rune %d of %q has style %d, want %d", width, i, want.String(), gotStyles[i], wantStyles[i])
		}
	}
	// The lines' texts, in order, against the text with its newlines, to
	// see which breaks a newline forced.
	var all strings.Builder
	for _, r := range runs {
		all.WriteString(r.Text)
	}
	text, pos := all.String(), 0
	for i, l := range lines {
		pos += len(l.Text())
		for pos < len(text) && (text[pos] == '\r' || text[pos] == '\n') {
			pos++
			if text[pos-1] == '\n' {
				break
			}
		}
		if i+1 == len(lines) || pos == 0 || text[pos-1] == '\n' || uniseg.HasTrailingLineBreakInString(l.Text()) || l.Text() == "" || lines[i+1].Text() == "" {
			continue
		}
		next := lines[i+1]
		cl := uniseg.FirstGraphemeClusterInString
		c, _, _, _ := cl(next.Text(), -1)
		np := next.Pieces[0]
		advance := 0.0 // the line's advance with its trailing spaces
		for _, p := range l.Pieces {
			advance += measure(p.Text, p.Style)
		}
		if advance+measure(c, np.Style) > width {
			continue // full: a forced break
		}
		if r := first(next.Text()); noLineStart(r) {
			t.Errorf("width %v: line %d of %q starts with %q", width, i+2, text, r)
		}
		if r := last(l.Text()); noLineEnd(r) {
			t.Errorf("width %v: line %d of %q ends with %q", width, i+1, text, r)
		}
	}
}

// TestWrapChineseWidths wraps longer passages at every width from 1 to
// their length and checks the rules at each.
func TestWrapChineseWidths(t *testing.T) {
	for _, runs := range [][]Run{
		{{Text: "微信的开放战略：连接一切，平台、用户与服务商共同创造价值。"}},
		{{Text: "“长尾”是什么？——就是那些（看似）微不足道的小开发者……"}},
		{{Text: "张小龙说：“"}, {Text: "用完即走", Style: 1}, {Text: "。”这是WeChat的原则（principle），not a slogan!"}},
		{{Text: "第一章\n「开放」\n\n第二章：价值网络。"}},
	} {
		for _, m := range []Measure{mono, cells} {
			for w := 1.0; w <= 70; w++ {
				checkKinsoku(t, runs, w, m)
			}
		}
	}
}

// FuzzWrapChinese: for any text in two styled runs and any width, no text
// is lost, styles stay, and an unforced break keeps the Chinese rules.
func FuzzWrapChinese(f *testing.F) {
	f.Add("微信开放，连接一切。", "（生态）“长尾”……——", 4.0, uint8(3))
	f.Add("WeChat，", "平台 platform\n。", 5.0, uint8(0))
	f.Add("", "「", 1.0, uint8(1))
	f.Fuzz(func(t *testing.T, a, b string, width float64, style uint8) {
		if !utf8.ValidString(a) || !utf8.ValidString(b) || width != width || width > 1e6 || len(a)+len(b) > 2000 {
			return
		}
		runs := []Run{{Text: a}, {Text: b, Style: int(style % 2)}}
		checkKinsoku(t, runs, width, cells)
		checkKinsoku(t, runs, width, mono)
	})
}
