package i18n

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// TestLanguages: English first, every listed language loads, names itself,
// and reports its own tag.
func TestLanguages(t *testing.T) {
	langs := Languages()
	if len(langs) < 2 || langs[0] != "en" || !slices.Contains(langs, "zh-Hans") {
		t.Fatalf("Languages() = %v, want en first and zh-Hans", langs)
	}
	names := map[string]string{"en": "English", "zh-Hans": "简体中文"}
	for _, lang := range langs {
		c, err := New(lang)
		if err != nil {
			t.Fatalf("New(%q): %v", lang, err)
		}
		if c.Lang() != lang {
			t.Errorf("New(%q).Lang() = %q", lang, c.Lang())
		}
		if got := Name(lang); got != names[lang] {
			t.Errorf("Name(%q) = %q, want %q", lang, got, names[lang])
		}
	}
	if Name("xx") != "" {
		t.Errorf("Name(xx) = %q, want empty", Name("xx"))
	}
}

// catalogs returns the English catalog and every other one by tag.
func catalogs(t *testing.T) (*Catalog, map[string]*Catalog) {
	t.Helper()
	en, err := New("en")
	if err != nil {
		t.Fatal(err)
	}
	others := map[string]*Catalog{}
	for _, lang := range Languages()[1:] {
		c, err := New(lang)
		if err != nil {
			t.Fatal(err)
		}
		others[lang] = c
	}
	return en, others
}

// TestCatalogsComplete: every language has exactly the English keys; a
// key missing on either side is named.
func TestCatalogsComplete(t *testing.T) {
	en, others := catalogs(t)
	for lang, c := range others {
		for _, id := range en.IDs() {
			if !c.Has(id) {
				t.Errorf("%s: message %q is missing (English: %q)", lang, id, en.msgs[id])
			}
		}
		for _, id := range c.IDs() {
			if !en.Has(id) {
				t.Errorf("%s: message %q has no English twin", lang, id)
			}
			if strings.TrimSpace(c.msgs[id]) == "" {
				t.Errorf("%s: message %q is empty", lang, id)
			}
		}
	}
}

// verb is one fmt verb of a message: the argument it formats (1-based, as
// in %[2]d) and its spec without the index ("%.1f", "%s").
type verb struct {
	arg  int
	spec string
}

// verbs lists the verbs of format s in order, numbering arguments as fmt
// does: each verb takes the next argument, an explicit [n] resets the count
// to n, and a * width or precision takes an argument of its own (spec "*").
// "%%" is no verb. A malformed verb is an error naming its byte offset.
func verbs(s string) ([]verb, error) {
	var out []verb
	next := 1
	index := func(i int) (int, error) { // s[i] == '['
		end := strings.IndexByte(s[i:], ']')
		n := 0
		if end < 2 {
			return 0, fmt.Errorf("bad argument index at byte %d", i)
		}
		for _, r := range s[i+1 : i+end] {
			if r < '0' || r > '9' {
				return 0, fmt.Errorf("bad argument index at byte %d", i)
			}
			n = n*10 + int(r-'0')
		}
		if n < 1 {
			return 0, fmt.Errorf("argument index 0 at byte %d", i)
		}
		next = n
		return i + end + 1, nil
	}
	for i := 0; i < len(s); i++ {
		if s[i] != '%' {
			continue
		}
		start := i
		i++
		if i < len(s) && s[i] == '%' {
			continue
		}
		var spec strings.Builder
		spec.WriteByte('%')
		for i < len(s) && strings.IndexByte("+-# 0", s[i]) >= 0 {
			spec.WriteByte(s[i])
			i++
		}
		var err error
		for part := 0; part < 2; part++ { // width, then precision
			if i < len(s) && s[i] == '[' {
				if i, err = index(i); err != nil {
					return nil, err
				}
			}
			if i < len(s) && s[i] == '*' {
				out = append(out, verb{next, "*"})
				next++
				spec.WriteByte('*')
				i++
			}
			for i < len(s) && s[i] >= '0' && s[i] <= '9' {
				spec.WriteByte(s[i])
				i++
			}
			if part == 0 && i < len(s) && s[i] == '.' {
				spec.WriteByte('.')
				i++
				continue
			}
			break
		}
		if i < len(s) && s[i] == '[' {
			if i, err = index(i); err != nil {
				return nil, err
			}
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if i >= len(s) || !('a' <= r && r <= 'z' || 'A' <= r && r <= 'Z') {
			return nil, fmt.Errorf("verb at byte %d has no letter", start)
		}
		spec.WriteRune(r)
		i += size - 1
		out = append(out, verb{next, spec.String()})
		next++
	}
	return out, nil
}

// TestVerbsParser pins the parser down on the shapes the catalogs use.
func TestVerbsParser(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want string // arg:spec, space separated
	}{
		{"no verbs, 100%% sure", ""},
		{"%d of %d", "1:%d 2:%d"},
		{"%.1f s and %.2f%%", "1:%.1f 2:%.2f"},
		{"%[2]d 中有 %[1]d 个", "2:%d 1:%d"},
		{"从第 %[4]d 到 %[5]d，%[1]s从 %[2]s 升至 %[3]s", "4:%d 5:%d 1:%s 2:%s 3:%s"},
		{"%[2]s then %s", "2:%s 3:%s"}, // fmt goes on after an explicit index
		{"%-8q|%+d|%*d", "1:%-8q 2:%+d 3:* 4:%*d"},
		{"速度 %d×", "1:%d"},
		{"1% share", "1:% s"}, // the parse of a literal (see literal)
	} {
		vs, err := verbs(tc.in)
		if err != nil {
			t.Errorf("verbs(%q): %v", tc.in, err)
			continue
		}
		var got []string
		for _, v := range vs {
			got = append(got, fmt.Sprintf("%d:%s", v.arg, v.spec))
		}
		if g := strings.Join(got, " "); g != tc.want {
			t.Errorf("verbs(%q) = %q, want %q", tc.in, g, tc.want)
		}
	}
	for _, bad := range []string{"%", "50%", "%[x]d", "%[0]d", "%[2d", "前 10% 份额", "(top 3%)"} {
		if _, err := verbs(bad); err == nil {
			t.Errorf("verbs(%q) accepted a malformed verb", bad)
		}
	}
	for in, want := range map[string]bool{"Top 1% share": true, "前 10% 份额": true, "Top 10%": true, "%d%%": false, "%.1f s": false} {
		if literal(in) != want {
			t.Errorf("literal(%q) = %v, want %v", in, !want, want)
		}
	}
}

// literal reports whether message s is plain text, not a format: the game
// shows a message that it looks up without arguments as it stands, so
// "Top 1% share" and "前 10% 份额" hold a percent sign of prose. A message
// is taken as literal when its percent signs do not parse as verbs, or
// parse only with the space flag ("% s" in "1% share"), which no format of
// the catalogs uses.
func literal(s string) bool {
	vs, err := verbs(s)
	if err != nil {
		return true
	}
	for _, v := range vs {
		if strings.Contains(v.spec, " ") {
			return true
		}
	}
	return false
}

// byArg returns the verbs of vs keyed by argument, or an error when one
// argument is formatted twice with different specs.
func byArg(vs []verb) (map[int]string, error) {
	m := map[int]string{}
	for _, v := range vs {
		if old, ok := m[v.arg]; ok && old != v.spec {
			return nil, fmt.Errorf("argument %d is formatted both as %s and %s", v.arg, old, v.spec)
		}
		m[v.arg] = v.spec
	}
	return m, nil
}

// sample returns an argument that verb spec formats without a complaint.
func sample(spec string) any {
	switch spec[len(spec)-1] {
	case 'd', 'x', 'c':
		return 7
	case 'f', 'g', 'e':
		return 1.5
	}
	return "x"
}

// TestVerbsMatch: every translated message formats the same arguments as
// its English twin, with the same verb for each argument (%d stays %d,
// %.1f stays %.1f), compared by argument index so that Chinese may reorder
// them with %[n]; and formatting it with the English argument list leaves
// no %!(EXTRA …) or %!d(MISSING).
func TestVerbsMatch(t *testing.T) {
	en, others := catalogs(t)
	for lang, c := range others {
		for _, id := range en.IDs() {
			if !c.Has(id) {
				continue // TestCatalogsComplete names it
			}
			el, tl := literal(en.msgs[id]), literal(c.msgs[id])
			if el != tl {
				t.Errorf("%s: message %q: literal text %v, its English twin %v\n\t%s: %q\n\ten: %q",
					lang, id, tl, el, lang, c.msgs[id], en.msgs[id])
				continue
			}
			if el {
				continue
			}
			ev, err := verbs(en.msgs[id])
			if err != nil {
				t.Errorf("en: message %q: %v", id, err)
				continue
			}
			tv, err := verbs(c.msgs[id])
			if err != nil {
				t.Errorf("%s: message %q: %v", lang, id, err)
				continue
			}
			em, err1 := byArg(ev)
			tm, err2 := byArg(tv)
			if err1 != nil || err2 != nil {
				t.Errorf("%s: message %q: %v %v", lang, id, err1, err2)
				continue
			}
			if fmt.Sprint(em) != fmt.Sprint(tm) {
				t.Errorf("%s: message %q formats %v, its English twin %v\n\t%s: %q\n\ten: %q",
					lang, id, tm, em, lang, c.msgs[id], en.msgs[id])
				continue
			}
			if len(ev) == 0 {
				continue
			}
			args := make([]any, len(em))
			for i := range args {
				args[i] = sample(em[i+1])
			}
			if out := c.T(id, args...); strings.Contains(out, "%!") {
				t.Errorf("%s: message %q formats badly: %q", lang, id, out)
			}
		}
	}
}

// cjk reports whether r is Chinese text: a Han character, CJK symbols and
// punctuation (U+3000–303F) or a full-width form (U+FF00–FFEF).
func cjk(r rune) bool {
	return unicode.Is(unicode.Han, r) || (r >= 0x3000 && r <= 0x303F) || (r >= 0xFF00 && r <= 0xFFEF)
}

// punctuationFault returns what is wrong with the punctuation of Chinese
// message s, or "". The rule, in three parts:
//
//  1. Half-width , . : ; ? ! touching a Chinese character (on either side,
//     no space between) should be the full-width ，。：；？！ — so "10:30",
//     "1,000", "%d." and "?a=" next to Latin or a space pass;
//  2. the same marks right after a text verb (%s, %q, %v) in a message
//     that has Chinese, since the verb stands for Chinese words ("%s：%s");
//  3. half-width " and ' in a message that has Chinese, and half-width
//     ( ) around anything Chinese ("赫芬达尔指数 (HHI)" is fine: Latin inside).
func punctuationFault(s string) string {
	hasCJK := strings.IndexFunc(s, cjk) >= 0
	rs := []rune(s)
	for i, r := range rs {
		switch r {
		case ',', '.', ':', ';', '?', '!':
			if (i > 0 && cjk(rs[i-1])) || (i+1 < len(rs) && cjk(rs[i+1])) {
				return fmt.Sprintf("half-width %q next to Chinese at rune %d", r, i)
			}
			if hasCJK && i >= 2 && rs[i-2] == '%' && strings.ContainsRune("sqv", rs[i-1]) {
				return fmt.Sprintf("half-width %q after a text verb at rune %d", r, i)
			}
		case '"', '\'':
			if hasCJK {
				return fmt.Sprintf("half-width quote %q at rune %d: use “” or ‘’", r, i)
			}
		case '(':
			end := slices.Index(rs[i:], ')')
			if end < 0 {
				end = len(rs) - i
			}
			if slices.ContainsFunc(rs[i:i+end], cjk) {
				return fmt.Sprintf("half-width parentheses around Chinese at rune %d: use （）", i)
			}
		}
	}
	return ""
}

// TestPunctuationRule shows the rule on examples.
func TestPunctuationRule(t *testing.T) {
	for _, tc := range []struct {
		in   string
		ok   bool
		note string
	}{
		{"请先输入学号。", true, "full-width full stop"},
		{"请先输入学号.", false, "half-width stop after Chinese"},
		{"作业：%s", true, "full-width colon"},
		{"作业: %s", false, "half-width colon after Chinese"},
		{"%s：%s", true, "verbs only, full-width colon"},
		{"%s: %s（目标）", false, "half-width colon after a text verb in a Chinese message"},
		{"%d.", true, "list number: no Chinese"},
		{",", true, "the thousands separator"},
		{"文件路径，或带 ?a=… 的链接", true, "a URL fragment after a space"},
		{"共 1,000 个", true, "digit grouping"},
		{"赫芬达尔指数 (HHI)", true, "Latin in half-width parentheses"},
		{"学号 (必填)", false, "Chinese in half-width parentheses"},
		{"选择\"继续\"", false, "half-width quotes"},
		{"速度 %d×", true, "no punctuation"},
	} {
		if got := punctuationFault(tc.in) == ""; got != tc.ok {
			t.Errorf("punctuationFault(%q) ok = %v, want %v (%s)", tc.in, got, tc.ok, tc.note)
		}
	}
}

// TestChinesePunctuation applies the rule to every Chinese message.
func TestChinesePunctuation(t *testing.T) {
	c, err := New("zh-Hans")
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range c.IDs() {
		if f := punctuationFault(c.msgs[id]); f != "" {
			t.Errorf("zh-Hans: message %q: %s: %q", id, f, c.msgs[id])
		}
	}
}

// FuzzVerbs checks the verb parser against fmt itself: whatever it accepts
// as a format with the common verbs, fmt formats with one sample argument
// per parsed argument index and no complaint (no %!). Seeds are the
// messages of every catalog.
func FuzzVerbs(f *testing.F) {
	for _, lang := range Languages() {
		c, err := New(lang)
		if err != nil {
			f.Fatal(err)
		}
		for _, id := range c.IDs() {
			f.Add(c.msgs[id])
		}
	}
	f.Fuzz(func(t *testing.T, s string) {
		vs, err := verbs(s)
		if err != nil || literal(s) || strings.Contains(s, "%%!") {
			return // "%%!" prints a "%!" of its own
		}
		m, err := byArg(vs)
		if err != nil {
			return
		}
		args := make([]any, len(m))
		for i := range args {
			spec, ok := m[i+1]
			if !ok || spec == "*" || len(spec) > 5 || !strings.ContainsRune("sqvdfxegc", rune(spec[len(spec)-1])) {
				return // a gap in the indexes, a * width, or a verb outside the catalogs' set
			}
			args[i] = sample(spec)
		}
		if out := fmt.Sprintf(s, args...); strings.Contains(out, "%!") {
			t.Errorf("verbs(%q) = %v, but fmt says %q", s, vs, out)
		}
	})
}
