package classroom

import (
	"fmt"
	"maps"
	"math"
	"slices"
	"strings"
	"sync"

	"github.com/longtail-case/longtail/content"
	"github.com/longtail-case/longtail/game/classroom/explain"
	"github.com/longtail-case/longtail/game/play"
	"github.com/longtail-case/longtail/game/sim"
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

// Why is what the gradebook and the debrief keep of one chapter's
// analysis: skill (how often the policy meets the goals on other seeds)
// apart from luck (how the student's own seed compares).
type Why struct {
	Chapter         int     // content chapter number
	PolicyHitRate   float64 // mean share of the goals the student's decisions meet over the luck seeds, in [0,1]; NaN without goals
	BaselineHitRate float64 // the same with no lever moved
	Luck            float64 // mean percentile of the own result in the policy's results over the luck seeds, 0–100 (50: as lucky as usual); NaN without goals
	OwnHitRate      float64 // share of the goals met on the student's own seed, in [0,1]; NaN without goals
}

// whyOf keeps the summary of an analysis.
func whyOf(an explain.Analysis) Why {
	met := 0
	for _, g := range an.Played.Goals {
		if g.Met {
			met++
		}
	}
	own := math.NaN()
	if n := len(an.Played.Goals); n > 0 {
		own = float64(met) / float64(n)
	}
	return Why{Chapter: an.Chapter, PolicyHitRate: an.Luck.HitRate, BaselineHitRate: an.Luck.BaselineHitRate, Luck: an.Luck.Percentile, OwnHitRate: own}
}

// AnalyseRows analyses every finished chapter of every verified row (see
// Explain) with workers goroutines, filling each row's Why; rows that did
// not verify are left alone. Each assignment chapter's luck worlds are
// built once and shared by the class. It returns the first error, and the
// rows analysed before it keep their Why.
func AnalyseRows(as []Assignment, docs []content.Document, rows []Row, workers int) error {
	type task struct {
		row, ch int // row index, assignment chapter index
		a       int // assignment index
	}
	var tasks []task
	need := map[[2]int]bool{}
	for i, r := range rows {
		if !r.Verified || r.Sub == nil {
			continue
		}
		ai := -1
		for k, a := range as {
			if a.Hash() == r.Sub.AssignmentHash {
				ai = k
			}
		}
		if ai < 0 {
			continue // verified rows match an assignment's hash
		}
		for ci, c := range as[ai].Chapters {
			for _, p := range r.Play {
				if p.Chapter == c.Number && p.Complete {
					tasks = append(tasks, task{i, ci, ai})
					need[[2]int{ai, ci}] = true
				}
			}
		}
	}
	if len(tasks) == 0 {
		return nil
	}
	setups := make([][]sim.Setup, len(as))
	for ai, a := range as {
		s, err := a.Setups(docs)
		if err != nil {
			return err
		}
		setups[ai] = s
	}
	// The class's worlds first, chapters in parallel.
	keys := slices.SortedFunc(maps.Keys(need), func(x, y [2]int) int {
		if x[0] != y[0] {
			return x[0] - y[0]
		}
		return x[1] - y[1]
	})
	worlds := map[[2]int]*explain.Worlds{}
	var mu sync.Mutex
	var firstErr error
	fail := func(err error) {
		mu.Lock()
		if firstErr == nil {
			firstErr = err
		}
		mu.Unlock()
	}
	parallel(len(keys), workers, func(k int) {
		key := keys[k]
		a := as[key[0]]
		w, err := explain.NewWorlds(a.Chapters[key[1]].Number, setups[key[0]][key[1]], a.BaseSeed)
		if err != nil {
			fail(fmt.Errorf("classroom: chapter %d: %w", a.Chapters[key[1]].Number, err))
			return
		}
		mu.Lock()
		worlds[key] = w
		mu.Unlock()
	})
	if firstErr != nil {
		return firstErr
	}
	whys := make([]Why, len(tasks))
	ok := make([]bool, len(tasks))
	parallel(len(tasks), workers, func(t int) {
		tk := tasks[t]
		r := rows[tk.row]
		n := as[tk.a].Chapters[tk.ch].Number
		var ds []play.Decision
		for _, d := range r.Sub.Decisions {
			if d.Chapter == n {
				ds = append(ds, d)
			}
		}
		an, err := explain.Analyse(explain.Chapter{Number: n, Setup: setups[tk.a][tk.ch], Seed: r.Sub.Seed, Decisions: ds}, worlds[[2]int{tk.a, tk.ch}])
		if err != nil {
			fail(fmt.Errorf("classroom: %s: chapter %d: %w", r.File, n, err))
			return
		}
		whys[t], ok[t] = whyOf(an), true
	})
	for t, tk := range tasks {
		if ok[t] {
			rows[tk.row].Why = append(rows[tk.row].Why, whys[t])
		}
	}
	return firstErr
}

// parallel calls fn(0), …, fn(n−1) on workers goroutines.
func parallel(n, workers int, fn func(int)) {
	workers = max(1, min(workers, n))
	next := make(chan int)
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				fn(i)
			}
		}()
	}
	for i := range n {
		next <- i
	}
	close(next)
	wg.Wait()
}
