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
//
// Editions. Load and TeachingNote read the English original; LoadLang and
// TeachingNoteLang read an edition by language (content.English,
// content.Chinese). A file's name gives its language (FileLang): the
// Chinese chapters are chapters/zh-Hans/NN-slug.md, with the English file
// names, and the Chinese note is teaching-note.zh-Hans.md. A translation
// may not carry a ```scenario block; where its original has one it carries
// a ```scenario-text block of TOML holding only
//
//	prompts = ["…", "…"]   # as many as the English block's, in order
//
//	[[goal]]               # one per English goal, in order
//	label = "…"
//
// and Translate gives it the English setup with those words. Anything
// else in the block, a wrong count, a scenario-text block in an English
// file or where the original has no scenario is an *Error naming the file
// and the line. CheckTranslation compares a pair's structure (headings,
// exhibits, tables and their figures, rules, blockquote boxes, link
// targets, the scenario's place and counts) and returns every Mismatch;
// a test holds the real files to it.
package markdown
