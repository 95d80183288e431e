package classroom

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"html/template"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/longtail-case/longtail/content"
	"github.com/longtail-case/longtail/game/present"
	"github.com/longtail-case/longtail/game/sim"
)

// Debrief returns the class debrief page: one self-contained HTML file (no
// scripts, fonts or images from elsewhere; charts are inline SVG) showing
// the verified submissions side by side — goal hit rates per chapter,
// lever choices against outcomes, the distributions of concentration and
// innovation, everyone's concentration curves, the frontier of the sweep
// with the students on it, and the reflections per prompt without names.
// Every string from an assignment, a submission or the content is
// escaped. frontiers may be nil (no sweep). Metric and lever values,
// names and goal thresholds read as the game writes them (package
// present, in English).
func Debrief(a Assignment, docs []content.Document, rows []Row, frontiers []Frontier) ([]byte, error) {
	setups, err := a.Setups(docs)
	if err != nil {
		return nil, err
	}
	f := present.For(nil)
	page := debriefPage{
		Title: a.Title, Course: a.Course, Hash: a.ShortHash(), Engine: EngineVersion,
		Files: len(rows), PerStudent: a.PerStudentSeed, Seed: a.BaseSeed,
	}
	for _, r := range rows {
		if r.Verified {
			page.Verified++
		}
	}
	page.Failed = page.Files - page.Verified
	for ci, setup := range setups {
		n := a.Chapters[ci].Number
		ch := chapterView{Number: n, Name: chapterName(docs, n), Rounds: roundsOf(setup)}
		var played []Played
		for _, r := range rows {
			if !r.Verified {
				continue
			}
			for _, p := range r.Play {
				if p.Chapter == n && p.Complete {
					played = append(played, p)
				}
			}
		}
		ch.Students = len(played)
		ch.Goals = hitRates(f, setup, played)
		ch.HitChart = hitChart(n, ch.Goals)
		ch.Scatters = scatters(f, setup, played)
		ch.Skill, ch.SkillRows = skillChart(n, rows)
		ch.ClassHead, ch.ClassRows = classTable(f, setup, played)
		ch.Dists = []template.HTML{
			histogram(fmt.Sprintf("Chapter %d: concentration (Gini of traffic) at the end", n), "Gini of traffic at the end (0 even – 1 concentrated)", finals(played, "gini")),
			histogram(fmt.Sprintf("Chapter %d: innovation (surviving entrants) at the end", n), "surviving entrants in the last quarter", finals(played, "surviving_entrants")),
		}
		ch.DistTable = distTable(f, played)
		ch.Lorenz = lorenzChart(n, played)
		if ci < len(frontiers) && frontiers[ci].Chapter == n {
			ch.Frontier, ch.FrontierRows = frontierChart(f, frontiers[ci], played)
			ch.Swept = len(frontiers[ci].Points)
			ch.SweptLevers = strings.Join(frontiers[ci].Levers, ", ")
		}
		ch.Prompts = reflections(n, setup.Prompts, rows)
		page.Chapters = append(page.Chapters, ch)
	}
	var buf bytes.Buffer
	// Parsed here rather than at package initialisation, so programs that
	// never write a debrief (the game) do not link html/template.
	tmpl, err := template.New("debrief").Parse(debriefHTML)
	if err != nil {
		return nil, fmt.Errorf("classroom: debrief template: %w", err)
	}
	if err := tmpl.Execute(&buf, page); err != nil {
		return nil, fmt.Errorf("classroom: debrief: %w", err)
	}
	return buf.Bytes(), nil
}

type debriefPage struct {
	Title, Course, Hash, Engine string
	Files, Verified, Failed     int
	PerStudent                  bool
	Seed                        uint64
	Chapters                    []chapterView
}

type chapterView struct {
	Number       int
	Name         string
	Rounds       int
	Students     int
	Goals        []goalRate
	HitChart     template.HTML
	Skill        template.HTML // policy hit rate against goals met on the own seed
	SkillRows    [][]string    // its data, sorted, no names
	Scatters     []template.HTML
	ClassHead    []string   // columns of the class table: levers, then goal measures
	ClassRows    [][]string // one row per student, anonymous, in an order fixed by the numbers
	Dists        []template.HTML
	DistTable    []distRow
	Lorenz       template.HTML
	Frontier     template.HTML
	FrontierRows []frontierRow
	Swept        int
	SweptLevers  string
	Prompts      []promptView
}

type goalRate struct {
	Label string
	Met   int
	Of    int
	Pct   string
}

type distRow struct{ Metric, Min, Median, Max string }

type frontierRow struct{ X, Y, Levers string }

type promptView struct {
	Prompt  string
	Answers []string
}

// chapterName returns the chapter's heading, e.g. "Chapter 1: Born Open".
func chapterName(docs []content.Document, n int) string {
	for _, d := range docs {
		if m, ok := ChapterNumber(d.File); ok && m == n && d.Title != "" {
			if strings.HasPrefix(d.Title, "Chapter") {
				return d.Title
			}
			return fmt.Sprintf("Chapter %d: %s", n, d.Title)
		}
	}
	return fmt.Sprintf("Chapter %d", n)
}

func roundsOf(s sim.Setup) int {
	sc, err := s.Scenario()
	if err != nil {
		return s.Rounds
	}
	return sc.Rounds
}

// goalLabel returns a goal's label, or one made of its metric's name,
// comparison and threshold, e.g. "User share ≥ 76% (end)".
func goalLabel(f present.Formatter, g sim.Goal) string {
	if g.Label != "" {
		return g.Label
	}
	op := f.Catalog().T("round.goal.op.ge")
	if g.Op == "<=" {
		op = f.Catalog().T("round.goal.op.le")
	}
	return fmt.Sprintf("%s %s %s (%s)", f.Label(g.Metric), op, f.Threshold(g.Metric, g.Value), whenOf(g.When))
}

// goalColumn names a goal's measure in a table or on an axis, e.g.
// "User share (end)".
func goalColumn(f present.Formatter, g sim.Goal) string {
	return fmt.Sprintf("%s (%s)", f.Label(g.Metric), whenOf(g.When))
}

// hitRates counts, for each goal, the students who met it.
func hitRates(f present.Formatter, setup sim.Setup, played []Played) []goalRate {
	out := make([]goalRate, len(setup.Goals))
	for i, g := range setup.Goals {
		out[i] = goalRate{Label: goalLabel(f, g), Of: len(played)}
		for _, p := range played {
			if i < len(p.Goals) && p.Goals[i].Met {
				out[i].Met++
			}
		}
		out[i].Pct = "–"
		if out[i].Of > 0 {
			out[i].Pct = strconv.Itoa(int(math.Round(100*float64(out[i].Met)/float64(out[i].Of)))) + "%"
		}
	}
	return out
}

func hitChart(n int, goals []goalRate) template.HTML {
	if len(goals) == 0 {
		return ""
	}
	const rowH, left, width = 56.0, 8.0, 600.0
	p := &plot{w: left + width + 80, h: float64(len(goals))*rowH + 8}
	for i, g := range goals {
		y := float64(i) * rowH
		frac := 0.0
		if g.Of > 0 {
			frac = float64(g.Met) / float64(g.Of)
		}
		p.text(left, y+20, truncate(g.Label, 72), "start", "barlabel")
		p.rect(left, y+28, width, 20, "track")
		p.rect(left, y+28, frac*width, 20, "bar")
		p.text(left+width+8, y+44, g.Pct, "start", "barlabel")
	}
	return p.svg(fmt.Sprintf("Chapter %d: share of students who met each goal", n))
}

// skillChart plots, for the chapter's analysed rows (AnalyseRows), each
// student's policy hit rate against the share of goals met on their own
// seed, with the diagonal where the two agree; rows are the same numbers
// sorted by value, so their order names nobody.
func skillChart(n int, rows []Row) (template.HTML, [][]string) {
	var xs, ys []float64
	var table [][]string
	for _, r := range rows {
		if !r.Verified {
			continue
		}
		for _, y := range r.Why {
			if y.Chapter != n || math.IsNaN(y.PolicyHitRate) || math.IsNaN(y.OwnHitRate) {
				continue
			}
			xs = append(xs, y.PolicyHitRate)
			ys = append(ys, y.OwnHitRate)
			table = append(table, []string{decimal(y.PolicyHitRate, 2), decimal(y.BaselineHitRate, 2), decimal(y.OwnHitRate, 2), decimal(y.Luck, 0)})
		}
	}
	if len(xs) == 0 {
		return "", nil
	}
	slices.SortFunc(table, func(a, b []string) int { return strings.Compare(strings.Join(a, "\x00"), strings.Join(b, "\x00")) })
	p := newPlot(460, 340, 0, 1, 0, 1, "policy hit rate over 32 other worlds (skill)", "goals met on own world")
	p.line(p.X(0), p.Y(0), p.X(1), p.Y(1), "threshold")
	p.text(p.X(0.03), p.Y(0.95), "luckier than the policy", "start", "note")
	p.text(p.X(0.97), p.Y(0.03)-6, "unluckier than the policy", "end", "note")
	for i := range xs {
		p.circle(p.X(xs[i]), p.Y(ys[i]), 5, "dot")
	}
	return p.svg(fmt.Sprintf("Chapter %d: skill (policy hit rate) against the outcome on the student's own seed, one dot per student", n)), table
}

// scatters draws, for every goal metric and every lever the students
// actually varied, the lever's mean against the goal's judged value.
func scatters(f present.Formatter, setup sim.Setup, played []Played) []template.HTML {
	var out []template.HTML
	if len(played) == 0 {
		return nil
	}
	for gi, g := range setup.Goals {
		for _, k := range setup.Unlocked {
			xs, ys := make([]float64, 0, len(played)), make([]float64, 0, len(played))
			for _, p := range played {
				v, ok := p.Levers[k]
				if !ok || gi >= len(p.Goals) {
					continue
				}
				xs = append(xs, v)
				ys = append(ys, p.Goals[gi].Value)
			}
			if len(xs) == 0 || slices.Min(xs) == slices.Max(xs) {
				continue
			}
			spec, _ := sim.Spec(k)
			x0, x1 := spec.PanelMin, spec.PanelMax
			y0, y1 := extent(ys, []float64{g.Value})
			p := newPlot(420, 300, x0, x1, y0, y1, "mean "+f.LeverLabel(k)+" over the quarters", goalColumn(f, g))
			p.line(p.left, p.Y(g.Value), p.right, p.Y(g.Value), "threshold")
			ly := p.Y(g.Value) - 6
			if ly < p.top+14 {
				ly = p.Y(g.Value) + 16 // below the line when it runs along the top
			}
			p.text(p.right-4, ly, "goal "+g.Op+" "+tickLabel(g.Value), "end", "note")
			for i := range xs {
				p.circle(p.X(xs[i]), p.Y(ys[i]), 5, "dot")
			}
			out = append(out, p.svg(fmt.Sprintf("%s against mean %s, one dot per student", f.Label(g.Metric), f.LeverLabel(k))))
		}
	}
	return out
}

// classTable is the data behind the scatters: each student's mean levers
// and goal measures, rows sorted by their content so the order says
// nothing about who is who.
func classTable(f present.Formatter, setup sim.Setup, played []Played) (head []string, rows [][]string) {
	if len(played) == 0 {
		return nil, nil
	}
	var levers []string
	for _, k := range setup.Unlocked {
		if setup.Unlocks(k) {
			levers = append(levers, k)
			head = append(head, "mean "+f.LeverLabel(k))
		}
	}
	for _, g := range setup.Goals {
		head = append(head, goalColumn(f, g))
	}
	for _, p := range played {
		var row []string
		for _, k := range levers {
			row = append(row, f.LeverMean(k, p.Levers[k]))
		}
		for i, g := range setup.Goals {
			if i < len(p.Goals) {
				row = append(row, f.Judged(g, p.Goals[i].Value))
			} else {
				row = append(row, "")
			}
		}
		rows = append(rows, row)
	}
	slices.SortFunc(rows, func(a, b []string) int { return slices.Compare(a, b) })
	return head, rows
}

func finals(played []Played, metric string) []float64 {
	var out []float64
	for _, p := range played {
		if v, ok := p.Final[metric]; ok && !math.IsNaN(v) && !math.IsInf(v, 0) {
			out = append(out, v)
		}
	}
	return out
}

// histogram draws the distribution of vs in up to 12 bins.
func histogram(title, xTitle string, vs []float64) template.HTML {
	if len(vs) == 0 {
		return ""
	}
	lo, hi := slices.Min(vs), slices.Max(vs)
	bins := min(12, max(1, int(math.Ceil(math.Sqrt(float64(len(vs)))))))
	if hi == lo {
		lo, hi = lo-0.5, hi+0.5
		bins = 1
	}
	counts := make([]int, bins)
	for _, v := range vs {
		i := min(bins-1, int(float64(bins)*(v-lo)/(hi-lo)))
		counts[i]++
	}
	top := float64(slices.Max(counts))
	p := newPlot(420, 260, lo, hi, 0, top, xTitle, "students")
	w := (hi - lo) / float64(bins)
	for i, c := range counts {
		x := p.X(lo + float64(i)*w)
		p.rect(x+1, p.Y(float64(c)), p.X(lo+float64(i+1)*w)-x-2, p.bottom-p.Y(float64(c)), "bar")
	}
	return p.svg(title)
}

func distTable(f present.Formatter, played []Played) []distRow {
	var out []distRow
	for _, m := range []string{"gini", "long_tail_share", "surviving_entrants", "breakthroughs", "cumulative_revenue", "user_share"} {
		vs := finals(played, m)
		if len(vs) == 0 {
			continue
		}
		slices.Sort(vs)
		med := vs[len(vs)/2]
		if len(vs)%2 == 0 {
			med = (vs[len(vs)/2-1] + vs[len(vs)/2]) / 2
		}
		out = append(out, distRow{f.Label(m), f.Value(m, vs[0]), f.Value(m, med), f.Value(m, vs[len(vs)-1])})
	}
	return out
}

// lorenzChart draws every student's concentration curve at the chapter's end.
func lorenzChart(n int, played []Played) template.HTML {
	if len(played) == 0 {
		return ""
	}
	p := newPlot(420, 360, 0, 1, 0, 1, "providers, smallest to largest (share)", "share of traffic")
	p.line(p.X(0), p.Y(0), p.X(1), p.Y(1), "diagonal")
	for _, pl := range played {
		xs := make([]float64, len(pl.Lorenz))
		for i := range xs {
			xs[i] = float64(i) / float64(len(xs)-1)
		}
		p.polyline(xs, pl.Lorenz, "curve")
	}
	p.text(p.X(0.05), p.Y(0.9), "diagonal: traffic spread evenly", "start", "note")
	return p.svg(fmt.Sprintf("Chapter %d: concentration curves, one line per student", n))
}

// frontierChart draws the sweep, its Pareto frontier and the students.
func frontierChart(f present.Formatter, fr Frontier, played []Played) (template.HTML, []frontierRow) {
	var xs, ys []float64
	for _, pt := range fr.Points {
		xs, ys = append(xs, pt.X), append(ys, pt.Y)
	}
	sx, sy := finals(played, FrontierX), finals(played, FrontierY)
	x0, x1 := extent(xs, sx)
	y0, y1 := extent(ys, sy)
	p := newPlot(640, 420, x0, x1, y0, y1, "platform revenue over the chapter ("+FrontierX+")", "long-tail share at the end")
	for _, pt := range fr.Points {
		p.cross(p.X(pt.X), p.Y(pt.Y), 3, "sweep")
	}
	var fx, fy []float64
	var rows []frontierRow
	for _, pt := range fr.Pareto {
		fx, fy = append(fx, pt.X), append(fy, pt.Y)
		var lv []string
		for _, k := range fr.Levers {
			if v, ok := pt.Levers[k]; ok {
				lv = append(lv, f.LeverLabel(k)+" "+f.Lever(k, v))
			}
		}
		if len(lv) == 0 {
			lv = []string{"the chapter's starting levers"}
		}
		rows = append(rows, frontierRow{f.Value(FrontierX, pt.X), f.Value(FrontierY, pt.Y), strings.Join(lv, ", ")})
	}
	p.polyline(fx, fy, "frontier")
	for i := range sx {
		if i < len(sy) {
			p.circle(p.X(sx[i]), p.Y(sy[i]), 5, "dot")
		}
	}
	return p.svg(fmt.Sprintf("Chapter %d: the frontier (dashed line through × marks) and the students (dots)", fr.Chapter)), rows
}

// reflections gathers the answers to each prompt, without names, in an
// order fixed by the answers' text (not by student or file).
func reflections(n int, prompts []string, rows []Row) []promptView {
	out := make([]promptView, len(prompts))
	for i, pr := range prompts {
		out[i].Prompt = pr
	}
	other := promptView{Prompt: "Answers to prompts not in this assignment"}
	for _, r := range rows {
		if r.Sub == nil {
			continue
		}
		for _, rf := range r.Sub.Reflections {
			text := strings.TrimSpace(rf.Text)
			if rf.Chapter != n || text == "" {
				continue
			}
			if i := slices.Index(prompts, rf.Prompt); i >= 0 {
				out[i].Answers = append(out[i].Answers, text)
			} else {
				other.Answers = append(other.Answers, text)
			}
		}
	}
	if len(other.Answers) > 0 {
		out = append(out, other)
	}
	for i := range out {
		slices.SortFunc(out[i].Answers, func(a, b string) int {
			ha, hb := sha256.Sum256([]byte(a)), sha256.Sum256([]byte(b))
			return bytes.Compare(ha[:], hb[:])
		})
	}
	return out
}

// debriefHTML is the debrief page's template.
const debriefHTML = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Debrief: {{.Title}}</title>
<style>
body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Noto Sans SC","PingFang SC","Microsoft YaHei",sans-serif;color:#111;background:#fff;line-height:1.5}
main{max-width:1400px;margin:0 auto;padding:1rem 1.5rem 4rem}
h1{font-size:2em;margin:.5em 0}h2{font-size:1.6em;border-top:3px solid #111;padding-top:.75em;margin-top:2.5em}h3{font-size:1.25em;margin-top:1.75em}
.meta{color:#333}.charts{display:flex;flex-wrap:wrap;gap:1rem}
svg{max-width:100%;height:auto;background:#fff}
svg text{font-size:13px;fill:#111}svg .tick{font-size:12px}svg .axistitle{font-size:13px;font-weight:600}svg .note{font-size:12px;fill:#333}svg .barlabel{font-size:14px;font-weight:600}
.frame{fill:none;stroke:#111;stroke-width:1}.axis{stroke:#111}.grid{stroke:#ddd}
.bar{fill:#9ecae1;stroke:#08306b;stroke-width:1}.track{fill:#fff;stroke:#08306b;stroke-width:1}
.dot{fill:#08519c;fill-opacity:.75;stroke:#fff;stroke-width:1}
.sweep{stroke:#666;stroke-width:1.2;fill:none}
.frontier{fill:none;stroke:#a63603;stroke-width:3;stroke-dasharray:8 5}
.threshold{stroke:#a63603;stroke-width:2;stroke-dasharray:6 4}
.diagonal{stroke:#666;stroke-dasharray:4 4}
.curve{fill:none;stroke:#08519c;stroke-opacity:.35;stroke-width:1.5}
table{border-collapse:collapse;margin:.5rem 0}th,td{border:1px solid #999;padding:.25rem .6rem;text-align:left;vertical-align:top}th{background:#f0f0f0}
td.n{text-align:right;font-variant-numeric:tabular-nums}
details{margin:.5rem 0}summary{cursor:pointer;font-weight:600}
blockquote{margin:.5rem 0;padding:.5rem 1rem;border-left:4px solid #08519c;background:#f7f7f7;white-space:pre-wrap}
.toggle{position:sticky;top:0;background:#fff;padding:.5rem 1.5rem;border-bottom:1px solid #ccc;z-index:1}
#big:focus-visible+label{outline:3px solid #a63603;outline-offset:2px}
#big:checked~main{font-size:150%}
#big:checked~main svg{zoom:1.5}
@media print{.toggle{display:none}h2{break-before:page}svg{break-inside:avoid}}
</style>
</head>
<body>
<input type="checkbox" id="big" class="toggle-input"><label for="big" class="toggle">Large type for the projector</label>
<main>
<h1>Class debrief: {{.Title}}</h1>
<p class="meta">{{if .Course}}{{.Course}} · {{end}}assignment {{.Hash}} · engine {{.Engine}} ·
{{.Files}} file{{if ne .Files 1}}s{{end}}, {{.Verified}} verified{{if .Failed}}, {{.Failed}} not verified (see the gradebook){{end}}.
Charts show verified submissions that finished the chapter; students are not named.
{{if .PerStudent}}Each student played their own seed, so some spread between students is luck.{{else}}Everyone played seed {{.Seed}}, so differences come from decisions alone.{{end}}</p>
{{range .Chapters}}
<section>
<h2>{{.Name}}</h2>
<p class="meta">{{.Students}} student{{if ne .Students 1}}s{{end}} finished the {{.Rounds}} quarters.</p>
{{if .Goals}}<h3>Goal hit rates</h3>
{{.HitChart}}
<table><caption class="meta">Goal hit rates, chapter {{.Number}}</caption><tr><th>goal</th><th>met</th><th>of</th><th>share</th></tr>
{{range .Goals}}<tr><td>{{.Label}}</td><td class="n">{{.Met}}</td><td class="n">{{.Of}}</td><td class="n">{{.Pct}}</td></tr>
{{end}}</table>{{end}}
{{if .Skill}}<h3>Skill or luck?</h3>
<p class="meta">One dot per student. Across: how often the student's decisions meet the goals when replayed on 32 other worlds (the same worlds for everyone) — the quality of the policy. Up: the share of the goals met on the student's own world. Above the diagonal, the world was kinder than the policy deserved; below it, harsher.</p>
{{.Skill}}
<details><summary>Skill and luck, one row per student (no names)</summary><table><tr><th>policy hit rate</th><th>baseline hit rate</th><th>goals met on own seed</th><th>luck (percentile)</th></tr>
{{range .SkillRows}}<tr>{{range .}}<td class="n">{{.}}</td>{{end}}</tr>
{{end}}</table></details>{{end}}
{{if .Scatters}}<h3>Lever choices against outcomes</h3>
<p class="meta">One dot per student: the lever's mean over the quarters against the goal's measure; the dashed line is the goal.</p>
<div class="charts">{{range .Scatters}}{{.}}{{end}}</div>{{end}}
{{if .ClassRows}}<details><summary>The class's numbers (one row per student, no names)</summary><table><tr>{{range .ClassHead}}<th>{{.}}</th>{{end}}</tr>
{{range .ClassRows}}<tr>{{range .}}<td class="n">{{.}}</td>{{end}}</tr>
{{end}}</table></details>{{end}}
{{if .DistTable}}<h3>Concentration and innovation</h3>
<div class="charts">{{range .Dists}}{{.}}{{end}}{{.Lorenz}}</div>
<table><caption class="meta">Last-quarter values across the class</caption><tr><th>metric</th><th>min</th><th>median</th><th>max</th></tr>
{{range .DistTable}}<tr><td>{{.Metric}}</td><td class="n">{{.Min}}</td><td class="n">{{.Median}}</td><td class="n">{{.Max}}</td></tr>
{{end}}</table>{{end}}
{{if .Frontier}}<h3>The frontier</h3>
<p class="meta">× marks: {{.Swept}} runs of the model at the assignment's base seed with {{.SweptLevers}} held fixed from the first quarter. Dashed line: the best long-tail share reached at each level of revenue. Dots: the students.</p>
{{.Frontier}}
<details><summary>Frontier points</summary><table><tr><th>revenue</th><th>long-tail share</th><th>levers</th></tr>
{{range .FrontierRows}}<tr><td class="n">{{.X}}</td><td class="n">{{.Y}}</td><td>{{.Levers}}</td></tr>
{{end}}</table></details>{{end}}
{{if .Prompts}}<h3>Reflections</h3>
{{range .Prompts}}<details open><summary>{{.Prompt}} ({{len .Answers}} answer{{if ne (len .Answers) 1}}s{{end}})</summary>
{{range .Answers}}<blockquote>{{.}}</blockquote>
{{end}}</details>
{{end}}{{end}}
</section>
{{end}}
</main>
</body>
</html>
`
