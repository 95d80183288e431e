package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"time"
)

// modulePath is the module the repository root's go.mod declares.
const modulePath = "github.com/longtail-case/longtail"

// gamePackage is the package built to WebAssembly, relative to the root.
const gamePackage = "./cmd/longtail"

// buildFlags are the go build flags of the WebAssembly game.
var buildFlags = []string{"-trimpath", "-ldflags=-s -w"}

// findRoot returns the repository root: dir itself when given, otherwise
// the nearest directory at or above the working directory whose go.mod
// declares modulePath.
func findRoot(dir string) (string, error) {
	if dir != "" {
		abs, err := filepath.Abs(dir)
		if err != nil {
			return "", fmt.Errorf("serve: root %s: %w", dir, err)
		}
		if !isRoot(abs) {
			return "", fmt.Errorf("serve: root %s: no go.mod declaring module %s", abs, modulePath)
		}
		return abs, nil
	}
	wd, err := os.Getwd()
	if err != nil {
		return "", fmt.Errorf("serve: %w", err)
	}
	for d := wd; ; d = filepath.Dir(d) {
		if isRoot(d) {
			return d, nil
		}
		if filepath.Dir(d) == d {
			return "", fmt.Errorf("serve: no go.mod declaring module %s at or above %s; run from the repository or pass -root", modulePath, wd)
		}
	}
}

// isRoot reports whether dir holds the go.mod of modulePath.
func isRoot(dir string) bool {
	b, err := os.ReadFile(filepath.Join(dir, "go.mod"))
	if err != nil {
		return false
	}
	for _, line := range strings.Split(string(b), "\n") {
		if f := strings.Fields(line); len(f) == 2 && f[0] == "module" {
			return strings.Trim(f[1], `"`) == modulePath
		}
	}
	return false
}

// toolchain is the Go installation that builds the game.
type toolchain struct {
	goBin   string // path of the go command inside GOROOT
	goroot  string
	version string // e.g. "go1.26.8"
}

// findToolchain asks the go command on PATH for its GOROOT and uses that
// GOROOT's go command, so wasm_exec.js and the compiler match.
func findToolchain() (toolchain, error) {
	out, err := exec.Command("go", "env", "GOROOT").Output()
	if err != nil {
		return toolchain{}, fmt.Errorf("serve: go env GOROOT: %w (is Go installed and on PATH?)", err)
	}
	t := toolchain{goroot: strings.TrimSpace(string(out))}
	t.goBin = filepath.Join(t.goroot, "bin", "go")
	out, err = exec.Command(t.goBin, "env", "GOVERSION").Output()
	if err != nil {
		return toolchain{}, fmt.Errorf("serve: %s env GOVERSION: %w", t.goBin, err)
	}
	t.version = strings.TrimSpace(string(out))
	return t, nil
}

// wasmExecJS returns the toolchain's wasm_exec.js.
func (t toolchain) wasmExecJS() ([]byte, error) {
	b, err := os.ReadFile(filepath.Join(t.goroot, "lib", "wasm", "wasm_exec.js"))
	if err != nil {
		return nil, fmt.Errorf("serve: wasm_exec.js: %w", err)
	}
	return b, nil
}

// sourceKey hashes everything the WebAssembly build depends on: the
// toolchain version, the build flags, go.mod and go.sum, every Go source
// (not tests), and every file that a package may embed, that is the files
// under assets/, content/ and game/. It skips hidden directories, testdata,
// web/ and out/ (build outputs), and _test.go files.
func sourceKey(root string, t toolchain) (string, error) {
	var files []string
	embeddable := func(rel string) bool {
		top, _, _ := strings.Cut(filepath.ToSlash(rel), "/")
		return top == "assets" || top == "content" || top == "game"
	}
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		name := d.Name()
		rel, _ := filepath.Rel(root, p)
		if d.IsDir() {
			if p != root && (strings.HasPrefix(name, ".") || name == "testdata" || name == "node_modules" || rel == "web" || rel == "out") {
				return filepath.SkipDir
			}
			return nil
		}
		if !d.Type().IsRegular() || strings.HasSuffix(name, "_test.go") || strings.HasPrefix(name, ".") {
			return nil
		}
		if strings.HasSuffix(name, ".go") || rel == "go.mod" || rel == "go.sum" || embeddable(rel) {
			files = append(files, p)
		}
		return nil
	})
	if err != nil {
		return "", fmt.Errorf("serve: hashing sources: %w", err)
	}
	sort.Strings(files)
	h := sha256.New()
	fmt.Fprintf(h, "%s\x00%s\x00%s\x00", t.version, strings.Join(buildFlags, " "), gamePackage)
	for _, p := range files {
		rel, _ := filepath.Rel(root, p)
		f, err := os.Open(p)
		if err != nil {
			return "", fmt.Errorf("serve: hashing sources: %w", err)
		}
		fi, err := f.Stat()
		if err == nil {
			fmt.Fprintf(h, "%s\x00%d\x00", filepath.ToSlash(rel), fi.Size())
			_, err = io.Copy(h, f)
		}
		f.Close()
		if err != nil {
			return "", fmt.Errorf("serve: hashing %s: %w", rel, err)
		}
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// BuildError is a failed go build; Output is the compiler's message.
type BuildError struct {
	Output string
	Err    error
}

// Error returns the compiler's message.
func (e *BuildError) Error() string {
	return fmt.Sprintf("serve: building the game failed (%v):\n%s", e.Err, strings.TrimSpace(e.Output))
}

// buildOutput is a built game: the wasm and its precompressed forms. br is
// nil until brotli has run (see brotli).
type buildOutput struct {
	wasm, br, gz []byte
	key          string // the source key
	dir          string // the build directory
	cached       bool   // true when the build was skipped
}

// buildWasm builds the game to WebAssembly in cacheDir/build-KEY, or reuses
// that build when the sources are unchanged (a stamp file holds the key).
// Old builds are removed. logf reports progress. The brotli form is made
// later, by brotli, because it is slow.
func buildWasm(root, cacheDir string, t toolchain, logf func(string, ...any)) (buildOutput, error) {
	key, err := sourceKey(root, t)
	if err != nil {
		return buildOutput{}, err
	}
	dir := filepath.Join(cacheDir, "build-"+key[:16])
	if out, ok := readBuild(dir, key); ok {
		logf("game unchanged since the last build (%s)", dir)
		return out, nil
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return buildOutput{}, fmt.Errorf("serve: build dir: %w", err)
	}
	logf("building the game to WebAssembly (%s) …", t.version)
	tmp := filepath.Join(dir, fmt.Sprintf("game.%d.wasm", os.Getpid()))
	args := append([]string{"build"}, buildFlags...)
	args = append(args, "-o", tmp, gamePackage)
	cmd := exec.Command(t.goBin, args...)
	cmd.Dir = root
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	var stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stderr, &stderr
	if err := cmd.Run(); err != nil {
		os.Remove(tmp)
		return buildOutput{}, &BuildError{Output: stderr.String(), Err: err}
	}
	wasm, err := os.ReadFile(tmp)
	os.Remove(tmp)
	if err != nil {
		return buildOutput{}, fmt.Errorf("serve: reading the build: %w", err)
	}
	out := buildOutput{wasm: wasm, key: key, dir: dir}
	if out.gz, err = compressGzip(wasm); err != nil {
		return buildOutput{}, err
	}
	for _, f := range []struct {
		name string
		b    []byte
	}{{"game.wasm", out.wasm}, {"game.wasm.gz", out.gz}, {"stamp", []byte(key + "\n")}} {
		if err := writeAtomic(filepath.Join(dir, f.name), f.b); err != nil {
			return buildOutput{}, err
		}
	}
	pruneBuilds(cacheDir, dir)
	return out, nil
}

// brotli returns the build's brotli form, compressing it (at the best
// quality, which takes minutes for a 15 MB game) and keeping it in the
// build directory when it is not there yet.
func (b buildOutput) brotli(logf func(string, ...any)) ([]byte, error) {
	if b.br != nil {
		return b.br, nil
	}
	start := time.Now()
	logf("compressing %.1f MB of wasm with brotli (once per build) …", float64(len(b.wasm))/1e6)
	br, err := compressBrotli(b.wasm)
	if err != nil {
		return nil, err
	}
	logf("brotli: %.2f MB in %s", float64(len(br))/1e6, time.Since(start).Round(time.Second))
	if b.dir != "" {
		if err := writeAtomic(filepath.Join(b.dir, "game.wasm.br"), br); err != nil {
			return nil, err
		}
	}
	return br, nil
}

// readBuild returns the build in dir when its stamp holds key.
func readBuild(dir, key string) (buildOutput, bool) {
	stamp, err := os.ReadFile(filepath.Join(dir, "stamp"))
	if err != nil || strings.TrimSpace(string(stamp)) != key {
		return buildOutput{}, false
	}
	out := buildOutput{key: key, dir: dir, cached: true}
	for _, f := range []struct {
		name string
		b    *[]byte
	}{{"game.wasm", &out.wasm}, {"game.wasm.gz", &out.gz}} {
		b, err := os.ReadFile(filepath.Join(dir, f.name))
		if err != nil || len(b) == 0 {
			return buildOutput{}, false
		}
		*f.b = b
	}
	if br, err := os.ReadFile(filepath.Join(dir, "game.wasm.br")); err == nil && len(br) > 0 {
		out.br = br
	}
	return out, true
}

// pruneBuilds removes the build directories in cacheDir other than keep.
func pruneBuilds(cacheDir, keep string) {
	dirs, _ := filepath.Glob(filepath.Join(cacheDir, "build-*"))
	for _, d := range dirs {
		if d != keep {
			os.RemoveAll(d)
		}
	}
}

// writeAtomic writes b to name through a temporary file and a rename, so a
// reader never sees half a file.
func writeAtomic(name string, b []byte) error {
	f, err := os.CreateTemp(filepath.Dir(name), ".tmp-*")
	if err != nil {
		return fmt.Errorf("serve: %w", err)
	}
	_, err = f.Write(b)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(f.Name(), name)
	}
	if err != nil {
		os.Remove(f.Name())
		return fmt.Errorf("serve: writing %s: %w", name, err)
	}
	return nil
}
