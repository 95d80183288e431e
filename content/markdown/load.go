package markdown

import (
	"fmt"
	"io"
	"io/fs"
	"path"
	"slices"
	"strings"

	"github.com/longtail-case/longtail/content"
)

// TeachingNoteFile is the teaching note's name in the content tree.
const TeachingNoteFile = "teaching-note.md"

// Load parses every chapter, chapters/NN-slug.md in fsys (content.Files or
// a directory), in the order of the number prefix NN. The prologue is
// number 00. Names starting with a dot are ignored; a chapter without a
// number prefix, two chapters with the same number, a directory without
// chapters or any file that does not parse is an error.
func Load(fsys fs.FS) ([]content.Document, error) {
	names, err := fs.Glob(fsys, "chapters/*.md")
	if err != nil {
		return nil, fmt.Errorf("markdown: %w", err)
	}
	var docs []content.Document
	seen := map[int]string{}
	for _, name := range names {
		if strings.HasPrefix(path.Base(name), ".") {
			continue
		}
		n, slug := nameParts(name)
		if slug == strings.TrimSuffix(path.Base(name), ".md") {
			return nil, &Error{File: name, Msg: "chapter file names start with a number, e.g. chapters/01-born-open.md"}
		}
		if other, ok := seen[n]; ok {
			return nil, &Error{File: name, Msg: fmt.Sprintf("number %02d is also used by %s", n, other)}
		}
		seen[n] = name
		doc, err := parseFile(fsys, name)
		if err != nil {
			return nil, err
		}
		docs = append(docs, doc)
	}
	if len(docs) == 0 {
		return nil, fmt.Errorf("markdown: no chapters (chapters/NN-slug.md) found")
	}
	slices.SortFunc(docs, func(a, b content.Document) int { return a.Number - b.Number })
	return docs, nil
}

// TeachingNote parses the teaching note for instructors,
// teaching-note.md in fsys.
func TeachingNote(fsys fs.FS) (content.Document, error) {
	return parseFile(fsys, TeachingNoteFile)
}

// parseFile reads at most MaxSize+1 bytes of a file and parses them.
func parseFile(fsys fs.FS, name string) (content.Document, error) {
	src, err := readFile(fsys, name)
	if err != nil {
		return content.Document{}, err
	}
	return Parse(name, src)
}

// readFile reads at most MaxSize+1 bytes of a file (Parse reports the
// excess).
func readFile(fsys fs.FS, name string) ([]byte, error) {
	f, err := fsys.Open(name)
	if err != nil {
		return nil, fmt.Errorf("markdown: %w", err)
	}
	defer f.Close()
	src, err := io.ReadAll(io.LimitReader(f, MaxSize+1))
	if err != nil {
		return nil, fmt.Errorf("markdown: %s: %w", name, err)
	}
	return src, nil
}
