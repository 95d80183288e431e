package reader

import (
	"image"
	"image/color"
	"math"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/longtail-case/longtail/content"
	"github.com/longtail-case/longtail/game/layout"
	"github.com/longtail-case/longtail/game/page"
	"github.com/longtail-case/longtail/game/scene"
	"github.com/longtail-case/longtail/game/widget"
)

// ReaderItem is one laid-out piece of a document: wrapped text, a filled
// box (quote and code backgrounds, table header) or a rule. Positions are
// in content coordinates: x on the screen, y from the top of the document.
type ReaderItem struct {
	Kind  readerKind
	X, Y  float64
	w, h  float64
	Lines []layout.Line
	size  float64
	clr   color.RGBA
}

type readerKind uint8

const (
	ItemText readerKind = iota
	ItemBox
	itemRule
)

// Scene shows one chapter of the case with headings, emphasis,
// lists, quotes and tables, wrapped to the window and scrolled smoothly
// by wheel, keys and touch. At the end a button plays the chapter's round
// (when it has one) or moves on.
type Scene struct {
	c   *scene.Ctx
	Doc *content.Document

	Items   []ReaderItem
	Height  float64 // document height in device pixels (provisional until complete)
	LaidFor [4]float64
	// The layout in progress (see layout): the column, how many top-level
	// blocks are laid out and the y below them, and whether all are.
	colX, colW float64
	done       int
	LaidY      float64
	Complete   bool

	View   widget.Rect // the scrolling viewport on screen
	Pos    float64     // scroll position drawn, device pixels
	Target float64     // where the scroll is heading

	next *widget.Button
	ring widget.FocusRing
	endY float64 // the button's y in content coordinates

	barText  string
	hint     string
	errLines []layout.Line // why the round could not start, shown at the bottom
}

func New(c *scene.Ctx, d *content.Document) *Scene {
	r := &Scene{c: c, Doc: d, next: &widget.Button{Primary: true}}
	r.ring.Cur = -1 // nothing focused: Space and arrows scroll
	return r
}

func (r *Scene) Name() string { return "reader" }

// PageState tells the page which chapter is open.
func (r *Scene) PageState() page.State {
	return page.State{Scene: "reader", Chapter: r.Doc.Number}
}

// spanStyle maps inline styles to a text style.
func spanStyle(s content.Style) widget.Style {
	switch {
	case s&content.Code != 0:
		return widget.Mono
	case s&content.Strong != 0 && s&content.Emph != 0:
		return widget.BoldItalic
	case s&content.Strong != 0:
		return widget.Bold
	case s&content.Emph != 0:
		return widget.Italic
	}
	return widget.Regular
}

func spanRuns(spans []content.Span, base widget.Style) []layout.Run {
	runs := make([]layout.Run, 0, len(spans))
	for _, s := range spans {
		st := spanStyle(s.Style)
		if base == widget.Bold && st == widget.Regular {
			st = widget.Bold
		}
		runs = append(runs, layout.Run{Text: s.Text, Style: int(st)})
	}
	return runs
}

// Layout lays the document out for the current width and text size: at
// once as far as a little more than the view, the rest a screen or two per
// tick (layoutMore from Update), so that a chapter's first frame does not
// wait for all of it: shaping every word of a chapter took a fifth of a
// second before the first frame in the browser. Input that needs the
// whole document (scrolling, keys, the pointer) completes it first. It
// reports whether it laid the document out anew.
func (r *Scene) Layout(c *scene.Ctx) bool {
	key := [4]float64{c.W, c.H, c.Scale, c.Settings.TextScale}
	u := c.UI
	bar := u.LineHeight(widget.SizeSmall) + c.DP(16)
	r.View = widget.Rect{X: 0, Y: bar, W: c.W, H: c.H - bar}
	if key == r.LaidFor {
		return false
	}
	frac := 0.0
	if r.Height > r.View.H {
		frac = r.Pos / (r.Height - r.View.H)
	}
	r.LaidFor = key
	r.Items = r.Items[:0]
	margin := c.DP(24)
	r.colW = min(c.W-2*margin, u.Measure("n", widget.Regular, widget.SizeBody)*72)
	r.colX = math.Round((c.W - r.colW) / 2)
	r.done, r.LaidY, r.Complete = 0, c.DP(28), false
	if frac > 0 {
		// A resize or a new text size while reading: keep the place.
		r.LayoutMore(c, math.Inf(1))
	} else {
		r.LayoutMore(c, r.View.H*1.2)
	}
	r.Pos = frac * math.Max(0, r.Height-r.View.H)
	r.Target = r.Pos
	return true
}

// LayoutMore lays the next top-level blocks out until ahead device pixels
// more of the document are laid out (math.Inf(1) for all of it), and the
// goals and the button's place after the last. Until then the document's
// height and the button's place are provisional: a view below the text
// laid out so far.
func (r *Scene) LayoutMore(c *scene.Ctx, ahead float64) {
	if r.Complete {
		return
	}
	blocks := r.Doc.Blocks
	limit := r.LaidY + ahead
	for r.done < len(blocks) && r.LaidY < limit {
		r.LaidY = r.layoutBlock(c, blocks[r.done], r.done, len(blocks), r.colX, r.colW, r.LaidY, false)
		r.done++
	}
	y := r.LaidY
	if r.done < len(blocks) {
		r.endY = y + r.View.H
		r.Height = r.endY + r.View.H
		return
	}
	if r.Doc.Setup != nil {
		y = r.layoutGoals(c, r.colX, r.colW, y)
	}
	y += c.DP(24)
	r.endY = y
	r.Height = y + widget.ButtonHeight(c.UI) + c.DP(48)
	r.Complete = true
}

// needsAll reports whether input in acts on the whole document (scrolls,
// jumps, moves the focus or clicks), so the layout must be complete first.
func needsAll(in *widget.Intents) bool {
	return in.Dy != 0 || in.Page != 0 || in.Space || in.Home || in.End || in.Scroll != 0 ||
		in.FocusNext || in.FocusPrev || in.Activate || in.Click || in.Tap || in.Dragging
}

// gap returns the space after a block of text size size.
func (r *Scene) gap(c *scene.Ctx, size float64) float64 {
	return math.Round(c.UI.LineHeight(size) * 0.7)
}

func (r *Scene) Text(runs []layout.Run, size, x, w, y float64, clr color.RGBA) float64 {
	lines := r.c.UI.Wrap(runs, size, w)
	h := float64(len(lines)) * r.c.UI.LineHeight(size)
	r.Items = append(r.Items, ReaderItem{Kind: ItemText, X: x, Y: y, w: w, h: h, Lines: lines, size: size, clr: clr})
	return h
}

// layoutBlocks lays blocks out in a column from y and returns the y below
// them.
func (r *Scene) layoutBlocks(c *scene.Ctx, blocks []content.Block, x, w, y float64, tight bool) float64 {
	for i, b := range blocks {
		y = r.layoutBlock(c, b, i, len(blocks), x, w, y, tight)
	}
	return y
}

// layoutBlock lays block b, the i-th of n in its column, out from y and
// returns the y below it.
func (r *Scene) layoutBlock(c *scene.Ctx, b content.Block, i, n int, x, w, y float64, tight bool) float64 {
	u := c.UI
	th := u.Theme
	switch b.Kind {
	case content.BlockHeading:
		size := widget.SizeH3
		switch b.Level {
		case 1:
			size = widget.SizeH1
		case 2:
			size = widget.SizeH2
		}
		if i > 0 {
			y += u.LineHeight(size) * 0.6
		}
		y += r.Text(spanRuns(b.Spans, widget.Bold), size, x, w, y, th.Text)
		y += r.gap(c, widget.SizeBody) * 0.6
	case content.BlockParagraph:
		y += r.Text(spanRuns(b.Spans, widget.Regular), widget.SizeBody, x, w, y, th.Text)
		if !tight || i < n-1 {
			y += r.gap(c, widget.SizeBody)
		}
	case content.BlockList:
		ind := u.Measure("00.", widget.Regular, widget.SizeBody) + c.DP(10)
		for j, item := range b.Items {
			mark := "•"
			if b.Ordered {
				mark = c.T("reader.list.number", b.Start+j)
			}
			r.Items = append(r.Items, ReaderItem{Kind: ItemText, X: x + ind - c.DP(10) - u.Measure(mark, widget.Regular, widget.SizeBody), Y: y,
				Lines: u.WrapPlain(mark, widget.Regular, widget.SizeBody, ind), size: widget.SizeBody, clr: th.Accent, h: u.LineHeight(widget.SizeBody)})
			y = r.layoutBlocks(c, item, x+ind, w-ind, y, true)
			y += r.gap(c, widget.SizeBody) * 0.4
		}
		y += r.gap(c, widget.SizeBody) * 0.6
	case content.BlockQuote:
		pad := c.DP(16)
		box := len(r.Items)
		r.Items = append(r.Items, ReaderItem{Kind: ItemBox, clr: th.Panel})
		top := y
		y = r.layoutBlocks(c, b.Children, x+pad+c.DP(4), w-2*pad-c.DP(4), y+pad, true)
		y += pad
		r.Items[box] = ReaderItem{Kind: ItemBox, X: x, Y: top, w: w, h: y - top, clr: th.Panel}
		r.Items = append(r.Items, ReaderItem{Kind: ItemBox, X: x, Y: top, w: c.DP(4), h: y - top, clr: th.Accent})
		y += r.gap(c, widget.SizeBody)
	case content.BlockRule:
		y += r.gap(c, widget.SizeBody)
		r.Items = append(r.Items, ReaderItem{Kind: itemRule, X: x, Y: y, w: w, h: c.DP(1), clr: th.Line})
		y += r.gap(c, widget.SizeBody)
	case content.BlockCode:
		pad := c.DP(12)
		lines := u.WrapPlain(b.Text, widget.Mono, widget.SizeSmall, w-2*pad)
		h := float64(len(lines))*u.LineHeight(widget.SizeSmall) + 2*pad
		r.Items = append(r.Items, ReaderItem{Kind: ItemBox, X: x, Y: y, w: w, h: h, clr: th.Panel})
		r.Items = append(r.Items, ReaderItem{Kind: ItemText, X: x + pad, Y: y + pad, w: w - 2*pad, h: h - 2*pad, Lines: lines, size: widget.SizeSmall, clr: th.Text})
		y += h + r.gap(c, widget.SizeBody)
	case content.BlockTable:
		y = r.layoutTable(c, b, x, w, y)
		y += r.gap(c, widget.SizeBody)
	}
	return y
}

// layoutTable sizes columns by their natural widths (shrunk in proportion
// when the table is wider than the column) and wraps every cell.
func (r *Scene) layoutTable(c *scene.Ctx, b content.Block, x, w, y float64) float64 {
	u := c.UI
	th := u.Theme
	cols := 0
	for _, row := range b.Rows {
		cols = max(cols, len(row))
	}
	if cols == 0 {
		return y
	}
	pad := c.DP(8)
	nat := make([]float64, cols)
	for _, row := range b.Rows {
		for j, cell := range row {
			for _, l := range u.Wrap(spanRuns(cell, widget.Regular), widget.SizeSmall, math.Inf(1)) {
				nat[j] = max(nat[j], l.Width+2*pad)
			}
		}
	}
	sum := 0.0
	for _, v := range nat {
		sum += v
	}
	if sum > w {
		for j := range nat {
			nat[j] = math.Max(w/float64(cols)*0.5, nat[j]*w/sum)
		}
		s2 := 0.0
		for _, v := range nat {
			s2 += v
		}
		for j := range nat {
			nat[j] *= w / s2
		}
	}
	for i, row := range b.Rows {
		base := widget.Regular
		if b.Header && i == 0 {
			base = widget.Bold
		}
		rowH := 0.0
		start := len(r.Items)
		cx := x
		for j := 0; j < cols; j++ {
			if j < len(row) {
				lines := u.Wrap(spanRuns(row[j], base), widget.SizeSmall, nat[j]-2*pad)
				h := float64(len(lines)) * u.LineHeight(widget.SizeSmall)
				r.Items = append(r.Items, ReaderItem{Kind: ItemText, X: cx + pad, Y: y + pad, w: nat[j] - 2*pad, h: h, Lines: lines, size: widget.SizeSmall, clr: th.Text})
				rowH = max(rowH, h)
			}
			cx += nat[j]
		}
		rowH += 2 * pad
		if b.Header && i == 0 {
			bg := ReaderItem{Kind: ItemBox, X: x, Y: y, w: cx - x, h: rowH, clr: th.PanelHi}
			r.Items = append(r.Items[:start], append([]ReaderItem{bg}, r.Items[start:]...)...)
		}
		y += rowH
		r.Items = append(r.Items, ReaderItem{Kind: itemRule, X: x, Y: y, w: cx - x, h: c.DP(1), clr: th.Line})
	}
	return y
}

// layoutGoals lists the goals of the chapter's round before the button.
func (r *Scene) layoutGoals(c *scene.Ctx, x, w, y float64) float64 {
	setup, err := c.SetupFor(r.Doc.Number)
	if err != nil || len(setup.Goals) == 0 {
		return y
	}
	u := c.UI
	pad := c.DP(16)
	box := len(r.Items)
	r.Items = append(r.Items, ReaderItem{})
	top := y
	y += pad
	y += r.Text([]layout.Run{{Text: c.T("reader.goals", setup.Rounds), Style: int(widget.Bold)}}, widget.SizeLarge, x+pad, w-2*pad, y, u.Theme.Text)
	y += c.DP(6)
	for _, g := range setup.Goals {
		r.Items = append(r.Items, ReaderItem{Kind: ItemText, X: x + pad, Y: y, Lines: u.WrapPlain("•", widget.Bold, widget.SizeBody, w), size: widget.SizeBody, clr: u.Theme.Accent, h: u.LineHeight(widget.SizeBody)})
		y += r.Text([]layout.Run{{Text: scene.GoalLabel(c, g), Style: int(widget.Regular)}}, widget.SizeBody, x+pad+c.DP(24), w-2*pad-c.DP(24), y, u.Theme.Text)
		y += c.DP(4)
	}
	y += pad
	r.Items[box] = ReaderItem{Kind: ItemBox, X: x, Y: top, w: w, h: y - top, clr: u.Theme.Panel}
	return y
}

func (r *Scene) Update(c *scene.Ctx) (scene.Scene, error) {
	r.c = c
	fresh := r.Layout(c)
	u := c.UI
	in := c.In
	if needsAll(in) {
		r.LayoutMore(c, math.Inf(1))
	} else if !fresh {
		r.LayoutMore(c, r.View.H*1.5)
	}
	maxScroll := math.Max(0, r.Height-r.View.H)
	line := u.LineHeight(widget.SizeBody)
	page := r.View.H * 0.9
	switch {
	case in.Dy != 0:
		r.Target += float64(in.Dy) * line * 3
	case in.Page != 0:
		r.Target += float64(in.Page) * page
	case in.Space && r.ring.Focused() == nil:
		if in.Big {
			r.Target -= page
		} else {
			r.Target += page
		}
	case in.Home:
		r.Target = 0
	case in.End:
		r.Target = maxScroll
	}
	if in.Scroll != 0 {
		r.Target += in.Scroll
		if in.Dragging || c.ReducedMotion() {
			r.Pos = math.Max(0, math.Min(maxScroll, r.Target))
		}
	}
	r.Target = math.Max(0, math.Min(maxScroll, r.Target))
	if c.ReducedMotion() || math.Abs(r.Target-r.Pos) < 0.5 {
		r.Pos = r.Target
	} else {
		r.Pos += (r.Target - r.Pos) * 0.25
	}

	// The end button and the top bar.
	r.next.Label = c.T("reader.next")
	if r.Doc.Setup != nil {
		r.next.Label = c.T("reader.play")
	} else if c.NextChapter(r.Doc.Number) < 0 {
		r.next.Label = c.T("reader.finish")
	}
	bw := min(c.W-2*c.DP(24), max(c.DP(240), widget.ButtonWidth(u, r.next.Label)))
	r.next.R = widget.Rect{X: (c.W - bw) / 2, Y: r.View.Y + r.endY - r.Pos, W: bw, H: widget.ButtonHeight(u)}
	r.ring.Set(r.next)
	if in.FocusNext || in.FocusPrev {
		// Tab brings the button into view.
		r.Target = maxScroll
	}
	r.barText = scene.DocTitle(r.Doc)
	r.hint = c.T("reader.hint")
	visible := r.next.R.Y < r.View.Y+r.View.H && r.next.R.Y+r.next.R.H > r.View.Y
	fired := r.ring.Update(&c.Frame)
	if fired == r.next && (visible || r.ring.Focused() == r.next) {
		if r.Doc.Setup != nil {
			next, err := scene.PlayChapter(c, r.Doc.Number)
			if err != nil {
				// A broken scenario (for example an assignment's) is shown,
				// not fatal: the student can still read and go back.
				r.errLines = u.WrapPlain(c.T("reader.play.failed", err.Error()), widget.Regular, widget.SizeSmall, min(c.W-c.DP(48), c.DP(640)))
				return nil, nil
			}
			return next, nil
		}
		return scene.OpenChapter(c, c.NextChapter(r.Doc.Number)), nil
	}
	return nil, nil
}

func (r *Scene) Draw(dst *ebiten.Image) {
	c := r.c
	u := c.UI
	dst.Fill(u.Theme.Bg)
	v := r.View
	sub := dst.SubImage(image.Rect(int(v.X), int(v.Y), int(v.X+v.W), int(v.Y+v.H))).(*ebiten.Image)
	off := v.Y - r.Pos
	for _, it := range r.Items {
		top := it.Y + off
		if top > v.Y+v.H || top+math.Max(it.h, u.LineHeight(it.size)) < v.Y {
			continue
		}
		switch it.Kind {
		case ItemBox, itemRule:
			widget.FillRect(sub, widget.Rect{X: it.X, Y: top, W: it.w, H: it.h}, it.clr)
		case ItemText:
			u.DrawLines(sub, it.Lines, it.size, it.X, top, it.clr)
		}
	}
	if r.next.R.Y < v.Y+v.H && r.next.R.Y+r.next.R.H > v.Y {
		r.ring.Draw(sub, u)
	}
	if len(r.errLines) > 0 {
		h := float64(len(r.errLines))*u.LineHeight(widget.SizeSmall) + c.DP(16)
		w := min(c.W-c.DP(32), c.DP(660))
		b := widget.Rect{X: (c.W - w) / 2, Y: c.H - h - c.DP(16), W: w, H: h}
		widget.FillRect(dst, b, u.Theme.PanelHi)
		widget.FillRect(dst, widget.Rect{X: b.X, Y: b.Y, W: c.DP(4), H: b.H}, u.Theme.Bad)
		u.DrawLines(dst, r.errLines, widget.SizeSmall, b.X+c.DP(12), b.Y+c.DP(8), u.Theme.Text)
	}
	// Top bar: the chapter, a hint, and how far the student has read.
	widget.FillRect(dst, widget.Rect{X: 0, Y: 0, W: c.W, H: v.Y}, u.Theme.Panel)
	pad := c.DP(16)
	hintW := u.Measure(r.hint, widget.Regular, widget.SizeSmall)
	titleW := c.W - 3*pad - hintW
	title := r.barText
	if u.Measure(title, widget.Bold, widget.SizeSmall) > titleW {
		hintW = -pad
	}
	u.DrawText(dst, title, widget.Bold, widget.SizeSmall, pad, c.DP(8), u.Theme.Text)
	if hintW > 0 {
		u.DrawText(dst, r.hint, widget.Regular, widget.SizeSmall, c.W-pad-hintW, c.DP(8), u.Theme.Muted)
	}
	frac := 1.0
	if r.Height > v.H {
		frac = r.Pos / (r.Height - v.H)
	}
	widget.FillRect(dst, widget.Rect{X: 0, Y: v.Y - c.DP(3), W: c.W, H: c.DP(3)}, u.Theme.Line)
	widget.FillRect(dst, widget.Rect{X: 0, Y: v.Y - c.DP(3), W: c.W * frac, H: c.DP(3)}, u.Theme.Accent)
}

// Relang shows the document in the new language: the same document
// (by number) from c.Docs, laid out anew on the next Update at the same
// place in it.
func (r *Scene) Relang(c *scene.Ctx) {
	if d := c.DocByNumber(r.Doc.Number); d != nil {
		r.Doc = d
	}
	r.LaidFor = [4]float64{} // lay out again; Layout keeps the scroll fraction
	r.errLines = nil
}
