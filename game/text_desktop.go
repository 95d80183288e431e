//go:build !js

package game

import (
	"image"

	"github.com/hajimehoshi/ebiten/v2/exp/textinput"

	"github.com/longtail-case/longtail/game/widget"
)

// textSession is the desktop's text input: Ebiten's exp/textinput Field,
// which uses the system's input method on Windows and macOS and plain key
// characters elsewhere. Only the committed text and the composition are
// taken from it: the TextField widget owns the value, so the Field's
// buffer is emptied every tick.
type textSession struct {
	field  textinput.Field
	broken bool // the input method failed once: plain key characters from then on
}

// read focuses the session and moves this tick's text into in, with the
// input method's window at caret (device pixels). It returns false when
// the caller should read plain key characters instead.
func (s *textSession) read(in *widget.Intents, caret widget.Rect) bool {
	if s.broken {
		return false
	}
	if !s.field.IsFocused() {
		s.field.Focus()
	}
	b := image.Rect(int(caret.X), int(caret.Y), int(caret.X+max(1, caret.W)), int(caret.Y+max(1, caret.H)))
	if _, err := s.field.HandleInputWithBounds(b); err != nil {
		s.field.Blur()
		s.broken = true
		return false
	}
	if t := s.field.Text(); t != "" {
		in.Runes = append(in.Runes, []rune(t)...)
		s.field.SetTextAndSelection("", 0, 0)
	}
	in.Composing = s.field.TextForRendering()
	return true
}

// stop ends the session when no text field has the focus.
func (s *textSession) stop() {
	if s.field.IsFocused() {
		s.field.Blur()
	}
}
