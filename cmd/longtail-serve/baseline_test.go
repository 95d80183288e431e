//go:build browser

package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"testing"
)

// The baseline of the timing budgets: the same site, served by the same
// server in the same browser, with the game replaced by the smallest
// possible Ebiten game (testdata/fillonly: it fills its screen, and tells
// the loader after its first Update that it is ready, as the game does).
// Every timing budget is a ratio of the game's figure to the baseline's,
// measured in the same run, so that a busy or slow machine moves both.
var (
	bareOnce sync.Once
	bareErr  error
	bareURL  string
)

// staticPage is the name of the baseline site's static page: index.html
// with the game's iframe left empty (same size, same case text, same
// scripts), the reference of the chapter-text budget.
const staticPage = "static.html"

// serveBare builds fillonly (once per test binary; its brotli form is
// cached in the user's cache directory by content hash, since compressing
// it at the game's quality takes half a minute) and serves the site with
// it in the game's place.
func serveBare(t *testing.T) string {
	t.Helper()
	bareOnce.Do(func() { bareURL, bareErr = startBare() })
	if bareErr != nil {
		t.Fatal(bareErr)
	}
	return bareURL
}

func startBare() (string, error) {
	root, err := findRoot(*flagRoot)
	if err != nil {
		return "", err
	}
	tc, err := findToolchain()
	if err != nil {
		return "", err
	}
	tmp, err := os.MkdirTemp("", "longtail-fillonly-")
	if err != nil {
		return "", err
	}
	defer os.RemoveAll(tmp)
	out := filepath.Join(tmp, "fillonly.wasm")
	cmd := exec.Command(tc.goBin, append(append([]string{"build"}, buildFlags...), "-o", out, "./cmd/longtail-serve/testdata/fillonly")...)
	cmd.Dir = root
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	if b, err := cmd.CombinedOutput(); err != nil {
		return "", &BuildError{Output: string(b), Err: err}
	}
	wasm, err := os.ReadFile(out)
	if err != nil {
		return "", err
	}
	bare := buildOutput{wasm: wasm}
	if bare.gz, err = compressGzip(wasm); err != nil {
		return "", err
	}
	if bare.br, err = cachedBrotli(wasm); err != nil {
		return "", err
	}
	s, err := assemble(root, tc, bare)
	if err != nil {
		return "", err
	}
	index, ok := s.files["index.html"]
	if !ok {
		return "", errNoIndex
	}
	static := bytes.Replace(index.body, []byte(`src="play.html"`), []byte(`src="about:blank"`), 1)
	if bytes.Equal(static, index.body) {
		return "", errNoIframe
	}
	s.files[staticPage] = newFile(staticPage, static, false)
	return httptest.NewServer(s).URL, nil
}

type baselineError string

func (e baselineError) Error() string { return string(e) }

const (
	errNoIndex  = baselineError("baseline: the site has no index.html")
	errNoIframe = baselineError(`baseline: index.html has no iframe with src="play.html" to empty`)
)

// cachedBrotli returns wasm compressed like the game's build, from the
// user's cache directory when it was compressed before.
func cachedBrotli(wasm []byte) ([]byte, error) {
	sum := sha256.Sum256(wasm)
	name := ""
	if base, err := os.UserCacheDir(); err == nil {
		dir := filepath.Join(base, "longtail", "web")
		name = filepath.Join(dir, "fillonly-"+hex.EncodeToString(sum[:8])+".wasm.br")
		if b, err := os.ReadFile(name); err == nil && len(b) > 0 {
			return b, nil
		}
		if err := os.MkdirAll(dir, 0o755); err != nil {
			name = ""
		}
	}
	logStderr("compressing the %.1f MB baseline game with brotli (once per toolchain and Ebiten version) …", float64(len(wasm))/1e6)
	br, err := compressBrotli(wasm)
	if err != nil {
		return nil, err
	}
	if name != "" {
		if old, _ := filepath.Glob(filepath.Join(filepath.Dir(name), "fillonly-*.wasm.br")); len(old) > 0 {
			for _, o := range old {
				os.Remove(o)
			}
		}
		writeAtomic(name, br) // a cache: failing to keep it costs only time
	}
	return br, nil
}
