package main

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/longtail-case/longtail/content"
	"github.com/longtail-case/longtail/content/markdown"
	"github.com/longtail-case/longtail/game/classroom"
	"github.com/longtail-case/longtail/game/play"
)

const example = "../../content/assignments/example.toml"

// subs are three students' submissions of the example assignment.
var subs = sync.OnceValues(func() ([][]byte, error) {
	data, err := os.ReadFile(example)
	if err != nil {
		return nil, err
	}
	a, err := classroom.ParseAssignment(example, data)
	if err != nil {
		return nil, err
	}
	docs, err := markdown.Load(content.Files)
	if err != nil {
		return nil, err
	}
	var out [][]byte
	for i, id := range []string{"s1", "s2", "s3"} {
		s, err := classroom.Simulate(a, docs, id, []play.Decision{{Chapter: 1, Round: 2, Lever: "openness", Value: 0.4 + 0.1*float64(i)}})
		if err != nil {
			return nil, err
		}
		b, err := s.MarshalIndent()
		if err != nil {
			return nil, err
		}
		out = append(out, b)
	}
	return out, nil
})

// classDir writes the example assignment and the three submissions into
// a fresh folder and returns it.
func classDir(t *testing.T) string {
	t.Helper()
	ss, err := subs()
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	data, _ := os.ReadFile(example)
	write(t, filepath.Join(dir, "assignment.toml"), data)
	for i, b := range ss {
		write(t, filepath.Join(dir, "s"+string(rune('1'+i))+".json"), b)
	}
	return dir
}

func write(t *testing.T, p string, data []byte) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

func runCLI(args ...string) (code int, stdout, stderr string) {
	var o, e bytes.Buffer
	code = run(args, &o, &e)
	return code, o.String(), e.String()
}

func TestGradeVerified(t *testing.T) {
	dir := classDir(t)
	out := filepath.Join(t.TempDir(), "results")
	code, stdout, stderr := runCLI("-o", out, "-sweep", "4", dir)
	if code != exitOK {
		t.Fatalf("exit %d\n%s%s", code, stdout, stderr)
	}
	if !strings.Contains(stdout, "3 file(s): 3 verified") {
		t.Errorf("stdout:\n%s", stdout)
	}
	gb, err := os.ReadFile(filepath.Join(out, "gradebook.csv"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(gb, []byte(classroom.ByteOrderMark)) {
		t.Errorf("the gradebook does not start with the byte-order mark: % X", gb[:min(3, len(gb))])
	}
	if n := strings.Count(string(gb), "\n"); n != 4 || !strings.Contains(string(gb), ",s2,,3,3,") {
		t.Errorf("gradebook:\n%s", gb)
	}
	// The analysis is on by default: per chapter, the policy's hit rate
	// and the luck, filled for every verified student.
	head := strings.SplitN(string(gb), "\n", 2)[0]
	if !strings.HasSuffix(head, ",reason,ch1_policy_hit_rate,ch1_luck,ch2_policy_hit_rate,ch2_luck,ch3_policy_hit_rate,ch3_luck") {
		t.Errorf("gradebook header %q", head)
	}
	for _, line := range strings.Split(strings.TrimSpace(string(gb)), "\n")[1:] {
		if strings.HasSuffix(line, ",") {
			t.Errorf("gradebook line without skill and luck: %q", line)
		}
	}
	if !strings.Contains(stderr, "on 32 other seeds") || !strings.Contains(stderr, "-explain=false") {
		t.Errorf("stderr does not say what the analysis costs: %q", stderr)
	}
	page, err := os.ReadFile(filepath.Join(out, "debrief.html"))
	if err != nil || !bytes.Contains(page, []byte("<svg")) || !bytes.Contains(page, []byte("Skill or luck?")) {
		t.Errorf("debrief without the skill chart: %v", err)
	}
	// -explain=false: the gradebook as before.
	code, _, stderr = runCLI("-o", out, "-sweep", "0", "-explain=false", dir)
	gb, _ = os.ReadFile(filepath.Join(out, "gradebook.csv"))
	if code != exitOK || strings.Contains(string(gb), "policy_hit_rate") || strings.Contains(stderr, "32 other seeds") {
		t.Errorf("-explain=false: exit %d, stderr %q, gradebook:\n%s", code, stderr, gb)
	}
}

func TestGradeFailures(t *testing.T) {
	dir := classDir(t)
	ss, _ := subs()
	tampered := bytes.Replace(ss[0], []byte(`"value": 0.4`), []byte(`"value": 0.45`), 1)
	write(t, filepath.Join(dir, "nested", "tampered.json"), tampered)
	write(t, filepath.Join(dir, "broken.json"), ss[1][:100])
	write(t, filepath.Join(dir, "notes.txt"), []byte("ignored"))
	write(t, filepath.Join(dir, "huge.json"), bytes.Repeat([]byte(" "), classroom.MaxSubmissionBytes+1))
	out := t.TempDir()
	code, stdout, stderr := runCLI(dir, "-o", out, "-sweep", "0") // flags after the folder
	if code != exitUnverify {
		t.Fatalf("exit %d, want 3\n%s%s", code, stdout, stderr)
	}
	for _, want := range []string{"FAIL  " + filepath.Join(dir, "broken.json"), "the file ends early", "huge.json: the file is 4194305 bytes", "nested/tampered.json  s1", "chapter 1: metric", "also submitted"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("stdout lacks %q:\n%s", want, stdout)
		}
	}
	gb, _ := os.ReadFile(filepath.Join(out, "gradebook.csv"))
	if n := strings.Count(string(gb), ",no,"); n != 4 { // broken, huge, tampered and s1 (twice)
		t.Errorf("%d unverified rows, want 4:\n%s", n, gb)
	}
}

func TestJSON(t *testing.T) {
	dir := classDir(t)
	code, stdout, stderr := runCLI("--json", "-sweep", "0", "-o", t.TempDir(), dir)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var doc struct {
		Files, Verified int
		Rows            []struct {
			File     string
			Verified bool
			Reasons  []string
		}
	}
	if err := json.Unmarshal([]byte(stdout), &doc); err != nil {
		t.Fatalf("%v\n%s", err, stdout)
	}
	if doc.Files != 3 || doc.Verified != 3 || len(doc.Rows) != 3 || doc.Rows[0].Reasons == nil {
		t.Errorf("%+v", doc)
	}
}

func TestZip(t *testing.T) {
	ss, _ := subs()
	dir := t.TempDir()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for i, name := range []string{"Ann_1_assignsubmission_file_/s1.json", "Bo_2_assignsubmission_file_/s2.json", "__MACOSX/._s1.json"} {
		w, _ := zw.Create(name)
		w.Write(ss[i%2])
	}
	zw.Close()
	write(t, filepath.Join(dir, "bulk.zip"), buf.Bytes())
	code, stdout, stderr := runCLI("-assignment", example, "-sweep", "0", "-o", dir, filepath.Join(dir, "bulk.zip"))
	if code != exitOK || !strings.Contains(stdout, "2 file(s): 2 verified") {
		t.Errorf("exit %d\n%s%s", code, stdout, stderr)
	}
}

func TestUsage(t *testing.T) {
	dir := classDir(t)
	for _, tc := range []struct {
		name string
		args []string
		code int
		want string
	}{
		{"no arguments", nil, exitUsage, "no submissions given"},
		{"help", []string{"-h"}, exitOK, "Usage:"},
		{"help long", []string{"--help"}, exitOK, "Exit status"},
		{"help on the gradebook's encoding", []string{"-h"}, exitOK, "byte-order mark"},
		{"version", []string{"--version"}, exitOK, classroom.EngineVersion},
		{"unknown flag", []string{"-x", dir}, exitUsage, "flag provided but not defined"},
		{"missing path", []string{filepath.Join(dir, "nope")}, exitUsage, "no such file or folder"},
		{"no assignment", []string{filepath.Join(dir, "s1.json")}, exitUsage, "no assignment"},
		{"bad assignment", []string{"-assignment", filepath.Join(dir, "s1.json"), dir}, exitUsage, "fix the assignment first"},
		{"no submissions", []string{"-assignment", example, t.TempDir()}, exitUsage, "no submission files"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, stdout, stderr := runCLI(tc.args...)
			if code != tc.code || !strings.Contains(stdout+stderr, tc.want) {
				t.Errorf("exit %d (want %d)\nstdout: %s\nstderr: %s\nwant %q", code, tc.code, stdout, stderr, tc.want)
			}
		})
	}
}

func TestNeverOverwritesInput(t *testing.T) {
	dir := classDir(t)
	ss, _ := subs()
	victim := filepath.Join(dir, "gradebook.csv") // a submission saved under an unlucky name
	write(t, victim, ss[0])
	code, _, stderr := runCLI("-o", dir, "-sweep", "0", "-assignment", example, victim)
	if code != exitUsage || !strings.Contains(stderr, "refusing to write") {
		t.Errorf("exit %d: %s", code, stderr)
	}
	if got, _ := os.ReadFile(victim); !bytes.Equal(got, ss[0]) {
		t.Error("the input was overwritten")
	}
	// The assignment file counts as an input too.
	toml := filepath.Join(dir, "debrief.html")
	data, _ := os.ReadFile(example)
	write(t, toml, data)
	code, _, stderr = runCLI("-o", dir, "-sweep", "0", "-assignment", toml, filepath.Join(dir, "s1.json"))
	if code != exitUsage || !strings.Contains(stderr, "refusing to write") {
		t.Errorf("exit %d: %s", code, stderr)
	}
}

func TestCheck(t *testing.T) {
	code, stdout, _ := runCLI("check", example)
	if code != exitOK || !strings.Contains(stdout, "ok: \"Platform Strategy") {
		t.Errorf("exit %d: %s", code, stdout)
	}
	bad := filepath.Join(t.TempDir(), "bad.toml")
	write(t, bad, []byte("title = \"T\"\n[[chapter]]\nnumber = 1\n[chapter.locked]\nopeness = 1\n[[chapter]]\nnumber = 9\n"))
	code, _, stderr := runCLI("check", bad)
	if code != exitUsage || !strings.Contains(stderr, "bad.toml:5: chapter 1: locked: \"openess\" is not a lever") {
		t.Errorf("exit %d: %s", code, stderr)
	}
	write(t, bad, []byte("title = \"T\"\n[[chapter]]\nnumber = 9\n"))
	code, _, stderr = runCLI("check", bad)
	if code != exitUsage || !strings.Contains(stderr, "bad.toml:3: chapter 9 is not in the content") {
		t.Errorf("exit %d: %s", code, stderr)
	}
}

func TestLink(t *testing.T) {
	code, stdout, stderr := runCLI("link", "-base", "https://example.edu/longtail/", example)
	if code != exitOK || !strings.HasPrefix(stdout, "https://example.edu/longtail/?a=") {
		t.Fatalf("exit %d: %s%s", code, stdout, stderr)
	}
	data, err := classroom.DecodeLink(strings.TrimSpace(strings.SplitN(stdout, "?a=", 2)[1]))
	want, _ := os.ReadFile(example)
	if err != nil || !bytes.Equal(data, want) {
		t.Errorf("the link does not carry the file: %v", err)
	}
}
