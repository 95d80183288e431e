package classroom

import (
	"bytes"
	"os"
	"testing"
)

// FuzzParseAssignment: any input gives an assignment or an error, never a
// panic; an accepted assignment validates, hashes and survives a link.
func FuzzParseAssignment(f *testing.F) {
	for _, p := range []string{"../../content/assignments/example.toml", "../../content/assignments/example-zh.toml", "testdata/assignment.toml"} {
		if data, err := os.ReadFile(p); err == nil {
			f.Add(data)
		}
	}
	f.Add([]byte("title = \"T\"\n[[chapter]]\nnumber = 1\nunlocked = []\n[chapter.locked]\ncap = 0.5\n"))
	f.Add([]byte("title = 1\n[[chapter]]\nnumber = -1\n[[chapter.goal]]\nmetric = \"gini\"\nop = \">=\"\nvalue = nan\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		a, err := ParseAssignment("f.toml", data)
		if err != nil {
			return
		}
		if err := a.Validate(); err != nil {
			t.Fatalf("accepted but invalid: %v", err)
		}
		if len(a.Hash()) != 64 {
			t.Fatal("bad hash")
		}
		back, err := DecodeLink(EncodeLink(data))
		if err != nil || !bytes.Equal(back, data) {
			t.Fatalf("link round trip: %v", err)
		}
		b, err := ParseAssignment("g.toml", back)
		if err != nil || b.Hash() != a.Hash() {
			t.Fatalf("reparse: %v", err)
		}
	})
}

// FuzzParseSubmission: any input gives a submission or an error; an
// accepted submission writes a file that parses back to the same file.
func FuzzParseSubmission(f *testing.F) {
	if subs, err := class(); err == nil {
		b, _ := subs[0].MarshalIndent()
		f.Add(b)
		f.Add(b[:len(b)/3])
	}
	f.Add([]byte(`{"format":1,"engine":"e","student":{"id":"x"},"outcomes":[{"chapter":1,"metrics":{"gini":"NaN"},"goals":[{"achieved":"+Inf"}]}]}`))
	f.Add([]byte(`{"format":2}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		s, err := ParseSubmission("f.json", data)
		if err != nil {
			return
		}
		b, err := s.MarshalIndent()
		if err != nil {
			t.Fatalf("accepted but cannot write: %v", err)
		}
		s2, err := ParseSubmission("g.json", b)
		if err != nil {
			t.Fatalf("written file does not parse: %v\n%s", err, b)
		}
		b2, _ := s2.MarshalIndent()
		if !bytes.Equal(b, b2) {
			t.Fatalf("not stable:\n%s\n%s", b, b2)
		}
	})
}

// FuzzDecodeLink: any link parameter decodes or errors, within the cap.
func FuzzDecodeLink(f *testing.F) {
	f.Add(EncodeLink([]byte("title = \"T\"")))
	f.Add("AAAA")
	f.Fuzz(func(t *testing.T, s string) {
		data, err := DecodeLink(s)
		if err == nil && len(data) > MaxAssignmentBytes {
			t.Fatal("over the cap")
		}
	})
}
