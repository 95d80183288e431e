package classroom

import (
	"fmt"
	"math"
	"path"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/longtail-case/longtail/content"
	"github.com/longtail-case/longtail/game/play"
	"github.com/longtail-case/longtail/game/sim"
)

// MaxReasons caps the reasons Verify lists for one submission; the last
// says how many more there were.
const MaxReasons = 12

// ChapterNumber returns the chapter number of a content file from its name
// prefix: "chapters/01-born-open.md" is 1. ok is false for a file without
// a numeric prefix.
func ChapterNumber(file string) (n int, ok bool) {
	base := path.Base(file)
	i := strings.IndexByte(base, '-')
	if i <= 0 {
		return 0, false
	}
	n, err := strconv.Atoi(base[:i])
	if err != nil || n < 0 {
		return 0, false
	}
	return n, true
}

// ChapterSetup returns the setup of chapter n as the content declares it: the
// scenario block of the first document whose file name starts with n (of
// docs holding several editions, the first edition's; see Edition).
func ChapterSetup(docs []content.Document, n int) (sim.Setup, error) {
	for _, d := range docs {
		if m, ok := ChapterNumber(d.File); ok && m == n {
			if d.Setup == nil {
				return sim.Setup{}, fmt.Errorf("classroom: chapter %d (%s) has no scenario block to play", n, d.File)
			}
			return *d.Setup, nil
		}
	}
	return sim.Setup{}, fmt.Errorf("classroom: chapter %d is not in the content", n)
}

// Setups returns every chapter's setup after the assignment's overrides, in
// play order. It is the check that an assignment fits the content.
func (a Assignment) Setups(docs []content.Document) ([]sim.Setup, error) {
	out := make([]sim.Setup, 0, len(a.Chapters))
	for _, c := range a.Chapters {
		base, err := ChapterSetup(docs, c.Number)
		if err != nil {
			return nil, err
		}
		s, err := a.Setup(c.Number, base)
		if err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, nil
}

// Simulate plays the whole assignment headless for a student with the
// decisions ds (in the submission's {chapter, round, lever, value} form)
// and returns the submission the game would write for the same play: every
// chapter played to the end, the student's seed, no name and no
// reflections, in the edition the assignment fixes (English when it lets
// the student choose; docs may hold several editions, see Edition).
func Simulate(a Assignment, docs []content.Document, studentID string, ds []play.Decision) (Submission, error) {
	if edition, ok := Edition(docs, a.Language("")); ok {
		docs = edition
	}
	setups, err := a.Setups(docs)
	if err != nil {
		return Submission{}, err
	}
	seed := a.Seed(studentID)
	byChapter := map[int][]play.Decision{}
	for i, d := range ds {
		if _, ok := a.Chapter(d.Chapter); !ok {
			return Submission{}, fmt.Errorf("classroom: decision %d: chapter %d is not in the assignment", i+1, d.Chapter)
		}
		byChapter[d.Chapter] = append(byChapter[d.Chapter], d)
	}
	sessions := make([]*play.Session, len(setups))
	for i, c := range a.Chapters {
		s, err := play.Replay(c.Number, setups[i], seed, byChapter[c.Number])
		if err != nil {
			return Submission{}, fmt.Errorf("classroom: %w", err)
		}
		sessions[i] = s
	}
	return NewSubmission(&a, Student{ID: studentID}, sessions, nil), nil
}

// Result is the verdict on one submission.
type Result struct {
	Verified bool     // every check passed
	Reasons  []string // what differs, e.g. "chapter 1: metric gini: recorded 0.41, replayed 0.38"; empty when verified
	// Sessions holds the replayed sessions by play order of the
	// assignment, nil for chapters the submission did not start or that
	// could not be replayed. The debrief draws from these, not from the
	// recorded numbers.
	Sessions []*play.Session
	Chapters int // chapters the submission started
	Complete int // chapters replayed to their last round
	GoalsMet int // goals met in the replay
	Goals    int // goals of every chapter of the assignment
	Answered int // prompts answered with at least the scoring's minimum characters
	Prompts  int // prompts of every chapter of the assignment
	Score    float64
}

// Verify replays a submission and compares it with what it records: the
// engine version, the assignment hash, the seed derived for the student,
// and, chapter by chapter, the rounds played, every metric of the last round
// and every goal with its result. Decisions that do not replay (a locked
// lever, a round out of order, a chapter not in the assignment) are
// reasons too. The chapters are those of the language the submission was
// played in (Submission.Language): docs may hold several editions one
// after another (see Edition), and a submission in a language docs lack
// cannot verify, since goals' labels and prompts are the edition's words.
// Numbers are compared exactly: the engine is deterministic
// and the file keeps every float64 bit. The score is computed from the
// replay, so it is meaningful even when verification fails.
func Verify(a Assignment, docs []content.Document, s Submission) Result {
	r := Result{Sessions: make([]*play.Session, len(a.Chapters))}
	extra := 0
	reason := func(format string, args ...any) {
		if len(r.Reasons) >= MaxReasons-1 {
			extra++
			return
		}
		r.Reasons = append(r.Reasons, fmt.Sprintf(format, args...))
	}
	if s.Engine != EngineVersion {
		reason("engine: recorded %q, this grader runs %q (replay with the matching version)", s.Engine, EngineVersion)
	}
	if h := a.Hash(); s.AssignmentHash != h {
		reason("assignment hash: recorded %s, assignment %s", short(s.AssignmentHash), short(h))
	}
	if want := a.Seed(s.Student.ID); s.Seed != want {
		reason("seed: recorded %d, derived for student %q %d", s.Seed, s.Student.ID, want)
	}
	lang := s.Language()
	edition, ok := Edition(docs, lang)
	if !ok {
		reason("locale: played in %s, but the grader has only the %s chapters: goals' labels and prompts are compared in the language played, so give the grader the %s edition too", lang, strings.Join(languagesOf(docs), " and "), lang)
		edition = docs
	}
	setups, err := a.Setups(edition)
	if err != nil {
		reason("%v", err)
		return r.finish(a, nil, s, extra)
	}
	byChapter := map[int][]play.Decision{}
	for i, d := range s.Decisions {
		if _, ok := a.Chapter(d.Chapter); !ok {
			reason("decision %d: chapter %d is not in the assignment", i+1, d.Chapter)
			continue
		}
		byChapter[d.Chapter] = append(byChapter[d.Chapter], d)
	}
	recorded := map[int]Outcome{}
	for _, o := range s.Outcomes {
		if _, ok := a.Chapter(o.Chapter); !ok {
			reason("outcome: chapter %d is not in the assignment", o.Chapter)
			continue
		}
		recorded[o.Chapter] = o
	}
	for i, c := range a.Chapters {
		o, ok := recorded[c.Number]
		if !ok {
			if len(byChapter[c.Number]) > 0 {
				reason("chapter %d: decisions but no outcome", c.Number)
			}
			continue
		}
		r.Chapters++
		ss, err := replay(c.Number, setups[i], s.Seed, byChapter[c.Number], o.Rounds)
		if err != nil {
			reason("chapter %d: the decisions do not replay: %s", c.Number, strings.ReplaceAll(err.Error(), "play: ", ""))
			continue
		}
		r.Sessions[i] = ss
		if ss.Done() {
			r.Complete++
		}
		compareOutcome(o, outcomeOf(ss), reason)
	}
	return r.finish(a, setups, s, extra)
}

// replay plays a chapter for rounds rounds with the decisions, as the game
// did: play.Replay when the chapter was finished, otherwise the same loop
// stopped early, keeping decisions already made for the next round.
func replay(ch int, setup sim.Setup, seed uint64, ds []play.Decision, rounds int) (*play.Session, error) {
	sc, err := setup.Scenario()
	if err != nil {
		return nil, err
	}
	if rounds > sc.Rounds {
		return nil, fmt.Errorf("%d rounds recorded, the chapter has %d", rounds, sc.Rounds)
	}
	if rounds == sc.Rounds {
		return play.Replay(ch, setup, seed, ds)
	}
	s, err := play.New(ch, setup, seed)
	if err != nil {
		return nil, err
	}
	i := 0
	for {
		for ; i < len(ds) && ds[i].Round == s.Round()+1; i++ {
			if err := s.Set(ds[i].Lever, ds[i].Value); err != nil {
				return nil, fmt.Errorf("decision for round %d: %w", ds[i].Round, err)
			}
		}
		if i < len(ds) && ds[i].Round <= s.Round() {
			return nil, fmt.Errorf("decision for round %d is out of order", ds[i].Round)
		}
		if s.Round() == rounds {
			break
		}
		if _, err := s.Step(); err != nil {
			return nil, err
		}
	}
	if i < len(ds) {
		return nil, fmt.Errorf("decision for round %d is after the %d rounds played", ds[i].Round, rounds)
	}
	return s, nil
}

// compareOutcome reports every difference between a recorded and a replayed outcome.
func compareOutcome(rec, rep Outcome, reason func(string, ...any)) {
	ch := rec.Chapter
	if rec.Rounds != rep.Rounds {
		reason("chapter %d: rounds: recorded %d, replayed %d", ch, rec.Rounds, rep.Rounds)
	}
	var diffs []string
	for _, name := range sortedMetricNames(rep.Metrics) {
		v, ok := rec.Metrics[name]
		if !ok {
			diffs = append(diffs, fmt.Sprintf("metric %s: missing, replayed %s", name, num(rep.Metrics[name])))
			continue
		}
		if !same(v, rep.Metrics[name]) {
			diffs = append(diffs, fmt.Sprintf("metric %s: recorded %s, replayed %s", name, num(v), num(rep.Metrics[name])))
		}
	}
	for _, name := range sortedMetricNames(rec.Metrics) {
		if _, ok := rep.Metrics[name]; !ok {
			diffs = append(diffs, fmt.Sprintf("metric %s: recorded %s, not a metric of this engine", name, num(rec.Metrics[name])))
		}
	}
	if len(diffs) <= 3 {
		for _, d := range diffs {
			reason("chapter %d: %s", ch, d)
		}
	} else {
		// Many numbers at once: one line, so the gradebook stays readable.
		reason("chapter %d: %s; %s; and %d more of the %d metrics differ (the decisions were changed, or the file comes from another version of the game)",
			ch, diffs[0], diffs[1], len(diffs)-2, len(rep.Metrics))
	}
	if len(rec.Goals) != len(rep.Goals) {
		reason("chapter %d: goals: recorded %d, the assignment has %d", ch, len(rec.Goals), len(rep.Goals))
		return
	}
	for j, g := range rec.Goals {
		w := rep.Goals[j]
		switch {
		case g.Metric != w.Metric || g.Op != w.Op || !same(g.Value, w.Value) || whenOf(g.When) != w.When || g.Label != w.Label:
			reason("chapter %d: goal %d: recorded %s %s %s (%s), the assignment says %s %s %s (%s)", ch, j+1,
				g.Metric, g.Op, num(g.Value), g.When, w.Metric, w.Op, num(w.Value), w.When)
		case !same(g.Achieved, w.Achieved) || g.Met != w.Met:
			reason("chapter %d: goal %d (%s): recorded %s met=%t, replayed %s met=%t", ch, j+1, g.Metric,
				num(g.Achieved), g.Met, num(w.Achieved), w.Met)
		}
	}
}

// finish closes the reason list and scores the replay; setups are the
// assignment's chapters' (nil when they could not be built).
func (r Result) finish(a Assignment, setups []sim.Setup, s Submission, extra int) Result {
	if extra > 0 {
		r.Reasons = append(r.Reasons, fmt.Sprintf("… and %d more differences", extra))
	}
	r.Verified = len(r.Reasons) == 0
	wg, wr, wc, minChars := a.Scoring.weights()
	answered := map[string]bool{}
	for _, rf := range s.Reflections {
		if utf8.RuneCountInString(strings.TrimSpace(rf.Text)) >= minChars {
			answered[strconv.Itoa(rf.Chapter)+"\x00"+rf.Prompt] = true
		}
	}
	for i, setup := range setups {
		r.Goals += len(setup.Goals)
		r.Prompts += len(setup.Prompts)
		for _, p := range setup.Prompts {
			if answered[strconv.Itoa(a.Chapters[i].Number)+"\x00"+p] {
				r.Answered++
			}
		}
		if ss := r.Sessions[i]; ss != nil && ss.Done() {
			for _, g := range ss.Goals() {
				if g.Met {
					r.GoalsMet++
				}
			}
		}
	}
	frac := func(n, d int) float64 {
		if d == 0 {
			return 1
		}
		return float64(n) / float64(d)
	}
	if setups == nil {
		return r // nothing could be replayed: score 0
	}
	r.Score = math.Round(1000*(wg*frac(r.GoalsMet, r.Goals)+wr*frac(r.Answered, r.Prompts)+wc*frac(r.Complete, len(a.Chapters)))) / 10
	return r
}

// same reports whether two recorded numbers are the same, NaN equal to NaN.
func same(a, b float64) bool {
	return a == b || math.IsNaN(a) && math.IsNaN(b)
}

// num formats a number for a reason, exactly enough to show the difference.
func num(v float64) string { return strconv.FormatFloat(v, 'g', -1, 64) }

func short(h string) string {
	if h == "" {
		return "(none)"
	}
	if len(h) > 12 {
		return h[:12]
	}
	return h
}
