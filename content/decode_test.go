package content

import (
	"bytes"
	"strings"
	"testing"
)

// FuzzDecode feeds Decode broken and hostile input: it must return
// documents or an error, never panic or allocate without bound, and what
// it returns must survive another round trip unchanged.
func FuzzDecode(f *testing.F) {
	f.Add(compiledBin)
	f.Add([]byte(compiledMagic))
	f.Add(compiledBin[:len(compiledBin)/2])
	f.Add([]byte(compiledMagic + "\xff\xff\xff\xff\x0f"))
	f.Fuzz(func(t *testing.T, b []byte) {
		docs, err := Decode(b)
		if err != nil {
			return
		}
		once, err := Encode(docs)
		if err != nil {
			t.Fatal(err)
		}
		docs2, err := Decode(once)
		if err != nil {
			t.Fatalf("Decode of Encode's output: %v", err)
		}
		twice, err := Encode(docs2)
		if err != nil || !bytes.Equal(once, twice) {
			t.Errorf("a second round trip changed %d documents (%v)", len(docs), err)
		}
	})
}

// TestDecodeBroken checks the messages for a truncated file and a file of
// another kind.
func TestDecodeBroken(t *testing.T) {
	for _, tc := range []struct {
		name string
		in   []byte
		want string
	}{
		{"empty", nil, "not a compiled document file"},
		{"truncated", compiledBin[:len(compiledBin)-7], "byte "},
		{"trailing", append(append([]byte{}, compiledBin...), 0), "trailing bytes"},
	} {
		if _, err := Decode(tc.in); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: error %v, want %q", tc.name, err, tc.want)
		}
	}
}
