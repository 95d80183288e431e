package game

import (
	"image"
	"image/color"
	"math"

	"github.com/hajimehoshi/ebiten/v2"

	"github.com/longtail-case/longtail/game/layout"
	"github.com/longtail-case/longtail/game/sim"
)

// kindColours are the node colours by kind (sim.Kind order), from the
// Okabe–Ito palette that stays distinct under the common colour-vision
// deficiencies; shapes tell the kinds apart as well.
var kindColours = [layout.NumKinds]uint32{
	0x56b4e9, // official account: sky blue, circle
	0xe69f00, // mini-program: orange, square
	0x2fc09a, // merchant: bluish green, diamond
	0xd98cbd, // service vendor: reddish purple, triangle
}

// meshTheme holds the theme's colours in the mesh's form.
type meshTheme struct {
	net         layout.NetStyle
	grid, axis  layout.RGBA
	panel, line layout.RGBA    // card background and border
	series      [4]layout.RGBA // chart series colours
}

func rgba(c color.RGBA) layout.RGBA {
	return layout.RGBA{R: float32(c.R) / 255, G: float32(c.G) / 255, B: float32(c.B) / 255, A: float32(c.A) / 255}
}

func newMeshTheme(t theme) meshTheme {
	var m meshTheme
	for k, c := range kindColours {
		m.net.Kinds[k] = layout.Hex(c)
	}
	m.net.Hub = layout.Hex(0xe8edf3)
	m.net.Rival = layout.Hex(0xff8f7a)
	m.net.Guide = rgba(t.line).Fade(0.9)
	m.net.Focus = rgba(t.focus)
	m.net.Edge = layout.Hex(0xffffff).Fade(0.85)
	m.grid = rgba(t.line).Fade(0.55)
	m.panel, m.line = rgba(t.panel), rgba(t.line)
	m.axis = rgba(t.muted).Fade(0.7)
	m.series = [4]layout.RGBA{rgba(t.accent), layout.Hex(0x56b4e9), layout.Hex(0x2fc09a), rgba(t.bad)}
	return m
}

// meshDrawer submits a layout.Mesh with one draw call, sampling a white
// pixel, without Ebiten's anti-aliasing (deprecated in v2.9, and it renders
// into a buffer of four times the pixels, too slow for the network under a
// software renderer): the network's mesh feathers its own edges instead
// (layout.Mesh.Feather), and the charts' boxes need none.
type meshDrawer struct {
	white *ebiten.Image // a 1×1 white sub-image of a 3×3 image, so edges never bleed
	verts []ebiten.Vertex
	op    ebiten.DrawTrianglesOptions // kept to avoid a per-frame allocation
}

func newMeshDrawer(white *ebiten.Image) *meshDrawer {
	return &meshDrawer{white: white}
}

// newWhite returns the white pixel every mesh samples.
func newWhite() *ebiten.Image {
	img := ebiten.NewImage(3, 3)
	img.Fill(color.White)
	return img.SubImage(image.Rect(1, 1, 2, 2)).(*ebiten.Image)
}

// src returns the source point every vertex samples.
func (d *meshDrawer) src() (float32, float32) { return 1.5, 1.5 }

// prepare converts the mesh's vertices for ebiten; it runs in Update so
// that Draw only submits.
func (d *meshDrawer) prepare(m *layout.Mesh) {
	d.verts = d.verts[:0]
	for _, v := range m.Vertices {
		d.verts = append(d.verts, ebiten.Vertex(v))
	}
}

// draw submits the prepared vertices with m's indices.
func (d *meshDrawer) draw(dst *ebiten.Image, m *layout.Mesh) {
	if len(m.Indices) == 0 {
		return
	}
	dst.DrawTriangles32(d.verts, m.Indices, d.white, &d.op)
}

// netInputs converts the model's providers for the layout.
func netInputs(dst []layout.NetInput, ps []sim.Provider) []layout.NetInput {
	dst = dst[:0]
	for _, p := range ps {
		dst = append(dst, layout.NetInput{
			ID: p.ID, Kind: int(p.Kind), Visits: p.Visits, Popularity: p.Popularity, Multihoming: p.Multihoming,
		})
	}
	return dst
}

// providerStory returns the lines the tooltip shows for a provider: kind,
// rank, age, traffic, profit and multi-homing. nd is its node; p is nil
// for a provider that has just left.
func providerStory(c *ctx, dst []string, nd *layout.NetNode, p *sim.Provider, round, active int, total float64) []string {
	dst = append(dst[:0], c.t("round.kind."+kindDigit(nd.Kind)))
	if p == nil || nd.Exiting {
		return append(dst, c.t("round.story.exit"))
	}
	dst = append(dst, c.t("round.story.rank", nd.Rank+1, active))
	if age := round - p.Born; age <= 0 {
		dst = append(dst, c.t("round.story.new"))
	} else {
		dst = append(dst, c.t("round.story.age", age))
	}
	share := 0.0
	if total > 0 {
		share = p.Visits / total * 100
	}
	dst = append(dst, c.t("round.story.visits", p.Visits, share))
	if p.Profit >= 0 {
		dst = append(dst, c.t("round.story.profit", p.Profit))
	} else {
		dst = append(dst, c.t("round.story.loss", -p.Profit))
	}
	if p.Multihoming {
		return append(dst, c.t("round.story.multi"))
	}
	return append(dst, c.t("round.story.single"))
}

// kindDigit returns a provider kind's number as the digit that ends the
// catalog ID of its name ("round.kind.0" …).
func kindDigit(k int) string {
	return string(rune('0' + max(0, min(layout.NumKinds-1, k))))
}

// networkFocus is the value network as a focusable control: with focus,
// the arrow keys move a highlight between providers by rank (up and left
// toward the head, down and right toward the tail; Shift by ten), Home
// jumps to the head and End to the end of the tail.
type networkFocus struct {
	r    rect
	rank int // focused rank; −1 when none
	n    int // number of active providers
}

func (f *networkFocus) bounds() rect { return f.r }

func (f *networkFocus) update(c *frame, focused bool) bool {
	if !focused || f.n == 0 {
		return false
	}
	switch {
	case c.in.home:
		f.rank = 0
		return true
	case c.in.end:
		f.rank = f.n - 1
		return true
	}
	d := c.in.dx + c.in.dy
	if d == 0 {
		if f.rank < 0 && (c.in.focusNext || c.in.focusPrev) {
			f.rank = 0
			return true
		}
		return false
	}
	step := 1
	if c.in.big {
		step = 10
	}
	f.rank = max(0, min(f.n-1, f.rank+d*step))
	return true
}

func (f *networkFocus) draw(*ebiten.Image, *ui, bool) {}

// hubRadius returns the radius in pixels of the rival hub, by its user
// share relative to the platform's.
func rivalRadius(hubR, user, rival float64) float64 {
	if user <= 0 {
		return hubR
	}
	return hubR * math.Max(0.45, math.Min(1.4, math.Sqrt(rival/user)))
}
