package content

import "embed"

// Files holds the case's text: chapters/NN-slug.md and teaching-note.md.
// Pass it to markdown.Load and markdown.TeachingNote.
//
//go:embed chapters/*.md teaching-note.md
var Files embed.FS
