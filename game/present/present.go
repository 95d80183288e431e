// Package present writes the model's metrics and levers for reading, the
// same way everywhere: the game's screens, the web page around the game,
// the class debrief and the command-line tools. What a metric or a lever
// is — its unit, the decimals it is written with, the catalog id of its
// name — is data beside the model's own tables (sim.MetricSpecs,
// sim.LeverSpecs); this package turns that data and a value into text,
// taking words, the thousands separator and the decimal point from an
// i18n.Catalog.
//
// It is pure: it imports only the standard library, game/sim and
// game/i18n (never ebiten), keeps no state and does no I/O, so a test or
// a command-line tool gets exactly the strings a screen shows.
package present

import (
	"math"
	"strconv"
	"strings"

	"github.com/longtail-case/longtail/game/i18n"
	"github.com/longtail-case/longtail/game/sim"
)

// Missing is what a value that is not a number (NaN, ±Inf) reads.
const Missing = "–"

// Minus is the sign of a negative number: U+2212, the typographic minus,
// as wide as the plus sign, rather than the hyphen.
const Minus = "−"

// Formatter writes values in one catalog's language. The zero value is
// not usable; make one with For. It is a small value, cheap to copy.
type Formatter struct {
	cat   *i18n.Catalog
	sep   string // thousands separator, e.g. ","
	point string // decimal point, e.g. "."
}

// For returns the formatter of cat; a nil cat writes English. A catalog
// without a thousands separator (round.fmt.thousands) or a decimal point
// (present.point) gets the English "," and ".".
func For(cat *i18n.Catalog) Formatter {
	if cat == nil {
		cat, _ = i18n.New("en") // English always exists
	}
	f := Formatter{cat: cat, sep: ",", point: "."}
	if cat.Has("round.fmt.thousands") {
		f.sep = cat.T("round.fmt.thousands")
	}
	if cat.Has("present.point") {
		f.point = cat.T("present.point")
	}
	return f
}

// percent writes a number already written as a percentage ("31.4%").
func (f Formatter) percent(n string) string {
	if f.cat.Has("present.percent") {
		return f.cat.T("present.percent", n)
	}
	return n + "%"
}

// Catalog returns the catalog the formatter takes its words from.
func (f Formatter) Catalog() *i18n.Catalog { return f.cat }

// Label returns a metric's name for reading, e.g. "User share"; an
// unknown metric, or one the catalog does not name, reads as its key.
func (f Formatter) Label(name string) string {
	if s, ok := sim.MetricSpecOf(name); ok && f.cat.Has(s.Label) {
		return f.cat.T(s.Label)
	}
	return name
}

// Description returns a metric's longer name, as the page's table of
// metrics shows it, e.g. "Platform's share of users"; a metric the catalog
// does not describe reads as its Label.
func (f Formatter) Description(name string) string {
	if id := "page.metric." + name; f.cat.Has(id) {
		return f.cat.T("page.metric." + name)
	}
	return f.Label(name)
}

// LeverLabel returns a lever's name for reading, e.g. "Take rate"; an
// unknown lever reads as its key.
func (f Formatter) LeverLabel(key string) string {
	if s, ok := sim.Spec(key); ok && f.cat.Has(s.Label) {
		return f.cat.T(s.Label)
	}
	return key
}

// metric returns the spec of a metric; an unknown name is an index with
// two decimals.
func metric(name string) sim.MetricSpec {
	if s, ok := sim.MetricSpecOf(name); ok {
		return s
	}
	return sim.MetricSpec{Name: name, Unit: sim.UnitIndex, Decimals: 2}
}

// Value writes one value of the named metric at the metric's precision: a
// share as a percentage ("75.6%"), money, counts and indices as numbers
// grouped by thousands ("12,346", "0.853"). NaN and infinities read as
// Missing.
func (f Formatter) Value(name string, v float64) string {
	s := metric(name)
	return f.unit(s.Unit, v, s.Decimals)
}

// Mean writes a mean of the named metric over rounds or seeds: like
// Value, except that counts and rounds, whole in any one round, get one
// decimal ("3.4 exits a round").
func (f Formatter) Mean(name string, v float64) string {
	s := metric(name)
	d := s.Decimals
	if s.Unit == sim.UnitCount || s.Unit == sim.UnitRounds {
		d++
	}
	return f.unit(s.Unit, v, d)
}

// Judged writes the value a goal was judged on (sim.Goal.Check's): a mean
// for a goal on the mean over the rounds, a value otherwise.
func (f Formatter) Judged(g sim.Goal, v float64) string {
	if g.When == sim.Mean {
		return f.Mean(g.Metric, v)
	}
	return f.Value(g.Metric, v)
}

// Threshold writes a goal's threshold on the named metric: at least the
// metric's precision, more where the threshold needs it (a mean of 3.5
// exits), without trailing zeros, so that 0.76 reads "76%" and 60000
// "60,000".
func (f Formatter) Threshold(name string, v float64) string {
	s := metric(name)
	if !finite(v) {
		return Missing
	}
	x := v
	if s.Unit == sim.UnitShare {
		x = v * 100
	}
	d := s.Decimals
	for ; d < s.Decimals+4; d++ {
		r, _ := strconv.ParseFloat(strconv.FormatFloat(x, 'f', d, 64), 64)
		if math.Abs(r-x) <= 1e-9*math.Max(1, math.Abs(x)) {
			break
		}
	}
	n := trimZeros(Group(x, d, f.sep, f.point), f.point)
	if s.Unit == sim.UnitShare {
		return f.percent(n)
	}
	return n
}

// Gap writes how far apart two values of the named metric are, without a
// sign, at the metric's precision: a share in percentage points ("4.5
// pts"), other metrics as numbers ("1,204"); a missed goal's shortfall.
func (f Formatter) Gap(name string, d float64) string {
	if !finite(d) {
		return Missing
	}
	s := metric(name)
	if s.Unit == sim.UnitShare {
		return f.cat.T("results.why.points", Group(math.Abs(d)*100, s.Decimals, f.sep, f.point))
	}
	return Group(math.Abs(d), s.Decimals, f.sep, f.point)
}

// Change writes a change of the named metric with its sign, at the
// metric's precision: a share in percentage points ("+1.2 pts"), other
// metrics as numbers ("+7,905", "−0.012"). zero reports that the change
// rounds to nothing at that precision; it then reads "±0" ("±0.0 pts").
// NaN and infinities read as Missing, and count as zero.
func (f Formatter) Change(name string, d float64) (text string, zero bool) {
	if !finite(d) {
		return Missing, true
	}
	s := metric(name)
	a := math.Abs(d)
	if s.Unit == sim.UnitShare {
		a *= 100
	}
	n := Group(a, s.Decimals, f.sep, f.point)
	zero = strings.Trim(n, "0"+f.sep+f.point) == ""
	if s.Unit == sim.UnitShare {
		n = f.cat.T("results.why.points", n)
	}
	switch {
	case zero:
		return "±" + n, true
	case d < 0:
		return Minus + n, false
	}
	return "+" + n, false
}

// Lever writes a lever's value as the lever panel shows it: a share as a
// percentage ("65%"), a switch by its state ("On", "By exposure"), a cap
// at its maximum as "None", other levers as numbers at the step's
// precision ("0.60", "1.0"). An unknown lever is a number with two
// decimals.
func (f Formatter) Lever(key string, v float64) string {
	s, ok := sim.Spec(key)
	if !ok {
		return f.Number(v, 2)
	}
	return f.lever(s, v, s.Decimals)
}

// LeverMean writes a lever's mean over rounds: a switch as the share of
// rounds it was on ("40%"), other levers like Lever with one more decimal,
// since a mean lies between the control's steps.
func (f Formatter) LeverMean(key string, v float64) string {
	s, ok := sim.Spec(key)
	if !ok {
		return f.Number(v, 2)
	}
	if s.Unit == sim.UnitSwitch {
		return f.unit(sim.UnitShare, v, 0)
	}
	return f.lever(s, v, s.Decimals+1)
}

func (f Formatter) lever(s sim.LeverSpec, v float64, d int) string {
	switch {
	case !finite(v):
		return Missing
	case s.Unit == sim.UnitSwitch:
		if v >= 0.5 {
			return f.cat.T(s.OnLabel)
		}
		return f.cat.T(s.OffLabel)
	case s.NoneLabel != "" && v >= s.Max:
		return f.cat.T(s.NoneLabel)
	}
	return f.unit(s.Unit, v, d)
}

// Row is one metric of a report as a table shows it: its snake_case key,
// its longer name (Description) and its value (Value).
type Row struct {
	Key, Label, Value string
}

// Rows returns the table of every metric of a report, in report order
// (the web page's table of metrics; one row per sim.MetricNames name).
func (f Formatter) Rows(r sim.Report) []Row {
	names := sim.MetricNames()
	rows := make([]Row, len(names))
	for i, name := range names {
		v, _ := r.Metric(name)
		rows[i] = Row{Key: name, Label: f.Description(name), Value: f.Value(name, v)}
	}
	return rows
}

// unit writes v in the unit with d decimals.
func (f Formatter) unit(u sim.Unit, v float64, d int) string {
	if !finite(v) {
		return Missing
	}
	if u == sim.UnitShare {
		return f.percent(Group(v*100, d, f.sep, f.point))
	}
	return Group(v, d, f.sep, f.point)
}

// Number writes v with the given decimals (0–15), grouped by thousands
// in the catalog's way; NaN and infinities read as Missing.
func (f Formatter) Number(v float64, decimals int) string {
	if !finite(v) {
		return Missing
	}
	return Group(v, decimals, f.sep, f.point)
}

// Percent writes a share in [0,1] as a percentage with the given decimals
// of the percentage, e.g. Percent(0.314, 1) = "31.4%".
func (f Formatter) Percent(share float64, decimals int) string {
	return f.unit(sim.UnitShare, share, decimals)
}

// Group writes v rounded to the given decimals (0–15; more are treated as
// 15, fewer as 0), with sep between each three digits of the whole part
// and point before the decimals: Group(-12345.678, 1, ",", ".") is
// "−12,345.7". A negative number takes Minus (U+2212), unless it rounds to
// zero; an empty sep does not group. NaN and infinities read "NaN",
// "+Inf" and "−Inf" (callers that show them to a person use Missing).
func Group(v float64, decimals int, sep, point string) string {
	decimals = min(max(decimals, 0), 15)
	switch {
	case math.IsNaN(v):
		return "NaN"
	case math.IsInf(v, 1):
		return "+Inf"
	case math.IsInf(v, -1):
		return Minus + "Inf"
	}
	s := strconv.FormatFloat(math.Abs(v), 'f', decimals, 64)
	whole, frac := s, ""
	if i := strings.IndexByte(s, '.'); i >= 0 {
		whole, frac = s[:i], s[i+1:]
	}
	var b strings.Builder
	b.Grow(len(s) + len(s)/3*len(sep) + len(Minus))
	if v < 0 && strings.Trim(s, "0.") != "" {
		b.WriteString(Minus)
	}
	for i := 0; i < len(whole); i++ {
		if i > 0 && (len(whole)-i)%3 == 0 {
			b.WriteString(sep)
		}
		b.WriteByte(whole[i])
	}
	if frac != "" {
		b.WriteString(point)
		b.WriteString(frac)
	}
	return b.String()
}

// trimZeros drops the trailing zeros of the decimals of n, and the point
// when no decimal is left.
func trimZeros(n, point string) string {
	i := strings.LastIndex(n, point)
	if point == "" || i < 0 {
		return n
	}
	n = strings.TrimRight(n, "0")
	return strings.TrimSuffix(n, point)
}

func finite(v float64) bool { return !math.IsNaN(v) && !math.IsInf(v, 0) }
