//go:build js

package page

import (
	"syscall/js"

	"github.com/longtail-case/longtail/game/present"
	"github.com/longtail-case/longtail/game/sim"
)

// Bridge connects the game to the web page around it: publish sets
// window.longtail and hands the same object to window.longtailPublish when
// the page's loader defines it; the loader fills the metrics table, the
// goals table and the polite live region from it.
type Bridge struct {
	memory  *bridgeMemory     // nil in a zero bridge, which publishes every time
	present present.Formatter // writes the tables' values; a zero bridge writes English
}

// bridgeMemory is what the bridge last published.
type bridgeMemory struct {
	published bool
	last      State
}

// MarkStartup records that the start-up step name ended, in milliseconds
// since the epoch, in window.longtailTiming beside the loader's own marks
// (web/play.js; the budgets test reports them as a table). A step already
// marked keeps its first time.
func MarkStartup(name string) {
	global := js.Global()
	t := global.Get("longtailTiming")
	if t.Type() != js.TypeObject || t.Get(name).Truthy() {
		return
	}
	perf := global.Get("performance")
	t.Set(name, perf.Get("timeOrigin").Float()+perf.Call("now").Float())
}

// NewBridge returns the bridge for this platform; f writes the metrics
// and goals tables (the game's catalog, so the page reads like the game).
func NewBridge(f present.Formatter) Bridge { return Bridge{memory: &bridgeMemory{}, present: f} }

// SetPresent makes the bridge write the tables with f from now on (the
// student switched language).
func (b *Bridge) SetPresent(f present.Formatter) { b.present = f }

// Publish shows s on the page. It calls into the browser only when s
// differs from what was last published; the first call marks the page
// ready (window.longtail.ready becomes true).
func (b Bridge) Publish(s State) {
	if m := b.memory; m != nil {
		if m.published && samePage(m.last, s) {
			return
		}
		m.published, m.last = true, copyPage(s)
	}
	f := b.present
	if f.Catalog() == nil {
		f = present.For(nil)
	}
	v := js.ValueOf(pageObject(f, s))
	global := js.Global()
	global.Set("longtail", v)
	if f := global.Get("longtailPublish"); f.Type() == js.TypeFunction {
		f.Invoke(v)
	}
}

// pageObject returns the page state, its tables written by f, as plain values that js.ValueOf accepts:
// {ready, scene, chapter, round, metrics: {snake_case: number}, rows:
// [{key, label, value}], goals: [{label, value, met}], why: null or
// {goals, baseline, played, contributions: [{lever, values}], luck:
// [{goal, policy, baseline, own}]}, announce}.
func pageObject(f present.Formatter, s State) map[string]any {
	metrics := map[string]any{}
	if s.Report != nil {
		for _, name := range sim.MetricNames() {
			v, _ := s.Report.Metric(name)
			metrics[name] = v
		}
	}
	rows := []any{}
	for _, r := range pageRows(f, s.Report) {
		rows = append(rows, map[string]any{"key": r.Key, "label": r.Label, "value": r.Value})
	}
	goals := []any{}
	for _, g := range pageGoals(f, s.Goals) {
		goals = append(goals, map[string]any{"label": g.Label, "value": g.Value, "met": g.Met})
	}
	var why any // null until the results screen's analysis is done
	if w := s.Why; w != nil {
		strs := func(xs []string) []any {
			out := make([]any, len(xs))
			for i, x := range xs {
				out[i] = x
			}
			return out
		}
		contrib := []any{}
		for _, c := range w.Contributions {
			contrib = append(contrib, map[string]any{"lever": c.Lever, "values": strs(c.Values)})
		}
		luck := []any{}
		for _, l := range w.Luck {
			luck = append(luck, map[string]any{"goal": l.Goal, "policy": l.Policy, "baseline": l.Baseline, "own": l.Own})
		}
		why = map[string]any{"goals": strs(w.Goals), "baseline": strs(w.Baseline), "played": strs(w.Played), "contributions": contrib, "luck": luck}
	}
	return map[string]any{
		"why":      why,
		"ready":    true,
		"scene":    s.Scene,
		"chapter":  s.Chapter,
		"round":    s.Round,
		"metrics":  metrics,
		"rows":     rows,
		"goals":    goals,
		"announce": s.Announce,
		"lang":     s.Lang,
	}
}
