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
	HTML   template.HTML // from markdown.HTML, which escapes all text
}

// pageData is what the page templates see.
type pageData struct {
	Chapters []chapter
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
	data := pageData{Chapters: chapters, WasmSize: len(game.wasm), Langs: strings.Join(i18n.Languages(), " ")}
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
		var out bytes.Buffer
		if err := tmpl.Execute(&out, data); err != nil {
			return nil, fmt.Errorf("serve: web/%w", err)
		}
		s.files[p] = newFile(p, out.Bytes(), false)
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
		out = append(out, chapter{Number: doc.Number, Slug: doc.Slug, Title: doc.Title, HTML: template.HTML(markdown.HTML(doc))})
		docs = append(docs, doc)
	}
	// The game shows the chapters compiled into it (content.Compiled);
	// the page must not show other text beside it.
	if !content.IsCompiled(docs) {
		return nil, fmt.Errorf("serve: content/compiled.bin does not hold the chapters in content/chapters (one changed since it was made): run go generate ./content, then serve again")
	}
	return out, nil
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
		ctype == "image/svg+xml" || ctype == "application/json"
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
