package classroom

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/longtail-case/longtail/game/play"
	"github.com/longtail-case/longtail/game/sim"
)

// SubmissionFormat is the version of the submission file format. ParseSubmission
// refuses any other.
const SubmissionFormat = 1

// Limits on a submission file.
const (
	MaxSubmissionBytes = 4 << 20 // bytes in one file, 4 MiB
	MaxDecisions       = 20000   // lever changes in one file
	MaxReflectionRunes = 20000   // characters in one reflection
	MaxIDRunes         = 64      // characters in a student ID
	MaxNameRunes       = 200     // characters in a student name
)

// Student is who made a submission, as they typed it on the title screen.
type Student struct {
	ID   string `json:"id"`   // the institution's student ID; required, at most 64 characters
	Name string `json:"name"` // display name, optional
}

// Reflection is a student's answer to one reflection prompt.
type Reflection struct {
	Chapter int    `json:"chapter"` // content chapter number
	Prompt  string `json:"prompt"`  // the prompt as shown
	Text    string `json:"text"`    // the answer
}

// Outcome is what one chapter's play came to, as the game computed it: the
// rounds played, every metric of the last played round, and each goal's
// result. The grader recomputes all of it.
type Outcome struct {
	Chapter int                `json:"chapter"`
	Rounds  int                `json:"rounds"`  // rounds played; less than the chapter's when exported early
	Metrics map[string]float64 `json:"metrics"` // every sim.MetricNames metric of the last played round; empty when none was played
	Goals   []GoalOutcome      `json:"goals"`
}

// GoalOutcome is one goal and its result.
type GoalOutcome struct {
	Metric   string   `json:"metric"`
	Op       string   `json:"op"`
	Value    float64  `json:"value"` // the threshold
	When     sim.When `json:"when"`
	Label    string   `json:"label"`
	Achieved float64  `json:"achieved"` // the compared value (sim.Goal.Check)
	Met      bool     `json:"met"`
}

// Submission is one student's exported run of an assignment: everything
// needed to replay it (assignment hash, seed, decisions), what the game
// computed (outcomes) and what the student wrote (reflections). The file is
// its JSON form; field names are snake_case. Nothing in it is signed: the
// grader trusts it only as far as a replay reproduces it.
type Submission struct {
	Format         int             `json:"format"`          // SubmissionFormat
	Engine         string          `json:"engine"`          // EngineVersion of the program that wrote it
	AssignmentHash string          `json:"assignment_hash"` // Assignment.Hash; "" for free play
	Assignment     string          `json:"assignment"`      // the assignment's title, for people reading the file
	Student        Student         `json:"student"`
	Seed           uint64          `json:"seed"`               // the seed every chapter used
	Locale         string          `json:"locale,omitempty"`   // the edition played, "en" or "zh-Hans" (Assignment.Language); "" is English
	Started        string          `json:"started,omitempty"`  // self-reported start time, RFC 3339, not verified
	Finished       string          `json:"finished,omitempty"` // self-reported export time, RFC 3339, not verified
	Decisions      []play.Decision `json:"decisions"`          // every lever change, chapter by chapter in play order
	Reflections    []Reflection    `json:"reflections"`
	Outcomes       []Outcome       `json:"outcomes"` // one per chapter started, in play order
}

// NewSubmission builds the submission of a student's sessions, one per
// chapter started, in play order; unfinished sessions are recorded with the
// rounds played so far. a may be nil for free play. The seed is the
// sessions' (they share one); with no sessions it is the assignment's seed
// for the student.
func NewSubmission(a *Assignment, student Student, sessions []*play.Session, refl []Reflection) Submission {
	s := Submission{
		Format:      SubmissionFormat,
		Engine:      EngineVersion,
		Student:     student,
		Decisions:   []play.Decision{},
		Reflections: append([]Reflection{}, refl...),
		Outcomes:    []Outcome{},
	}
	if a != nil {
		s.AssignmentHash = a.Hash()
		s.Assignment = a.Title
		s.Locale = a.Locale
		s.Seed = a.Seed(student.ID)
	}
	for i, ss := range sessions {
		if i == 0 {
			s.Seed = ss.Seed()
		}
		s.Decisions = append(s.Decisions, ss.Log()...)
		s.Outcomes = append(s.Outcomes, outcomeOf(ss))
	}
	return s
}

// outcomeOf records a session's outcome.
func outcomeOf(ss *play.Session) Outcome {
	played := ss.Played()
	o := Outcome{Chapter: ss.Chapter(), Rounds: len(played), Metrics: map[string]float64{}, Goals: []GoalOutcome{}}
	if len(played) > 0 {
		last := played[len(played)-1]
		for _, name := range sim.MetricNames() {
			o.Metrics[name], _ = last.Metric(name)
		}
	}
	for _, g := range ss.Goals() {
		o.Goals = append(o.Goals, GoalOutcome{
			Metric: g.Goal.Metric, Op: g.Goal.Op, Value: g.Goal.Value, When: whenOf(g.Goal.When),
			Label: g.Goal.Label, Achieved: g.Value, Met: g.Met,
		})
	}
	return o
}

func whenOf(w sim.When) sim.When {
	if w == "" {
		return sim.AtEnd
	}
	return w
}

// FileName returns the name a submission is saved under:
// "longtail-<first 12 hash digits>-<student ID>.json", with anything but
// letters, digits, '-' and '_' in the ID replaced by '_'.
func (s Submission) FileName() string {
	h := s.AssignmentHash
	if len(h) > 12 {
		h = h[:12]
	}
	if h == "" {
		h = "free"
	}
	id := []rune(strings.TrimSpace(s.Student.ID))
	for i, r := range id {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' || r == '_') {
			id[i] = '_'
		}
	}
	if len(id) == 0 {
		id = []rune("anonymous")
	}
	return fmt.Sprintf("longtail-%s-%s.json", h, string(id))
}

// MarshalIndent returns the submission file: indented JSON ending in a
// newline. Non-finite numbers are written as the strings "NaN", "+Inf" and
// "-Inf" so the file stays valid JSON and replays compare exactly.
func (s Submission) MarshalIndent() ([]byte, error) {
	if s.Decisions == nil {
		s.Decisions = []play.Decision{}
	}
	if s.Reflections == nil {
		s.Reflections = []Reflection{}
	}
	if s.Outcomes == nil {
		s.Outcomes = []Outcome{}
	}
	for _, d := range s.Decisions {
		if math.IsNaN(d.Value) || math.IsInf(d.Value, 0) {
			return nil, fmt.Errorf("classroom: decision %s = %v is not a finite number", d.Lever, d.Value)
		}
	}
	b, err := json.MarshalIndent(s, "", "  ")
	if err != nil {
		return nil, fmt.Errorf("classroom: %w", err)
	}
	return append(b, '\n'), nil
}

// number is a float64 whose JSON form keeps non-finite values as strings.
type number float64

func (n number) MarshalJSON() ([]byte, error) {
	f := float64(n)
	switch {
	case math.IsNaN(f):
		return []byte(`"NaN"`), nil
	case math.IsInf(f, 1):
		return []byte(`"+Inf"`), nil
	case math.IsInf(f, -1):
		return []byte(`"-Inf"`), nil
	}
	return json.Marshal(f)
}

func (n *number) UnmarshalJSON(b []byte) error {
	switch string(b) {
	case `"NaN"`:
		*n = number(math.NaN())
		return nil
	case `"+Inf"`:
		*n = number(math.Inf(1))
		return nil
	case `"-Inf"`:
		*n = number(math.Inf(-1))
		return nil
	}
	var f float64
	if err := json.Unmarshal(b, &f); err != nil {
		return fmt.Errorf("%s is not a number", truncate(string(b), 20))
	}
	*n = number(f)
	return nil
}

type outcomeJSON struct {
	Chapter int               `json:"chapter"`
	Rounds  int               `json:"rounds"`
	Metrics map[string]number `json:"metrics"`
	Goals   []goalJSON        `json:"goals"`
}

type goalJSON struct {
	Metric   string   `json:"metric"`
	Op       string   `json:"op"`
	Value    number   `json:"value"`
	When     sim.When `json:"when"`
	Label    string   `json:"label"`
	Achieved number   `json:"achieved"`
	Met      bool     `json:"met"`
}

// MarshalJSON writes the outcome with non-finite numbers as strings.
func (o Outcome) MarshalJSON() ([]byte, error) {
	w := outcomeJSON{Chapter: o.Chapter, Rounds: o.Rounds, Metrics: map[string]number{}, Goals: []goalJSON{}}
	for k, v := range o.Metrics {
		w.Metrics[k] = number(v)
	}
	for _, g := range o.Goals {
		w.Goals = append(w.Goals, goalJSON{g.Metric, g.Op, number(g.Value), g.When, g.Label, number(g.Achieved), g.Met})
	}
	return json.Marshal(w)
}

// UnmarshalJSON reads what MarshalJSON writes and refuses unknown fields.
func (o *Outcome) UnmarshalJSON(b []byte) error {
	var w outcomeJSON
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&w); err != nil {
		return err
	}
	*o = Outcome{Chapter: w.Chapter, Rounds: w.Rounds, Metrics: map[string]float64{}, Goals: []GoalOutcome{}}
	for k, v := range w.Metrics {
		o.Metrics[k] = float64(v)
	}
	for _, g := range w.Goals {
		o.Goals = append(o.Goals, GoalOutcome{g.Metric, g.Op, float64(g.Value), g.When, g.Label, float64(g.Achieved), g.Met})
	}
	return nil
}

// ParseSubmission decodes and checks a submission file; file is the name
// used in errors, which are *Error values naming the line where possible.
// It refuses files over MaxSubmissionBytes, empty or truncated files,
// malformed JSON, trailing data, unknown fields, another format version, a
// missing student ID, unknown levers and over-long texts. It does not
// verify anything against an assignment; Verify does.
func ParseSubmission(file string, data []byte) (Submission, error) {
	fail := func(line int, format string, args ...any) (Submission, error) {
		return Submission{}, &Error{File: file, Line: line, Msg: fmt.Sprintf(format, args...)}
	}
	if len(data) > MaxSubmissionBytes {
		return fail(0, "the file is %d bytes; a submission may be at most %d", len(data), MaxSubmissionBytes)
	}
	if len(bytes.TrimSpace(data)) == 0 {
		return fail(0, "the file is empty")
	}
	if !utf8.Valid(data) {
		return fail(0, "the file is not UTF-8 text (is it a submission?)")
	}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf")) // a byte-order mark from Windows editors
	// The version first, so a file from another version gets that message
	// rather than one about fields it does not know.
	var head struct {
		Format json.RawMessage `json:"format"`
	}
	if err := json.Unmarshal(data, &head); err == nil {
		if head.Format == nil {
			return fail(1, "no \"format\" field: this is not a Long Tail submission")
		}
		if f, err := strconv.Atoi(string(head.Format)); err != nil || f != SubmissionFormat {
			return fail(lineAt(data, bytes.Index(data, []byte(`"format"`))), "format %s; this grader reads submission format %d", truncate(string(head.Format), 20), SubmissionFormat)
		}
	}
	var s Submission
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&s); err != nil {
		off := dec.InputOffset()
		var se *json.SyntaxError
		var te *json.UnmarshalTypeError
		switch {
		case errors.As(err, &se):
			off = se.Offset
		case errors.As(err, &te):
			off = te.Offset
		}
		return fail(lineAt(data, int(off)), "%s", jsonProblem(err))
	}
	if _, err := dec.Token(); err != io.EOF {
		return fail(lineAt(data, int(dec.InputOffset())), "unexpected data after the submission")
	}
	if err := s.check(); err != nil {
		return fail(0, "%v", err)
	}
	if s.Decisions == nil {
		s.Decisions = []play.Decision{}
	}
	if s.Reflections == nil {
		s.Reflections = []Reflection{}
	}
	if s.Outcomes == nil {
		s.Outcomes = []Outcome{}
	}
	return s, nil
}

// jsonProblem phrases a decoding error for a person.
func jsonProblem(err error) string {
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	switch {
	case errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF):
		return "the file ends early: it is truncated or not a complete submission"
	case errors.As(err, &se):
		return "malformed JSON: " + se.Error()
	case errors.As(err, &te):
		field := te.Field
		if field == "" {
			field = "the file"
		}
		return fmt.Sprintf("field %s: expected %s, found a JSON %s", field, te.Type, te.Value)
	}
	msg := strings.TrimPrefix(err.Error(), "json: ")
	if strings.HasPrefix(msg, "unknown field") {
		return msg + " (not part of submission format 1)"
	}
	return msg
}

// check validates what a submission holds, without an assignment.
func (s Submission) check() error {
	if s.Engine == "" {
		return errors.New("no engine version")
	}
	if strings.TrimSpace(s.Student.ID) == "" {
		return errors.New("no student ID")
	}
	if n := utf8.RuneCountInString(s.Student.ID); n > MaxIDRunes {
		return fmt.Errorf("the student ID has %d characters; at most %d", n, MaxIDRunes)
	}
	if n := utf8.RuneCountInString(s.Student.Name); n > MaxNameRunes {
		return fmt.Errorf("the student name has %d characters; at most %d", n, MaxNameRunes)
	}
	for _, t := range []string{s.Student.ID, s.Student.Name} {
		if msg := textProblem(t); msg != "" {
			return fmt.Errorf("student ID or name %s", msg)
		}
	}
	if msg := localeProblem(s.Locale); msg != "" {
		return errors.New(msg)
	}
	if len(s.Decisions) > MaxDecisions {
		return fmt.Errorf("%d decisions; at most %d", len(s.Decisions), MaxDecisions)
	}
	for i, d := range s.Decisions {
		if _, ok := sim.Spec(d.Lever); !ok {
			return fmt.Errorf("decision %d: %q is not a lever", i+1, d.Lever)
		}
		if d.Chapter < 0 || d.Chapter > MaxChapterNum || d.Round < 1 || d.Round > 201 {
			return fmt.Errorf("decision %d: chapter %d round %d is impossible", i+1, d.Chapter, d.Round)
		}
	}
	if len(s.Outcomes) > MaxChapters || len(s.Reflections) > MaxChapters*MaxPrompts {
		return errors.New("more outcomes or reflections than any assignment has")
	}
	seen := map[int]bool{}
	for _, o := range s.Outcomes {
		if seen[o.Chapter] {
			return fmt.Errorf("chapter %d has two outcomes", o.Chapter)
		}
		seen[o.Chapter] = true
		if o.Rounds < 0 || o.Rounds > 200 || len(o.Goals) > 100 || len(o.Metrics) > 1000 {
			return fmt.Errorf("chapter %d: the outcome is out of range", o.Chapter)
		}
	}
	for i, r := range s.Reflections {
		if n := utf8.RuneCountInString(r.Text); n > MaxReflectionRunes {
			return fmt.Errorf("reflection %d has %d characters; at most %d", i+1, n, MaxReflectionRunes)
		}
	}
	return nil
}

// lineAt returns the 1-based line of a byte offset in data.
func lineAt(data []byte, off int) int {
	if off < 0 {
		return 0
	}
	off = min(off, len(data))
	return bytes.Count(data[:off], []byte("\n")) + 1
}

func truncate(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n]) + "…"
}

// sortedMetricNames returns the names in m, report order first, then any
// others alphabetically.
func sortedMetricNames(m map[string]float64) []string {
	var out []string
	known := sim.MetricNames()
	for _, n := range known {
		if _, ok := m[n]; ok {
			out = append(out, n)
		}
	}
	var extra []string
	for n := range m {
		if !slices.Contains(known, n) {
			extra = append(extra, n)
		}
	}
	slices.Sort(extra)
	return append(out, extra...)
}
