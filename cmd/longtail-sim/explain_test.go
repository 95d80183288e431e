package main

import (
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/longtail-case/longtail/content"
	"github.com/longtail-case/longtail/content/markdown"
	"github.com/longtail-case/longtail/game/classroom"
	"github.com/longtail-case/longtail/game/play"
)

// explainOut is the part of -explain's JSON the tests read.
type explainOut struct {
	Chapters []struct {
		Chapter  int `json:"chapter"`
		Played   struct{ Metrics, Values map[string]any }
		Baseline struct{ Metrics, Values map[string]any }
		Contrib  []struct {
			Lever   string         `json:"lever"`
			Metrics map[string]any `json:"metrics"`
		} `json:"contributions"`
		Seeds struct {
			Count int `json:"count"`
			Goals []struct {
				Metric          string  `json:"metric"`
				HitRate         float64 `json:"hit_rate"`
				BaselineHitRate float64 `json:"baseline_hit_rate"`
				Percentile      float64 `json:"percentile"`
			} `json:"goals"`
		} `json:"seeds"`
	} `json:"chapters"`
}

// jsonNumber reads a number of the JSON, non-finite ones written as strings.
func jsonNumber(t *testing.T, v any) float64 {
	t.Helper()
	switch x := v.(type) {
	case float64:
		return x
	case string:
		switch x {
		case "NaN":
			return math.NaN()
		case "+Inf":
			return math.Inf(1)
		case "-Inf":
			return math.Inf(-1)
		}
	}
	t.Fatalf("not a number: %v", v)
	return 0
}

// TestExplain: -explain prints one analysis per chapter; baseline.metrics
// is exactly the outcome of the assignment played with no decisions; the
// contributions add up; 32 seeds per chapter; nothing else is printed.
func TestExplain(t *testing.T) {
	dir := t.TempDir()
	decisions := filepath.Join(dir, "d.json")
	ds := `[
  {"chapter": 1, "round": 1, "lever": "openness", "value": 0.55},
  {"chapter": 1, "round": 3, "lever": "take_rate", "value": 0.15},
  {"chapter": 2, "round": 2, "lever": "ad_load", "value": 0.05}
]`
	if err := os.WriteFile(decisions, []byte(ds), 0o644); err != nil {
		t.Fatal(err)
	}
	code, stdout, stderr := call(t, "-assignment", exampleAssignment, "-student", "s9", "-decisions", decisions, "-explain")
	if code != 0 || stderr != "" {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var out explainOut
	if err := json.Unmarshal([]byte(stdout), &out); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(exampleAssignment)
	if err != nil {
		t.Fatal(err)
	}
	a, err := classroom.ParseAssignment(exampleAssignment, data)
	if err != nil {
		t.Fatal(err)
	}
	docs, err := markdown.Load(content.Files)
	if err != nil {
		t.Fatal(err)
	}
	empty, err := classroom.Simulate(a, docs, "s9", []play.Decision{})
	if err != nil {
		t.Fatal(err)
	}
	if len(out.Chapters) != len(a.Chapters) {
		t.Fatalf("%d chapters, want %d", len(out.Chapters), len(a.Chapters))
	}
	for i, ch := range out.Chapters {
		want := empty.Outcomes[i]
		if ch.Chapter != want.Chapter || len(ch.Baseline.Metrics) != len(want.Metrics) {
			t.Fatalf("chapter %d: %d baseline metrics, want chapter %d with %d", ch.Chapter, len(ch.Baseline.Metrics), want.Chapter, len(want.Metrics))
		}
		for k, w := range want.Metrics {
			if g := jsonNumber(t, ch.Baseline.Metrics[k]); math.Float64bits(g) != math.Float64bits(w) {
				t.Errorf("chapter %d: baseline %s = %v, played with no decisions %v", ch.Chapter, k, g, w)
			}
		}
		for k := range ch.Played.Values {
			total := jsonNumber(t, ch.Played.Values[k]) - jsonNumber(t, ch.Baseline.Values[k])
			sum := 0.0
			for _, c := range ch.Contrib {
				sum += jsonNumber(t, c.Metrics[k])
			}
			if math.Abs(sum-total) > 1e-9*math.Abs(total) {
				t.Errorf("chapter %d: %s: contributions sum to %v, played − baseline %v", ch.Chapter, k, sum, total)
			}
		}
		if ch.Seeds.Count != 32 || len(ch.Seeds.Goals) == 0 {
			t.Errorf("chapter %d: seeds %+v", ch.Chapter, ch.Seeds)
		}
	}
	if c := out.Chapters[0].Contrib; len(c) != 2 || c[0].Lever != "openness" || c[1].Lever != "take_rate" {
		t.Errorf("chapter 1 contributions %+v, want openness and take_rate", c)
	}
	if c := out.Chapters[2].Contrib; len(c) != 0 {
		t.Errorf("chapter 3, no decisions: contributions %+v", c)
	}
}

// TestExplainErrors: bad decision logs are refused with one line, exit 2,
// nothing on stdout, and -explain needs the submission mode's inputs.
func TestExplainErrors(t *testing.T) {
	dir := t.TempDir()
	write := func(name, s string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"-assignment", exampleAssignment, "-student", "s1", "-decisions", write("locked.json", `[{"chapter": 1, "round": 1, "lever": "pool", "value": 0.1}]`), "-explain"}, "pool"},
		{[]string{"-assignment", exampleAssignment, "-student", "s1", "-decisions", write("late.json", `[{"chapter": 1, "round": 11, "lever": "openness", "value": 0.1}]`), "-explain"}, "after the last round"},
		{[]string{"-assignment", exampleAssignment, "-student", "s1", "-explain"}, "needs -decisions"},
		{[]string{"-explain"}, "needs -assignment"},
		{[]string{"-assignment", exampleAssignment, "-student", "s1", "-decisions", "d.json", "-explain", "-seed", "2"}, "-seed cannot be used"},
	} {
		code, stdout, stderr := call(t, tt.args...)
		if code != 2 || stdout != "" || strings.Count(stderr, "\n") != 1 || !strings.Contains(stderr, tt.want) {
			t.Errorf("%v: exit %d, stdout %q, stderr %q; want 2, nothing, one line with %q", tt.args, code, stdout, stderr, tt.want)
		}
	}
}
