package game

import (
	"image"
	"image/color"
	"math"

	"github.com/hajimehoshi/ebiten/v2"

	"github.com/longtail-case/longtail/content"
	"github.com/longtail-case/longtail/game/layout"
)

// readerItem is one laid-out piece of a document: wrapped text, a filled
// box (quote and code backgrounds, table header) or a rule. Positions are
// in content coordinates: x on the screen, y from the top of the document.
type readerItem struct {
	kind  readerKind
	x, y  float64
	w, h  float64
	lines []layout.Line
	size  float64
	clr   color.RGBA
}

type readerKind uint8

const (
	itemText readerKind = iota
	itemBox
	itemRule
)

// readerScene shows one chapter of the case with headings, emphasis,
// lists, quotes and tables, wrapped to the window and scrolled smoothly
// by wheel, keys and touch. At the end a button plays the chapter's round
// (when it has one) or moves on.
type readerScene struct {
	c   *ctx
	doc *content.Document

	items   []readerItem
	height  float64 // document height in device pixels (provisional until complete)
	laidFor [4]float64
	// The layout in progress (see layout): the column, how many top-level
	// blocks are laid out and the y below them, and whether all are.
	colX, colW float64
	done       int
	laidY      float64
	complete   bool

	view   rect    // the scrolling viewport on screen
	pos    float64 // scroll position drawn, device pixels
	target float64 // where the scroll is heading

	next *button
	ring focusRing
	endY float64 // the button's y in content coordinates

	barText  string
	hint     string
	errLines []layout.Line // why the round could not start, shown at the bottom
}

func newReaderScene(c *ctx, d *content.Document) *readerScene {
	r := &readerScene{c: c, doc: d, next: &button{primary: true}}
	r.ring.cur = -1 // nothing focused: Space and arrows scroll
	return r
}

func (r *readerScene) Name() string { return "reader" }

// pageState tells the page which chapter is open.
func (r *readerScene) pageState() pageState {
	return pageState{Scene: "reader", Chapter: r.doc.Number}
}

// spanStyle maps inline styles to a text style.
func spanStyle(s content.Style) style {
	switch {
	case s&content.Code != 0:
		return mono
	case s&content.Strong != 0 && s&content.Emph != 0:
		return boldItalic
	case s&content.Strong != 0:
		return bold
	case s&content.Emph != 0:
		return italic
	}
	return regular
}

func spanRuns(spans []content.Span, base style) []layout.Run {
	runs := make([]layout.Run, 0, len(spans))
	for _, s := range spans {
		st := spanStyle(s.Style)
		if base == bold && st == regular {
			st = bold
		}
		runs = append(runs, layout.Run{Text: s.Text, Style: int(st)})
	}
	return runs
}

// layout lays the document out for the current width and text size: at
// once as far as a little more than the view, the rest a screen or two per
// tick (layoutMore from Update), so that a chapter's first frame does not
// wait for all of it: shaping every word of a chapter took a fifth of a
// second before the first frame in the browser. Input that needs the
// whole document (scrolling, keys, the pointer) completes it first. It
// reports whether it laid the document out anew.
func (r *readerScene) layout(c *ctx) bool {
	key := [4]float64{c.w, c.h, c.scale, c.settings.TextScale}
	u := c.ui
	bar := u.lineHeight(sizeSmall) + c.dp(16)
	r.view = rect{0, bar, c.w, c.h - bar}
	if key == r.laidFor {
		return false
	}
	frac := 0.0
	if r.height > r.view.h {
		frac = r.pos / (r.height - r.view.h)
	}
	r.laidFor = key
	r.items = r.items[:0]
	margin := c.dp(24)
	r.colW = min(c.w-2*margin, u.measure("n", regular, sizeBody)*72)
	r.colX = math.Round((c.w - r.colW) / 2)
	r.done, r.laidY, r.complete = 0, c.dp(28), false
	if frac > 0 {
		// A resize or a new text size while reading: keep the place.
		r.layoutMore(c, math.Inf(1))
	} else {
		r.layoutMore(c, r.view.h*1.2)
	}
	r.pos = frac * math.Max(0, r.height-r.view.h)
	r.target = r.pos
	return true
}

// layoutMore lays the next top-level blocks out until ahead device pixels
// more of the document are laid out (math.Inf(1) for all of it), and the
// goals and the button's place after the last. Until then the document's
// height and the button's place are provisional: a view below the text
// laid out so far.
func (r *readerScene) layoutMore(c *ctx, ahead float64) {
	if r.complete {
		return
	}
	blocks := r.doc.Blocks
	limit := r.laidY + ahead
	for r.done < len(blocks) && r.laidY < limit {
		r.laidY = r.layoutBlock(c, blocks[r.done], r.done, len(blocks), r.colX, r.colW, r.laidY, false)
		r.done++
	}
	y := r.laidY
	if r.done < len(blocks) {
		r.endY = y + r.view.h
		r.height = r.endY + r.view.h
		return
	}
	if r.doc.Setup != nil {
		y = r.layoutGoals(c, r.colX, r.colW, y)
	}
	y += c.dp(24)
	r.endY = y
	r.height = y + buttonHeight(c.ui) + c.dp(48)
	r.complete = true
}

// needsAll reports whether input in acts on the whole document (scrolls,
// jumps, moves the focus or clicks), so the layout must be complete first.
func needsAll(in *intents) bool {
	return in.dy != 0 || in.page != 0 || in.space || in.home || in.end || in.scroll != 0 ||
		in.focusNext || in.focusPrev || in.activate || in.click || in.tap || in.dragging
}

// gap returns the space after a block of text size size.
func (r *readerScene) gap(c *ctx, size float64) float64 {
	return math.Round(c.ui.lineHeight(size) * 0.7)
}

func (r *readerScene) text(runs []layout.Run, size, x, w, y float64, clr color.RGBA) float64 {
	lines := r.c.ui.wrap(runs, size, w)
	h := float64(len(lines)) * r.c.ui.lineHeight(size)
	r.items = append(r.items, readerItem{kind: itemText, x: x, y: y, w: w, h: h, lines: lines, size: size, clr: clr})
	return h
}

// layoutBlocks lays blocks out in a column from y and returns the y below
// them.
func (r *readerScene) layoutBlocks(c *ctx, blocks []content.Block, x, w, y float64, tight bool) float64 {
	for i, b := range blocks {
		y = r.layoutBlock(c, b, i, len(blocks), x, w, y, tight)
	}
	return y
}

// layoutBlock lays block b, the i-th of n in its column, out from y and
// returns the y below it.
func (r *readerScene) layoutBlock(c *ctx, b content.Block, i, n int, x, w, y float64, tight bool) float64 {
	u := c.ui
	th := u.theme
	switch b.Kind {
	case content.BlockHeading:
		size := sizeH3
		switch b.Level {
		case 1:
			size = sizeH1
		case 2:
			size = sizeH2
		}
		if i > 0 {
			y += u.lineHeight(size) * 0.6
		}
		y += r.text(spanRuns(b.Spans, bold), size, x, w, y, th.text)
		y += r.gap(c, sizeBody) * 0.6
	case content.BlockParagraph:
		y += r.text(spanRuns(b.Spans, regular), sizeBody, x, w, y, th.text)
		if !tight || i < n-1 {
			y += r.gap(c, sizeBody)
		}
	case content.BlockList:
		ind := u.measure("00.", regular, sizeBody) + c.dp(10)
		for j, item := range b.Items {
			mark := "•"
			if b.Ordered {
				mark = c.t("reader.list.number", b.Start+j)
			}
			r.items = append(r.items, readerItem{kind: itemText, x: x + ind - c.dp(10) - u.measure(mark, regular, sizeBody), y: y,
				lines: u.wrapPlain(mark, regular, sizeBody, ind), size: sizeBody, clr: th.accent, h: u.lineHeight(sizeBody)})
			y = r.layoutBlocks(c, item, x+ind, w-ind, y, true)
			y += r.gap(c, sizeBody) * 0.4
		}
		y += r.gap(c, sizeBody) * 0.6
	case content.BlockQuote:
		pad := c.dp(16)
		box := len(r.items)
		r.items = append(r.items, readerItem{kind: itemBox, clr: th.panel})
		top := y
		y = r.layoutBlocks(c, b.Children, x+pad+c.dp(4), w-2*pad-c.dp(4), y+pad, true)
		y += pad
		r.items[box] = readerItem{kind: itemBox, x: x, y: top, w: w, h: y - top, clr: th.panel}
		r.items = append(r.items, readerItem{kind: itemBox, x: x, y: top, w: c.dp(4), h: y - top, clr: th.accent})
		y += r.gap(c, sizeBody)
	case content.BlockRule:
		y += r.gap(c, sizeBody)
		r.items = append(r.items, readerItem{kind: itemRule, x: x, y: y, w: w, h: c.dp(1), clr: th.line})
		y += r.gap(c, sizeBody)
	case content.BlockCode:
		pad := c.dp(12)
		lines := u.wrapPlain(b.Text, mono, sizeSmall, w-2*pad)
		h := float64(len(lines))*u.lineHeight(sizeSmall) + 2*pad
		r.items = append(r.items, readerItem{kind: itemBox, x: x, y: y, w: w, h: h, clr: th.panel})
		r.items = append(r.items, readerItem{kind: itemText, x: x + pad, y: y + pad, w: w - 2*pad, h: h - 2*pad, lines: lines, size: sizeSmall, clr: th.text})
		y += h + r.gap(c, sizeBody)
	case content.BlockTable:
		y = r.layoutTable(c, b, x, w, y)
		y += r.gap(c, sizeBody)
	}
	return y
}

// layoutTable sizes columns by their natural widths (shrunk in proportion
// when the table is wider than the column) and wraps every cell.
func (r *readerScene) layoutTable(c *ctx, b content.Block, x, w, y float64) float64 {
	u := c.ui
	th := u.theme
	cols := 0
	for _, row := range b.Rows {
		cols = max(cols, len(row))
	}
	if cols == 0 {
		return y
	}
	pad := c.dp(8)
	nat := make([]float64, cols)
	for _, row := range b.Rows {
		for j, cell := range row {
			for _, l := range u.wrap(spanRuns(cell, regular), sizeSmall, math.Inf(1)) {
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
		base := regular
		if b.Header && i == 0 {
			base = bold
		}
		rowH := 0.0
		start := len(r.items)
		cx := x
		for j := 0; j < cols; j++ {
			if j < len(row) {
				lines := u.wrap(spanRuns(row[j], base), sizeSmall, nat[j]-2*pad)
				h := float64(len(lines)) * u.lineHeight(sizeSmall)
				r.items = append(r.items, readerItem{kind: itemText, x: cx + pad, y: y + pad, w: nat[j] - 2*pad, h: h, lines: lines, size: sizeSmall, clr: th.text})
				rowH = max(rowH, h)
			}
			cx += nat[j]
		}
		rowH += 2 * pad
		if b.Header && i == 0 {
			bg := readerItem{kind: itemBox, x: x, y: y, w: cx - x, h: rowH, clr: th.panelHi}
			r.items = append(r.items[:start], append([]readerItem{bg}, r.items[start:]...)...)
		}
		y += rowH
		r.items = append(r.items, readerItem{kind: itemRule, x: x, y: y, w: cx - x, h: c.dp(1), clr: th.line})
	}
	return y
}

// layoutGoals lists the goals of the chapter's round before the button.
func (r *readerScene) layoutGoals(c *ctx, x, w, y float64) float64 {
	setup, err := c.setupFor(r.doc.Number)
	if err != nil || len(setup.Goals) == 0 {
		return y
	}
	u := c.ui
	pad := c.dp(16)
	box := len(r.items)
	r.items = append(r.items, readerItem{})
	top := y
	y += pad
	y += r.text([]layout.Run{{Text: c.t("reader.goals", setup.Rounds), Style: int(bold)}}, sizeLarge, x+pad, w-2*pad, y, u.theme.text)
	y += c.dp(6)
	for _, g := range setup.Goals {
		r.items = append(r.items, readerItem{kind: itemText, x: x + pad, y: y, lines: u.wrapPlain("•", bold, sizeBody, w), size: sizeBody, clr: u.theme.accent, h: u.lineHeight(sizeBody)})
		y += r.text([]layout.Run{{Text: goalLabel(c, g), Style: int(regular)}}, sizeBody, x+pad+c.dp(24), w-2*pad-c.dp(24), y, u.theme.text)
		y += c.dp(4)
	}
	y += pad
	r.items[box] = readerItem{kind: itemBox, x: x, y: top, w: w, h: y - top, clr: u.theme.panel}
	return y
}

func (r *readerScene) Update(c *ctx) (scene, error) {
	r.c = c
	fresh := r.layout(c)
	u := c.ui
	in := c.in
	if needsAll(in) {
		r.layoutMore(c, math.Inf(1))
	} else if !fresh {
		r.layoutMore(c, r.view.h*1.5)
	}
	maxScroll := math.Max(0, r.height-r.view.h)
	line := u.lineHeight(sizeBody)
	page := r.view.h * 0.9
	switch {
	case in.dy != 0:
		r.target += float64(in.dy) * line * 3
	case in.page != 0:
		r.target += float64(in.page) * page
	case in.space && r.ring.focused() == nil:
		if in.big {
			r.target -= page
		} else {
			r.target += page
		}
	case in.home:
		r.target = 0
	case in.end:
		r.target = maxScroll
	}
	if in.scroll != 0 {
		r.target += in.scroll
		if in.dragging || c.reducedMotion() {
			r.pos = math.Max(0, math.Min(maxScroll, r.target))
		}
	}
	r.target = math.Max(0, math.Min(maxScroll, r.target))
	if c.reducedMotion() || math.Abs(r.target-r.pos) < 0.5 {
		r.pos = r.target
	} else {
		r.pos += (r.target - r.pos) * 0.25
	}

	// The end button and the top bar.
	r.next.label = c.t("reader.next")
	if r.doc.Setup != nil {
		r.next.label = c.t("reader.play")
	} else if c.nextChapter(r.doc.Number) < 0 {
		r.next.label = c.t("reader.finish")
	}
	bw := min(c.w-2*c.dp(24), max(c.dp(240), buttonWidth(u, r.next.label)))
	r.next.r = rect{(c.w - bw) / 2, r.view.y + r.endY - r.pos, bw, buttonHeight(u)}
	r.ring.set(r.next)
	if in.focusNext || in.focusPrev {
		// Tab brings the button into view.
		r.target = maxScroll
	}
	r.barText = docTitle(r.doc)
	r.hint = c.t("reader.hint")
	visible := r.next.r.y < r.view.y+r.view.h && r.next.r.y+r.next.r.h > r.view.y
	fired := r.ring.update(&c.frame)
	if fired == r.next && (visible || r.ring.focused() == r.next) {
		if r.doc.Setup != nil {
			next, err := playChapter(c, r.doc.Number)
			if err != nil {
				// A broken scenario (for example an assignment's) is shown,
				// not fatal: the student can still read and go back.
				r.errLines = u.wrapPlain(c.t("reader.play.failed", err.Error()), regular, sizeSmall, min(c.w-c.dp(48), c.dp(640)))
				return nil, nil
			}
			return next, nil
		}
		return openChapter(c, c.nextChapter(r.doc.Number)), nil
	}
	return nil, nil
}

func (r *readerScene) Draw(dst *ebiten.Image) {
	c := r.c
	u := c.ui
	dst.Fill(u.theme.bg)
	v := r.view
	sub := dst.SubImage(image.Rect(int(v.x), int(v.y), int(v.x+v.w), int(v.y+v.h))).(*ebiten.Image)
	off := v.y - r.pos
	for _, it := range r.items {
		top := it.y + off
		if top > v.y+v.h || top+math.Max(it.h, u.lineHeight(it.size)) < v.y {
			continue
		}
		switch it.kind {
		case itemBox, itemRule:
			fillRect(sub, rect{it.x, top, it.w, it.h}, it.clr)
		case itemText:
			u.drawLines(sub, it.lines, it.size, it.x, top, it.clr)
		}
	}
	if r.next.r.y < v.y+v.h && r.next.r.y+r.next.r.h > v.y {
		r.ring.draw(sub, u)
	}
	if len(r.errLines) > 0 {
		h := float64(len(r.errLines))*u.lineHeight(sizeSmall) + c.dp(16)
		w := min(c.w-c.dp(32), c.dp(660))
		b := rect{(c.w - w) / 2, c.h - h - c.dp(16), w, h}
		fillRect(dst, b, u.theme.panelHi)
		fillRect(dst, rect{b.x, b.y, c.dp(4), b.h}, u.theme.bad)
		u.drawLines(dst, r.errLines, sizeSmall, b.x+c.dp(12), b.y+c.dp(8), u.theme.text)
	}
	// Top bar: the chapter, a hint, and how far the student has read.
	fillRect(dst, rect{0, 0, c.w, v.y}, u.theme.panel)
	pad := c.dp(16)
	hintW := u.measure(r.hint, regular, sizeSmall)
	titleW := c.w - 3*pad - hintW
	title := r.barText
	if u.measure(title, bold, sizeSmall) > titleW {
		hintW = -pad
	}
	u.drawText(dst, title, bold, sizeSmall, pad, c.dp(8), u.theme.text)
	if hintW > 0 {
		u.drawText(dst, r.hint, regular, sizeSmall, c.w-pad-hintW, c.dp(8), u.theme.muted)
	}
	frac := 1.0
	if r.height > v.h {
		frac = r.pos / (r.height - v.h)
	}
	fillRect(dst, rect{0, v.y - c.dp(3), c.w, c.dp(3)}, u.theme.line)
	fillRect(dst, rect{0, v.y - c.dp(3), c.w * frac, c.dp(3)}, u.theme.accent)
}
