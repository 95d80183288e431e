package classroom

import (
	"bytes"
	"regexp"
	"strconv"
	"strings"

	"github.com/BurntSushi/toml"
)

// lineIndex finds the line where a key of a TOML file is written, so
// problems found after decoding can name a line. It is a light scan, not a
// parser: it knows tables, arrays of tables, dotted keys and multi-line
// strings, which is what assignment files use; a key it cannot place falls
// back to its parent's line.
type lineIndex struct {
	at    map[string]int   // indexed path ("chapter.1.locked.cap") → line
	plain map[string][]int // path without indices ("chapter.locked.cap") → lines in file order
	used  map[string]int   // plain lookups so far, by path
}

var keyRE = regexp.MustCompile(`^([A-Za-z0-9_-]+(?:\s*\.\s*[A-Za-z0-9_-]+)*)\s*=`)

func keyLines(data []byte) *lineIndex {
	li := &lineIndex{at: map[string]int{}, plain: map[string][]int{}, used: map[string]int{}}
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
		case strings.HasPrefix(line, "[[") || line[0] == '[':
			array := strings.HasPrefix(line, "[[")
			end := strings.Index(line, "]")
			if end < 0 {
				continue
			}
			name := strings.Trim(line[:end], "[ \t")
			segs := splitKey(name)
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
			}
			table, plainTable = cur, pl
			li.record(table, plainTable, lineNo)
		default:
			m := keyRE.FindStringSubmatch(line)
			if m == nil {
				continue
			}
			k := strings.Join(splitKey(m[1]), ".")
			li.record(join(table, k), join(plainTable, k), lineNo)
		}
	}
	return li
}

func (li *lineIndex) record(indexed, plain string, line int) {
	if _, ok := li.at[indexed]; !ok {
		li.at[indexed] = line
	}
	li.plain[plain] = append(li.plain[plain], line)
}

// line returns the line of an indexed key path, or of its nearest parent
// that was found, or 0.
func (li *lineIndex) line(key string) int {
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

// next returns the line of the next occurrence of a key path without
// indices (as toml.MetaData reports undecoded keys), or 0.
func (li *lineIndex) next(key string) int {
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

func keyPath(k toml.Key) string { return strings.Join(k, ".") }
