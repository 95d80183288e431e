package main

import (
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestNegotiate(t *testing.T) {
	tests := []struct {
		accept       string
		hasBr, hasGz bool
		want         string
	}{
		{"gzip, deflate, br, zstd", true, true, "br"}, // Chromium over https and localhost: br wins
		{"gzip, deflate", true, true, "gzip"},         // no br offered
		{"br;q=0, gzip", true, true, "gzip"},          // q=0 refuses br (RFC 9110 §12.5.3)
		{"BR;Q=0.5", true, true, "br"},                // codings and parameters are case-insensitive
		{"*", true, true, "br"},                       // the wildcard accepts any coding
		{"*;q=0, gzip", true, true, "gzip"},           // a named coding overrides the wildcard
		{"*;q=0", true, true, ""},                     // nothing but identity
		{"", true, true, ""},                          // no header: identity
		{"gzip;q=0.001, br;q=1", false, true, "gzip"}, // the file has no br form
		{"br", false, false, ""},                      // the file has no compressed form
		{"x-gzip", false, true, "gzip"},               // the old name of gzip
		{"gzip;q=nonsense", true, true, ""},           // an unreadable q counts as 0
	}
	for _, tt := range tests {
		if got := negotiate(tt.accept, tt.hasBr, tt.hasGz); got != tt.want {
			t.Errorf("negotiate(%q, %v, %v) = %q, want %q", tt.accept, tt.hasBr, tt.hasGz, got, tt.want)
		}
	}
}

func TestHashedName(t *testing.T) {
	a := hashedName("game.wasm", []byte("one"))
	b := hashedName("game.wasm", []byte("two"))
	if a == b || !strings.HasPrefix(a, "game.") || !strings.HasSuffix(a, ".wasm") || len(a) != len("game.123456789abc.wasm") {
		t.Errorf("hashedName = %q and %q; want game.<12 hex>.wasm, different for different content", a, b)
	}
}

// testSite is a small site as assemble makes it.
func testSite(t *testing.T) *site {
	t.Helper()
	s := &site{files: map[string]*file{}}
	for _, f := range []*file{
		newFile("index.html", []byte(strings.Repeat("<p>The long tail.</p>\n", 50)), false),
		newFile("page.0123456789ab.js", []byte(strings.Repeat("console.log('x');\n", 50)), true),
		newFile("assignments/example.toml", []byte("title = \"Week 3\"\n"), false),
	} {
		s.files[f.name] = f
	}
	wasm := []byte(strings.Repeat("\x00asm wasm body ", 200))
	gz, err := compressGzip(wasm)
	if err != nil {
		t.Fatal(err)
	}
	s.wasm = hashedName("game.wasm", wasm)
	s.files[s.wasm] = &file{name: s.wasm, body: wasm, gz: gz, etag: etag(wasm), ctype: "application/wasm", immutable: true}
	return s
}

func TestServe(t *testing.T) {
	s := testSite(t)
	br, err := compressBrotli(s.files[s.wasm].body)
	if err != nil {
		t.Fatal(err)
	}
	get := func(path, accept string, hdr ...string) *http.Response {
		req := httptest.NewRequest("GET", path, nil)
		if accept != "" {
			req.Header.Set("Accept-Encoding", accept)
		}
		for i := 0; i+1 < len(hdr); i += 2 {
			req.Header.Set(hdr[i], hdr[i+1])
		}
		w := httptest.NewRecorder()
		s.ServeHTTP(w, req)
		return w.Result()
	}

	// Before brotli is ready the wasm goes out as gzip; afterwards as br.
	if r := get("/"+s.wasm, "gzip, br"); r.Header.Get("Content-Encoding") != "gzip" {
		t.Errorf("wasm before brotli: Content-Encoding %q, want gzip", r.Header.Get("Content-Encoding"))
	}
	s.setBrotli(s.wasm, br)
	r := get("/"+s.wasm, "gzip, deflate, br")
	for k, want := range map[string]string{
		"Content-Type":           "application/wasm",
		"Content-Encoding":       "br",
		"Vary":                   "Accept-Encoding",
		"Cache-Control":          "public, max-age=31536000, immutable",
		"X-Content-Type-Options": "nosniff",
		"Content-Security-Policy": "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; " +
			"img-src 'self' data: blob:; font-src 'self'; connect-src 'self'; frame-src 'self'; " +
			"base-uri 'none'; form-action 'none'; frame-ancestors *",
	} {
		if got := r.Header.Get(k); got != want {
			t.Errorf("wasm: %s = %q, want %q", k, got, want)
		}
	}
	if r.ContentLength != int64(len(br)) {
		t.Errorf("wasm in br: Content-Length %d, want %d", r.ContentLength, len(br))
	}
	if r.Header.Get("X-Frame-Options") != "" {
		t.Errorf("X-Frame-Options is set; LMS pages could not embed the game")
	}
	if r := get("/"+s.wasm, ""); r.Header.Get("Content-Encoding") != "" || r.ContentLength != int64(len(s.files[s.wasm].body)) {
		t.Errorf("wasm without Accept-Encoding: encoding %q, length %d; want identity, %d", r.Header.Get("Content-Encoding"), r.ContentLength, len(s.files[s.wasm].body))
	}

	// Pages revalidate; a matching ETag gives 304.
	r = get("/", "gzip")
	if r.StatusCode != 200 || r.Header.Get("Cache-Control") != "no-cache" || !strings.HasPrefix(r.Header.Get("Content-Type"), "text/html") {
		t.Errorf("/: status %d, Cache-Control %q, Content-Type %q", r.StatusCode, r.Header.Get("Cache-Control"), r.Header.Get("Content-Type"))
	}
	if r2 := get("/", "gzip", "If-None-Match", r.Header.Get("ETag")); r2.StatusCode != http.StatusNotModified {
		t.Errorf("/ with If-None-Match: status %d, want 304", r2.StatusCode)
	}
	if r := get("/assignments/example.toml", ""); r.StatusCode != 200 || r.Header.Get("Cache-Control") != "no-cache" {
		t.Errorf("/assignments/example.toml: status %d, Cache-Control %q", r.StatusCode, r.Header.Get("Cache-Control"))
	}
	if r := get("/missing.js", ""); r.StatusCode != http.StatusNotFound {
		t.Errorf("/missing.js: status %d, want 404", r.StatusCode)
	}
	req := httptest.NewRequest("POST", "/", nil)
	w := httptest.NewRecorder()
	s.ServeHTTP(w, req)
	if w.Code != http.StatusMethodNotAllowed {
		t.Errorf("POST /: status %d, want 405", w.Code)
	}
}

func TestWriteDir(t *testing.T) {
	s := testSite(t)
	root := t.TempDir()
	out := filepath.Join(t.TempDir(), "site")
	if err := s.writeDir(out, root); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"index.html", "index.html.br", "index.html.gz", s.wasm, s.wasm + ".gz", "_headers", "assignments/example.toml"} {
		if _, err := os.Stat(filepath.Join(out, name)); err != nil {
			t.Errorf("-dir: %v", err)
		}
	}
	// Writing again replaces the site.
	if err := s.writeDir(out, root); err != nil {
		t.Errorf("writing the site twice: %v", err)
	}
	// A directory of someone else's files, the root and web/ are refused.
	other := t.TempDir()
	os.WriteFile(filepath.Join(other, "notes.txt"), []byte("mine"), 0o644)
	if err := s.writeDir(other, root); err == nil {
		t.Errorf("-dir into a non-empty directory it did not write: no error")
	}
	if b, _ := os.ReadFile(filepath.Join(other, "notes.txt")); string(b) != "mine" {
		t.Errorf("-dir changed a file it did not write")
	}
	for _, d := range []string{root, filepath.Join(root, "web")} {
		if err := s.writeDir(d, root); err == nil {
			t.Errorf("-dir %s: no error, want a refusal", d)
		}
	}
}

func TestFindRoot(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "go.mod"), []byte("module "+modulePath+"\n\ngo 1.26\n"), 0o644)
	if got, err := findRoot(dir); err != nil || got != dir {
		t.Errorf("findRoot(%s) = %q, %v", dir, got, err)
	}
	other := t.TempDir()
	os.WriteFile(filepath.Join(other, "go.mod"), []byte("module example.com/other\n"), 0o644)
	if _, err := findRoot(other); err == nil {
		t.Errorf("findRoot of another module: no error")
	}
}

func TestSourceKey(t *testing.T) {
	root := t.TempDir()
	write := func(name, body string) {
		p := filepath.Join(root, name)
		os.MkdirAll(filepath.Dir(p), 0o755)
		os.WriteFile(p, []byte(body), 0o644)
	}
	write("go.mod", "module "+modulePath+"\n")
	write("cmd/longtail/main.go", "package main\n")
	tc := toolchain{version: "go1.26.8"}
	key := func() string {
		k, err := sourceKey(root, tc)
		if err != nil {
			t.Fatal(err)
		}
		return k
	}
	k0 := key()
	write("web/index.html", "<p>page</p>")
	write("cmd/longtail/main_test.go", "package main\n")
	write(".git/HEAD", "ref")
	write("out/site/game.wasm", "built")
	write("longtail", "a desktop binary")
	write("game/testdata/screens/title.png", "png")
	if key() != k0 {
		t.Errorf("the key changed with web/, out/, tests, testdata, a binary or .git; it should not")
	}
	write("content/chapters/01-born-open.md", "# Born open\n")
	if key() == k0 {
		t.Errorf("the key did not change with an embedded file")
	}
	k0 = key()
	write("cmd/longtail/main.go", "package main\n\nfunc main() {}\n")
	if key() == k0 {
		t.Errorf("the key did not change with a Go source")
	}
	k1 := key()
	tc.version = "go1.27"
	if key() == k1 {
		t.Errorf("the key did not change with the toolchain")
	}
}

// TestReadChaptersStale checks that the page is rendered from the chapters
// compiled into the game, and refused when one changed since compiled.bin
// was made.
func TestReadChaptersStale(t *testing.T) {
	root := t.TempDir()
	src, err := filepath.Glob("../../content/chapters/*.md")
	if err != nil || len(src) == 0 {
		t.Fatalf("no chapters: %v", err)
	}
	dir := filepath.Join(root, "content", "chapters")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, name := range src {
		b, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, filepath.Base(name)), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	chapters, err := readChapters(root)
	if err != nil || len(chapters) != len(src) {
		t.Fatalf("readChapters of the real chapters: %d chapters, %v", len(chapters), err)
	}
	last := filepath.Join(dir, filepath.Base(src[len(src)-1]))
	b, _ := os.ReadFile(last)
	if err := os.WriteFile(last, append(b, "\nA new paragraph.\n"...), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := readChapters(root); err == nil || !strings.Contains(err.Error(), "go generate ./content") {
		t.Errorf("readChapters with a changed chapter: error %v, want the stale compiled.bin", err)
	}
}

// TestPageWords: every edition's page has the same words, none empty, so
// a word added for one language cannot be missing in the other.
func TestPageWords(t *testing.T) {
	en := pageWords["en"]
	if len(en) < 20 {
		t.Fatalf("only %d English page words", len(en))
	}
	for lang, w := range pageWords {
		for k := range en {
			if strings.TrimSpace(w[k]) == "" {
				t.Errorf("%s: page word %q is missing or empty", lang, k)
			}
		}
		for k := range w {
			if _, ok := en[k]; !ok {
				t.Errorf("%s: page word %q has no English twin", lang, k)
			}
		}
	}
}

// TestChinesePage: the site has a page per edition. index.zh-Hans.html is
// in Chinese from its lang attribute to its tables' words, shows the
// Chinese chapters, starts the game in Chinese and links to the English
// page, which links back.
func TestChinesePage(t *testing.T) {
	tc, err := findToolchain()
	if err != nil {
		t.Skip(err)
	}
	wasm := []byte("\x00asm a stand-in for the game")
	s, err := assemble("../..", tc, buildOutput{wasm: wasm, gz: wasm})
	if err != nil {
		t.Fatal(err)
	}
	get := func(path string) string {
		t.Helper()
		w := httptest.NewRecorder()
		s.ServeHTTP(w, httptest.NewRequest("GET", path, nil))
		if w.Code != 200 || !strings.HasPrefix(w.Header().Get("Content-Type"), "text/html") {
			t.Fatalf("%s: status %d, Content-Type %q", path, w.Code, w.Header().Get("Content-Type"))
		}
		return w.Body.String()
	}
	zh := get("/index.zh-Hans.html")
	for _, want := range []string{
		`<html lang="zh-Hans">`, `<title>长尾——`, `本章目标`, `data-empty="尚未进行任何季度。"`,
		`src="play.html?lang=zh-Hans"`, `<article class="chapter" lang="zh-Hans"`, `第一章`,
		`href="index.html" hreflang="en" lang="en">English</a>`,
	} {
		if !strings.Contains(zh, want) {
			t.Errorf("index.zh-Hans.html lacks %q", want)
		}
	}
	if strings.Contains(zh, `lang="en" id=`) || strings.Contains(zh, "Goals of this chapter") {
		t.Errorf("index.zh-Hans.html has English chapters or words")
	}
	en := get("/")
	for _, want := range []string{`<html lang="en">`, `href="index.zh-Hans.html" hreflang="zh-Hans" lang="zh-Hans">简体中文</a>`, `src="play.html"`} {
		if !strings.Contains(en, want) {
			t.Errorf("index.html lacks %q", want)
		}
	}
}
