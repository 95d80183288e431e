package classroom

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/longtail-case/longtail/content"
	"github.com/longtail-case/longtail/content/markdown"
	"github.com/longtail-case/longtail/game/play"
	"github.com/longtail-case/longtail/game/present"
	"github.com/longtail-case/longtail/game/sim"
	"github.com/longtail-case/longtail/internal/golden"
)

// testDocs is a stand-in for the case's content: two chapters whose
// scenario blocks resemble chapters 1 and 4, fixed here so content edits do
// not move these tests.
func testDocs() []content.Document {
	return []content.Document{
		{File: "chapters/00-prologue.md", Title: "Prologue"},
		{File: "chapters/01-open.md", Title: "Chapter 1: Open", Setup: &sim.Setup{
			Base: "baseline", Rounds: 10,
			Unlocked: []string{"openness", "take_rate"},
			Start:    map[string]float64{"openness": 0.3, "take_rate": 0.1},
			Goals: []sim.Goal{
				{Metric: "surviving_entrants", Op: ">=", Value: 30, When: sim.Mean, Label: "Grow innovation"},
				{Metric: "regulatory_events", Op: "<=", Value: 0, When: sim.AtEnd, Label: "No regulator"},
			},
			Prompts: []string{"Chapter prompt"},
		}},
		{File: "chapters/04-connector.md", Title: "Chapter 4: Connector", Setup: &sim.Setup{
			Base: "baseline", Rounds: 10,
			Unlocked: []string{"openness", "api_fee", "contact_fee", "first_party"},
			Start:    map[string]float64{"openness": 0.5, "api_fee": 2.5},
			Locked:   map[string]float64{"ad_load": 0, "feed_share": 0.5},
			Goals:    []sim.Goal{{Metric: "cumulative_revenue", Op: ">=", Value: 100, Label: "Earn"}},
			Prompts:  []string{"Connector or platform?"},
		}},
	}
}

func testAssignment(t testing.TB) Assignment {
	t.Helper()
	data, err := os.ReadFile("testdata/assignment.toml")
	if err != nil {
		t.Fatal(err)
	}
	a, err := ParseAssignment("testdata/assignment.toml", data)
	if err != nil {
		t.Fatal(err)
	}
	return a
}

// decisionsFor returns a deterministic, student-specific set of decisions
// on the test assignment's unlocked levers.
func decisionsFor(i int) []play.Decision {
	return []play.Decision{
		{Chapter: 1, Round: 1, Lever: "openness", Value: 0.3 + 0.05*float64(i%10)},
		{Chapter: 1, Round: 3, Lever: "take_rate", Value: 0.05 + 0.01*float64(i%7)},
		{Chapter: 4, Round: 2, Lever: "api_fee", Value: float64(i%5) * 0.5},
	}
}

func simulate(t testing.TB, a Assignment, id string, i int) Submission {
	t.Helper()
	s, err := Simulate(a, testDocs(), id, decisionsFor(i))
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestParseAssignmentExample(t *testing.T) {
	data, err := os.ReadFile("../../content/assignments/example.toml")
	if err != nil {
		t.Fatal(err)
	}
	a, err := ParseAssignment("example.toml", data)
	if err != nil {
		t.Fatal(err)
	}
	if got := a.Numbers(); !slices.Equal(got, []int{1, 2, 3}) {
		t.Errorf("chapters %v, want [1 2 3]", got)
	}
	c2, _ := a.Chapter(2)
	if c2.Unlocked == nil || c2.Locked["ad_billing"] != 0 || len(c2.Prompts) != 2 {
		t.Errorf("chapter 2 = %+v", c2)
	}
	c1, _ := a.Chapter(1)
	if c1.Unlocked != nil || c1.Goals != nil || c1.Prompts != nil {
		t.Errorf("chapter 1 should keep the chapter's lists, got %+v", c1)
	}
	// The example must fit the real content.
	docs, err := markdown.Load(content.Files)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := CheckAssignment("example.toml", data, docs); err != nil {
		t.Error(err)
	}
}

func TestParseAssignmentErrors(t *testing.T) {
	const head = "title = \"T\"\n[[chapter]]\nnumber = 1\n" // lines 1–3
	for _, tc := range []struct {
		name, src, want string
	}{
		{"syntax", "title = \"T\n", "a.toml:1:"},
		{"unknown top-level key", "title = \"T\"\ntitel = \"x\"\n[[chapter]]\nnumber = 1\n", `a.toml:2: key "titel": unknown key`},
		{"unknown chapter key", head + "round = 3\n", `a.toml:4: key "chapter.round": unknown key`},
		{"unknown goal key in second chapter", head + "[[chapter]]\nnumber = 2\n[[chapter.goal]]\nmetric = \"gini\"\nop = \"<=\"\nvalu = 1\n", `a.toml:9: key "chapter.goal.valu": unknown key`},
		{"wrong type", head + "rounds = \"ten\"\n", `a.toml:4: key "chapter.rounds": incompatible types`},
		{"unknown lever", head + "[chapter.locked]\nopeness = 0.5\n", `a.toml:5: chapter 1: locked: "openess" is not a lever`},
		{"out of range", head + "[chapter.start]\ntake_rate = 0.9\n", "a.toml:5: chapter 1: start: lever take_rate = 0.9 is outside its range [0, 0.7]"},
		{"switch", head + "[chapter.locked]\nad_billing = 0.5\n", "a.toml:5: chapter 1: locked: lever ad_billing = 0.5 must be 0 or 1"},
		{"unlocked and locked", head + "unlocked = [\"cap\"]\n[chapter.locked]\ncap = 0.5\n", `a.toml:4: chapter 1: "cap" is both unlocked and locked`},
		{"duplicate chapter", head + "[[chapter]]\nnumber = 1\n", "a.toml:5: chapter 1 appears twice"},
		{"rounds", head + "rounds = 500\n", "a.toml:4: chapter 1: rounds = 500 is outside 1–200"},
		{"goal metric", head + "[[chapter.goal]]\nmetric = \"fun\"\nop = \">=\"\nvalue = 1\n", `a.toml:4: chapter 1: goal 1: goal: unknown metric "fun"`},
		{"goal op", head + "[[chapter.goal]]\nmetric = \"gini\"\nop = \"<\"\nvalue = 1\n", `a.toml:4: chapter 1: goal 1: goal gini: comparison "<" must be >= or <=`},
		{"no title", "[[chapter]]\nnumber = 1\n", "a.toml: title is missing"},
		{"no chapters", "title = \"T\"\n", "no chapters"},
		{"format", "format = 2\n" + head, "a.toml:1: format = 2; this version of Long Tail reads format 1"},
		{"locale", "locale = \"fr\"\n" + head, `a.toml:1: locale "fr"`},
		{"control character", "title = \"T\\u0007\"\n[[chapter]]\nnumber = 1\n", "a.toml:1: title contains the control character"},
		{"oversized", head + "# " + strings.Repeat("x", MaxAssignmentBytes) + "\n", "at most 65536"},
		{"upper-case key", head + "[[Chapter]]\nnumber = 2\n", `a.toml:4: key "Chapter": unknown key (keys are lower case)`},
		{"not utf-8", head + "due = \"\xff\"\n", "not UTF-8"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ParseAssignment("a.toml", []byte(tc.src))
			if err == nil {
				t.Fatalf("no error, want %q", tc.want)
			}
			if !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error\n%v\nwant it to contain\n%s", err, tc.want)
			}
		})
	}
}

func TestWindowsFiles(t *testing.T) {
	data, _ := os.ReadFile("testdata/assignment.toml")
	a := testAssignment(t)
	win := append([]byte("\xef\xbb\xbf"), bytes.ReplaceAll(data, []byte("\n"), []byte("\r\n"))...)
	b, err := ParseAssignment("win.toml", win)
	if err != nil || b.Hash() != a.Hash() {
		t.Errorf("BOM and CRLF: %v", err)
	}
	_, err = ParseAssignment("win.toml", append(win, []byte("\r\n[chapter.start]\r\ncap = 7\r\n")...))
	if err == nil || !strings.Contains(err.Error(), "win.toml:30:") {
		t.Errorf("line numbers with CRLF: %v", err)
	}
	sub, _ := simulate(t, a, "s001", 1).MarshalIndent()
	if _, err := ParseSubmission("win.json", append([]byte("\xef\xbb\xbf"), sub...)); err != nil {
		t.Errorf("BOM in a submission: %v", err)
	}
}

func TestCheckAssignmentAgainstContent(t *testing.T) {
	src := "title = \"T\"\n[[chapter]]\nnumber = 1\n[[chapter]]\nnumber = 3\n"
	_, err := CheckAssignment("a.toml", []byte(src), testDocs())
	if err == nil || !strings.Contains(err.Error(), "a.toml:5: chapter 3 is not in the content") {
		t.Errorf("err = %v, want chapter 3 missing at line 5", err)
	}
	src = "title = \"T\"\n[[chapter]]\nnumber = 0\n"
	_, err = CheckAssignment("a.toml", []byte(src), testDocs())
	if err == nil || !strings.Contains(err.Error(), "no scenario block") {
		t.Errorf("err = %v, want the prologue refused", err)
	}
}

func TestHash(t *testing.T) {
	a := testAssignment(t)
	data, _ := os.ReadFile("testdata/assignment.toml")
	// Comments, blank lines and key order do not change the hash.
	var kept []string
	for _, l := range strings.Split(string(data), "\n") {
		if !strings.HasPrefix(l, "#") && l != "" {
			kept = append(kept, l)
		}
	}
	kept[0], kept[1] = kept[1], kept[0] // title and course swapped
	b, err := ParseAssignment("b.toml", []byte(strings.Join(kept, "\n")))
	if err != nil {
		t.Fatal(err)
	}
	if a.Hash() != b.Hash() {
		t.Error("comments or key order changed the hash")
	}
	if len(a.Hash()) != 64 || a.ShortHash() != a.Hash()[:12] {
		t.Errorf("hash %q", a.Hash())
	}
	// Anything that changes play changes it.
	for _, change := range []func(*Assignment){
		func(a *Assignment) { a.BaseSeed++ },
		func(a *Assignment) { a.PerStudentSeed = false },
		func(a *Assignment) { a.Chapters[0].Rounds = 5 },
		func(a *Assignment) { a.Chapters[1].Locked = map[string]float64{"take_rate": 0.06} },
		func(a *Assignment) { a.Chapters[0].Unlocked = []string{} }, // empty list: lock everything, unlike nil
		func(a *Assignment) { a.Chapters[1].Goals[0].Value = 21 },
		func(a *Assignment) { a.Title += "!" },
	} {
		c := testAssignment(t)
		change(&c)
		if c.Hash() == a.Hash() {
			t.Errorf("a change left the hash at %s: %+v", a.ShortHash(), c)
		}
	}
}

func TestSeed(t *testing.T) {
	a := testAssignment(t)
	// The derivation, written out independently of Seed.
	h := sha256.New()
	h.Write([]byte("longtail-seed/1\x00"))
	binary.Write(h, binary.BigEndian, uint64(42))
	h.Write([]byte("s001"))
	want := binary.BigEndian.Uint64(h.Sum(nil)[:8])
	if got := a.Seed("s001"); got != want {
		t.Errorf("Seed(s001) = %d, want %d", got, want)
	}
	if a.Seed(" S001 ") != want {
		t.Error("the seed should ignore case and surrounding space")
	}
	seen := map[uint64]string{}
	for i := range 1000 {
		id := fmt.Sprintf("s%03d", i)
		s := a.Seed(id)
		if other, ok := seen[s]; ok {
			t.Fatalf("students %s and %s share seed %d", id, other, s)
		}
		seen[s] = id
	}
	a.PerStudentSeed = false
	if a.Seed("s001") != 42 || a.Seed("s002") != 42 {
		t.Error("without per_student_seed everyone plays the base seed")
	}
}

func TestSetupOverrides(t *testing.T) {
	a := testAssignment(t)
	docs := testDocs()
	base1, _ := ChapterSetup(docs, 1)
	s1, err := a.Setup(1, base1)
	if err != nil {
		t.Fatal(err)
	}
	// Chapter 1: rounds and prompts replaced, the rest kept.
	if s1.Rounds != 4 || !slices.Equal(s1.Prompts, []string{"Why?", "What next?"}) ||
		!slices.Equal(s1.Unlocked, base1.Unlocked) || len(s1.Goals) != 2 {
		t.Errorf("chapter 1 setup = %+v", s1)
	}
	base4, _ := ChapterSetup(docs, 4)
	s4, err := a.Setup(4, base4)
	if err != nil {
		t.Fatal(err)
	}
	// Chapter 4: unlocked replaced, take_rate locked on top of the
	// chapter's locks, goals replaced, prompts kept.
	if !slices.Equal(s4.Unlocked, []string{"openness", "api_fee"}) || s4.Locked["take_rate"] != 0.05 ||
		s4.Locked["feed_share"] != 0.5 || len(s4.Goals) != 1 || s4.Goals[0].Label != "Keep your partners" ||
		!slices.Equal(s4.Prompts, base4.Prompts) {
		t.Errorf("chapter 4 setup = %+v", s4)
	}
	if base4.Locked["take_rate"] != 0 || len(base4.Goals) != 1 || base4.Goals[0].Label != "Earn" {
		t.Error("Setup modified the chapter's own setup")
	}
	// Unlocking a lever the chapter locked starts it at the locked value;
	// locking an unlocked one removes it from the list.
	a.Chapters[1].Unlocked = []string{"feed_share"}
	a.Chapters[1].Locked = map[string]float64{"openness": 0.4}
	s4, err = a.Setup(4, base4)
	if err != nil {
		t.Fatal(err)
	}
	if _, locked := s4.Locked["feed_share"]; locked || s4.Start["feed_share"] != 0.5 || !s4.Unlocks("feed_share") || s4.Unlocks("openness") {
		t.Errorf("setup = %+v", s4)
	}
	if _, err := a.Setup(2, base1); err == nil {
		t.Error("a chapter not in the assignment should be an error")
	}
}

func TestLink(t *testing.T) {
	data, _ := os.ReadFile("../../content/assignments/example.toml")
	s := EncodeLink(data)
	if strings.ContainsAny(s, "+/=") {
		t.Errorf("link parameter is not base64url without padding: %q", s[:20])
	}
	back, err := DecodeLink(s)
	if err != nil || !bytes.Equal(back, data) {
		t.Fatalf("round trip: %v", err)
	}
	if _, err := DecodeLink(s + "=="); err != nil {
		t.Errorf("padding should be tolerated: %v", err)
	}
	for _, tc := range []struct{ name, in, want string }{
		{"truncated", s[:len(s)/2&^3], "truncated"},
		{"truncated mid-quad", s[:len(s)/2&^3+1], "truncated"},
		{"not base64", "a*b*", "not base64url"},
		{"too long", strings.Repeat("A", MaxLinkChars+1), "at most"},
		{"bomb", EncodeLink(bytes.Repeat([]byte("#"), 2*MaxAssignmentBytes)), "inflates beyond"},
	} {
		if _, err := DecodeLink(tc.in); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: err = %v, want %q", tc.name, err, tc.want)
		}
	}
}

func TestSubmissionRoundTrip(t *testing.T) {
	a := testAssignment(t)
	s := simulate(t, a, "s001", 1)
	s.Student.Name = "Lǐ Míng <李明>"
	s.Reflections = []Reflection{{Chapter: 1, Prompt: "Why?", Text: "Because \"the tail\" & more\n— 长尾"}}
	s.Outcomes[0].Metrics["tail_exponent"] = math.NaN() // non-finite values survive the file
	s.Outcomes[0].Goals[0].Achieved = math.Inf(1)
	b, err := s.MarshalIndent()
	if err != nil {
		t.Fatal(err)
	}
	back, err := ParseSubmission("s.json", b)
	if err != nil {
		t.Fatal(err)
	}
	if !math.IsNaN(back.Outcomes[0].Metrics["tail_exponent"]) || !math.IsInf(back.Outcomes[0].Goals[0].Achieved, 1) {
		t.Error("non-finite numbers lost")
	}
	b2, _ := back.MarshalIndent()
	if !bytes.Equal(b, b2) {
		t.Error("marshal → parse → marshal changed the file")
	}
	s = simulate(t, a, "s001", 1)
	b, _ = s.MarshalIndent()
	back, _ = ParseSubmission("s.json", b)
	if !reflect.DeepEqual(s, back) {
		t.Errorf("round trip changed the submission:\n%+v\n%+v", s, back)
	}
	if got := s.FileName(); got != "longtail-"+a.ShortHash()+"-s001.json" {
		t.Errorf("FileName = %q", got)
	}
	if got := (Submission{Student: Student{ID: "../a b"}}).FileName(); got != "longtail-free-___a_b.json" {
		t.Errorf("FileName = %q", got)
	}
}

// TestSimulateIsTheGame plays the assignment the way the game does
// (sessions, Set, Step) and checks Simulate writes the same submission.
func TestSimulateIsTheGame(t *testing.T) {
	a := testAssignment(t)
	docs := testDocs()
	ds := decisionsFor(3)
	var sessions []*play.Session
	for _, c := range a.Chapters {
		base, _ := ChapterSetup(docs, c.Number)
		setup, err := a.Setup(c.Number, base)
		if err != nil {
			t.Fatal(err)
		}
		s, err := play.New(c.Number, setup, a.Seed("s003"))
		if err != nil {
			t.Fatal(err)
		}
		for !s.Done() {
			for _, d := range ds {
				if d.Chapter == c.Number && d.Round == s.Round()+1 {
					if err := s.Set(d.Lever, d.Value); err != nil {
						t.Fatal(err)
					}
				}
			}
			if _, err := s.Step(); err != nil {
				t.Fatal(err)
			}
		}
		sessions = append(sessions, s)
	}
	game := NewSubmission(&a, Student{ID: "s003"}, sessions, nil)
	headless := simulate(t, a, "s003", 3)
	gb, _ := game.MarshalIndent()
	hb, _ := headless.MarshalIndent()
	if !bytes.Equal(gb, hb) {
		t.Error("Simulate and the game's sessions wrote different submissions")
	}
	if r := Verify(a, docs, headless); !r.Verified {
		t.Errorf("Simulate's submission does not verify: %v", r.Reasons)
	}
}

func TestVerifyPartial(t *testing.T) {
	a := testAssignment(t)
	docs := testDocs()
	base, _ := ChapterSetup(docs, 1)
	setup, _ := a.Setup(1, base)
	s, err := play.New(1, setup, a.Seed("p"))
	if err != nil {
		t.Fatal(err)
	}
	s.Set("openness", 0.5)
	s.Step()
	s.Step()
	s.Set("take_rate", 0.2) // pending for round 3, never played
	sub := NewSubmission(&a, Student{ID: "p"}, []*play.Session{s}, []Reflection{{Chapter: 1, Prompt: "Why?", Text: strings.Repeat("x", 80)}})
	r := Verify(a, docs, sub)
	if !r.Verified {
		t.Fatalf("partial submission: %v", r.Reasons)
	}
	if r.Chapters != 1 || r.Complete != 0 || r.GoalsMet != 0 || r.Goals != 3 || r.Answered != 1 || r.Prompts != 3 {
		t.Errorf("result = %+v", r)
	}
	// 40·0/3 + 40·1/3 + 20·0/2 = 13.3
	if r.Score != 13.3 {
		t.Errorf("score = %v, want 13.3", r.Score)
	}
}

func TestVerifyDetectsTampering(t *testing.T) {
	a := testAssignment(t)
	docs := testDocs()
	good := simulate(t, a, "s007", 7)
	if r := Verify(a, docs, good); !r.Verified {
		t.Fatalf("untouched submission fails: %v", r.Reasons)
	}
	for _, tc := range []struct {
		name   string
		tamper func(*Submission)
		want   string
	}{
		{"outcome metric", func(s *Submission) { s.Outcomes[0].Metrics["long_tail_share"] += 0.01 }, "chapter 1: metric long_tail_share: recorded"},
		{"outcome metric removed", func(s *Submission) { delete(s.Outcomes[1].Metrics, "gini") }, "chapter 4: metric gini: missing"},
		{"invented metric", func(s *Submission) { s.Outcomes[1].Metrics["happiness"] = 1 }, "metric happiness: recorded 1, not a metric"},
		{"goal met flipped", func(s *Submission) { s.Outcomes[0].Goals[1].Met = !s.Outcomes[0].Goals[1].Met }, "chapter 1: goal 2 (regulatory_events): recorded"},
		{"goal threshold", func(s *Submission) { s.Outcomes[1].Goals[0].Value = 1000 }, "chapter 4: goal 1: recorded defections <= 1000"},
		{"goal dropped", func(s *Submission) { s.Outcomes[0].Goals = s.Outcomes[0].Goals[:1] }, "goals: recorded 1, the assignment has 2"},
		{"decision value", func(s *Submission) { s.Decisions[0].Value += 0.05 }, "chapter 1: metric"},
		{"decision removed", func(s *Submission) { s.Decisions = s.Decisions[1:] }, "chapter 1: metric"},
		{"decision round", func(s *Submission) { s.Decisions[1].Round = 2 }, "chapter 1: metric"},
		{"decision on a locked lever", func(s *Submission) { s.Decisions[2].Lever = "take_rate" }, "chapter 4: the decisions do not replay: decision 1: lever take_rate is locked in chapter 4"},
		{"decision out of order", func(s *Submission) { s.Decisions[0], s.Decisions[1] = s.Decisions[1], s.Decisions[0] }, "out of order"},
		{"decision in another chapter", func(s *Submission) { s.Decisions[0].Chapter = 2 }, "decision 1: chapter 2 is not in the assignment"},
		{"seed", func(s *Submission) { s.Seed++ }, "seed: recorded"},
		{"student relabelled", func(s *Submission) { s.Student.ID = "s008" }, `derived for student "s008"`},
		{"assignment hash", func(s *Submission) { s.AssignmentHash = strings.Repeat("0", 64) }, "assignment hash: recorded 000000000000, assignment " + a.ShortHash()},
		{"engine", func(s *Submission) { s.Engine = "longtail-engine/0" }, `engine: recorded "longtail-engine/0"`},
		{"rounds", func(s *Submission) { s.Outcomes[0].Rounds = 3 }, "chapter 1: metric"},
		{"too many rounds", func(s *Submission) { s.Outcomes[0].Rounds = 9 }, "9 rounds recorded, the chapter has 4"},
		{"outcome for another chapter", func(s *Submission) { s.Outcomes[0].Chapter = 5 }, "outcome: chapter 5 is not in the assignment"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			b, _ := good.MarshalIndent()
			s, err := ParseSubmission("s.json", b)
			if err != nil {
				t.Fatal(err)
			}
			tc.tamper(&s)
			r := Verify(a, docs, s)
			if r.Verified {
				t.Fatal("tampering not detected")
			}
			if !slices.ContainsFunc(r.Reasons, func(s string) bool { return strings.Contains(s, tc.want) }) {
				t.Errorf("reasons\n%s\nwant one containing %q", strings.Join(r.Reasons, "\n"), tc.want)
			}
			if len(r.Reasons) > MaxReasons {
				t.Errorf("%d reasons, at most %d", len(r.Reasons), MaxReasons)
			}
		})
	}
}

// TestCopiedDecisions: with per-student seeds, one student's decisions
// under another's ID give different numbers.
func TestCopiedDecisions(t *testing.T) {
	a := testAssignment(t)
	x, y := simulate(t, a, "alice", 1), simulate(t, a, "bob", 1)
	if x.Seed == y.Seed || reflect.DeepEqual(x.Outcomes, y.Outcomes) {
		t.Error("two students with the same decisions got the same numbers")
	}
}

func TestParseSubmissionErrors(t *testing.T) {
	a := testAssignment(t)
	good, _ := simulate(t, a, "s001", 1).MarshalIndent()
	for _, tc := range []struct {
		name string
		data []byte
		want string
	}{
		{"empty", nil, "s.json: the file is empty"},
		{"truncated", good[:len(good)/2], "truncated"},
		{"malformed", []byte(`{"format": 1, "engine": }`), "s.json:1: malformed JSON"},
		{"wrong type", bytes.Replace(good, []byte(`"seed": `), []byte(`"seed": "x`), 1), "s.json:"},
		{"unknown field", bytes.Replace(good, []byte(`"engine"`), []byte(`"score": 100, "engine"`), 1), `unknown field "score"`},
		{"unknown nested field", bytes.Replace(good, []byte(`"rounds"`), []byte(`"bonus": 1, "rounds"`), 1), `unknown field "bonus"`},
		{"wrong version", bytes.Replace(good, []byte(`"format": 1`), []byte(`"format": 2`), 1), "s.json:2: format 2; this grader reads submission format 1"},
		{"not a submission", []byte(`{"hello": "world"}`), `no "format" field`},
		{"trailing data", append(slices.Clone(good), []byte("{}")...), "unexpected data after the submission"},
		{"oversized", bytes.Repeat([]byte(" "), MaxSubmissionBytes+1), "at most 4194304"},
		{"binary", []byte{0x50, 0x4b, 0x03, 0x04, 0xff, 0xfe}, "not UTF-8"},
		{"no student", bytes.Replace(good, []byte(`"id": "s001"`), []byte(`"id": " "`), 1), "no student ID"},
		{"unknown lever", bytes.Replace(good, []byte(`"lever": "openness"`), []byte(`"lever": "magic"`), 1), `"magic" is not a lever`},
		{"duplicate chapter", bytes.Replace(good, []byte(`"chapter": 4,`+"\n"+`      "rounds"`), []byte(`"chapter": 1,`+"\n"+`      "rounds"`), 1), "chapter 1 has two outcomes"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ParseSubmission("s.json", tc.data)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("err = %v, want %q", err, tc.want)
			}
		})
	}
}

// class simulates n students of the test assignment, cached across tests.
var class = sync.OnceValues(func() ([]Submission, error) {
	data, err := os.ReadFile("testdata/assignment.toml")
	if err != nil {
		return nil, err
	}
	a, err := ParseAssignment("a", data)
	if err != nil {
		return nil, err
	}
	var out []Submission
	for i := range 6 {
		s, err := Simulate(a, testDocs(), fmt.Sprintf("s%03d", i), decisionsFor(i))
		if err != nil {
			return nil, err
		}
		s.Student.Name = fmt.Sprintf("Student %d", i)
		s.Reflections = []Reflection{{Chapter: 1, Prompt: "Why?", Text: fmt.Sprintf("Answer %d: %s", i, strings.Repeat("because ", i*3))}}
		out = append(out, s)
	}
	return out, nil
})

// classInputs returns the class's files plus the awkward ones a real
// class produces: a tampered file, a duplicate student, a malformed file,
// an unreadable one, and a formula in a name.
func classInputs(t *testing.T) []Input {
	subs, err := class()
	if err != nil {
		t.Fatal(err)
	}
	var in []Input
	for i, s := range subs {
		b, _ := s.MarshalIndent()
		in = append(in, Input{File: fmt.Sprintf("subs/s%03d.json", i), Data: b})
	}
	tampered := subs[1]
	tampered.Outcomes = slices.Clone(tampered.Outcomes)
	tampered.Outcomes[0].Metrics = map[string]float64{}
	for k, v := range subs[1].Outcomes[0].Metrics {
		tampered.Outcomes[0].Metrics[k] = v
	}
	tampered.Outcomes[0].Metrics["cumulative_revenue"] *= 2
	tampered.Student = Student{ID: "s101", Name: "=HYPERLINK(\"x\")"}
	b, _ := tampered.MarshalIndent()
	in = append(in, Input{File: "subs/tampered.json", Data: b})
	dup, _ := subs[2].MarshalIndent()
	in = append(in, Input{File: "subs/s002-again.json", Data: dup})
	in = append(in, Input{File: "subs/broken.json", Data: []byte(`{"format": 1, "engine": "x", `)})
	in = append(in, Input{File: "subs/gone.json", Err: fmt.Errorf("cannot read: permission denied")})
	return in
}

func TestGradeGolden(t *testing.T) {
	a := testAssignment(t)
	rows := Grade([]Assignment{a}, testDocs(), classInputs(t), 2)
	got := Gradebook(rows)
	golden.Compare(t, "testdata/gradebook.golden.csv", got)
	verified := 0
	for _, r := range rows {
		if r.Verified {
			verified++
		}
	}
	// 6 students, of whom s002 submitted twice: 5 verify.
	if verified != 5 {
		t.Errorf("%d verified, want 5", verified)
	}
	// Workers do not change the verdicts.
	if got1 := Gradebook(Grade([]Assignment{a}, testDocs(), classInputs(t), 1)); !bytes.Equal(got1, got) {
		t.Error("one worker and two workers grade differently")
	}
}

func TestGradeMatchesByHash(t *testing.T) {
	a := testAssignment(t)
	other := a
	other.Title = "Other"
	in := classInputs(t)[:1]
	if rows := Grade([]Assignment{other, a}, testDocs(), in, 1); !rows[0].Verified {
		t.Errorf("not matched to its assignment: %v", rows[0].Reasons)
	}
	other2 := other
	other2.Course = "x"
	rows := Grade([]Assignment{other, other2}, testDocs(), in, 1)
	if rows[0].Verified || !strings.Contains(rows[0].Reasons[0], "matches none of the 2 assignments") {
		t.Errorf("rows = %+v", rows[0].Reasons)
	}
}

func TestDebrief(t *testing.T) {
	a := testAssignment(t)
	docs := testDocs()
	in := classInputs(t)
	subs, _ := class()
	evil := subs[3]
	evil.Student.ID = "s999"
	evil.Seed = a.Seed("s999")
	evil.Reflections = []Reflection{{Chapter: 1, Prompt: "Why?", Text: `</blockquote><script>alert(1)</script><img src=x onerror=alert(2)>`}}
	b, _ := evil.MarshalIndent()
	in = append(in, Input{File: "evil.json", Data: b})
	rows := Grade([]Assignment{a}, docs, in, 2)
	fr, err := Sweep(a, docs, 9, 2)
	if err != nil {
		t.Fatal(err)
	}
	shown := a
	shown.Title = `<script>alert("title")</script>`
	page, err := Debrief(shown, docs, rows, fr)
	if err != nil {
		t.Fatal(err)
	}
	html := string(page)
	for _, bad := range []string{"<script", "<img", "<link", "<iframe", "@import", "url("} {
		if strings.Contains(html, bad) {
			t.Errorf("the page contains %q", bad)
		}
	}
	if m := regexp.MustCompile(`(?i)(src|href)\s*=\s*["']?(https?:|//)`).FindString(html); m != "" {
		t.Errorf("the page loads something from elsewhere: %q", m)
	}
	for _, want := range []string{`<html lang="en">`, "Large type for the projector", "Class debrief: &lt;script&gt;", "&lt;script&gt;alert(", "Answer 2: because", "Grow innovation", "<svg", "The frontier", "Why?", "What next?", "5 students finished the 4 quarters", "numbers (one row per student", "<circle"} {
		if !strings.Contains(html, want) {
			t.Errorf("the page lacks %q", want)
		}
	}
	for _, name := range []string{"Student 1", "s001", "s002"} {
		if strings.Contains(html, name) {
			t.Errorf("the page names a student: %q", name)
		}
	}
	// A sample page to look at in a browser, and a golden file: any change
	// to the page's words or charts shows here (-update rewrites it).
	golden.Compare(t, "testdata/debrief.sample.html", page)
}

func TestSweep(t *testing.T) {
	a := testAssignment(t)
	fr, err := Sweep(a, testDocs(), 10, 2)
	if err != nil {
		t.Fatal(err)
	}
	if len(fr) != 2 || fr[0].Chapter != 1 || !slices.Equal(fr[0].Levers, []string{"openness", "take_rate"}) {
		t.Fatalf("frontiers = %+v", fr)
	}
	// Two levers, n = 10: the start and a 3×3 grid.
	if len(fr[0].Points) != 10 {
		t.Errorf("%d points, want 10", len(fr[0].Points))
	}
	for _, p := range fr[0].Points {
		for _, q := range fr[0].Pareto {
			if p.X > q.X && p.Y > q.Y {
				t.Errorf("point %+v beats frontier point %+v", p, q)
			}
		}
	}
	again, _ := Sweep(a, testDocs(), 10, 1)
	if !reflect.DeepEqual(fr, again) {
		t.Error("the sweep is not deterministic")
	}
}

func TestLorenz(t *testing.T) {
	// Equal values lie on the diagonal; one holder of everything hugs the axis.
	for i, v := range lorenz([]float64{1, 1, 1, 1}, 4) {
		if math.Abs(v-float64(i)/4) > 1e-12 {
			t.Errorf("equal: point %d = %v", i, v)
		}
	}
	got := lorenz([]float64{0, 0, 0, 10}, 4)
	if !slices.Equal(got, []float64{0, 0, 0, 0, 1}) {
		t.Errorf("concentrated: %v", got)
	}
}

func TestResultJSON(t *testing.T) {
	rows := Grade([]Assignment{testAssignment(t)}, testDocs(), classInputs(t)[:1], 1)
	b, err := json.Marshal(rows)
	if err != nil || !strings.Contains(string(b), `"verified":true`) {
		t.Errorf("%s %v", b, err)
	}
}

// TestDebriefWritesAsTheGame: the debrief's tables write metrics, goals
// and levers with package present, so an instructor reads the string the
// student read on screen for the same value.
func TestDebriefWritesAsTheGame(t *testing.T) {
	f := present.For(nil)
	played := []Played{
		{Final: map[string]float64{"gini": 0.8497, "long_tail_share": 0.3141, "cumulative_revenue": 61234.4}},
		{Final: map[string]float64{"gini": 0.8612, "long_tail_share": 0.2899, "cumulative_revenue": 58000}},
	}
	rows := distTable(f, played)
	want := map[string][3]string{
		f.Label("gini"):               {f.Value("gini", 0.8497), f.Value("gini", (0.8497+0.8612)/2), f.Value("gini", 0.8612)},
		f.Label("long_tail_share"):    {f.Value("long_tail_share", 0.2899), f.Value("long_tail_share", (0.2899+0.3141)/2), f.Value("long_tail_share", 0.3141)},
		f.Label("cumulative_revenue"): {"58,000", "59,617", "61,234"},
	}
	if len(rows) != len(want) {
		t.Fatalf("%d rows, want %d: %+v", len(rows), len(want), rows)
	}
	for _, r := range rows {
		if w, ok := want[r.Metric]; !ok || [3]string{r.Min, r.Median, r.Max} != w {
			t.Errorf("row %+v, want %v", r, w)
		}
	}
	g := sim.Goal{Metric: "user_share", Op: ">=", Value: 0.76, When: sim.AtEnd}
	// An unlabelled goal reads as the game's results write it: the
	// goal.auto sentence and the timing (when.end).
	if got := goalLabel(f, g); got != "User share at least 76%, at the last round" {
		t.Errorf("goal label %q", got)
	}
	setup := sim.Setup{Unlocked: []string{"take_rate", "first_party"}, Goals: []sim.Goal{g}}
	head, table := classTable(f, setup, []Played{{Levers: map[string]float64{"take_rate": 0.123, "first_party": 0.25}, Goals: []play.GoalResult{{Value: 0.756}}}})
	if !slices.Equal(head, []string{"mean Take rate", "mean First-party features", "User share (end)"}) {
		t.Errorf("head %q", head)
	}
	if len(table) != 1 || !slices.Equal(table[0], []string{f.LeverMean("take_rate", 0.123), f.LeverMean("first_party", 0.25), f.Value("user_share", 0.756)}) {
		t.Errorf("rows %q", table)
	}
}

func TestSeriesCSV(t *testing.T) {
	a := testAssignment(t)
	docs := testDocs()
	base, _ := ChapterSetup(docs, 1)
	setup, _ := a.Setup(1, base)
	ss, err := play.Replay(1, setup, 7, []play.Decision{{Chapter: 1, Round: 3, Lever: "openness", Value: 0.9}})
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(string(SeriesCSV([]*play.Session{ss}))), "\n")
	if len(lines) != 1+4 {
		t.Fatalf("%d lines, want a header and 4 rounds", len(lines))
	}
	head := strings.Split(lines[0], ",")
	col := slices.Index(head, "openness")
	// The chapter starts at openness 0.3 (testDocs); the decision applies from round 3.
	for i, want := range []string{"0.3", "0.3", "0.9", "0.9"} {
		if got := strings.Split(lines[1+i], ",")[col]; got != want {
			t.Errorf("round %d openness %s, want %s", i+1, got, want)
		}
	}
	// Keys and numbers only: ASCII, which Excel reads alike in every code
	// page, so the file needs no byte-order mark (which R's read.csv and
	// older pandas would keep in the first column's name).
	for i, b := range SeriesCSV([]*play.Session{ss}) {
		if b >= 0x80 {
			t.Fatalf("byte %d of the series is not ASCII; give the file a ByteOrderMark as the gradebook has", i)
		}
	}
	gini := slices.Index(head, "gini")
	if got := strings.Split(lines[4], ",")[gini]; got != num(ss.Played()[3].Gini) {
		t.Errorf("gini %s, want %v", got, ss.Played()[3].Gini)
	}
	if got := (Submission{AssignmentHash: "abcdef0123456789", Student: Student{ID: "s1"}}).SeriesFileName(); got != "longtail-abcdef012345-s1-rounds.csv" {
		t.Errorf("SeriesFileName = %q", got)
	}
}

func TestVerifyContentMismatch(t *testing.T) {
	a := testAssignment(t)
	s := simulate(t, a, "s001", 1)
	r := Verify(a, testDocs()[:2], s) // chapter 4 missing from the content
	if r.Verified || r.Score != 0 || !strings.Contains(strings.Join(r.Reasons, "; "), "chapter 4 is not in the content") {
		t.Errorf("result = %+v", r)
	}
}

func TestParseAssignmentReportsEveryProblemInLineOrder(t *testing.T) {
	src := "title = \"T\"\n[[chapter]]\nnumber = 1\nrounds = 900\nbogus = 1\n[chapter.locked]\nfoo = 1\n"
	_, err := ParseAssignment("a.toml", []byte(src))
	if err == nil {
		t.Fatal("no error")
	}
	var lines []string
	for _, l := range strings.Split(err.Error(), "\n") {
		lines = append(lines, strings.SplitN(l, ":", 3)[1])
	}
	if !slices.Equal(lines, []string{"4", "5", "7"}) {
		t.Errorf("lines %v, want 4 5 7:\n%v", lines, err)
	}
}

// TestParetoFront holds the cases of the epilogue's former paretoFront test
// (game/epilogue_frontier_test.go), which now draws this front, and NaN.
func TestParetoFront(t *testing.T) {
	for _, tc := range []struct {
		name string
		x, y []float64
		want []int // by x, increasing
	}{
		// A single point is its own frontier.
		{"one", []float64{1}, []float64{1}, []int{0}},
		// (2, 2) beats (1, 1) on both; (3, 0.5) and (0.5, 3) trade off against it.
		{"trade-off", []float64{1, 3, 2, 0.5}, []float64{1, 0.5, 2, 3}, []int{3, 2, 1}},
		// Equal x: the higher y wins; equal points keep the first.
		{"ties", []float64{1, 1, 1}, []float64{1, 2, 2}, []int{1}},
		// A point with a NaN coordinate is never on the frontier.
		{"nan", []float64{math.NaN(), 1}, []float64{5, 1}, []int{1}},
		{"none", nil, nil, nil},
	} {
		if got := ParetoFront(tc.x, tc.y); !slices.Equal(got, tc.want) {
			t.Errorf("%s: ParetoFront = %v, want %v", tc.name, got, tc.want)
		}
	}
}

// TestLinkParam reads the assignment out of pasted links: a= among other
// parameters (the case that once decoded "2" from ?area=2&a=XYZ), escaped,
// before a fragment, and values or paths without a query.
func TestLinkParam(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"https://example.org/?area=2&a=XYZ", "XYZ"},
		{"https://example.org/?a=XYZ&area=2", "XYZ"},
		{"  https://example.org/play.html?chapter=1&a=AB-_c#top  ", "AB-_c"},
		{"https://example.org/?a=AB%3D", "AB="},
		{"https://example.org/?data=1", "https://example.org/?data=1"},
		{"XYZ", "XYZ"},
		{"/home/me/assignment.toml", "/home/me/assignment.toml"},
	} {
		if got := LinkParam(c.in); got != c.want {
			t.Errorf("LinkParam(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}
