package golden

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestDiff(t *testing.T) {
	for _, tc := range []struct {
		name, want, got, says string
	}{
		{"equal", "a\nb\n", "a\nb\n", ""},
		{"changed line", "a\nb\nc\n", "a\nB\nc\n", "line 2:\n got: \"B\"\nwant: \"b\""},
		{"longer", "a\n", "a\nb\n", "line 2:\n got: \"b\"\nwant: \"\""},
		// "a" against "a\n": the golden ends after line 1's text, the output has an empty line 2.
		{"final newline", "a", "a\n", "line 2:\n got: \"\"\nwant: (no line: the file ends)"},
		{"empty", "", "x", "line 1:\n got: \"x\"\nwant: \"\""},
	} {
		got := Diff([]byte(tc.want), []byte(tc.got))
		if (tc.says == "") != (got == "") || !strings.HasPrefix(got, tc.says) {
			t.Errorf("%s: Diff = %q, want it to start %q", tc.name, got, tc.says)
		}
	}
	long := strings.Repeat("x", 500)
	if d := Diff([]byte(long), []byte(long+"y")); len(d) > 600 || !strings.Contains(d, "…") {
		t.Errorf("a long line is not cut: %d bytes", len(d))
	}
}

// TestCompare compares with a file it writes itself; the -update branch is
// exercised by every package's go test -update.
func TestCompare(t *testing.T) {
	if Update() {
		t.Skip("compares, not rewrites")
	}
	path := filepath.Join(t.TempDir(), "out.golden")
	if err := os.WriteFile(path, []byte("same\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	Compare(t, path, []byte("same\n"))
}
