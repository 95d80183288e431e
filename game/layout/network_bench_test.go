package layout

import (
	"testing"
	"time"
)

// frameBudget is the budget for Update plus the CPU side of Draw
// at 2,000 providers (native).
const frameBudget = 4 * time.Millisecond

// roundFrame is the pure part of one frame of the round screen: the
// layout step, the network's vertices and the charts' points and lines.
type roundFrame struct {
	net    *Network
	mesh   Mesh
	view   NetView
	style  NetStyle
	xs, ys []float64
	px, py []float64
}

func newRoundFrame(m int) *roundFrame {
	f := &roundFrame{net: NewNetwork(DefaultNetParams())}
	f.mesh.Feather = true // as the round screen draws the network
	f.net.Update(synthetic(m, 1), true)
	f.net.Update(synthetic(m, 2), false)
	f.view = NetView{CX: 500, CY: 400, Scale: 330, RivalX: 900, RivalY: 80, RivalR: 20, Focus: 3, HeadRanks: 10, FlowPixels: 60}
	for k := range f.style.Kinds {
		f.style.Kinds[k] = Hex(0x3366cc)
	}
	return f
}

func (f *roundFrame) step(clock float64) {
	f.net.Advance(1.0 / 60)
	f.view.Clock = clock
	f.mesh.Reset()
	f.net.Draw(&f.mesh, &f.view, &f.style)
	// Charts: a Lorenz curve, a rank–size plot and five 12-round series.
	f.xs, f.ys = AppendLorenz(f.xs[:0], f.ys[:0], f.net.Visits(), 64)
	f.xs, f.ys = AppendRankSize(f.xs, f.ys, f.net.Visits(), 48)
	sx := Scale{D0: 0, D1: 1, R0: 1000, R1: 1200}
	sy := Scale{D0: 0, D1: 1, R0: 300, R1: 100}
	for i := range f.xs {
		f.xs[i], f.ys[i] = sx.Map(f.xs[i]), sy.Map(f.ys[i])
	}
	f.mesh.Polyline(f.xs, f.ys, 2, Hex(0xffffff))
	for s := 0; s < 5; s++ {
		f.px, f.py = f.px[:0], f.py[:0]
		for r := 0; r < 12; r++ {
			f.px = append(f.px, sx.Map(float64(r)/11))
			f.py = append(f.py, sy.Map(Hash01(uint64(s*12+r))))
		}
		f.mesh.Polyline(f.px, f.py, 2, Hex(0xffffff))
	}
}

func TestRoundFrameAllocs(t *testing.T) {
	f := newRoundFrame(2000)
	f.step(0) // grow the buffers
	clock := 0.0
	allocs := testing.AllocsPerRun(50, func() {
		clock += 1.0 / 60
		f.step(clock)
	})
	if allocs != 0 {
		t.Errorf("a steady-state frame allocates %v times, want 0", allocs)
	}
}

// BenchmarkRoundFrame2000 measures one frame's CPU work at 2,000 providers.
func BenchmarkRoundFrame2000(b *testing.B) {
	f := newRoundFrame(2000)
	f.step(0)
	b.ReportAllocs()
	cpu0, cpuOK := cpuTime()
	clock := 0.0
	for b.Loop() {
		clock += 1.0 / 60
		f.step(clock)
	}
	// The budget is for the work, so on a busy machine it is checked
	// against CPU time (this benchmark runs on one goroutine).
	per := b.Elapsed() / time.Duration(b.N)
	if cpu1, ok := cpuTime(); ok && cpuOK {
		per = (cpu1 - cpu0) / time.Duration(b.N)
		b.ReportMetric(float64(per.Nanoseconds()), "cpu-ns/op")
	}
	b.ReportMetric(float64(len(f.mesh.Vertices)), "vertices")
	if b.N > 1 && per > frameBudget {
		b.Errorf("%v per frame, budget %v", per, frameBudget)
	}
}

// BenchmarkRoundUpdate2000 measures the once-a-round layout at 2,000 providers.
func BenchmarkRoundUpdate2000(b *testing.B) {
	n := NewNetwork(DefaultNetParams())
	ins := [2][]NetInput{synthetic(2000, 1), synthetic(2000, 2)}
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		n.Update(ins[i%2], false)
		i++
	}
}
