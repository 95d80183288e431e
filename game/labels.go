package game

import (
	"strconv"

	"github.com/longtail-case/longtail/content"
	"github.com/longtail-case/longtail/game/sim"
)

// metricLabel returns a metric's name for reading.
func metricLabel(c *ctx, name string) string {
	if id := "round.metric." + name; c.ui.cat.Has(id) {
		return c.t(id)
	}
	return name
}

// leverLabel returns a lever's name for reading.
func leverLabel(c *ctx, key string) string {
	if id := "round.lever." + key; c.ui.cat.Has(id) {
		return c.t(id)
	}
	return key
}

// leverValueText writes a lever value as the lever panel shows it
// (formatLever in panel.go: shares as percentages, switches by state).
func leverValueText(c *ctx, key string, v float64) string {
	if spec, ok := sim.Spec(key); ok {
		return formatLever(c, spec, v)
	}
	return strconv.FormatFloat(v, 'f', 2, 64)
}

// goalLabel returns a goal's label, or one made from its metric and
// threshold when it has none.
func goalLabel(c *ctx, g sim.Goal) string {
	if g.Label != "" {
		return g.Label
	}
	id := "goal.auto.atleast"
	if g.Op == "<=" {
		id = "goal.auto.atmost"
	}
	return c.t(id, metricLabel(c, g.Metric), formatMetric(g.Metric, g.Value))
}

// whenKey returns the catalog key suffix of a goal's timing.
func whenKey(w sim.When) string {
	if w == "" {
		return string(sim.AtEnd)
	}
	return string(w)
}

// formatLever returns a lever's value as the panel shows it: shares as
// percentages, the cap as "None" at 1, switches by their state.
func formatLever(c *ctx, spec sim.LeverSpec, v float64) string {
	switch spec.Key {
	case "ad_billing", "first_party":
		on, off := switchTexts(c, spec.Key)
		if v >= 0.5 {
			return on
		}
		return off
	case "cap":
		if v >= 1 {
			return c.t("round.lever.nocap")
		}
		return c.t("round.fmt.percent1", v*100)
	case "feed_share", "pool", "ad_load", "take_rate":
		return c.t("round.fmt.percent", v*100)
	case "openness", "feed_beta", "contact_fee":
		return c.t("round.fmt.decimal2", v)
	}
	return c.t("round.fmt.decimal1", v)
}

// docTitle returns a document's title, or its file name when untitled.
func docTitle(d *content.Document) string {
	if d.Title != "" {
		return d.Title
	}
	return d.File
}
