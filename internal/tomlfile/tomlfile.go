// Package tomlfile turns what the TOML decoder (BurntSushi/toml) says
// about a file a person gave us — a scenario file, an assignment, a
// chapter's scenario block — into problems that name the line and the key,
// and finds the line on which a key is written, so that problems found
// after decoding (unknown keys, values out of range) can name it too. It
// is pure: no I/O, no state between calls. The model (game/sim), the
// content parser (content/markdown) and the classroom files
// (game/classroom) all use it, so their messages read alike:
//
//	file:line: key "take_rate": want a number, got a string
package tomlfile

import (
	"errors"
	"regexp"
	"strconv"
	"strings"

	"github.com/BurntSushi/toml"
)

// Problem is one problem of a TOML file.
type Problem struct {
	Line int    // 1-based line in the file; 0 when unknown
	Key  string // dotted path of the key concerned ("chapter.goal.value"); "" when none is known
	Msg  string // what is wrong, without the line or the key
}

// String formats the problem without its line: `key "K": Msg`, or Msg
// alone when the key is unknown.
func (p Problem) String() string {
	if p.Key == "" {
		return p.Msg
	}
	return "key " + strconv.Quote(p.Key) + ": " + p.Msg
}

// In formats the problem as the place it is in a file called file:
// "file:line: key "K": Msg", leaving out the line when it is unknown.
func (p Problem) In(file string) string {
	if p.Line > 0 {
		return file + ":" + strconv.Itoa(p.Line) + ": " + p.String()
	}
	return file + ": " + p.String()
}

// decodeRE matches the decoder's errors that carry their place only in
// their text (type mismatches while decoding into Go values):
// `toml: line 3 (last key "rounds"): incompatible types: …`, the line or
// the key possibly missing.
var decodeRE = regexp.MustCompile(`^toml: (?:line (\d+) ?)?(?:\(last key "((?:[^"\\]|\\.)*)"\))?: `)

// Decoding returns the problem an error of the decoder describes: a syntax
// error (toml.ParseError) with its line and, when the decoder knows it,
// the last key read; or a type mismatch, whose line and key the decoder
// writes in the message. Any other error becomes its text without the
// "toml: " prefix. A nil error is the zero Problem.
func Decoding(err error) Problem {
	if err == nil {
		return Problem{}
	}
	var pe toml.ParseError
	if errors.As(err, &pe) {
		return Problem{Line: pe.Position.Line, Key: pe.LastKey, Msg: pe.Message}
	}
	msg := err.Error()
	m := decodeRE.FindStringSubmatch(msg)
	if m == nil {
		return Problem{Msg: strings.TrimPrefix(msg, "toml: ")}
	}
	p := Problem{Msg: msg[len(m[0]):]}
	p.Line, _ = strconv.Atoi(m[1])
	if m[2] != "" {
		p.Key, _ = strconv.Unquote(`"` + m[2] + `"`)
	}
	return p
}

// Unknown returns a problem for each key the file has and the decoding did
// not use (md.Undecoded), in the decoder's order, with the line from
// lines; a key inside an unknown table is not reported again. Keys are
// plain paths without array indices ("chapter.goal.valu").
func Unknown(md toml.MetaData, lines *Lines) []Problem {
	var out []Problem
	seen := map[string]bool{}
	for _, k := range md.Undecoded() {
		path := strings.Join(k, ".")
		seen[path] = true
		if len(k) > 1 && seen[strings.Join(k[:len(k)-1], ".")] {
			continue
		}
		out = append(out, Problem{Line: lines.Next(path), Key: path, Msg: "unknown key"})
	}
	return out
}
