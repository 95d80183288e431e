// Package markdown parses the case's Markdown (package content's Files)
// into content.Documents and renders them as HTML. It is the one Markdown
// parser of the project, built on goldmark; the web page
// (cmd/longtail-serve), the command-line tools and go generate ./content
// use it, the game does not (it decodes content.Compiled instead).
//
// The Markdown is CommonMark plus GFM tables. A chapter declares the round
// it plays in one ```scenario block of TOML, decoded into a sim.Setup and
// validated. The parser is strict: raw HTML, images, unknown fenced blocks,
// unsafe link targets and malformed scenario blocks are errors (*Error)
// naming the file and the line, and size and nesting limits keep hostile
// input fast. The package never imports ebiten.
package markdown
