package content

import "embed"

// Files holds the case's text: the English chapters chapters/NN-slug.md
// and teaching-note.md, and the Chinese edition's chapters/zh-Hans/NN-slug.md
// (the same names) and teaching-note.zh-Hans.md, when present.
// chapters/zh-Hans/README.md, which is not a chapter, keeps the pattern
// valid while the Chinese edition has no chapter. Pass Files to
// markdown.Load, markdown.LoadLang and markdown.TeachingNoteLang.
//
// The game does not use Files (it decodes Compiled), so none of this text
// is linked into it.
//
//go:embed chapters/*.md chapters/zh-Hans/*.md teaching-note*.md
var Files embed.FS
