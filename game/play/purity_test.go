package play

import (
	"os/exec"
	"runtime"
	"strings"
	"testing"
)

// TestPurity guards the boundary: the model, the session, the content
// parser, the classroom files and the view maths never import ebiten, so
// they build without cgo and test under node as WebAssembly.
func TestPurity(t *testing.T) {
	if runtime.GOOS == "js" {
		t.Skip("no go command under node")
	}
	pure := []string{
		"../sim/...", "../play/...", "../layout/...", "../classroom/...", "../i18n/...", "../save/...", "../page/...",
		"../../content/...", "../../cmd/longtail-sim/...", "../../cmd/longtail-grade/...",
	}
	// Every pattern must name packages: a mistyped one would otherwise
	// guard nothing ("go list" only warns that it matched none).
	args := append([]string{"list", "-deps"}, pure...)
	out, err := exec.Command("go", args...).CombinedOutput()
	if err != nil || strings.Contains(string(out), "matched no packages") {
		t.Fatalf("go list %s: %v\n%s", strings.Join(pure, " "), err, out)
	}
	for _, line := range strings.Split(string(out), "\n") {
		if strings.Contains(line, "hajimehoshi/ebiten") {
			t.Fatalf("a pure package depends on %s", line)
		}
	}
}
