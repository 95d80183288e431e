// Package classroom turns Long Tail into a classroom assignment with no
// server: the instructor's assignment file (TOML), the student's submission
// (JSON), verification of a submission by replaying it with the same engine,
// and the class gradebook and debrief page.
//
// How the pieces fit:
//
//	a, err := classroom.ParseAssignment(name, data)           // or DecodeLink(param) first
//	base, err := classroom.ChapterSetup(docs, n)               // the chapter's own scenario block
//	setup, err := a.Setup(n, base)                             // after the assignment's overrides
//	s, err := play.New(n, setup, a.Seed(student.ID))           // one session per chapter, in a.Chapters order
//	sub := classroom.NewSubmission(&a, student, sessions, refl) // at the end, or at any time
//	data, err := sub.MarshalIndent()                           // saved as sub.FileName()
//
// Simulate does the same headless from a decision list; Verify replays a
// submission; Grade, Gradebook, Sweep and Debrief serve longtail-grade.
//
// The package is pure: it never imports ebiten, reads no clock and keeps no
// package-level mutable state. The game, longtail-sim and longtail-grade
// all go through it, so a submission written by any of them verifies with
// the others.
//
// Imports: the standard library, BurntSushi/toml, content, game/sim,
// game/play, game/present, game/classroom/explain and internal/tomlfile;
// never ebiten or content/markdown (the grader's command does the parsing).
package classroom

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/BurntSushi/toml"

	"github.com/longtail-case/longtail/content"
	"github.com/longtail-case/longtail/game/sim"
	"github.com/longtail-case/longtail/internal/tomlfile"
)

// EngineVersion names the numbers the engine produces: the model
// (game/sim), the session rules (game/play) and the submission's outcome
// fields. Bump it whenever any of them changes a number, so a submission
// made with another engine is reported as such instead of as tampered.
// The model's part is sim.Version, which its golden test keeps honest.
const EngineVersion = "longtail-engine/" + sim.Version

// AssignmentFormat is the version of the assignment file format this
// package reads. A file may say `format = 1`; any other value is an error.
const AssignmentFormat = 1

// MaxAssignmentBytes caps the size of an assignment file, 64 KiB.
const MaxAssignmentBytes = 64 << 10

// Limits on an assignment's contents, to keep screens and files sane.
const (
	MaxChapters   = 16   // chapters in one assignment
	MaxPrompts    = 10   // reflection prompts per chapter
	MaxTextRunes  = 2000 // runes in one title, note or prompt
	MaxChapterNum = 99   // highest chapter number (the content's prefix, 00–99)
)

// Assignment is an instructor's assignment: which chapters to play, how each
// differs from the chapter as written, and how seeds are given out. Build it
// with ParseAssignment; the zero value is not a valid assignment.
type Assignment struct {
	Format         int       `toml:"format" json:"format"`                     // file format version, AssignmentFormat
	Title          string    `toml:"title" json:"title"`                       // shown on the title screen, required
	Course         string    `toml:"course" json:"course"`                     // e.g. "MBA 612 Platform Strategy", optional
	Due            string    `toml:"due" json:"due"`                           // free text, e.g. "Friday 12 June, 23:59 (Beijing)", optional
	Locale         string    `toml:"locale" json:"locale"`                     // the edition students see, content.English ("en") or content.Chinese ("zh-Hans"); "" lets the student choose (see Language)
	BaseSeed       uint64    `toml:"base_seed" json:"base_seed"`               // the assignment's seed, 0 to 2^63−1
	PerStudentSeed bool      `toml:"per_student_seed" json:"per_student_seed"` // derive each student's seed from BaseSeed and their ID
	Chapters       []Chapter `toml:"chapter" json:"chapters"`                  // played in this order, at least one
	Scoring        Scoring   `toml:"scoring" json:"scoring"`                   // weights of the gradebook score
}

// Chapter is one chapter of an assignment and the instructor's changes to
// the chapter's own scenario block. A nil slice keeps the chapter's own
// value; a non-nil one (even empty) replaces it.
type Chapter struct {
	Number   int                `toml:"number" json:"number"`     // the content chapter number, from its file name prefix (01-born-open.md is 1)
	Base     string             `toml:"base" json:"base"`         // built-in scenario replacing the chapter's; "" keeps it
	Rounds   int                `toml:"rounds" json:"rounds"`     // rounds to play, 1–200; 0 keeps the chapter's
	Set      map[string]float64 `toml:"set" json:"set"`           // structural overrides, merged over the chapter's
	Start    map[string]float64 `toml:"start" json:"start"`       // starting lever values, merged over the chapter's
	Locked   map[string]float64 `toml:"locked" json:"locked"`     // levers locked at a value, merged over the chapter's (and removed from its unlocked list)
	Unlocked []string           `toml:"unlocked" json:"unlocked"` // levers the student may move; replaces the chapter's list when given
	Goals    []sim.Goal         `toml:"goal" json:"goals"`        // replaces the chapter's goals when given
	Prompts  []string           `toml:"prompts" json:"prompts"`   // reflection prompts; replace the chapter's when given
}

// Scoring weighs the gradebook score (0–100): the share of goals met, the
// share of prompts answered with at least MinChars characters, and the share
// of chapters played to the end. The weights are relative; all zero means
// the defaults 40, 40, 20. The score deliberately weighs process and
// reflection, not only the outcome, which partly rests on luck.
type Scoring struct {
	Goals       float64 `toml:"goals" json:"goals"`             // weight of goals met
	Reflections float64 `toml:"reflections" json:"reflections"` // weight of prompts answered
	Completion  float64 `toml:"completion" json:"completion"`   // weight of chapters finished
	MinChars    int     `toml:"min_chars" json:"min_chars"`     // characters for an answer to count; 0 means 80
}

// weights returns the scoring weights normalised to sum to 1 and the
// minimum answer length.
func (s Scoring) weights() (goals, refl, compl float64, minChars int) {
	goals, refl, compl = s.Goals, s.Reflections, s.Completion
	if goals+refl+compl == 0 {
		goals, refl, compl = 40, 40, 20
	}
	sum := goals + refl + compl
	minChars = s.MinChars
	if minChars == 0 {
		minChars = 80
	}
	return goals / sum, refl / sum, compl / sum, minChars
}

// Error is a problem in a file a person gave us, with the place it was found.
type Error struct {
	File string // the file name as given
	Line int    // 1-based line, 0 when unknown
	Msg  string
}

// Error formats the problem as "file:line: message".
func (e *Error) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg)
	}
	return fmt.Sprintf("%s: %s", e.File, e.Msg)
}

// ParseAssignment decodes and validates an assignment file; file is the name
// used in errors. Every problem is an *Error naming the line (or, for
// several problems, errors.Join of them): TOML syntax, unknown keys, wrong
// types, unknown levers or metrics, values outside a lever's range, a file
// over MaxAssignmentBytes. Levers and goals are checked against the model's
// specs; whether the chapters exist in the content is checked by Setup.
func ParseAssignment(file string, data []byte) (Assignment, error) {
	if len(data) > MaxAssignmentBytes {
		return Assignment{}, &Error{File: file, Msg: fmt.Sprintf("the file is %d bytes; an assignment may be at most %d", len(data), MaxAssignmentBytes)}
	}
	if !utf8.Valid(data) {
		return Assignment{}, &Error{File: file, Msg: "the file is not UTF-8 text"}
	}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf")) // a byte-order mark from Windows editors
	var a Assignment
	md, err := toml.NewDecoder(bytes.NewReader(data)).Decode(&a)
	if err != nil {
		p := tomlfile.Decoding(err)
		return Assignment{}, &Error{File: file, Line: p.Line, Msg: p.String()}
	}
	lines := tomlfile.Index(data)
	var errs []error
	at := func(key, format string, args ...any) {
		errs = append(errs, &Error{File: file, Line: lines.Line(key), Msg: fmt.Sprintf(format, args...)})
	}
	// The decoder matches keys case-insensitively, and which of "Chapter"
	// and "chapter" wins would depend on map order: only lower case is ours.
	upper := map[string]bool{}
	for _, k := range md.Keys() {
		p := strings.Join(k, ".")
		if p == strings.ToLower(p) {
			continue
		}
		upper[p] = true
		if len(k) > 1 && upper[strings.Join(k[:len(k)-1], ".")] {
			continue
		}
		pr := tomlfile.Problem{Line: lines.Next(p), Key: p, Msg: "unknown key (keys are lower case)"}
		errs = append(errs, &Error{File: file, Line: pr.Line, Msg: pr.String()})
	}
	for _, pr := range tomlfile.Unknown(md, lines) {
		errs = append(errs, &Error{File: file, Line: pr.Line, Msg: pr.String()})
	}
	// Presence decides between "keep the chapter's" and "replace it", which
	// a decoded nil slice cannot tell apart from an empty one.
	var raw map[string]any
	if _, err := toml.Decode(string(data), &raw); err == nil {
		chs, _ := raw["chapter"].([]map[string]any)
		for i := range a.Chapters {
			if i >= len(chs) {
				break
			}
			c := &a.Chapters[i]
			if _, ok := chs[i]["unlocked"]; ok && c.Unlocked == nil {
				c.Unlocked = []string{}
			}
			if _, ok := chs[i]["prompts"]; ok && c.Prompts == nil {
				c.Prompts = []string{}
			}
			if _, ok := chs[i]["goal"]; ok && c.Goals == nil {
				c.Goals = []sim.Goal{}
			}
		}
	}
	a.normalise()
	for _, p := range a.problems() {
		at(p.key, "%s", p.msg)
	}
	if len(errs) > 0 {
		slices.SortStableFunc(errs, func(x, y error) int { return x.(*Error).Line - y.(*Error).Line })
		return Assignment{}, errors.Join(errs...)
	}
	return a, nil
}

// normalise fills defaults that have one meaning, so equal assignments hash
// equally: format 0 → AssignmentFormat, goal when "" → "end".
func (a *Assignment) normalise() {
	if a.Format == 0 {
		a.Format = AssignmentFormat
	}
	for i := range a.Chapters {
		for j := range a.Chapters[i].Goals {
			if a.Chapters[i].Goals[j].When == "" {
				a.Chapters[i].Goals[j].When = sim.AtEnd
			}
		}
	}
}

type problem struct{ key, msg string }

// problems lists every semantic problem, each with the key path where it is.
func (a Assignment) problems() []problem {
	var ps []problem
	add := func(key, format string, args ...any) {
		ps = append(ps, problem{key, fmt.Sprintf(format, args...)})
	}
	if a.Format != AssignmentFormat {
		add("format", "format = %d; this version of Long Tail reads format %d", a.Format, AssignmentFormat)
	}
	if strings.TrimSpace(a.Title) == "" {
		add("title", "title is missing; the title screen shows it")
	}
	for _, f := range []struct{ key, v string }{{"title", a.Title}, {"course", a.Course}, {"due", a.Due}} {
		if msg := textProblem(f.v); msg != "" {
			add(f.key, "%s %s", f.key, msg)
		}
	}
	if msg := localeProblem(a.Locale); msg != "" {
		add("locale", "%s", msg)
	}
	if a.BaseSeed > 1<<63-1 {
		add("base_seed", "base_seed must be at most %d", uint64(1<<63-1))
	}
	if len(a.Chapters) == 0 {
		add("", "no chapters: add at least one [[chapter]] table")
	}
	if len(a.Chapters) > MaxChapters {
		add("chapter", "%d chapters; an assignment may have at most %d", len(a.Chapters), MaxChapters)
	}
	seen := map[int]bool{}
	for i, c := range a.Chapters {
		p := fmt.Sprintf("chapter.%d", i)
		if c.Number < 0 || c.Number > MaxChapterNum {
			add(p+".number", "chapter number %d is outside 0–%d", c.Number, MaxChapterNum)
		}
		if seen[c.Number] {
			add(p+".number", "chapter %d appears twice", c.Number)
		}
		seen[c.Number] = true
		if c.Base != "" {
			if names := sim.BuiltinNames(); len(names) > 0 && !slices.Contains(names, c.Base) {
				add(p+".base", "chapter %d: base %q is not a built-in scenario (%s)", c.Number, c.Base, strings.Join(names, ", "))
			}
		}
		if c.Rounds < 0 || c.Rounds > 200 {
			add(p+".rounds", "chapter %d: rounds = %d is outside 1–200", c.Number, c.Rounds)
		}
		if keys := sim.ScenarioKeys(); len(keys) > 0 {
			for _, k := range slices.Sorted(maps.Keys(c.Set)) {
				if !slices.Contains(keys, k) {
					add(p+".set."+k, "chapter %d: set: %q is not a scenario key", c.Number, k)
				}
			}
		}
		for _, part := range []struct {
			name string
			m    map[string]float64
		}{{"start", c.Start}, {"locked", c.Locked}} {
			for _, k := range slices.Sorted(maps.Keys(part.m)) {
				spec, ok := sim.Spec(k)
				if !ok {
					add(p+"."+part.name+"."+k, "chapter %d: %s: %q is not a lever (%s)", c.Number, part.name, k, leverList())
					continue
				}
				if err := spec.Check(part.m[k]); err != nil {
					add(p+"."+part.name+"."+k, "chapter %d: %s: %v", c.Number, part.name, err)
				}
			}
		}
		dup := map[string]bool{}
		for _, k := range c.Unlocked {
			if _, ok := sim.Spec(k); !ok {
				add(p+".unlocked", "chapter %d: unlocked: %q is not a lever (%s)", c.Number, k, leverList())
			}
			if _, ok := c.Locked[k]; ok {
				add(p+".unlocked", "chapter %d: %q is both unlocked and locked", c.Number, k)
			}
			if dup[k] {
				add(p+".unlocked", "chapter %d: unlocked: %q is listed twice", c.Number, k)
			}
			dup[k] = true
		}
		for j, g := range c.Goals {
			if err := g.Validate(); err != nil {
				add(fmt.Sprintf("%s.goal.%d", p, j), "chapter %d: goal %d: %v", c.Number, j+1, err)
			}
			if msg := textProblem(g.Label); msg != "" {
				add(fmt.Sprintf("%s.goal.%d.label", p, j), "chapter %d: goal %d: label %s", c.Number, j+1, msg)
			}
		}
		if len(c.Prompts) > MaxPrompts {
			add(p+".prompts", "chapter %d: %d prompts; at most %d", c.Number, len(c.Prompts), MaxPrompts)
		}
		for j, s := range c.Prompts {
			if strings.TrimSpace(s) == "" {
				add(p+".prompts", "chapter %d: prompt %d is empty", c.Number, j+1)
			}
			if msg := textProblem(s); msg != "" {
				add(p+".prompts", "chapter %d: prompt %d %s", c.Number, j+1, msg)
			}
		}
	}
	sc := a.Scoring
	if sc.Goals < 0 || sc.Reflections < 0 || sc.Completion < 0 || sc.Goals > 1000 || sc.Reflections > 1000 || sc.Completion > 1000 {
		add("scoring", "scoring weights must be between 0 and 1000")
	}
	if sc.MinChars < 0 || sc.MinChars > MaxTextRunes {
		add("scoring.min_chars", "scoring.min_chars = %d is outside 0–%d", sc.MinChars, MaxTextRunes)
	}
	return ps
}

// textProblem reports what is wrong with a piece of display text, or "".
func textProblem(s string) string {
	if utf8.RuneCountInString(s) > MaxTextRunes {
		return fmt.Sprintf("is longer than %d characters", MaxTextRunes)
	}
	for _, r := range s {
		if unicode.IsControl(r) && r != '\n' && r != '\t' {
			return fmt.Sprintf("contains the control character %U", r)
		}
	}
	return ""
}

func leverList() string {
	var keys []string
	for _, s := range sim.LeverSpecs() {
		keys = append(keys, s.Key)
	}
	return "levers: " + strings.Join(keys, ", ")
}

// Validate checks the assignment as ParseAssignment does (without line
// numbers), for assignments built in code.
func (a Assignment) Validate() error {
	a.normalise()
	var errs []error
	for _, p := range a.problems() {
		errs = append(errs, fmt.Errorf("classroom: %s", p.msg))
	}
	return errors.Join(errs...)
}

// canonical returns the canonical form the hash is taken of: the parsed
// assignment as JSON (fields in declaration order, map keys sorted, floats
// in shortest round-trip form) after a version line. Comments, layout and
// key order of the TOML file do not change it.
func (a Assignment) canonical() []byte {
	a.normalise()
	b, err := json.Marshal(a)
	if err != nil {
		// Only non-finite floats fail, and TOML cannot hold a value that
		// passes validation and is not finite; keep the hash total anyway.
		b = fmt.Appendf(nil, "%#v", a)
	}
	return append([]byte("longtail-assignment/1\n"), b...)
}

// Hash returns the SHA-256 of the assignment's canonical form as 64 lower-case
// hex digits. Two files that differ only in comments or layout hash equally;
// any change to what is played changes it. The game shows its first 12
// digits; submissions store it whole.
func (a Assignment) Hash() string {
	sum := sha256.Sum256(a.canonical())
	return hex.EncodeToString(sum[:])
}

// ShortHash returns the first 12 hex digits of Hash, for screens and file names.
func (a Assignment) ShortHash() string { return a.Hash()[:12] }

// NormaliseID returns the form of a student ID that seeds and duplicate checks
// use: surrounding space trimmed and letters lower-cased, so " S123" and
// "s123" are the same student.
func NormaliseID(id string) string { return strings.ToLower(strings.TrimSpace(id)) }

// Seed returns the seed every chapter of the student's run uses. Without
// per_student_seed it is BaseSeed. With it, it is the first 8 bytes (big
// endian) of SHA-256("longtail-seed/1" ‖ 0 ‖ BaseSeed as 8 bytes big endian ‖
// NormaliseID(studentID)), so each student plays different numbers, copied
// decisions give different outcomes, and the grader can recompute it.
func (a Assignment) Seed(studentID string) uint64 {
	if !a.PerStudentSeed {
		return a.BaseSeed
	}
	h := sha256.New()
	h.Write([]byte("longtail-seed/1\x00"))
	var b [8]byte
	binary.BigEndian.PutUint64(b[:], a.BaseSeed)
	h.Write(b[:])
	h.Write([]byte(NormaliseID(studentID)))
	return binary.BigEndian.Uint64(h.Sum(nil)[:8])
}

// Chapter returns the assignment's chapter with the given content number.
func (a Assignment) Chapter(number int) (Chapter, bool) {
	for _, c := range a.Chapters {
		if c.Number == number {
			return c, true
		}
	}
	return Chapter{}, false
}

// Numbers returns the assignment's chapter numbers in play order.
func (a Assignment) Numbers() []int {
	out := make([]int, len(a.Chapters))
	for i, c := range a.Chapters {
		out[i] = c.Number
	}
	return out
}

// Setup returns chapter ch's setup after the assignment's overrides: base
// is the chapter's own setup (from its ```scenario block). Base and rounds
// replace the chapter's when set; set, start and locked are merged over the
// chapter's; a locked lever leaves the unlocked list; unlocked, goals and
// prompts replace the chapter's when given, and a lever the assignment
// unlocks that the chapter had locked starts at the chapter's locked value.
// The result is validated against the model.
func (a Assignment) Setup(ch int, base sim.Setup) (sim.Setup, error) {
	c, ok := a.Chapter(ch)
	if !ok {
		return sim.Setup{}, fmt.Errorf("classroom: chapter %d is not in the assignment", ch)
	}
	s := sim.Setup{
		Base:     base.Base,
		Rounds:   base.Rounds,
		BurnIn:   base.BurnIn,
		Set:      merge(base.Set, c.Set),
		Start:    merge(base.Start, nil),
		Locked:   merge(base.Locked, nil),
		Unlocked: slices.Clone(base.Unlocked),
		Goals:    slices.Clone(base.Goals),
		Prompts:  slices.Clone(base.Prompts),
	}
	if c.Base != "" {
		s.Base = c.Base
	}
	if c.Rounds > 0 {
		s.Rounds = c.Rounds
	}
	for k, v := range c.Start {
		s.Start[k] = v
	}
	if c.Unlocked != nil {
		s.Unlocked = slices.Clone(c.Unlocked)
		for _, k := range c.Unlocked {
			if v, ok := s.Locked[k]; ok {
				if _, ok := s.Start[k]; !ok {
					s.Start[k] = v
				}
				delete(s.Locked, k)
			}
		}
	}
	for k, v := range c.Locked {
		s.Locked[k] = v
		s.Unlocked = slices.DeleteFunc(s.Unlocked, func(u string) bool { return u == k })
	}
	if c.Goals != nil {
		s.Goals = slices.Clone(c.Goals)
	}
	if c.Prompts != nil {
		s.Prompts = slices.Clone(c.Prompts)
	}
	if err := s.Validate(); err != nil {
		return sim.Setup{}, fmt.Errorf("classroom: chapter %d: %w", ch, err)
	}
	return s, nil
}

// merge returns a new map with base's entries overwritten by over's.
func merge(base, over map[string]float64) map[string]float64 {
	out := make(map[string]float64, len(base)+len(over))
	for k, v := range base {
		out[k] = v
	}
	for k, v := range over {
		out[k] = v
	}
	return out
}

// CheckAssignment parses an assignment as ParseAssignment does and then
// checks it against the content: every chapter exists, has a scenario to
// play, and its setup after the assignment's overrides is valid for the
// model. Problems are *Error values naming the chapter's line.
func CheckAssignment(file string, data []byte, docs []content.Document) (Assignment, error) {
	a, err := ParseAssignment(file, data)
	if err != nil {
		return Assignment{}, err
	}
	lines := tomlfile.Index(data)
	var errs []error
	for i, c := range a.Chapters {
		base, err := ChapterSetup(docs, c.Number)
		if err == nil {
			_, err = a.Setup(c.Number, base)
		}
		if err != nil {
			errs = append(errs, &Error{File: file, Line: lines.Line(fmt.Sprintf("chapter.%d.number", i)), Msg: strings.TrimPrefix(err.Error(), "classroom: ")})
		}
	}
	if len(errs) > 0 {
		return Assignment{}, errors.Join(errs...)
	}
	return a, nil
}
