package content_test

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"
	"github.com/longtail-case/longtail/content"
	"github.com/longtail-case/longtail/content/markdown"
	"github.com/longtail-case/longtail/game/play"
	"github.com/longtail-case/longtail/game/sim"
)

// goalSeeds are the seeds each chapter is played with; goalMajority is how
// many of them must behave as expected (issue 3, section 2: "over several
// seeds"; the lead's brief: at least 6 of 8).
var goalSeeds = []uint64{1, 2, 3, 4, 5, 6, 7, 8}

const goalMajority = 6

// TestChapterGoals plays every chapter that carries a scenario block and a
// known-good policy, testdata/policy/<slug>.toml (flat lever = value, set
// before round 1): with the setup's own levers at least one goal must be
// missed on most seeds (the goals are not trivial), and with the policy
// every goal must be met on most seeds (they are achievable).
func TestChapterGoals(t *testing.T) {
	docs, err := markdown.Load(content.Files)
	if err != nil {
		t.Fatal(err)
	}
	played := 0
	for _, doc := range docs {
		if doc.Setup == nil {
			continue
		}
		file := filepath.Join("testdata", "policy", doc.Slug+".toml")
		src, err := os.ReadFile(file)
		if os.IsNotExist(err) {
			t.Errorf("%s: no known-good policy %s", doc.File, file)
			continue
		}
		if err != nil {
			t.Fatal(err)
		}
		var policy map[string]float64
		if _, err := toml.Decode(string(src), &policy); err != nil {
			t.Fatalf("%s: %v", file, err)
		}
		played++
		t.Run(doc.Slug, func(t *testing.T) {
			missed, met := 0, 0
			var report []string
			for _, seed := range goalSeeds {
				def, err := playChapter(doc, seed, nil)
				if err != nil {
					t.Fatal(err)
				}
				pol, err := playChapter(doc, seed, policy)
				if err != nil {
					t.Fatalf("%s: %v", file, err)
				}
				if !allMet(def) {
					missed++
				}
				if allMet(pol) {
					met++
				}
				report = append(report, fmt.Sprintf("seed %d: defaults %s; policy %s", seed, describe(def), describe(pol)))
			}
			t.Logf("defaults miss on %d/%d seeds, policy meets all on %d/%d; %s", missed, len(goalSeeds), met, len(goalSeeds), report[0])
			if missed < goalMajority || met < goalMajority {
				t.Errorf("defaults miss a goal on %d/%d seeds, policy meets all on %d/%d; want ≥ %d each\n%s",
					missed, len(goalSeeds), met, len(goalSeeds), goalMajority, strings.Join(report, "\n"))
			}
		})
	}
	if played == 0 {
		t.Error("no chapter with a scenario block and a policy")
	}
}

// playChapter plays a chapter to its end with the policy's levers set before
// round 1 (none: the setup's own levers) and returns the goal results.
func playChapter(doc content.Document, seed uint64, policy map[string]float64) ([]play.GoalResult, error) {
	s, err := play.New(doc.Number, *doc.Setup, seed)
	if err != nil {
		return nil, err
	}
	keys := make([]string, 0, len(policy))
	for k := range policy {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		if err := s.Set(k, policy[k]); err != nil {
			return nil, fmt.Errorf("policy %s = %g: %w", k, policy[k], err)
		}
	}
	for !s.Done() {
		if _, err := s.Step(); err != nil {
			return nil, err
		}
	}
	return s.Goals(), nil
}

func allMet(rs []play.GoalResult) bool {
	for _, r := range rs {
		if !r.Met {
			return false
		}
	}
	return len(rs) > 0
}

func describe(rs []play.GoalResult) string {
	var parts []string
	for _, r := range rs {
		mark := "missed"
		if r.Met {
			mark = "met"
		}
		parts = append(parts, fmt.Sprintf("%s %s %s %g: %.4g %s", r.Goal.Metric, whenName(r.Goal.When), r.Goal.Op, r.Goal.Value, r.Value, mark))
	}
	return strings.Join(parts, ", ")
}

func whenName(w sim.When) string {
	if w == "" {
		return string(sim.AtEnd)
	}
	return string(w)
}
