package markdown

import (
	"errors"
	"maps"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/BurntSushi/toml"
	"github.com/longtail-case/longtail/game/sim"
	"github.com/longtail-case/longtail/internal/tomlfile"
)

// decodeSetup decodes the TOML of a scenario block whose fence is at line
// fence of the Markdown file, and validates it. Errors name the Markdown
// line: the fence line plus the TOML line.
func (c *converter) decodeSetup(src string, fence int) (sim.Setup, error) {
	var s sim.Setup
	if len(src) > MaxScenario {
		return s, c.errf(fence, "scenario block is %d bytes, more than the limit of %d", len(src), MaxScenario)
	}
	if line := tomlTooDeep(src); line > 0 {
		return s, c.errf(fence+line, "scenario: arrays and tables nest deeper than %d levels", maxTOMLDepth)
	}
	md, err := toml.Decode(src, &s)
	if err != nil {
		p := tomlfile.Decoding(err)
		// toml may report the line after the last one at the end of input.
		last := strings.Count(strings.TrimSuffix(src, "\n"), "\n") + 1
		return s, c.errf(fence+min(p.Line, last), "scenario: %s", p)
	}
	if unknown := tomlfile.Unknown(md, tomlfile.Index([]byte(src))); len(unknown) > 0 {
		p := unknown[0]
		return s, c.errf(fence+p.Line, "scenario: %s", p)
	}
	if err := finite(s); err != nil {
		return s, c.errf(fence, "scenario: %v", err)
	}
	if err := s.Validate(); err != nil {
		return s, c.errf(fence, "scenario: %v", err)
	}
	return s, nil
}

// tomlTooDeep returns the 1-based line where TOML arrays and inline tables
// first nest deeper than maxTOMLDepth, or 0. It skips strings and comments
// (BurntSushi/toml takes time exponential in the nesting of inline tables).
func tomlTooDeep(src string) int {
	line, depth := 1, 0
	for i := 0; i < len(src); i++ {
		switch b := src[i]; b {
		case '\n':
			line++
		case '#':
			for i+1 < len(src) && src[i+1] != '\n' {
				i++
			}
		case '"', '\'':
			q := string(b)
			if strings.HasPrefix(src[i:], q+q+q) {
				q += q + q
			}
			j := i + len(q)
			for j < len(src) && !strings.HasPrefix(src[j:], q) {
				if src[j] == '\n' {
					if len(q) == 1 {
						break // unterminated; the TOML parser reports it
					}
					line++
				}
				if src[j] == '\\' && b == '"' && j+1 < len(src) {
					j++
					if src[j] == '\n' {
						line++
					}
				}
				j++
			}
			if j < len(src) && src[j] == '\n' {
				i = j - 1 // let the loop count the newline
			} else {
				i = j + len(q) - 1
			}
		case '[', '{':
			if depth++; depth > maxTOMLDepth {
				return line
			}
		case ']', '}':
			depth = max(depth-1, 0)
		}
	}
	return 0
}

// finite rejects NaN and infinite numbers, which TOML allows but no lever,
// parameter or goal threshold can take.
func finite(s sim.Setup) error {
	for _, part := range []struct {
		name string
		m    map[string]float64
	}{{"set", s.Set}, {"start", s.Start}, {"locked", s.Locked}} {
		for _, k := range slices.Sorted(maps.Keys(part.m)) {
			if v := part.m[k]; math.IsNaN(v) || math.IsInf(v, 0) {
				return errors.New(part.name + "." + k + " must be a finite number")
			}
		}
	}
	for i, g := range s.Goals {
		if math.IsNaN(g.Value) || math.IsInf(g.Value, 0) {
			return errors.New("goal " + strconv.Itoa(i+1) + ": value must be a finite number")
		}
	}
	return nil
}

// scenarioText is the words of a translation's ```scenario-text block:
// the reflection prompts and the goals' labels, in the English block's
// order, with the Markdown lines where each stands.
type scenarioText struct {
	Line        int      // the fence's line
	Prompts     []string // reflection prompts
	PromptsLine int      // line of the prompts key, the fence's when absent
	Labels      []string // one per [[goal]]
	GoalLines   []int    // line of each [[goal]] header
}

// decodeScenarioText decodes the TOML of a scenario-text block whose fence
// is at line fence of the Markdown file. It is strict: only `prompts` (an
// array of strings) and `[[goal]]` tables holding only `label` may appear,
// and no prompt or label may be blank. Errors name the Markdown line.
func (c *converter) decodeScenarioText(src string, fence int) (scenarioText, error) {
	t := scenarioText{Line: fence, PromptsLine: fence}
	if len(src) > MaxScenario {
		return t, c.errf(fence, "scenario-text block is %d bytes, more than the limit of %d", len(src), MaxScenario)
	}
	if line := tomlTooDeep(src); line > 0 {
		return t, c.errf(fence+line, "scenario-text: arrays and tables nest deeper than %d levels", maxTOMLDepth)
	}
	var raw struct {
		Prompts []string `toml:"prompts"`
		Goals   []struct {
			Label string `toml:"label"`
		} `toml:"goal"`
	}
	md, err := toml.Decode(src, &raw)
	if err != nil {
		p := tomlfile.Decoding(err)
		last := strings.Count(strings.TrimSuffix(src, "\n"), "\n") + 1
		return t, c.errf(fence+min(p.Line, last), "scenario-text: %s", p)
	}
	keys := tomlfile.Index([]byte(src))
	if und := md.Undecoded(); len(und) > 0 {
		k := und[0]
		return t, c.errf(fence+keys.Next(k.String()), "scenario-text: %q is not allowed: the block holds only prompts and [[goal]] tables with a label; levers, metrics, thresholds and rounds come from the English chapter's ```scenario block", k.String())
	}
	lines := strings.Split(src, "\n")
	for i, l := range lines {
		l = strings.TrimSpace(l)
		if h, _, _ := strings.Cut(l, "#"); strings.HasPrefix(l, "[[") && strings.Trim(strings.TrimSpace(h), "[] \t") == "goal" {
			t.GoalLines = append(t.GoalLines, fence+1+i)
		}
	}
	if md.IsDefined("prompts") {
		if l := keys.Line("prompts"); l > 0 {
			t.PromptsLine = fence + l
		}
	}
	for i, p := range raw.Prompts {
		if strings.TrimSpace(p) == "" {
			return t, c.errf(t.PromptsLine, "scenario-text: prompt %d is empty", i+1)
		}
		t.Prompts = append(t.Prompts, p)
	}
	for i, g := range raw.Goals {
		line := fence
		if i < len(t.GoalLines) {
			line = t.GoalLines[i]
		}
		if strings.TrimSpace(g.Label) == "" {
			return t, c.errf(line, "scenario-text: goal %d has no label; each [[goal]] holds the translated label of the English goal in the same place", i+1)
		}
		t.Labels = append(t.Labels, g.Label)
	}
	// Keep a line for every goal, even one whose header the scan missed
	// (e.g. an inline array of tables).
	for len(t.GoalLines) < len(t.Labels) {
		t.GoalLines = append(t.GoalLines, fence)
	}
	t.GoalLines = t.GoalLines[:len(t.Labels)]
	return t, nil
}
