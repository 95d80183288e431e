package content_test

import (
	"os"
	"reflect"
	"runtime"
	"strings"
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

// TestCompiledChinese does for compiled.zh-Hans.bin what TestCompiled does
// for compiled.bin: it must be the encoding of the Chinese edition as
// markdown.LoadLang parses it (with -update it rewrites it). While the
// edition has no chapter the file holds no documents, CompiledLang is an
// error and the test says so.
func TestCompiledChinese(t *testing.T) {
	if runtime.GOOS == "js" {
		t.Skip("the browser's build does not embed compiled.zh-Hans.bin")
	}
	names, err := markdown.EditionFiles(content.Files, content.Chinese)
	if err != nil {
		t.Fatal(err)
	}
	var docs []content.Document
	if len(names) > 0 {
		if docs, err = markdown.LoadLang(content.Files, content.Chinese); err != nil {
			t.Fatal(err)
		}
	}
	want, err := content.Encode(docs)
	if err != nil {
		t.Fatal(err)
	}
	if golden.Update() {
		if err := os.WriteFile(content.CompiledFile(content.Chinese), want, 0o644); err != nil {
			t.Fatal(err)
		}
		content.SetCompiledChinese(want)
	}
	if !content.IsCompiledLang(docs, content.Chinese) {
		t.Fatal("content/compiled.zh-Hans.bin is stale (a Chinese or English chapter changed since it was made): run go generate ./content")
	}
	got, err := content.CompiledLang(content.Chinese)
	if len(docs) == 0 {
		if err == nil {
			t.Fatal("CompiledLang(zh-Hans) gives documents while the edition has none")
		}
		t.Skipf("the Chinese edition has no chapter yet (content/chapters/zh-Hans); CompiledLang says: %v", err)
	}
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != len(docs) {
		t.Fatalf("compiled.zh-Hans.bin holds %d documents, markdown.LoadLang parses %d", len(got), len(docs))
	}
	for i := range docs {
		if got[i].Lang != content.Chinese || got[i].Title != docs[i].Title || !reflect.DeepEqual(got[i].Setup, docs[i].Setup) {
			t.Errorf("%s: decoded %s %q, setup %+v; parsed %s %q, %+v", docs[i].File,
				got[i].Lang, got[i].Title, got[i].Setup, docs[i].Lang, docs[i].Title, docs[i].Setup)
		}
	}
}

// TestCompiledLang checks the languages CompiledLang knows and the error
// for another.
func TestCompiledLang(t *testing.T) {
	en, err := content.CompiledLang(content.English)
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range en {
		if d.Lang != content.English {
			t.Errorf("%s: language %q in compiled.bin", d.File, d.Lang)
		}
	}
	if _, err := content.CompiledLang("fr"); err == nil || !strings.Contains(err.Error(), `no edition in language "fr"`) {
		t.Errorf("CompiledLang(fr): %v", err)
	}
	b, _ := content.Encode(en)
	if _, err := content.DecodeEdition(b, content.Chinese); err == nil || !strings.Contains(err.Error(), `in language "en", not "zh-Hans"`) {
		t.Errorf("DecodeEdition of English as Chinese: %v", err)
	}
	if got := content.CompiledFile(content.Chinese); got != "compiled.zh-Hans.bin" {
		t.Errorf("CompiledFile(zh-Hans) = %q", got)
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
