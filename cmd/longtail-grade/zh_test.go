package main

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/longtail-case/longtail/content"
	"github.com/longtail-case/longtail/game/classroom"
	"github.com/longtail-case/longtail/game/play"
)

const exampleZh = "../../content/assignments/example-zh.toml"

// TestGradeChinese plays content/assignments/example-zh.toml in Chinese
// for two students with Chinese names, each answering chapter 1's Chinese
// prompts and the assignment's first chapter-2 prompt, and grades the
// folder through the command: both verify, their answers count, the
// gradebook opens in Excel and the debrief is in Chinese.
func TestGradeChinese(t *testing.T) {
	data, err := os.ReadFile(exampleZh)
	if err != nil {
		t.Fatal(err)
	}
	docs, err := editions() // the command's own loader
	if err != nil {
		t.Fatal(err)
	}
	a, err := classroom.CheckAssignment(exampleZh, data, docs)
	if err != nil {
		t.Fatal(err)
	}
	zh, _ := classroom.Edition(docs, content.Chinese)
	ch1, err := classroom.ChapterSetup(zh, 1)
	if err != nil || len(ch1.Prompts) == 0 {
		t.Fatalf("chapter 1 of the Chinese edition: %v, %d prompts", err, len(ch1.Prompts))
	}
	c2, _ := a.Chapter(2)
	dir := t.TempDir()
	write(t, filepath.Join(dir, "作业.toml"), data)
	names := []string{"张伟", "李娜"}
	answer := func(i, j int) string { // 50 characters and more: example-zh.toml's min_chars
		return fmt.Sprintf("学生%d的回答%d：开放让更多开发者进入生态，但抽成和审核决定了他们能否活下来；长尾的活力来自新进入者能被用户看见。", i, j)
	}
	for i, name := range names {
		s, err := classroom.Simulate(a, docs, fmt.Sprintf("2024%03d", i+1), []play.Decision{{Chapter: 1, Round: 2, Lever: "openness", Value: 0.5 + 0.1*float64(i)}})
		if err != nil {
			t.Fatal(err)
		}
		if s.Language() != content.Chinese {
			t.Fatalf("played in %q", s.Language())
		}
		s.Student.Name = name
		for j, p := range ch1.Prompts {
			s.Reflections = append(s.Reflections, classroom.Reflection{Chapter: 1, Prompt: p, Text: answer(i, j)})
		}
		s.Reflections = append(s.Reflections, classroom.Reflection{Chapter: 2, Prompt: c2.Prompts[0], Text: answer(i, 9)})
		b, err := s.MarshalIndent()
		if err != nil {
			t.Fatal(err)
		}
		write(t, filepath.Join(dir, s.FileName()), b)
	}
	out := t.TempDir()
	code, stdout, stderr := runCLI("-o", out, "-sweep", "2", "-explain=false", dir)
	if code != exitOK || !strings.Contains(stdout, "2 file(s): 2 verified") {
		t.Fatalf("exit %d\n%s%s", code, stdout, stderr)
	}

	gb, err := os.ReadFile(filepath.Join(out, "gradebook.csv"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(gb, []byte{0xEF, 0xBB, 0xBF}) {
		t.Fatalf("the gradebook starts % X, want the byte-order mark EF BB BF", gb[:3])
	}
	recs, err := csv.NewReader(bytes.NewReader(gb[3:])).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	want := strconv.Itoa(len(ch1.Prompts) + 1) // chapter 1's prompts and one of chapter 2's
	if len(recs) != 3 || recs[0][2] != "student_name" || recs[0][7] != "prompts_answered" {
		t.Fatalf("gradebook %q", recs)
	}
	for i, r := range recs[1:] {
		if r[2] != names[i] || r[7] != want || r[10] != "yes" {
			t.Errorf("row %d: name %q, %s prompts answered (want %s), verified %s", i+1, r[2], r[7], want, r[10])
		}
	}

	page, err := os.ReadFile(filepath.Join(out, "debrief.html"))
	if err != nil {
		t.Fatal(err)
	}
	html := string(page)
	for _, s := range []string{`<html lang="zh-Hans">`, "课堂复盘：" + a.Title, zh[1].Title, ch1.Prompts[0], c2.Prompts[0], answer(0, 0), answer(1, 9), "目标达成率"} {
		if !strings.Contains(html, s) {
			t.Errorf("the debrief lacks %q", s)
		}
	}
	for _, s := range append(names, "Class debrief", "Goal hit rates", "[debrief.") {
		if strings.Contains(html, s) {
			t.Errorf("the debrief has %q", s)
		}
	}
}
