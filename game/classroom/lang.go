package classroom

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/longtail-case/longtail/content"
)

// Language returns the edition a student sees under the assignment: its
// Locale when it fixes one, otherwise chosen (the student's pick on the
// title screen) when it is one of content.Languages, otherwise English.
// The game records the result in the submission (Submission.Locale), and
// the grader and the debrief read it back with Submission.Language.
func (a Assignment) Language(chosen string) string {
	if a.Locale != "" {
		return a.Locale
	}
	if slices.Contains(content.Languages(), chosen) {
		return chosen
	}
	return content.English
}

// Language returns the edition a submission was played in: its Locale,
// English when it records none (free play before the Chinese edition, or
// a game that did not record the student's pick).
func (s Submission) Language() string {
	if s.Locale == "" {
		return content.English
	}
	return s.Locale
}

// Edition returns the documents of one language from docs, which may hold
// one edition or several one after another (markdown.LoadLang's or
// content.CompiledLang's results for English and Chinese appended): those
// whose Lang is lang, a document without a Lang counting as English. ok is
// false when docs hold no document of the language.
func Edition(docs []content.Document, lang string) (edition []content.Document, ok bool) {
	for _, d := range docs {
		l := d.Lang
		if l == "" {
			l = content.English
		}
		if l == lang {
			edition = append(edition, d)
		}
	}
	return edition, len(edition) > 0
}

// languagesOf lists the languages of docs, in order of first appearance.
func languagesOf(docs []content.Document) []string {
	var out []string
	for _, d := range docs {
		l := d.Lang
		if l == "" {
			l = content.English
		}
		if !slices.Contains(out, l) {
			out = append(out, l)
		}
	}
	return out
}

// localeProblem returns what is wrong with a locale ("" when nothing):
// it must be left out or be one of content.Languages, exactly as written
// there; a near miss ("zh-CN", "zh_hans", "中文", "en-GB") is named.
func localeProblem(locale string) string {
	if locale == "" || slices.Contains(content.Languages(), locale) {
		return ""
	}
	var quoted []string
	for _, l := range content.Languages() {
		quoted = append(quoted, strconv.Quote(l))
	}
	known := strings.Join(quoted, " or ")
	l := strings.ToLower(strings.ReplaceAll(strings.TrimSpace(locale), "_", "-"))
	switch {
	case strings.HasPrefix(l, "zh") || l == "cn" || l == "chinese" || strings.Contains(locale, "中文") || strings.Contains(locale, "汉"):
		return fmt.Sprintf("locale %q is not a language of Long Tail: write %q for the Chinese edition (Simplified Chinese, 简体中文), or leave the key out to let students choose", locale, content.Chinese)
	case strings.HasPrefix(l, "en") || l == "english":
		return fmt.Sprintf("locale %q is not a language of Long Tail: write %q for the English edition, or leave the key out to let students choose", locale, content.English)
	}
	return fmt.Sprintf("locale %q must be %s (or left out to let students choose)", locale, known)
}
