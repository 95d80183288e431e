// Package content holds the case's text, the prologue, five chapters, the
// epilogue and the teaching note, as Markdown embedded in Files, and parses
// it into renderer-neutral Documents: the game draws them, HTML renders the
// same tree as safe HTML for the web page and for printing.
//
// The Markdown is CommonMark plus GFM tables. A chapter declares the round
// it plays in one ```scenario block of TOML, decoded into a sim.Setup and
// validated. The parser is strict: raw HTML, images, unknown fenced blocks,
// unsafe link targets and malformed scenario blocks are errors (*Error)
// naming the file and the line, and size and nesting limits keep hostile
// input fast. The package never imports ebiten.
package content
