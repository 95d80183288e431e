package tomlfile

import (
	"bytes"
	"regexp"
	"strconv"
	"strings"
)

// Lines finds the line where a key of a TOML file is written, so problems
// found after decoding can name a line. It is a light scan, not a parser:
// it knows tables, arrays of tables, dotted and quoted keys and multi-line
// strings, which is what our files use; a key it cannot place falls back
// to its parent's line. Next remembers what it returned, so a Lines is
// for one report at a time (not for concurrent use).
type Lines struct {
	at    map[string]int   // indexed path ("chapter.1.locked.cap") → first line
	plain map[string][]int // path without indices ("chapter.locked.cap") → lines in file order
	used  map[string]int   // Next lookups so far, by path
}

// keyRE matches the key of a `key = value` line: bare or quoted segments
// joined by dots.
var keyRE = regexp.MustCompile(`^((?:[A-Za-z0-9_-]+|"[^"]*"|'[^']*')(?:\s*\.\s*(?:[A-Za-z0-9_-]+|"[^"]*"|'[^']*'))*)\s*=`)

// Index scans a TOML file for the lines of its keys and tables. The
// elements of an array of tables are numbered from 0 in indexed paths:
// the second [[chapter]]'s [chapter.locked] is "chapter.1.locked".
func Index(data []byte) *Lines {
	li := &Lines{at: map[string]int{}, plain: map[string][]int{}, used: map[string]int{}}
	count := map[string]int{} // array-of-tables path (indexed parents) → elements so far
	table, plainTable := "", ""
	inString := ""
	for n, raw := range bytes.Split(data, []byte("\n")) {
		line := strings.TrimSpace(string(raw))
		lineNo := n + 1
		if inString != "" {
			if strings.Count(line, inString)%2 == 1 {
				inString = ""
			}
			continue
		}
		for _, q := range []string{`"""`, `'''`} {
			if strings.Count(line, q)%2 == 1 {
				inString = q
			}
		}
		switch {
		case line == "" || line[0] == '#':
		case line[0] == '[':
			array := strings.HasPrefix(line, "[[")
			end := strings.Index(line, "]")
			if end < 0 {
				continue
			}
			segs := splitKey(strings.Trim(line[:end], "[ \t"))
			cur, pl := "", ""
			for i, s := range segs {
				cur, pl = join(cur, s), join(pl, s)
				last := i == len(segs)-1
				if last && array {
					count[cur]++
				}
				if c := count[cur]; c > 0 {
					cur += "." + strconv.Itoa(c-1)
				}
				if !last {
					li.parent(cur, pl, lineNo)
				}
			}
			table, plainTable = cur, pl
			li.record(table, plainTable, lineNo)
		default:
			m := keyRE.FindStringSubmatch(line)
			if m == nil {
				continue
			}
			segs := splitKey(m[1])
			for i := 1; i < len(segs); i++ {
				k := strings.Join(segs[:i], ".")
				li.parent(join(table, k), join(plainTable, k), lineNo)
			}
			k := strings.Join(segs, ".")
			li.record(join(table, k), join(plainTable, k), lineNo)
		}
	}
	return li
}

func (li *Lines) record(indexed, plain string, line int) {
	if _, ok := li.at[indexed]; !ok {
		li.at[indexed] = line
	}
	li.plain[plain] = append(li.plain[plain], line)
}

// parent records the line of a table that is only implied (by [a.b] or
// a.b = 1) where it first appears, without counting it as written there.
func (li *Lines) parent(indexed, plain string, line int) {
	if _, ok := li.at[indexed]; !ok {
		li.at[indexed] = line
	}
	if _, ok := li.plain[plain]; !ok {
		li.plain[plain] = []int{line}
	}
}

// Line returns the line of an indexed key path ("chapter.0.rounds"), or of
// its nearest parent that was found, or 0.
func (li *Lines) Line(key string) int {
	for key != "" {
		if n, ok := li.at[key]; ok {
			return n
		}
		i := strings.LastIndex(key, ".")
		if i < 0 {
			break
		}
		key = key[:i]
	}
	return 0
}

// Next returns the line of the next occurrence of a key path without
// indices (as the decoder reports undecoded keys): the first call the
// first line the key is written on, the next call the second, and so on,
// staying on the last; 0 when the key is not written.
func (li *Lines) Next(key string) int {
	lines := li.plain[key]
	i := li.used[key]
	li.used[key]++
	if i < len(lines) {
		return lines[i]
	}
	if len(lines) > 0 {
		return lines[len(lines)-1]
	}
	return 0
}

func splitKey(s string) []string {
	parts := strings.Split(s, ".")
	for i, p := range parts {
		parts[i] = strings.Trim(strings.TrimSpace(p), `"'`)
	}
	return parts
}

func join(a, b string) string {
	if a == "" {
		return b
	}
	return a + "." + b
}
