package scene

import (
	"fmt"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/longtail-case/longtail/content"
	"github.com/longtail-case/longtail/game/classroom"
	"github.com/longtail-case/longtail/game/i18n"
	"github.com/longtail-case/longtail/game/page"
	"github.com/longtail-case/longtail/game/play"
	"github.com/longtail-case/longtail/game/present"
	"github.com/longtail-case/longtail/game/save"
	"github.com/longtail-case/longtail/game/widget"
)

// Scene is one screen of the game. Game calls Update once per tick and
// Draw once per frame; a scene changes screens by returning the next scene
// from Update. Scenes never hold the Game.
type Scene interface {
	// Update reads this tick's intents from c.In, advances the scene and
	// returns the scene to show from the next tick on (nil: stay). A
	// non-nil error stops the game (ebiten.Termination quits cleanly).
	Update(c *Ctx) (next Scene, err error)
	// Draw draws the scene onto dst, whose size is c.w × c.h device
	// pixels. It is read-only: no state changes, no I/O.
	Draw(dst *ebiten.Image)
	// Name is the scene's name as the page sees it: "title", "reader",
	// "round", "results" or "epilogue".
	Name() string
}

// Overlay is a scene shown over the scene below it (the pause menu). The
// shell draws the scenes below it first and does not update them while it
// is open. Its Update returns Close{} to close it, another Overlay to open
// that on top, or any other scene to leave for it (which closes every
// overlay).
type Overlay interface {
	Scene
	// Overlays marks the type as an overlay; it is never called.
	Overlays()
}

// Close is what an overlay's Update returns to close itself.
type Close struct{}

func (Close) Update(*Ctx) (Scene, error) { return nil, nil }
func (Close) Draw(*ebiten.Image)         {}
func (Close) Name() string               { return "close" }

// Opener builds the scenes. Scenes open one another through c.Open
// rather than by name, so that no scene's package imports another's; Game
// implements it.
type Opener interface {
	// Title is the title screen; seed, when non-zero, is the seed of a new run.
	Title(seed uint64) Scene
	// Reader shows document d (the prologue, a chapter or the epilogue's text).
	Reader(d *content.Document) Scene
	// Round plays sess, the round of chapter document doc (nil in the sandbox).
	Round(sess *play.Session, doc *content.Document) (Scene, error)
	// Results shows how sess, the chapter of doc, went.
	Results(sess *play.Session, doc *content.Document) Scene
	// Epilogue is the case's end: the frontier, the submission.
	Epilogue() Scene
}

// PageStater is implemented by scenes that tell the web page more than
// their name (the round screen: chapter, round, report, goals, an
// announcement). Game publishes it through the bridge after every Update;
// other scenes publish pageState{Scene: Name()}.
type PageStater interface {
	PageState() page.State
}

// Ctx is what a scene sees on every tick. Game owns it and updates the
// per-tick fields before calling Update; scenes may keep the pointer.
//
// Coordinates: the screen is drawn in device pixels (Game.LayoutF returns
// the window size times the device scale factor), so text and lines are
// crisp on high-DPI screens. Design sizes are given in logical pixels and
// converted with c.DP (for boxes and strokes) or through the UI's text sizes
// (which also apply the text-size setting).
type Ctx struct {
	widget.Frame
	// Seed is the seed of new runs (from -seed, or the clock in main).
	Seed uint64
	// Docs are the case's documents in reading order: docs[0] is the
	// prologue, docs[i] for i ≥ 1 chapter i; a document whose Setup is nil
	// has no round.
	Docs []*content.Document
	// Store reads and writes the autosave (config dir or localStorage).
	Store SaveStore
	// Progress is the student's saved progress (save.Progress): seed,
	// chapters with their decisions, reflections, assignment and student;
	// nil before the student starts. Scenes change it through the helpers
	// in save.go (roundPlayed, leverChanged, writeSave), which
	// autosave.
	Progress *save.Progress
	// Sessions are the chapters' sessions by chapter number, rebuilt from
	// progress on Continue; the epilogue exports them.
	Sessions map[int]*play.Session
	// Current is the session being played (the round and results
	// screens), nil elsewhere; the page state reports it.
	Current *play.Session
	// Assignment is the loaded classroom assignment, nil when none;
	// assignmentText and assignmentName are its file's text and name
	// (saved with the progress so Continue restores it).
	Assignment     *classroom.Assignment
	AssignmentText string
	AssignmentName string
	// Sandbox is true while the sandbox is being played (it is not saved
	// over the case's progress).
	Sandbox bool
	// Providers, when > 0, is about how many providers the sandbox should
	// have (Config.Providers).
	Providers int
	// Notice is a one-line message the title screen shows once (a corrupt
	// save moved aside, storage unavailable); scenes may set it.
	Notice string
	// StorageWarning is true when saving is impossible (browser storage
	// blocked); the title and results screens show a warning.
	StorageWarning bool
	// Paused is true while the pause menu is open or the window has lost
	// focus; Game then does not call the scene's Update.
	Paused bool
	// ExportDir is where the desktop writes submissions ("" default).
	ExportDir string
	// Br publishes the page state to the browser (no-op on desktop).
	Br page.Bridge
	// Open builds the next scene (Game's scene set).
	Open Opener
	// Quit is set to end the game at the end of the tick.
	Quit bool
	// Langs are the languages the student may choose (i18n tags, English
	// first): Chinese only when its type is there or can be fetched.
	Langs []string
	// WantLang is set by a language control to ask for another language;
	// the shell switches at the end of the tick, or once the language's
	// type is loaded, and clears it.
	WantLang string
	// PendingLang is the language whose type is being fetched ("" when
	// none) and LangNote a short line about it for the language control:
	// the progress, or that the fetch failed (the full message goes to
	// Notice).
	PendingLang string
	LangNote    string

	present present.Formatter // Present's formatter, made for present.Catalog()
}

// Present returns the formatter of the catalog the screens show
// (c.UI.Cat): every metric, lever and goal value a screen writes goes
// through it (package game/present). It is made once per catalog, so a
// scene may call it on every tick.
func (c *Ctx) Present() present.Formatter {
	if cat := c.present.Catalog(); cat == nil || (c.UI.Cat != nil && cat != c.UI.Cat) {
		c.present = present.For(c.UI.Cat)
	}
	return c.present
}

// Relanger is implemented by scenes (and overlays) that can show another
// language in place: the shell calls Relang after the catalog, and
// perhaps the documents (c.Docs), changed, and the scene lays its text out
// anew on its next Update, keeping its scroll, focus and state. A scene
// that does not implement it is rebuilt through c.Open.
type Relanger interface {
	Relang(c *Ctx)
}

// Lang returns the language the screens are in ("en" or "zh-Hans").
func (c *Ctx) Lang() string { return c.UI.Cat.Lang() }

// NewCtx builds the context the scenes share: the message catalog of lang
// ("" for English), the fonts, the default settings, the autosave in
// saveDir ("" for the user's config directory; ignored in the browser)
// and the documents in reading order, on a 1280 × 800 screen. The caller
// sets In and Open (and the bridge, seed and the rest as it needs) and
// then calls LoadSave.
func NewCtx(docs []content.Document, lang, saveDir string) (*Ctx, error) {
	cat, err := i18n.New(lang)
	if err != nil {
		return nil, fmt.Errorf("game: %w", err)
	}
	u, err := widget.NewUI(cat, nil)
	if err != nil {
		return nil, err
	}
	settings := save.DefaultSettings()
	c := &Ctx{
		Frame: widget.Frame{In: &widget.Intents{}, UI: u, Settings: &settings, Scale: 1, W: 1280, H: 800},
		Store: NewSaveStore(saveDir),
		Br:    page.NewBridge(present.For(cat)),
		Seed:  1,
	}
	for i := range docs {
		c.Docs = append(c.Docs, &docs[i])
	}
	return c, nil
}
