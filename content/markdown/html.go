package markdown

import (
	"fmt"
	"html"
	"strconv"
	"strings"
	"unicode"

	"github.com/longtail-case/longtail/content"
	"github.com/longtail-case/longtail/game/sim"
	"github.com/yuin/goldmark/util"
)

// HTML renders a document as a fragment of semantic HTML for the web page
// and for printing. Every piece of text is escaped; links whose target is
// not SafeURL lose their link and keep their text; headings get ids made of
// the document's slug and the heading's text ("born-open-your-decision"),
// unique within the document; the scenario block becomes a short
// "In this round you control …" summary in an <aside class="scenario">,
// in the document's language ("本轮你可以调整……" in Chinese). The
// fragment has no root element: the page puts it in one that carries
// lang="…" (see Book and Lang).
// Table cells carry class "left", "center" or "right" for alignment.
func HTML(doc content.Document) string {
	r := htmlRenderer{doc: doc, ids: map[string]bool{}}
	r.blocks(doc.Blocks)
	return r.sb.String()
}

// RenderHTML parses one Markdown file and renders it with HTML.
func RenderHTML(file string, src []byte) (string, error) {
	doc, err := Parse(file, src)
	if err != nil {
		return "", err
	}
	return HTML(doc), nil
}

// Book renders documents, in order, as one HTML fragment: each one is an
// <article lang="LANG" id="slug"> holding its HTML, LANG being the
// document's language (English when it has none).
func Book(docs []content.Document) string {
	var sb strings.Builder
	for _, d := range docs {
		fmt.Fprintf(&sb, "<article lang=\"%s\" id=\"%s\">\n", html.EscapeString(Lang(d)), html.EscapeString(d.Slug))
		sb.WriteString(HTML(d))
		sb.WriteString("</article>\n")
	}
	return sb.String()
}

// Lang returns a document's language for HTML's lang attribute: its Lang,
// or English for a document built without one.
func Lang(d content.Document) string {
	if d.Lang == "" {
		return content.English
	}
	return d.Lang
}

type htmlRenderer struct {
	doc content.Document
	sb  strings.Builder
	ids map[string]bool // heading ids used so far
}

func (r *htmlRenderer) blocks(bs []content.Block) {
	for _, b := range bs {
		r.block(b)
	}
}

func (r *htmlRenderer) block(b content.Block) {
	sb := &r.sb
	switch b.Kind {
	case content.BlockParagraph:
		sb.WriteString("<p>")
		r.spans(b.Spans)
		sb.WriteString("</p>\n")
	case content.BlockHeading:
		level := min(max(b.Level, 1), 6)
		fmt.Fprintf(sb, "<h%d id=\"%s\">", level, html.EscapeString(r.id(plain(b.Spans))))
		r.spans(b.Spans)
		fmt.Fprintf(sb, "</h%d>\n", level)
	case content.BlockQuote:
		sb.WriteString("<blockquote>\n")
		r.blocks(b.Children)
		sb.WriteString("</blockquote>\n")
	case content.BlockList:
		tag := "ul"
		if b.Ordered {
			tag = "ol"
		}
		sb.WriteString("<" + tag)
		if b.Ordered && b.Start != 1 {
			sb.WriteString(` start="` + strconv.Itoa(b.Start) + `"`)
		}
		sb.WriteString(">\n")
		for _, item := range b.Items {
			sb.WriteString("<li>")
			if b.Tight {
				r.tightItem(item)
			} else {
				sb.WriteString("\n")
				r.blocks(item)
			}
			sb.WriteString("</li>\n")
		}
		sb.WriteString("</" + tag + ">\n")
	case content.BlockTable:
		r.table(b)
	case content.BlockRule:
		sb.WriteString("<hr>\n")
	case content.BlockCode:
		sb.WriteString("<pre><code>")
		sb.WriteString(html.EscapeString(b.Text))
		sb.WriteString("</code></pre>\n")
	case content.BlockScenario:
		if r.doc.Setup != nil {
			r.scenario(*r.doc.Setup)
		}
	}
}

// tightItem writes the blocks of a tight list item, its paragraphs without
// <p>, as goldmark does.
func (r *htmlRenderer) tightItem(item []content.Block) {
	for i, b := range item {
		if b.Kind != content.BlockParagraph {
			if i > 0 {
				r.sb.WriteString("\n")
			}
			r.block(b)
			continue
		}
		if i > 0 {
			r.sb.WriteString("\n")
		}
		r.spans(b.Spans)
	}
}

func (r *htmlRenderer) table(b content.Block) {
	sb := &r.sb
	sb.WriteString("<table>\n")
	rows := b.Rows
	if b.Header && len(rows) > 0 {
		sb.WriteString("<thead>\n")
		r.row(rows[0], "th", b.Align)
		sb.WriteString("</thead>\n")
		rows = rows[1:]
	}
	if len(rows) > 0 {
		sb.WriteString("<tbody>\n")
		for _, row := range rows {
			r.row(row, "td", b.Align)
		}
		sb.WriteString("</tbody>\n")
	}
	sb.WriteString("</table>\n")
}

func (r *htmlRenderer) row(row [][]content.Span, cell string, align []string) {
	sb := &r.sb
	sb.WriteString("<tr>")
	for j, spans := range row {
		sb.WriteString("<" + cell)
		if j < len(align) {
			switch a := align[j]; a {
			case "left", "center", "right":
				sb.WriteString(` class="` + a + `"`)
			}
		}
		sb.WriteString(">")
		r.spans(spans)
		sb.WriteString("</" + cell + ">")
	}
	sb.WriteString("</tr>\n")
}

// scenario writes the summary of a chapter's round, in the document's
// language: the levers the student controls (by the names the game shows),
// the rounds and the goals' labels.
func (r *htmlRenderer) scenario(s sim.Setup) {
	sb := &r.sb
	zh := r.doc.Lang == content.Chinese
	sb.WriteString("<aside class=\"scenario\">\n<p>")
	var levers []string
	for _, k := range s.Unlocked {
		if s.Unlocks(k) {
			levers = append(levers, leverName(r.doc.Lang, k))
		}
	}
	switch {
	case len(levers) == 0 && zh:
		sb.WriteString("本轮所有杠杆都已固定：观察生态如何变化")
	case len(levers) == 0:
		sb.WriteString("In this round every lever is fixed: watch what the ecosystem does")
	case zh:
		sb.WriteString("本轮你可以调整")
		sb.WriteString(html.EscapeString(joinAndChinese(levers)))
	default:
		sb.WriteString("In this round you control ")
		sb.WriteString(html.EscapeString(joinAnd(levers)))
	}
	switch {
	case s.Rounds > 0 && zh:
		fmt.Fprintf(sb, "，共 %d 个季度。</p>\n", s.Rounds)
	case zh:
		sb.WriteString("。</p>\n")
	case s.Rounds > 0:
		fmt.Fprintf(sb, " over %d rounds.</p>\n", s.Rounds)
	default:
		sb.WriteString(".</p>\n")
	}
	if len(s.Goals) > 0 {
		if zh {
			sb.WriteString("<p>目标：</p>\n<ul>\n")
		} else {
			sb.WriteString("<p>Goals:</p>\n<ul>\n")
		}
		for _, g := range s.Goals {
			label := g.Label
			if label == "" {
				label = fmt.Sprintf("%s %s %g", strings.ReplaceAll(g.Metric, "_", " "), g.Op, g.Value)
			}
			sb.WriteString("<li>" + html.EscapeString(label) + "</li>\n")
		}
		sb.WriteString("</ul>\n")
	}
	sb.WriteString("</aside>\n")
}

// leverName returns the name of a lever as the game shows it in a
// language: the key with spaces for underscores in English ("take rate"),
// the Chinese edition's term in Chinese ("抽成比例").
func leverName(lang, key string) string {
	if lang == content.Chinese {
		switch key {
		case "openness":
			return "开放度"
		case "feed_share":
			return "信息流注意力占比"
		case "feed_beta":
			return "信息流热度权重"
		case "pool":
			return "冷启动流量池"
		case "grant":
			return "新人扶持金"
		case "cap":
			return "单个服务商信息流上限"
		case "ad_load":
			return "广告强度"
		case "ad_billing":
			return "广告计费方式"
		case "first_party":
			return "自营功能"
		case "take_rate":
			return "抽成比例"
		case "api_fee":
			return "接口许可费"
		case "contact_fee":
			return "外部联系人费用"
		}
	}
	return strings.ReplaceAll(key, "_", " ")
}

// joinAnd joins words as "a", "a and b" or "a, b and c".
func joinAnd(words []string) string {
	if len(words) < 2 {
		return strings.Join(words, "")
	}
	return strings.Join(words[:len(words)-1], ", ") + " and " + words[len(words)-1]
}

// joinAndChinese joins words as "甲", "甲和乙" or "甲、乙和丙".
func joinAndChinese(words []string) string {
	if len(words) < 2 {
		return strings.Join(words, "")
	}
	return strings.Join(words[:len(words)-1], "、") + "和" + words[len(words)-1]
}

// spans writes inline content: consecutive spans with the same link share
// one <a>; styles nest as <a><strong><em><code>.
func (r *htmlRenderer) spans(spans []content.Span) {
	sb := &r.sb
	for i := 0; i < len(spans); {
		s := spans[i]
		if s.Style&content.Link == 0 {
			r.span(s)
			i++
			continue
		}
		j := i
		for j < len(spans) && spans[j].Style&content.Link != 0 && spans[j].URL == s.URL {
			j++
		}
		safe := SafeURL(s.URL)
		if safe {
			sb.WriteString(`<a href="`)
			sb.WriteString(html.EscapeString(string(util.URLEscape([]byte(s.URL), false))))
			sb.WriteString(`">`)
		}
		for _, t := range spans[i:j] {
			r.span(t)
		}
		if safe {
			sb.WriteString("</a>")
		}
		i = j
	}
}

func (r *htmlRenderer) span(s content.Span) {
	sb := &r.sb
	var open, close string
	for _, t := range []struct {
		st  content.Style
		tag string
	}{{content.Strong, "strong"}, {content.Emph, "em"}, {content.Code, "code"}} {
		if s.Style&t.st != 0 {
			open += "<" + t.tag + ">"
			close = "</" + t.tag + ">" + close
		}
	}
	sb.WriteString(open)
	lines := strings.Split(s.Text, "\n")
	for i, l := range lines {
		if i > 0 {
			sb.WriteString("<br>\n")
		}
		sb.WriteString(html.EscapeString(l))
	}
	sb.WriteString(close)
}

// id returns a unique id for a heading with the given text.
func (r *htmlRenderer) id(text string) string {
	var sb strings.Builder
	if r.doc.Slug != "" {
		sb.WriteString(r.doc.Slug)
	}
	dash := sb.Len() > 0
	for _, c := range strings.ToLower(text) {
		if c == '\'' || c == '’' {
			continue // "operator's" → "operators"
		}
		if unicode.IsLetter(c) || unicode.IsDigit(c) {
			if dash && sb.Len() > 0 {
				sb.WriteByte('-')
			}
			dash = false
			sb.WriteRune(c)
		} else {
			dash = true
		}
	}
	id := sb.String()
	if id == "" {
		id = "section"
	}
	base := id
	for n := 2; r.ids[id]; n++ {
		id = base + "-" + strconv.Itoa(n)
	}
	r.ids[id] = true
	return id
}
