package tomlfile

import (
	"errors"
	"go/build"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"
)

// file is the test file of TestLines, with its line numbers.
const file = `# a comment                         1
title = "T"                         # 2
"quoted" = 1                        # 3
dotted.key = 2                      # 4
notes = """                         # 5
fake = 1                            # 6 (inside a string)
"""                                 # 7
[[chapter]]                         # 8
number = 1                          # 9
[chapter.locked]                    # 10
cap = 0.5                           # 11
[[chapter]]                         # 12
number = 2                          # 13
[chapter.locked]                    # 14
cap = 0.2                           # 15
[[chapter.goal]]                    # 16
metric = "gini"                     # 17
[a.b]                               # 18
c = 1                               # 19
`

func TestLines(t *testing.T) {
	li := Index([]byte(file))
	for _, tc := range []struct {
		key  string
		want int
	}{
		{"title", 2},
		{"quoted", 3},
		{"dotted.key", 4},
		{"dotted", 4}, // implied by the dotted key
		{"notes", 5},
		{"fake", 0}, // only inside a multi-line string
		{"chapter.0", 8},
		{"chapter.0.number", 9},
		{"chapter.0.locked.cap", 11},
		{"chapter.1.locked.cap", 15},
		{"chapter.1.goal.0.metric", 17},
		{"chapter.1.goal.0.value", 16}, // not written: its table's line
		{"chapter.1.rounds", 12},       // not written: its chapter's line
		{"a", 18},                      // implied by [a.b]
		{"a.b.c", 19},
		{"missing", 0},
	} {
		if got := li.Line(tc.key); got != tc.want {
			t.Errorf("Line(%q) = %d, want %d", tc.key, got, tc.want)
		}
	}
	// Next walks the lines of a path without indices, then stays on the last.
	for i, want := range []int{11, 15, 15} {
		if got := li.Next("chapter.locked.cap"); got != want {
			t.Errorf("Next #%d = %d, want %d", i+1, got, want)
		}
	}
	if got := li.Next("nowhere"); got != 0 {
		t.Errorf("Next(nowhere) = %d, want 0", got)
	}
}

func TestDecoding(t *testing.T) {
	var into struct {
		Rounds int `toml:"rounds"`
		Start  struct {
			Openness float64 `toml:"openness"`
		} `toml:"start"`
	}
	for _, tc := range []struct {
		name, src string
		want      Problem // Msg is a prefix
	}{
		{"syntax", "rounds = = 3\n", Problem{Line: 1, Key: "rounds", Msg: "expected value but found"}},
		{"unterminated string", "\n\nname = \"T\n", Problem{Line: 3, Key: "name", Msg: "strings cannot contain newlines"}},
		{"duplicate", "rounds = 1\nrounds = 2\n", Problem{Line: 2, Key: "rounds", Msg: "Key 'rounds' has already been defined."}},
		{"type", "\nrounds = \"ten\"\n", Problem{Line: 2, Key: "rounds", Msg: "incompatible types: TOML value has type string; destination has type integer"}},
		{"type in a table", "[start]\nopenness = \"wide\"\n", Problem{Line: 2, Key: "start.openness", Msg: "incompatible types"}},
		{"range", "rounds = 1e400\n", Problem{Line: 1, Msg: ""}},
	} {
		_, err := toml.Decode(tc.src, &into)
		if err == nil {
			t.Fatalf("%s: no error", tc.name)
		}
		got := Decoding(err)
		if got.Line != tc.want.Line || (tc.want.Key != "" && got.Key != tc.want.Key) || !strings.HasPrefix(got.Msg, tc.want.Msg) {
			t.Errorf("%s: Decoding(%v) = %+v, want %+v", tc.name, err, got, tc.want)
		}
		if strings.Contains(got.Msg, "toml:") || strings.Contains(got.Msg, "line ") {
			t.Errorf("%s: message %q repeats the place", tc.name, got.Msg)
		}
	}
	// Errors not from the decoder keep their text, less a "toml: " prefix.
	for _, tc := range []struct {
		err  error
		want Problem
	}{
		{nil, Problem{}},
		{errors.New("toml: something odd"), Problem{Msg: "something odd"}},
		{errors.New(`toml: (last key "a.b"): unsupported type chan`), Problem{Key: "a.b", Msg: "unsupported type chan"}},
		{errors.New(`toml: line 7 (last key "a\"b"): bad`), Problem{Line: 7, Key: `a"b`, Msg: "bad"}},
		{errors.New("toml: line 9: bad"), Problem{Line: 9, Msg: "bad"}},
		{errors.New("other"), Problem{Msg: "other"}},
	} {
		if got := Decoding(tc.err); got != tc.want {
			t.Errorf("Decoding(%v) = %+v, want %+v", tc.err, got, tc.want)
		}
	}
}

func TestUnknown(t *testing.T) {
	src := "title = \"T\"\ntitel = \"x\"\n[[chapter]]\nround = 3\n[[chapter]]\nround = 4\n[extra]\na = 1\nb = 2\n"
	var into struct {
		Title    string `toml:"title"`
		Chapters []struct {
			Number int `toml:"number"`
		} `toml:"chapter"`
	}
	md, err := toml.Decode(src, &into)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, p := range Unknown(md, Index([]byte(src))) {
		got = append(got, p.In("f.toml"))
	}
	// Each chapter's "round" on its own line; [extra] once, not its keys.
	want := []string{
		`f.toml:2: key "titel": unknown key`,
		`f.toml:4: key "chapter.round": unknown key`,
		`f.toml:6: key "chapter.round": unknown key`,
		`f.toml:7: key "extra": unknown key`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("Unknown:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestProblemString(t *testing.T) {
	for _, tc := range []struct {
		p       Problem
		str, in string
	}{
		{Problem{Line: 3, Key: "cap", Msg: "too big"}, `key "cap": too big`, `f:3: key "cap": too big`},
		{Problem{Msg: "empty"}, "empty", "f: empty"},
		{Problem{Line: 2, Msg: "bad"}, "bad", "f:2: bad"},
	} {
		if got := tc.p.String(); got != tc.str {
			t.Errorf("%+v.String() = %q, want %q", tc.p, got, tc.str)
		}
		if got := tc.p.In("f"); got != tc.in {
			t.Errorf("%+v.In = %q, want %q", tc.p, got, tc.in)
		}
	}
}

// FuzzIndex: the scan never panics and every line it gives is in the file.
func FuzzIndex(f *testing.F) {
	f.Add(file, "chapter.1.locked.cap")
	f.Add("[[a]]\n[a.b]\n'q.r' = 1\n", "a.0.b")
	f.Fuzz(func(t *testing.T, src, key string) {
		li := Index([]byte(src))
		n := strings.Count(src, "\n") + 1
		if l := li.Line(key); l < 0 || l > n {
			t.Fatalf("Line(%q) = %d in a file of %d lines", key, l, n)
		}
		if l := li.Next(key); l < 0 || l > n {
			t.Fatalf("Next(%q) = %d in a file of %d lines", key, l, n)
		}
	})
}

// TestPurity: the model imports this package, so it may import only the
// standard library and the TOML decoder (see game/sim's TestPurity).
func TestPurity(t *testing.T) {
	pkg, err := build.ImportDir(".", 0)
	if err != nil {
		t.Fatal(err)
	}
	for _, imp := range pkg.Imports {
		first, _, _ := strings.Cut(imp, "/")
		if strings.Contains(first, ".") && imp != "github.com/BurntSushi/toml" {
			t.Errorf("tomlfile imports %s; only the standard library and BurntSushi/toml are allowed", imp)
		}
	}
}
