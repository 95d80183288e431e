package content

import (
	"bytes"
	"os"
	"reflect"
	"strings"
	"testing"
)

// TestCompiled checks that compiled.bin is the encoding of the chapters
// as they are now (with -update, or go generate ./content, it rewrites
// it), and that decoding it gives the documents Load parses, field for
// field after the encoding's round trip.
func TestCompiled(t *testing.T) {
	docs, err := Load(Files)
	if err != nil {
		t.Fatal(err)
	}
	want, err := Encode(docs)
	if err != nil {
		t.Fatal(err)
	}
	if *update {
		if err := os.WriteFile("compiled.bin", want, 0o644); err != nil {
			t.Fatal(err)
		}
		compiledBin = want
	}
	if !IsCompiled(docs) {
		t.Fatal("content/compiled.bin is stale (a chapter changed since it was made): run go generate ./content")
	}
	got, err := Compiled()
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != len(docs) {
		t.Fatalf("compiled.bin holds %d documents, Load parses %d", len(got), len(docs))
	}
	for i := range docs {
		again, _ := Encode(got[i : i+1])
		orig, _ := Encode(docs[i : i+1])
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
		if _, err := Compiled(); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkLoad(b *testing.B) {
	for b.Loop() {
		if _, err := Load(Files); err != nil {
			b.Fatal(err)
		}
	}
}

// FuzzDecode feeds Decode broken and hostile input: it must return
// documents or an error, never panic or allocate without bound, and what
// it returns must survive another round trip unchanged.
func FuzzDecode(f *testing.F) {
	f.Add(compiledBin)
	f.Add([]byte(compiledMagic))
	f.Add(compiledBin[:len(compiledBin)/2])
	f.Add([]byte(compiledMagic + "\xff\xff\xff\xff\x0f"))
	f.Fuzz(func(t *testing.T, b []byte) {
		docs, err := Decode(b)
		if err != nil {
			return
		}
		once, err := Encode(docs)
		if err != nil {
			t.Fatal(err)
		}
		docs2, err := Decode(once)
		if err != nil {
			t.Fatalf("Decode of Encode's output: %v", err)
		}
		twice, err := Encode(docs2)
		if err != nil || !bytes.Equal(once, twice) {
			t.Errorf("a second round trip changed %d documents (%v)", len(docs), err)
		}
	})
}

// TestDecodeBroken checks the messages for a truncated file and a file of
// another kind.
func TestDecodeBroken(t *testing.T) {
	for _, tc := range []struct {
		name string
		in   []byte
		want string
	}{
		{"empty", nil, "not a compiled document file"},
		{"truncated", compiledBin[:len(compiledBin)-7], "byte "},
		{"trailing", append(append([]byte{}, compiledBin...), 0), "trailing bytes"},
	} {
		if _, err := Decode(tc.in); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: error %v, want %q", tc.name, err, tc.want)
		}
	}
}
