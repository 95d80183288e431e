package classroom

import (
	"bytes"
	"compress/flate"
	"encoding/base64"
	"errors"
	"fmt"
	"io"
	"net/url"
	"strings"
)

// MaxLinkChars caps the length of an encoded assignment link parameter
// (the value of ?a=), 16,384 characters, well under what browsers and LMS
// link fields accept.
const MaxLinkChars = 16 << 10

// EncodeLink returns the value of the ?a= parameter that carries an
// assignment file in a link: raw DEFLATE at the best compression, then
// unpadded base64url. Pass the file as written; comments cost link length
// but not meaning, since the hash ignores them.
func EncodeLink(data []byte) string {
	var buf bytes.Buffer
	w, _ := flate.NewWriter(&buf, flate.BestCompression) // the level is valid
	w.Write(data)
	w.Close()
	return base64.RawURLEncoding.EncodeToString(buf.Bytes())
}

// LinkParam returns the assignment parameter of a pasted link: the value
// of its a= query parameter (wherever it stands among the others, e.g.
// "https://…/?area=2&a=XYZ" gives "XYZ"), or s itself, trimmed, when s has
// no query with an a= parameter (a bare value or a file path).
func LinkParam(s string) string {
	s = strings.TrimSpace(s)
	_, query, ok := strings.Cut(s, "?")
	if !ok {
		return s
	}
	query, _, _ = strings.Cut(query, "#")
	for _, kv := range strings.Split(query, "&") {
		if v, ok := strings.CutPrefix(kv, "a="); ok {
			if u, err := url.QueryUnescape(v); err == nil {
				return u
			}
			return v
		}
	}
	return s
}

// DecodeLink reverses EncodeLink. It refuses a parameter longer than
// MaxLinkChars, one that is not base64url or DEFLATE, a truncated stream,
// and one that inflates beyond MaxAssignmentBytes. Padding ('=') is
// tolerated, since some tools add it.
func DecodeLink(s string) ([]byte, error) {
	if len(s) > MaxLinkChars {
		return nil, fmt.Errorf("classroom: assignment link is %d characters; at most %d", len(s), MaxLinkChars)
	}
	for len(s) > 0 && s[len(s)-1] == '=' {
		s = s[:len(s)-1]
	}
	z, err := base64.RawURLEncoding.DecodeString(s)
	if err != nil {
		if len(s)%4 == 1 {
			return nil, errors.New("classroom: assignment link is truncated (was it cut off when pasted?)")
		}
		return nil, fmt.Errorf("classroom: assignment link is not base64url: %w", err)
	}
	r := flate.NewReader(bytes.NewReader(z))
	defer r.Close()
	data, err := io.ReadAll(io.LimitReader(r, MaxAssignmentBytes+1))
	if err != nil {
		if errors.Is(err, io.ErrUnexpectedEOF) {
			return nil, errors.New("classroom: assignment link is truncated (was it cut off when pasted?)")
		}
		return nil, fmt.Errorf("classroom: assignment link is damaged: %w", err)
	}
	if len(data) > MaxAssignmentBytes {
		return nil, fmt.Errorf("classroom: assignment link inflates beyond %d bytes", MaxAssignmentBytes)
	}
	return data, nil
}
