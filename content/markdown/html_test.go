package markdown

import (
	"fmt"
	"html"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/longtail-case/longtail/content"
	"github.com/longtail-case/longtail/game/sim"
	"github.com/longtail-case/longtail/internal/golden"
)

// htmlTags lists every element HTML and Book may write.
var htmlTags = []string{
	"article", "aside", "blockquote", "br", "code", "em", "h1", "h2", "h3", "h4", "h5", "h6",
	"hr", "li", "ol", "p", "pre", "strong", "table", "tbody", "td", "th", "thead", "tr", "ul", "a",
}

// htmlAttrs lists every attribute HTML and Book may write.
var htmlAttrs = []string{"href", "id", "class", "start", "lang"}

// checkHTML scans a fragment we produced and reports any element or
// attribute outside our own set, any unquoted attribute and any href that is
// not SafeURL. Our output quotes attributes with " and escapes text, so a
// simple scan is exact for it.
func checkHTML(s string) error {
	for i := 0; i < len(s); i++ {
		if s[i] != '<' {
			continue
		}
		j := strings.IndexByte(s[i:], '>')
		if j < 0 {
			return fmt.Errorf("unclosed tag at %d: %.40q", i, s[i:])
		}
		tag := s[i+1 : i+j]
		i += j
		tag = strings.TrimPrefix(tag, "/")
		name, attrs, _ := strings.Cut(tag, " ")
		if !slices.Contains(htmlTags, name) {
			return fmt.Errorf("element %q is not ours", name)
		}
		for attrs != "" {
			key, rest, ok := strings.Cut(attrs, `="`)
			if !ok {
				return fmt.Errorf("attribute syntax in <%s>", tag)
			}
			val, rest, ok := strings.Cut(rest, `"`)
			if !ok {
				return fmt.Errorf("unterminated attribute in <%s>", tag)
			}
			if !slices.Contains(htmlAttrs, key) {
				return fmt.Errorf("attribute %q in <%s> is not ours", key, name)
			}
			if key == "href" && !SafeURL(html.UnescapeString(val)) {
				return fmt.Errorf("unsafe href %q", val)
			}
			attrs = strings.TrimPrefix(rest, " ")
		}
	}
	return nil
}

// TestHTMLSafe proves that script tags, javascript: links and on* event
// attributes in the input never reach the output: whether they come through
// Markdown (where Parse rejects or escapes them) or through a Document
// built by hand (where HTML escapes text and drops unsafe links).
func TestHTMLSafe(t *testing.T) {
	hostile := []string{
		"<script>alert(1)</script>",
		`<img src=x onerror="alert(1)">`,
		`<a href="javascript:alert(1)" onclick="alert(2)">x</a>`,
		`"><svg onload=alert(1)>`,
		"javascript:alert(1)",
	}
	bad := func(out string) error {
		if err := checkHTML(out); err != nil {
			return err
		}
		low := strings.ToLower(out)
		// checkHTML admits no on* attribute; text that reads "onerror=" is escaped text.
		for _, s := range []string{"<script", "<img", "<svg", "<a href=\"javascript"} {
			if strings.Contains(low, s) {
				return fmt.Errorf("output contains %q", s)
			}
		}
		return nil
	}

	// Through Markdown: in text, code, link targets, headings, tables,
	// link titles and scenario labels.
	for _, h := range hostile {
		for _, src := range []string{
			"# T\n\n" + h + "\n",
			"# T\n\n\\" + h + "\n",
			"# T\n\n`" + h + "`\n",
			"# T\n\n```\n" + h + "\n```\n",
			"# " + h + "\n",
			"# T\n\n[x](" + h + ")\n",
			"# T\n\n[x](https://a.b \"" + h + "\")\n",
			"# T\n\n<" + h + ">\n",
			"# T\n\n| a |\n|---|\n| " + h + " |\n",
			"# T\n\n```scenario\nunlocked = [\"openness\"]\n[[goal]]\nmetric = \"hhi\"\nop = \"<=\"\nvalue = 1\nlabel = '" + h + "'\n```\n",
		} {
			out, err := RenderHTML("hostile.md", []byte(src))
			if err != nil {
				continue // rejected: nothing reaches the page
			}
			if err := bad(out); err != nil {
				t.Errorf("input %q: %v\n%s", src, err, out)
			}
		}
	}

	// Through a Document built by hand.
	var spans []content.Span
	for _, h := range hostile {
		spans = append(spans, content.Span{Text: h}, content.Span{Text: h, Style: content.Link, URL: h}, content.Span{Text: h, Style: content.Link | content.Code, URL: "java\nscript:x"})
	}
	doc := content.Document{
		Slug:  `"><script>x</script>`,
		Title: hostile[0],
		Blocks: []content.Block{
			{Kind: content.BlockHeading, Level: 9, Spans: spans},
			{Kind: content.BlockParagraph, Spans: spans},
			{Kind: content.BlockCode, Text: strings.Join(hostile, "\n")},
			{Kind: content.BlockTable, Header: true, Align: []string{`" onclick="x`}, Rows: [][][]content.Span{{spans}, {spans}}},
			{Kind: content.BlockList, Ordered: true, Start: 2, Items: [][]content.Block{{{Kind: content.BlockParagraph, Spans: spans}}}},
			{Kind: content.BlockScenario},
		},
		Setup: &sim.Setup{Unlocked: []string{hostile[0]}, Goals: []sim.Goal{{Label: hostile[1]}}},
	}
	if err := bad(Book([]content.Document{doc})); err != nil {
		t.Errorf("hand-built document: %v\n%s", err, Book([]content.Document{doc}))
	}
}

func TestHTMLGolden(t *testing.T) {
	src, err := os.ReadFile("testdata/blocks.md")
	if err != nil {
		t.Fatal(err)
	}
	got, err := RenderHTML("testdata/blocks.md", src)
	if err != nil {
		t.Fatal(err)
	}
	golden.Compare(t, "testdata/blocks.html", []byte(got))
	if err := checkHTML(got); err != nil {
		t.Error(err)
	}
}

func TestHeadingIDs(t *testing.T) {
	doc, err := Parse("chapters/03-x-y.md", []byte("# Title\n\n## Your decision\n\n## Your decision\n\n## Your decision 2\n\n## The operator's “brief”\n\n## ***\n"))
	if err != nil {
		t.Fatal(err)
	}
	out := HTML(doc)
	for _, id := range []string{"x-y-title", "x-y-your-decision", "x-y-your-decision-2", "x-y-your-decision-2-2", "x-y-the-operators-brief", `"x-y"`} {
		if !strings.Contains(out, `id="`+strings.Trim(id, `"`)+`"`) {
			t.Errorf("no id %s in\n%s", id, out)
		}
	}
}

func TestScenarioSummary(t *testing.T) {
	doc := content.Document{Blocks: []content.Block{{Kind: content.BlockScenario}}, Setup: &sim.Setup{
		Rounds:   10,
		Unlocked: []string{"openness", "take_rate", "api_fee"},
		Locked:   map[string]float64{"api_fee": 1},
		Goals:    []sim.Goal{{Metric: "hhi", Op: "<=", Value: 0.2}, {Label: "Earn & grow"}},
	}}
	want := "<aside class=\"scenario\">\n<p>In this round you control openness and take rate over 10 rounds.</p>\n" +
		"<p>Goals:</p>\n<ul>\n<li>hhi &lt;= 0.2</li>\n<li>Earn &amp; grow</li>\n</ul>\n</aside>\n"
	if got := HTML(doc); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

func TestBook(t *testing.T) {
	a, err := Parse("chapters/01-a.md", []byte("# A\n\n## Intro\n"))
	if err != nil {
		t.Fatal(err)
	}
	b, err := Parse("chapters/02-b.md", []byte("# B\n\n## Intro\n"))
	if err != nil {
		t.Fatal(err)
	}
	want := "<article lang=\"en\" id=\"a\">\n<h1 id=\"a-a\">A</h1>\n<h2 id=\"a-intro\">Intro</h2>\n</article>\n" +
		"<article lang=\"en\" id=\"b\">\n<h1 id=\"b-b\">B</h1>\n<h2 id=\"b-intro\">Intro</h2>\n</article>\n"
	if got := Book([]content.Document{a, b}); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

func ExampleRenderHTML() {
	out, err := RenderHTML("chapters/01-born-open.md", []byte("# Born open\n\nWeChat was *born open* — see [the case](https://example.com).\n"))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Print(out)
	// Output:
	// <h1 id="born-open-born-open">Born open</h1>
	// <p>WeChat was <em>born open</em> — see <a href="https://example.com">the case</a>.</p>
}

func ExampleParse_error() {
	_, err := Parse("chapters/09-draft.md", []byte("# Draft\n\n```scenaro\nrounds = 3\n```\n"))
	fmt.Println(err)
	// Output:
	// markdown: chapters/09-draft.md:3: unknown fenced block "scenaro"; use scenario, a plain ``` fence or one of text, toml, json, csv, sh, go
}
