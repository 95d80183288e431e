package markdown

import (
	"bufio"
	"bytes"
	"fmt"
	"html"
	"path"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/longtail-case/longtail/content"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	gmhtml "github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/text"
)

// Limits on the input. Markdown parsers, goldmark included, take time
// quadratic (or worse) in some constructs: deeply nested containers and
// long runs of unmatched brackets or emphasis markers. These limits keep
// every input, however hostile, to a fraction of a second while leaving
// room to spare for real text: a chapter is about 7 KiB with a handful of
// links, the teaching note about 64 KiB.
const (
	MaxSize      = 256 << 10 // bytes in a file
	MaxDepth     = 16        // nesting of block quotes and lists
	MaxBrackets  = 256       // '[' in one paragraph (a run of non-blank lines)
	MaxEmphasis  = 1024      // '*' and '_' in one paragraph
	MaxScenario  = 16 << 10  // bytes in the scenario block
	maxTOMLDepth = 4         // nesting of TOML arrays and inline tables
)

// codeLanguages lists the info strings a fenced code block may carry besides
// "scenario" (English files) and "scenario-text" (translations); a fence with no info string is plain code too. Any other info
// string is an error, so that a misspelt ```scenaro is caught.
var codeLanguages = []string{"text", "toml", "json", "csv", "sh", "go"}

// Error is a problem in a content file, at a line.
type Error struct {
	File string // file name as given to Parse
	Line int    // 1-based line in the Markdown file; 0 when the problem is the whole file
	Msg  string // what is wrong
}

// Error formats the problem as "markdown: file:line: message".
func (e *Error) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("markdown: %s:%d: %s", e.File, e.Line, e.Msg)
	}
	return fmt.Sprintf("markdown: %s: %s", e.File, e.Msg)
}

// Parse parses one Markdown file of the case into a Document. file names the
// file in errors and gives the document its Slug and Number.
//
// Parse accepts CommonMark plus GFM tables: headings, paragraphs, emphasis
// and strong, inline code, links (http, https, mailto, relative and
// #fragment targets only), block quotes, ordered and unordered lists,
// tables, thematic breaks, code blocks (indented, unlabelled fences or the
// languages text, toml, json, csv, sh and go) and at most one ```scenario
// block at the top level, which it decodes into Document.Setup and
// validates. Everything else is an error naming the file and line: raw HTML
// (block or inline; the case's text must not carry markup that a browser
// would run), images, other fenced info strings, invalid UTF-8, control
// characters, input beyond the limits above (MaxSize, MaxDepth,
// MaxBrackets, MaxEmphasis, MaxScenario) and a file without a level-1
// heading (the title). Errors are *Error values. The title is the text of
// the first level-1 heading; text before it is allowed.
//
// The file's name gives its language (FileLang): a file of the Chinese
// edition, chapters/zh-Hans/NN-slug.md or teaching-note.zh-Hans.md, may
// not carry a ```scenario block but at most one ```scenario-text block
// (see Translate), which Parse checks strictly and leaves out of the
// Setup, which stays nil; Translate gives a translation the setup of its
// English original. A ```scenario-text block in an English file is an
// error.
func Parse(file string, src []byte) (content.Document, error) {
	doc, _, err := parse(file, src)
	return doc, err
}

// parse is Parse, also returning the words of a translation's
// ```scenario-text block (nil when it has none).
func parse(file string, src []byte) (content.Document, *scenarioText, error) {
	if len(src) > MaxSize {
		return content.Document{}, nil, &Error{File: file, Msg: fmt.Sprintf("file is %d bytes, more than the limit of %d", len(src), MaxSize)}
	}
	src = normalize(src)
	c := &converter{file: file, src: src}
	c.lineStarts()
	if err := c.checkText(); err != nil {
		return content.Document{}, nil, err
	}
	if err := c.checkShape(); err != nil {
		return content.Document{}, nil, err
	}
	md := goldmark.New(goldmark.WithExtensions(extension.Table))
	root := md.Parser().Parse(text.NewReader(src))
	c.doc = content.Document{File: file, Lang: FileLang(file)}
	c.doc.Number, c.doc.Slug = nameParts(file)
	if c.doc.Lang != content.English {
		c.doc.Slug = strings.TrimSuffix(c.doc.Slug, "."+c.doc.Lang)
	}
	blocks, err := c.blocks(root, 0)
	if err != nil {
		return content.Document{}, nil, err
	}
	c.doc.Blocks = blocks
	if c.doc.Title == "" {
		return content.Document{}, nil, &Error{File: file, Msg: "no title: the file needs a level-1 heading (# Title) with text"}
	}
	return c.doc, c.text, nil
}

// FileLang returns the language of a file of the content tree from its
// name: Chinese for a file in a directory named zh-Hans
// (chapters/zh-Hans/01-born-open.md) or named NAME.zh-Hans.md
// (teaching-note.zh-Hans.md), English for any other.
func FileLang(file string) string {
	for _, lang := range content.Languages()[1:] {
		if strings.HasSuffix(file, "."+lang+".md") || slices.Contains(strings.Split(path.Dir(file), "/"), lang) {
			return lang
		}
	}
	return content.English
}

// normalize strips a UTF-8 byte order mark and turns CRLF and lone CR line
// endings into LF; line numbers stay the same.
func normalize(src []byte) []byte {
	src = bytes.TrimPrefix(src, []byte("\xef\xbb\xbf"))
	if bytes.IndexByte(src, '\r') < 0 {
		return src
	}
	out := bytes.ReplaceAll(src, []byte("\r\n"), []byte("\n"))
	return bytes.ReplaceAll(out, []byte("\r"), []byte("\n"))
}

// nameParts splits a file name like "chapters/01-born-open.md" into its
// number prefix (1) and slug ("born-open"). A name without a number prefix
// has number 0 and its base name without extension as slug.
func nameParts(file string) (int, string) {
	base := strings.TrimSuffix(path.Base(file), path.Ext(file))
	digits, rest, ok := strings.Cut(base, "-")
	if !ok || digits == "" || rest == "" || strings.Trim(digits, "0123456789") != "" || len(digits) > 4 {
		return 0, base
	}
	n, _ := strconv.Atoi(digits)
	return n, rest
}

// converter turns one goldmark tree into a Document.
type converter struct {
	file     string
	src      []byte
	starts   []int // byte offset of the start of each line
	doc      content.Document
	scenario int           // line of the scenario (or scenario-text) block, 0 before one is seen
	text     *scenarioText // a translation's scenario-text block, nil before one is seen
	buf      bytes.Buffer
	w        *bufio.Writer
}

func (c *converter) errf(line int, format string, args ...any) error {
	return &Error{File: c.file, Line: line, Msg: fmt.Sprintf(format, args...)}
}

func (c *converter) lineStarts() {
	c.starts = append(c.starts, 0)
	for i, b := range c.src {
		if b == '\n' {
			c.starts = append(c.starts, i+1)
		}
	}
}

// lineAt returns the 1-based line holding the byte at offset.
func (c *converter) lineAt(offset int) int {
	return sort.Search(len(c.starts), func(i int) bool { return c.starts[i] > offset })
}

// checkText rejects invalid UTF-8 and control characters other than tab and
// newline.
func (c *converter) checkText() error {
	src := c.src
	valid := utf8.Valid(src)
	for i := 0; i < len(src); {
		b := src[i]
		if b < utf8.RuneSelf {
			if (b < 0x20 && b != '\t' && b != '\n') || b == 0x7f {
				return c.errf(c.lineAt(i), "control character %#02x; the file must be plain text", b)
			}
			i++
			continue
		}
		if valid {
			i++
			continue
		}
		r, size := utf8.DecodeRune(src[i:])
		if r == utf8.RuneError && size == 1 {
			return c.errf(c.lineAt(i), "invalid UTF-8; save the file as UTF-8")
		}
		i += size
	}
	return nil
}

// checkShape enforces MaxDepth on the container markers that open a line
// and MaxBrackets and MaxEmphasis on each paragraph, before goldmark sees
// the text.
func (c *converter) checkShape() error {
	run, brackets, emphasis := 0, 0, 0
	for i, start := range c.starts {
		end := len(c.src)
		if i+1 < len(c.starts) {
			end = c.starts[i+1]
		}
		line := c.src[start:end]
		if len(bytes.TrimSpace(line)) == 0 {
			run, brackets, emphasis = 0, 0, 0
			continue
		}
		if run == 0 {
			run = i + 1
		}
		if containerDepth(line) > MaxDepth {
			return c.errf(i+1, "block quotes and lists nest deeper than %d levels", MaxDepth)
		}
		brackets += bytes.Count(line, []byte("["))
		emphasis += bytes.Count(line, []byte("*")) + bytes.Count(line, []byte("_"))
		if brackets > MaxBrackets {
			return c.errf(run, "more than %d [ in the paragraph starting here", MaxBrackets)
		}
		if emphasis > MaxEmphasis {
			return c.errf(run, "more than %d * and _ in the paragraph starting here", MaxEmphasis)
		}
	}
	return nil
}

// containerDepth counts the block quote and list markers that open a line,
// e.g. 3 for "> - 1. text". A thematic break ("* * *") counts 0.
func containerDepth(line []byte) int {
	t := bytes.TrimSpace(line)
	if len(t) > 0 && (t[0] == '-' || t[0] == '*' || t[0] == '_') && len(bytes.Trim(t, string(t[0])+" \t")) == 0 {
		return 0
	}
	space := func(i int) bool { return i >= len(line) || line[i] == ' ' || line[i] == '\t' || line[i] == '\n' }
	d, i := 0, 0
	for {
		for i < len(line) && (line[i] == ' ' || line[i] == '\t') {
			i++
		}
		if i >= len(line) {
			return d
		}
		switch b := line[i]; {
		case b == '>':
			i++
		case (b == '-' || b == '+' || b == '*') && space(i+1):
			i++
		case b >= '0' && b <= '9':
			k := i
			for k < len(line) && k-i < 10 && line[k] >= '0' && line[k] <= '9' {
				k++
			}
			if k >= len(line) || (line[k] != '.' && line[k] != ')') || !space(k+1) {
				return d
			}
			i = k + 1
		default:
			return d
		}
		d++
	}
}

// line returns the source line where a node starts, looking at its
// position, its lines, then its first child, then its parent.
func (c *converter) line(n ast.Node) int {
	for m := n; m != nil; m = m.FirstChild() {
		if p := m.Pos(); p >= 0 && p <= len(c.src) {
			return c.lineAt(p)
		}
		if m.Type() == ast.TypeBlock && m.Lines().Len() > 0 {
			return c.lineAt(m.Lines().At(0).Start)
		}
	}
	for m := n.Parent(); m != nil; m = m.Parent() {
		if p := m.Pos(); p >= 0 && p <= len(c.src) {
			return c.lineAt(p)
		}
	}
	return 1
}

// blocks converts the block children of n.
func (c *converter) blocks(n ast.Node, depth int) ([]content.Block, error) {
	if depth > MaxDepth {
		return nil, c.errf(c.line(n), "block quotes and lists nest deeper than %d levels", MaxDepth)
	}
	var out []content.Block
	for k := n.FirstChild(); k != nil; k = k.NextSibling() {
		b, keep, err := c.block(k, depth)
		if err != nil {
			return nil, err
		}
		if keep {
			out = append(out, b)
		}
	}
	return out, nil
}

// block converts one block node; keep is false for nodes that leave no
// block (link reference definitions).
func (c *converter) block(n ast.Node, depth int) (b content.Block, keep bool, err error) {
	b.Line = c.line(n)
	switch n := n.(type) {
	case *ast.Heading:
		b.Kind, b.Level = content.BlockHeading, n.Level
		if b.Spans, err = c.inlines(n, 0, "", nil); err != nil {
			return b, false, err
		}
		b.Spans = merge(b.Spans)
		if n.Level == 1 && c.doc.Title == "" {
			c.doc.Title = strings.TrimSpace(plain(b.Spans))
		}
	case *ast.Paragraph, *ast.TextBlock:
		b.Kind = content.BlockParagraph
		if b.Spans, err = c.inlines(n, 0, "", nil); err != nil {
			return b, false, err
		}
		b.Spans = merge(b.Spans)
	case *ast.Blockquote:
		b.Kind = content.BlockQuote
		if b.Children, err = c.blocks(n, depth+1); err != nil {
			return b, false, err
		}
	case *ast.List:
		b.Kind, b.Ordered, b.Start, b.Tight = content.BlockList, n.IsOrdered(), n.Start, n.IsTight
		for item := n.FirstChild(); item != nil; item = item.NextSibling() {
			bs, err := c.blocks(item, depth+1)
			if err != nil {
				return b, false, err
			}
			b.Items = append(b.Items, bs)
		}
	case *ast.ThematicBreak:
		b.Kind = content.BlockRule
	case *ast.CodeBlock:
		b.Kind, b.Text = content.BlockCode, c.lines(n)
	case *ast.FencedCodeBlock:
		return c.fenced(n, b, depth)
	case *east.Table:
		b.Kind, b.Header = content.BlockTable, true
		for _, a := range n.Alignments {
			switch a {
			case east.AlignLeft, east.AlignCenter, east.AlignRight:
				b.Align = append(b.Align, a.String())
			default:
				b.Align = append(b.Align, "")
			}
		}
		for row := n.FirstChild(); row != nil; row = row.NextSibling() {
			var cells [][]content.Span
			for cell := row.FirstChild(); cell != nil; cell = cell.NextSibling() {
				spans, err := c.inlines(cell, 0, "", nil)
				if err != nil {
					return b, false, err
				}
				cells = append(cells, merge(spans))
			}
			b.Rows = append(b.Rows, cells)
		}
	case *ast.LinkReferenceDefinition:
		return b, false, nil
	case *ast.HTMLBlock:
		return b, false, c.errf(b.Line, "raw HTML is not allowed; write Markdown instead")
	default:
		return b, false, c.errf(b.Line, "unsupported Markdown block (%s)", n.Kind())
	}
	return b, true, nil
}

// fenced converts a fenced code block: plain code, a known language, or
// the scenario block.
func (c *converter) fenced(n *ast.FencedCodeBlock, b content.Block, depth int) (content.Block, bool, error) {
	var info string
	if n.Info != nil {
		b.Line = c.lineAt(n.Info.Segment.Start)
		info = string(n.Info.Segment.Value(c.src))
	}
	lang, _, _ := strings.Cut(strings.TrimSpace(info), " ")
	if !c.closed(n, b.Line) {
		return b, false, c.errf(b.Line, "the code block opened here is never closed; end it with a line of %s", c.fence(b.Line))
	}
	english := c.doc.Lang == content.English
	switch {
	case lang == "scenario" && !english:
		return b, false, c.errf(b.Line, "a translation carries no ```scenario block: write a ```scenario-text block with only the prompts and the goals' labels (the levers, goals and rounds come from the English chapter)")
	case lang == "scenario-text" && english:
		return b, false, c.errf(b.Line, "a ```scenario-text block belongs in a translation (chapters/zh-Hans/…); an English chapter declares its round in a ```scenario block")
	case lang == "scenario" || lang == "scenario-text":
		if depth > 0 {
			return b, false, c.errf(b.Line, "the %s block must be at the top level, not inside a list or quote", lang)
		}
		if c.scenario > 0 {
			return b, false, c.errf(b.Line, "second %s block; the first is at line %d and a file carries at most one", lang, c.scenario)
		}
		c.scenario = b.Line
		b.Kind = content.BlockScenario
		if !english {
			t, err := c.decodeScenarioText(c.lines(n), b.Line)
			if err != nil {
				return b, false, err
			}
			c.text = &t
			return b, true, nil
		}
		s, err := c.decodeSetup(c.lines(n), b.Line)
		if err != nil {
			return b, false, err
		}
		c.doc.Setup = &s
		return b, true, nil
	case lang == "" || slices.Contains(codeLanguages, lang):
		b.Kind, b.Text = content.BlockCode, c.lines(n)
		return b, true, nil
	}
	block := "scenario"
	if !english {
		block = "scenario-text"
	}
	return b, false, c.errf(b.Line, "unknown fenced block %q; use %s, a plain ``` fence or one of %s", lang, block, strings.Join(codeLanguages, ", "))
}

// fence returns the fence (``` or ~~~, as long as the opening one) that
// opens the code block at line.
func (c *converter) fence(line int) string {
	t := strings.TrimLeft(c.lineText(line), " \t>-+*.)0123456789")
	if t == "" || (t[0] != '`' && t[0] != '~') {
		return "```"
	}
	n := len(t) - len(strings.TrimLeft(t, t[:1]))
	return strings.Repeat(t[:1], n)
}

// closed reports whether the fenced code block opened at line open has a
// closing fence: the line after its last line, past any container markers,
// starts with the opening fence.
func (c *converter) closed(n *ast.FencedCodeBlock, open int) bool {
	next := open + 1
	if l := n.Lines().Len(); l > 0 {
		next = c.lineAt(n.Lines().At(l-1).Start) + 1
	}
	if next > len(c.starts) {
		return false
	}
	t := strings.TrimLeft(c.lineText(next), " \t>")
	return strings.HasPrefix(t, c.fence(open))
}

// lineText returns the text of a 1-based line without its newline.
func (c *converter) lineText(line int) string {
	if line < 1 || line > len(c.starts) {
		return ""
	}
	end := len(c.src)
	if line < len(c.starts) {
		end = c.starts[line]
	}
	return strings.TrimSuffix(string(c.src[c.starts[line-1]:end]), "\n")
}

// lines joins the source lines of a block.
func (c *converter) lines(n ast.Node) string {
	var sb strings.Builder
	for i := 0; i < n.Lines().Len(); i++ {
		seg := n.Lines().At(i)
		sb.Write(seg.Value(c.src))
	}
	return sb.String()
}

// inlines appends the spans of n's inline children, styled with style and
// linked to url, to spans.
func (c *converter) inlines(n ast.Node, style content.Style, url string, spans []content.Span) ([]content.Span, error) {
	var err error
	for k := n.FirstChild(); k != nil; k = k.NextSibling() {
		switch k := k.(type) {
		case *ast.Text:
			v := k.Segment.Value(c.src)
			var s string
			if k.IsRaw() {
				s = string(v)
			} else {
				s = c.unescape(v)
			}
			switch {
			case k.HardLineBreak():
				s += "\n"
			case k.SoftLineBreak():
				s += " "
			}
			spans = addSpan(spans, content.Span{Text: s, Style: style, URL: url})
		case *ast.String:
			s := string(k.Value)
			if !k.IsRaw() && !k.IsCode() {
				s = c.unescape(k.Value)
			}
			spans = addSpan(spans, content.Span{Text: s, Style: style, URL: url})
		case *ast.CodeSpan:
			var sb strings.Builder
			for t := k.FirstChild(); t != nil; t = t.NextSibling() {
				switch t := t.(type) {
				case *ast.Text:
					v := t.Segment.Value(c.src)
					if bytes.HasSuffix(v, []byte("\n")) {
						v = append(v[:len(v)-1:len(v)-1], ' ')
					}
					sb.Write(v)
				case *ast.String:
					sb.Write(t.Value)
				}
			}
			spans = addSpan(spans, content.Span{Text: sb.String(), Style: style | content.Code, URL: url})
		case *ast.Emphasis:
			st := content.Emph
			if k.Level >= 2 {
				st = content.Strong
			}
			if spans, err = c.inlines(k, style|st, url, spans); err != nil {
				return nil, err
			}
		case *ast.Link:
			u := c.unescape(k.Destination)
			if !SafeURL(u) {
				return nil, c.errf(c.line(k), "link target %q is not allowed; use http, https, mailto, a relative path or #fragment", u)
			}
			if spans, err = c.inlines(k, style|content.Link, u, spans); err != nil {
				return nil, err
			}
		case *ast.AutoLink:
			u := string(k.URL(c.src))
			if k.AutoLinkType == ast.AutoLinkEmail && !strings.HasPrefix(strings.ToLower(u), "mailto:") {
				u = "mailto:" + u
			}
			if !SafeURL(u) {
				return nil, c.errf(c.line(k), "link target %q is not allowed; use http, https, mailto, a relative path or #fragment", u)
			}
			spans = addSpan(spans, content.Span{Text: string(k.Label(c.src)), Style: style | content.Link, URL: u})
		case *ast.Image:
			return nil, c.errf(c.line(k), "images are not supported in the case's text")
		case *ast.RawHTML:
			return nil, c.errf(c.line(k), "raw HTML is not allowed; write Markdown instead")
		default:
			return nil, c.errf(c.line(k), "unsupported Markdown inline (%s)", k.Kind())
		}
	}
	return spans, nil
}

// unescape resolves backslash escapes and entity references exactly as
// goldmark's HTML writer does, returning plain text.
func (c *converter) unescape(v []byte) string {
	if bytes.IndexByte(v, '\\') < 0 && bytes.IndexByte(v, '&') < 0 {
		return string(v)
	}
	if c.w == nil {
		c.w = bufio.NewWriter(&c.buf)
	}
	c.buf.Reset()
	gmhtml.DefaultWriter.Write(c.w, v)
	_ = c.w.Flush()
	return html.UnescapeString(c.buf.String())
}

// addSpan appends s, dropping empty text; merge joins neighbours later.
func addSpan(spans []content.Span, s content.Span) []content.Span {
	if s.Text == "" {
		return spans
	}
	return append(spans, s)
}

// merge joins neighbouring spans with the same style and link, in place.
func merge(spans []content.Span) []content.Span {
	out := spans[:0]
	for i := 0; i < len(spans); {
		j := i + 1
		for j < len(spans) && spans[j].Style == spans[i].Style && spans[j].URL == spans[i].URL {
			j++
		}
		s := spans[i]
		if j > i+1 {
			var sb strings.Builder
			for _, t := range spans[i:j] {
				sb.WriteString(t.Text)
			}
			s.Text = sb.String()
		}
		out = append(out, s)
		i = j
	}
	return out
}

// plain returns the text of spans without styles.
func plain(spans []content.Span) string {
	var sb strings.Builder
	for _, s := range spans {
		sb.WriteString(s.Text)
	}
	return sb.String()
}

// SafeURL reports whether a link target may appear in the case: an http,
// https or mailto URL, a relative path or a #fragment. Anything with
// another scheme (javascript:, data:, file:, …), control characters or
// spaces is unsafe.
func SafeURL(u string) bool {
	if u == "" || gmhtml.IsDangerousURL([]byte(u)) {
		return false
	}
	for _, r := range u {
		if r <= ' ' || r == 0x7f || r == '\\' {
			return false
		}
	}
	i := strings.IndexAny(u, ":/?#")
	if i < 0 || u[i] != ':' {
		return true // relative path or fragment
	}
	switch strings.ToLower(u[:i]) {
	case "http", "https":
		return strings.HasPrefix(u[i:], "://") && len(u) > i+3
	case "mailto":
		return len(u) > i+1
	}
	return false
}
