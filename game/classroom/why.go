package classroom

import (
	"fmt"
	"strings"

	"github.com/longtail-case/longtail/content"
	"github.com/longtail-case/longtail/game/classroom/explain"
	"github.com/longtail-case/longtail/game/play"
)

// ExplainWorlds burns in the luck seeds of every chapter of the assignment
// (explain.LuckSeeds of the assignment's base seed, so the whole class and
// the game share them) and plays the baseline on each, in play order. The
// grader builds them once and shares them between submissions.
func ExplainWorlds(a Assignment, docs []content.Document) ([]*explain.Worlds, error) {
	setups, err := a.Setups(docs)
	if err != nil {
		return nil, err
	}
	out := make([]*explain.Worlds, len(setups))
	for i, c := range a.Chapters {
		w, err := explain.NewWorlds(c.Number, setups[i], a.BaseSeed)
		if err != nil {
			return nil, fmt.Errorf("classroom: chapter %d: %w", c.Number, err)
		}
		out[i] = w
	}
	return out, nil
}

// NotVerifiedError is Explain's refusal of a submission that does not
// verify; it lists the grader's reasons.
type NotVerifiedError struct{ Reasons []string }

func (e *NotVerifiedError) Error() string {
	return "classroom: the submission does not verify, so it is not analysed: " + strings.Join(e.Reasons, "; ")
}

// Explain verifies a submission and, only when it verifies, analyses every
// chapter it played to the last round (see package explain), in play
// order; chapters not finished are left out. worlds are ExplainWorlds'
// for the assignment, or nil to build them (Seeds burn-ins a chapter). An
// unverified submission is a *NotVerifiedError with the reasons the
// gradebook gives.
func Explain(a Assignment, docs []content.Document, s Submission, worlds []*explain.Worlds) ([]explain.Analysis, Result, error) {
	res := Verify(a, docs, s)
	if !res.Verified {
		return nil, res, &NotVerifiedError{Reasons: res.Reasons}
	}
	as, err := explainVerified(a, s, res, worlds)
	return as, res, err
}

// explainVerified analyses the finished chapters of a verified submission.
func explainVerified(a Assignment, s Submission, res Result, worlds []*explain.Worlds) ([]explain.Analysis, error) {
	byChapter := map[int][]play.Decision{}
	for _, d := range s.Decisions {
		byChapter[d.Chapter] = append(byChapter[d.Chapter], d)
	}
	var out []explain.Analysis
	for i, c := range a.Chapters {
		ss := res.Sessions[i]
		if ss == nil || !ss.Done() {
			continue
		}
		var w *explain.Worlds
		if worlds != nil {
			w = worlds[i]
		} else {
			var err error
			if w, err = explain.NewWorlds(c.Number, ss.Setup(), a.BaseSeed); err != nil {
				return nil, fmt.Errorf("classroom: chapter %d: %w", c.Number, err)
			}
		}
		an, err := explain.Analyse(explain.Chapter{Number: c.Number, Setup: ss.Setup(), Seed: s.Seed, Decisions: byChapter[c.Number]}, w)
		if err != nil {
			return nil, fmt.Errorf("classroom: chapter %d: %w", c.Number, err)
		}
		out = append(out, an)
	}
	return out, nil
}
