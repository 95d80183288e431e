package main

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/longtail-case/longtail/game/present"
	"github.com/longtail-case/longtail/game/sim"
)

// object is a JSON object that keeps its keys in the order given.
type object []member

type member struct {
	key   string
	value any
}

// MarshalJSON writes the members in order.
func (o object) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	b.WriteByte('{')
	for i, m := range o {
		if i > 0 {
			b.WriteByte(',')
		}
		k, err := json.Marshal(m.key)
		if err != nil {
			return nil, err
		}
		v, err := json.Marshal(m.value)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", m.key, err)
		}
		b.Write(k)
		b.WriteByte(':')
		b.Write(v)
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}

// num is a metric value in JSON: a number, or null when it is not finite
// (JSON has no NaN or infinity).
type num float64

// MarshalJSON writes the number, or null.
func (n num) MarshalJSON() ([]byte, error) {
	f := float64(n)
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return []byte("null"), nil
	}
	return json.Marshal(f)
}

// row is one line of output: a grid point at one round, every selected
// metric summarised over the seeds.
type row struct {
	point  *point
	round  int
	values []interval // one per selected metric
}

// rows summarises the points: one row per point (the final round), or
// with -series one per point and played round.
func rows(cfg config, pts []point) []row {
	var out []row
	for i := range pts {
		p := &pts[i]
		if !cfg.series {
			out = append(out, summarise(cfg, p, func(o outcome) sim.Report { return o.final }))
			continue
		}
		for r := range p.runs[0].series {
			out = append(out, summarise(cfg, p, func(o outcome) sim.Report { return o.series[r] }))
		}
	}
	return out
}

func summarise(cfg config, p *point, pick func(outcome) sim.Report) row {
	rw := row{point: p, round: pick(p.runs[0]).Round, values: make([]interval, len(cfg.metrics))}
	xs := make([]float64, len(p.runs))
	for m, name := range cfg.metrics {
		for s, o := range p.runs {
			xs[s], _ = pick(o).Metric(name)
		}
		rw.values[m] = tInterval(xs)
	}
	return rw
}

// render writes the result in the configured format.
func render(w io.Writer, cfg config, pts []point) error {
	switch cfg.format {
	case "json":
		return renderJSON(w, cfg, pts)
	case "csv":
		return renderCSV(w, cfg, pts)
	}
	return renderTable(w, cfg, pts)
}

// metricsObject returns the row's metrics as a JSON object: numbers for a
// single seed, {mean, lo, hi} for several.
func metricsObject(cfg config, rw row) object {
	o := make(object, len(cfg.metrics))
	for i, name := range cfg.metrics {
		v := rw.values[i]
		if cfg.seeds > 1 {
			o[i] = member{name, object{{"mean", num(v.Mean)}, {"lo", num(v.Lo)}, {"hi", num(v.Hi)}}}
		} else {
			o[i] = member{name, num(v.Mean)}
		}
	}
	return o
}

func leversObject(l sim.Levers) object {
	var o object
	for _, s := range sim.LeverSpecs() {
		v, _ := l.Value(s.Key)
		o = append(o, member{s.Key, v})
	}
	return o
}

func renderJSON(w io.Writer, cfg config, pts []point) error {
	doc := object{{"scenario", cfg.name}}
	if cfg.seeds > 1 {
		seeds := make([]uint64, cfg.seeds)
		for i := range seeds {
			seeds[i] = cfg.seed + uint64(i)
		}
		doc = append(doc, member{"seeds", seeds})
	} else {
		doc = append(doc, member{"seed", cfg.seed})
	}
	doc = append(doc, member{"rounds", cfg.scenario.Rounds}, member{"burnin", cfg.scenario.BurnIn})
	if len(cfg.sets) > 0 {
		set := make(object, len(cfg.sets))
		for i, s := range cfg.sets {
			set[i] = member{s.key, s.value}
		}
		doc = append(doc, member{"set", set})
	}
	all := rows(cfg, pts)
	perPoint := len(all) / len(pts)
	run := func(i int) object {
		p := &pts[i]
		rs := all[i*perPoint : (i+1)*perPoint]
		o := object{{"levers", leversObject(p.scenario.Levers)}, {"metrics", metricsObject(cfg, rs[len(rs)-1])}}
		if cfg.series {
			series := make([]object, len(rs))
			for r, rw := range rs {
				series[r] = append(object{{"round", rw.round}}, metricsObject(cfg, rw)...)
			}
			o = append(o, member{"series", series})
		}
		return o
	}
	if len(cfg.axes) == 0 {
		doc = append(doc, run(0)...)
	} else {
		sweep := make([]object, len(cfg.axes))
		for i, a := range cfg.axes {
			sweep[i] = object{{"key", a.key}, {"from", a.from}, {"to", a.to}, {"steps", a.steps}}
		}
		runs := make([]object, len(pts))
		for i, p := range pts {
			at := make(object, len(cfg.axes))
			for j, a := range cfg.axes {
				at[j] = member{a.key, p.values[j]}
			}
			runs[i] = append(object{{"point", at}}, run(i)...)
		}
		doc = append(doc, member{"sweep", sweep}, member{"runs", runs})
	}
	b, err := json.MarshalIndent(doc, "", "  ")
	if err != nil {
		return fmt.Errorf("json: %w", err)
	}
	b = append(b, '\n')
	_, err = w.Write(b)
	return err
}

func renderCSV(w io.Writer, cfg config, pts []point) error {
	cw := csv.NewWriter(w)
	var head []string
	for _, a := range cfg.axes {
		head = append(head, a.key)
	}
	head = append(head, "round")
	for _, m := range cfg.metrics {
		if cfg.seeds > 1 {
			head = append(head, m+"_mean", m+"_lo", m+"_hi")
		} else {
			head = append(head, m)
		}
	}
	if err := cw.Write(head); err != nil {
		return err
	}
	for _, rw := range rows(cfg, pts) {
		rec := make([]string, 0, len(head))
		for _, v := range rw.point.values {
			rec = append(rec, csvNumber(v))
		}
		rec = append(rec, strconv.Itoa(rw.round))
		for _, v := range rw.values {
			if cfg.seeds > 1 {
				rec = append(rec, csvNumber(v.Mean), csvNumber(v.Lo), csvNumber(v.Hi))
			} else {
				rec = append(rec, csvNumber(v.Mean))
			}
		}
		if err := cw.Write(rec); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// csvNumber formats a number exactly (the shortest text that reads back
// as the same float64).
func csvNumber(v float64) string { return strconv.FormatFloat(v, 'g', -1, 64) }

// tableNumber formats a grid value of a -sweep axis for reading, as the
// user typed it: whole numbers whole, large numbers with one decimal,
// others with four significant digits. (Metrics are written as the game
// writes them: metricText.)
func tableNumber(v float64) string {
	switch {
	case math.IsNaN(v) || math.IsInf(v, 0):
		return strconv.FormatFloat(v, 'g', -1, 64)
	case v == math.Trunc(v) && math.Abs(v) < 1e15:
		return strconv.FormatFloat(v, 'f', 0, 64)
	case math.Abs(v) >= 1000:
		return strconv.FormatFloat(v, 'f', 1, 64)
	}
	return strconv.FormatFloat(v, 'g', 4, 64)
}

// metricText writes a metric's value in the table as the game and the
// debrief write it (package present): a share as a percentage, money
// grouped by thousands. Over several seeds the value is a mean or a bound
// of its interval, so counts get a decimal (present's Mean).
func metricText(f present.Formatter, cfg config, name string, v float64) string {
	if cfg.seeds > 1 {
		return f.Mean(name, v)
	}
	return f.Value(name, v)
}

// title describes the run in one line.
func title(cfg config) string {
	var b strings.Builder
	fmt.Fprintf(&b, "scenario %s, ", cfg.name)
	if cfg.seeds > 1 {
		fmt.Fprintf(&b, "seeds %d-%d, ", cfg.seed, cfg.seed+uint64(cfg.seeds-1))
	} else {
		fmt.Fprintf(&b, "seed %d, ", cfg.seed)
	}
	fmt.Fprintf(&b, "%d rounds after %d burn-in", cfg.scenario.Rounds, cfg.scenario.BurnIn)
	for _, s := range cfg.sets {
		fmt.Fprintf(&b, ", %s=%g", s.key, s.value)
	}
	return b.String()
}

func renderTable(w io.Writer, cfg config, pts []point) error {
	var b bytes.Buffer
	b.WriteString(title(cfg))
	b.WriteByte('\n')
	all := rows(cfg, pts)
	f := present.For(nil)
	var cells [][]string
	left := 1 // left-aligned leading columns
	if len(cfg.axes) == 0 && !cfg.series {
		if cfg.seeds > 1 {
			fmt.Fprintf(&b, "final round %d: mean and 95%% interval over %d seeds\n\n", all[0].round, cfg.seeds)
			cells = append(cells, []string{"metric", "mean", "lo", "hi"})
		} else {
			fmt.Fprintf(&b, "final round %d\n\n", all[0].round)
			cells = append(cells, []string{"metric", "value"})
		}
		for i, m := range cfg.metrics {
			v := all[0].values[i]
			if cfg.seeds > 1 {
				cells = append(cells, []string{m, metricText(f, cfg, m, v.Mean), metricText(f, cfg, m, v.Lo), metricText(f, cfg, m, v.Hi)})
			} else {
				cells = append(cells, []string{m, metricText(f, cfg, m, v.Mean)})
			}
		}
	} else {
		left = 0
		if cfg.seeds > 1 {
			fmt.Fprintf(&b, "means over %d seeds (-format csv or json gives 95%% intervals)\n", cfg.seeds)
		}
		b.WriteByte('\n')
		var head []string
		for _, a := range cfg.axes {
			head = append(head, a.key)
		}
		head = append(head, "round")
		head = append(head, cfg.metrics...)
		cells = append(cells, head)
		for _, rw := range all {
			var line []string
			for _, v := range rw.point.values {
				line = append(line, tableNumber(v))
			}
			line = append(line, strconv.Itoa(rw.round))
			for i, v := range rw.values {
				line = append(line, metricText(f, cfg, cfg.metrics[i], v.Mean))
			}
			cells = append(cells, line)
		}
	}
	writeGrid(&b, cells, left)
	_, err := w.Write(b.Bytes())
	return err
}

// writeGrid writes cells as aligned columns two spaces apart: the first
// left columns aligned left, the others right.
func writeGrid(b *bytes.Buffer, cells [][]string, left int) {
	var widths []int
	for _, line := range cells {
		for i, c := range line {
			if i == len(widths) {
				widths = append(widths, 0)
			}
			widths[i] = max(widths[i], utf8.RuneCountInString(c))
		}
	}
	for _, line := range cells {
		for i, c := range line {
			pad := strings.Repeat(" ", widths[i]-utf8.RuneCountInString(c))
			if i > 0 {
				b.WriteString("  ")
			}
			if i < left {
				b.WriteString(c)
				if i < len(line)-1 {
					b.WriteString(pad)
				}
			} else {
				b.WriteString(pad + c)
			}
		}
		b.WriteByte('\n')
	}
}

// renderProviders writes the provider table as CSV.
func renderProviders(w io.Writer, ps []sim.Provider) error {
	cw := csv.NewWriter(w)
	if err := cw.Write([]string{"id", "kind", "born_round", "quality", "popularity", "visits_last_round", "cash", "multihoming"}); err != nil {
		return err
	}
	for _, p := range ps {
		mh := "0"
		if p.Multihoming {
			mh = "1"
		}
		rec := []string{strconv.Itoa(p.ID), p.Kind.String(), strconv.Itoa(p.Born),
			csvNumber(p.Quality), csvNumber(p.Popularity), csvNumber(p.Visits), csvNumber(p.Cash), mh}
		if err := cw.Write(rec); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}
