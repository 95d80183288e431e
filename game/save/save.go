// Package save is the game's autosave format: the student's settings and
// progress as JSON. It is pure (no ebiten, no I/O); the game stores the
// bytes in the user's config directory or the browser's localStorage.
//
// A save holds decisions, not numbers: Continue rebuilds every chapter's
// session by replaying its decisions with the same seed (see game/play), so
// it restores exactly what the student saw.
package save

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"slices"

	"github.com/longtail-case/longtail/game/i18n"
	"github.com/longtail-case/longtail/game/play"
)

// Format is the version of the save format this package writes.
const Format = 1

// MaxBytes caps the size of a save, 4 MiB.
const MaxBytes = 4 << 20

// Settings are the student's preferences.
type Settings struct {
	TextScale     float64 `json:"text_scale"`     // text size multiplier, 1–2 (100–200%)
	ReducedMotion bool    `json:"reduced_motion"` // replace animations by cuts
	Lang          string  `json:"lang,omitempty"` // language the student chose (an i18n tag), "" for none
}

// Language returns the language the student chose when the game has it
// (one of i18n.Languages), else "" (none chosen). A save from a version
// with more languages keeps its Lang and the rest of the save; the game
// shows English until the student chooses again.
func (s Settings) Language() string {
	if slices.Contains(i18n.Languages(), s.Lang) {
		return s.Lang
	}
	return ""
}

// DefaultSettings returns the settings of a first start.
func DefaultSettings() Settings { return Settings{TextScale: 1} }

// Chapter is one chapter the student has started: its decisions and how
// many rounds were played.
type Chapter struct {
	Number    int             `json:"number"`    // content chapter number (0 sandbox)
	Decisions []play.Decision `json:"decisions"` // the session's log
	Played    int             `json:"played"`    // rounds played, 0–rounds
}

// Reflection is one typed answer to a chapter's prompt.
type Reflection struct {
	Chapter int    `json:"chapter"`
	Number  int    `json:"number,omitempty"` // the prompt's place in the chapter, from 1; 0 in saves made before it was recorded
	Prompt  string `json:"prompt"`           // the prompt as last shown (in the language then)
	Text    string `json:"text"`
}

// same reports whether r answers the prompt of chapter numbered number
// (from 1) whose text is prompt: by the number when both sides know it,
// so an answer stays with its prompt when the student switches language,
// else by the text.
func (r Reflection) same(chapter, number int, prompt string) bool {
	if r.Chapter != chapter {
		return false
	}
	if r.Number > 0 && number > 0 {
		return r.Number == number
	}
	return r.Prompt == prompt
}

// Student is who the student said they are for an assignment.
type Student struct {
	ID   string `json:"id"`
	Name string `json:"name"`
}

// Progress is where the student is.
type Progress struct {
	Seed           uint64       `json:"seed"`                      // the seed every chapter uses
	Doc            int          `json:"doc"`                       // index of the document being read or played (0 prologue)
	Scene          string       `json:"scene"`                     // "reader", "round", "results" or "epilogue"
	Sandbox        bool         `json:"sandbox,omitempty"`         // a free sandbox round rather than the case
	Chapters       []Chapter    `json:"chapters"`                  // chapters started, in play order
	Reflections    []Reflection `json:"reflections"`               // answers so far
	Assignment     string       `json:"assignment,omitempty"`      // the assignment file's text, when one is loaded
	AssignmentFile string       `json:"assignment_file,omitempty"` // its name, for messages
	Student        Student      `json:"student"`
}

// File is a whole save.
type File struct {
	Format   int       `json:"format"`
	Settings Settings  `json:"settings"`
	Progress *Progress `json:"progress,omitempty"` // nil: nothing to continue
}

// Encode returns the save as indented JSON.
func (f File) Encode() ([]byte, error) {
	f.Format = Format
	b, err := json.MarshalIndent(f, "", "  ")
	if err != nil {
		return nil, fmt.Errorf("save: %w", err)
	}
	return append(b, '\n'), nil
}

// ErrTooBig is returned for a save over MaxBytes.
var ErrTooBig = errors.New("save: file is larger than 4 MiB")

// Decode parses and checks a save. Unknown fields, a wrong format number,
// settings out of range and impossible progress are errors, so a damaged
// file is reported instead of half-loaded.
func Decode(data []byte) (File, error) {
	if len(data) > MaxBytes {
		return File{}, ErrTooBig
	}
	var f File
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&f); err != nil {
		return File{}, fmt.Errorf("save: %w", err)
	}
	if dec.More() {
		return File{}, errors.New("save: data after the JSON object")
	}
	if f.Format != Format {
		return File{}, fmt.Errorf("save: format %d, want %d", f.Format, Format)
	}
	if err := f.check(); err != nil {
		return File{}, fmt.Errorf("save: %w", err)
	}
	return f, nil
}

func (f File) check() error {
	s := f.Settings
	if math.IsNaN(s.TextScale) || s.TextScale < 1 || s.TextScale > 2 {
		return fmt.Errorf("text_scale %v is outside [1, 2]", s.TextScale)
	}
	p := f.Progress
	if p == nil {
		return nil
	}
	switch p.Scene {
	case "reader", "round", "results", "epilogue":
	default:
		return fmt.Errorf("scene %q is not reader, round, results or epilogue", p.Scene)
	}
	if p.Doc < 0 || p.Doc > 99 {
		return fmt.Errorf("doc %d is outside [0, 99]", p.Doc)
	}
	for i, c := range p.Chapters {
		if c.Played < 0 || c.Played > 200 {
			return fmt.Errorf("chapter %d: played %d is outside [0, 200]", i+1, c.Played)
		}
		for j, d := range c.Decisions {
			if d.Chapter != c.Number {
				return fmt.Errorf("chapter %d: decision %d is for chapter %d", i+1, j+1, d.Chapter)
			}
			if math.IsNaN(d.Value) || math.IsInf(d.Value, 0) {
				return fmt.Errorf("chapter %d: decision %d has no finite value", i+1, j+1)
			}
		}
	}
	return nil
}

// ChapterByNumber returns a pointer to the progress of chapter n, adding
// an empty entry when the chapter was not started.
func (p *Progress) ChapterByNumber(n int) *Chapter {
	for i := range p.Chapters {
		if p.Chapters[i].Number == n {
			return &p.Chapters[i]
		}
	}
	p.Chapters = append(p.Chapters, Chapter{Number: n})
	return &p.Chapters[len(p.Chapters)-1]
}

// SetReflection stores the answer to a chapter's prompt, replacing an
// earlier answer to the same prompt (the same number, or the same text in
// an old save) and taking r's number and prompt text.
func (p *Progress) SetReflection(r Reflection) {
	for i := range p.Reflections {
		if p.Reflections[i].same(r.Chapter, r.Number, r.Prompt) {
			p.Reflections[i] = r
			return
		}
	}
	p.Reflections = append(p.Reflections, r)
}

// Reflection returns the saved answer to prompt number (from 1; 0 when
// unknown) of a chapter, whose text is prompt, or "".
func (p *Progress) Reflection(chapter, number int, prompt string) string {
	for _, r := range p.Reflections {
		if r.same(chapter, number, prompt) {
			return r.Text
		}
	}
	return ""
}
