package cli

import (
	"os"
	"path/filepath"
	"testing"
)

func TestWriteFile(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "out.csv")
	if err := WriteFile(p, []byte("a,b\n")); err != nil {
		t.Fatal(err)
	}
	if err := WriteFile(p, []byte("c\n")); err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(p)
	if err != nil || string(got) != "c\n" {
		t.Fatalf("read back %q, %v; want %q", got, err, "c\n")
	}
	// A failed write leaves nothing behind: no temporary files.
	if err := WriteFile(filepath.Join(dir, "missing", "x"), nil); err == nil {
		t.Fatal("writing into a missing directory succeeded")
	}
	ents, _ := os.ReadDir(dir)
	if len(ents) != 1 {
		t.Fatalf("directory holds %d entries, want only out.csv", len(ents))
	}
}
