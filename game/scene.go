package game

import (
	"github.com/hajimehoshi/ebiten/v2"

	"github.com/longtail-case/longtail/content"
	"github.com/longtail-case/longtail/game/classroom"
	"github.com/longtail-case/longtail/game/play"
	"github.com/longtail-case/longtail/game/save"
)

// scene is one screen of the game. Game calls Update once per tick and
// Draw once per frame; a scene changes screens by returning the next scene
// from Update. Scenes never hold the Game.
type scene interface {
	// Update reads this tick's intents from c.in, advances the scene and
	// returns the scene to show from the next tick on (nil: stay). A
	// non-nil error stops the game (ebiten.Termination quits cleanly).
	Update(c *ctx) (next scene, err error)
	// Draw draws the scene onto dst, whose size is c.w × c.h device
	// pixels. It is read-only: no state changes, no I/O.
	Draw(dst *ebiten.Image)
	// Name is the scene's name as the page sees it: "title", "reader",
	// "round", "results" or "epilogue".
	Name() string
}

// pageStater is implemented by scenes that tell the web page more than
// their name (the round screen: chapter, round, report, goals, an
// announcement). Game publishes it through the bridge after every Update;
// other scenes publish pageState{Scene: Name()}.
type pageStater interface {
	pageState() pageState
}

// ctx is what a scene sees on every tick. Game owns it and updates the
// per-tick fields before calling Update; scenes may keep the pointer.
//
// Coordinates: the screen is drawn in device pixels (Game.LayoutF returns
// the window size times the device scale factor), so text and lines are
// crisp on high-DPI screens. Design sizes are given in logical pixels and
// converted with c.dp (for boxes and strokes) or through ui's text sizes
// (which also apply the text-size setting).
type ctx struct {
	// in holds this tick's input intents (input.go is the only code that
	// reads ebiten's input). Pointer positions are in device pixels.
	in *intents
	// w and h are the screen's size in device pixels; they change when the
	// window is resized, moved to another monitor or made fullscreen.
	w, h float64
	// scale is the device scale factor (device pixels per logical pixel),
	// 1 on ordinary screens and 2 on most high-DPI ones.
	scale float64
	// seed is the seed of new runs (from -seed, or the clock in main).
	seed uint64
	// tick counts Update calls since the game started (60 per second).
	tick int64
	// settings are the student's preferences (text size 1–2, reduced
	// motion); changes take effect on the next tick; call c.saveSettings
	// after changing them.
	settings *save.Settings
	// ui holds the fonts, the theme colours and the message catalog; its
	// text scale follows settings and scale.
	ui *ui
	// docs are the case's documents in reading order: docs[0] is the
	// prologue, docs[i] for i ≥ 1 chapter i; a document whose Setup is nil
	// has no round.
	docs []*content.Document
	// store reads and writes the autosave (config dir or localStorage).
	store saveStore
	// progress is the student's saved progress (save.Progress): seed,
	// chapters with their decisions, reflections, assignment and student;
	// nil before the student starts. Scenes change it through the helpers
	// in save.go (roundPlayed, leverChanged, writeSave), which
	// autosave.
	progress *save.Progress
	// sessions are the chapters' sessions by chapter number, rebuilt from
	// progress on Continue; the epilogue exports them.
	sessions map[int]*play.Session
	// current is the session being played (the round and results
	// screens), nil elsewhere; the page state reports it.
	current *play.Session
	// assignment is the loaded classroom assignment, nil when none;
	// assignmentText and assignmentName are its file's text and name
	// (saved with the progress so Continue restores it).
	assignment     *classroom.Assignment
	assignmentText string
	assignmentName string
	// sandbox is true while the sandbox is being played (it is not saved
	// over the case's progress).
	sandbox bool
	// providers, when > 0, is about how many providers the sandbox should
	// have (Config.Providers).
	providers int
	// notice is a one-line message the title screen shows once (a corrupt
	// save moved aside, storage unavailable); scenes may set it.
	notice string
	// storageWarning is true when saving is impossible (browser storage
	// blocked); the title and results screens show a warning.
	storageWarning bool
	// paused is true while the pause menu is open or the window has lost
	// focus; Game then does not call the scene's Update.
	paused bool
	// exportDir is where the desktop writes submissions ("" default).
	exportDir string
	// br publishes the page state to the browser (no-op on desktop).
	br bridge
	// quit is set to end the game at the end of the tick.
	quit bool
}

// dp converts logical pixels to device pixels.
func (c *ctx) dp(v float64) float64 { return v * c.scale }

// t returns the catalog message id formatted with args (fmt verbs).
func (c *ctx) t(id string, args ...any) string { return c.ui.t(id, args...) }

// reducedMotion reports whether animations should be replaced by cuts.
func (c *ctx) reducedMotion() bool { return c.settings.ReducedMotion }
