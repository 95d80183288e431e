package scene

import (
	"strconv"

	"github.com/longtail-case/longtail/content"
	"github.com/longtail-case/longtail/game/page"
	"github.com/longtail-case/longtail/game/sim"
)

// MetricLabel returns a metric's name for reading.
func MetricLabel(c *Ctx, name string) string {
	if id := "round.metric." + name; c.UI.Cat.Has(id) {
		return c.T(id)
	}
	return name
}

// LeverLabel returns a lever's name for reading.
func LeverLabel(c *Ctx, key string) string {
	if id := "round.lever." + key; c.UI.Cat.Has(id) {
		return c.T(id)
	}
	return key
}

// LeverValueText writes a lever value as the lever panel shows it
// (formatLever in panel.go: shares as percentages, switches by state).
func LeverValueText(c *Ctx, key string, v float64) string {
	if spec, ok := sim.Spec(key); ok {
		return FormatLever(c, spec, v)
	}
	return strconv.FormatFloat(v, 'f', 2, 64)
}

// GoalLabel returns a goal's label, or one made from its metric and
// threshold when it has none.
func GoalLabel(c *Ctx, g sim.Goal) string {
	if g.Label != "" {
		return g.Label
	}
	id := "goal.auto.atleast"
	if g.Op == "<=" {
		id = "goal.auto.atmost"
	}
	return c.T(id, MetricLabel(c, g.Metric), page.FormatMetric(g.Metric, g.Value))
}

// WhenKey returns the catalog key suffix of a goal's timing.
func WhenKey(w sim.When) string {
	if w == "" {
		return string(sim.AtEnd)
	}
	return string(w)
}

// FormatLever returns a lever's value as the panel shows it: shares as
// percentages, the cap as "None" at 1, switches by their state.
func FormatLever(c *Ctx, spec sim.LeverSpec, v float64) string {
	switch spec.Key {
	case "ad_billing", "first_party":
		on, off := SwitchTexts(c, spec.Key)
		if v >= 0.5 {
			return on
		}
		return off
	case "cap":
		if v >= 1 {
			return c.T("round.lever.nocap")
		}
		return c.T("round.fmt.percent1", v*100)
	case "feed_share", "pool", "ad_load", "take_rate":
		return c.T("round.fmt.percent", v*100)
	case "openness", "feed_beta", "contact_fee":
		return c.T("round.fmt.decimal2", v)
	}
	return c.T("round.fmt.decimal1", v)
}

// DocTitle returns a document's title, or its file name when untitled.
func DocTitle(d *content.Document) string {
	if d.Title != "" {
		return d.Title
	}
	return d.File
}

// SwitchTexts returns the on and off texts of a switch lever.
func SwitchTexts(c *Ctx, key string) (on, off string) {
	if key == "ad_billing" {
		return c.T("round.lever.interaction"), c.T("round.lever.exposure")
	}
	return c.T("round.lever.on"), c.T("round.lever.off")
}
