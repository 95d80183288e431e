package markdown

import (
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/longtail-case/longtail/content"
)

// scenarioChapters are the numbers of the chapters that must carry a
// scenario block: the five chapters of DESIGN.md. The prologue (00) and the
// epilogue (06) play no round of their own and need none.
var scenarioChapters = []int{1, 2, 3, 4, 5}

// TestEmbedded loads every embedded chapter and the teaching note: each
// parses and has a title; chapters 1–5 carry a scenario block that
// validates (Parse validates it) with one to three non-empty reflection
// prompts and at least one goal; no other file carries one.
func TestEmbedded(t *testing.T) {
	docs, err := Load(content.Files)
	if err != nil {
		t.Fatal(err)
	}
	var numbers []int
	for _, d := range docs {
		numbers = append(numbers, d.Number)
		if d.Title == "" || d.Slug == "" {
			t.Errorf("%s: title %q, slug %q", d.File, d.Title, d.Slug)
		}
		if !slices.Contains(scenarioChapters, d.Number) {
			if d.Setup != nil {
				t.Errorf("%s: carries a scenario block; only chapters %v play rounds", d.File, scenarioChapters)
			}
			continue
		}
		if d.Setup == nil {
			t.Errorf("%s: no ```scenario block", d.File)
			continue
		}
		if len(d.Setup.Goals) == 0 {
			t.Errorf("%s: the scenario has no goal", d.File)
		}
		if n := len(d.Setup.Prompts); n < 1 || n > 3 {
			t.Errorf("%s: %d reflection prompts, want 1 to 3", d.File, n)
		}
		for i, p := range d.Setup.Prompts {
			if strings.TrimSpace(p) == "" {
				t.Errorf("%s: reflection prompt %d is empty", d.File, i+1)
			}
		}
		if err := d.Setup.Validate(); err != nil {
			t.Errorf("%s: %v", d.File, err)
		}
	}
	for _, n := range append([]int{0}, scenarioChapters...) {
		if !slices.Contains(numbers, n) {
			t.Errorf("no chapter numbered %02d (have %v)", n, numbers)
		}
	}
	if !slices.IsSorted(numbers) {
		t.Errorf("chapters not in number order: %v", numbers)
	}
	if book := Book(docs); checkHTML(book) != nil {
		t.Errorf("book HTML: %v", checkHTML(book))
	}

	note, err := TeachingNote(content.Files)
	if err != nil {
		t.Fatal(err)
	}
	if note.Title == "" || len(note.Blocks) < 10 || note.Setup != nil {
		t.Errorf("teaching note: title %q, %d blocks, scenario %v", note.Title, len(note.Blocks), note.Setup != nil)
	}
}

func TestLoad(t *testing.T) {
	fsys := fstest.MapFS{
		"chapters/10-ten.md":         {Data: []byte("# Ten\n")},
		"chapters/02-two.md":         {Data: []byte("# Two\n")},
		"chapters/00-zero.md":        {Data: []byte("# Zero\n")},
		"chapters/.01-editor.md.swp": {Data: []byte("junk")},
		"chapters/.01-hidden.md":     {Data: []byte("junk")},
		"chapters/notes.txt":         {Data: []byte("junk")},
	}
	docs, err := Load(fsys)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, d := range docs {
		got = append(got, d.File+"="+d.Slug+"/"+d.Title)
	}
	want := []string{"chapters/00-zero.md=zero/Zero", "chapters/02-two.md=two/Two", "chapters/10-ten.md=ten/Ten"}
	if !slices.Equal(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestLoadErrors(t *testing.T) {
	tests := []struct {
		name string
		fsys fstest.MapFS
		want string
	}{
		{"empty", fstest.MapFS{}, "no chapters"},
		{"no number", fstest.MapFS{"chapters/intro.md": {Data: []byte("# I\n")}}, "chapters/intro.md: chapter file names start with a number"},
		{"same number", fstest.MapFS{
			"chapters/01-a.md": {Data: []byte("# A\n")},
			"chapters/01-b.md": {Data: []byte("# B\n")},
		}, "number 01 is also used by chapters/01-a.md"},
		{"broken", fstest.MapFS{"chapters/01-a.md": {Data: []byte("# A\n\n<b>x</b>\n")}}, "chapters/01-a.md:3: raw HTML"},
		{"huge", fstest.MapFS{"chapters/01-a.md": {Data: make([]byte, MaxSize+10)}}, "more than the limit"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Load(tt.fsys)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %v, want one containing %q", err, tt.want)
			}
		})
	}
	if _, err := TeachingNote(fstest.MapFS{}); err == nil || !strings.Contains(err.Error(), "teaching-note.md") {
		t.Errorf("missing teaching note: error %v", err)
	}
}
