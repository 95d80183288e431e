// Package content holds the case's text, the prologue, five chapters, the
// epilogue and the teaching note, as Markdown embedded in Files, and the
// renderer-neutral Document those files parse into: the game draws it,
// package content/markdown renders the same tree as safe HTML for the web
// page and for printing.
//
// What lives where:
//
//	chapters/NN-slug.md             the English chapters, the original
//	teaching-note.md                the English teaching note
//	chapters/zh-Hans/NN-slug.md     the Chinese edition: the same file names
//	teaching-note.zh-Hans.md        the Chinese teaching note
//	chapters/zh-Hans/README.md      not a chapter: keeps Files' pattern valid
//	compiled.bin                    the English chapters, compiled
//	compiled.zh-Hans.bin            the Chinese chapters, compiled
//	assignments/*.toml              example assignments (example-zh.toml in Chinese)
//
// English is the original (English, "en"); a translation (Chinese,
// "zh-Hans") mirrors each English file's structure with other words, and
// where the English chapter declares its round in a ```scenario block it
// carries a ```scenario-text block with only the prompts and the goals'
// labels: the round itself (levers, goals, rounds, start) has one source,
// the English block. Document.Lang records a document's language.
//
// The game does not parse Markdown. It starts from Compiled, the chapters
// as markdown.Load parses them, kept in compiled.bin in the compact
// encoding of Encode and Decode, and CompiledLang(Chinese) for the Chinese
// edition, from compiled.zh-Hans.bin. go generate ./content rewrites both;
// a test fails while either is stale. The Chinese file is embedded in every
// build but the browser's (GOOS=js, compiled_zh_js.go), so that the
// English download does not carry it: the web page publishes it beside the
// game, which fetches it when a student picks Chinese and decodes it with
// DecodeEdition.
//
// So the game links neither goldmark nor the parser's checks: package
// content imports only the standard library and game/sim, and a test
// keeps it that way for the game's whole import graph. The package never
// imports ebiten. Package content/markdown imports content; game/classroom
// imports content but not markdown; cmd tools import both.
package content
