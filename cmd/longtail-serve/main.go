// Command longtail-serve builds Long Tail to WebAssembly and serves it to a
// browser:
//
//	go run ./cmd/longtail-serve            # build, then serve on http://127.0.0.1:8080/
//	go run ./cmd/longtail-serve -dir site  # write the static site (with .br/.gz) and exit
//
// It builds ./cmd/longtail with GOOS=js GOARCH=wasm (skipped when the
// sources, go.mod, go.sum and toolchain are unchanged since the last build,
// which is kept in the user's cache directory), copies the toolchain's
// wasm_exec.js, renders the case's chapters into the page as HTML,
// precompresses everything with brotli and gzip, and serves it with content
// negotiation, hashed file names cached for a year, and a strict
// Content-Security-Policy. The page may be embedded in an iframe.
package main

import (
	"errors"
	"flag"
	"fmt"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"time"
)

func main() {
	if err := run(os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

// options are the command's flags.
type options struct {
	addr    string
	dir     string
	root    string
	cache   string
	noBuild bool
}

// run parses the flags, builds the site and serves it or writes it.
func run(args []string) error {
	var o options
	fs := flag.NewFlagSet("longtail-serve", flag.ContinueOnError)
	fs.StringVar(&o.addr, "addr", "127.0.0.1:8080", "address to serve on")
	fs.StringVar(&o.dir, "dir", "", "write the finished static site to this directory and exit, instead of serving")
	fs.StringVar(&o.root, "root", "", "repository root (default: found from the working directory)")
	fs.StringVar(&o.cache, "cache", "", "build directory (default: the user cache directory's longtail/web)")
	fs.BoolVar(&o.noBuild, "no-build", false, "do not build the game; use the last build")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("serve: unexpected arguments %q", fs.Args())
	}
	logf := func(format string, args ...any) { fmt.Fprintf(os.Stderr, format+"\n", args...) }
	s, game, err := prepare(o, logf)
	if err != nil {
		return err
	}
	if o.dir != "" {
		br, err := game.brotli(logf)
		if err != nil {
			return err
		}
		s.setBrotli(s.wasm, br)
		root, _ := findRoot(o.root)
		if err := s.writeDir(o.dir, root); err != nil {
			return err
		}
		fmt.Printf("Wrote the site to %s\n", o.dir)
		return nil
	}
	ln, err := net.Listen("tcp", o.addr)
	if err != nil {
		return fmt.Errorf("serve: %w (is another server using %s? try -addr 127.0.0.1:8081)", err, o.addr)
	}
	fmt.Printf("Long Tail is ready: http://%s/\n", ln.Addr())
	if game.br == nil {
		// Serve gzip until the slower, smaller brotli form is ready.
		go func() {
			if br, err := game.brotli(logf); err != nil {
				logf("%v", err)
			} else {
				s.setBrotli(s.wasm, br)
			}
		}()
	}
	srv := &http.Server{Handler: s, ReadHeaderTimeout: 10 * time.Second}
	return srv.Serve(ln)
}

// prepare finds the root and toolchain, builds the game (or reuses the last
// build) and assembles the site.
func prepare(o options, logf func(string, ...any)) (*site, buildOutput, error) {
	root, err := findRoot(o.root)
	if err != nil {
		return nil, buildOutput{}, err
	}
	t, err := findToolchain()
	if err != nil {
		return nil, buildOutput{}, err
	}
	cache := o.cache
	if cache == "" {
		base, err := os.UserCacheDir()
		if err != nil {
			return nil, buildOutput{}, fmt.Errorf("serve: no cache directory (%w); pass -cache", err)
		}
		cache = filepath.Join(base, "longtail", "web")
	}
	var game buildOutput
	if o.noBuild {
		game, err = lastBuild(cache)
	} else {
		game, err = buildWasm(root, cache, t, logf)
	}
	if err != nil {
		return nil, buildOutput{}, err
	}
	s, err := assemble(root, t, game)
	return s, game, err
}

// lastBuild returns the newest build in cache, whatever its sources.
func lastBuild(cache string) (buildOutput, error) {
	dirs, _ := filepath.Glob(filepath.Join(cache, "build-*"))
	var newest string
	var when time.Time
	for _, d := range dirs {
		if fi, err := os.Stat(filepath.Join(d, "stamp")); err == nil && fi.ModTime().After(when) {
			newest, when = d, fi.ModTime()
		}
	}
	if newest != "" {
		key, _ := os.ReadFile(filepath.Join(newest, "stamp"))
		if out, ok := readBuild(newest, strings.TrimSpace(string(key))); ok {
			return out, nil
		}
	}
	return buildOutput{}, errors.New("serve: -no-build: no earlier build in " + cache + "; run once without -no-build")
}
