package main

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"html/template"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"sync"

	"github.com/andybalholm/brotli"

	"github.com/longtail-case/longtail/assets/cjk"
	"github.com/longtail-case/longtail/content"
	"github.com/longtail-case/longtail/content/markdown"
	"github.com/longtail-case/longtail/game/i18n"
)

// file is one file of the site, held in memory with its precompressed
// forms (nil when compressing does not make it smaller).
type file struct {
	name      string // path below the site root, e.g. "game.1a2b3c4d5e6f.wasm"
	body      []byte
	br, gz    []byte
	etag      string // quoted strong validator of body
	ctype     string
	immutable bool // the name carries a content hash; cache for a year
}

// site is the finished static site: the pages, the hashed assets and the
// game.
type site struct {
	mu    sync.RWMutex // guards the files' br, which setBrotli fills in late
	files map[string]*file
	wasm  string // the game's hashed name
}

// setBrotli sets the brotli form of the named file.
func (s *site) setBrotli(name string, br []byte) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if f, ok := s.files[name]; ok {
		f.br = br
	}
}

// pages are the hand-written templates in web/; the assets there (see
// isAsset) are published under hashed names.
var pages = []string{"index.html", "play.html"}

// isAsset reports whether a file in web/ is a hand-written asset the site
// publishes: a script, style sheet, image, font or manifest that is not a
// build output (game.wasm, wasm_exec.js, .br and .gz files) or hidden.
func isAsset(name string) bool {
	if name == "game.wasm" || name == "wasm_exec.js" || strings.HasPrefix(name, ".") {
		return false
	}
	switch path.Ext(name) {
	case ".js", ".css", ".svg", ".png", ".ico", ".woff2", ".webmanifest":
		return true
	}
	return false
}

// chapter is one chapter of the case, rendered for the page.
type chapter struct {
	Number int
	Slug   string
	Title  string
	Lang   string        // the edition's language, for the lang attribute of the chapter's element ("en", "zh-Hans")
	HTML   template.HTML // from markdown.HTML, which escapes all text
}

// pageData is what the page templates see.
type pageData struct {
	// Lang is the language of the page being rendered ("en" for index.html,
	// "zh-Hans" for index.zh-Hans.html), W its words (pageWords) and Other
	// the page of the other edition, for the language link ("" when there
	// is none).
	Lang  string
	W     map[string]string
	Other string
	// Play is the game's frame: play.html, with ?lang= on a translation's
	// page so that the game starts in the page's language.
	Play     string
	Chapters []chapter // the chapters of the page's language (the English ones in play.html)
	// Chinese holds the Chinese edition's chapters, rendered like Chapters;
	// empty while content/chapters/zh-Hans holds none (then there is no
	// Chinese page).
	Chinese []chapter
	// Editions maps a translation's language to the hashed name of its
	// compiled documents ("zh-Hans" → "compiled.zh-Hans.1a2b3c4d5e6f.bin"),
	// which the game fetches and decodes with content.DecodeEdition when a
	// student picks that language (the browser's build does not embed it).
	Editions map[string]string
	WasmSize int // bytes of the uncompressed wasm, the progress bar's total
	// Langs are the game's languages (i18n.Languages), space-separated,
	// for play.js's ?lang= check.
	Langs string
	// CJKRegular and CJKBold are the hashed names of the Chinese faces,
	// CJKSize their uncompressed bytes together: the game fetches them
	// when Chinese is chosen (cmd/longtail/cjk_js.go).
	CJKRegular, CJKBold string
	CJKSize             int
}

// assemble builds the site from web/, the content chapters, the toolchain's
// wasm_exec.js and the built game.
func assemble(root string, t toolchain, game buildOutput) (*site, error) {
	s := &site{files: map[string]*file{}}
	webDir := filepath.Join(root, "web")
	entries, err := os.ReadDir(webDir)
	if err != nil {
		return nil, fmt.Errorf("serve: %w", err)
	}
	assets := map[string]string{} // hand-written name → hashed name
	add := func(name string, body []byte) string {
		hashed := hashedName(name, body)
		s.files[hashed] = newFile(hashed, body, true)
		assets[name] = hashed
		return hashed
	}
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || !isAsset(name) || isPage(name) {
			continue
		}
		b, err := os.ReadFile(filepath.Join(webDir, name))
		if err != nil {
			return nil, fmt.Errorf("serve: %w", err)
		}
		add(name, b)
	}
	wasmExec, err := t.wasmExecJS()
	if err != nil {
		return nil, err
	}
	add("wasm_exec.js", wasmExec)
	wasmName := hashedName("game.wasm", game.wasm)
	s.files[wasmName] = &file{name: wasmName, body: game.wasm, br: game.br, gz: game.gz,
		etag: etag(game.wasm), ctype: "application/wasm", immutable: true}
	assets["game.wasm"] = wasmName
	s.wasm = wasmName

	if err := s.addAssignments(root); err != nil {
		return nil, err
	}
	chapters, err := readChapters(root)
	if err != nil {
		return nil, err
	}
	data := pageData{Chapters: chapters, Editions: map[string]string{}, WasmSize: len(game.wasm), Langs: strings.Join(i18n.Languages(), " ")}
	for _, lang := range content.Languages()[1:] {
		docs, chapters, err := readEdition(root, lang)
		if err != nil {
			return nil, err
		}
		if len(docs) == 0 {
			continue
		}
		if lang == content.Chinese {
			data.Chinese = chapters
		}
		b, err := content.Encode(docs)
		if err != nil {
			return nil, fmt.Errorf("serve: %w", err)
		}
		data.Editions[lang] = add(content.CompiledFile(lang), b)
	}
	for w := cjk.Regular; w < cjk.NumWeights; w++ {
		name, size, err := s.addFont(root, game.dir, w)
		if err != nil {
			return nil, err
		}
		if w == cjk.Bold {
			data.CJKBold = name
		} else {
			data.CJKRegular = name
		}
		data.CJKSize += size
	}
	funcs := template.FuncMap{"asset": func(name string) (string, error) {
		h, ok := assets[name]
		if !ok {
			return "", fmt.Errorf("no asset %q in web/", name)
		}
		return h, nil
	}}
	for _, p := range pages {
		src, err := os.ReadFile(filepath.Join(webDir, p))
		if err != nil {
			return nil, fmt.Errorf("serve: %w", err)
		}
		tmpl, err := template.New(p).Funcs(funcs).Parse(string(src))
		if err != nil {
			return nil, fmt.Errorf("serve: web/%w", err)
		}
		// index.html is rendered once per edition; play.html once.
		editions := []string{content.English}
		if p == "index.html" && len(data.Chinese) > 0 {
			editions = append(editions, content.Chinese)
		}
		for _, lang := range editions {
			d := data
			d.Lang, d.W, d.Play = lang, pageWords[lang], "play.html"
			name := p
			if p == "index.html" {
				name = pageFile(lang)
				if len(editions) > 1 {
					d.Other = pageFile(editions[0])
					if lang == editions[0] {
						d.Other = pageFile(editions[1])
					}
				}
				if lang != content.English {
					d.Chapters, d.Play = data.Chinese, "play.html?lang="+lang
				}
			}
			var out bytes.Buffer
			if err := tmpl.Execute(&out, d); err != nil {
				return nil, fmt.Errorf("serve: web/%w", err)
			}
			s.files[name] = newFile(name, out.Bytes(), false)
		}
	}
	return s, nil
}

// addAssignments publishes content/assignments/*.toml as
// assignments/NAME.toml, so that ?assignment=assignments/NAME.toml opens one.
func (s *site) addAssignments(root string) error {
	names, err := filepath.Glob(filepath.Join(root, "content", "assignments", "*.toml"))
	if err != nil {
		return fmt.Errorf("serve: %w", err)
	}
	for _, n := range names {
		b, err := os.ReadFile(n)
		if err != nil {
			return fmt.Errorf("serve: %w", err)
		}
		name := "assignments/" + filepath.Base(n)
		s.files[name] = newFile(name, b, false)
	}
	return nil
}

// addFont publishes the Chinese face w (assets/cjk) under a hashed name
// with its brotli and gzip forms, and returns the name and its size.
// Compressing a face at brotli's best takes seconds, so the brotli form is
// kept beside the build in buildDir (when there is one) under the hashed
// name.
func (s *site) addFont(root, buildDir string, w cjk.Weight) (string, int, error) {
	src := filepath.Join(root, "assets", "cjk", cjk.File(w))
	body, err := os.ReadFile(src)
	if err != nil {
		return "", 0, fmt.Errorf("serve: the Chinese font: %w", err)
	}
	name := hashedName(cjk.File(w), body)
	f := &file{name: name, body: body, etag: etag(body), ctype: contentType(name), immutable: true}
	cached := ""
	if buildDir != "" {
		cached = filepath.Join(buildDir, name+".br")
		if br, err := os.ReadFile(cached); err == nil && len(br) > 0 {
			f.br = br
		}
	}
	if f.br == nil {
		if f.br, err = compressBrotli(body); err != nil {
			return "", 0, err
		}
		if cached != "" {
			if err := writeAtomic(cached, f.br); err != nil {
				return "", 0, err
			}
		}
	}
	if f.gz, err = compressGzip(body); err != nil {
		return "", 0, err
	}
	s.files[name] = f
	return name, len(body), nil
}

// isPage reports whether name is one of the page templates.
func isPage(name string) bool {
	for _, p := range pages {
		if p == name {
			return true
		}
	}
	return false
}

// readChapters parses content/chapters/*.md and renders each with
// markdown.HTML, in file-name order. They must be the chapters compiled
// into the game (content/compiled.bin).
func readChapters(root string) ([]chapter, error) {
	names, err := filepath.Glob(filepath.Join(root, "content", "chapters", "*.md"))
	if err != nil {
		return nil, fmt.Errorf("serve: %w", err)
	}
	sort.Strings(names)
	var out []chapter
	var docs []content.Document
	for _, n := range names {
		src, err := os.ReadFile(n)
		if err != nil {
			return nil, fmt.Errorf("serve: %w", err)
		}
		doc, err := markdown.Parse("chapters/"+filepath.Base(n), src)
		if err != nil {
			return nil, fmt.Errorf("serve: %w", err)
		}
		out = append(out, chapter{Number: doc.Number, Slug: doc.Slug, Title: doc.Title, Lang: markdown.Lang(doc), HTML: template.HTML(markdown.HTML(doc))})
		docs = append(docs, doc)
	}
	// The game shows the chapters compiled into it (content.Compiled);
	// the page must not show other text beside it.
	if !content.IsCompiled(docs) {
		return nil, fmt.Errorf("serve: content/compiled.bin does not hold the chapters in content/chapters (one changed since it was made): run go generate ./content, then serve again")
	}
	return out, nil
}

// readEdition parses a translation's chapters, content/chapters/LANG/*.md
// with markdown.LoadLang (each checked against its English original), and
// renders each with markdown.HTML, in reading order. They must be the
// documents compiled into the game (content/compiled.LANG.bin). An edition
// without chapters gives none and no error.
func readEdition(root, lang string) ([]content.Document, []chapter, error) {
	fsys := os.DirFS(filepath.Join(root, "content"))
	names, err := markdown.EditionFiles(fsys, lang)
	if err != nil || len(names) == 0 {
		return nil, nil, err
	}
	docs, err := markdown.LoadLang(fsys, lang)
	if err != nil {
		return nil, nil, fmt.Errorf("serve: %w", err)
	}
	if !content.IsCompiledLang(docs, lang) {
		return nil, nil, fmt.Errorf("serve: content/%s does not hold the chapters in content/%s (one changed since it was made): run go generate ./content, then serve again", content.CompiledFile(lang), markdown.ChapterDir(lang))
	}
	var out []chapter
	for _, d := range docs {
		out = append(out, chapter{Number: d.Number, Slug: d.Slug, Title: d.Title, Lang: markdown.Lang(d), HTML: template.HTML(markdown.HTML(d))})
	}
	return docs, out, nil
}

// hashedName inserts a short content hash before the extension:
// "game.wasm" → "game.1a2b3c4d5e6f.wasm".
func hashedName(name string, body []byte) string {
	sum := sha256.Sum256(body)
	ext := path.Ext(name)
	return strings.TrimSuffix(name, ext) + "." + hex.EncodeToString(sum[:6]) + ext
}

// etag returns a strong, quoted entity tag of body.
func etag(body []byte) string {
	sum := sha256.Sum256(body)
	return `"` + hex.EncodeToString(sum[:12]) + `"`
}

// newFile makes a site file and precompresses text types.
func newFile(name string, body []byte, immutable bool) *file {
	f := &file{name: name, body: body, etag: etag(body), ctype: contentType(name), immutable: immutable}
	if compressible(f.ctype) {
		if br, err := compressBrotli(body); err == nil && len(br) < len(body) {
			f.br = br
		}
		if gz, err := compressGzip(body); err == nil && len(gz) < len(body) {
			f.gz = gz
		}
	}
	return f
}

// contentType returns the media type of a file name.
func contentType(name string) string {
	switch path.Ext(name) {
	case ".html":
		return "text/html; charset=utf-8"
	case ".js", ".mjs":
		return "text/javascript; charset=utf-8"
	case ".css":
		return "text/css; charset=utf-8"
	case ".wasm":
		return "application/wasm"
	case ".svg":
		return "image/svg+xml"
	case ".png":
		return "image/png"
	case ".ico":
		return "image/x-icon"
	case ".json", ".webmanifest":
		return "application/json"
	case ".txt", ".toml", ".md":
		return "text/plain; charset=utf-8"
	case ".woff2":
		return "font/woff2"
	case ".otf":
		return "font/otf"
	}
	return "application/octet-stream"
}

// compressible reports whether a media type is worth compressing.
func compressible(ctype string) bool {
	return strings.HasPrefix(ctype, "text/") || ctype == "application/wasm" ||
		ctype == "image/svg+xml" || ctype == "application/json" ||
		ctype == "application/octet-stream" // compiled documents, mostly text
}

// compressBrotli compresses b with brotli at the best quality.
func compressBrotli(b []byte) ([]byte, error) {
	var out bytes.Buffer
	w := brotli.NewWriterOptions(&out, brotli.WriterOptions{Quality: brotli.BestCompression, LGWin: 24})
	if _, err := w.Write(b); err != nil {
		return nil, fmt.Errorf("serve: brotli: %w", err)
	}
	if err := w.Close(); err != nil {
		return nil, fmt.Errorf("serve: brotli: %w", err)
	}
	return out.Bytes(), nil
}

// compressGzip compresses b with gzip at the best level.
func compressGzip(b []byte) ([]byte, error) {
	var out bytes.Buffer
	w, err := gzip.NewWriterLevel(&out, gzip.BestCompression)
	if err != nil {
		return nil, fmt.Errorf("serve: gzip: %w", err)
	}
	if _, err := w.Write(b); err != nil {
		return nil, fmt.Errorf("serve: gzip: %w", err)
	}
	if err := w.Close(); err != nil {
		return nil, fmt.Errorf("serve: gzip: %w", err)
	}
	return out.Bytes(), nil
}

// siteMarker names the file that marks a directory written by -dir and
// lists the files written there.
const siteMarker = ".longtail-site"

// writeDir writes the site into dir for a static host: every file, its
// .br and .gz forms, and a _headers file (the format Netlify and
// Cloudflare Pages read) with the security and cache headers. It refuses a
// non-empty directory it did not write before, and replaces what it wrote
// there last time.
func (s *site) writeDir(dir, root string) error {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return fmt.Errorf("serve: -dir %s: %w", dir, err)
	}
	if abs == root || abs == filepath.Join(root, "web") {
		return fmt.Errorf("serve: -dir %s would overwrite hand-written files; choose another directory", dir)
	}
	if entries, err := os.ReadDir(abs); err == nil && len(entries) > 0 {
		old, err := os.ReadFile(filepath.Join(abs, siteMarker))
		if err != nil {
			return fmt.Errorf("serve: -dir %s is not empty and was not written by longtail-serve; choose an empty or new directory", dir)
		}
		for _, n := range strings.Fields(string(old)) {
			if filepath.IsLocal(n) && !strings.HasPrefix(n, ".") {
				os.Remove(filepath.Join(abs, filepath.FromSlash(n)))
			}
		}
	}
	if err := os.MkdirAll(abs, 0o755); err != nil {
		return fmt.Errorf("serve: -dir: %w", err)
	}
	var written []string
	write := func(name string, b []byte) error {
		written = append(written, name)
		p := filepath.Join(abs, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return fmt.Errorf("serve: -dir: %w", err)
		}
		if err := os.WriteFile(p, b, 0o644); err != nil {
			return fmt.Errorf("serve: -dir: %w", err)
		}
		return nil
	}
	for _, name := range s.names() {
		f := s.files[name]
		if err := write(name, f.body); err != nil {
			return err
		}
		if f.br != nil {
			if err := write(name+".br", f.br); err != nil {
				return err
			}
		}
		if f.gz != nil {
			if err := write(name+".gz", f.gz); err != nil {
				return err
			}
		}
	}
	if err := write("_headers", []byte(s.headersFile())); err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(abs, siteMarker), []byte(strings.Join(written, "\n")+"\n"), 0o644)
}

// names returns the site's file names, sorted.
func (s *site) names() []string {
	out := make([]string, 0, len(s.files))
	for n := range s.files {
		out = append(out, n)
	}
	sort.Strings(out)
	return out
}

// headersFile returns the _headers file for static hosts.
func (s *site) headersFile() string {
	var b strings.Builder
	fmt.Fprintf(&b, "/*\n  Content-Security-Policy: %s\n  X-Content-Type-Options: nosniff\n  Referrer-Policy: no-referrer\n", csp)
	for _, name := range s.names() {
		f := s.files[name]
		if name == "index.html" {
			fmt.Fprintf(&b, "/\n  Cache-Control: %s\n", cacheControl(f))
		}
		fmt.Fprintf(&b, "/%s\n  Cache-Control: %s\n", name, cacheControl(f))
		if f.ctype == "application/wasm" {
			b.WriteString("  Content-Type: application/wasm\n")
		}
	}
	return b.String()
}
