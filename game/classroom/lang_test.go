package classroom

import (
	"os"
	"strings"
	"testing"

	"github.com/longtail-case/longtail/content"
	"github.com/longtail-case/longtail/content/markdown"
	"github.com/longtail-case/longtail/game/play"
)

// TestLocale checks which locales an assignment accepts and what it says
// about the others: near misses name the locale to write.
func TestLocale(t *testing.T) {
	const head = "title = \"T\"\n[[chapter]]\nnumber = 1\n"
	for _, tc := range []struct {
		locale string
		want   string // "" accepted
	}{
		{"", ""},
		{"en", ""},
		{"zh-Hans", ""},
		{"zh-CN", `a.toml:1: locale "zh-CN" is not a language of Long Tail: write "zh-Hans" for the Chinese edition`},
		{"zh_Hans", `write "zh-Hans"`},
		{"zh-hans", `write "zh-Hans"`},
		{"中文", `write "zh-Hans"`},
		{"en-GB", `locale "en-GB" is not a language of Long Tail: write "en" for the English edition`},
		{"fr", `a.toml:1: locale "fr" must be "en" or "zh-Hans" (or left out to let students choose)`},
	} {
		src := head
		if tc.locale != "" {
			src = "locale = \"" + tc.locale + "\"\n" + head
		}
		a, err := ParseAssignment("a.toml", []byte(src))
		switch {
		case tc.want == "" && err != nil:
			t.Errorf("locale %q: %v", tc.locale, err)
		case tc.want == "" && a.Locale != tc.locale:
			t.Errorf("locale %q parsed as %q", tc.locale, a.Locale)
		case tc.want != "" && (err == nil || !strings.Contains(err.Error(), tc.want)):
			t.Errorf("locale %q: error %v, want %q", tc.locale, err, tc.want)
		}
	}
}

// TestLanguage checks the edition a student sees and a submission records.
func TestLanguage(t *testing.T) {
	for _, tc := range []struct {
		locale, chosen, want string
	}{
		{"", "", content.English},
		{"", content.Chinese, content.Chinese},
		{"", "fr", content.English}, // not an edition: English
		{content.Chinese, content.English, content.Chinese},
		{content.English, content.Chinese, content.English},
	} {
		a := Assignment{Locale: tc.locale}
		if got := a.Language(tc.chosen); got != tc.want {
			t.Errorf("locale %q, chosen %q: %q, want %q", tc.locale, tc.chosen, got, tc.want)
		}
	}
	if got := (Submission{}).Language(); got != content.English {
		t.Errorf("a submission without a locale is in %q", got)
	}
	sub := Submission{Format: SubmissionFormat, Engine: EngineVersion, Student: Student{ID: "s1"}, Locale: "klingon"}
	data, _ := sub.MarshalIndent()
	if _, err := ParseSubmission("s.json", data); err == nil || !strings.Contains(err.Error(), `locale "klingon"`) {
		t.Errorf("a submission in an unknown locale: %v", err)
	}
}

// TestExampleZh parses content/assignments/example-zh.toml, checks it
// against the real chapters of both editions, and plays it headless in
// Chinese: the submission records zh-Hans and verifies against the two
// editions together, and not against the English chapters alone.
func TestExampleZh(t *testing.T) {
	data, err := os.ReadFile("../../content/assignments/example-zh.toml")
	if err != nil {
		t.Fatal(err)
	}
	a, err := ParseAssignment("example-zh.toml", data)
	if err != nil {
		t.Fatal(err)
	}
	if a.Locale != content.Chinese || a.Language(content.English) != content.Chinese || len(a.Chapters) != 3 || a.Scoring.MinChars != 50 {
		t.Fatalf("example-zh.toml: locale %q, %d chapters, min_chars %d", a.Locale, len(a.Chapters), a.Scoring.MinChars)
	}
	en, err := markdown.Load(content.Files)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := CheckAssignment("example-zh.toml", data, en); err != nil {
		t.Error(err)
	}
	if names, _ := markdown.EditionFiles(content.Files, content.Chinese); len(names) == 0 {
		t.Skip("the Chinese edition has no chapter yet")
	}
	zh, err := markdown.LoadLang(content.Files, content.Chinese)
	if err != nil {
		t.Fatal(err)
	}
	both := append(append([]content.Document{}, en...), zh...)
	if _, err := CheckAssignment("example-zh.toml", data, zh); err != nil {
		t.Error(err)
	}
	sub, err := Simulate(a, both, "s001", []play.Decision{{Chapter: 1, Round: 1, Lever: "openness", Value: 0.6}})
	if err != nil {
		t.Fatal(err)
	}
	if sub.Locale != content.Chinese || sub.Language() != content.Chinese {
		t.Errorf("submission locale %q", sub.Locale)
	}
	// Chapter 1 keeps the chapter's goals: their labels are the Chinese ones.
	zh1, _ := ChapterSetup(zh, 1)
	if got := sub.Outcomes[0].Goals[0].Label; got != zh1.Goals[0].Label {
		t.Errorf("chapter 1 goal 1 labelled %q, want the Chinese %q", got, zh1.Goals[0].Label)
	}
	// The Chinese prompts of chapter 1 count as answered.
	for _, p := range zh1.Prompts {
		sub.Reflections = append(sub.Reflections, Reflection{Chapter: 1, Prompt: p, Text: strings.Repeat("答", 50)})
	}
	if r := Verify(a, both, sub); !r.Verified || r.Answered != len(zh1.Prompts) {
		t.Errorf("verified %v, %d of %d prompts answered: %v", r.Verified, r.Answered, r.Prompts, r.Reasons)
	}
	r := Verify(a, en, sub)
	if r.Verified || len(r.Reasons) == 0 || !strings.Contains(r.Reasons[0], "locale: played in zh-Hans, but the grader has only the en chapters") {
		t.Errorf("verified against English alone: %v %v", r.Verified, r.Reasons)
	}
	// An English submission still verifies with both editions given.
	a.Locale = ""
	subEn, err := Simulate(a, both, "s001", nil)
	if err != nil {
		t.Fatal(err)
	}
	if r := Verify(a, both, subEn); !r.Verified {
		t.Errorf("English submission against both editions: %v", r.Reasons)
	}
}
