package round

import (
	"github.com/hajimehoshi/ebiten/v2"
	"github.com/longtail-case/longtail/game/widget"
)

// layer is an offscreen image the size of the screen that holds what does
// not change every frame; the scene redraws it in Update when its inputs
// change and Draw only copies it.
type layer struct {
	img *ebiten.Image
	op  ebiten.DrawImageOptions // the copy's options, kept to avoid a per-frame allocation
}

// fit makes the layer w × h device pixels, reallocating it (and freeing
// the old image) when the size changed; it reports whether it did.
func (l *layer) fit(w, h int) bool {
	w, h = max(w, 1), max(h, 1)
	if l.img != nil {
		if b := l.img.Bounds(); b.Dx() == w && b.Dy() == h {
			return false
		}
		l.img.Deallocate()
	}
	l.img = ebiten.NewImage(w, h)
	l.op.Blend = ebiten.BlendCopy
	return true
}

// Draw copies the layer onto dst, replacing what is there.
func (l *layer) Draw(dst *ebiten.Image) {
	if l.img != nil {
		dst.DrawImage(l.img, &l.op)
	}
}

// staticKey is the state the round screen's static layer (lever panel,
// title bar, buttons, goals, charts, legend) depends on besides input:
// when it differs from the last one, the layer is redrawn.
type staticKey struct {
	laidOut  [5]float64 // window size, device scale, text scale, charts' top
	round    int
	logged   int
	done     bool
	labelled labelKey
	focused  widget.Widget
	scroll   float64
	err      string
	pointer  bool
	charts   bool
	network  bool
	bake     netKey // the part of the network drawn on the layer
}

// staticKey returns the static layer's key for this tick.
func (s *roundScene) staticKey(focused widget.Widget) staticKey {
	return staticKey{
		laidOut: s.laidOut,
		round:   s.sess.Round(), logged: len(s.sess.Log()), done: s.sess.Done(),
		labelled: s.labelled, focused: focused,
		scroll: s.panel.scroll, err: s.panel.err, pointer: s.c.In.Pointer,
		charts: s.chartsShown(), network: s.networkShown(),
		bake: s.bake,
	}
}

// inputTouchesStatic reports whether this tick's input may change how a
// control looks (hover, press, drag, keys); a pointer moving inside the
// network only changes the network and its tooltip, drawn every frame.
func (s *roundScene) inputTouchesStatic() bool {
	in := s.c.In
	if in.Click || in.Down || in.Release || in.Tap || in.Dragging || in.Activate ||
		in.Dx != 0 || in.Dy != 0 || in.Scroll != 0 || in.Page != 0 || in.Home || in.End ||
		in.FocusNext || in.FocusPrev || len(in.Runes) > 0 || in.Backspace {
		return true
	}
	inNet := in.Pointer && s.networkShown() && s.netR.Contains(in.Px, in.Py)
	moved := in.Moved && !(inNet && s.pointerInNet)
	s.pointerInNet = inNet
	return moved
}

// updateStatic redraws the static layer when the screen's size, its state
// or the input asks for it.
func (s *roundScene) updateStatic(focused widget.Widget) {
	k := s.staticKey(focused)
	dirty := s.inputTouchesStatic()
	if s.static.fit(int(s.c.W), int(s.c.H)) || k != s.staticAt {
		dirty = true
	}
	if !dirty {
		return
	}
	s.staticAt = k
	s.chartMesh.Reset()
	if s.networkShown() {
		s.buildLegend()
	}
	if s.chartsShown() {
		for _, ch := range s.charts {
			ch.Build(&s.chartMesh, s.c.UI, &s.th)
		}
	}
	s.chartDraw.Prepare(&s.chartMesh)
	s.baseMesh.Reset()
	switch s.bake.part {
	case bakeSteady:
		s.net.DrawSteady(&s.baseMesh, &s.view, &s.th.Net)
	case bakeAll:
		s.net.DrawBase(&s.baseMesh, &s.view, &s.th.Net)
	}
	s.baseDraw.Prepare(&s.baseMesh)
	s.paintStatic(s.static.img, focused)
}
