package game

import (
	"fmt"
	"slices"

	"github.com/longtail-case/longtail/content"
	"github.com/longtail-case/longtail/game/i18n"
	"github.com/longtail-case/longtail/game/scene"
	"github.com/longtail-case/longtail/game/widget"
)

// FontFetcher fetches the Chinese faces in the background (the browser:
// cmd/longtail's cjk_js.go). The shell starts it when Chinese is chosen
// without its type, polls it once a tick and switches when both faces are
// in.
type FontFetcher interface {
	// Start begins fetching both faces. It does nothing while a fetch is
	// under way or after one succeeded; after a failure it starts again.
	Start()
	// Poll reports the bytes received so far and expected in all (0 while
	// unknown), and, once the fetch has ended, the faces or why they could
	// not be fetched (both nil while it goes on).
	Poll() (loaded, total int64, fonts *widget.CJKFonts, err error)
}

// needsCJK reports whether lang is written with the Chinese type.
func needsCJK(lang string) bool { return lang == "zh-Hans" }

// offerLangs sets the languages the language control offers: English, and
// Chinese when its type is there or can be fetched.
func (g *Game) offerLangs() {
	c := &g.C
	c.Langs = c.Langs[:0]
	for _, l := range i18n.Languages() {
		if !needsCJK(l) || c.UI.HasCJK() || g.cfg.FetchCJK != nil {
			c.Langs = append(c.Langs, l)
		}
	}
}

// startLang picks the language of the first screen: the -lang flag (?lang=
// in the browser), else the language the student chose before (the
// save's settings; an unknown one counts as none), else the assignment's
// locale, else English.
func (g *Game) startLang() string {
	c := &g.C
	for _, l := range []string{g.cfg.Lang, c.Settings.Language()} {
		if slices.Contains(i18n.Languages(), l) {
			return l
		}
	}
	if a := c.Assignment; a != nil && slices.Contains(i18n.Languages(), a.Locale) {
		return a.Locale
	}
	return "en"
}

// followAssignment applies the locale of an assignment loaded or
// restored since the last tick (from the title screen, or Continue), when
// neither the flag nor the student chose a language.
func (g *Game) followAssignment() error {
	c := &g.C
	if c.Assignment == g.assignment {
		return nil
	}
	g.assignment = c.Assignment
	a := c.Assignment
	if a == nil || a.Locale == "" || g.cfg.Lang != "" || c.Settings.Language() != "" || a.Locale == c.Lang() {
		return nil
	}
	return g.request(a.Locale, false)
}

// request asks for language lang: it switches at once when the type is
// there, starts fetching it otherwise (the switch follows in pollFonts),
// and says why not when it cannot be had. remember saves the choice in
// the settings (a choice on the language control, not a flag or an
// assignment's locale).
func (g *Game) request(lang string, remember bool) error {
	c := &g.C
	if !slices.Contains(i18n.Languages(), lang) {
		return nil
	}
	g.remember = g.remember || remember
	if lang == c.Lang() {
		c.PendingLang, c.LangNote = "", ""
		return g.rememberLang()
	}
	if !needsCJK(lang) || c.UI.HasCJK() {
		c.PendingLang, c.LangNote = "", ""
		return g.switchLang(lang)
	}
	if g.cfg.FetchCJK == nil {
		c.Notice = c.T("lang.unavailable")
		return nil
	}
	c.PendingLang = lang
	c.LangNote = c.T("lang.loading.short", 0)
	g.cfg.FetchCJK.Start()
	return nil
}

// rememberLang saves the language shown when the student chose it.
func (g *Game) rememberLang() error {
	c := &g.C
	if g.remember && c.Settings.Lang != c.Lang() {
		c.Settings.Lang = c.Lang()
		c.SaveSettings()
	}
	g.remember = false
	return nil
}

// pollFonts follows the fetch of the Chinese type: the progress in
// c.LangNote, and the switch once both faces are in. A failed fetch leaves
// the game in its language with a message.
func (g *Game) pollFonts() error {
	c := &g.C
	if c.PendingLang == "" || g.cfg.FetchCJK == nil {
		return nil
	}
	loaded, total, fonts, err := g.cfg.FetchCJK.Poll()
	if err == nil && fonts != nil {
		err = c.UI.AddCJK(fonts)
	}
	switch {
	case err != nil:
		c.PendingLang, g.remember = "", false
		c.LangNote = c.T("lang.failed.short")
		c.Notice = c.T("lang.failed", err.Error())
		return nil
	case fonts == nil:
		pct := 0
		if total > 0 {
			pct = int(min(99, 100*loaded/total))
		}
		c.LangNote = c.T("lang.loading.short", pct)
		return nil
	}
	lang := c.PendingLang
	c.PendingLang, c.LangNote = "", ""
	return g.switchLang(lang)
}

// switchLang shows the game in lang from the next tick, keeping the run:
// the scene being shown saves what it has not saved (a reflection being
// typed), the catalog and the faces change, the documents of lang replace
// the others when Config.DocsFor gives them, and every scene and overlay
// lays its text out again (Relanger) or, if it cannot, is built anew
// over the same session.
func (g *Game) switchLang(lang string) error {
	c := &g.C
	g.flush()
	if err := g.applyLang(lang); err != nil {
		return err
	}
	g.veil = nil
	for _, o := range g.overlays {
		if r, ok := o.(scene.Relanger); ok {
			r.Relang(c)
		}
	}
	if r, ok := g.cur.(scene.Relanger); ok {
		r.Relang(c)
	} else if next, err := g.rebuild(); err != nil {
		return err
	} else if next != nil {
		if err := g.enter(next); err != nil {
			return err
		}
	}
	return g.rememberLang()
}

// applyLang changes the catalog, the faces' order and, when DocsFor gives
// them, the documents to those of lang.
func (g *Game) applyLang(lang string) error {
	c := &g.C
	cat, err := i18n.New(lang)
	if err != nil {
		return fmt.Errorf("game: %w", err)
	}
	c.UI.SetCatalog(cat)
	c.Br.SetPresent(c.Present()) // the page's tables in the new language too
	if g.cfg.DocsFor != nil {
		if docs, err := g.cfg.DocsFor(lang); err != nil {
			c.Notice = c.T("lang.docs.failed", err.Error())
		} else if len(docs) > 0 {
			c.Docs = c.Docs[:0]
			for i := range docs {
				c.Docs = append(c.Docs, &docs[i])
			}
		}
	}
	return nil
}

// rebuild builds the current scene anew for a scene that cannot change
// its language in place (the round and the results): the same session and
// chapter, in the document of the new language.
func (g *Game) rebuild() (scene.Scene, error) {
	c := &g.C
	var doc *content.Document
	if s := c.Current; s != nil && !c.Sandbox {
		doc = c.DocByNumber(s.Chapter())
	}
	switch g.cur.Name() {
	case "round":
		if c.Current == nil {
			return nil, nil
		}
		return c.Open.Round(c.Current, doc)
	case "results":
		if c.Current == nil {
			return nil, nil
		}
		return c.Open.Results(c.Current, doc), nil
	case "epilogue":
		return c.Open.Epilogue(), nil
	}
	return nil, nil
}
