package main

import (
	"bytes"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/andybalholm/brotli"

	"github.com/longtail-case/longtail/assets/cjk"
)

// TestFontAsset: each Chinese face is published under a content-hashed
// name, served as font/otf, with brotli when asked for it (the browser
// fetches it only when Chinese is chosen, so its size counts only then),
// cached for a year; the brotli form is kept in the build directory and
// read back instead of compressing again.
func TestFontAsset(t *testing.T) {
	root, err := findRoot("")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	s := &site{files: map[string]*file{}}
	start := time.Now()
	name, size, err := s.addFont(root, dir, cjk.Bold)
	if err != nil {
		t.Fatal(err)
	}
	first := time.Since(start)
	if size != len(cjk.OTF(cjk.Bold)) || !strings.HasPrefix(name, "NotoSansCJKsc-Bold.subset.") || !strings.HasSuffix(name, ".otf") {
		t.Errorf("addFont = %q, %d bytes; want the hashed name of %s and its %d bytes", name, size, cjk.File(cjk.Bold), len(cjk.OTF(cjk.Bold)))
	}
	req := httptest.NewRequest(http.MethodGet, "/"+name, nil)
	req.Header.Set("Accept-Encoding", "gzip, br")
	rec := httptest.NewRecorder()
	s.ServeHTTP(rec, req)
	h := rec.Result().Header
	if rec.Code != 200 || h.Get("Content-Encoding") != "br" || h.Get("Content-Type") != "font/otf" || !strings.Contains(h.Get("Cache-Control"), "immutable") {
		t.Fatalf("GET %s: %d %v", name, rec.Code, h)
	}
	got, err := io.ReadAll(brotli.NewReader(rec.Body))
	if err != nil || !bytes.Equal(got, []byte(cjk.OTF(cjk.Bold))) {
		t.Fatalf("the brotli body does not decode to the font (%v)", err)
	}
	t.Logf("%s: %d bytes, %d brotli (compressed in %s)", name, size, len(s.files[name].br), first.Round(time.Millisecond))
	if _, err := os.Stat(filepath.Join(dir, name+".br")); err != nil {
		t.Fatalf("the brotli form is not kept: %v", err)
	}
	// A second site reads the kept form: much faster than compressing.
	s2 := &site{files: map[string]*file{}}
	start = time.Now()
	if _, _, err := s2.addFont(root, dir, cjk.Bold); err != nil {
		t.Fatal(err)
	}
	if again := time.Since(start); again > first/2 && first > 200*time.Millisecond {
		t.Errorf("the second addFont took %s, the first %s: the kept brotli form was not used", again, first)
	}
	if !bytes.Equal(s2.files[name].br, s.files[name].br) {
		t.Error("the kept brotli form differs")
	}
}
