package game

import (
	"fmt"
	"slices"

	"github.com/longtail-case/longtail/game/classroom"
	"github.com/longtail-case/longtail/game/play"
	"github.com/longtail-case/longtail/game/save"
	"github.com/longtail-case/longtail/game/sim"
)

// chapterOrder returns the document numbers the run goes through: the
// assignment's chapters, or every document of the case in order.
func (c *ctx) chapterOrder() []int {
	if c.assignment != nil {
		return c.assignment.Numbers()
	}
	out := make([]int, 0, len(c.docs))
	for _, d := range c.docs {
		out = append(out, d.Number)
	}
	return out
}

// nextChapter returns the document after n in the run's order, or −1 at
// the end.
func (c *ctx) nextChapter(n int) int {
	order := c.chapterOrder()
	i := slices.Index(order, n)
	if i < 0 || i+1 >= len(order) {
		return -1
	}
	return order[i+1]
}

// startCase begins a new run at document n (the first of the run's order
// when n < 0) with seed, and returns its reader.
func startCase(c *ctx, seed uint64, n int) scene {
	p := &save.Progress{Seed: seed, Scene: "reader", Chapters: []save.Chapter{}, Reflections: []save.Reflection{}}
	if c.progress != nil && c.assignment != nil {
		p.Student = c.progress.Student
	}
	if c.assignment != nil {
		p.Seed = c.assignment.Seed(p.Student.ID)
		p.Assignment = c.assignmentText
		p.AssignmentFile = c.assignmentName
	}
	if order := c.chapterOrder(); n < 0 && len(order) > 0 {
		n = order[0]
	}
	p.Doc = n
	c.progress = p
	c.sessions = map[int]*play.Session{}
	c.writeSave()
	return c.open.reader(c.docByNumber(n))
}

// openChapter shows document n's reader (or the epilogue when n < 0) and
// records where the student is.
func openChapter(c *ctx, n int) scene {
	d := c.docByNumber(n)
	if n < 0 || d == nil {
		if c.progress != nil {
			c.progress.Scene = "epilogue"
			c.writeSave()
		}
		return c.open.epilogue()
	}
	if c.progress != nil {
		c.progress.Doc, c.progress.Scene = n, "reader"
		c.writeSave()
	}
	return c.open.reader(d)
}

// playChapter starts (or resumes) chapter n's session and returns the
// round screen, or its results when every round was played.
func playChapter(c *ctx, n int) (scene, error) {
	d := c.docByNumber(n)
	sess := c.sessions[n]
	if sess == nil {
		setup, err := c.setupFor(n)
		if err != nil {
			return nil, err
		}
		seed := uint64(1)
		if c.progress != nil {
			seed = c.progress.Seed
		}
		sess, err = play.New(n, setup, seed)
		if err != nil {
			return nil, err
		}
		if c.sessions == nil {
			c.sessions = map[int]*play.Session{}
		}
		c.sessions[n] = sess
	}
	c.current = sess
	if c.progress != nil {
		c.progress.Doc = n
		c.recordSession(sess)
	}
	if sess.Done() {
		if c.progress != nil {
			c.progress.Scene = "results"
			c.writeSave()
		}
		return c.open.results(sess, d), nil
	}
	if c.progress != nil {
		c.progress.Scene = "round"
		c.writeSave()
	}
	return c.open.round(sess, d)
}

// sandboxSetup is the sandbox's scenario: the baseline with every lever
// unlocked and no goals.
func sandboxSetup() sim.Setup {
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

// sandboxSetupFor is the sandbox's scenario scaled to about n active
// providers (n ≤ 0: unscaled): the candidates per round (entry_max) and
// the attention they share grow by the same factor, so each provider's
// prospects stay as they were (longtail-sim, n = 2000: 2,109 to 2,194
// active providers over the 12 rounds with seed 1, 1,995 to 2,222 with
// seed 7).
func sandboxSetupFor(n int) (sim.Setup, error) {
	setup := sandboxSetup()
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

// startSandbox starts a free sandbox session (chapter number 0, not saved
// over the case's progress) and returns its round screen.
func startSandbox(c *ctx, seed uint64) (scene, error) {
	setup, err := sandboxSetupFor(c.providers)
	if err != nil {
		return nil, fmt.Errorf("game: sandbox: %w", err)
	}
	sess, err := play.New(0, setup, seed)
	if err != nil {
		return nil, fmt.Errorf("game: sandbox: %w", err)
	}
	c.sandbox = true
	c.current = sess
	return c.open.round(sess, nil)
}

// continueRun restores the saved run: the assignment, every chapter's
// session (replayed from its decisions) and the screen the student was on.
func continueRun(c *ctx) (scene, error) {
	p := c.progress
	if p == nil {
		return nil, fmt.Errorf("game: nothing to continue")
	}
	if p.Assignment != "" {
		a, err := classroom.ParseAssignment(p.AssignmentFile, []byte(p.Assignment))
		if err != nil {
			return nil, fmt.Errorf("game: saved assignment: %w", err)
		}
		c.assignment, c.assignmentText, c.assignmentName = &a, p.Assignment, p.AssignmentFile
	}
	c.sessions = map[int]*play.Session{}
	for _, ch := range p.Chapters {
		setup, err := c.setupFor(ch.Number)
		if err != nil {
			return nil, err
		}
		s, err := restoreSession(ch.Number, setup, p.Seed, ch)
		if err != nil {
			return nil, fmt.Errorf("game: chapter %d: %w", ch.Number, err)
		}
		c.sessions[ch.Number] = s
	}
	d := c.docByNumber(p.Doc)
	switch p.Scene {
	case "round", "results":
		if d != nil && d.Setup != nil {
			return playChapter(c, p.Doc)
		}
	case "epilogue":
		return c.open.epilogue(), nil
	}
	if d == nil {
		return c.open.epilogue(), nil
	}
	return c.open.reader(d), nil
}
