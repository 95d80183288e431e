package main

import (
	"bytes"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// csp is the Content-Security-Policy of every response: scripts only from
// the site (no inline scripts) plus compiling WebAssembly, styles only from
// the site, images from the site or data:/blob: URLs, fetches to the site,
// the game's own iframe, and any page may embed the game (LMS iframes).
const csp = "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; " +
	"img-src 'self' data: blob:; font-src 'self'; connect-src 'self'; frame-src 'self'; " +
	"base-uri 'none'; form-action 'none'; frame-ancestors *"

// cacheControl returns the Cache-Control of a file: a year for hashed
// names, revalidation every time for pages.
func cacheControl(f *file) string {
	if f.immutable {
		return "public, max-age=31536000, immutable"
	}
	return "no-cache"
}

// ServeHTTP serves the site from memory: "/" is index.html; it negotiates
// brotli, gzip or identity from Accept-Encoding, answers conditional and
// range requests, and sets the security and cache headers.
func (s *site) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("Content-Security-Policy", csp)
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "no-referrer")
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		h.Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	name := strings.TrimPrefix(r.URL.Path, "/")
	if name == "" {
		name = "index.html"
	}
	f, ok := s.files[name]
	if !ok {
		h.Set("Cache-Control", "no-cache")
		http.Error(w, "not found", http.StatusNotFound)
		return
	}
	s.mu.RLock()
	br := f.br
	s.mu.RUnlock()
	body, enc := f.body, ""
	if br != nil || f.gz != nil {
		h.Set("Vary", "Accept-Encoding")
		switch negotiate(r.Header.Get("Accept-Encoding"), br != nil, f.gz != nil) {
		case "br":
			body, enc = br, "br"
		case "gzip":
			body, enc = f.gz, "gzip"
		}
	}
	h.Set("Content-Type", f.ctype)
	h.Set("Cache-Control", cacheControl(f))
	if enc != "" {
		h.Set("Content-Encoding", enc)
		// Each encoding is its own representation, with its own validator.
		h.Set("ETag", strings.TrimSuffix(f.etag, `"`)+"-"+enc+`"`)
	} else {
		h.Set("ETag", f.etag)
	}
	h.Set("X-Uncompressed-Length", strconv.Itoa(len(f.body)))
	if enc != "" && r.Header.Get("Range") == "" {
		// ServeContent leaves the length of encoded bodies out.
		h.Set("Content-Length", strconv.Itoa(len(body)))
	}
	http.ServeContent(w, r, "", time.Time{}, bytes.NewReader(body))
}

// negotiate picks the response encoding from an Accept-Encoding header:
// brotli over gzip over identity, among the codings the client accepts
// (q > 0) and the file has. It returns "br", "gzip" or "".
func negotiate(accept string, hasBr, hasGz bool) string {
	q := map[string]float64{}
	star, hasStar := 0.0, false
	for _, part := range strings.Split(accept, ",") {
		coding, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		coding = strings.ToLower(strings.TrimSpace(coding))
		if coding == "" {
			continue
		}
		v := 1.0
		for _, p := range strings.Split(params, ";") {
			k, val, ok := strings.Cut(strings.TrimSpace(p), "=")
			if ok && strings.EqualFold(strings.TrimSpace(k), "q") {
				f, err := strconv.ParseFloat(strings.TrimSpace(val), 64)
				if err != nil || f < 0 || f > 1 {
					f = 0
				}
				v = f
			}
		}
		if coding == "*" {
			star, hasStar = v, true
			continue
		}
		q[coding] = v
	}
	accepts := func(c string) bool {
		if v, ok := q[c]; ok {
			return v > 0
		}
		return hasStar && star > 0
	}
	if hasBr && accepts("br") {
		return "br"
	}
	if hasGz && (accepts("gzip") || accepts("x-gzip")) {
		return "gzip"
	}
	return ""
}
