package sim

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"flag"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// goldenRounds is the length of the determinism run: the baseline's
// burn-in, then this many rounds.
const goldenRounds = 100

// goldenRun plays the baseline with seed 1 for goldenRounds rounds after
// its burn-in, with one lever change halfway, and returns every report.
func goldenRun(t *testing.T) []Report {
	t.Helper()
	sc, err := Builtin("baseline")
	if err != nil {
		t.Fatal(err)
	}
	w, err := New(sc, 1)
	if err != nil {
		t.Fatal(err)
	}
	for r := 1; r <= goldenRounds; r++ {
		if r == goldenRounds/2 {
			if err := w.Apply(Action{"take_rate", 0.3}, Action{"pool", 0.15}, Action{"cap", 0.05}); err != nil {
				t.Fatal(err)
			}
		}
		w.Step()
	}
	return w.History()
}

// reportHash returns the SHA-256 of every metric of every report, as
// IEEE-754 bits.
func reportHash(reps []Report) string {
	h := sha256.New()
	var buf [8]byte
	for i := range reps {
		binary.LittleEndian.PutUint64(buf[:], uint64(int64(reps[i].Round)))
		h.Write(buf[:])
		for _, m := range metrics {
			binary.LittleEndian.PutUint64(buf[:], math.Float64bits(m.get(&reps[i])))
			h.Write(buf[:])
		}
	}
	return hex.EncodeToString(h.Sum(nil))
}

// TestGoldenHash runs the 100-round baseline and compares the hash of its
// reports with testdata/baseline100.sha256. The same test runs natively
// and under GOOS=js GOARCH=wasm (see TestWasmMatchesNative and the
// Makefile), so both must produce the same bits.
func TestGoldenHash(t *testing.T) {
	reps := goldenRun(t)
	got := "v" + Version + " " + reportHash(reps)
	file := filepath.Join("testdata", "baseline100.sha256")
	raw, err := os.ReadFile(file)
	if err != nil && !*update {
		t.Fatalf("%v (run go test -run TestGoldenHash -update)", err)
	}
	want := strings.TrimSpace(string(raw))
	if *update && want != got {
		// A new hash is accepted only under a new Version: the model's
		// numbers are what submissions are verified against.
		if strings.HasPrefix(want, "v"+Version+" ") {
			t.Fatalf("the model's numbers changed but sim.Version is still %q: bump it (and the golden files) before updating", Version)
		}
		if err := os.WriteFile(file, []byte(got+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		want = got
	}
	if got != want {
		t.Errorf("%s/%s: version and hash of the 100-round baseline = %s, golden %s (if the model changed on purpose, bump sim.Version and run with -update)", runtime.GOOS, runtime.GOARCH, got, want)
	}
	// A second run with the same seed is identical.
	if again := "v" + Version + " " + reportHash(goldenRun(t)); again != got {
		t.Errorf("two runs with the same seed differ")
	}
}

// TestGoldenTrajectory compares the 100 played rounds, every metric in
// full precision, with testdata/baseline.golden (run with -update to
// rewrite it after an intended model change, and review the diff).
func TestGoldenTrajectory(t *testing.T) {
	reps := goldenRun(t)
	var b bytes.Buffer
	b.WriteString("round")
	for _, m := range metrics {
		b.WriteString(" " + m.name)
	}
	b.WriteString("\n")
	for _, r := range reps {
		if r.Round < 1 {
			continue
		}
		b.WriteString(strconv.Itoa(r.Round))
		for _, m := range metrics {
			b.WriteString(" " + strconv.FormatFloat(m.get(&r), 'g', -1, 64))
		}
		b.WriteString("\n")
	}
	file := filepath.Join("testdata", "baseline.golden")
	if *update {
		if err := os.WriteFile(file, b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(file)
	if err != nil {
		t.Fatalf("%v (run go test -run TestGoldenTrajectory -update)", err)
	}
	if !bytes.Equal(b.Bytes(), want) {
		gotLines, wantLines := strings.Split(b.String(), "\n"), strings.Split(string(want), "\n")
		for i := range min(len(gotLines), len(wantLines)) {
			if gotLines[i] != wantLines[i] {
				t.Fatalf("trajectory differs from %s at line %d:\ngot  %s\nwant %s", file, i+1, gotLines[i], wantLines[i])
			}
		}
		t.Fatalf("trajectory differs from %s in length", file)
	}
}

// TestWasmMatchesNative runs TestGoldenHash under GOOS=js GOARCH=wasm with
// node, so that one native `go test` proves both platforms agree with the
// golden hash. It needs node and is skipped with -short.
func TestWasmMatchesNative(t *testing.T) {
	if runtime.GOOS == "js" {
		t.Skip("already under wasm")
	}
	if testing.Short() {
		t.Skip("builds the package for wasm; skipped with -short")
	}
	if _, err := exec.LookPath("node"); err != nil {
		t.Skip("node not installed")
	}
	gobin, err := exec.LookPath("go")
	if err != nil {
		t.Skip("go command not on PATH")
	}
	env, err := exec.Command(gobin, "env", "GOROOT").Output()
	if err != nil {
		t.Fatalf("go env GOROOT: %v", err)
	}
	goroot := strings.TrimSpace(string(env))
	cmd := exec.Command(gobin, "test", "-count=1", "-run", "^TestGoldenHash$", "-v", ".")
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm",
		"PATH="+filepath.Join(goroot, "lib", "wasm")+string(os.PathListSeparator)+os.Getenv("PATH"))
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("wasm run failed: %v\n%s", err, out)
	}
	if !strings.Contains(string(out), "--- PASS: TestGoldenHash") {
		t.Fatalf("wasm run did not pass TestGoldenHash:\n%s", out)
	}
}
