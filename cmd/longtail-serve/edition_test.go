package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/longtail-case/longtail/content"
)

// TestReadEdition renders the Chinese edition from a copy of the real
// content: every chapter in Chinese, with its language and the Chinese
// scenario summary, refused once a Chinese chapter changed since
// compiled.zh-Hans.bin was made; an edition without chapters gives none.
func TestReadEdition(t *testing.T) {
	zh, err := filepath.Glob("../../content/chapters/zh-Hans/[0-9]*.md")
	if err != nil {
		t.Fatal(err)
	}
	en, _ := filepath.Glob("../../content/chapters/*.md")
	root := t.TempDir()
	copyTo := func(dir string, names []string) {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		for _, name := range names {
			b, err := os.ReadFile(name)
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(dir, filepath.Base(name)), b, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	copyTo(filepath.Join(root, "content", "chapters"), en)
	if docs, chapters, err := readEdition(root, content.Chinese); err != nil || docs != nil || chapters != nil {
		t.Fatalf("no Chinese chapters: %d documents, %v", len(docs), err)
	}
	if len(zh) == 0 {
		t.Skip("the Chinese edition has no chapter yet")
	}
	copyTo(filepath.Join(root, "content", "chapters", "zh-Hans"), zh)
	docs, chapters, err := readEdition(root, content.Chinese)
	if err != nil || len(chapters) != len(en) || len(docs) != len(en) {
		t.Fatalf("readEdition of the real chapters: %d chapters of %d, %v", len(chapters), len(en), err)
	}
	summaries := 0
	for _, c := range chapters {
		if c.Lang != content.Chinese || c.Slug == "" {
			t.Errorf("chapter %d: language %q, slug %q", c.Number, c.Lang, c.Slug)
		}
		if strings.Contains(string(c.HTML), "本轮你可以调整") {
			summaries++
		}
	}
	if summaries != 5 {
		t.Errorf("%d Chinese scenario summaries, want one in each of the 5 playable chapters", summaries)
	}
	last := filepath.Join(root, "content", "chapters", "zh-Hans", filepath.Base(zh[len(zh)-1]))
	b, _ := os.ReadFile(last)
	if err := os.WriteFile(last, append(b, "\n新的一段。\n"...), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, _, err := readEdition(root, content.Chinese); err == nil || !strings.Contains(err.Error(), "compiled.zh-Hans.bin") {
		t.Errorf("readEdition with a changed chapter: error %v, want the stale compiled.zh-Hans.bin", err)
	}
}
