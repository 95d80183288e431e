//go:build xvfb

package widget

import (
	"math"
	"strings"
	"testing"

	"github.com/longtail-case/longtail/assets/cjk"
	"github.com/longtail-case/longtail/game/i18n"
)

// newUI returns the toolkit in lang at scale 1, with the Chinese type
// when zh is true.
func newUI(t *testing.T, lang string, zh bool) *UI {
	t.Helper()
	cat, err := i18n.New(lang)
	if err != nil {
		t.Fatal(err)
	}
	var f *CJKFonts
	if zh {
		f = &CJKFonts{Regular: cjk.OTF(cjk.Regular), Bold: cjk.OTF(cjk.Bold)}
	}
	u, err := NewUI(cat, f)
	if err != nil {
		t.Fatal(err)
	}
	return u
}

// TestFaceOrder: which faces draw a text, by language and content.
func TestFaceOrder(t *testing.T) {
	en, enZh, zh := newUI(t, "en", false), newUI(t, "en", true), newUI(t, "zh-Hans", true)
	for _, tc := range []struct {
		u    *UI
		name string
		s    string
		st   Style
		want faceOrder
	}{
		{en, "en without the type", "English", Regular, goOnly},
		{en, "a language's name without the type", "简体中文", Bold, goThenNames},
		{enZh, "English text", "Long Tail", Regular, goOnly},
		{enZh, "English quotes", "“open”", Bold, goOnly},
		{enZh, "Chinese in English screens", "简体中文", Bold, goThenCJK},
		{zh, "Chinese", "长尾", Regular, cjkFirst},
		{zh, "Chinese with Latin", "作业：Week 3", Regular, cjkFirst},
		{zh, "digits", "1,129", Regular, cjkFirst},
		{zh, "a Latin word", "WeChat’s", Italic, goThenCJK},
		{zh, "mono", "长尾", Mono, goThenCJK},
		{zh, "mono Latin", "take_rate", Mono, goThenCJK},
	} {
		if got := tc.u.order(tc.s, tc.st); got != tc.want {
			t.Errorf("%s: order(%q) = %d, want %d", tc.name, tc.s, got, tc.want)
		}
	}
}

// TestChineseAdvances: Han and full-width punctuation are 1 em wide in the
// Chinese face (Noto's ideographs are 1000 units in a 1000-unit em); in
// Chinese screens “ ” are full width too, while in English they keep the
// Go face's narrow quotes; Latin words measure the same in both
// languages (they stay in the Go faces); English text measures the same
// with or without the Chinese type.
func TestChineseAdvances(t *testing.T) {
	en, enZh, zh := newUI(t, "en", false), newUI(t, "en", true), newUI(t, "zh-Hans", true)
	em := zh.TextPx(SizeBody)
	near := func(a, b float64) bool { return math.Abs(a-b) < 0.01 }
	if w := zh.Measure("长尾，", Regular, SizeBody); !near(w, 3*em) {
		t.Errorf("长尾， is %.2f px, want 3 em = %.2f", w, 3*em)
	}
	if w := zh.Measure("“长尾”", Regular, SizeBody); !near(w, 4*em) {
		t.Errorf("“长尾” in Chinese is %.2f px, want 4 em = %.2f (full-width quotes)", w, 4*em)
	}
	if w := enZh.Measure("“", Regular, SizeBody); w > 0.6*em {
		t.Errorf("“ in English is %.2f px, want the Go face's narrow quote (< 0.6 em)", w)
	}
	for _, s := range []string{"WeChat", "platform’s", "Long Tail", "1,129"} {
		for _, st := range []Style{Regular, Bold, Italic} {
			a, b, c := en.Measure(s, st, SizeBody), enZh.Measure(s, st, SizeBody), zh.Measure(s, st, SizeBody)
			if a != b || (s != "platform’s" && a != c) {
				t.Errorf("%q style %d: %.2f px in English, %.2f with the Chinese type, %.2f in Chinese; want the same", s, st, a, b, c)
			}
		}
	}
	// Without the type, the language names' glyphs are 1 em too.
	if w := en.Measure("中文", Bold, SizeBody); !near(w, 2*em) {
		t.Errorf("without the Chinese type 中文 is %.2f px, want 2 em = %.2f (assets.LangNames)", w, 2*em)
	}
}

// TestBrokenCJK: a broken or empty Chinese font is an error naming the
// face, never a crash, and leaves the toolkit without Chinese.
func TestBrokenCJK(t *testing.T) {
	good := cjk.OTF(cjk.Regular)
	for _, tc := range []struct {
		name string
		f    CJKFonts
		want string
	}{
		{"empty bold", CJKFonts{Regular: good}, "bold font is empty"},
		{"garbage regular", CJKFonts{Regular: "not a font at all", Bold: good}, "regular"},
		{"truncated bold", CJKFonts{Regular: good, Bold: cjk.OTF(cjk.Bold)[:4096]}, "bold"},
		{"an HTML error page", CJKFonts{Regular: "<!doctype html><title>404</title>", Bold: good}, "regular"},
	} {
		u := newUI(t, "en", false)
		err := u.AddCJK(&tc.f)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: err = %v, want it to mention %q", tc.name, err, tc.want)
		}
		if u.HasCJK() {
			t.Errorf("%s: the toolkit has Chinese after a failed AddCJK", tc.name)
		}
	}
}

// FuzzAddCJK: whatever bytes arrive as the Chinese faces, AddCJK returns
// (an error or the faces) and measuring text afterwards does not crash.
func FuzzAddCJK(f *testing.F) {
	good := cjk.OTF(cjk.Regular)
	f.Add([]byte(good[:2048]))
	f.Add([]byte("OTTO\x00\x0a\x00\x80"))
	f.Add([]byte{})
	cat, err := i18n.New("zh-Hans")
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		u, err := NewUI(cat, nil)
		if err != nil {
			t.Fatal(err)
		}
		if u.AddCJK(&CJKFonts{Regular: string(b), Bold: string(b)}) == nil {
			u.Measure("长尾 Long Tail", Regular, SizeBody)
		}
	})
}
