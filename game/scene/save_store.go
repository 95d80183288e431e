package scene

import (
	"fmt"
	"math"

	"github.com/longtail-case/longtail/content"
	"github.com/longtail-case/longtail/game/play"
	"github.com/longtail-case/longtail/game/save"
	"github.com/longtail-case/longtail/game/sim"
)

// SaveStore keeps the autosave bytes: a file in the user's config
// directory on desktop (save_desktop.go), localStorage in the browser
// (save_js.go), memory in tests.
type SaveStore interface {
	// Load returns the saved bytes; (nil, nil) when there is no save.
	Load() ([]byte, error)
	// Store replaces the save atomically.
	Store(data []byte) error
	// MoveAside keeps a corrupt save under a new name and returns that
	// name, so the student's data is never lost.
	MoveAside() (string, error)
	// Where names the place for messages (a path or "browser storage").
	Where() string
	// Available reports whether saving can work at all.
	Available() bool
}

// LoadSave reads the autosave into c.settings and c.progress. A corrupt
// save is moved aside and reported in c.notice; it never stops the game.
func (c *Ctx) LoadSave() {
	if !c.Store.Available() {
		c.StorageWarning = true
		return
	}
	data, err := c.Store.Load()
	if err != nil {
		c.Notice = c.T("save.unreadable", c.Store.Where(), err.Error())
		return
	}
	if data == nil {
		// First start: follow the system's reduced-motion preference.
		c.Settings.ReducedMotion = systemReducedMotion()
		return
	}
	f, err := save.Decode(data)
	if err != nil {
		name, merr := c.Store.MoveAside()
		if merr != nil {
			c.Notice = c.T("save.corrupt.kept", err.Error())
			return
		}
		c.Notice = c.T("save.corrupt", name)
		return
	}
	*c.Settings = f.Settings
	c.Progress = f.Progress
}

// WriteSave autosaves settings and progress. Failures become a visible
// warning; the game goes on.
func (c *Ctx) WriteSave() {
	if !c.Store.Available() {
		c.StorageWarning = true
		return
	}
	data, err := save.File{Settings: *c.Settings, Progress: c.Progress}.Encode()
	if err == nil {
		err = c.Store.Store(data)
	}
	if err != nil {
		c.StorageWarning = true
		c.Notice = c.T("save.failed", c.Store.Where(), err.Error())
		return
	}
	c.StorageWarning = false
}

// SaveSettings is called after the settings change.
func (c *Ctx) SaveSettings() {
	c.Settings.TextScale = math.Max(1, math.Min(2, c.Settings.TextScale))
	c.WriteSave()
}

// recordSession copies a session's log and rounds into the progress.
func (c *Ctx) recordSession(sess *play.Session) {
	if c.Progress == nil || c.Sandbox {
		return
	}
	ch := c.Progress.ChapterByNumber(sess.Chapter())
	ch.Decisions = append(ch.Decisions[:0], sess.Log()...)
	ch.Played = sess.Round()
	if c.Sessions == nil {
		c.Sessions = map[int]*play.Session{}
	}
	c.Sessions[sess.Chapter()] = sess
}

// RoundPlayed is called by the round screen after every sess.Step: it
// records the round in the progress and autosaves.
func (c *Ctx) RoundPlayed(sess *play.Session) {
	if c.Sandbox {
		return
	}
	c.recordSession(sess)
	if c.Progress != nil {
		c.Progress.Scene = "round"
	}
	c.WriteSave()
}

// LeverChanged is called by the round screen after every sess.Set: the
// change is recorded (it is saved with the next round; a reload before
// that round loses only the round in progress).
func (c *Ctx) LeverChanged(sess *play.Session) { c.recordSession(sess) }

// DocByNumber returns the document with content number n, or nil.
func (c *Ctx) DocByNumber(n int) *content.Document {
	for _, d := range c.Docs {
		if d.Number == n {
			return d
		}
	}
	return nil
}

// SetupFor returns the setup chapter n plays: the document's scenario
// block, changed by the assignment when one is loaded.
func (c *Ctx) SetupFor(n int) (sim.Setup, error) {
	d := c.DocByNumber(n)
	if d == nil || d.Setup == nil {
		return sim.Setup{}, fmt.Errorf("game: chapter %d has no round", n)
	}
	if c.Assignment != nil {
		if _, ok := c.Assignment.Chapter(n); ok {
			return c.Assignment.Setup(n, *d.Setup)
		}
	}
	return *d.Setup, nil
}

// restoreSession rebuilds chapter n's session from its saved decisions:
// rounds 1..played are played again with the same seed, applying each
// decision before the round it applies from; decisions for the next round
// are applied too (they were made before the save). The result is the
// session the student left.
func restoreSession(n int, setup sim.Setup, seed uint64, ch save.Chapter) (*play.Session, error) {
	s, err := play.New(n, setup, seed)
	if err != nil {
		return nil, err
	}
	i := 0
	apply := func(round int) error {
		for ; i < len(ch.Decisions) && ch.Decisions[i].Round == round; i++ {
			d := ch.Decisions[i]
			if err := s.Set(d.Lever, d.Value); err != nil {
				return fmt.Errorf("game: saved decision %d: %w", i+1, err)
			}
		}
		return nil
	}
	for s.Round() < ch.Played && !s.Done() {
		if err := apply(s.Round() + 1); err != nil {
			return nil, err
		}
		if _, err := s.Step(); err != nil {
			return nil, err
		}
	}
	if !s.Done() {
		if err := apply(s.Round() + 1); err != nil {
			return nil, err
		}
	}
	if i < len(ch.Decisions) {
		return nil, fmt.Errorf("game: saved decision %d (round %d) does not fit the %d rounds played", i+1, ch.Decisions[i].Round, ch.Played)
	}
	return s, nil
}
