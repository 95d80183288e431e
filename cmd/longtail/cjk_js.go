//go:build js

package main

import (
	"errors"
	"flag"
	"fmt"
	"strconv"
	"sync"
	"syscall/js"

	"github.com/longtail-case/longtail/content"
	"github.com/longtail-case/longtail/game"
	"github.com/longtail-case/longtail/game/widget"
)

// cjkFlags declares -cjk-regular, -cjk-bold and -cjk-bytes, with which
// the page (web/play.js) says where longtail-serve put the Chinese faces,
// so that the game fetches them only when Chinese is chosen (the English
// download does not carry them). The function it returns gives the
// config a fetcher when the page said where they are.
func cjkFlags(fs *flag.FlagSet) func(*game.Config) {
	regular := fs.String("cjk-regular", "", "`URL` of the Chinese regular face (OpenType), fetched when Chinese is chosen")
	bold := fs.String("cjk-bold", "", "`URL` of the Chinese bold face")
	size := fs.Int64("cjk-bytes", 0, "uncompressed size of both faces in bytes, the progress bar's total (0: from the responses)")
	edition := fs.String("edition-zh", "", "`URL` of the Chinese chapters (content.CompiledFile), fetched with the faces")
	return func(cfg *game.Config) {
		if *regular == "" || *bold == "" {
			return
		}
		f := &fetcher{urls: []string{*regular, *bold}, size: max(0, *size)}
		if *edition != "" {
			f.urls = append(f.urls, *edition)
		}
		cfg.FetchCJK = f
		// The Chinese chapters come with the faces: the game switches only
		// once Poll gives the faces, and by then they are decoded too.
		cfg.DocsFor = func(lang string) ([]content.Document, error) {
			if lang == content.English {
				return content.Compiled()
			}
			f.mu.Lock()
			defer f.mu.Unlock()
			if f.docs == nil {
				return nil, fmt.Errorf("the %s chapters are not loaded", lang)
			}
			return f.docs, nil
		}
	}
}

// fetcher fetches both faces, and the Chinese chapters when the page gave
// their URL, with the browser's fetch, streaming the bodies so that the
// game can show the progress. The callbacks run on the browser's event
// loop; mu guards what Poll reads.
type fetcher struct {
	urls []string // the regular face, the bold face, then perhaps the chapters

	size int64 // expected bytes from the page; 0 when it did not say

	mu      sync.Mutex
	gen     int // the fetch under way; callbacks of an older one are ignored
	running bool
	total   int64 // expected bytes; 0 while unknown
	loaded  []int64
	data    [][]byte
	got     int // files complete
	fonts   *widget.CJKFonts
	docs    []content.Document // the Chinese chapters, once fetched and decoded
	err     error
}

var _ game.FontFetcher = (*fetcher)(nil)

func (f *fetcher) Start() {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.running || f.fonts != nil {
		return
	}
	f.gen++
	f.running, f.err, f.got, f.total = true, nil, 0, f.size
	f.loaded, f.data = make([]int64, len(f.urls)), make([][]byte, len(f.urls))
	for i := range f.urls {
		f.fetch(f.gen, i)
	}
}

func (f *fetcher) Poll() (int64, int64, *widget.CJKFonts, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	var n int64
	for _, l := range f.loaded {
		n += l
	}
	return n, f.total, f.fonts, f.err
}

// fail ends fetch gen with err (the first failure wins).
func (f *fetcher) fail(gen int, err error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.running && gen == f.gen {
		f.running, f.err = false, err
	}
}

// fetch starts fetching face i in fetch gen. It is called with f.mu held
// (the promise's callbacks run later, on the event loop).
func (f *fetcher) fetch(gen, i int) {
	url := f.urls[i]
	opts := js.Global().Get("Object").New()
	opts.Set("credentials", "same-origin")
	then(js.Global().Call("fetch", url, opts), func(res js.Value) {
		if !res.Get("ok").Bool() {
			f.fail(gen, fmt.Errorf("%s: HTTP %d", url, res.Get("status").Int()))
			return
		}
		f.mu.Lock()
		if f.total == 0 && i == 0 && gen == f.gen {
			// A guess from the first face's length, for the progress only.
			if n, ok := length(res); ok {
				f.total = 2 * n
			}
		}
		f.mu.Unlock()
		body := res.Get("body")
		if body.IsNull() || body.IsUndefined() {
			then(res.Call("arrayBuffer"), func(buf js.Value) {
				f.chunk(gen, i, js.Global().Get("Uint8Array").New(buf))
				f.done(gen, i)
			}, f.failJS(gen, url))
			return
		}
		f.pump(gen, i, url, body.Call("getReader"))
	}, f.failJS(gen, url))
}

// length returns a response's uncompressed length when it says it: the
// X-Uncompressed-Length longtail-serve sends, or Content-Length when the
// body is not content-encoded.
func length(res js.Value) (int64, bool) {
	h := res.Get("headers")
	var n int64
	if v := h.Call("get", "X-Uncompressed-Length"); v.Type() == js.TypeString {
		n, _ = strconv.ParseInt(v.String(), 10, 64)
	}
	enc := h.Call("get", "Content-Encoding")
	if v := h.Call("get", "Content-Length"); n <= 0 && (enc.IsNull() || enc.String() == "identity") && v.Type() == js.TypeString {
		n, _ = strconv.ParseInt(v.String(), 10, 64)
	}
	return n, n > 0
}

// pump reads face i's body chunk by chunk.
func (f *fetcher) pump(gen, i int, url string, reader js.Value) {
	then(reader.Call("read"), func(r js.Value) {
		if r.Get("done").Bool() {
			f.done(gen, i)
			return
		}
		if !f.chunk(gen, i, r.Get("value")) {
			reader.Call("cancel")
			return
		}
		f.pump(gen, i, url, reader)
	}, f.failJS(gen, url))
}

// maxFace bounds one face's bytes (the subsets are about 1 MB): a wrong
// URL serving something huge fails instead of filling the memory.
const maxFace = 16 << 20

// chunk appends a Uint8Array to face i; it reports whether fetch gen
// goes on.
func (f *fetcher) chunk(gen, i int, arr js.Value) bool {
	b := make([]byte, arr.Get("byteLength").Int())
	js.CopyBytesToGo(b, arr)
	f.mu.Lock()
	defer f.mu.Unlock()
	if !f.running || gen != f.gen {
		return false
	}
	if len(f.data[i])+len(b) > maxFace {
		f.running, f.err = false, fmt.Errorf("%s: larger than %d MB", f.urls[i], maxFace>>20)
		return false
	}
	f.data[i] = append(f.data[i], b...)
	f.loaded[i] += int64(len(b))
	return true
}

// done marks face i of fetch gen complete; when both are, the faces are
// ready.
func (f *fetcher) done(gen, i int) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if !f.running || gen != f.gen {
		return
	}
	f.got++
	if f.got < len(f.urls) {
		return
	}
	f.running = false
	if len(f.data[0]) == 0 || len(f.data[1]) == 0 {
		f.err = errors.New("an empty font file")
		return
	}
	if len(f.urls) > 2 {
		docs, err := content.DecodeEdition(f.data[2], content.Chinese)
		if err != nil {
			f.err = fmt.Errorf("%s: %w", f.urls[2], err)
			return
		}
		f.docs = docs
	}
	f.fonts = &widget.CJKFonts{Regular: string(f.data[0]), Bold: string(f.data[1])}
	var t int64
	for _, l := range f.loaded {
		t += l
	}
	f.data = nil
	if f.total < t {
		f.total = t
	}
}

// failJS returns the rejection handler of a fetch of url.
func (f *fetcher) failJS(gen int, url string) func(js.Value) {
	return func(e js.Value) {
		msg := e.String()
		if m := e.Get("message"); m.Type() == js.TypeString {
			msg = m.String()
		}
		f.fail(gen, fmt.Errorf("%s: %s", url, msg))
	}
}

// then calls ok with a promise's value or fail with its reason, once;
// the two callbacks are released after either runs.
func then(p js.Value, ok, fail func(js.Value)) {
	var okF, failF js.Func
	release := func() { okF.Release(); failF.Release() }
	okF = js.FuncOf(func(_ js.Value, args []js.Value) any {
		release()
		ok(arg(args))
		return nil
	})
	failF = js.FuncOf(func(_ js.Value, args []js.Value) any {
		release()
		fail(arg(args))
		return nil
	})
	p.Call("then", okF, failF)
}

func arg(args []js.Value) js.Value {
	if len(args) == 0 {
		return js.Undefined()
	}
	return args[0]
}
