package classroom

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/longtail-case/longtail/content"
	"github.com/longtail-case/longtail/game/play"
	"github.com/longtail-case/longtail/game/sim"
)

// Input is one file given to the grader: its name as the instructor gave
// it, its bytes, and the error reading it (nil when read).
type Input struct {
	File string
	Data []byte
	Err  error
}

// Row is the grader's verdict on one file, a gradebook line.
type Row struct {
	File     string      `json:"file"`
	Student  Student     `json:"student"`
	Done     int         `json:"chapters_done"` // chapters replayed to their last round
	Chapters int         `json:"chapters"`      // chapters in the assignment
	GoalsMet int         `json:"goals_met"`
	Goals    int         `json:"goals"`
	Answered int         `json:"prompts_answered"`
	Prompts  int         `json:"prompts"`
	Score    float64     `json:"score"`    // 0–100, from the replay (see Scoring); 0 when the file could not be read
	Verified bool        `json:"verified"` // the replay reproduced every recorded number
	Reasons  []string    `json:"reasons"`  // why not verified, or why the file was not graded
	Seed     uint64      `json:"seed"`
	Parsed   bool        `json:"-"` // the file was a readable submission
	Sub      *Submission `json:"-"` // the parsed submission, nil when it did not parse
	Play     []Played    `json:"-"` // the replay, by assignment chapter, for the debrief
	Why      []Why       `json:"-"` // skill and luck of each finished chapter, by play order; filled by AnalyseRows for verified rows
}

// Played is what the debrief keeps of one replayed chapter, so the grader
// need not keep whole worlds in memory.
type Played struct {
	Chapter  int                // content chapter number
	Complete bool               // played to the last round
	Rounds   int                // rounds played
	Levers   map[string]float64 // each unlocked lever's mean over the played rounds
	Final    map[string]float64 // every metric of the last played round
	Goals    []play.GoalResult  // the goals judged on the replay
	Lorenz   []float64          // cumulative share of visits of providers ranked smallest first, at 0, 1/20, …, 1 of providers (21 points)
}

// Grade parses and verifies every input against the assignments (matched by
// hash; with one assignment, every submission is verified against it and a
// different hash is one of the reasons), using workers goroutines, and
// returns one row per input in input order. One bad file never stops the
// others. Two files from the same student (by NormaliseID) both fail with a
// reason naming the other file.
func Grade(as []Assignment, docs []content.Document, in []Input, workers int) []Row {
	rows := make([]Row, len(in))
	workers = max(1, min(workers, len(in)))
	next := make(chan int)
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				rows[i] = gradeOne(as, docs, in[i])
			}
		}()
	}
	for i := range in {
		next <- i
	}
	close(next)
	wg.Wait()
	byStudent := map[string][]int{}
	for i, r := range rows {
		if r.Parsed {
			id := NormaliseID(r.Student.ID)
			byStudent[id] = append(byStudent[id], i)
		}
	}
	for _, idx := range byStudent {
		if len(idx) < 2 {
			continue
		}
		for _, i := range idx {
			var others []string
			for _, j := range idx {
				if j != i {
					others = append(others, rows[j].File)
				}
			}
			rows[i].Verified = false
			rows[i].Reasons = append(rows[i].Reasons, fmt.Sprintf("student %q also submitted %s; keep one file", rows[i].Student.ID, strings.Join(others, ", ")))
		}
	}
	return rows
}

// gradeOne reads and verifies one input.
func gradeOne(as []Assignment, docs []content.Document, in Input) Row {
	row := Row{File: in.File}
	if in.Err != nil {
		row.Reasons = []string{in.Err.Error()}
		return row
	}
	s, err := ParseSubmission(in.File, in.Data)
	if err != nil {
		msg := err.Error()
		if e, ok := err.(*Error); ok {
			msg = e.Msg
			if e.Line > 0 {
				msg = fmt.Sprintf("line %d: %s", e.Line, e.Msg)
			}
		}
		row.Reasons = []string{msg}
		return row
	}
	row.Parsed, row.Sub, row.Student, row.Seed = true, &s, s.Student, s.Seed
	a, ok := match(as, s.AssignmentHash)
	if !ok {
		row.Reasons = []string{fmt.Sprintf("assignment hash %s matches none of the %d assignments given", short(s.AssignmentHash), len(as))}
		return row
	}
	res := Verify(a, docs, s)
	row.Verified, row.Reasons = res.Verified, res.Reasons
	row.Done, row.Chapters = res.Complete, len(a.Chapters)
	row.GoalsMet, row.Goals = res.GoalsMet, res.Goals
	row.Answered, row.Prompts = res.Answered, res.Prompts
	row.Score = res.Score
	for _, ss := range res.Sessions {
		if ss != nil {
			row.Play = append(row.Play, summarise(ss))
		}
	}
	return row
}

// match returns the assignment with the hash, or the only assignment.
func match(as []Assignment, hash string) (Assignment, bool) {
	for _, a := range as {
		if a.Hash() == hash {
			return a, true
		}
	}
	if len(as) == 1 {
		return as[0], true
	}
	return Assignment{}, false
}

// summarise keeps what the debrief draws of a replayed session.
func summarise(ss *play.Session) Played {
	played := ss.Played()
	p := Played{Chapter: ss.Chapter(), Complete: ss.Done(), Rounds: len(played), Final: map[string]float64{}, Goals: ss.Goals()}
	if len(played) > 0 {
		for _, name := range sim.MetricNames() {
			p.Final[name], _ = played[len(played)-1].Metric(name)
		}
	}
	p.Levers = meanLevers(ss)
	var visits []float64
	for _, pr := range ss.World().AppendProviders(nil) {
		visits = append(visits, pr.Visits)
	}
	p.Lorenz = lorenz(visits, 20)
	return p
}

// meanLevers returns each unlocked lever's mean over the played rounds,
// from the starting levers and the session's log.
func meanLevers(ss *play.Session) map[string]float64 {
	setup := ss.Setup()
	out := map[string]float64{}
	sc, err := setup.Scenario()
	n := ss.Round()
	if err != nil || n == 0 {
		return out
	}
	lev := sc.Levers
	log := ss.Log()
	j := 0
	sums := map[string]float64{}
	for r := 1; r <= n; r++ {
		for ; j < len(log) && log[j].Round <= r; j++ {
			lev.Set(log[j].Lever, log[j].Value) // the log replayed, so every value is valid
		}
		for _, k := range setup.Unlocked {
			if setup.Unlocks(k) {
				v, _ := lev.Value(k)
				sums[k] += v
			}
		}
	}
	for k, s := range sums {
		out[k] = s / float64(n)
	}
	return out
}

// lorenz returns the Lorenz curve of xs at k+1 evenly spaced population
// shares: the share of the total held by the smallest i/k of the values.
func lorenz(xs []float64, k int) []float64 {
	out := make([]float64, k+1)
	if len(xs) == 0 {
		for i := range out {
			out[i] = float64(i) / float64(k)
		}
		return out
	}
	xs = slices.Clone(xs)
	slices.Sort(xs)
	cum := make([]float64, len(xs)+1)
	for i, x := range xs {
		cum[i+1] = cum[i] + max(x, 0)
	}
	total := cum[len(xs)]
	for i := range out {
		pos := float64(i) / float64(k) * float64(len(xs))
		lo := int(pos)
		v := cum[lo]
		if lo < len(xs) {
			v += (pos - float64(lo)) * max(xs[lo], 0)
		}
		if total > 0 {
			out[i] = v / total
		} else {
			out[i] = float64(i) / float64(k)
		}
	}
	return out
}

// Gradebook returns the gradebook as CSV: a header, then one line per row
// with file, student_id, student_name, chapters_done, chapters, goals_met,
// goals, prompts_answered, prompts, score, verified (yes/no) and reason
// (the reasons joined by "; "). When rows were analysed (AnalyseRows), two
// columns follow for each chapter analysed in any row, in chapter order:
// chN_policy_hit_rate (the mean share of goals the student's decisions meet
// over the 32 luck seeds, 0–1) and chN_luck (the mean percentile of the
// own result among them, 0–100, 50 typical); empty where a row has none.
// Cells a spreadsheet would read as a formula are prefixed with an
// apostrophe. The file is UTF-8 and starts with ByteOrderMark, so that
// Excel (which otherwise reads a CSV in the system's code page, GBK on
// Chinese Windows) shows names such as 张伟 as typed; encoding/csv and
// most tools want the mark stripped first (bytes.TrimPrefix).
func Gradebook(rows []Row) []byte {
	var chapters []int
	for _, r := range rows {
		for _, y := range r.Why {
			if !slices.Contains(chapters, y.Chapter) {
				chapters = append(chapters, y.Chapter)
			}
		}
	}
	slices.Sort(chapters)
	var buf bytes.Buffer
	buf.WriteString(ByteOrderMark)
	w := csv.NewWriter(&buf)
	head := []string{"file", "student_id", "student_name", "chapters_done", "chapters", "goals_met", "goals", "prompts_answered", "prompts", "score", "verified", "reason"}
	for _, n := range chapters {
		head = append(head, fmt.Sprintf("ch%d_policy_hit_rate", n), fmt.Sprintf("ch%d_luck", n))
	}
	w.Write(head)
	for _, r := range rows {
		verified := "no"
		if r.Verified {
			verified = "yes"
		}
		score := ""
		if r.Parsed {
			score = strconv.FormatFloat(r.Score, 'f', 1, 64)
		}
		line := []string{
			cell(r.File), cell(r.Student.ID), cell(r.Student.Name),
			strconv.Itoa(r.Done), strconv.Itoa(r.Chapters), strconv.Itoa(r.GoalsMet), strconv.Itoa(r.Goals),
			strconv.Itoa(r.Answered), strconv.Itoa(r.Prompts), score, verified, cell(strings.Join(r.Reasons, "; ")),
		}
		for _, n := range chapters {
			hit, luck := "", ""
			for _, y := range r.Why {
				if y.Chapter == n {
					hit, luck = decimal(y.PolicyHitRate, 3), decimal(y.Luck, 1)
				}
			}
			line = append(line, hit, luck)
		}
		w.Write(line)
	}
	w.Flush()
	return buf.Bytes()
}

// ByteOrderMark is U+FEFF in UTF-8 (the bytes EF BB BF), which the
// gradebook starts with: the sign by which Excel knows a CSV is UTF-8.
const ByteOrderMark = "\ufeff"

// decimal formats v with prec decimals, or "" when it is not a number.
func decimal(v float64, prec int) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return ""
	}
	return strconv.FormatFloat(v, 'f', prec, 64)
}

// cell defuses spreadsheet formulas in text from outside.
func cell(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}
