package round

import (
	"fmt"
	"math"
	"slices"

	"github.com/longtail-case/longtail/content"
	"github.com/longtail-case/longtail/game/layout"
	"github.com/longtail-case/longtail/game/play"
	"github.com/longtail-case/longtail/game/scene"
	"github.com/longtail-case/longtail/game/sim"
	"github.com/longtail-case/longtail/game/widget"
)

// Playback: at 1× one round every 1.5 s (90 ticks at 60 ticks per second).
const (
	ticksPerRound = 90
	tickSeconds   = 1.0 / 60
)

// speeds are the playback speeds the speed button cycles through.
var speeds = [...]int{1, 2, 4}

// The charts of the round screen, in the order of roundScene.charts.
const (
	chartConcentration = iota
	chartDistribution
	chartRevenue
	chartInnovation
	chartUsers
	numCharts
)

// roundScene is the round screen: the value network in the middle, the
// lever panel on the left, the goals and live charts on the right, and
// play / pause / step / speed above the network. The model advances one
// round at a time (Step, or a timer while playing); the picture moves
// every tick toward the latest round.
type roundScene struct {
	c    *scene.Ctx
	sess *play.Session
	doc  *content.Document

	// The value network.
	net        *layout.Network
	view       layout.NetView
	provs      []sim.Provider // the latest round's providers, by ID
	inputs     []layout.NetInput
	mesh       layout.Mesh        // what of the network is drawn every frame
	drawer     *widget.MeshDrawer // the network (its mesh feathers its own edges)
	baseMesh   layout.Mesh        // the part of the network drawn on the static layer (see build)
	baseDraw   *widget.MeshDrawer
	bake       netKey      // the key of the part of the network on the static layer this tick
	chartMesh  layout.Mesh // the charts and the legend
	chartDraw  *widget.MeshDrawer
	th         widget.MeshTheme
	hoverID    int // provider under the pointer or keyboard focus; −1 none
	storyID    int // provider whose story is in story
	storyRound int // and the round it tells
	story      []string
	storyAt    [2]float64
	netW       *widget.NetworkFocus
	hubR       float64

	// Controls.
	panel      *leverPanel
	playB      *widget.Button
	stepB      *widget.Button
	speedB     *widget.Button
	resultsB   *widget.Button
	viewB      *widget.Button // compact mode: switches the centre between network and charts
	showCharts bool
	distSwitch *widget.SmallButton
	ring       widget.FocusRing
	widgets    []widget.Widget
	lastFocus  widget.Widget

	playing bool
	speedIx int
	timer   int     // ticks until the next round while playing
	clock   float64 // animation seconds (held still with reduced motion)

	// Right column.
	charts   [numCharts]*widget.Chart
	rankSize bool
	goals    []goalView
	noGoals  []layout.Line // "no goals" wrapped for the card
	goalCard widget.Rect

	// Layout.
	labelled             labelKey
	legend               [layout.NumKinds + 1]legendItem
	top, netR, right     widget.Rect
	title, counter, hint string
	laidOut              [5]float64 // w, h, device scale, text scale and charts' top of the last layout
	shownRound           int        // the round the charts and goals show
	loadedRound          int        // the round whose providers the network shows
	loggedN              int        // length of the session's log the panel shows

	// static is the layer with everything but the network's moving part,
	// its labels and the tooltip (see build); staticAt is the state it was
	// drawn for.
	static       layer
	staticAt     staticKey
	pointerInNet bool // the pointer was over the network last tick
	netText      netTexts
}

// goalView is one goal as the goals card shows it.
type goalView struct {
	badge string // MET, NOT YET or MISSED
	// badgeAbove puts the badge on a line of its own, above the name
	// (a narrow card; see goalsHeight).
	badgeAbove bool
	met        bool
	name       string // the metric's name
	line       string // current value and target
	// compact is name, value and target in one short paragraph, for
	// large text on small screens.
	compact string
	// The texts wrapped for the card (by goalsHeight).
	nameL, lineL, labelL []layout.Line
	label                string // the chapter's wording
}

// New returns the round screen for a session of a chapter; doc
// is nil for the sandbox. The session starts paused (turn-based).
func New(c *scene.Ctx, sess *play.Session, doc *content.Document) (scene.Scene, error) {
	if sess == nil || sess.World() == nil {
		return nil, fmt.Errorf("game: round screen: no session")
	}
	white := widget.NewWhite()
	s := &roundScene{
		c: c, sess: sess, doc: doc,
		net:        layout.NewNetwork(layout.DefaultNetParams()),
		drawer:     widget.NewMeshDrawer(white), // the network's mesh is feathered instead
		chartDraw:  widget.NewMeshDrawer(white),
		baseDraw:   widget.NewMeshDrawer(white),
		th:         widget.NewMeshTheme(c.UI.Theme),
		hoverID:    -1,
		panel:      newLeverPanel(c, sess),
		playB:      &widget.Button{Primary: true},
		stepB:      &widget.Button{},
		speedB:     &widget.Button{},
		resultsB:   &widget.Button{Primary: true},
		viewB:      &widget.Button{},
		distSwitch: &widget.SmallButton{},
		netW:       &widget.NetworkFocus{Rank: -1},
	}
	s.mesh.SrcX, s.mesh.SrcY = s.drawer.Src()
	s.mesh.Feather = true
	s.baseMesh.SrcX, s.baseMesh.SrcY = s.drawer.Src()
	s.baseMesh.Feather = true
	s.chartMesh.SrcX, s.chartMesh.SrcY = s.drawer.Src()
	// The sandbox opens already playing; a chapter is turn-based and starts paused.
	s.playing = doc == nil && c.Sandbox
	for i := range s.charts {
		s.charts[i] = &widget.Chart{}
	}
	s.charts[chartDistribution].Toggle = s.distSwitch
	s.loadProviders(true)
	if sess.Done() {
		s.panel.lockAll(c)
	}
	s.shownRound = -1
	return s, nil
}

// Name returns "round".
func (s *roundScene) Name() string { return "round" }

// loadProviders reads the world's providers and gives the network its new
// targets; jump skips the animation.
func (s *roundScene) loadProviders(jump bool) {
	s.loadedRound = s.sess.Round()
	s.provs = s.sess.World().AppendProviders(s.provs[:0])
	s.inputs = widget.NetInputs(s.inputs, s.provs)
	s.net.Update(s.inputs, jump || s.c.ReducedMotion())
	s.netW.N = s.net.Active()
	if s.netW.Rank >= s.netW.N {
		s.netW.Rank = s.netW.N - 1
	}
}

// Update handles this tick's intents, plays rounds, and prepares the frame.
func (s *roundScene) Update(c *scene.Ctx) (scene.Scene, error) {
	s.c = c
	s.netW.N = s.net.Active()

	// Text and bounds for this tick.
	// Rounds played or levers set elsewhere (a test, a restored save) show too.
	if s.loadedRound != s.sess.Round() {
		s.loadProviders(false)
		if s.sess.Done() {
			s.panel.lockAll(c)
		}
	}
	if n := len(s.sess.Log()); n != s.loggedN {
		s.loggedN = n
		s.panel.sync(s.sess)
	}
	s.labels()
	s.Layout()
	if s.shownRound != s.sess.Round() {
		s.refresh()
	}

	s.widgets = s.widgets[:0]
	if s.sess.Done() {
		s.widgets = append(s.widgets, s.resultsB)
	} else {
		s.widgets = append(s.widgets, s.playB, s.stepB, s.speedB)
	}
	if s.compact() {
		s.widgets = append(s.widgets, s.viewB)
	}
	s.widgets = s.panel.Widgets(s.widgets)
	if s.networkShown() {
		s.widgets = append(s.widgets, s.netW)
	}
	if s.chartsShown() {
		s.widgets = append(s.widgets, s.distSwitch)
	}
	s.ring.Set(s.widgets...)
	if s.ring.Cur < 0 {
		if s.sess.Done() {
			s.ring.Focus(s.resultsB)
		} else {
			s.ring.Focus(s.playB)
		}
	}

	// The panel's rows are in reach only inside its scrolling viewport
	// (not under its heading, nor under the goals below it).
	click, down := c.In.Click, c.In.Down
	pc := s.panel.card
	if c.In.Pointer && c.In.Px >= pc.X && c.In.Px < pc.X+pc.W && !s.panel.view.Contains(c.In.Px, c.In.Py) {
		c.In.Click, c.In.Down = false, false
	}
	fired := s.ring.Update(&c.Frame)
	c.In.Click, c.In.Down = click, down
	focused := s.ring.Focused()
	focusMoved := focused != s.lastFocus || c.In.Dx != 0 || c.In.Dy != 0
	s.lastFocus = focused

	var next scene.Scene
	switch {
	case fired == nil:
	case fired == s.playB:
		s.playing = !s.playing
		s.timer = 0
	case fired == s.stepB:
		s.playing = false
		if err := s.stepRound(); err != nil {
			return nil, err
		}
	case fired == s.speedB:
		s.speedIx = (s.speedIx + 1) % len(speeds)
	case fired == s.viewB:
		s.showCharts = !s.showCharts
	case fired == s.resultsB:
		next = c.Open.Results(s.sess, s.doc)
	case fired == s.distSwitch:
		s.rankSize = !s.rankSize
		s.shownRound = -1
	case fired == s.netW:
		if i := s.net.ByRank(s.netW.Rank); i >= 0 {
			s.hoverID = s.net.Nodes()[i].ID
		}
	default:
		if s.panel.Apply(c, s.sess, fired) {
			s.loggedN = len(s.sess.Log())
			c.LeverChanged(s.sess)
		}
	}
	if next != nil {
		return next, nil
	}

	// Playing: one round every ticksPerRound/speed ticks.
	if s.playing && !s.sess.Done() {
		s.timer--
		if s.timer <= 0 {
			s.timer = ticksPerRound / speeds[s.speedIx]
			if err := s.stepRound(); err != nil {
				return nil, err
			}
		}
	}
	if s.sess.Done() && s.playing {
		s.playing = false
	}

	s.panel.Layout(c, s.sess, s.panelCard(), focused, focusMoved)

	// The picture moves every tick.
	s.net.P.Seconds = math.Min(0.9, 0.8*float64(ticksPerRound)*tickSeconds/float64(speeds[s.speedIx]))
	s.net.Advance(tickSeconds)
	if !c.ReducedMotion() {
		s.clock += tickSeconds
	}
	if s.shownRound != s.sess.Round() {
		s.refresh()
	}
	if s.networkShown() {
		s.hover(focused)
	} else {
		s.view.Focus, s.story = -1, s.story[:0]
	}
	s.Build()
	s.netText.Update(c, s.net.Active())
	s.updateStatic(focused)
	return nil, nil
}

// stepRound plays one round and takes in its outcome.
func (s *roundScene) stepRound() error {
	if s.sess.Done() {
		return nil
	}
	if _, err := s.sess.Step(); err != nil {
		return fmt.Errorf("game: round %d: %w", s.sess.Round()+1, err)
	}
	s.c.RoundPlayed(s.sess)
	s.loadProviders(false)
	s.refresh()
	if s.sess.Done() {
		s.playing = false
		s.panel.lockAll(s.c)
		s.ring.Focus(s.resultsB)
	}
	return nil
}

// hover finds the provider whose story to show: the one under the pointer
// in the network, else the one the keyboard focus picked.
func (s *roundScene) hover(focused widget.Widget) {
	c := s.c
	if c.In.Pointer && c.In.Moved && s.netR.Contains(c.In.Px, c.In.Py) {
		s.hoverID = -1
		if i, ok := s.net.Hit(&s.view, c.In.Px, c.In.Py, c.DP(4)); ok {
			s.hoverID = s.net.Nodes()[i].ID
		}
	} else if c.In.Pointer && c.In.Moved && focused != s.netW {
		s.hoverID = -1
	}
	if focused == s.netW && (c.In.Dx != 0 || c.In.Dy != 0 || c.In.Home || c.In.End || c.In.FocusNext || c.In.FocusPrev) {
		if i := s.net.ByRank(s.netW.Rank); i >= 0 {
			s.hoverID = s.net.Nodes()[i].ID
		}
	}
	s.view.Focus = -1
	i, ok := s.net.Find(s.hoverID)
	if !ok {
		s.hoverID = -1
		s.story = s.story[:0]
		return
	}
	s.view.Focus = i
	nd := &s.net.Nodes()[i]
	if s.storyID != s.hoverID || len(s.story) == 0 || s.storyRound != s.loadedRound {
		s.storyID, s.storyRound = s.hoverID, s.loadedRound
		var p *sim.Provider
		if j, ok := slices.BinarySearchFunc(s.provs, nd.ID, func(p sim.Provider, id int) int { return p.ID - id }); ok {
			p = &s.provs[j]
		}
		s.story = widget.ProviderStory(&c.Frame, s.story, nd, p, s.sess.World().Round(), s.net.Active(), s.net.TotalVisits())
	}
	x, y := s.view.ScreenXY(nd)
	s.storyAt = [2]float64{x + nd.R*s.view.Scale, y}
}

// networkShown reports whether the value network is on screen (always,
// except in compact mode while the charts are shown).
func (s *roundScene) networkShown() bool { return !s.compact() || !s.showCharts }

// chartsShown reports whether the charts are on screen.
func (s *roundScene) chartsShown() bool { return !s.compact() || s.showCharts }

// Build prepares the frame's network mesh (the charts' mesh is built with
// the static layer). Most of a large network does not move from frame to
// frame, and drawing its thousands of flows and nodes is most of a
// frame's cost under a software renderer, so that part is drawn once onto
// the static layer (keyed by bake) and only the rest every frame: while
// the picture moves after a round, the steady nodes (about half, which
// move under half a pixel) are on the layer and the others, the hub, the
// rival, the particles and the focus ring are drawn every frame; once it
// stands still, the whole network is on the layer and only the particles
// and the focus ring are drawn every frame.
func (s *roundScene) Build() {
	s.mesh.Reset()
	s.view.Clock = s.clock
	s.bake = netKey{}
	switch {
	case !s.networkShown():
	case s.net.Moving():
		s.bake = s.netKey(bakeSteady)
		s.net.DrawMoving(&s.mesh, &s.view, &s.th.Net)
		s.net.DrawLive(&s.mesh, &s.view, &s.th.Net)
	default:
		s.bake = s.netKey(bakeAll)
		s.net.DrawLive(&s.mesh, &s.view, &s.th.Net)
	}
	s.drawer.Prepare(&s.mesh)
}

// What of the network the static layer holds.
const (
	bakeNone   = iota
	bakeSteady // the steady nodes, while the picture moves (layout.Network.DrawSteady)
	bakeAll    // the whole still network (layout.Network.DrawBase)
)

// netKey is what the part of the network drawn on the static layer
// depends on.
type netKey struct {
	part    int              // bakeNone, bakeSteady or bakeAll
	version uint64           // the network's Updates for bakeSteady, Version for bakeAll
	params  layout.NetParams // with Seconds zeroed
	view    layout.NetView   // with Clock and Focus zeroed
	style   layout.NetStyle
}

// netKey returns the key of the network as it stands now.
func (s *roundScene) netKey(part int) netKey {
	k := netKey{part: part, version: s.net.Version(), params: s.net.P, view: s.view, style: s.th.Net}
	if part == bakeSteady {
		k.version = s.net.Updates()
	}
	k.params.Seconds = 0
	k.view.Clock, k.view.Focus = 0, 0
	return k
}
