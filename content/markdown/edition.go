package markdown

import (
	"cmp"
	"fmt"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/longtail-case/longtail/content"
)

// Mismatch is one way a translation's structure differs from its English
// original's, at a place: the translation's line (0 when the element is
// missing there) and the English heading the place is under.
type Mismatch struct {
	File    string // the translation, e.g. "chapters/zh-Hans/01-born-open.md"
	Line    int    // 1-based line in the translation; 0 when the element is missing there
	EnFile  string // the English original
	EnLine  int    // 1-based line in the original; 0 when the element is missing there
	Section string // text of the English heading the place is under, "" before the first
	Msg     string // the difference
}

// Error formats the mismatch as
// "markdown: FILE:LINE (English FILE:LINE, under "Heading"): message".
func (m Mismatch) Error() string {
	var sb strings.Builder
	sb.WriteString("markdown: " + m.File)
	if m.Line > 0 {
		sb.WriteString(":" + strconv.Itoa(m.Line))
	}
	sb.WriteString(" (English " + m.EnFile)
	if m.EnLine > 0 {
		sb.WriteString(":" + strconv.Itoa(m.EnLine))
	}
	if m.Section != "" {
		sb.WriteString(", under " + strconv.Quote(m.Section))
	}
	sb.WriteString("): " + m.Msg)
	return sb.String()
}

// maxMismatches bounds the mismatches CheckTranslation reports of one
// kind of element; past the first of a kind whose counts differ, the rest
// of that kind are left out, since everything after a missing element is
// out of step.
const maxMismatches = 10

// CheckTranslation compares a translation with its English original and
// returns every difference in structure, in the order of the kinds below
// and of the file; none means the pair agrees on everything but words:
//
//   - headings: the same levels in the same order;
//   - exhibits: the bold captions "**Exhibit N.M: …**" and "**附表 N.M：…**",
//     the same numbers in the same order and sections;
//   - tables: in the same sections, with the same rows, the same cells in
//     each row, the same header, and in each cell the same figures: the
//     numbers written with Arabic digits, in any order, the same digit
//     strings ("46 million" and "46 百万", "5,100" and "5100") or the same
//     values with their scale words ("46 million" and "4,600 万");
//   - rules (---) in the same sections;
//   - blockquote boxes in the same sections, each of the same shape (the
//     kinds of its blocks, its lists' item counts, whether it opens with a
//     bold line);
//   - link targets: the same targets in each section;
//   - the scenario in the same section, with as many prompts and goals.
//
// A section is the part of the file after a heading (the count of
// headings before it), so "the same sections" means "in the same place".
func CheckTranslation(en, tr content.Document) []Mismatch {
	a, b := outline(en), outline(tr)
	c := comparison{en: en, tr: tr, enOut: a, trOut: b}
	c.ordered("heading", a.headings, b.headings)
	c.ordered("exhibit", a.exhibits, b.exhibits)
	c.ordered("table", a.tables, b.tables)
	c.ordered("rule", a.rules, b.rules)
	c.ordered("blockquote box", a.quotes, b.quotes)
	c.ordered("scenario", a.scenarios, b.scenarios)
	c.links(a.links, b.links)
	return c.out
}

// element is one structural element of a document.
type element struct {
	section int             // headings before it (for a heading, itself included)
	line    int             // 1-based source line
	sig     string          // what must agree, besides the section, in words for messages
	cells   [][]cellFigures // tables: the figures of each cell
	shape   []int           // tables: cells per row
}

// documentOutline is the structure CheckTranslation compares.
type documentOutline struct {
	headings, exhibits, tables, rules, quotes, scenarios []element
	links                                                []element // sig is the target
	titles                                               []string  // text of heading i (section i+1)
	sectionLines                                         []int     // line of heading i
}

var (
	exhibitEnglish = regexp.MustCompile(`^Exhibit\s+([0-9]+(?:\.[0-9]+)*)\s*[:.]`)
	exhibitChinese = regexp.MustCompile(`^附表\s*([0-9]+(?:\.[0-9]+)*)\s*[：:.]`)
)

// outline collects a document's structural elements.
func outline(d content.Document) documentOutline {
	var o documentOutline
	section := 0
	for _, b := range d.Blocks {
		switch b.Kind {
		case content.BlockHeading:
			section++
			o.titles = append(o.titles, strings.TrimSpace(plain(b.Spans)))
			o.sectionLines = append(o.sectionLines, b.Line)
			o.headings = append(o.headings, element{section: section, line: b.Line, sig: "level " + strconv.Itoa(b.Level)})
		case content.BlockParagraph:
			if n, ok := exhibitNumber(b.Spans); ok {
				o.exhibits = append(o.exhibits, element{section: section, line: b.Line, sig: n})
			}
		case content.BlockTable:
			o.tables = append(o.tables, tableElement(b, section))
		case content.BlockRule:
			o.rules = append(o.rules, element{section: section, line: b.Line})
		case content.BlockQuote:
			o.quotes = append(o.quotes, element{section: section, line: b.Line, sig: quoteShape(b)})
		case content.BlockScenario:
			o.scenarios = append(o.scenarios, element{section: section, line: b.Line, sig: scenarioCounts(d)})
		}
		eachLink(b, func(url string) {
			o.links = append(o.links, element{section: section, line: b.Line, sig: url})
		})
	}
	return o
}

// exhibitNumber returns the number of an exhibit's caption: a paragraph
// opening with bold "Exhibit N.M:" or "附表 N.M：".
func exhibitNumber(spans []content.Span) (string, bool) {
	if len(spans) == 0 || spans[0].Style&content.Strong == 0 {
		return "", false
	}
	t := strings.TrimSpace(spans[0].Text)
	for _, re := range []*regexp.Regexp{exhibitEnglish, exhibitChinese} {
		if m := re.FindStringSubmatch(t); m != nil {
			return m[1], true
		}
	}
	return "", false
}

// quoteShape describes a blockquote by the kinds of its blocks.
func quoteShape(b content.Block) string {
	var parts []string
	for i, c := range b.Children {
		switch c.Kind {
		case content.BlockParagraph:
			if i == 0 && len(c.Spans) > 0 && c.Spans[0].Style&content.Strong != 0 {
				parts = append(parts, "bold heading line")
			} else {
				parts = append(parts, "paragraph")
			}
		case content.BlockList:
			parts = append(parts, fmt.Sprintf("list of %d items", len(c.Items)))
		case content.BlockTable:
			parts = append(parts, "table")
		case content.BlockQuote:
			parts = append(parts, "quote")
		case content.BlockCode:
			parts = append(parts, "code")
		case content.BlockHeading:
			parts = append(parts, "heading")
		case content.BlockRule:
			parts = append(parts, "rule")
		}
	}
	return strings.Join(parts, ", ")
}

// scenarioCounts describes a scenario by its counts of prompts and goals.
func scenarioCounts(d content.Document) string {
	if d.Setup == nil {
		return "no setup"
	}
	return fmt.Sprintf("%d prompts, %d goals", len(d.Setup.Prompts), len(d.Setup.Goals))
}

// eachLink calls f with the target of every link in a block, nested blocks
// included, in order (neighbouring spans of one link count once).
func eachLink(b content.Block, f func(string)) {
	spans := func(ss []content.Span) {
		for i, s := range ss {
			if s.Style&content.Link != 0 && (i == 0 || ss[i-1].Style&content.Link == 0 || ss[i-1].URL != s.URL) {
				f(s.URL)
			}
		}
	}
	spans(b.Spans)
	for _, row := range b.Rows {
		for _, cell := range row {
			spans(cell)
		}
	}
	for _, c := range b.Children {
		eachLink(c, f)
	}
	for _, item := range b.Items {
		for _, c := range item {
			eachLink(c, f)
		}
	}
}

// figure matches a number written with Arabic digits, with thousands
// separators and a decimal part, and the scale word after it.
var figure = regexp.MustCompile(`[0-9][0-9,]*(?:\.[0-9]+)?\s*(万亿|千亿|百亿|十亿|亿|千万|百万|十万|万|千|trillion|billion|million|thousand)?`)

// scale returns the factor of a scale word figure matches, 1 for none.
func scale(word string) float64 {
	switch word {
	case "千", "thousand":
		return 1e3
	case "万":
		return 1e4
	case "十万":
		return 1e5
	case "百万", "million":
		return 1e6
	case "千万":
		return 1e7
	case "亿":
		return 1e8
	case "十亿", "billion":
		return 1e9
	case "百亿":
		return 1e10
	case "千亿":
		return 1e11
	case "万亿", "trillion":
		return 1e12
	}
	return 1
}

// cellFigures are the numbers of a table cell, sorted by their digits.
type cellFigures []number

// number is one number of a table cell.
type number struct {
	digits float64 // as written, without separators
	value  float64 // times the scale word after it
	scaled bool    // a scale word follows it
}

// figures reads the numbers of a table cell.
func figures(text string) cellFigures {
	var f cellFigures
	for _, m := range figure.FindAllStringSubmatch(text, -1) {
		num := strings.TrimRight(strings.TrimSpace(strings.TrimSuffix(m[0], m[1])), ",")
		v, err := strconv.ParseFloat(strings.ReplaceAll(num, ",", ""), 64)
		if err != nil {
			continue
		}
		f = append(f, number{digits: v, value: v * scale(m[1]), scaled: m[1] != ""})
	}
	slices.SortStableFunc(f, func(a, b number) int { return cmp.Compare(a.digits, b.digits) })
	return f
}

// agrees reports whether a translation's cell t carries the figures of
// the English cell f: the same values, or number for number the same
// digits, each with the same value or with no scale word in t (its unit
// is stated elsewhere, e.g. "（单位：百万）" in the row's header).
func (f cellFigures) agrees(t cellFigures) bool {
	values := func(c cellFigures) []float64 {
		var v []float64
		for _, n := range c {
			v = append(v, n.value)
		}
		slices.Sort(v)
		return v
	}
	if sameFigures(values(f), values(t)) {
		return true
	}
	if len(f) != len(t) {
		return false
	}
	for i := range f {
		if !same(f[i].digits, t[i].digits) || (t[i].scaled && !same(f[i].value, t[i].value)) {
			return false
		}
	}
	return true
}

// digits returns the numbers as written.
func (f cellFigures) digits() []float64 {
	var v []float64
	for _, n := range f {
		v = append(v, n.digits)
	}
	return v
}

// tableElement describes a table by its rows, cells and figures.
func tableElement(b content.Block, section int) element {
	e := element{section: section, line: b.Line}
	for _, row := range b.Rows {
		e.shape = append(e.shape, len(row))
		var cells []cellFigures
		for _, cell := range row {
			cells = append(cells, figures(plain(cell)))
		}
		e.cells = append(e.cells, cells)
	}
	e.sig = fmt.Sprintf("%d rows", len(b.Rows))
	if b.Header {
		e.sig += " with a header"
	}
	return e
}

// comparison accumulates the mismatches of one pair.
type comparison struct {
	en, tr       content.Document
	enOut, trOut documentOutline
	out          []Mismatch
}

// add records a mismatch at the given elements (nil when missing).
func (c *comparison) add(en, tr *element, format string, args ...any) {
	m := Mismatch{File: c.tr.File, EnFile: c.en.File, Msg: fmt.Sprintf(format, args...)}
	section := 0
	if en != nil {
		m.EnLine, section = en.line, en.section
	}
	if tr != nil {
		m.Line = tr.line
		if en == nil {
			section = tr.section
		}
	}
	if section > 0 && section <= len(c.enOut.titles) {
		m.Section = c.enOut.titles[section-1]
	}
	c.out = append(c.out, m)
}

// ordered compares two lists of one kind of element, pair by pair.
func (c *comparison) ordered(kind string, a, b []element) {
	n := 0
	for i := 0; i < min(len(a), len(b)) && n < maxMismatches; i++ {
		ea, eb := a[i], b[i]
		msgs := c.differences(kind, i, ea, eb)
		for _, msg := range msgs {
			c.add(&ea, &eb, "%s", msg)
			n++
		}
		if len(msgs) > 0 && len(a) != len(b) {
			break // out of step: the count message below says why
		}
	}
	switch {
	case len(a) > len(b):
		e := a[len(b)]
		c.add(&e, nil, "%d %ss in English, %d in the translation; the first without its counterpart is %s %d (%s) at English line %d",
			len(a), kind, len(b), kind, len(b)+1, describe(kind, e), e.line)
	case len(b) > len(a):
		e := b[len(a)]
		c.add(nil, &e, "%d %ss in English, %d in the translation; the first extra one is %s %d (%s)",
			len(a), kind, len(b), kind, len(a)+1, describe(kind, e))
	}
}

// describe names an element for messages.
func describe(kind string, e element) string {
	switch kind {
	case "exhibit":
		return "number " + e.sig
	case "rule":
		return "a --- line"
	}
	return e.sig
}

// differences lists how element i of a kind differs between the files.
func (c *comparison) differences(kind string, i int, a, b element) []string {
	var out []string
	name := fmt.Sprintf("%s %d", kind, i+1)
	if kind != "heading" && a.section != b.section {
		out = append(out, fmt.Sprintf("%s is under %s in the translation, under %s in English", name, c.sectionName(c.trOut, b.section), c.sectionName(c.enOut, a.section)))
	}
	switch kind {
	case "heading":
		if a.sig != b.sig {
			out = append(out, fmt.Sprintf("%s: %s in the translation, %s in English (%q)", name, b.sig, a.sig, c.enOut.titles[i]))
		}
	case "exhibit":
		if a.sig != b.sig {
			out = append(out, fmt.Sprintf("%s is numbered %s in the translation, %s in English", name, b.sig, a.sig))
		}
	case "blockquote box":
		if a.sig != b.sig {
			out = append(out, fmt.Sprintf("%s holds %s in the translation, %s in English", name, orNothing(b.sig), orNothing(a.sig)))
		}
	case "scenario":
		if a.sig != b.sig {
			out = append(out, fmt.Sprintf("the scenario has %s in the translation, %s in English", b.sig, a.sig))
		}
	case "table":
		out = append(out, tableDifferences(name, a, b)...)
	}
	return out
}

// sectionName names section s of a document for messages.
func (c *comparison) sectionName(o documentOutline, s int) string {
	if s == 0 || s > len(o.titles) {
		return "the start (before the first heading)"
	}
	return fmt.Sprintf("heading %d (line %d, %q)", s, o.sectionLines[s-1], o.titles[s-1])
}

func orNothing(s string) string {
	if s == "" {
		return "nothing"
	}
	return s
}

// tableDifferences lists how two tables differ in shape and figures.
func tableDifferences(name string, a, b element) []string {
	if len(a.shape) != len(b.shape) {
		return []string{fmt.Sprintf("%s has %d rows in the translation, %d in English", name, len(b.shape), len(a.shape))}
	}
	var out []string
	for r := range a.shape {
		if a.shape[r] != b.shape[r] {
			out = append(out, fmt.Sprintf("%s, row %d: %d cells in the translation, %d in English", name, r+1, b.shape[r], a.shape[r]))
			continue
		}
		for col := range a.cells[r] {
			if ea, eb := a.cells[r][col], b.cells[r][col]; !ea.agrees(eb) {
				out = append(out, fmt.Sprintf("%s, row %d, column %d: figures %s in the translation, %s in English", name, r+1, col+1, listFigures(eb.digits()), listFigures(ea.digits())))
			}
		}
	}
	return out
}

// sameFigures reports whether two sorted lists of values agree.
func sameFigures(a, b []float64) bool {
	return slices.EqualFunc(a, b, same)
}

// same reports whether two figures are equal, to a relative 1e-9 (for the
// products of scale words).
func same(a, b float64) bool {
	return math.Abs(a-b) <= 1e-9*math.Max(math.Abs(a), 1)
}

func listFigures(v []float64) string {
	if len(v) == 0 {
		return "none"
	}
	var parts []string
	for _, x := range v {
		parts = append(parts, strconv.FormatFloat(x, 'f', -1, 64))
	}
	return strings.Join(parts, ", ")
}

// links compares the link targets of each section, as sets with counts.
func (c *comparison) links(a, b []element) {
	bySection := func(es []element) map[int][]element {
		m := map[int][]element{}
		for _, e := range es {
			m[e.section] = append(m[e.section], e)
		}
		return m
	}
	sa, sb := bySection(a), bySection(b)
	var sections []int
	for s := range sa {
		sections = append(sections, s)
	}
	for s := range sb {
		if _, ok := sa[s]; !ok {
			sections = append(sections, s)
		}
	}
	slices.Sort(sections)
	n := 0
	for _, s := range sections {
		left := slices.Clone(sb[s])
		for _, e := range sa[s] {
			i := slices.IndexFunc(left, func(x element) bool { return x.sig == e.sig })
			if i >= 0 {
				left = slices.Delete(left, i, i+1)
				continue
			}
			if n++; n <= maxMismatches {
				c.add(&e, nil, "link to %s is missing from %s of the translation", e.sig, c.sectionName(c.trOut, s))
			}
		}
		for _, e := range left {
			if n++; n <= maxMismatches {
				c.add(nil, &e, "link to %s is not in %s of the English file", e.sig, c.sectionName(c.enOut, s))
			}
		}
	}
}
