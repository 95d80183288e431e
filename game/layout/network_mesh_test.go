package layout

import (
	"math"
	"testing"
)

// meshArea returns the total area of the mesh's triangles.
func meshArea(m *Mesh) float64 {
	a := 0.0
	for i := 0; i+2 < len(m.Indices); i += 3 {
		p, q, r := m.Vertices[m.Indices[i]], m.Vertices[m.Indices[i+1]], m.Vertices[m.Indices[i+2]]
		a += math.Abs(float64((q.DstX-p.DstX)*(r.DstY-p.DstY)-(r.DstX-p.DstX)*(q.DstY-p.DstY))) / 2
	}
	return a
}

// TestShapeAreas checks that every kind's shape covers about the area of
// a circle of the same radius, so size reads the same whatever the shape.
func TestShapeAreas(t *testing.T) {
	const r = 20
	want := math.Pi * r * r
	for kind, tol := range []float64{
		0.012, // a 24-gon has (24/2π)·sin(2π/24) ≈ 98.9% of the circle's area
		0.002, // square of half-side r·sqrt(π)/2
		0.002, // diamond of half-diagonal r·sqrt(π/2)
		0.002, // triangle of circumradius r·sqrt(4π/(3√3))
	} {
		var m Mesh
		m.Shape(kind, 100, 100, r, Hex(0xffffff))
		if got := meshArea(&m); math.Abs(got-want)/want > tol {
			t.Errorf("kind %d: area %.1f, want %.1f within %.1f%%", kind, got, want, tol*100)
		}
	}
}

func TestMeshLineAndPolyline(t *testing.T) {
	var m Mesh
	m.Line(0, 0, 10, 0, 2, Hex(0), Hex(0)) // a 10×2 rectangle
	if got := meshArea(&m); math.Abs(got-20) > 1e-4 {
		t.Errorf("line area %g, want 20", got)
	}
	m.Reset()
	m.Polyline([]float64{0, 10, 10}, []float64{0, 0, 10}, 2, Hex(0))
	if len(m.Vertices) != 6 || len(m.Indices) != 12 {
		t.Fatalf("polyline of 3 points: %d vertices, %d indices; want 6, 12", len(m.Vertices), len(m.Indices))
	}
	// A mitred right-angle join of a 2-wide line: each leg is a trapezoid
	// with parallel sides 11 and 9 (the mitre adds 1 outside and takes 1
	// inside), so the area is 2·(11+9)/2·2 = 40.
	if got := meshArea(&m); math.Abs(got-40) > 1e-3 {
		t.Errorf("polyline area %g, want 40", got)
	}
	m.Reset()
	if len(m.Vertices) != 0 || cap(m.Vertices) == 0 {
		t.Error("Reset must empty the mesh and keep its storage")
	}
}

// coverage returns the mesh's triangles' area weighted by their alpha
// (linear across each triangle, so the mean of its corners'): what the
// mesh paints, in pixels of full colour.
func coverage(m *Mesh) float64 {
	a := 0.0
	for i := 0; i+2 < len(m.Indices); i += 3 {
		p, q, r := m.Vertices[m.Indices[i]], m.Vertices[m.Indices[i+1]], m.Vertices[m.Indices[i+2]]
		area := math.Abs(float64((q.DstX-p.DstX)*(r.DstY-p.DstY)-(r.DstX-p.DstX)*(q.DstY-p.DstY))) / 2
		a += area * float64(p.ColorA+q.ColorA+r.ColorA) / 3
	}
	return a
}

// TestFeatherKeepsCoverage checks that a feathered mesh paints as much as
// the hard-edged one: the fades give away inside what they add outside,
// and lines or rings thinner than a pixel trade width for alpha.
func TestFeatherKeepsCoverage(t *testing.T) {
	white := Hex(0xffffff)
	for _, tc := range []struct {
		name string
		add  func(m *Mesh)
		tol  float64 // relative
	}{
		// A disc of radius r fading over r ± ½ paints π(r² + 1/12): 0.2% more at r = 3.
		{"disc r=20", func(m *Mesh) { m.Disc(100, 100, 20, white) }, 0.001},
		{"disc r=3", func(m *Mesh) { m.Disc(100, 100, 3, white) }, 0.01},
		{"disc r=0.3", func(m *Mesh) { m.Disc(100, 100, 0.3, white) }, 0.06},
		{"square r=10", func(m *Mesh) { m.Shape(1, 100, 100, 10, white) }, 0.01},
		{"diamond r=10", func(m *Mesh) { m.Shape(2, 100, 100, 10, white) }, 0.01},
		{"triangle r=10", func(m *Mesh) { m.Shape(3, 100, 100, 10, white) }, 0.01},
		{"triangle r=2", func(m *Mesh) { m.Shape(3, 100, 100, 2, white) }, 0.05},
		{"line w=3", func(m *Mesh) { m.Line(0, 0, 30, 40, 3, white, white) }, 1e-4},
		{"line w=0.7", func(m *Mesh) { m.Line(0, 0, 30, 40, 0.7, white, white) }, 1e-4},
		{"dim line w=0.7", func(m *Mesh) { m.Line(0, 0, 30, 40, 0.7, white.Fade(0.1), white.Fade(0.1)) }, 1e-4},
		{"ring t=2", func(m *Mesh) { m.Ring(100, 100, 20, 2, white) }, 0.001},
		{"ring t=0.5", func(m *Mesh) { m.Ring(100, 100, 20, 0.5, white) }, 0.001},
	} {
		var hard, soft Mesh
		soft.Feather = true
		tc.add(&hard)
		tc.add(&soft)
		want, got := coverage(&hard), coverage(&soft)
		if math.Abs(got-want)/want > tc.tol {
			t.Errorf("%s: feathered coverage %.3f, hard %.3f; want within %.1f%%", tc.name, got, want, tc.tol*100)
		}
	}
}
