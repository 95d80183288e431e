// Command wasmcost prints what each Go package costs in a WebAssembly
// binary built by Go: the bytes of its functions' code, summed by package
// (or by module with -by module), largest first, with the data section's
// size beside them (Go's wasm data is not attributed to packages). It reads
// the function names from the binary's name section, so build without -s:
//
//	GOOS=js GOARCH=wasm go build -trimpath -o game.wasm ./cmd/longtail
//	go run ./scripts/wasmcost -n 30 game.wasm
//
// scripts/wasmcost.sh does both for the game.
package main

import (
	"bufio"
	"encoding/binary"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
)

func main() {
	n := flag.Int("n", 25, "show the `N` largest")
	by := flag.String("by", "package", "group by `package` or module")
	pkgs := flag.String("pkgs", "", "`FILE` of the binary's package paths, one per line (go list -deps), to spell names back with their - and /")
	flag.Parse()
	if flag.NArg() != 1 || (*by != "package" && *by != "module") {
		fmt.Fprintln(os.Stderr, "usage: wasmcost [-n N] [-by package|module] FILE.wasm")
		os.Exit(2)
	}
	b, err := os.ReadFile(flag.Arg(0))
	if err != nil {
		fmt.Fprintln(os.Stderr, "wasmcost:", err)
		os.Exit(1)
	}
	m, err := parse(b)
	if err != nil {
		fmt.Fprintf(os.Stderr, "wasmcost: %s: %v\n", flag.Arg(0), err)
		os.Exit(1)
	}
	spell := map[string]string{}
	if *pkgs != "" {
		list, err := os.ReadFile(*pkgs)
		if err != nil {
			fmt.Fprintln(os.Stderr, "wasmcost:", err)
			os.Exit(1)
		}
		for _, p := range strings.Fields(string(list)) {
			spell[strings.NewReplacer("/", "/", "-", "/").Replace(p)] = p
		}
	}
	pkg := func(sym string) string {
		p := pkgOf(sym)
		if real, ok := spell[p]; ok {
			return real
		}
		return p
	}
	group := pkg
	if *by == "module" {
		group = func(s string) string { return moduleOf(pkg(s)) }
	}
	if err := report(os.Stdout, m, group, *n); err != nil {
		fmt.Fprintln(os.Stderr, "wasmcost:", err)
		os.Exit(1)
	}
}

// module is what wasmcost reads from a binary: each defined function's
// name and code size, and the data section's size, in bytes.
type module struct {
	funcs []fn
	data  int
	total int
}

type fn struct {
	name string
	size int
}

func report(w io.Writer, m module, group func(string) string, n int) error {
	sums := map[string]int{}
	code := 0
	for _, f := range m.funcs {
		sums[group(f.name)] += f.size
		code += f.size
	}
	keys := make([]string, 0, len(sums))
	for k := range sums {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if sums[keys[i]] != sums[keys[j]] {
			return sums[keys[i]] > sums[keys[j]]
		}
		return keys[i] < keys[j]
	})
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "%.2f MB in all: %.2f MB code in %d functions, %.2f MB data\n", mb(m.total), mb(code), len(m.funcs), mb(m.data))
	fmt.Fprintf(bw, "%10s %6s  %s\n", "code (kB)", "share", "group")
	for i, k := range keys {
		if i == n {
			rest := 0
			for _, k := range keys[n:] {
				rest += sums[k]
			}
			fmt.Fprintf(bw, "%10.1f %5.1f%%  (%d others)\n", float64(rest)/1e3, 100*float64(rest)/float64(code), len(keys)-n)
			break
		}
		fmt.Fprintf(bw, "%10.1f %5.1f%%  %s\n", float64(sums[k])/1e3, 100*float64(sums[k])/float64(code), k)
	}
	return bw.Flush()
}

func mb(n int) float64 { return float64(n) / 1e6 }

// pkgOf returns the package path of a Go function's name in a wasm name
// section, where the linker writes each "/" and "-" of the path as "_":
// for example "github.com_a_b.(*T).M" → "github.com/a/b",
// "type:.eq.main.T" → "type:". Every "_" reads as "/" here; -pkgs spells
// the paths back.
func pkgOf(sym string) string {
	if i := strings.IndexByte(sym, ':'); i > 0 && !strings.ContainsAny(sym[:i], "._") {
		return sym[:i+1]
	}
	from := 0
	if u := strings.IndexByte(sym, '_'); u > 0 && strings.Contains(sym[:u], ".") {
		from = u // a host name: its dots are not the end of the path
	}
	end := len(sym)
	if j := strings.IndexByte(sym[from:], '.'); j >= 0 {
		end = from + j
	}
	return strings.ReplaceAll(sym[:end], "_", "/")
}

// moduleOf shortens a package path to its module's likely path: three
// elements for a host name with a dot (github.com/owner/repo), the first
// element for the standard library.
func moduleOf(pkg string) string {
	parts := strings.Split(pkg, "/")
	if !strings.Contains(parts[0], ".") {
		return "std: " + parts[0]
	}
	if len(parts) > 3 {
		parts = parts[:3]
	}
	return strings.Join(parts, "/")
}

var errFormat = errors.New("not a WebAssembly binary")

// parse reads the sections wasmcost needs: imports (imported functions
// come first in the index space), code, data and the name section.
func parse(b []byte) (module, error) {
	if len(b) < 8 || string(b[:4]) != "\x00asm" {
		return module{}, errFormat
	}
	m := module{total: len(b)}
	r := reader{b: b, at: 8}
	imported := 0
	var sizes []int
	names := map[int]string{}
	for r.at < len(b) && r.err == nil {
		id := r.byte()
		size := int(r.uleb())
		end := r.at + size
		if r.err != nil || end > len(b) || end < r.at {
			return module{}, fmt.Errorf("section %d at byte %d runs past the end", id, r.at)
		}
		sec := reader{b: b[:end], at: r.at}
		switch id {
		case 2: // imports
			for i, n := 0, int(sec.uleb()); i < n && sec.err == nil; i++ {
				sec.name()
				sec.name()
				switch kind := sec.byte(); kind {
				case 0:
					sec.uleb()
					imported++
				case 1:
					sec.byte()
					sec.limits()
				case 2:
					sec.limits()
				case 3:
					sec.byte()
					sec.byte()
				default:
					sec.err = fmt.Errorf("import of unknown kind %d", kind)
				}
			}
		case 10: // code
			for i, n := 0, int(sec.uleb()); i < n && sec.err == nil; i++ {
				s := int(sec.uleb())
				sizes = append(sizes, s)
				sec.at += s
			}
		case 11: // data
			m.data += size
		case 0: // custom: the name section's function names
			if sec.name() == "name" {
				for sec.at < end && sec.err == nil {
					sub := sec.byte()
					subSize := int(sec.uleb())
					if sub != 1 {
						sec.at += subSize
						continue
					}
					for i, n := 0, int(sec.uleb()); i < n && sec.err == nil; i++ {
						idx := int(sec.uleb())
						names[idx] = sec.name()
					}
				}
			}
		}
		if sec.err != nil {
			return module{}, fmt.Errorf("section %d: %w", id, sec.err)
		}
		r.at = end
	}
	if len(names) == 0 {
		return module{}, errors.New("no function names: build without -ldflags=-s")
	}
	for i, s := range sizes {
		name, ok := names[imported+i]
		if !ok {
			name = "(unnamed)"
		}
		m.funcs = append(m.funcs, fn{name, s})
	}
	return m, nil
}

type reader struct {
	b   []byte
	at  int
	err error
}

func (r *reader) byte() byte {
	if r.err != nil || r.at >= len(r.b) {
		r.err = io.ErrUnexpectedEOF
		return 0
	}
	r.at++
	return r.b[r.at-1]
}

func (r *reader) uleb() uint64 {
	if r.err != nil {
		return 0
	}
	v, n := binary.Uvarint(r.b[r.at:])
	if n <= 0 {
		r.err = fmt.Errorf("bad number at byte %d", r.at)
		return 0
	}
	r.at += n
	return v
}

func (r *reader) name() string {
	n := int(r.uleb())
	if r.err != nil || n > len(r.b)-r.at {
		r.err = io.ErrUnexpectedEOF
		return ""
	}
	s := string(r.b[r.at : r.at+n])
	r.at += n
	return s
}

func (r *reader) limits() {
	if r.byte()&1 == 1 {
		r.uleb()
	}
	r.uleb()
}
