package markdown

import (
	"fmt"
	"io/fs"
	"maps"
	"path"
	"slices"
	"strings"

	"github.com/longtail-case/longtail/content"
	"github.com/longtail-case/longtail/game/sim"
)

// ChapterDir returns the directory of an edition's chapters in the content
// tree: "chapters" for English, "chapters/zh-Hans" for Chinese. The
// translations carry the English file names.
func ChapterDir(lang string) string {
	if lang == content.English {
		return "chapters"
	}
	return "chapters/" + lang
}

// TeachingNotePath returns the teaching note's file for an edition:
// "teaching-note.md" for English, "teaching-note.zh-Hans.md" for Chinese.
func TeachingNotePath(lang string) string {
	if lang == content.English {
		return TeachingNoteFile
	}
	return "teaching-note." + lang + ".md"
}

// knownLang returns an error unless lang is one of content.Languages.
func knownLang(lang string) error {
	if !slices.Contains(content.Languages(), lang) {
		return fmt.Errorf("markdown: no edition in language %q (the editions are %s)", lang, strings.Join(content.Languages(), ", "))
	}
	return nil
}

// LoadLang parses an edition's chapters in fsys (content.Files or a
// directory), in reading order. LoadLang(fsys, content.English) is
// Load(fsys). For a translation it loads the English chapters, then
// ChapterDir(lang)/NN-slug.md, each parsed with Translate against the
// English chapter of the same name: the translation's setups are the
// English ones with the translated words. README.md and names starting
// with a dot are ignored there. A translation without an English chapter
// of its name, an English chapter without its translation, an edition
// without chapters or any file that does not parse is an error (an *Error
// naming the file, and the line where there is one).
func LoadLang(fsys fs.FS, lang string) ([]content.Document, error) {
	if err := knownLang(lang); err != nil {
		return nil, err
	}
	en, err := Load(fsys)
	if err != nil || lang == content.English {
		return en, err
	}
	names, err := EditionFiles(fsys, lang)
	if err != nil {
		return nil, err
	}
	if len(names) == 0 {
		return nil, fmt.Errorf("markdown: no chapters (%s/NN-slug.md) in the %s edition", ChapterDir(lang), lang)
	}
	byName := map[string]content.Document{}
	for _, d := range en {
		byName[path.Base(d.File)] = d
	}
	var docs []content.Document
	done := map[string]bool{}
	for _, name := range names {
		orig, ok := byName[path.Base(name)]
		if !ok {
			return nil, &Error{File: name, Msg: fmt.Sprintf("no English chapter %s/%s: a translation carries the file name of its English original", ChapterDir(content.English), path.Base(name))}
		}
		src, err := readFile(fsys, name)
		if err != nil {
			return nil, err
		}
		doc, err := Translate(orig, name, src)
		if err != nil {
			return nil, err
		}
		done[path.Base(name)] = true
		docs = append(docs, doc)
	}
	for _, d := range en {
		if !done[path.Base(d.File)] {
			return nil, &Error{File: ChapterDir(lang) + "/" + path.Base(d.File), Msg: fmt.Sprintf("missing: the %s edition needs a translation of %s", lang, d.File)}
		}
	}
	slices.SortFunc(docs, func(a, b content.Document) int { return a.Number - b.Number })
	return docs, nil
}

// EditionFiles lists the chapter files of a translation in fsys,
// ChapterDir(lang)/*.md without README.md and names starting with a dot,
// sorted; none is not an error. For English it lists chapters/*.md the
// same way.
func EditionFiles(fsys fs.FS, lang string) ([]string, error) {
	if err := knownLang(lang); err != nil {
		return nil, err
	}
	names, err := fs.Glob(fsys, ChapterDir(lang)+"/*.md")
	if err != nil {
		return nil, fmt.Errorf("markdown: %w", err)
	}
	var out []string
	for _, n := range names {
		if b := path.Base(n); b != "README.md" && !strings.HasPrefix(b, ".") {
			out = append(out, n)
		}
	}
	return out, nil
}

// TeachingNoteLang parses an edition's teaching note, TeachingNotePath(lang)
// in fsys. TeachingNoteLang(fsys, content.English) is TeachingNote(fsys).
func TeachingNoteLang(fsys fs.FS, lang string) (content.Document, error) {
	if err := knownLang(lang); err != nil {
		return content.Document{}, err
	}
	return parseFile(fsys, TeachingNotePath(lang))
}

// Translate parses file, a translation of the English document en (a
// chapter as Load returns it), and gives it its setup: en's Setup with the
// reflection prompts and the goals' labels of the translation's
// ```scenario-text block. That block holds, as TOML, only
//
//	prompts = ["…", "…"]   # exactly as many as en's, in the same order
//
//	[[goal]]               # one per goal of en, in the same order
//	label = "…"
//
// Everything that makes the round (levers, goals' metrics and thresholds,
// rounds, start values) comes from en alone. A translation whose name is
// not a translation's (FileLang is English), a scenario-text block where
// en has no scenario or none where it has one, or a count of prompts or
// goals other than en's is an *Error naming the file and the line.
func Translate(en content.Document, file string, src []byte) (content.Document, error) {
	if FileLang(file) == content.English {
		return content.Document{}, &Error{File: file, Msg: fmt.Sprintf("not a translation's name: put it in %s/ (or name the teaching note %s)", ChapterDir(content.Chinese), TeachingNotePath(content.Chinese))}
	}
	doc, text, err := parse(file, src)
	if err != nil {
		return content.Document{}, err
	}
	switch {
	case en.Setup == nil && text != nil:
		return content.Document{}, &Error{File: file, Line: text.Line, Msg: fmt.Sprintf("scenario-text block, but the English original %s has no scenario block", en.File)}
	case en.Setup == nil:
		return doc, nil
	case text == nil:
		return content.Document{}, &Error{File: file, Msg: fmt.Sprintf("no ```scenario-text block: the English original %s has a scenario at line %d; put one with its %d prompts and %d goal labels in the same place",
			en.File, scenarioLine(en), len(en.Setup.Prompts), len(en.Setup.Goals))}
	}
	if got, want := len(text.Prompts), len(en.Setup.Prompts); got != want {
		return content.Document{}, &Error{File: file, Line: text.PromptsLine, Msg: fmt.Sprintf("scenario-text: %d prompts; the English scenario (%s:%d) has %d, and each is translated in its place", got, en.File, scenarioLine(en), want)}
	}
	if got, want := len(text.Labels), len(en.Setup.Goals); got != want {
		line := text.Line
		if got > want {
			line = text.GoalLines[want]
		}
		return content.Document{}, &Error{File: file, Line: line, Msg: fmt.Sprintf("scenario-text: %d [[goal]] labels; the English scenario (%s:%d) has %d goals, and each needs its label in its place", got, en.File, scenarioLine(en), want)}
	}
	s := cloneSetup(*en.Setup)
	s.Prompts = slices.Clone(text.Prompts)
	for i := range s.Goals {
		s.Goals[i].Label = text.Labels[i]
	}
	doc.Setup = &s
	return doc, nil
}

// scenarioLine returns the line of a document's scenario block, 0 when it
// has none.
func scenarioLine(d content.Document) int {
	for _, b := range d.Blocks {
		if b.Kind == content.BlockScenario {
			return b.Line
		}
	}
	return 0
}

// cloneSetup copies a setup so that a translation shares no map or slice
// with its original.
func cloneSetup(s sim.Setup) sim.Setup {
	s.Set, s.Start, s.Locked = maps.Clone(s.Set), maps.Clone(s.Start), maps.Clone(s.Locked)
	s.Unlocked = slices.Clone(s.Unlocked)
	s.Goals = slices.Clone(s.Goals)
	s.Prompts = slices.Clone(s.Prompts)
	return s
}
