package content

import (
	"os"
	"os/exec"
	"runtime"
	"strings"
	"testing"
)

// TestGameLinksNoParser guards the split of issue 10: the game starts from
// Compiled, so neither package content nor anything else the game imports
// pulls in the Markdown parser (content/markdown, goldmark), which would
// cost the wasm 0.7 MB of code. It lists the game's dependencies as
// WebAssembly and as a Windows build (neither needs cgo to list).
func TestGameLinksNoParser(t *testing.T) {
	if runtime.GOOS == "js" {
		t.Skip("no go command under node")
	}
	for _, target := range [][2]string{{"js", "wasm"}, {"windows", "amd64"}} {
		cmd := exec.Command("go", "list", "-deps", "../cmd/longtail")
		cmd.Env = append(os.Environ(), "GOOS="+target[0], "GOARCH="+target[1])
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("go list for %s/%s: %v\n%s", target[0], target[1], err, out)
		}
		for _, line := range strings.Split(string(out), "\n") {
			if strings.Contains(line, "yuin/goldmark") || strings.HasSuffix(line, "/content/markdown") {
				t.Errorf("the game (%s/%s) depends on %s: it must start from content.Compiled, not parse Markdown", target[0], target[1], line)
			}
		}
	}
}
