// Package content holds the case's text, the prologue, five chapters, the
// epilogue and the teaching note, as Markdown embedded in Files, and the
// renderer-neutral Document those files parse into: the game draws it,
// package content/markdown renders the same tree as safe HTML for the web
// page and for printing.
//
// The game does not parse Markdown. It starts from Compiled, the chapters
// as markdown.Load parses them, kept in compiled.bin in the compact
// encoding of Encode and Decode (go generate ./content rewrites it; a test
// fails while it is stale). So the game links neither goldmark nor the
// parser's checks: package content imports only the standard library and
// game/sim, and a test keeps it that way for the game's whole import
// graph. The package never imports ebiten.
package content
