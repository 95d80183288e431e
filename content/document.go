package content

import "github.com/longtail-case/longtail/game/sim"

// Document is one Markdown file of the case, parsed into renderer-neutral
// blocks. The game draws it; markdown.HTML renders the same tree.
type Document struct {
	File   string     // file name inside the content tree, e.g. "chapters/01-born-open.md" or "chapters/zh-Hans/01-born-open.md"
	Lang   string     // the edition's language, English ("en") or Chinese ("zh-Hans"), as HTML's lang attribute writes it
	Slug   string     // file name without number prefix, language and extension, e.g. "born-open"; the same in every edition
	Number int        // the file name's number prefix, e.g. 1; 0 when it has none
	Title  string     // text of the first level-1 heading
	Blocks []Block    // the body, in order (the title heading included)
	Setup  *sim.Setup // the ```scenario block (in a translation, the English block with the translated prompts and goal labels), nil when the file has none
}

// The languages of the case's editions, as BCP 47 tags (HTML's lang
// attribute, an assignment's locale). English is the original: the only
// edition whose chapters declare their rounds; a translation carries only
// the words of each scenario (see package content/markdown).
const (
	English = "en"      // the original edition: chapters/, teaching-note.md
	Chinese = "zh-Hans" // Simplified Chinese: chapters/zh-Hans/, teaching-note.zh-Hans.md
)

// Languages returns the editions' languages, English first.
func Languages() []string { return []string{English, Chinese} }

// BlockKind says what a block is.
type BlockKind uint8

// The kinds of block.
const (
	BlockParagraph BlockKind = iota
	BlockHeading             // Level 1–6
	BlockQuote               // Children hold the quoted blocks
	BlockList                // Items hold one []Block per item; Ordered, Start
	BlockTable               // Rows; Header says whether Rows[0] is a header row
	BlockRule                // thematic break
	BlockCode                // fenced or indented code other than scenario; Text
	BlockScenario            // where the ```scenario (or, in a translation, ```scenario-text) block stood; its contents are Document.Setup
)

// Block is one block of a document.
type Block struct {
	Kind     BlockKind
	Level    int        // heading level
	Spans    []Span     // inline content of paragraphs and headings
	Children []Block    // quote contents
	Items    [][]Block  // list items
	Ordered  bool       // numbered list
	Start    int        // first number of an ordered list
	Tight    bool       // list items are not separated by blank lines
	Rows     [][][]Span // table cells, row by row
	Header   bool       // Rows[0] is the header row
	Align    []string   // per column: "", "left", "center", "right"
	Text     string     // code text
	Line     int        // 1-based source line where the block starts
}

// Style is a set of inline styles.
type Style uint8

// Inline styles; they combine.
const (
	Emph   Style = 1 << iota // emphasis (italic)
	Strong                   // strong (bold)
	Code                     // inline code
	Link                     // part of a link; Span.URL is set
)

// Span is a run of text with one style.
type Span struct {
	Text  string
	Style Style
	URL   string // link target when Style has Link
}
