package scene

import (
	"github.com/longtail-case/longtail/content"
	"github.com/longtail-case/longtail/game/play"
	"github.com/longtail-case/longtail/game/sim"
)

// GoalLabel returns a goal's label, or, when it has none, a sentence made
// from its metric's name and its threshold ("Long-tail share at least
// 25%", the threshold as present.Formatter.Threshold writes it).
func GoalLabel(c *Ctx, g sim.Goal) string {
	if g.Label != "" {
		return g.Label
	}
	id := "goal.auto.atleast"
	if g.Op == "<=" {
		id = "goal.auto.atmost"
	}
	f := c.Present()
	return c.T(id, f.Label(g.Metric), f.Threshold(g.Metric, g.Value))
}

// WhenKey returns the catalog key suffix of a goal's timing ("end",
// "mean", "cumulative" or "every"; an unset timing is "end").
func WhenKey(w sim.When) string {
	if w == "" {
		return string(sim.AtEnd)
	}
	return string(w)
}

// DocTitle returns a document's title, or its file name when untitled.
func DocTitle(d *content.Document) string {
	if d.Title != "" {
		return d.Title
	}
	return d.File
}

// Relabel gives goals the labels of document d, the chapter in the
// language shown, which may differ from the session's setup's (the
// chapter was started before a language switch); the goals themselves are
// the same. Nothing changes when d has no setup or another number of goals.
func Relabel(gs []play.GoalResult, d *content.Document) {
	if d == nil || d.Setup == nil || len(d.Setup.Goals) != len(gs) {
		return
	}
	for i := range gs {
		gs[i].Goal.Label = d.Setup.Goals[i].Label
	}
}
