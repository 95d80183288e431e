package classroom

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"html/template"
	"math"
	"slices"
	"strings"

	"github.com/longtail-case/longtail/content"
	"github.com/longtail-case/longtail/game/classroom/explain"
	"github.com/longtail-case/longtail/game/i18n"
	"github.com/longtail-case/longtail/game/present"
	"github.com/longtail-case/longtail/game/sim"
)

// Debrief returns the class debrief page: one self-contained HTML file (no
// scripts, fonts or images from elsewhere; charts are inline SVG) showing
// the verified submissions side by side — goal hit rates per chapter,
// lever choices against outcomes, the distributions of concentration and
// innovation, everyone's concentration curves, the frontier of the sweep
// with the students on it, and the reflections per prompt without names.
// frontiers may be nil (no sweep).
//
// The page is written in the assignment's language (Assignment.Language
// of no choice: its Locale, English when it lets students choose), and so
// is its <html lang>: every word of ours from the catalog (game/i18n, the
// debrief.* messages and the game's own), metric and lever names, values
// and goal thresholds as the game writes them (package present), chapter
// titles, goal labels and prompts from that language's documents in docs
// (which may hold several editions; see Edition; without the assignment's
// edition, the page is in the language of docs' first). Reflections typed in
// another edition are shown under the prompt they answer, matched by its
// place in that edition's chapter. Students' words are shown as typed;
// every string from an assignment, a submission or the content is
// escaped.
func Debrief(a Assignment, docs []content.Document, rows []Row, frontiers []Frontier) ([]byte, error) {
	lang := a.Language("")
	edition, ok := Edition(docs, lang)
	if !ok && len(docs) > 0 {
		// docs lack the assignment's edition: the page is in the language
		// of the chapters there are, so it reads in one language throughout.
		lang = languagesOf(docs)[0]
		edition, _ = Edition(docs, lang)
	}
	setups, err := a.Setups(edition)
	if err != nil {
		return nil, err
	}
	cat, err := i18n.New(lang)
	if err != nil {
		return nil, fmt.Errorf("classroom: debrief: %w", err)
	}
	f := present.For(cat)
	page := debriefPage{
		Lang: lang, Title: a.Title, Course: a.Course, PerStudent: a.PerStudentSeed,
		Files: len(rows),
	}
	for _, r := range rows {
		if r.Verified {
			page.Verified++
		}
	}
	page.W = pageWords(cat, a, page.Files, page.Verified)
	others := otherPrompts(a, docs, lang)
	for ci, setup := range setups {
		n := a.Chapters[ci].Number
		ch := chapterView{Name: chapterName(cat, edition, n)}
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
		ch.Students = count(cat, len(played), "debrief.students.one", "debrief.students.other", len(played), roundsOf(setup))
		ch.GoalsCaption = cat.T("debrief.goals.caption", n)
		ch.Goals = hitRates(f, setup, played)
		ch.HitChart = hitChart(cat, n, ch.Goals)
		ch.Scatters = scatters(f, setup, played)
		ch.Skill, ch.SkillRows = skillChart(f, n, rows)
		ch.ClassHead, ch.ClassRows = classTable(f, setup, played)
		ch.Dists = []template.HTML{
			histogram(cat, cat.T("debrief.dist.gini", n), cat.T("debrief.dist.gini.x"), finals(played, "gini")),
			histogram(cat, cat.T("debrief.dist.entrants", n), cat.T("debrief.dist.entrants.x"), finals(played, "surviving_entrants")),
		}
		ch.DistTable = distTable(f, played)
		ch.Lorenz = lorenzChart(cat, n, played)
		if ci < len(frontiers) && frontiers[ci].Chapter == n {
			ch.Frontier, ch.FrontierRows = frontierChart(f, frontiers[ci], played)
			var levers []string
			for _, k := range frontiers[ci].Levers {
				levers = append(levers, f.LeverLabel(k))
			}
			ch.FrontierNote = cat.T("debrief.frontier.note", len(frontiers[ci].Points), strings.Join(levers, cat.T("results.why.comma")))
		}
		ch.Prompts = reflections(cat, n, setup.Prompts, rows, func(l string) []string { return others(l, ci) })
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

// words are the page's own sentences and headings in its language.
type words struct {
	Title, Heading, Toggle, Meta, Charts, Seed                 string
	Goals, Goal, Met, Of, Share                                string
	Skill, SkillNote, SkillTable, Policy, Baseline, Own, Luck  string
	Levers, LeversNote, Class                                  string
	Dist, DistCaption, Metric, Min, Median, Max                string
	Frontier, FrontierTable, Revenue, LongTail, FrontierLevers string
	Reflections                                                string
	Lede                                                       string // Meta, Charts and Seed as one paragraph
}

// pageWords looks the page's words up in cat.
func pageWords(cat *i18n.Catalog, a Assignment, files, verified int) words {
	meta := cat.T("debrief.assignment", a.ShortHash(), EngineVersion) + " · " +
		count(cat, files, "debrief.files.one", "debrief.files.other", files, verified)
	if failed := files - verified; failed > 0 {
		meta += cat.T("debrief.failed", failed)
	}
	seed := cat.T("debrief.seed.everyone", a.BaseSeed)
	if a.PerStudentSeed {
		seed = cat.T("debrief.seed.student")
	}
	return words{
		Lede:  cat.T("debrief.lede", meta+cat.T("debrief.stop"), cat.T("debrief.charts"), seed),
		Title: cat.T("debrief.title", a.Title), Heading: cat.T("debrief.heading", a.Title),
		Toggle: cat.T("debrief.toggle"), Meta: meta + cat.T("debrief.stop"),
		Charts: cat.T("debrief.charts"), Seed: seed,
		Goals: cat.T("debrief.goals"), Goal: cat.T("debrief.goals.goal"), Met: cat.T("debrief.goals.met"),
		Of: cat.T("debrief.goals.of"), Share: cat.T("debrief.goals.share"),
		Skill: cat.T("debrief.skill"), SkillNote: cat.T("debrief.skill.note", explain.Seeds),
		SkillTable: cat.T("debrief.skill.table"), Policy: cat.T("debrief.skill.policy"),
		Baseline: cat.T("debrief.skill.baseline"), Own: cat.T("debrief.skill.own"), Luck: cat.T("debrief.skill.luck"),
		Levers: cat.T("debrief.levers"), LeversNote: cat.T("debrief.levers.note"), Class: cat.T("debrief.class"),
		Dist: cat.T("debrief.dist"), DistCaption: cat.T("debrief.dist.caption"), Metric: cat.T("debrief.dist.metric"),
		Min: cat.T("debrief.dist.min"), Median: cat.T("debrief.dist.median"), Max: cat.T("debrief.dist.max"),
		Frontier: cat.T("debrief.frontier"), FrontierTable: cat.T("debrief.frontier.table"),
		Revenue: cat.T("debrief.frontier.revenue"), LongTail: cat.T("debrief.frontier.tail"),
		FrontierLevers: cat.T("debrief.frontier.levers"), Reflections: cat.T("debrief.reflections"),
	}
}

// count returns message one when n is 1 and other otherwise, formatted
// with args: the singular and plural of a sentence (the same words in
// Chinese).
func count(cat *i18n.Catalog, n int, one, other string, args ...any) string {
	if n == 1 {
		return cat.T(one, args...)
	}
	return cat.T(other, args...)
}

type debriefPage struct {
	Lang          string // the page's language, content.English or content.Chinese
	Title, Course string
	Files         int
	Verified      int
	PerStudent    bool
	W             words
	Chapters      []chapterView
}

type chapterView struct {
	Name         string
	Students     string // how many finished, as a sentence
	GoalsCaption string
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
	FrontierNote string
	FrontierRows []frontierRow
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
	Summary string // the prompt and how many answered it
	Answers []string
}

// chapterName returns the chapter's heading in the catalog's language,
// e.g. "Chapter 1: Born Open", "第一章：生而开放": the document's title when
// it names the chapter (starts with debrief.chapter.lead), otherwise the
// title after the chapter's number, or the number alone.
func chapterName(cat *i18n.Catalog, docs []content.Document, n int) string {
	for _, d := range docs {
		if m, ok := ChapterNumber(d.File); ok && m == n && d.Title != "" {
			if strings.HasPrefix(d.Title, cat.T("debrief.chapter.lead")) {
				return d.Title
			}
			return cat.T("debrief.chapter.named", n, d.Title)
		}
	}
	return cat.T("debrief.chapter", n)
}

func roundsOf(s sim.Setup) int {
	sc, err := s.Scenario()
	if err != nil {
		return s.Rounds
	}
	return sc.Rounds
}

// when returns a goal's timing as the game's results write it ("at the
// last round", "最后一个季度").
func when(cat *i18n.Catalog, w sim.When) string {
	if id := "when." + string(whenOf(w)); cat.Has(id) {
		return cat.T("when." + string(whenOf(w)))
	}
	return string(w)
}

// goalLabel returns a goal's label, or, as the game makes one, a sentence
// of its metric's name, comparison, threshold and timing, e.g. "User share
// at least 76%, at the last round".
func goalLabel(f present.Formatter, g sim.Goal) string {
	if g.Label != "" {
		return g.Label
	}
	cat := f.Catalog()
	id := "goal.auto.atleast"
	if g.Op == "<=" {
		id = "goal.auto.atmost"
	}
	return cat.T("results.why.quantity", cat.T(id, f.Label(g.Metric), f.Threshold(g.Metric, g.Value)), when(cat, g.When))
}

// goalColumn names a goal's measure in a table header or on an axis,
// short enough for a chart's side: the metric and a word for the timing,
// e.g. "User share (end)", "用户份额（期末）".
func goalColumn(f present.Formatter, g sim.Goal) string {
	cat := f.Catalog()
	w := string(whenOf(g.When))
	if id := "debrief.when." + w; cat.Has(id) {
		w = cat.T("debrief.when." + w)
	}
	return cat.T("debrief.column", f.Label(g.Metric), w)
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
		out[i].Pct = present.Missing
		if out[i].Of > 0 {
			out[i].Pct = f.Percent(float64(out[i].Met)/float64(out[i].Of), 0)
		}
	}
	return out
}

func hitChart(cat *i18n.Catalog, n int, goals []goalRate) template.HTML {
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
	return p.svg(cat.T("debrief.goals.chart", n))
}

// skillChart plots, for the chapter's analysed rows (AnalyseRows), each
// student's policy hit rate against the share of goals met on their own
// seed, with the diagonal where the two agree; rows are the same numbers
// sorted by value, so their order names nobody.
func skillChart(f present.Formatter, n int, rows []Row) (template.HTML, [][]string) {
	cat := f.Catalog()
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
			table = append(table, []string{f.Number(y.PolicyHitRate, 2), f.Number(y.BaselineHitRate, 2), f.Number(y.OwnHitRate, 2), f.Number(y.Luck, 0)})
		}
	}
	if len(xs) == 0 {
		return "", nil
	}
	slices.SortFunc(table, func(a, b []string) int { return strings.Compare(strings.Join(a, "\x00"), strings.Join(b, "\x00")) })
	p := newPlot(460, 340, 0, 1, 0, 1, cat.T("debrief.skill.x", explain.Seeds), cat.T("debrief.skill.y"))
	p.line(p.X(0), p.Y(0), p.X(1), p.Y(1), "threshold")
	p.text(p.X(0.03), p.Y(0.95), cat.T("debrief.skill.luckier"), "start", "note")
	p.text(p.X(0.97), p.Y(0.03)-6, cat.T("debrief.skill.unluckier"), "end", "note")
	for i := range xs {
		p.circle(p.X(xs[i]), p.Y(ys[i]), 5, "dot")
	}
	return p.svg(cat.T("debrief.skill.chart", n)), table
}

// scatters draws, for every goal metric and every lever the students
// actually varied, the lever's mean against the goal's judged value.
func scatters(f present.Formatter, setup sim.Setup, played []Played) []template.HTML {
	cat := f.Catalog()
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
			p := newPlot(420, 300, x0, x1, y0, y1, cat.T("debrief.levers.x", f.LeverLabel(k)), goalColumn(f, g))
			p.line(p.left, p.Y(g.Value), p.right, p.Y(g.Value), "threshold")
			ly := p.Y(g.Value) - 6
			if ly < p.top+14 {
				ly = p.Y(g.Value) + 16 // below the line when it runs along the top
			}
			op := cat.T("round.goal.op.ge")
			if g.Op == "<=" {
				op = cat.T("round.goal.op.le")
			}
			p.text(p.right-4, ly, cat.T("debrief.levers.goal", op, f.Threshold(g.Metric, g.Value)), "end", "note")
			for i := range xs {
				p.circle(p.X(xs[i]), p.Y(ys[i]), 5, "dot")
			}
			out = append(out, p.svg(cat.T("debrief.levers.chart", f.Label(g.Metric), f.LeverLabel(k))))
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
			head = append(head, f.Catalog().T("debrief.class.mean", f.LeverLabel(k)))
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
func histogram(cat *i18n.Catalog, title, xTitle string, vs []float64) template.HTML {
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
	p := newPlot(420, 260, lo, hi, 0, top, xTitle, cat.T("debrief.dist.students"))
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
func lorenzChart(cat *i18n.Catalog, n int, played []Played) template.HTML {
	if len(played) == 0 {
		return ""
	}
	p := newPlot(420, 360, 0, 1, 0, 1, cat.T("debrief.lorenz.x"), cat.T("debrief.lorenz.y"))
	p.line(p.X(0), p.Y(0), p.X(1), p.Y(1), "diagonal")
	for _, pl := range played {
		xs := make([]float64, len(pl.Lorenz))
		for i := range xs {
			xs[i] = float64(i) / float64(len(xs)-1)
		}
		p.polyline(xs, pl.Lorenz, "curve")
	}
	p.text(p.X(0.05), p.Y(0.9), cat.T("debrief.lorenz.note"), "start", "note")
	return p.svg(cat.T("debrief.lorenz", n))
}

// frontierChart draws the sweep, its Pareto frontier and the students.
func frontierChart(f present.Formatter, fr Frontier, played []Played) (template.HTML, []frontierRow) {
	cat := f.Catalog()
	var xs, ys []float64
	for _, pt := range fr.Points {
		xs, ys = append(xs, pt.X), append(ys, pt.Y)
	}
	sx, sy := finals(played, FrontierX), finals(played, FrontierY)
	x0, x1 := extent(xs, sx)
	y0, y1 := extent(ys, sy)
	p := newPlot(640, 420, x0, x1, y0, y1, cat.T("debrief.frontier.x"), cat.T("debrief.frontier.y"))
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
				lv = append(lv, cat.T("epilogue.frontier.lever", f.LeverLabel(k), f.Lever(k, v)))
			}
		}
		if len(lv) == 0 {
			lv = []string{cat.T("debrief.frontier.start")}
		}
		rows = append(rows, frontierRow{f.Value(FrontierX, pt.X), f.Value(FrontierY, pt.Y), strings.Join(lv, cat.T("epilogue.frontier.sep"))})
	}
	p.polyline(fx, fy, "frontier")
	for i := range sx {
		if i < len(sy) {
			p.circle(p.X(sx[i]), p.Y(sy[i]), 5, "dot")
		}
	}
	return p.svg(cat.T("debrief.frontier.chart", fr.Chapter)), rows
}

// otherPrompts returns, for a language other than the page's and an
// assignment chapter's index, that chapter's prompts in the language's
// edition of docs (nil when docs lack the edition), so that an answer
// typed in that edition can be shown under the page's prompt of the same
// place. The setups of each edition are built once.
func otherPrompts(a Assignment, docs []content.Document, page string) func(lang string, ci int) []string {
	cache := map[string][]sim.Setup{}
	return func(lang string, ci int) []string {
		if lang == page {
			return nil
		}
		setups, ok := cache[lang]
		if !ok {
			if edition, found := Edition(docs, lang); found {
				setups, _ = a.Setups(edition) // nil when the edition does not fit: its answers stay unmatched
			}
			cache[lang] = setups
		}
		if ci >= len(setups) {
			return nil
		}
		return setups[ci].Prompts
	}
}

// reflections gathers the answers to each prompt, without names, in an
// order fixed by the answers' text (not by student or file). An answer
// matches a prompt by its text; one typed in another edition (other
// returns that edition's prompts of the chapter) by the place of its
// prompt there. The rest are listed under debrief.unmatched.
func reflections(cat *i18n.Catalog, n int, prompts []string, rows []Row, other func(lang string) []string) []promptView {
	out := make([]promptView, len(prompts))
	for i, pr := range prompts {
		out[i].Prompt = pr
	}
	var unmatched []string
	for _, r := range rows {
		if r.Sub == nil {
			continue
		}
		theirs := other(r.Sub.Language())
		for _, rf := range r.Sub.Reflections {
			text := strings.TrimSpace(rf.Text)
			if rf.Chapter != n || text == "" {
				continue
			}
			i := slices.Index(prompts, rf.Prompt)
			if j := slices.Index(theirs, rf.Prompt); i < 0 && j >= 0 && j < len(prompts) {
				i = j
			}
			if i >= 0 {
				out[i].Answers = append(out[i].Answers, text)
			} else {
				unmatched = append(unmatched, text)
			}
		}
	}
	if len(unmatched) > 0 {
		out = append(out, promptView{Prompt: cat.T("debrief.unmatched"), Answers: unmatched})
	}
	for i := range out {
		slices.SortFunc(out[i].Answers, func(a, b string) int {
			ha, hb := sha256.Sum256([]byte(a)), sha256.Sum256([]byte(b))
			return bytes.Compare(ha[:], hb[:])
		})
		out[i].Summary = count(cat, len(out[i].Answers), "debrief.answers.one", "debrief.answers.other", out[i].Prompt, len(out[i].Answers))
	}
	return out
}

// debriefHTML is the debrief page's template. Its words are the page's
// (debriefPage.W and the views' sentences); the font stack names families
// with Chinese glyphs on each system (Noto/Source Han on Linux, PingFang
// on macOS, Microsoft YaHei on Windows), so a page in Chinese, or English
// reflections naming 微信, never shows empty boxes.
const debriefHTML = `<!DOCTYPE html>
<html lang="{{.Lang}}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{.W.Title}}</title>
<style>
body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Noto Sans CJK SC","Noto Sans SC","Source Han Sans SC","PingFang SC","Hiragino Sans GB","Microsoft YaHei",sans-serif;color:#111;background:#fff;line-height:1.5}
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
<input type="checkbox" id="big" class="toggle-input"><label for="big" class="toggle">{{.W.Toggle}}</label>
<main>
<h1>{{.W.Heading}}</h1>
<p class="meta">{{if .Course}}{{.Course}} · {{end}}{{.W.Lede}}</p>
{{range .Chapters}}
<section>
<h2>{{.Name}}</h2>
<p class="meta">{{.Students}}</p>
{{if .Goals}}<h3>{{$.W.Goals}}</h3>
{{.HitChart}}
<table><caption class="meta">{{.GoalsCaption}}</caption><tr><th>{{$.W.Goal}}</th><th>{{$.W.Met}}</th><th>{{$.W.Of}}</th><th>{{$.W.Share}}</th></tr>
{{range .Goals}}<tr><td>{{.Label}}</td><td class="n">{{.Met}}</td><td class="n">{{.Of}}</td><td class="n">{{.Pct}}</td></tr>
{{end}}</table>{{end}}
{{if .Skill}}<h3>{{$.W.Skill}}</h3>
<p class="meta">{{$.W.SkillNote}}</p>
{{.Skill}}
<details><summary>{{$.W.SkillTable}}</summary><table><tr><th>{{$.W.Policy}}</th><th>{{$.W.Baseline}}</th><th>{{$.W.Own}}</th><th>{{$.W.Luck}}</th></tr>
{{range .SkillRows}}<tr>{{range .}}<td class="n">{{.}}</td>{{end}}</tr>
{{end}}</table></details>{{end}}
{{if .Scatters}}<h3>{{$.W.Levers}}</h3>
<p class="meta">{{$.W.LeversNote}}</p>
<div class="charts">{{range .Scatters}}{{.}}{{end}}</div>{{end}}
{{if .ClassRows}}<details><summary>{{$.W.Class}}</summary><table><tr>{{range .ClassHead}}<th>{{.}}</th>{{end}}</tr>
{{range .ClassRows}}<tr>{{range .}}<td class="n">{{.}}</td>{{end}}</tr>
{{end}}</table></details>{{end}}
{{if .DistTable}}<h3>{{$.W.Dist}}</h3>
<div class="charts">{{range .Dists}}{{.}}{{end}}{{.Lorenz}}</div>
<table><caption class="meta">{{$.W.DistCaption}}</caption><tr><th>{{$.W.Metric}}</th><th>{{$.W.Min}}</th><th>{{$.W.Median}}</th><th>{{$.W.Max}}</th></tr>
{{range .DistTable}}<tr><td>{{.Metric}}</td><td class="n">{{.Min}}</td><td class="n">{{.Median}}</td><td class="n">{{.Max}}</td></tr>
{{end}}</table>{{end}}
{{if .Frontier}}<h3>{{$.W.Frontier}}</h3>
<p class="meta">{{.FrontierNote}}</p>
{{.Frontier}}
<details><summary>{{$.W.FrontierTable}}</summary><table><tr><th>{{$.W.Revenue}}</th><th>{{$.W.LongTail}}</th><th>{{$.W.FrontierLevers}}</th></tr>
{{range .FrontierRows}}<tr><td class="n">{{.X}}</td><td class="n">{{.Y}}</td><td>{{.Levers}}</td></tr>
{{end}}</table></details>{{end}}
{{if .Prompts}}<h3>{{$.W.Reflections}}</h3>
{{range .Prompts}}<details open><summary>{{.Summary}}</summary>
{{range .Answers}}<blockquote>{{.}}</blockquote>
{{end}}</details>
{{end}}{{end}}
</section>
{{end}}
</main>
</body>
</html>
`
