//go:build xvfb

package game

import (
	"bytes"
	"errors"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/longtail-case/longtail/assets/cjk"
	"github.com/longtail-case/longtail/content"
	"github.com/longtail-case/longtail/content/markdown"
	"github.com/longtail-case/longtail/game/epilogue"
	"github.com/longtail-case/longtail/game/menu"
	"github.com/longtail-case/longtail/game/play"
	"github.com/longtail-case/longtail/game/reader"
	"github.com/longtail-case/longtail/game/results"
	"github.com/longtail-case/longtail/game/widget"
)

// Render tests of the Chinese edition: the screens in Chinese, switching
// language in the middle of a round and of the results, and fetching the
// type as the browser does.

// chineseType is the desktop's Chinese type (cmd/longtail embeds the same).
func chineseType() *widget.CJKFonts {
	return &widget.CJKFonts{Regular: cjk.OTF(cjk.Regular), Bold: cjk.OTF(cjk.Bold)}
}

// toRound goes from chapter 1's reader to its round (as TestPlayThrough).
func (hs *harness) toRound() *play.Session {
	hs.t.Helper()
	hs.wantScene("reader")
	hs.tab(1)
	hs.ticks(30)
	hs.press()
	hs.wantScene("round")
	sess := hs.g.C.Current
	if sess == nil {
		hs.t.Fatal("no session in the round")
	}
	return sess
}

// playOut plays every round left and opens the results.
func (hs *harness) playOut(sess *play.Session) {
	hs.t.Helper()
	for !sess.Done() {
		if _, err := sess.Step(); err != nil {
			hs.t.Fatal(err)
		}
		hs.g.C.RoundPlayed(sess)
		hs.ticks(2)
	}
	hs.ticks(5)
	hs.press()
	hs.wantScene("results")
}

// TestChineseScreens saves the title (and its settings), the reader, the
// round, the pause menu, the results (and their analysis) and the
// epilogue in Chinese, with the Chinese chapters, at 1280×800 and at
// 640×480 with 200% text.
func TestChineseScreens(t *testing.T) {
	for _, tc := range []struct {
		name string
		w, h float64
		text float64
	}{
		{"1280", 1280, 800, 1},
		{"640-200pct", 640, 480, 2},
	} {
		t.Run(tc.name, func(t *testing.T) {
			hs := newHarness(t, Config{Chapter: -1, Lang: "zh-Hans", CJK: chineseType(), DocsFor: content.CompiledLang}, tc.w, tc.h)
			hs.g.C.Settings.TextScale = tc.text
			hs.ticks(2)
			if got := hs.g.C.Lang(); got != "zh-Hans" {
				t.Fatalf("language %q, want zh-Hans", got)
			}
			hs.wantScene("title")
			hs.shot("zh-title-" + tc.name)
			hs.tab(3) // Start, Sandbox, Load, Settings
			hs.press()
			hs.shot("zh-title-settings-" + tc.name)
			hs.tick(widget.Intents{Back: true})

			hs2 := newHarness(t, Config{Chapter: 1, Lang: "zh-Hans", CJK: chineseType(), DocsFor: content.CompiledLang}, tc.w, tc.h)
			hs2.g.C.Settings.TextScale = tc.text
			hs2.ticks(2)
			hs2.shot("zh-reader-" + tc.name)
			sess := hs2.toRound()
			hs2.ticks(10)
			hs2.shot("zh-round-" + tc.name)
			hs2.tick(widget.Intents{Back: true})
			hs2.shot("zh-pause-" + tc.name)
			hs2.tick(widget.Intents{Back: true})
			hs2.playOut(sess)
			hs2.shot("zh-results-" + tc.name)
			res := hs2.g.cur.(*results.Scene)
			for i := 0; i < 400 && res.Why.State == results.WhyRunning; i++ {
				hs2.tick(widget.Intents{})
			}
			res.Scroll = res.WhyTop
			hs2.tick(widget.Intents{})
			hs2.shot("zh-results-why-" + tc.name)
			if err := hs2.g.enter(epilogue.New(&hs2.g.C)); err != nil {
				t.Fatal(err)
			}
			hs2.ticks(60) // the frontier sweeps one setting a tick
			hs2.wantScene("epilogue")
			hs2.shot("zh-epilogue-" + tc.name)
		})
	}
}

// pauseLang opens the pause menu, moves to its language control (after
// Resume) and chooses the next language; it leaves the menu open.
func (hs *harness) pauseLang() *menu.Pause {
	hs.t.Helper()
	hs.tick(widget.Intents{Back: true})
	if len(hs.g.overlays) == 0 {
		hs.t.Fatal("Escape did not open the pause menu")
	}
	p := hs.g.overlays[len(hs.g.overlays)-1].(*menu.Pause)
	hs.tab(1)
	if _, ok := p.Focused().(*widget.Choice); !ok {
		hs.t.Fatalf("the second control of the pause menu is %T, want the language choice", p.Focused())
	}
	hs.press()
	return p
}

// TestSwitchMidRound switches to Chinese from the pause menu in the
// middle of a round and back: the session (the same one, its rounds and
// decisions), the progress and the menu's focus stay; the choice is saved.
func TestSwitchMidRound(t *testing.T) {
	dir := t.TempDir()
	hs := newHarness(t, Config{Chapter: 1, SaveDir: dir, CJK: chineseType(), DocsFor: content.CompiledLang}, 1280, 800)
	sess := hs.toRound()
	if err := sess.Set("take_rate", 0.15); err != nil {
		t.Fatal(err)
	}
	hs.g.C.LeverChanged(sess)
	for range 3 {
		if _, err := sess.Step(); err != nil {
			t.Fatal(err)
		}
		hs.g.C.RoundPlayed(sess)
		hs.ticks(2)
	}
	round, logged := sess.Round(), len(sess.Log())
	p := hs.pauseLang()
	if got := hs.g.C.Lang(); got != "zh-Hans" {
		t.Fatalf("language %q after choosing the next one, want zh-Hans", got)
	}
	hs.ticks(2)
	hs.shot("zh-switch-pause")
	if _, ok := p.Focused().(*widget.Choice); !ok || hs.g.overlays[len(hs.g.overlays)-1] != p {
		t.Errorf("after the switch the pause menu's focus is on %T, want the language choice", p.Focused())
	}
	hs.tick(widget.Intents{Back: true}) // close the menu
	hs.ticks(3)
	hs.wantScene("round")
	hs.shot("zh-switch-round")
	if hs.g.C.Current != sess || hs.g.C.Sessions[1] != sess || sess.Round() != round || len(sess.Log()) != logged {
		t.Errorf("the switch lost the session: current %p (want %p), round %d (want %d), %d decisions (want %d)",
			hs.g.C.Current, sess, sess.Round(), round, len(sess.Log()), logged)
	}
	if ch := hs.g.C.Progress.ChapterByNumber(1); ch.Played != round {
		t.Errorf("progress has %d rounds played, want %d", ch.Played, round)
	}
	data, err := os.ReadFile(filepath.Join(dir, "save.json"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(data, []byte(`"lang": "zh-Hans"`)) {
		t.Errorf("the save does not remember the language:\n%.400s", data)
	}
	// Rounds go on in Chinese; then back to English.
	if _, err := sess.Step(); err != nil {
		t.Fatal(err)
	}
	hs.g.C.RoundPlayed(sess)
	hs.ticks(2)
	hs.pauseLang()
	hs.tick(widget.Intents{Back: true})
	hs.ticks(2)
	if got := hs.g.C.Lang(); got != "en" || hs.g.C.Current != sess || sess.Round() != round+1 {
		t.Errorf("back to English: language %q, session kept %v, round %d (want %d)", got, hs.g.C.Current == sess, sess.Round(), round+1)
	}
	// A new game in the same save directory starts in the saved language.
	hs2 := newHarness(t, Config{Chapter: -1, SaveDir: dir, CJK: chineseType()}, 1280, 800)
	if got := hs2.g.C.Lang(); got != "en" {
		t.Errorf("a new game starts in %q, want the saved en", got)
	}
}

// TestSwitchInResults switches language while a reflection is being
// typed: the text is saved first and is still there in the new language.
func TestSwitchInResults(t *testing.T) {
	dir := t.TempDir()
	hs := newHarness(t, Config{Chapter: 1, SaveDir: dir, CJK: chineseType(), DocsFor: content.CompiledLang}, 1280, 800)
	sess := hs.toRound()
	hs.playOut(sess)
	hs.tick(widget.Intents{FocusNext: true})
	const typed = "开放带来了新人，也减少了收入。"
	hs.tick(widget.Intents{Runes: []rune(typed)})
	hs.pauseLang()
	hs.tick(widget.Intents{Back: true})
	hs.ticks(2)
	hs.wantScene("results")
	hs.shot("zh-switch-results")
	prompt := sess.Setup().Prompts[0]
	if got := hs.g.C.Progress.Reflection(1, 1, prompt); got != typed {
		t.Errorf("reflection after the switch = %q, want %q", got, typed)
	}
	res := hs.g.cur.(*results.Scene)
	if hs.g.C.Current != sess || len(res.Goals) != len(sess.Setup().Goals) {
		t.Errorf("the results lost the session or its goals")
	}
	// The answer typed under the English prompt is handed in under the
	// Chinese one: the edition the submission records.
	zh := hs.g.C.DocByNumber(1)
	sub := hs.g.C.Submission()
	if zh == nil || zh.Lang != "zh-Hans" || sub.Locale != "zh-Hans" || len(sub.Reflections) != 1 ||
		sub.Reflections[0].Prompt != zh.Setup.Prompts[0] || sub.Reflections[0].Text != typed {
		t.Errorf("submission after the switch: locale %q, reflections %+v", sub.Locale, sub.Reflections)
	}
}

// fakeFetch is a FontFetcher that delivers after a number of polls, or fails.
type fakeFetch struct {
	starts, polls, after int
	fail                 error
}

func (f *fakeFetch) Start() { f.starts++; f.polls = 0 }

func (f *fakeFetch) Poll() (int64, int64, *widget.CJKFonts, error) {
	f.polls++
	const total = 2_000_000
	if f.polls < f.after {
		return int64(f.polls) * total / int64(f.after), total, nil, nil
	}
	if f.fail != nil {
		return 0, total, nil, f.fail
	}
	return total, total, chineseType(), nil
}

// TestFetchType: without the type but with a fetcher (the browser),
// Chinese is offered; choosing it fetches the type, shows the progress and
// switches when it is in; a failed fetch leaves the game in English with a
// message naming the cause.
func TestFetchType(t *testing.T) {
	none := newHarness(t, Config{Chapter: -1}, 1280, 800)
	if got := strings.Join(none.g.C.Langs, " "); got != "en" {
		t.Errorf("without the type or a fetcher the languages are %q, want en alone", got)
	}

	f := &fakeFetch{after: 20}
	hs := newHarness(t, Config{Chapter: -1, FetchCJK: f}, 1280, 800)
	if got := strings.Join(hs.g.C.Langs, " "); got != "en zh-Hans" {
		t.Fatalf("languages %q, want en zh-Hans", got)
	}
	hs.ticks(2)
	hs.shot("en-title-fetcher") // the language control names Chinese in Chinese (assets.LangNames)
	hs.tab(3)
	hs.press() // Settings
	hs.press() // the language control is first: the next language
	if f.starts != 1 || hs.g.C.PendingLang != "zh-Hans" || hs.g.C.Lang() != "en" {
		t.Fatalf("after choosing Chinese: %d starts, pending %q, language %q", f.starts, hs.g.C.PendingLang, hs.g.C.Lang())
	}
	hs.ticks(8)
	if !strings.Contains(hs.g.C.LangNote, "%") {
		t.Errorf("while loading the note is %q, want a percentage", hs.g.C.LangNote)
	}
	hs.shot("zh-fetch-loading")
	hs.ticks(15)
	if hs.g.C.Lang() != "zh-Hans" || hs.g.C.PendingLang != "" || !hs.g.C.UI.HasCJK() {
		t.Fatalf("after the fetch: language %q, pending %q", hs.g.C.Lang(), hs.g.C.PendingLang)
	}
	hs.shot("zh-fetch-done")

	bad := &fakeFetch{after: 3, fail: errors.New("HTTP 404")}
	hs2 := newHarness(t, Config{Chapter: -1, Lang: "zh-Hans", FetchCJK: bad}, 1280, 800)
	hs2.ticks(5)
	if hs2.g.C.Lang() != "en" || hs2.g.C.PendingLang != "" || !strings.Contains(hs2.g.C.Notice, "HTTP 404") {
		t.Errorf("after a failed fetch: language %q, pending %q, notice %q", hs2.g.C.Lang(), hs2.g.C.PendingLang, hs2.g.C.Notice)
	}
	hs2.shot("zh-fetch-failed")
}

// TestEnglishUnchanged: with the Chinese type loaded, the English screens
// are drawn pixel for pixel as without it (the Go faces alone).
func TestEnglishUnchanged(t *testing.T) {
	for _, chapter := range []int{-1, 1} {
		// The language control (which names Chinese with the Chinese type
		// in one, with assets.LangNames in the other) is left out.
		a := newHarness(t, Config{Chapter: chapter}, 1280, 800)
		b := newHarness(t, Config{Chapter: chapter, CJK: chineseType()}, 1280, 800)
		b.g.C.Langs = []string{"en"}
		a.ticks(2)
		b.ticks(2)
		ia, ib := a.shot(fmt.Sprintf("en-without-cjk-%d", chapter)), b.shot(fmt.Sprintf("en-with-cjk-%d", chapter))
		if !bytes.Equal(ia.Pix, ib.Pix) {
			n := 0
			for i := range ia.Pix {
				if ia.Pix[i] != ib.Pix[i] {
					n++
				}
			}
			t.Errorf("chapter %d: %d bytes of the English screen differ with the Chinese type loaded", chapter, n)
		}
	}
}

// TestAssignmentLocale: an assignment's locale picks the language of its
// students unless the -lang flag or the student's saved choice says
// otherwise.
func TestAssignmentLocale(t *testing.T) {
	data, err := os.ReadFile("../content/assignments/example.toml")
	if err != nil {
		t.Fatal(err)
	}
	zh := append([]byte("locale = \"zh-Hans\"\n"), data...)
	dir := t.TempDir()
	hs := newHarness(t, Config{Chapter: -1, SaveDir: dir, Assignment: zh, AssignmentName: "zh.toml", CJK: chineseType()}, 1280, 800)
	if hs.g.C.Assignment == nil {
		t.Fatalf("assignment not loaded: %s", hs.g.C.Notice)
	}
	if got := hs.g.C.Lang(); got != "zh-Hans" {
		t.Errorf("with the assignment's locale: language %q, want zh-Hans", got)
	}
	hs.shot("zh-title-assignment")
	flag := newHarness(t, Config{Chapter: -1, Lang: "en", Assignment: zh, AssignmentName: "zh.toml", CJK: chineseType()}, 1280, 800)
	if got := flag.g.C.Lang(); got != "en" {
		t.Errorf("with -lang en: language %q, want en", got)
	}
	// The student switches to English; the next start keeps English.
	hs.g.C.WantLang = "en"
	hs.tick(widget.Intents{})
	again := newHarness(t, Config{Chapter: -1, SaveDir: dir, Assignment: zh, AssignmentName: "zh.toml", CJK: chineseType()}, 1280, 800)
	if got := again.g.C.Lang(); got != "en" {
		t.Errorf("after the student chose English: language %q, want en", got)
	}
}

// TestDocsFor: when the game can get the documents of a language
// (Config.DocsFor), switching shows them: the reader keeps its place in
// the same chapter of the new documents. A failure keeps the documents
// shown, with a message.
func TestDocsFor(t *testing.T) {
	docs, err := markdown.Load(content.Files)
	if err != nil {
		t.Fatal(err)
	}
	fail := false
	docsFor := func(lang string) ([]content.Document, error) {
		if fail {
			return nil, errors.New("no chapters for " + lang)
		}
		out := slices.Clone(docs)
		for i := range out {
			out[i].Title = lang + ": " + out[i].Title // stands in for the translated chapter
		}
		return out, nil
	}
	hs := newHarness(t, Config{Chapter: 1, CJK: chineseType(), DocsFor: docsFor}, 1280, 800)
	r := hs.g.cur.(*reader.Scene)
	hs.tick(widget.Intents{Page: 1})
	hs.ticks(30)
	frac := r.Pos / (r.Height - r.View.H)
	hs.pauseLang()
	hs.tick(widget.Intents{Back: true})
	hs.ticks(3)
	if r2 := hs.g.cur.(*reader.Scene); r2 != r || !strings.HasPrefix(r.Doc.Title, "zh-Hans: ") || r.Doc.Number != 1 {
		t.Fatalf("after the switch the reader shows %q (same scene %v)", r.Doc.Title, r2 == r)
	}
	if got := r.Pos / (r.Height - r.View.H); math.Abs(got-frac) > 0.02 {
		t.Errorf("the reader's place moved from %.3f to %.3f of the chapter", frac, got)
	}
	hs.shot("zh-docsfor-reader")
	fail = true
	hs.pauseLang()
	hs.tick(widget.Intents{Back: true})
	hs.ticks(2)
	if hs.g.C.Lang() != "en" || !strings.HasPrefix(r.Doc.Title, "zh-Hans: ") || !strings.Contains(hs.g.C.Notice, "no chapters for en") {
		t.Errorf("after a failed DocsFor: language %q, title %q, notice %q", hs.g.C.Lang(), r.Doc.Title, hs.g.C.Notice)
	}
}
