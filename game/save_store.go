package game

import (
	"fmt"
	"math"

	"github.com/longtail-case/longtail/content"
	"github.com/longtail-case/longtail/game/play"
	"github.com/longtail-case/longtail/game/save"
	"github.com/longtail-case/longtail/game/sim"
)

// saveStore keeps the autosave bytes: a file in the user's config
// directory on desktop (save_desktop.go), localStorage in the browser
// (save_js.go), memory in tests.
type saveStore interface {
	// load returns the saved bytes; (nil, nil) when there is no save.
	load() ([]byte, error)
	// store replaces the save atomically.
	store(data []byte) error
	// moveAside keeps a corrupt save under a new name and returns that
	// name, so the student's data is never lost.
	moveAside() (string, error)
	// where names the place for messages (a path or "browser storage").
	where() string
	// available reports whether saving can work at all.
	available() bool
}

// loadSave reads the autosave into c.settings and c.progress. A corrupt
// save is moved aside and reported in c.notice; it never stops the game.
func (c *ctx) loadSave() {
	if !c.store.available() {
		c.storageWarning = true
		return
	}
	data, err := c.store.load()
	if err != nil {
		c.notice = c.t("save.unreadable", c.store.where(), err.Error())
		return
	}
	if data == nil {
		// First start: follow the system's reduced-motion preference.
		c.settings.ReducedMotion = systemReducedMotion()
		return
	}
	f, err := save.Decode(data)
	if err != nil {
		name, merr := c.store.moveAside()
		if merr != nil {
			c.notice = c.t("save.corrupt.kept", err.Error())
			return
		}
		c.notice = c.t("save.corrupt", name)
		return
	}
	*c.settings = f.Settings
	c.progress = f.Progress
}

// writeSave autosaves settings and progress. Failures become a visible
// warning; the game goes on.
func (c *ctx) writeSave() {
	if !c.store.available() {
		c.storageWarning = true
		return
	}
	data, err := save.File{Settings: *c.settings, Progress: c.progress}.Encode()
	if err == nil {
		err = c.store.store(data)
	}
	if err != nil {
		c.storageWarning = true
		c.notice = c.t("save.failed", c.store.where(), err.Error())
		return
	}
	c.storageWarning = false
}

// saveSettings is called after the settings change.
func (c *ctx) saveSettings() {
	c.settings.TextScale = math.Max(1, math.Min(2, c.settings.TextScale))
	c.writeSave()
}

// recordSession copies a session's log and rounds into the progress.
func (c *ctx) recordSession(sess *play.Session) {
	if c.progress == nil || c.sandbox {
		return
	}
	ch := c.progress.ChapterByNumber(sess.Chapter())
	ch.Decisions = append(ch.Decisions[:0], sess.Log()...)
	ch.Played = sess.Round()
	if c.sessions == nil {
		c.sessions = map[int]*play.Session{}
	}
	c.sessions[sess.Chapter()] = sess
}

// roundPlayed is called by the round screen after every sess.Step: it
// records the round in the progress and autosaves.
func (c *ctx) roundPlayed(sess *play.Session) {
	if c.sandbox {
		return
	}
	c.recordSession(sess)
	if c.progress != nil {
		c.progress.Scene = "round"
	}
	c.writeSave()
}

// leverChanged is called by the round screen after every sess.Set: the
// change is recorded (it is saved with the next round; a reload before
// that round loses only the round in progress).
func (c *ctx) leverChanged(sess *play.Session) { c.recordSession(sess) }

// docByNumber returns the document with content number n, or nil.
func (c *ctx) docByNumber(n int) *content.Document {
	for _, d := range c.docs {
		if d.Number == n {
			return d
		}
	}
	return nil
}

// setupFor returns the setup chapter n plays: the document's scenario
// block, changed by the assignment when one is loaded.
func (c *ctx) setupFor(n int) (sim.Setup, error) {
	d := c.docByNumber(n)
	if d == nil || d.Setup == nil {
		return sim.Setup{}, fmt.Errorf("game: chapter %d has no round", n)
	}
	if c.assignment != nil {
		if _, ok := c.assignment.Chapter(n); ok {
			return c.assignment.Setup(n, *d.Setup)
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
