package classroom

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"os"
	"path"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/longtail-case/longtail/content"
	"github.com/longtail-case/longtail/game/i18n"
	"github.com/longtail-case/longtail/internal/golden"
)

// testDocsZh is the Chinese edition of testDocs, as markdown.LoadLang
// would give it: the same files under chapters/zh-Hans/, the same setups
// with Chinese titles, goal labels and prompts.
func testDocsZh() []content.Document {
	titles := map[int]string{0: "序章", 1: "第一章：开放", 4: "第四章：连接器"}
	labels := map[string]string{"Grow innovation": "促进创新", "No regulator": "不招来监管", "Earn": "赚钱"}
	prompts := map[string]string{"Chapter prompt": "这一章你学到了什么？", "Connector or platform?": "连接器还是平台？"}
	var out []content.Document
	for _, d := range testDocs() {
		n, _ := ChapterNumber(d.File)
		d.Lang, d.File, d.Title = content.Chinese, "chapters/zh-Hans/"+path.Base(d.File), titles[n]
		if d.Setup != nil {
			s := *d.Setup
			s.Goals = slices.Clone(s.Goals)
			for i := range s.Goals {
				s.Goals[i].Label = labels[s.Goals[i].Label]
			}
			s.Prompts = nil
			for _, p := range d.Setup.Prompts {
				s.Prompts = append(s.Prompts, prompts[p])
			}
			d.Setup = &s
		}
		out = append(out, d)
	}
	return out
}

// bothEditions is what the grader loads: English, then Chinese.
func bothEditions() []content.Document { return append(testDocs(), testDocsZh()...) }

func testAssignmentZh(t testing.TB) Assignment {
	t.Helper()
	data, err := os.ReadFile("testdata/assignment.zh.toml")
	if err != nil {
		t.Fatal(err)
	}
	a, err := CheckAssignment("testdata/assignment.zh.toml", data, testDocsZh())
	if err != nil {
		t.Fatal(err)
	}
	return a
}

// classZh plays the Chinese assignment for four students with Chinese
// names, who answer the chapter's Chinese prompt; the last one types
// markup into the answer and the name.
func classZh(t *testing.T, a Assignment) []Input {
	t.Helper()
	names := []string{"张伟", "李娜", "王芳", `<b>赵磊</b>`}
	prompt := testDocsZh()[1].Setup.Prompts[0]
	var in []Input
	for i, name := range names {
		s, err := Simulate(a, bothEditions(), fmt.Sprintf("s%03d", i), decisionsFor(i))
		if err != nil {
			t.Fatal(err)
		}
		if s.Language() != content.Chinese {
			t.Fatalf("a student of a Chinese assignment played in %q", s.Language())
		}
		s.Student.Name = name
		text := fmt.Sprintf("回答 %d：开放度越高，长尾越活跃。", i)
		if i == len(names)-1 {
			text = `</blockquote><script>alert("答")</script> & 长尾 <img src=x onerror=alert(1)>`
		}
		s.Reflections = []Reflection{{Chapter: 1, Prompt: prompt, Text: text}}
		b, err := s.MarshalIndent()
		if err != nil {
			t.Fatal(err)
		}
		in = append(in, Input{File: fmt.Sprintf("subs/%s.json", s.Student.ID), Data: b})
	}
	return in
}

// TestDebriefChinese grades a class that played the Chinese edition and
// writes its debrief: the page is in Chinese throughout (our words from
// the catalog, the chapters' words from the Chinese documents), the
// reflections are shown as typed and escaped, no student is named, and
// none of the page's English sentences is left.
func TestDebriefChinese(t *testing.T) {
	a := testAssignmentZh(t)
	docs := bothEditions()
	rows := Grade([]Assignment{a}, docs, classZh(t, a), 2)
	for _, r := range rows {
		if !r.Verified || r.Answered != 1 {
			t.Fatalf("%s: verified %v, %d prompts answered: %v", r.File, r.Verified, r.Answered, r.Reasons)
		}
	}
	if err := AnalyseRows([]Assignment{a}, docs, rows, 2); err != nil {
		t.Fatal(err)
	}
	fr, err := Sweep(a, docs, 9, 2)
	if err != nil {
		t.Fatal(err)
	}
	page, err := Debrief(a, docs, rows, fr)
	if err != nil {
		t.Fatal(err)
	}
	html := string(page)
	zh, _ := i18n.New(content.Chinese)
	for _, want := range []string{
		`<html lang="zh-Hans">`, `"Noto Sans CJK SC"`, `"Microsoft YaHei"`,
		"课堂复盘：测试作业：平台战略", "测试 101 · ", zh.T("debrief.toggle"), zh.T("debrief.skill"), zh.T("debrief.frontier"),
		"第一章：开放", "第四章：连接器", // the documents' titles
		"促进创新", "留住合作伙伴", // goal labels: the edition's, the assignment's
		"用户份额至少 50%（最后一个季度）", // an unlabelled goal, in the game's words
		"这一章你学到了什么？（4 条回答）",  // the edition's prompt, with its answers
		"回答 2：开放度越高，长尾越活跃。",
		"&lt;/blockquote&gt;&lt;script&gt;alert(&#34;答&#34;)&lt;/script&gt; &amp; 长尾 &lt;img",
		"4 名学生玩完了全部 4 个季度。", "共 4 个文件，4 个已核验。",
	} {
		if !strings.Contains(html, want) {
			t.Errorf("the page lacks %q", want)
		}
	}
	for _, bad := range []string{"<script", "<img", "<b>", "张伟", "李娜", "赵磊", "s001", "[debrief."} {
		if strings.Contains(html, bad) {
			t.Errorf("the page contains %q", bad)
		}
	}
	// None of our English sentences is left: every debrief message of
	// more than one word and no argument, and the game's goal words.
	en, _ := i18n.New(content.English)
	for _, id := range en.IDs() {
		msg := en.T(id)
		if !strings.HasPrefix(id, "debrief.") || strings.Contains(msg, "%") || !strings.Contains(msg, " ") {
			continue
		}
		if strings.Contains(html, msg) {
			t.Errorf("the Chinese page has the English %s %q", id, msg)
		}
	}
	for _, word := range []string{"Chapter ", "students", "at the last round", "mean ", "goal "} {
		if strings.Contains(html, word) {
			t.Errorf("the Chinese page has the English %q", word)
		}
	}
	if !utf8.Valid(page) {
		t.Error("the page is not UTF-8")
	}
	if m := regexp.MustCompile(`(?i)(src|href)\s*=\s*["']?(https?:|//)`).FindString(html); m != "" {
		t.Errorf("the page loads something from elsewhere: %q", m)
	}
	golden.Compare(t, "testdata/debrief.zh.sample.html", page)

	// Given the English chapters alone, the page is English throughout
	// rather than Chinese words around English titles.
	page, err = Debrief(a, testDocs(), rows, nil)
	if err != nil || !bytes.Contains(page, []byte(`<html lang="en">`)) || !bytes.Contains(page, []byte("<h2>Chapter 1: Open</h2>")) {
		t.Errorf("the debrief without the Chinese chapters: %v", err)
	}
}

// TestDebriefMatchesAnswersAcrossEditions: under a page in one language,
// an answer typed in the other edition is shown under the prompt of the
// same place, and an answer to a prompt of neither edition is listed
// apart.
func TestDebriefMatchesAnswersAcrossEditions(t *testing.T) {
	cat, _ := i18n.New(content.Chinese)
	prompts := []string{"问题一", "问题二"}
	english := []string{"Question one", "Question two"}
	rows := []Row{
		{Sub: &Submission{Locale: content.Chinese, Reflections: []Reflection{{Chapter: 1, Prompt: "问题二", Text: "中文回答"}}}},
		{Sub: &Submission{Reflections: []Reflection{
			{Chapter: 1, Prompt: "Question two", Text: "English answer"},
			{Chapter: 1, Prompt: "Question three", Text: "stray"},
			{Chapter: 2, Prompt: "Question one", Text: "another chapter"},
		}}},
	}
	other := func(lang string) []string {
		if lang == content.English {
			return english
		}
		return nil
	}
	got := reflections(cat, 1, prompts, rows, other)
	if len(got) != 3 || len(got[0].Answers) != 0 || len(got[1].Answers) != 2 ||
		!slices.Contains(got[1].Answers, "English answer") || !slices.Contains(got[1].Answers, "中文回答") ||
		got[2].Prompt != cat.T("debrief.unmatched") || !slices.Equal(got[2].Answers, []string{"stray"}) {
		t.Errorf("reflections = %+v", got)
	}
	if got[1].Summary != "问题二（2 条回答）" {
		t.Errorf("summary %q", got[1].Summary)
	}
}

// TestGradebookOpensInExcel: the gradebook starts with the UTF-8 byte-order
// mark (EF BB BF), by which Excel on Chinese Windows reads it as UTF-8
// rather than GBK; after the mark it is plain CSV with Chinese names and
// reasons as written.
func TestGradebookOpensInExcel(t *testing.T) {
	rows := []Row{
		{File: "张伟.json", Student: Student{ID: "2024001", Name: "张伟"}, Parsed: true, Verified: true, Score: 87.5, Chapters: 3, Done: 3},
		{File: "b.json", Student: Student{ID: "2024002", Name: "=李娜"}, Parsed: true, Reasons: []string{"chapter 1: metric gini: recorded 0.41, replayed 0.38"}},
	}
	gb := Gradebook(rows)
	if !bytes.HasPrefix(gb, []byte{0xEF, 0xBB, 0xBF}) || bytes.HasPrefix(gb[3:], []byte{0xEF, 0xBB, 0xBF}) {
		t.Fatalf("the gradebook starts % X, want one EF BB BF", gb[:min(6, len(gb))])
	}
	recs, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(gb, []byte(ByteOrderMark)))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != 3 || recs[0][0] != "file" || recs[0][2] != "student_name" {
		t.Fatalf("records %q", recs)
	}
	// The name as typed, and a formula defused as for any name.
	if recs[1][0] != "张伟.json" || recs[1][2] != "张伟" || recs[2][2] != "'=李娜" || recs[1][9] != "87.5" || recs[1][10] != "yes" {
		t.Errorf("rows %q", recs[1:])
	}
	// Read without stripping, the mark would stick to the first header.
	raw, _ := csv.NewReader(bytes.NewReader(gb)).Read()
	if raw[0] != ByteOrderMark+"file" {
		t.Errorf("first header read raw = %q", raw[0])
	}
}
