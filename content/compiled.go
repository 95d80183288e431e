package content

import (
	"bytes"
	_ "embed" // compiled.bin
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"github.com/longtail-case/longtail/game/sim"
)

// compiledBin is Encode(markdown.Load(Files)): the case's chapters
// parsed when they change rather than on every start of the game, so that
// the game links no Markdown parser. go generate ./content rewrites it
// (and compiled.zh-Hans.bin, the Chinese edition's, embedded by
// compiled_zh.go outside the browser); TestCompiled and
// TestCompiledChinese fail while either is stale, and cmd/longtail-serve
// refuses to serve a game built with a stale copy.
//
//go:generate go test -run ^TestCompiled(Chinese)?$ -update .
//go:embed compiled.bin
var compiledBin []byte

// CompiledFile returns the name, inside package content's directory, of
// the compiled documents of an edition: "compiled.bin" for English,
// "compiled.zh-Hans.bin" for Chinese. The web page publishes the Chinese
// file beside the game, which fetches it when a student picks Chinese.
func CompiledFile(lang string) string {
	if lang == English {
		return "compiled.bin"
	}
	return "compiled." + lang + ".bin"
}

// Compiled returns the case's chapters as markdown.Load(Files) parses
// them, decoded from compiled.bin. The game starts from it: decoding takes
// a millisecond where parsing the Markdown with goldmark took 30 ms under
// wasm (90 ms of the wait for the first frame in the browser, cold).
func Compiled() ([]Document, error) {
	return CompiledLang(English)
}

// CompiledLang returns an edition's chapters, in reading order, as
// markdown.LoadLang(Files, lang) parses them: English from compiled.bin,
// Chinese from compiled.zh-Hans.bin. The Chinese file is embedded in every
// build but the browser's (GOOS=js), which keeps the English download
// small: there CompiledLang(Chinese) is an error, and the game fetches
// CompiledFile(Chinese) and decodes it with DecodeEdition. An unknown
// language, an edition without chapters or a stale file is an error.
func CompiledLang(lang string) ([]Document, error) {
	b, err := compiledBytes(lang)
	if err != nil {
		return nil, err
	}
	docs, err := DecodeEdition(b, lang)
	if err != nil {
		return nil, fmt.Errorf("content: %s: %w (run go generate ./content)", CompiledFile(lang), err)
	}
	return docs, nil
}

// compiledBytes returns the embedded compiled documents of an edition.
func compiledBytes(lang string) ([]byte, error) {
	switch lang {
	case English:
		return compiledBin, nil
	case Chinese:
		if compiledChineseBin == nil {
			return nil, fmt.Errorf("content: this build does not embed %s (the browser's does not): fetch it and decode it with DecodeEdition", CompiledFile(lang))
		}
		return compiledChineseBin, nil
	}
	return nil, fmt.Errorf("content: no edition in language %q (the editions are %s)", lang, strings.Join(Languages(), ", "))
}

// DecodeEdition decodes the compiled documents of one edition, such as
// the bytes of CompiledFile(lang) fetched by the browser: Decode, then
// every document must be in lang, and there must be at least one.
func DecodeEdition(b []byte, lang string) ([]Document, error) {
	docs, err := Decode(b)
	if err != nil {
		return nil, err
	}
	if len(docs) == 0 {
		return nil, fmt.Errorf("holds no chapters of the %s edition", lang)
	}
	for _, d := range docs {
		if d.Lang != lang {
			return nil, fmt.Errorf("%s is in language %q, not %q", d.File, d.Lang, lang)
		}
	}
	return docs, nil
}

// IsCompiled reports whether docs are what compiled.bin holds, so that
// the game (which decodes it) shows the same text as a page rendered from
// docs.
func IsCompiled(docs []Document) bool {
	return IsCompiledLang(docs, English)
}

// IsCompiledLang reports whether docs are what the embedded compiled file
// of an edition holds (always false where the file is not embedded).
func IsCompiledLang(docs []Document, lang string) bool {
	want, err := compiledBytes(lang)
	if err != nil {
		return false
	}
	b, err := Encode(docs)
	return err == nil && bytes.Equal(b, want)
}

// compiledMagic starts the encoding; its digit is the format's version.
const compiledMagic = "longtail documents 2\n"

// Encode returns docs in the compact binary form Decode reads: the magic
// line, the number of documents, then every field in declaration order, integers as varints,
// strings and lists prefixed by their length, a Setup as JSON.
func Encode(docs []Document) ([]byte, error) {
	e := encoder{b: []byte(compiledMagic)}
	e.uint(len(docs))
	for _, d := range docs {
		e.str(d.File)
		e.str(d.Lang)
		e.str(d.Slug)
		e.int(d.Number)
		e.str(d.Title)
		e.blocks(d.Blocks)
		if d.Setup == nil {
			e.str("")
			continue
		}
		j, err := json.Marshal(d.Setup)
		if err != nil {
			return nil, fmt.Errorf("content: encoding %s: %w", d.File, err)
		}
		e.str(string(j))
	}
	return e.b, nil
}

type encoder struct{ b []byte }

func (e *encoder) uint(n int) { e.b = binary.AppendUvarint(e.b, uint64(n)) }
func (e *encoder) int(n int)  { e.b = binary.AppendVarint(e.b, int64(n)) }
func (e *encoder) str(s string) {
	e.uint(len(s))
	e.b = append(e.b, s...)
}
func (e *encoder) bool(v bool) {
	if v {
		e.b = append(e.b, 1)
	} else {
		e.b = append(e.b, 0)
	}
}

func (e *encoder) blocks(bs []Block) {
	e.uint(len(bs))
	for _, b := range bs {
		e.uint(int(b.Kind))
		e.int(b.Level)
		e.spans(b.Spans)
		e.blocks(b.Children)
		e.uint(len(b.Items))
		for _, it := range b.Items {
			e.blocks(it)
		}
		e.bool(b.Ordered)
		e.int(b.Start)
		e.bool(b.Tight)
		e.uint(len(b.Rows))
		for _, row := range b.Rows {
			e.uint(len(row))
			for _, cell := range row {
				e.spans(cell)
			}
		}
		e.bool(b.Header)
		e.uint(len(b.Align))
		for _, a := range b.Align {
			e.str(a)
		}
		e.str(b.Text)
		e.int(b.Line)
	}
}

func (e *encoder) spans(ss []Span) {
	e.uint(len(ss))
	for _, s := range ss {
		e.str(s.Text)
		e.uint(int(s.Style))
		e.str(s.URL)
	}
}

// Decode reads what Encode wrote. Truncated or malformed input is an
// error naming the byte offset; empty lists decode as nil.
func Decode(b []byte) ([]Document, error) {
	if !bytes.HasPrefix(b, []byte(compiledMagic)) {
		return nil, errors.New("not a compiled document file (or of another version)")
	}
	d := decoder{b: b, at: len(compiledMagic)}
	n := d.count()
	var docs []Document
	for i := 0; i < n && d.err == nil; i++ {
		var doc Document
		doc.File = d.str()
		doc.Lang = d.str()
		doc.Slug = d.str()
		doc.Number = d.int()
		doc.Title = d.str()
		doc.Blocks = d.blocks(0)
		if j := d.str(); j != "" && d.err == nil {
			var s sim.Setup
			if err := json.Unmarshal([]byte(j), &s); err != nil {
				return nil, fmt.Errorf("%s: scenario: %w", doc.File, err)
			}
			doc.Setup = &s
		}
		docs = append(docs, doc)
	}
	if d.err == nil && d.at != len(d.b) {
		d.fail("trailing bytes")
	}
	if d.err != nil {
		return nil, d.err
	}
	return docs, nil
}

type decoder struct {
	b   []byte
	at  int
	err error
}

func (d *decoder) fail(what string) {
	if d.err == nil {
		d.err = fmt.Errorf("byte %d: %s", d.at, what)
	}
}

func (d *decoder) uint() uint64 {
	if d.err != nil {
		return 0
	}
	v, n := binary.Uvarint(d.b[d.at:])
	if n <= 0 {
		d.fail("bad number")
		return 0
	}
	d.at += n
	return v
}

func (d *decoder) int() int {
	if d.err != nil {
		return 0
	}
	v, n := binary.Varint(d.b[d.at:])
	if n <= 0 || v != int64(int(v)) {
		d.fail("bad number")
		return 0
	}
	d.at += n
	return int(v)
}

// count reads a length, which cannot exceed the bytes left (every element
// takes at least one).
func (d *decoder) count() int {
	v := d.uint()
	if v > uint64(len(d.b)-d.at) {
		d.fail("length past the end")
		return 0
	}
	return int(v)
}

func (d *decoder) str() string {
	n := d.count()
	if d.err != nil {
		return ""
	}
	s := string(d.b[d.at : d.at+n])
	d.at += n
	return s
}

func (d *decoder) bool() bool {
	if d.err != nil {
		return false
	}
	if d.at >= len(d.b) || d.b[d.at] > 1 {
		d.fail("bad flag")
		return false
	}
	d.at++
	return d.b[d.at-1] == 1
}

// maxDepth bounds the nesting of quotes and lists Decode accepts (the
// parser allows less).
const maxDepth = 64

func (d *decoder) blocks(depth int) []Block {
	if depth > maxDepth {
		d.fail("blocks nested too deep")
		return nil
	}
	n := d.count()
	var bs []Block
	for i := 0; i < n && d.err == nil; i++ {
		var b Block
		k := d.uint()
		if k > uint64(BlockScenario) {
			d.fail("unknown block kind")
		}
		b.Kind = BlockKind(k)
		b.Level = d.int()
		b.Spans = d.spans()
		b.Children = d.blocks(depth + 1)
		if items := d.count(); items > 0 {
			for j := 0; j < items && d.err == nil; j++ {
				b.Items = append(b.Items, d.blocks(depth+1))
			}
		}
		b.Ordered = d.bool()
		b.Start = d.int()
		b.Tight = d.bool()
		if rows := d.count(); rows > 0 {
			for j := 0; j < rows && d.err == nil; j++ {
				cells := d.count()
				row := make([][]Span, 0, cells)
				for c := 0; c < cells && d.err == nil; c++ {
					row = append(row, d.spans())
				}
				b.Rows = append(b.Rows, row)
			}
		}
		b.Header = d.bool()
		if al := d.count(); al > 0 {
			for j := 0; j < al && d.err == nil; j++ {
				b.Align = append(b.Align, d.str())
			}
		}
		b.Text = d.str()
		b.Line = d.int()
		bs = append(bs, b)
	}
	return bs
}

func (d *decoder) spans() []Span {
	n := d.count()
	var ss []Span
	for i := 0; i < n && d.err == nil; i++ {
		var s Span
		s.Text = d.str()
		st := d.uint()
		if st > 0xff {
			d.fail("bad style")
		}
		s.Style = Style(st)
		s.URL = d.str()
		ss = append(ss, s)
	}
	return ss
}
