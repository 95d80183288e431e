package markdown

import (
	"runtime"
	"strings"
	"testing"
	"time"
)

// pathological returns inputs of about n bytes built to stress a Markdown
// parser: deep nesting, unclosed delimiters, long lines, and the same cut
// into paragraphs just under the limits.
func pathological(n int) map[string]string {
	rep := func(s string) string { return strings.Repeat(s, n/len(s)) }
	return map[string]string{
		"quotes":         "# T\n\n" + rep(">"),
		"quote lines":    "# T\n\n" + rep("> \n"),
		"list nesting":   "# T\n\n" + rep("- "),
		"ordered":        "# T\n\n" + rep("1. "),
		"open brackets":  "# T\n\n" + rep("["),
		"link openers":   "# T\n\n" + rep("[a]("),
		"image openers":  "# T\n\n" + rep("!["),
		"stars":          "# T\n\n" + rep("*"),
		"star words":     "# T\n\n" + rep("*a "),
		"underscores":    "# T\n\n" + rep("_a_ b_"),
		"mixed emphasis": "# T\n\n" + rep("*_**__"),
		"backticks":      "# T\n\n" + rep("`a``"),
		"backtick runs":  "# T\n\n" + rep("``````` a"),
		"lt":             "# T\n\n" + rep("<"),
		"html-ish":       "# T\n\n" + rep("<a"),
		"entities":       "# T\n\n" + rep("&#"),
		"backslashes":    "# T\n\n" + rep("\\"),
		"table":          "# T\n\n| a |\n|---|\n" + rep("|"),
		"table rows":     "# T\n\n| a | b |\n|---|---|\n" + rep("| x | y |\n"),
		"wide table":     "# T\n\n" + strings.Repeat("|a", n/6) + "\n" + strings.Repeat("|-", n/6) + "\n",
		"fences":         "# T\n\n" + rep("```\n"),
		"headings":       rep("# T\n"),
		"setext":         "# T\n\n" + rep("a\n=\n"),
		"ref defs":       "# T\n\n" + rep("[a]: b\n"),
		"link refs":      "# T\n\n[a]: https://x\n\n" + rep("[a]"),
		"newlines":       "# T" + rep("\n"),
		"spaces":         "# T\n\n" + rep(" "),
		"tabs":           "# T\n\n" + rep("\t"),
		"one long line":  "# T\n\n" + rep("word "),
		"scenario":       "# T\n\n```scenario\n" + rep("[[goal]]\n") + "```\n",
		"toml nesting":   "# T\n\n```scenario\nx = " + rep("[") + "\n```\n",
		"toml tables":    "# T\n\n```scenario\nx = " + rep("{a=") + "\n```\n",

		"bracket paragraphs":   "# T\n\n" + rep(strings.Repeat("[a](", MaxBrackets)+"\n\n"),
		"bang paragraphs":      "# T\n\n" + rep(strings.Repeat("![", MaxBrackets)+"\n\n"),
		"star paragraphs":      "# T\n\n" + rep(strings.Repeat("*a ", MaxEmphasis)+"\n\n"),
		"under paragraphs":     "# T\n\n" + rep(strings.Repeat("_a_ b", MaxEmphasis/2)+"\n\n"),
		"mixed paragraphs":     "# T\n\n" + rep(strings.Repeat("*_", MaxEmphasis/2)+strings.Repeat("[", MaxBrackets)+"\n\n"),
		"deep quote lines":     "# T\n\n" + rep(strings.Repeat(">", MaxDepth)+" x\n"),
		"deep list lines":      "# T\n\n" + rep(strings.Repeat("1. ", MaxDepth)+"x\n"),
		"indented lists":       "# T\n\n" + rep("- a\n  - b\n    - c\n      - d\n"),
		"scenario at limit":    "# T\n\n```scenario\nx = " + strings.Repeat("[", maxTOMLDepth-1) + strings.Repeat("{a=1},", (MaxScenario-64)/6) + "\n```\n",
		"toml tables at limit": "# T\n\n```scenario\nx = [" + strings.Repeat("{a={b={c=1}}},", (MaxScenario-64)/14) + "]\n```\n",
	}
}

// TestPathological parses inputs near MaxSize that stress the parser; it
// must return (a document or an error) without panicking. Durations are
// logged (go test -v) rather than asserted.
func TestPathological(t *testing.T) {
	if testing.Short() {
		t.Skip("slow with -short")
	}
	n := MaxSize - 64
	if runtime.GOOS == "js" {
		n /= 8 // the same shapes, smaller: WebAssembly under node is several times slower
	}
	for name, src := range pathological(n) {
		start := time.Now()
		_, err := Parse("big.md", []byte(src))
		t.Logf("%-15s %8d bytes %8v err=%.60v", name, len(src), time.Since(start).Round(time.Millisecond), err)
	}
}
