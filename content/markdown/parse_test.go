package markdown

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/longtail-case/longtail/content"
	"github.com/longtail-case/longtail/internal/golden"
)

// dump writes a document as readable text, one block per line, indented by
// nesting, each line starting with the block's source line.
func dump(d content.Document) string {
	var sb strings.Builder
	fmt.Fprintf(&sb, "file %s\nslug %q number %d\ntitle %q\n", d.File, d.Slug, d.Number, d.Title)
	if d.Setup != nil {
		j, err := json.Marshal(d.Setup)
		if err != nil {
			panic(err)
		}
		fmt.Fprintf(&sb, "setup %s\n", j)
	}
	dumpBlocks(&sb, d.Blocks, "")
	return sb.String()
}

var kindNames = map[content.BlockKind]string{
	content.BlockParagraph: "para", content.BlockHeading: "heading", content.BlockQuote: "quote", content.BlockList: "list",
	content.BlockTable: "table", content.BlockRule: "rule", content.BlockCode: "code", content.BlockScenario: "scenario",
}

func dumpBlocks(sb *strings.Builder, bs []content.Block, indent string) {
	for _, b := range bs {
		fmt.Fprintf(sb, "%s%d %s", indent, b.Line, kindNames[b.Kind])
		switch b.Kind {
		case content.BlockHeading:
			fmt.Fprintf(sb, " %d:%s\n", b.Level, dumpSpans(b.Spans))
		case content.BlockParagraph:
			fmt.Fprintf(sb, ":%s\n", dumpSpans(b.Spans))
		case content.BlockQuote:
			sb.WriteString("\n")
			dumpBlocks(sb, b.Children, indent+"  ")
		case content.BlockList:
			if b.Ordered {
				fmt.Fprintf(sb, " ordered start %d", b.Start)
			}
			if b.Tight {
				sb.WriteString(" tight")
			}
			sb.WriteString("\n")
			for i, item := range b.Items {
				fmt.Fprintf(sb, "%s  item %d\n", indent, i+1)
				dumpBlocks(sb, item, indent+"    ")
			}
		case content.BlockTable:
			fmt.Fprintf(sb, " header %v align %q\n", b.Header, b.Align)
			for _, row := range b.Rows {
				sb.WriteString(indent + "  |")
				for _, cell := range row {
					sb.WriteString(dumpSpans(cell) + " |")
				}
				sb.WriteString("\n")
			}
		case content.BlockCode:
			fmt.Fprintf(sb, " %q\n", b.Text)
		default:
			sb.WriteString("\n")
		}
	}
}

func dumpSpans(spans []content.Span) string {
	var sb strings.Builder
	for _, s := range spans {
		sb.WriteString(" ")
		var tags []string
		for _, t := range []struct {
			st   content.Style
			name string
		}{{content.Emph, "em"}, {content.Strong, "strong"}, {content.Code, "code"}} {
			if s.Style&t.st != 0 {
				tags = append(tags, t.name)
			}
		}
		if s.Style&content.Link != 0 {
			tags = append(tags, "link="+s.URL)
		}
		if len(tags) > 0 {
			sb.WriteString("[" + strings.Join(tags, " ") + "]")
		}
		fmt.Fprintf(&sb, "%q", s.Text)
	}
	return sb.String()
}

// TestGolden pins the tree of every testdata/*.md file; run with -update
// to rewrite the .golden files after an intended change.
func TestGolden(t *testing.T) {
	files, err := filepath.Glob("testdata/*.md")
	if err != nil || len(files) == 0 {
		t.Fatalf("no testdata/*.md: %v", err)
	}
	for _, file := range files {
		t.Run(filepath.Base(file), func(t *testing.T) {
			src, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			doc, err := Parse(file, src)
			if err != nil {
				t.Fatal(err)
			}
			golden.Compare(t, strings.TrimSuffix(file, ".md")+".golden", []byte(dump(doc)))
		})
	}
}

// TestParseErrors checks that each broken input fails with a message naming
// the file, the line and the problem. Lines count from 1 in src.
func TestParseErrors(t *testing.T) {
	const title = "# Title\n\n"
	scenario := func(body string) string {
		return title + "```scenario\n" + body + "\n```\n" // fence on line 3, TOML line 1 on line 4
	}
	valid := `base = "baseline"` + "\nunlocked = [\"openness\"]\n"
	tests := []struct {
		name string
		src  string
		line int // 0: the whole file
		want string
	}{
		{"empty", "", 0, "no title"},
		{"no title", "Just text.\n\n## Only a subheading\n", 0, "no title"},
		{"empty title", "#\n\ntext\n", 0, "no title"},
		{"html block", title + "<div>\nhello\n</div>\n", 3, "raw HTML"},
		{"script block", title + "text\n\n<script>alert(1)</script>\n", 5, "raw HTML"},
		{"inline html", title + "one\ntwo <b onclick=\"x()\">bold</b>\n", 4, "raw HTML"},
		{"html comment", title + "a <!-- note --> b\n", 3, "raw HTML"},
		{"image", title + "text\n\n![a chart](chart.png)\n", 5, "images are not supported"},
		{"image in link", title + "[![x](y.png)](https://a.b)\n", 3, "images"},
		{"unknown fence", title + "```scenaro\nrounds = 3\n```\n", 3, `unknown fenced block "scenaro"`},
		{"unknown fence tilde", title + "para\n\n~~~python\nx\n~~~\n", 5, `unknown fenced block "python"`},
		{"unclosed fence", title + "para\n\n```\ncode\n\n# More text\n", 5, "never closed; end it with a line of ```"},
		{"unclosed long fence", title + "~~~~text\ncode\n~~~\n", 3, "never closed; end it with a line of ~~~~"},
		{"unclosed scenario", title + "```scenario\nrounds = 3\n", 3, "never closed"},
		{"unclosed in quote", title + "> ```\n> code\n\nafter\n", 3, "never closed"},
		{"second scenario", scenario(valid) + "\n```scenario\n" + valid + "```\n", 9, "second scenario block; the first is at line 3"},
		{"scenario in list", title + "- item\n\n  ```scenario\n  rounds = 3\n  ```\n", 5, "top level"},
		{"scenario in quote", title + "> ```scenario\n> rounds = 3\n> ```\n", 3, "top level"},
		{"toml syntax", scenario("base = \"baseline\"\nrounds = = 3"), 5, "scenario:"},
		{"toml unknown key", scenario(valid + "roundz = 3"), 6, `key "roundz": unknown key`},
		{"toml unknown table", scenario(valid + "\n[rivals]\nshare = 0.2"), 7, `key "rivals": unknown key`},
		{"toml unknown goal key", scenario(valid + "[[goal]]\nmetric = \"hhi\"\nop = \"<=\"\nvalue = 0.2\nthreshold = 3"), 10, `key "goal.threshold": unknown key`},
		{"toml wrong type", scenario(valid + "rounds = \"ten\""), 6, `key "rounds"`},
		{"toml wrong type in table", scenario(valid + "[start]\nopenness = \"wide\""), 7, `openness`},
		{"toml nan", scenario(valid + "[start]\nopenness = nan"), 3, "finite"},
		{"toml inf goal", scenario(valid + "[[goal]]\nmetric = \"hhi\"\nop = \"<=\"\nvalue = inf"), 3, "finite"},
		{"not a lever", scenario(`unlocked = ["opennes"]`), 3, `"opennes" is not a lever`},
		{"bad metric", scenario(valid + "[[goal]]\nmetric = \"happiness\"\nop = \">=\"\nvalue = 1"), 3, `unknown metric "happiness"`},
		{"bad op", scenario(valid + "[[goal]]\nmetric = \"hhi\"\nop = \"<\"\nvalue = 1"), 3, "must be >= or <="},
		{"javascript link", title + "para\n\n[click](javascript:alert(1))\n", 5, "javascript:alert(1)"},
		{"link on a later line", title + "one\ntwo\nthree [click](javascript:x)\n", 5, "not allowed"},
		{"image on a later line", title + "one\ntwo ![x](y.png)\n", 4, "images"},
		{"html in a list item", title + "- a\n- b\n  <i>c</i>\n", 5, "raw HTML"},
		{"javascript link upper", title + "[click](JavaScript:alert(1))\n", 3, "not allowed"},
		{"javascript link entity", title + "[click](javascript&#58;alert(1))\n", 3, "not allowed"},
		{"javascript autolink", title + "x <javascript:alert(1)>\n", 3, "not allowed"},
		{"data link", title + "[x](data:text/html;base64,PHNjcmlwdD4=)\n", 3, "not allowed"},
		{"vbscript ref link", title + "[x][r]\n\n[r]: vbscript:msgbox\n", 3, "not allowed"},
		{"invalid utf8", title + "ok\nbad \xff byte\n", 4, "invalid UTF-8"},
		{"nul", title + "nul \x00 here\n", 3, "control character"},
		{"escape char", title + "\x1b[31mred\n", 3, "control character"},
		{"deep quotes", title + strings.Repeat(">", MaxDepth+5) + " deep\n", 3, "nest deeper"},
		{"deep lists", title + func() string {
			var sb strings.Builder
			for i := range MaxDepth + 5 {
				sb.WriteString(strings.Repeat("  ", i) + "- x\n")
			}
			return sb.String()
		}(), 3 + MaxDepth, "nest deeper"}, // the first item nested too deep
		{"too big", "# T\n\n" + strings.Repeat("a", MaxSize), 0, "more than the limit"},
		{"nested markers", title + "para\n\n" + strings.Repeat("> - ", MaxDepth) + "x\n", 5, "nest deeper"},
		{"brackets", title + "para\n\nstart\n" + strings.Repeat("[a](", MaxBrackets+1) + "\n", 5, "more than 256 ["},
		{"emphasis", title + "para\n\nstart\n" + strings.Repeat("*a _", MaxEmphasis/2) + "\nx*\n", 5, "more than 1024 *"},
		{"toml depth", scenario(valid + "x = [[{a = [[1]]}]]"), 6, "nest deeper than 4"},
		{"toml size", scenario(valid + "# " + strings.Repeat("x", MaxScenario)), 3, "more than the limit"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse("chapters/09-broken.md", []byte(tt.src))
			if err == nil {
				t.Fatalf("no error; want one containing %q", tt.want)
			}
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("error %v is a %T, not *Error", err, err)
			}
			msg := err.Error()
			if !strings.Contains(msg, tt.want) {
				t.Errorf("error %q does not contain %q", msg, tt.want)
			}
			prefix := "markdown: chapters/09-broken.md"
			if tt.line > 0 {
				prefix += fmt.Sprintf(":%d: ", tt.line)
			}
			if !strings.HasPrefix(msg, prefix) || e.Line != tt.line {
				t.Errorf("error %q: want prefix %q (line %d)", msg, prefix, tt.line)
			}
		})
	}
}

// TestParseAccepts lists inputs that must parse, with the block kinds they
// give.
func TestParseAccepts(t *testing.T) {
	tests := []struct {
		name  string
		src   string
		kinds []content.BlockKind
	}{
		{"title only", "# T\n", []content.BlockKind{content.BlockHeading}},
		{"setext title", "T\n=\n", []content.BlockKind{content.BlockHeading}},
		{"crlf", "# T\r\n\r\ntext\r\nmore\r\n", []content.BlockKind{content.BlockHeading, content.BlockParagraph}},
		{"bom", "\ufeff# T\n", []content.BlockKind{content.BlockHeading}},
		{"html as code", "# T\n\n```\n<script>x</script>\n```\n\n`<b>`\n", []content.BlockKind{content.BlockHeading, content.BlockCode, content.BlockParagraph}},
		{"escaped html", "# T\n\n\\<script>\n", []content.BlockKind{content.BlockHeading, content.BlockParagraph}},
		{"strikethrough is text", "# T\n\n~~no~~\n", []content.BlockKind{content.BlockHeading, content.BlockParagraph}},
		{"tab", "# T\n\n\tcode\n", []content.BlockKind{content.BlockHeading, content.BlockCode}},
		{"empty fence", "# T\n\n```\n```\n", []content.BlockKind{content.BlockHeading, content.BlockCode}},
		{"fence in quote", "# T\n\n> ```\n> x\n> ```\n", []content.BlockKind{content.BlockHeading, content.BlockQuote}},
		{"fence in list", "# T\n\n1. item\n\n   ```text\n   x\n   ```\n", []content.BlockKind{content.BlockHeading, content.BlockList}},
		{"fence at end", "# T\n\n```\nx\n```", []content.BlockKind{content.BlockHeading, content.BlockCode}},
		{"link ref only", "# T\n\n[r]: https://a.b\n", []content.BlockKind{content.BlockHeading}},
		{"max depth", "# T\n\n" + strings.Repeat(">", MaxDepth) + " ok\n", []content.BlockKind{content.BlockHeading, content.BlockQuote}},
		{"long thematic break", "# T\n\n" + strings.Repeat("- ", 40) + "\n", []content.BlockKind{content.BlockHeading, content.BlockRule}},
		{"brackets in strings", "# T\n\n```scenario\nunlocked = [\"openness\"] # [[[[[\nprompts = [\"[[[[[\", '[[[[[', \"\"\"\n[[[[[\"\"\"]\n```\n", []content.BlockKind{content.BlockHeading, content.BlockScenario}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := Parse("t.md", []byte(tt.src))
			if err != nil {
				t.Fatal(err)
			}
			var kinds []content.BlockKind
			for _, b := range doc.Blocks {
				kinds = append(kinds, b.Kind)
			}
			if fmt.Sprint(kinds) != fmt.Sprint(tt.kinds) {
				t.Errorf("kinds %v, want %v", kinds, tt.kinds)
			}
			if doc.Title != "T" {
				t.Errorf("title %q, want T", doc.Title)
			}
		})
	}
}

func TestNameParts(t *testing.T) {
	tests := []struct {
		file string
		n    int
		slug string
	}{
		{"chapters/01-born-open.md", 1, "born-open"},
		{"chapters/00-prologue.md", 0, "prologue"},
		{"12-x.md", 12, "x"},
		{"teaching-note.md", 0, "teaching-note"},
		{"x.md", 0, "x"},
		{"-x.md", 0, "-x"},
		{"01-.md", 0, "01-"},
		{"123456-x.md", 0, "123456-x"}, // more than four digits is not a number prefix
	}
	for _, tt := range tests {
		n, slug := nameParts(tt.file)
		if n != tt.n || slug != tt.slug {
			t.Errorf("nameParts(%q) = %d, %q; want %d, %q", tt.file, n, slug, tt.n, tt.slug)
		}
	}
}

func TestSafeURL(t *testing.T) {
	tests := []struct {
		url  string
		safe bool
	}{
		{"https://example.com/x?a=1", true},
		{"HTTP://example.com", true},
		{"mailto:a@b.c", true},
		{"chapters/01-born-open.md", true},
		{"#your-decision", true},
		{"/abs/path", true},
		{"?q=1", true},
		{"", false},
		{"javascript:alert(1)", false},
		{"JAVASCRIPT:alert(1)", false},
		{"vbscript:x", false},
		{"data:text/html,x", false},
		{"data:image/png;base64,AAAA", false},
		{"file:///etc/passwd", false},
		{"ftp://x", false},
		{"http:", false},
		{"http:/x", false},
		{"java\tscript:x", false},
		{"//evil.example/x", true}, // protocol-relative: same scheme as the page, no script
		{"a b", false},
		{"\\\\host\\share", false},
	}
	for _, tt := range tests {
		if got := SafeURL(tt.url); got != tt.safe {
			t.Errorf("SafeURL(%q) = %v, want %v", tt.url, got, tt.safe)
		}
	}
}

// FuzzParse checks that no input panics, that errors are *Error values
// naming the file and a line inside it, and that a parsed document has a
// title and renders to HTML with only our own tags and safe links; the
// same for the input as a file of the Chinese edition.
func FuzzParse(f *testing.F) {
	seeds, _ := filepath.Glob("testdata/*.md")
	chapters, _ := filepath.Glob("chapters/*.md")
	translations, _ := filepath.Glob("testdata/edition/chapters/zh-Hans/*.md")
	for _, name := range append(append(seeds, chapters...), translations...) {
		src, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(src)
	}
	for _, s := range []string{
		"", "# T\n", "# T\n\n<script>alert(1)</script>\n", "# T\n\n[x](javascript:alert(1))\n",
		"# T\n\n```scenario\nrounds = 3\n```\n", "# T\n\n```scenario\n[[goal]]\nmetric = 1\n```\n",
		"# T\n\n| a | b |\n|---|---|\n| <b> | `x` |\n", "# T\n\n> - > 1. > x\n", "# T\n\n*a **b** c*\n",
		"# T\n\n[a]: <https://x> \"t\"\n\n[a]\n", strings.Repeat("[", 100) + "# T",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		// Each input is parsed as an English file and as a translation.
		for _, file := range []string{"fuzz.md", "chapters/zh-Hans/fuzz.md"} {
			doc, err := Parse(file, src)
			if err != nil {
				var e *Error
				if !errors.As(err, &e) || e.File != file {
					t.Fatalf("error %v (%T) does not name the file", err, err)
				}
				if e.Line < 0 || e.Line > bytes.Count(normalize(src), []byte("\n"))+1 {
					t.Fatalf("error %v: line %d outside the input", err, e.Line)
				}
				continue
			}
			if doc.Title == "" {
				t.Fatal("parsed without a title")
			}
			if err := checkHTML(HTML(doc)); err != nil {
				t.Fatal(err)
			}
		}
	})
}

// BenchmarkParseAll parses every embedded chapter (prologue, five chapters,
// epilogue) once per iteration, scenario blocks decoded and validated; the
// budget (issue 3, section 3) is 5 ms per iteration.
func BenchmarkParseAll(b *testing.B) {
	names, err := fs.Glob(content.Files, "chapters/*.md")
	if err != nil || len(names) == 0 {
		b.Fatalf("no chapters: %v", err)
	}
	var srcs [][]byte
	for _, name := range names {
		src, err := content.Files.ReadFile(name)
		if err != nil {
			b.Fatal(err)
		}
		srcs = append(srcs, src)
	}
	b.ReportAllocs()
	for b.Loop() {
		for i, src := range srcs {
			if _, err := Parse(names[i], src); err != nil {
				b.Fatal(err)
			}
		}
	}
}
