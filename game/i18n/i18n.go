// Package i18n is the game's message catalog: every string a player reads
// is looked up here by ID, in the player's language, and formatted with
// fmt-style verbs from the catalog (never concatenated in code). It is
// pure (no ebiten) so its completeness is tested everywhere.
package i18n

import (
	"fmt"
	"slices"
)

// Catalog holds one language's messages by ID.
type Catalog struct {
	lang string
	msgs map[string]string
}

// Languages lists the languages the catalog has as BCP 47 tags, default
// first: "en" (English) and "zh-Hans" (Simplified Chinese).
func Languages() []string { return []string{"en", "zh-Hans"} }

// Name returns the name of language lang written in that language, as a
// language switch shows it ("English", "简体中文"), or "" for a tag
// Languages does not list.
func Name(lang string) string {
	switch lang {
	case "en":
		return "English"
	case "zh-Hans":
		return "简体中文"
	}
	return ""
}

// New returns the catalog for lang, one of Languages ("" means "en").
// An unknown language is an error.
func New(lang string) (*Catalog, error) {
	switch lang {
	case "en", "":
		return &Catalog{lang: "en", msgs: merge(englishCore(), englishRound(), englishDebrief())}, nil
	case "zh-Hans":
		return &Catalog{lang: "zh-Hans", msgs: merge(chineseCore(), chineseRound(), chineseDebrief())}, nil
	}
	return nil, fmt.Errorf("i18n: no messages for language %q (have %v)", lang, Languages())
}

// Lang returns the catalog's language tag, "en" or "zh-Hans".
func (c *Catalog) Lang() string { return c.lang }

// T returns message id formatted with args. A missing ID returns the ID
// itself in brackets, so a gap is visible on screen rather than a crash;
// the package's tests make sure no used ID is missing.
func (c *Catalog) T(id string, args ...any) string {
	m, ok := c.msgs[id]
	if !ok {
		return "[" + id + "]"
	}
	if len(args) == 0 {
		return m
	}
	return fmt.Sprintf(m, args...)
}

// Has reports whether the catalog has message id.
func (c *Catalog) Has(id string) bool {
	_, ok := c.msgs[id]
	return ok
}

// IDs returns every message ID, sorted.
func (c *Catalog) IDs() []string {
	ids := make([]string, 0, len(c.msgs))
	for id := range c.msgs {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	return ids
}

// merge joins the messages of every screen into one map.
func merge(parts ...map[string]string) map[string]string {
	m := map[string]string{}
	for _, part := range parts {
		for k, v := range part {
			m[k] = v
		}
	}
	return m
}
