package cjk

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"unicode"

	"github.com/go-text/typesetting/font"
	"golang.org/x/text/encoding/simplifiedchinese"

	"github.com/longtail-case/longtail/game/i18n"
)

// faces parses every weight with go-text, the parser behind Ebiten's
// text/v2, and checks its name table and weight.
func faces(t *testing.T) map[Weight]*font.Face {
	t.Helper()
	out := map[Weight]*font.Face{}
	for w := Regular; w < NumWeights; w++ {
		f, err := font.ParseTTF(strings.NewReader(OTF(w)))
		if err != nil {
			t.Fatalf("%s: go-text cannot parse it: %v", File(w), err)
		}
		d := f.Describe()
		if d.Family != "Noto Sans CJK SC" {
			t.Errorf("%s: family %q, want Noto Sans CJK SC (the SC face of the collection)", File(w), d.Family)
		}
		// 400 and 700 are the OpenType usWeightClass of regular and bold.
		if want := map[Weight]font.Weight{Regular: font.WeightNormal, Bold: font.WeightBold}[w]; d.Aspect.Weight != want {
			t.Errorf("%s: weight %v, want %v", File(w), d.Aspect.Weight, want)
		}
		out[w] = f
	}
	return out
}

// TestFacesLoad: both weights parse, have line metrics, and draw a Han
// character with an outline and the full-width advance of 1 em (Noto's
// ideographs are 1000 units wide in a 1000-unit em).
func TestFacesLoad(t *testing.T) {
	for w, f := range faces(t) {
		ext, ok := f.FontHExtents()
		if !ok || ext.Ascender <= 0 || ext.Descender >= 0 {
			t.Errorf("%s: horizontal extents %+v, %v", File(w), ext, ok)
		}
		for _, r := range "长尾，" {
			gid, ok := f.NominalGlyph(r)
			if !ok {
				t.Fatalf("%s: no glyph for %q", File(w), r)
			}
			if adv := f.HorizontalAdvance(gid); adv != float32(f.Upem()) {
				t.Errorf("%s: %q advances %v units, want %d", File(w), r, adv, f.Upem())
			}
			if o, ok := f.GlyphData(gid).(font.GlyphOutline); !ok || (r != '，' && len(o.Segments) < 4) {
				t.Errorf("%s: %q has no outline (%T)", File(w), r, f.GlyphData(gid))
			}
		}
	}
}

// gb2312Level1 returns the 3,755 characters of GB2312 rows 16–55 (row 55
// stops at cell 89), decoded with GBK, which agrees with GB2312 there.
func gb2312Level1(t *testing.T) []rune {
	t.Helper()
	var buf []byte
	for row := 16; row <= 55; row++ {
		last := 94
		if row == 55 {
			last = 89
		}
		for cell := 1; cell <= last; cell++ {
			buf = append(buf, byte(0xA0+row), byte(0xA0+cell))
		}
	}
	s, err := simplifiedchinese.GBK.NewDecoder().String(string(buf))
	if err != nil {
		t.Fatal(err)
	}
	rs := []rune(s)
	seen := map[rune]bool{}
	for _, r := range rs {
		if !unicode.Is(unicode.Han, r) || seen[r] {
			t.Fatalf("GB2312 level 1 decodes to %U, not a new Han character", r)
		}
		seen[r] = true
	}
	if len(rs) != 3755 {
		t.Fatalf("GB2312 level 1 has %d characters, want 3755", len(rs))
	}
	return rs
}

// TestGB2312Level1: every level-1 character has a glyph in every weight.
func TestGB2312Level1(t *testing.T) {
	for w, f := range faces(t) {
		missing := 0
		for _, r := range gb2312Level1(t) {
			if _, ok := f.NominalGlyph(r); !ok {
				missing++
				if missing <= 20 {
					t.Errorf("%s: GB2312 level-1 character %c (%U) has no glyph", File(w), r, r)
				}
			}
		}
		if missing > 20 {
			t.Errorf("%s: %d GB2312 level-1 characters have no glyph in all", File(w), missing)
		}
	}
}

// place is where a rune was first found, and how often.
type place struct {
	where string
	count int
}

// chineseText collects every rune a player can read in Chinese: the
// messages of i18n.New("zh-Hans") and the Chinese chapters and teaching
// note under content/ (whichever exist), with the first place each occurs.
func chineseText(t *testing.T) map[rune]*place {
	t.Helper()
	runes := map[rune]*place{}
	add := func(r rune, where func() string) {
		if unicode.IsSpace(r) || unicode.IsControl(r) {
			return
		}
		if p := runes[r]; p != nil {
			p.count++
			return
		}
		runes[r] = &place{where(), 1}
	}
	c, err := i18n.New("zh-Hans")
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range c.IDs() {
		for _, r := range c.T(id) {
			add(r, func() string { return fmt.Sprintf("zh-Hans message %q", id) })
		}
	}
	files, err := filepath.Glob("../../content/chapters/zh-Hans/*.md")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat("../../content/teaching-note.zh-Hans.md"); err == nil {
		files = append(files, "../../content/teaching-note.zh-Hans.md")
	}
	for _, name := range files {
		b, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		rel := strings.TrimPrefix(name, "../../")
		for n, line := range strings.Split(string(b), "\n") {
			col := 0
			for _, r := range line {
				col++
				add(r, func() string { return fmt.Sprintf("%s:%d:%d", rel, n+1, col) })
			}
		}
	}
	return runes
}

// TestNoTofu: every rune of the Chinese catalog, chapters and teaching note
// has a glyph in every weight, so nothing draws as an empty box. A failure
// names the rune, its code point and where it first occurs; the fix is to
// run scripts/cjkfont.sh (or to avoid a character Noto Sans CJK SC lacks).
func TestNoTofu(t *testing.T) {
	runes := chineseText(t)
	if len(runes) < 300 {
		t.Fatalf("only %d distinct runes in the Chinese text; is the catalog empty?", len(runes))
	}
	for w, f := range faces(t) {
		for r, p := range runes {
			if _, ok := f.NominalGlyph(r); !ok {
				t.Errorf("%s: no glyph for %q (%U), first at %s (%d times): run scripts/cjkfont.sh", File(w), r, r, p.where, p.count)
			}
		}
	}
}

// TestWasmDoesNotLink: the WebAssembly game fetches the font as an asset,
// so it must not embed this package (1.6 MB). It lists the game's
// dependencies as the js/wasm build does (no cgo needed to list).
func TestWasmDoesNotLink(t *testing.T) {
	if runtime.GOOS == "js" {
		t.Skip("no go command under node")
	}
	cmd := exec.Command("go", "list", "-deps", "../../cmd/longtail")
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("go list for js/wasm: %v\n%s", err, out)
	}
	for _, line := range strings.Split(string(out), "\n") {
		if strings.HasSuffix(line, "/assets/cjk") {
			t.Errorf("the wasm game depends on %s: the browser fetches the CJK font instead", line)
		}
	}
}
