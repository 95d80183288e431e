package content_test

import (
	"os"
	"reflect"
	"testing"

	"github.com/longtail-case/longtail/content"
	"github.com/longtail-case/longtail/content/markdown"
	"github.com/longtail-case/longtail/internal/golden"
)

// TestCompiled checks that compiled.bin is the encoding of the chapters
// as they are now (with -update, or go generate ./content, it rewrites
// it), and that decoding it gives the documents markdown.Load parses, field for
// field after the encoding's round trip.
func TestCompiled(t *testing.T) {
	docs, err := markdown.Load(content.Files)
	if err != nil {
		t.Fatal(err)
	}
	want, err := content.Encode(docs)
	if err != nil {
		t.Fatal(err)
	}
	if golden.Update() {
		if err := os.WriteFile("compiled.bin", want, 0o644); err != nil {
			t.Fatal(err)
		}
		content.SetCompiled(want)
	}
	if !content.IsCompiled(docs) {
		t.Fatal("content/compiled.bin is stale (a chapter changed since it was made): run go generate ./content")
	}
	got, err := content.Compiled()
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != len(docs) {
		t.Fatalf("compiled.bin holds %d documents, markdown.Load parses %d", len(got), len(docs))
	}
	for i := range docs {
		again, _ := content.Encode(got[i : i+1])
		orig, _ := content.Encode(docs[i : i+1])
		if string(again) != string(orig) {
			t.Errorf("%s: decoding compiled.bin does not give the parsed document back", docs[i].File)
		}
		if got[i].Title != docs[i].Title || len(got[i].Blocks) != len(docs[i].Blocks) || !reflect.DeepEqual(got[i].Setup, docs[i].Setup) {
			t.Errorf("%s: decoded title %q, %d blocks, setup %+v; parsed %q, %d, %+v", docs[i].File,
				got[i].Title, len(got[i].Blocks), got[i].Setup, docs[i].Title, len(docs[i].Blocks), docs[i].Setup)
		}
	}
}

// BenchmarkCompiled and BenchmarkLoad compare the game's start (decoding
// compiled.bin) with parsing the Markdown.
func BenchmarkCompiled(b *testing.B) {
	for b.Loop() {
		if _, err := content.Compiled(); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkLoad(b *testing.B) {
	for b.Loop() {
		if _, err := markdown.Load(content.Files); err != nil {
			b.Fatal(err)
		}
	}
}
