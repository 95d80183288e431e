package widget

import (
	"image"
	"image/color"
	"math"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/longtail-case/longtail/game/layout"
	"github.com/longtail-case/longtail/game/sim"
)

// KindColours are the node colours by kind (sim.Kind order), from the
// Okabe–Ito palette that stays distinct under the common colour-vision
// deficiencies; shapes tell the kinds apart as well.
var KindColours = [layout.NumKinds]uint32{
	0x56b4e9, // official account: sky blue, circle
	0xe69f00, // mini-program: orange, square
	0x2fc09a, // merchant: bluish green, diamond
	0xd98cbd, // service vendor: reddish purple, triangle
}

// MeshTheme holds the theme's colours in the mesh's form.
type MeshTheme struct {
	Net         layout.NetStyle
	grid, axis  layout.RGBA
	Panel, line layout.RGBA    // card background and border
	Series      [4]layout.RGBA // chart series colours
}

func Rgba(c color.RGBA) layout.RGBA {
	return layout.RGBA{R: float32(c.R) / 255, G: float32(c.G) / 255, B: float32(c.B) / 255, A: float32(c.A) / 255}
}

func NewMeshTheme(t Theme) MeshTheme {
	var m MeshTheme
	for k, c := range KindColours {
		m.Net.Kinds[k] = layout.Hex(c)
	}
	m.Net.Hub = layout.Hex(0xe8edf3)
	m.Net.Rival = layout.Hex(0xff8f7a)
	m.Net.Guide = Rgba(t.Line).Fade(0.9)
	m.Net.Focus = Rgba(t.Focus)
	m.Net.Edge = layout.Hex(0xffffff).Fade(0.85)
	m.grid = Rgba(t.Line).Fade(0.55)
	m.Panel, m.line = Rgba(t.Panel), Rgba(t.Line)
	m.axis = Rgba(t.Muted).Fade(0.7)
	m.Series = [4]layout.RGBA{Rgba(t.Accent), layout.Hex(0x56b4e9), layout.Hex(0x2fc09a), Rgba(t.Bad)}
	return m
}

// MeshDrawer submits a layout.Mesh with one draw call, sampling a white
// pixel, without Ebiten's anti-aliasing (deprecated in v2.9, and it renders
// into a buffer of four times the pixels, too slow for the network under a
// software renderer): the network's mesh feathers its own edges instead
// (layout.Mesh.Feather), and the charts' boxes need none.
type MeshDrawer struct {
	white *ebiten.Image // a 1×1 white sub-image of a 3×3 image, so edges never bleed
	verts []ebiten.Vertex
	op    ebiten.DrawTrianglesOptions // kept to avoid a per-frame allocation
}

func NewMeshDrawer(white *ebiten.Image) *MeshDrawer {
	return &MeshDrawer{white: white}
}

// NewWhite returns the white pixel every mesh samples.
func NewWhite() *ebiten.Image {
	img := ebiten.NewImage(3, 3)
	img.Fill(color.White)
	return img.SubImage(image.Rect(1, 1, 2, 2)).(*ebiten.Image)
}

// Src returns the source point every vertex samples.
func (d *MeshDrawer) Src() (float32, float32) { return 1.5, 1.5 }

// Prepare converts the mesh's vertices for ebiten; it runs in Update so
// that Draw only submits.
func (d *MeshDrawer) Prepare(m *layout.Mesh) {
	d.verts = d.verts[:0]
	for _, v := range m.Vertices {
		d.verts = append(d.verts, ebiten.Vertex(v))
	}
}

// Draw submits the prepared vertices with m's indices.
func (d *MeshDrawer) Draw(dst *ebiten.Image, m *layout.Mesh) {
	if len(m.Indices) == 0 {
		return
	}
	dst.DrawTriangles32(d.verts, m.Indices, d.white, &d.op)
}

// NetInputs converts the model's providers for the layout.
func NetInputs(dst []layout.NetInput, ps []sim.Provider) []layout.NetInput {
	dst = dst[:0]
	for _, p := range ps {
		dst = append(dst, layout.NetInput{
			ID: p.ID, Kind: int(p.Kind), Visits: p.Visits, Popularity: p.Popularity, Multihoming: p.Multihoming,
		})
	}
	return dst
}

// ProviderStory returns the lines the tooltip shows for a provider: kind,
// rank, age, traffic, profit and multi-homing. nd is its node; p is nil
// for a provider that has just left.
func ProviderStory(c *Frame, dst []string, nd *layout.NetNode, p *sim.Provider, round, active int, total float64) []string {
	dst = append(dst[:0], c.T("round.kind."+KindDigit(nd.Kind)))
	if p == nil || nd.Exiting {
		return append(dst, c.T("round.story.exit"))
	}
	dst = append(dst, c.T("round.story.rank", nd.Rank+1, active))
	if age := round - p.Born; age <= 0 {
		dst = append(dst, c.T("round.story.new"))
	} else {
		dst = append(dst, c.T("round.story.age", age))
	}
	share := 0.0
	if total > 0 {
		share = p.Visits / total * 100
	}
	dst = append(dst, c.T("round.story.visits", p.Visits, share))
	if p.Profit >= 0 {
		dst = append(dst, c.T("round.story.profit", p.Profit))
	} else {
		dst = append(dst, c.T("round.story.loss", -p.Profit))
	}
	if p.Multihoming {
		return append(dst, c.T("round.story.multi"))
	}
	return append(dst, c.T("round.story.single"))
}

// KindDigit returns a provider kind's number as the digit that ends the
// catalog ID of its name ("round.kind.0" …).
func KindDigit(k int) string {
	return string(rune('0' + max(0, min(layout.NumKinds-1, k))))
}

// NetworkFocus is the value network as a focusable control: with focus,
// the arrow keys move a highlight between providers by rank (up and left
// toward the head, down and right toward the tail; Shift by ten), Home
// jumps to the head and End to the end of the tail.
type NetworkFocus struct {
	R    Rect
	Rank int // focused rank; −1 when none
	N    int // number of active providers
}

func (f *NetworkFocus) Bounds() Rect { return f.R }

func (f *NetworkFocus) Update(c *Frame, focused bool) bool {
	if !focused || f.N == 0 {
		return false
	}
	switch {
	case c.In.Home:
		f.Rank = 0
		return true
	case c.In.End:
		f.Rank = f.N - 1
		return true
	}
	d := c.In.Dx + c.In.Dy
	if d == 0 {
		if f.Rank < 0 && (c.In.FocusNext || c.In.FocusPrev) {
			f.Rank = 0
			return true
		}
		return false
	}
	step := 1
	if c.In.Big {
		step = 10
	}
	f.Rank = max(0, min(f.N-1, f.Rank+d*step))
	return true
}

func (f *NetworkFocus) Draw(*ebiten.Image, *UI, bool) {}

// hubRadius returns the radius in pixels of the rival hub, by its user
// share relative to the platform's.
func RivalRadius(hubR, user, rival float64) float64 {
	if user <= 0 {
		return hubR
	}
	return hubR * math.Max(0.45, math.Min(1.4, math.Sqrt(rival/user)))
}
