package scene

import (
	"fmt"
	"slices"

	"github.com/longtail-case/longtail/content"
	"github.com/longtail-case/longtail/game/classroom"
	"github.com/longtail-case/longtail/game/play"
	"github.com/longtail-case/longtail/game/save"
	"github.com/longtail-case/longtail/game/sim"
)

// ChapterOrder returns the document numbers the run goes through: the
// assignment's chapters, or every document of the case in order.
func (c *Ctx) ChapterOrder() []int {
	if c.Assignment != nil {
		return c.Assignment.Numbers()
	}
	out := make([]int, 0, len(c.Docs))
	for _, d := range c.Docs {
		out = append(out, d.Number)
	}
	return out
}

// NextChapter returns the document after n in the run's order, or −1 at
// the end.
func (c *Ctx) NextChapter(n int) int {
	order := c.ChapterOrder()
	i := slices.Index(order, n)
	if i < 0 || i+1 >= len(order) {
		return -1
	}
	return order[i+1]
}

// StartCase begins a new run at document n (the first of the run's order
// when n < 0) with seed, and returns its reader.
func StartCase(c *Ctx, seed uint64, n int) Scene {
	p := &save.Progress{Seed: seed, Scene: "reader", Chapters: []save.Chapter{}, Reflections: []save.Reflection{}}
	if c.Progress != nil && c.Assignment != nil {
		p.Student = c.Progress.Student
	}
	if c.Assignment != nil {
		p.Seed = c.Assignment.Seed(p.Student.ID)
		p.Assignment = c.AssignmentText
		p.AssignmentFile = c.AssignmentName
	}
	if order := c.ChapterOrder(); n < 0 && len(order) > 0 {
		n = order[0]
	}
	p.Doc = n
	c.Progress = p
	c.Sessions = map[int]*play.Session{}
	c.WriteSave()
	return c.Open.Reader(c.DocByNumber(n))
}

// OpenChapter shows document n's reader (or the epilogue when n < 0) and
// records where the student is.
func OpenChapter(c *Ctx, n int) Scene {
	d := c.DocByNumber(n)
	if n < 0 || d == nil {
		if c.Progress != nil {
			c.Progress.Scene = "epilogue"
			c.WriteSave()
		}
		return c.Open.Epilogue()
	}
	if c.Progress != nil {
		c.Progress.Doc, c.Progress.Scene = n, "reader"
		c.WriteSave()
	}
	return c.Open.Reader(d)
}

// PlayChapter starts (or resumes) chapter n's session and returns the
// round screen, or its results when every round was played.
func PlayChapter(c *Ctx, n int) (Scene, error) {
	d := c.DocByNumber(n)
	sess := c.Sessions[n]
	if sess == nil {
		setup, err := c.SetupFor(n)
		if err != nil {
			return nil, err
		}
		seed := uint64(1)
		if c.Progress != nil {
			seed = c.Progress.Seed
		}
		sess, err = play.New(n, setup, seed)
		if err != nil {
			return nil, err
		}
		if c.Sessions == nil {
			c.Sessions = map[int]*play.Session{}
		}
		c.Sessions[n] = sess
	}
	c.Current = sess
	if c.Progress != nil {
		c.Progress.Doc = n
		c.recordSession(sess)
	}
	if sess.Done() {
		if c.Progress != nil {
			c.Progress.Scene = "results"
			c.WriteSave()
		}
		return c.Open.Results(sess, d), nil
	}
	if c.Progress != nil {
		c.Progress.Scene = "round"
		c.WriteSave()
	}
	return c.Open.Round(sess, d)
}

// SandboxSetup is the sandbox's scenario: the baseline with every lever
// unlocked and no goals.
func SandboxSetup() sim.Setup {
	var keys []string
	for _, s := range sim.LeverSpecs() {
		keys = append(keys, s.Key)
	}
	return sim.Setup{Base: "baseline", Unlocked: keys}
}

// baselineProviders is about how many providers the baseline has at the
// start (longtail-sim -series: 1,478 active in round 1 with seed 1, 1,601
// with seed 7).
const baselineProviders = 1550

// SandboxSetupFor is the sandbox's scenario scaled to about n active
// providers (n ≤ 0: unscaled): the candidates per round (entry_max) and
// the attention they share grow by the same factor, so each provider's
// prospects stay as they were (longtail-sim, n = 2000: 2,109 to 2,194
// active providers over the 12 rounds with seed 1, 1,995 to 2,222 with
// seed 7).
func SandboxSetupFor(n int) (sim.Setup, error) {
	setup := SandboxSetup()
	if n <= 0 {
		return setup, nil
	}
	base, err := sim.Builtin(setup.Base)
	if err != nil {
		return sim.Setup{}, err
	}
	f := float64(n) / baselineProviders
	setup.Set = map[string]float64{"entry_max": base.EntryMax * f, "attention": base.Attention * f}
	return setup, nil
}

// StartSandbox starts a free sandbox session (chapter number 0, not saved
// over the case's progress) and returns its round screen.
func StartSandbox(c *Ctx, seed uint64) (Scene, error) {
	setup, err := SandboxSetupFor(c.Providers)
	if err != nil {
		return nil, fmt.Errorf("game: sandbox: %w", err)
	}
	sess, err := play.New(0, setup, seed)
	if err != nil {
		return nil, fmt.Errorf("game: sandbox: %w", err)
	}
	c.Sandbox = true
	c.Current = sess
	return c.Open.Round(sess, nil)
}

// ContinueRun restores the saved run: the assignment, every chapter's
// session (replayed from its decisions) and the screen the student was on.
func ContinueRun(c *Ctx) (Scene, error) {
	p := c.Progress
	if p == nil {
		return nil, fmt.Errorf("game: nothing to continue")
	}
	if p.Assignment != "" {
		a, err := classroom.ParseAssignment(p.AssignmentFile, []byte(p.Assignment))
		if err != nil {
			return nil, fmt.Errorf("game: saved assignment: %w", err)
		}
		c.Assignment, c.AssignmentText, c.AssignmentName = &a, p.Assignment, p.AssignmentFile
	}
	c.Sessions = map[int]*play.Session{}
	for _, ch := range p.Chapters {
		setup, err := c.SetupFor(ch.Number)
		if err != nil {
			return nil, err
		}
		s, err := restoreSession(ch.Number, setup, p.Seed, ch)
		if err != nil {
			return nil, fmt.Errorf("game: chapter %d: %w", ch.Number, err)
		}
		c.Sessions[ch.Number] = s
	}
	d := c.DocByNumber(p.Doc)
	switch p.Scene {
	case "round", "results":
		if d != nil && d.Setup != nil {
			return PlayChapter(c, p.Doc)
		}
	case "epilogue":
		return c.Open.Epilogue(), nil
	}
	if d == nil {
		return c.Open.Epilogue(), nil
	}
	return c.Open.Reader(d), nil
}

// SessionsInOrder returns the sessions played, in the run's chapter order.
func (c *Ctx) SessionsInOrder() []*play.Session {
	var out []*play.Session
	for _, n := range c.ChapterOrder() {
		if s := c.Sessions[n]; s != nil {
			out = append(out, s)
		}
	}
	return out
}

// Submission builds the run's submission file.
func (c *Ctx) Submission() classroom.Submission {
	var st classroom.Student
	var refl []classroom.Reflection
	if p := c.Progress; p != nil {
		st = classroom.Student{ID: p.Student.ID, Name: p.Student.Name}
		for _, r := range p.Reflections {
			// The prompt in the edition handed in (an answer typed before a
			// language switch keeps its place by number).
			prompt := r.Prompt
			if d := c.DocByNumber(r.Chapter); d != nil && d.Setup != nil && r.Number > 0 && r.Number <= len(d.Setup.Prompts) {
				prompt = d.Setup.Prompts[r.Number-1]
			}
			refl = append(refl, classroom.Reflection{Chapter: r.Chapter, Prompt: prompt, Text: r.Text})
		}
	}
	sub := classroom.NewSubmission(c.Assignment, st, c.SessionsInOrder(), refl)
	// The edition played, whose goal labels and prompts the grader compares
	// (the assignment's locale unless the student switched).
	if l := c.Lang(); l != content.English || sub.Locale != "" {
		sub.Locale = l
	}
	return sub
}
