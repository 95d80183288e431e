//go:build js

package game

import (
	"strconv"
	"sync"
	"syscall/js"

	"github.com/longtail-case/longtail/game/widget"
)

// textSession is the browser's text input. Ebiten's exp/textinput cannot
// be used here: its package initialisation evaluates a string as
// JavaScript, which the site's Content-Security-Policy (no 'unsafe-eval')
// forbids, so the game would not start. Instead, while a text field has
// the focus, a hidden textarea in the game's document takes the keyboard:
// the browser's input method composes into it (compositionupdate), and
// what it commits (input, compositionend) becomes Runes. The canvas no
// longer receives keys then, so the keys a text field needs (Backspace,
// Enter, Tab, Escape, the arrows, Home, End, Page Up and Down) are read
// from the textarea too, and every key release is passed on to the canvas
// so that Ebiten does not think a key is still held when the canvas gets
// the focus back.
type textSession struct {
	mu        sync.Mutex // the textarea's event handlers run beside the game loop
	area      js.Value   // the hidden textarea, made on first use
	canvas    js.Value
	funcs     []js.Func
	committed []rune
	composing string
	keys      []webKey
	active    bool
	pos       [2]string // the textarea's CSS left and top, as last written
}

// webKey is a key pressed while the textarea had the focus.
type webKey struct {
	key   string // KeyboardEvent.key
	shift bool
}

// make creates the textarea and its handlers (once).
func (s *textSession) make() bool {
	if s.area.Truthy() {
		return true
	}
	doc := js.Global().Get("document")
	if !doc.Truthy() {
		return false
	}
	s.canvas = doc.Call("querySelector", "canvas")
	a := doc.Call("createElement", "textarea")
	a.Set("id", "longtail-text")
	for k, v := range map[string]string{"autocapitalize": "off", "autocomplete": "off", "spellcheck": "false", "aria-label": "Text entry"} {
		a.Call("setAttribute", k, v)
	}
	st := a.Get("style")
	for k, v := range map[string]string{"position": "fixed", "left": "0", "top": "0", "width": "1px", "height": "1px",
		"opacity": "0", "border": "0", "padding": "0", "margin": "0", "resize": "none", "overflow": "hidden", "pointerEvents": "none"} {
		st.Set(k, v)
	}
	on := func(event string, f func(e js.Value)) {
		fn := js.FuncOf(func(this js.Value, args []js.Value) any {
			f(args[0])
			return nil
		})
		s.funcs = append(s.funcs, fn)
		a.Call("addEventListener", event, fn)
	}
	// take moves the textarea's text into committed and empties it.
	take := func() {
		v := a.Get("value").String()
		a.Set("value", "")
		s.mu.Lock()
		s.committed = append(s.committed, []rune(v)...)
		s.composing = ""
		s.mu.Unlock()
	}
	on("compositionupdate", func(e js.Value) {
		d := e.Get("data")
		s.mu.Lock()
		if d.Type() == js.TypeString {
			s.composing = d.String()
		}
		s.mu.Unlock()
	})
	on("compositionend", func(js.Value) { take() })
	on("input", func(e js.Value) {
		if c := e.Get("isComposing"); c.Type() == js.TypeBoolean && c.Bool() {
			return
		}
		take()
	})
	on("keydown", func(e js.Value) {
		if c := e.Get("isComposing"); (c.Type() == js.TypeBoolean && c.Bool()) || e.Get("keyCode").Int() == 229 {
			return // the input method is using the key
		}
		k := e.Get("key").String()
		switch k {
		case "Backspace", "Enter", "Tab", "Escape", "ArrowLeft", "ArrowRight", "ArrowUp", "ArrowDown", "Home", "End", "PageUp", "PageDown":
			e.Call("preventDefault") // no newline in the textarea, no focus leaving the game
			s.mu.Lock()
			s.keys = append(s.keys, webKey{key: k, shift: e.Get("shiftKey").Bool()})
			s.mu.Unlock()
		}
	})
	on("keyup", func(e js.Value) {
		if s.canvas.Truthy() {
			init := map[string]any{"key": e.Get("key").String(), "code": e.Get("code").String()}
			s.canvas.Call("dispatchEvent", js.Global().Get("KeyboardEvent").New("keyup", init))
		}
	})
	doc.Get("body").Call("appendChild", a)
	s.area = a
	return true
}

// read gives the textarea the focus, places it at caret (device pixels,
// so that the input method's window opens beside the text) and moves this
// tick's text and keys into in. It returns false when there is no
// document to type into.
func (s *textSession) read(in *widget.Intents, caret widget.Rect) bool {
	if !s.make() {
		return false
	}
	s.active = true
	// A click on the canvas gives it the focus back: take it again.
	if !s.area.Equal(js.Global().Get("document").Get("activeElement")) {
		s.area.Call("focus", map[string]any{"preventScroll": true})
	}
	if s.canvas.Truthy() {
		r := s.canvas.Call("getBoundingClientRect")
		dpr := js.Global().Get("devicePixelRatio").Float()
		if dpr <= 0 {
			dpr = 1
		}
		// Written only when the caret moved: a style write every tick
		// would have the browser redo the page's style for nothing.
		pos := [2]string{strconv.FormatFloat(r.Get("left").Float()+caret.X/dpr, 'f', 1, 64) + "px",
			strconv.FormatFloat(r.Get("top").Float()+caret.Y/dpr, 'f', 1, 64) + "px"}
		if pos != s.pos {
			s.pos = pos
			st := s.area.Get("style")
			st.Set("left", pos[0])
			st.Set("top", pos[1])
		}
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	in.Runes = append(in.Runes, s.committed...)
	s.committed = s.committed[:0]
	in.Composing = s.composing
	for _, k := range s.keys {
		switch k.key {
		case "Backspace":
			in.Backspace = true
		case "Enter":
			in.Enter, in.Activate = true, true
		case "Tab":
			if k.shift {
				in.FocusPrev = true
			} else {
				in.FocusNext = true
			}
		case "Escape":
			in.Back = true
		case "ArrowLeft":
			in.Dx = -1
		case "ArrowRight":
			in.Dx = 1
		case "ArrowUp":
			in.Dy = -1
		case "ArrowDown":
			in.Dy = 1
		case "Home":
			in.Home = true
		case "End":
			in.End = true
		case "PageUp":
			in.Page = -1
		case "PageDown":
			in.Page = 1
		}
	}
	s.keys = s.keys[:0]
	return true
}

// stop gives the keyboard back to the canvas when no text field has the
// focus.
func (s *textSession) stop() {
	if !s.active {
		return
	}
	s.active = false
	s.area.Call("blur")
	s.mu.Lock()
	s.committed, s.composing, s.keys = s.committed[:0], "", s.keys[:0]
	s.mu.Unlock()
	if s.canvas.Truthy() {
		s.canvas.Call("focus", map[string]any{"preventScroll": true})
	}
}
