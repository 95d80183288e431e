package markdown

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/longtail-case/longtail/content"
)

// edition is the fixture of a two-chapter case with its Chinese edition
// and teaching notes: testdata/edition holds a good pair of each.
var edition = os.DirFS("testdata/edition")

// fixture returns the bytes of a file of testdata/edition.
func fixture(t *testing.T, name string) []byte {
	t.Helper()
	b, err := fs.ReadFile(edition, name)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestLoadLang loads the fixture's Chinese edition: two chapters in
// reading order, in Chinese, with the English chapters' slugs and numbers,
// and chapter 1's setup the English one with the Chinese words.
func TestLoadLang(t *testing.T) {
	en, err := LoadLang(edition, content.English)
	if err != nil {
		t.Fatal(err)
	}
	zh, err := LoadLang(edition, content.Chinese)
	if err != nil {
		t.Fatal(err)
	}
	if len(zh) != 2 || len(en) != 2 {
		t.Fatalf("%d Chinese and %d English chapters, want 2 and 2", len(zh), len(en))
	}
	for i, d := range zh {
		if d.Lang != content.Chinese || en[i].Lang != content.English {
			t.Errorf("%s: language %q (English %q)", d.File, d.Lang, en[i].Lang)
		}
		if d.Slug != en[i].Slug || d.Number != en[i].Number || d.File != "chapters/zh-Hans/"+path.Base(en[i].File) {
			t.Errorf("%s (%s %d) does not pair with %s (%s %d)", d.File, d.Slug, d.Number, en[i].File, en[i].Slug, en[i].Number)
		}
		if m := CheckTranslation(en[i], d); len(m) > 0 {
			t.Errorf("%s: the good fixture differs from its original: %v", d.File, m)
		}
	}
	if zh[0].Setup != nil {
		t.Errorf("the prologue has a setup: %+v", zh[0].Setup)
	}
	want := *en[1].Setup
	want = cloneSetup(want)
	want.Prompts = []string{"你把平台开放到了什么程度？又为此放弃了什么？", "面对一个想要更多权限的开发者，你会守住哪一条边界？为什么？"}
	want.Goals[0].Label = "创新：两年前的新进入者中至少 30 家仍在经营"
	want.Goals[1].Label = "收入：十个季度累计收入至少 50,000"
	if !reflect.DeepEqual(*zh[1].Setup, want) {
		t.Errorf("Chinese setup\n%+v\nwant\n%+v", *zh[1].Setup, want)
	}
	if err := zh[1].Setup.Validate(); err != nil {
		t.Error(err)
	}
	// The translation shares nothing with the original.
	zh[1].Setup.Goals[0].Label = "x"
	zh[1].Setup.Unlocked[0] = "x"
	if en[1].Setup.Goals[0].Label == "x" || en[1].Setup.Unlocked[0] == "x" {
		t.Error("the translation's setup aliases the English one")
	}

	noteEn, err := TeachingNoteLang(edition, content.English)
	if err != nil {
		t.Fatal(err)
	}
	noteZh, err := TeachingNoteLang(edition, content.Chinese)
	if err != nil {
		t.Fatal(err)
	}
	if noteZh.Lang != content.Chinese || noteZh.Slug != "teaching-note" || noteEn.Slug != "teaching-note" || noteZh.Title != "教学笔记：长尾" {
		t.Errorf("teaching note: %s %q %q", noteZh.Lang, noteZh.Slug, noteZh.Title)
	}
	if m := CheckTranslation(noteEn, noteZh); len(m) > 0 {
		t.Errorf("teaching note: %v", m)
	}
}

// TestFileLang pins the language a file's name gives it.
func TestFileLang(t *testing.T) {
	for file, want := range map[string]string{
		"chapters/01-born-open.md":         content.English,
		"chapters/zh-Hans/01-born-open.md": content.Chinese,
		"teaching-note.md":                 content.English,
		"teaching-note.zh-Hans.md":         content.Chinese,
		"zh-Hans.md":                       content.English, // a name, not a language suffix
		"x/zh-Hans/y/02-a.md":              content.Chinese,
		"chapters/zh-Hant/01-born-open.md": content.English, // not an edition
	} {
		if got := FileLang(file); got != want {
			t.Errorf("FileLang(%q) = %q, want %q", file, got, want)
		}
	}
}

// chineseChapter1 is the fixture's Chinese chapter 1, whose scenario-text
// fence is at line 25 (TOML line 1 at line 26), as in the English file.
const chineseChapter1 = "chapters/zh-Hans/01-born-open.md"

// TestTranslateErrors checks that each broken translation, or a
// scenario-text block where none belongs, fails with an *Error naming the
// file, the line and the problem.
func TestTranslateErrors(t *testing.T) {
	en, err := Load(edition)
	if err != nil {
		t.Fatal(err)
	}
	good := string(fixture(t, chineseChapter1))
	const fence = 25 // line of ```scenario-text in the fixture
	if got := strings.Split(good, "\n")[fence-1]; got != "```scenario-text" {
		t.Fatalf("line %d of the fixture is %q; the test's line numbers are stale", fence, got)
	}
	body := good[strings.Index(good, "```scenario-text\n")+len("```scenario-text\n") : strings.LastIndex(good, "```\n\n---")]
	with := func(toml string) string { return strings.Replace(good, body, toml, 1) }
	tests := []struct {
		name string
		file string // "" is the Chinese chapter 1
		src  string
		orig int // the English chapter: 1, or 0 for the prologue
		line int
		want string
	}{
		{"scenario in a translation", "", strings.Replace(good, "```scenario-text", "```scenario", 1), 1, fence, "a translation carries no ```scenario block"},
		{"extra prompt", "", with(strings.Replace(body, "prompts = [\n", "prompts = [\n  \"多出来的提示\",\n", 1)), 1, fence + 1, "3 prompts; the English scenario (chapters/01-born-open.md:25) has 2"},
		{"missing prompt", "", with(strings.Replace(body, "  \"你把平台开放到了什么程度？又为此放弃了什么？\",\n", "", 1)), 1, fence + 1, "1 prompts; the English scenario"},
		{"no prompts", "", with(body[strings.Index(body, "[[goal]]"):]), 1, fence, "0 prompts"},
		{"extra goal", "", with(body + "\n[[goal]]\nlabel = \"第三个目标\"\n"), 1, fence + 12, "3 [[goal]] labels; the English scenario (chapters/01-born-open.md:25) has 2 goals"},
		{"missing goal", "", with(body[:strings.LastIndex(body, "\n[[goal]]")+1]), 1, fence, "1 [[goal]] labels"},
		{"goal metric", "", with(strings.Replace(body, "[[goal]]\n", "[[goal]]\nmetric = \"hhi\"\n", 1)), 1, fence + 7, `"goal.metric" is not allowed`},
		{"goal value", "", with(body + "value = 3\n"), 1, fence + 11, `"goal.value" is not allowed`},
		{"rounds", "", with("rounds = 12\n" + body), 1, fence + 1, `"rounds" is not allowed`},
		{"levers", "", with(body + "\n[start]\nopenness = 0.5\n"), 1, fence + 12, `"start" is not allowed`},
		{"empty label", "", with(strings.Replace(body, "label = \"创新：两年前的新进入者中至少 30 家仍在经营\"", "label = \"  \"", 1)), 1, fence + 6, "goal 1 has no label"},
		{"no label", "", with(strings.Replace(body, "label = \"创新：两年前的新进入者中至少 30 家仍在经营\"\n", "", 1)), 1, fence + 6, "goal 1 has no label"},
		{"empty prompt", "", with(strings.Replace(body, "你把平台开放到了什么程度？又为此放弃了什么？", "", 1)), 1, fence + 1, "prompt 1 is empty"},
		{"prompts not strings", "", with("prompts = [1, 2]\n"), 1, fence + 1, "scenario-text:"},
		{"goal not a table", "", with("goal = \"x\"\n"), 1, fence + 1, "scenario-text:"},
		{"toml syntax", "", with(body + "label = = 3\n"), 1, fence + 11, "scenario-text:"},
		{"too deep", "", with("prompts = [[[[[\"x\"]]]]]\n"), 1, fence + 1, "nest deeper than 4"},
		{"second block", "", good + "\n```scenario-text\nprompts = []\n```\n", 1, 42, "second scenario-text block; the first is at line 25"},
		{"block in a quote", "", strings.Replace(good, "```scenario-text\n"+body+"```", "> ```scenario-text\n> prompts = []\n> ```", 1), 1, fence, "top level"},
		{"no scenario-text", "", strings.Replace(good, "```scenario-text\n"+body+"```\n", "", 1), 1, 0, "no ```scenario-text block: the English original chapters/01-born-open.md has a scenario at line 25; put one with its 2 prompts and 2 goal labels"},
		{"scenario-text without a scenario", "chapters/zh-Hans/00-prologue.md", "# 序章\n\n```scenario-text\nprompts = []\n```\n", 0, 3, "but the English original chapters/00-prologue.md has no scenario block"},
		{"unknown fence", "", strings.Replace(good, "```scenario-text", "```scenario-txt", 1), 1, fence, `unknown fenced block "scenario-txt"; use scenario-text`},
		{"not a translation", "chapters/01-born-open.md", good, 1, 0, "not a translation's name"},
		{"scenario-text in English", "chapters/01-born-open.md", "# One\n\n```scenario-text\nprompts = []\n```\n", -1, 3, "belongs in a translation"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			file := tt.file
			if file == "" {
				file = chineseChapter1
			}
			var err error
			if tt.orig < 0 {
				_, err = Parse(file, []byte(tt.src))
			} else {
				_, err = Translate(en[tt.orig], file, []byte(tt.src))
			}
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("error %v (%T), want an *Error containing %q", err, err, tt.want)
			}
			if !strings.Contains(err.Error(), tt.want) || e.File != file || e.Line != tt.line {
				t.Errorf("error %q (line %d); want %s:%d and %q", err, e.Line, file, tt.line, tt.want)
			}
		})
	}
}

// TestLoadLangErrors checks the edition's completeness and its language.
func TestLoadLangErrors(t *testing.T) {
	base := fstest.MapFS{}
	if err := fs.WalkDir(edition, ".", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			b, err := fs.ReadFile(edition, p)
			base[p] = &fstest.MapFile{Data: b}
			return err
		}
		return err
	}); err != nil {
		t.Fatal(err)
	}
	without := func(names ...string) fstest.MapFS { return copyFS(base, names...) }
	plus := func(name, src string) fstest.MapFS {
		m := copyFS(base)
		m[name] = &fstest.MapFile{Data: []byte(src)}
		return m
	}
	tests := []struct {
		name string
		fsys fstest.MapFS
		lang string
		want string
	}{
		{"missing translation", without("chapters/zh-Hans/00-prologue.md"), content.Chinese, "chapters/zh-Hans/00-prologue.md: missing: the zh-Hans edition needs a translation of chapters/00-prologue.md"},
		{"orphan translation", plus("chapters/zh-Hans/07-extra.md", "# 多余\n"), content.Chinese, "chapters/zh-Hans/07-extra.md: no English chapter chapters/07-extra.md"},
		{"no chapters", without("chapters/zh-Hans/00-prologue.md", "chapters/zh-Hans/01-born-open.md"), content.Chinese, "no chapters (chapters/zh-Hans/NN-slug.md) in the zh-Hans edition"},
		{"broken translation", plus("chapters/zh-Hans/00-prologue.md", "# 序章\n\n<b>x</b>\n"), content.Chinese, "chapters/zh-Hans/00-prologue.md:3: raw HTML"},
		{"unknown language", base, "fr", `no edition in language "fr"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := LoadLang(tt.fsys, tt.lang)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %v, want one containing %q", err, tt.want)
			}
		})
	}
	// README.md and hidden files in the edition's directory are not chapters.
	m := plus("chapters/zh-Hans/README.md", "not a chapter")
	m["chapters/zh-Hans/.01-born-open.md.swp"] = &fstest.MapFile{Data: []byte("junk")}
	if docs, err := LoadLang(m, content.Chinese); err != nil || len(docs) != 2 {
		t.Errorf("with README.md: %d chapters, %v", len(docs), err)
	}
	if _, err := TeachingNoteLang(without("teaching-note.zh-Hans.md"), content.Chinese); err == nil || !strings.Contains(err.Error(), "teaching-note.zh-Hans.md") {
		t.Errorf("missing Chinese teaching note: %v", err)
	}
}

// copyFS copies a MapFS, dropping the names given.
func copyFS(m fstest.MapFS, drop ...string) fstest.MapFS {
	out := fstest.MapFS{}
	for k, v := range m {
		if !slices.Contains(drop, k) {
			out[k] = v
		}
	}
	return out
}

// TestCheckTranslation breaks the good Chinese fixture one rule at a time
// and checks that CheckTranslation names the place and the difference.
// Lines are the translation's: in the Chinese chapter 1, the title is at
// line 1, "## 你的起点" at 7, the exhibit caption at 9, the table at 11
// (rows 11, 13–16), the box at 18, "## 董事会的目标" at 23, the scenario
// at 25, the rule at 38; in the prologue the link is at line 7. A change
// that removes lines moves the later ones up.
func TestCheckTranslation(t *testing.T) {
	en, err := Load(edition)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name     string
		file     string // the Chinese file broken
		old, new string // the change to it
		line     int    // line of the mismatch in the translation, 0 when missing there
		section  string // the English heading named
		want     string
	}{
		{"heading level", chineseChapter1, "## 你的起点", "### 你的起点", 7, "Where you start", "heading 2: level 3 in the translation, level 2 in English"},
		{"heading missing", chineseChapter1, "## 董事会的目标\n", "", 0, "The board's goals", "3 headings in English, 2 in the translation; the first without its counterpart is heading 3"},
		{"heading extra", chineseChapter1, "---\n", "## 多余\n\n---\n", 38, "", "3 headings in English, 4 in the translation; the first extra one is heading 4 (level 2)"},
		{"exhibit number", chineseChapter1, "附表 1.1", "附表 1.2", 9, "Where you start", "exhibit 1 is numbered 1.2 in the translation, 1.1 in English"},
		{"exhibit missing", chineseChapter1, "**附表 1.1：你的起点**", "附表 1.1：你的起点", 0, "Where you start", "1 exhibits in English, 0 in the translation"},
		{"table row missing", chineseChapter1, "| 抽成比例 | 10% |\n", "", 11, "Where you start", "table 1 has 4 rows in the translation, 5 in English"},
		{"table columns", chineseChapter1, "| 指标 | 数值 |\n|---|---|", "| 指标 | 数值 | 备注 |\n|---|---|---|", 11, "Where you start", "table 1, row 1: 3 cells in the translation, 2 in English"},
		{"table cells merged", chineseChapter1, "| 抽成比例 | 10% |", "| 抽成比例 10% |", 11, "Where you start", "table 1, row 3, column 1: figures 10 in the translation, none in English"}, // GFM pads a short row to the header's width
		{"table figure", chineseChapter1, "约 5,100，", "约 5,000，", 11, "Where you start", "table 1, row 4, column 2: figures 780, 5000 in the translation, 780, 5100 in English"},
		{"table scale", chineseChapter1, "13.3 亿", "1.33 亿", 11, "Where you start", "row 5, column 2: figures 1.33 in the translation, 1.33 in English"},
		{"table figure in words", chineseChapter1, "| 抽成比例 | 10% |", "| 抽成比例 | 百分之十 |", 11, "Where you start", "row 3, column 2: figures none in the translation, 10 in English"},
		{"table moved", chineseChapter1, "## 你的起点\n", "", 10, "Where you start", "table 1 is under heading 1 (line 1, \"第一章：生而开放\") in the translation, under heading 2 (line 7, \"Where you start\") in English"},
		{"rule missing", chineseChapter1, "---\n", "", 0, "The board's goals", "1 rules in English, 0 in the translation"},
		{"rule extra", chineseChapter1, "> - 宽泛的接口会让一部分佣金流到平台之外。\n", "> - 宽泛的接口会让一部分佣金流到平台之外。\n\n---\n", 23, "The board's goals", "rule 1 is under heading 2 (line 7, \"你的起点\") in the translation, under heading 3 (line 23, \"The board's goals\") in English"},
		{"box shape", chineseChapter1, "> - 宽泛的接口会让一部分佣金流到平台之外。\n", "", 18, "Where you start", "blockquote box 1 holds bold heading line, list of 1 items in the translation, bold heading line, list of 2 items in English"},
		{"box without bold", chineseChapter1, "> **游戏的假设**", "> 游戏的假设", 18, "Where you start", "holds paragraph, list of 2 items"},
		{"box missing", chineseChapter1, "> **游戏的假设**\n>\n> - 开放度越高，候选的新进入者越多。\n> - 宽泛的接口会让一部分佣金流到平台之外。\n", "", 0, "Where you start", "1 blockquote boxs in English, 0 in the translation"},
		{"scenario moved", chineseChapter1, "## 董事会的目标\n\n```scenario-text", "```scenario-text", 23, "The board's goals", "scenario 1 is under heading 2 (line 7, \"你的起点\") in the translation, under heading 3"},
		{"link target", "chapters/zh-Hans/00-prologue.md", "(../teaching-note.md)", "(../teaching-note.zh-Hans.md)", 7, "Where the case comes from", "link to ../teaching-note.zh-Hans.md is not in heading 2"},
		{"link missing", "chapters/zh-Hans/00-prologue.md", "[教学笔记](../teaching-note.md)", "教学笔记", 0, "Where the case comes from", "link to ../teaching-note.md is missing from heading 2"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := string(fixture(t, tt.file))
			if !strings.Contains(src, tt.old) {
				t.Fatalf("%q is not in %s", tt.old, tt.file)
			}
			src = strings.Replace(src, tt.old, tt.new, 1)
			orig := en[0]
			if path.Base(tt.file) == path.Base(en[1].File) {
				orig = en[1]
			}
			tr, err := Translate(orig, tt.file, []byte(src))
			if err != nil {
				t.Fatal(err)
			}
			ms := CheckTranslation(orig, tr)
			for _, m := range ms {
				if strings.Contains(m.Msg, tt.want) {
					if m.Line != tt.line || m.Section != tt.section || m.File != tt.file || m.EnFile != orig.File {
						t.Errorf("%v: want line %d under %q", m, tt.line, tt.section)
					}
					return
				}
			}
			t.Errorf("no mismatch containing %q among %d:\n%v", tt.want, len(ms), ms)
		})
	}
}

// TestMismatchError pins the message format.
func TestMismatchError(t *testing.T) {
	m := Mismatch{File: "chapters/zh-Hans/01-born-open.md", Line: 12, EnFile: "chapters/01-born-open.md", EnLine: 14, Section: "Your options", Msg: "table 2 has 7 rows in the translation, 8 in English"}
	want := `markdown: chapters/zh-Hans/01-born-open.md:12 (English chapters/01-born-open.md:14, under "Your options"): table 2 has 7 rows in the translation, 8 in English`
	if got := m.Error(); got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
	m.Line, m.Section = 0, ""
	if got := m.Error(); !strings.HasPrefix(got, "markdown: chapters/zh-Hans/01-born-open.md (English chapters/01-born-open.md:14): ") {
		t.Errorf("missing element: %s", got)
	}
}

// TestFigures pins how table cells' numbers are read and compared: the
// same digit strings, or the same values with their scale words.
func TestFigures(t *testing.T) {
	for _, tt := range []struct {
		en, zh string
		agree  bool
	}{
		{"about 5,100, of which about 780 from ads", "约 5,100，其中广告收入约 780", true},
		{"about 5,100", "约 5100", true},
		{"46 million exposures in 16 hours", "16 小时内曝光 4,600 万次", true},
		{"46 million exposures in 16 hours", "16 小时内曝光量接近 46 百万次", true},                    // the real chapter 2's
		{"more than 10 million organisations; 180 million users", "组织超过 10；活跃用户 180", true}, // the unit in the row's header
		{"1.33 billion", "13.3 亿", true},
		{"1.33 billion", "1.33 十亿", true},
		{"between 17 and 36", "17 到 36 之间", true},
		{"78% / 17%", "约 78% / 约 17%", true},
		{"Q2 2023", "2023 年第 2 季度", true},
		{"1.33 billion", "1.33 亿", false}, // the right digits with the wrong scale word
		{"1.33 billion", "1.33", true},    // the unit stated elsewhere
		{"Q2 2023", "2023 年第二季度", false},
		{"10%", "百分之十", false},
		{"about 5,100", "约 5,000", false},
	} {
		if got := figures(tt.en).agrees(figures(tt.zh)); got != tt.agree {
			t.Errorf("%q and %q: agree %v, want %v (digits %s and %s)", tt.en, tt.zh, got, tt.agree,
				listFigures(figures(tt.en).digits()), listFigures(figures(tt.zh).digits()))
		}
	}
}

// TestChineseHTML checks the Chinese scenario summary and the language of
// the book's articles.
func TestChineseHTML(t *testing.T) {
	zh, err := LoadLang(edition, content.Chinese)
	if err != nil {
		t.Fatal(err)
	}
	out := HTML(zh[1])
	want := "<aside class=\"scenario\">\n<p>本轮你可以调整开放度和抽成比例，共 10 个季度。</p>\n<p>目标：</p>\n<ul>\n" +
		"<li>创新：两年前的新进入者中至少 30 家仍在经营</li>\n<li>收入：十个季度累计收入至少 50,000</li>\n</ul>\n</aside>\n"
	if !strings.Contains(out, want) {
		t.Errorf("no Chinese summary in\n%s", out)
	}
	book := Book(zh)
	if !strings.Contains(book, `<article lang="zh-Hans" id="born-open">`) || strings.Contains(book, `lang="en"`) {
		t.Errorf("book articles:\n%.300s", book)
	}
	if err := checkHTML(book); err != nil {
		t.Error(err)
	}
	if got := Lang(content.Document{}); got != content.English {
		t.Errorf("Lang of a document without one = %q", got)
	}
}

// TestEdition is the check of the real files: when content/chapters/zh-Hans
// holds any chapter, every English chapter has its Chinese file and each
// Chinese file its English one, each pair agrees on everything but words
// (CheckTranslation), and so does the teaching note pair when the Chinese
// note exists. While the Chinese edition has no chapter it skips.
func TestEdition(t *testing.T) {
	names, err := EditionFiles(content.Files, content.Chinese)
	if err != nil {
		t.Fatal(err)
	}
	_, noteErr := fs.Stat(content.Files, TeachingNotePath(content.Chinese))
	if len(names) == 0 && noteErr != nil {
		t.Skip("the Chinese edition has no chapter yet (content/chapters/zh-Hans holds only its README) and no teaching note")
	}
	en, err := Load(content.Files)
	if err != nil {
		t.Fatal(err)
	}
	if len(names) > 0 {
		have := map[string]bool{}
		for _, n := range names {
			have[path.Base(n)] = true
		}
		byName := map[string]content.Document{}
		for _, d := range en {
			byName[path.Base(d.File)] = d
			if !have[path.Base(d.File)] {
				t.Errorf("%s has no Chinese file %s/%s", d.File, ChapterDir(content.Chinese), path.Base(d.File))
			}
		}
		for _, n := range names {
			orig, ok := byName[path.Base(n)]
			if !ok {
				t.Errorf("%s has no English file %s/%s", n, ChapterDir(content.English), path.Base(n))
				continue
			}
			src, err := fs.ReadFile(content.Files, n)
			if err != nil {
				t.Fatal(err)
			}
			tr, err := Translate(orig, n, src)
			if err != nil {
				t.Error(err)
				continue
			}
			for _, m := range CheckTranslation(orig, tr) {
				t.Error(m)
			}
		}
		if !t.Failed() {
			if _, err := LoadLang(content.Files, content.Chinese); err != nil {
				t.Error(err)
			}
		}
	}
	if noteErr != nil {
		t.Logf("no %s yet: the teaching note pair is not checked", TeachingNotePath(content.Chinese))
		return
	}
	noteEn, err := TeachingNote(content.Files)
	if err != nil {
		t.Fatal(err)
	}
	noteZh, err := TeachingNoteLang(content.Files, content.Chinese)
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range CheckTranslation(noteEn, noteZh) {
		t.Error(m)
	}
}

// FuzzScenarioText feeds the scenario-text decoder broken and hostile
// TOML inside a Chinese chapter: it must never panic; errors are *Error
// values naming the file and a line of the input; a block that decodes
// holds only non-blank words, and Translate against an English chapter
// with as many prompts and goals gives a setup that validates.
func FuzzScenarioText(f *testing.F) {
	good, err := os.ReadFile("testdata/edition/" + chineseChapter1)
	if err != nil {
		f.Fatal(err)
	}
	s := string(good)
	f.Add(s[strings.Index(s, "```scenario-text\n")+len("```scenario-text\n") : strings.LastIndex(s, "```\n\n---")])
	for _, seed := range []string{
		"", "prompts = []\n", "prompts = [\"a\"]\n[[goal]]\nlabel = \"b\"\n", "[[goal]]\nmetric = \"hhi\"\n",
		"goal = [{label = \"x\"}]\n", "prompts = \"x\"\n", "[goal]\nlabel = \"x\"\n", "prompts = [[[[[[\"x\"]]]]]]\n",
		"rounds = 3\n", "prompts = [\"\"\"\n多行\n\"\"\"]\n", "[[goal]]\nlabel = \"a\"\n[[goal]]\n", "prompts = ['a', \"b\"] # c\n",
	} {
		f.Add(seed)
	}
	en, err := Load(edition)
	if err != nil {
		f.Fatal(err)
	}
	orig := en[1]
	f.Fuzz(func(t *testing.T, toml string) {
		src := "# 第一章\n\n```scenario-text\n" + toml + "\n```\n"
		c := &converter{file: chineseChapter1, src: []byte(src)}
		c.lineStarts()
		text, err := c.decodeScenarioText(toml, 3)
		lines := strings.Count(src, "\n") + 1
		if err != nil {
			var e *Error
			if !errors.As(err, &e) || e.File != chineseChapter1 || e.Line < 3 || e.Line > lines {
				t.Fatalf("error %v (%T) does not name the file and a line of the block", err, err)
			}
			return
		}
		if len(text.Labels) != len(text.GoalLines) {
			t.Fatalf("%d labels, %d goal lines", len(text.Labels), len(text.GoalLines))
		}
		for _, w := range append(slices.Clone(text.Prompts), text.Labels...) {
			if strings.TrimSpace(w) == "" {
				t.Fatal("a blank prompt or label decoded")
			}
		}
		// Against an original with the same counts, Translate succeeds
		// (when the whole file parses) and the setup validates.
		o := orig
		s := cloneSetup(*o.Setup)
		s.Prompts = make([]string, len(text.Prompts))
		s.Goals = nil
		for range text.Labels {
			s.Goals = append(s.Goals, orig.Setup.Goals[0])
		}
		o.Setup = &s
		doc, err := Translate(o, chineseChapter1, []byte(src))
		if err != nil {
			var e *Error
			if !errors.As(err, &e) || e.File != chineseChapter1 {
				t.Fatalf("Translate: %v (%T)", err, err)
			}
			return
		}
		if fmt.Sprint(doc.Setup.Prompts) != fmt.Sprint(text.Prompts) || len(doc.Setup.Goals) != len(text.Labels) {
			t.Fatalf("setup %+v from text %+v", doc.Setup, text)
		}
		if err := doc.Setup.Validate(); err != nil {
			t.Fatal(err)
		}
	})
}

// TestPseudoTranslation turns every real English chapter and the teaching
// note into a "translation" that keeps the English words (the scenario
// block becomes a scenario-text block with its prompts and labels, the
// exhibits' captions "附表 N.M："), which must load, keep the English
// setup and agree with its original on every rule: the checker finds no
// difference where there is none in the real files' structure.
func TestPseudoTranslation(t *testing.T) {
	en, err := Load(content.Files)
	if err != nil {
		t.Fatal(err)
	}
	caption := regexp.MustCompile(`(?m)^\*\*Exhibit ([0-9.]+): `)
	for _, d := range en {
		src, err := fs.ReadFile(content.Files, d.File)
		if err != nil {
			t.Fatal(err)
		}
		s := caption.ReplaceAllString(string(src), "**附表 $1：")
		if d.Setup != nil {
			start := strings.Index(s, "```scenario\n")
			end := start + strings.Index(s[start+3:], "```") + 6
			var sb strings.Builder
			sb.WriteString("```scenario-text\nprompts = [\n")
			for _, p := range d.Setup.Prompts {
				fmt.Fprintf(&sb, "  %q,\n", p)
			}
			sb.WriteString("]\n")
			for _, g := range d.Setup.Goals {
				fmt.Fprintf(&sb, "\n[[goal]]\nlabel = %q\n", g.Label)
			}
			sb.WriteString("```")
			s = s[:start] + sb.String() + s[end:]
		}
		name := ChapterDir(content.Chinese) + "/" + path.Base(d.File)
		tr, err := Translate(d, name, []byte(s))
		if err != nil {
			t.Errorf("%v\n%s", err, s)
			continue
		}
		if !reflect.DeepEqual(tr.Setup, d.Setup) {
			t.Errorf("%s: setup %+v, want %+v", name, tr.Setup, d.Setup)
		}
		for _, m := range CheckTranslation(d, tr) {
			t.Error(m)
		}
	}
	note, err := TeachingNote(content.Files)
	if err != nil {
		t.Fatal(err)
	}
	src, _ := fs.ReadFile(content.Files, TeachingNoteFile)
	tr, err := Translate(note, TeachingNotePath(content.Chinese), src)
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range CheckTranslation(note, tr) {
		t.Error(m)
	}
}
