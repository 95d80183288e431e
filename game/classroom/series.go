package classroom

import (
	"bytes"
	"encoding/csv"
	"strconv"
	"strings"

	"github.com/longtail-case/longtail/game/play"
	"github.com/longtail-case/longtail/game/sim"
)

// SeriesCSV returns the per-round series of the sessions as CSV, the file
// students can export beside their submission for their own charts: one
// line per played round with the chapter, the round, every lever in effect
// that round (sim.LeverSpecs order) and every metric (sim.MetricNames
// order). Numbers are written in full precision.
func SeriesCSV(sessions []*play.Session) []byte {
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	specs := sim.LeverSpecs()
	names := sim.MetricNames()
	head := []string{"chapter", "round"}
	for _, s := range specs {
		head = append(head, s.Key)
	}
	w.Write(append(head, names...))
	for _, ss := range sessions {
		sc, err := ss.Setup().Scenario()
		if err != nil {
			continue
		}
		lev := sc.Levers
		log := ss.Log()
		j := 0
		for i, r := range ss.Played() {
			for ; j < len(log) && log[j].Round <= i+1; j++ {
				lev.Set(log[j].Lever, log[j].Value) // the session accepted it, so it is valid
			}
			line := []string{strconv.Itoa(ss.Chapter()), strconv.Itoa(i + 1)}
			for _, s := range specs {
				v, _ := lev.Value(s.Key)
				line = append(line, num(v))
			}
			for _, n := range names {
				v, _ := r.Metric(n)
				line = append(line, num(v))
			}
			w.Write(line)
		}
	}
	w.Flush()
	return buf.Bytes()
}

// SeriesFileName returns the name the series CSV is saved under, beside
// the submission: FileName with "-rounds.csv" for ".json".
func (s Submission) SeriesFileName() string {
	return strings.TrimSuffix(s.FileName(), ".json") + "-rounds.csv"
}
