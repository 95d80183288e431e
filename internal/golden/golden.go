// Package golden compares a test's output with a golden file, or rewrites
// the file when the test binary runs with -update, for every package's
// tests: go test ./content/markdown/ -run TestGolden -update. Importing it
// defines the -update flag, so a test package that imports it must not
// define its own.
package golden

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

// update is the test binary's -update flag; flags are the one package
// variable a test helper needs, set once by the testing package.
var update = flag.Bool("update", false, "rewrite the golden files in testdata from the output")

// Update reports whether the test binary runs with -update, for tests that
// rewrite a file other than through Compare (a sample, a compiled blob).
func Update() bool { return *update }

// Compare compares got with the golden file at path (relative to the test's
// package, usually under testdata/). With -update it writes got to path
// instead, creating the folder, and passes. A missing file or a difference
// fails the test with the first line that differs and how to update.
func Compare(t testing.TB, path string, got []byte) {
	t.Helper()
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("golden: %v (go test -run '%s' -update writes it)", err, t.Name())
	}
	if d := Diff(want, got); d != "" {
		t.Errorf("golden: output differs from %s (go test -run '%s' -update rewrites it if the change is intended):\n%s", path, t.Name(), d)
	}
}

// Diff describes the first difference between want and got as the line
// number (1-based) and both lines, each cut at 200 bytes; "" when they are
// equal.
func Diff(want, got []byte) string {
	if bytes.Equal(want, got) {
		return ""
	}
	wl, gl := bytes.Split(want, []byte("\n")), bytes.Split(got, []byte("\n"))
	for i := range max(len(wl), len(gl)) {
		var w, g []byte
		wok, gok := i < len(wl), i < len(gl)
		if wok {
			w = wl[i]
		}
		if gok {
			g = gl[i]
		}
		if wok && gok && bytes.Equal(w, g) {
			continue
		}
		line := func(b []byte, ok bool) string {
			if !ok {
				return "(no line: the file ends)"
			}
			if len(b) > 200 {
				return fmt.Sprintf("%q…", b[:200])
			}
			return fmt.Sprintf("%q", b)
		}
		return fmt.Sprintf("line %d:\n got: %s\nwant: %s\n(%d lines got, %d golden)", i+1, line(g, gok), line(w, wok), len(gl), len(wl))
	}
	return "" // unreachable: unequal inputs differ on some line
}
