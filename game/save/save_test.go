package save

import (
	"strings"
	"testing"

	"github.com/longtail-case/longtail/game/play"
)

func sample() File {
	return File{
		Settings: Settings{TextScale: 1.5, ReducedMotion: true},
		Progress: &Progress{
			Seed: 42, Doc: 1, Scene: "round",
			Chapters: []Chapter{{Number: 1, Played: 3, Decisions: []play.Decision{
				{Chapter: 1, Round: 1, Lever: "openness", Value: 0.6},
				{Chapter: 1, Round: 4, Lever: "take_rate", Value: 0.15},
			}}},
			Reflections: []Reflection{{Chapter: 1, Prompt: "Why?", Text: "Because."}},
			Student:     Student{ID: "S1"},
		},
	}
}

func TestRoundTrip(t *testing.T) {
	data, err := sample().Encode()
	if err != nil {
		t.Fatal(err)
	}
	f, err := Decode(data)
	if err != nil {
		t.Fatal(err)
	}
	again, _ := f.Encode()
	if string(again) != string(data) {
		t.Errorf("round trip changed the save:\n%s\n%s", data, again)
	}
	if f.Progress.Chapters[0].Decisions[1].Value != 0.15 || f.Settings.TextScale != 1.5 {
		t.Errorf("decoded %+v", f)
	}
}

func TestDecodeErrors(t *testing.T) {
	good, _ := sample().Encode()
	tests := []struct {
		name, data, want string
	}{
		{"not json", "{not json", "invalid character"},
		{"empty", "", "EOF"},
		{"unknown field", strings.Replace(string(good), `"format"`, `"formt"`, 1), "unknown field"},
		{"format", strings.Replace(string(good), `"format": 1`, `"format": 9`, 1), "format 9"},
		{"text scale", strings.Replace(string(good), `"text_scale": 1.5`, `"text_scale": 7`, 1), "text_scale"},
		{"scene", strings.Replace(string(good), `"scene": "round"`, `"scene": "void"`, 1), "scene"},
		{"decision chapter", strings.Replace(string(good), `"lever": "take_rate"`, `"lever": "take_rate", "chapter": 2`, 1), "decision 2"},
		{"trailing", string(good) + "{}", "after the JSON"},
		{"too big", strings.Repeat(" ", MaxBytes+1), "larger"},
	}
	for _, tt := range tests {
		_, err := Decode([]byte(tt.data))
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: err = %v, want it to mention %q", tt.name, err, tt.want)
		}
	}
}

// TestLanguage: the saved language is kept only when the game has it; an
// unknown one (a later version's, or a damaged file's) decodes with the
// rest of the save and counts as no choice, so the game starts in English.
func TestLanguage(t *testing.T) {
	for _, tc := range []struct {
		lang, want string
	}{
		{"", ""},
		{"en", "en"},
		{"zh-Hans", "zh-Hans"},
		{"fr", ""},      // a language the catalog does not have
		{"zh-hans", ""}, // tags are matched exactly, as i18n.New does
		{"zh-Hant", ""},
	} {
		f := sample()
		f.Settings.Lang = tc.lang
		data, err := f.Encode()
		if err != nil {
			t.Fatal(err)
		}
		got, err := Decode(data)
		if err != nil {
			t.Fatalf("lang %q: the save does not decode: %v", tc.lang, err)
		}
		if l := got.Settings.Language(); l != tc.want {
			t.Errorf("lang %q: Language() = %q, want %q", tc.lang, l, tc.want)
		}
		if got.Settings.Lang != tc.lang || got.Progress == nil || len(got.Progress.Chapters) != 1 || got.Settings.TextScale != 1.5 {
			t.Errorf("lang %q: the save lost data: %+v", tc.lang, got)
		}
	}
}

func TestProgressHelpers(t *testing.T) {
	p := &Progress{}
	p.ChapterByNumber(2).Played = 4
	if p.ChapterByNumber(2).Played != 4 || len(p.Chapters) != 1 {
		t.Errorf("ChapterByNumber: %+v", p.Chapters)
	}
	p.SetReflection(Reflection{Chapter: 1, Prompt: "a", Text: "x"})
	p.SetReflection(Reflection{Chapter: 1, Prompt: "a", Text: "y"})
	if p.Reflection(1, 0, "a") != "y" || len(p.Reflections) != 1 || p.Reflection(1, 0, "b") != "" {
		t.Errorf("reflections: %+v", p.Reflections)
	}
}

// TestReflectionAcrossLanguages: an answer recorded with its prompt's
// number stays with that prompt when the prompt's text changes language;
// an old save's answer (no number) is found by its text.
func TestReflectionAcrossLanguages(t *testing.T) {
	p := &Progress{}
	p.SetReflection(Reflection{Chapter: 1, Number: 2, Prompt: "How open did you make it?", Text: "fully"})
	if got := p.Reflection(1, 2, "你把平台开放到了什么程度？"); got != "fully" {
		t.Errorf("by number across languages: %q", got)
	}
	p.SetReflection(Reflection{Chapter: 1, Number: 2, Prompt: "你把平台开放到了什么程度？", Text: "完全开放"})
	if len(p.Reflections) != 1 || p.Reflections[0].Prompt != "你把平台开放到了什么程度？" || p.Reflection(1, 2, "") != "完全开放" {
		t.Errorf("replacing by number: %+v", p.Reflections)
	}
	if p.Reflection(1, 1, "How open did you make it?") != "" || p.Reflection(2, 2, "") != "" {
		t.Errorf("another prompt or chapter found the answer")
	}
	old := &Progress{Reflections: []Reflection{{Chapter: 3, Prompt: "Why?", Text: "because"}}}
	if old.Reflection(3, 1, "Why?") != "because" || old.Reflection(3, 1, "为什么？") != "" {
		t.Errorf("an old save's answer by text: %q", old.Reflection(3, 1, "Why?"))
	}
}

func FuzzDecode(f *testing.F) {
	good, _ := sample().Encode()
	f.Add(good)
	f.Add([]byte(`{"format":1,"settings":{"text_scale":1}}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		sf, err := Decode(data)
		if err != nil {
			return
		}
		// Whatever decodes must encode and decode to the same.
		b, err := sf.Encode()
		if err != nil {
			t.Fatal(err)
		}
		if _, err := Decode(b); err != nil {
			t.Fatalf("re-decode: %v", err)
		}
	})
}
