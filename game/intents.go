package game

// intents is one tick's input, turned into what the player means. It is
// filled by readInput, the only code in the game that reads ebiten's
// input; scenes and widgets read intents only. All positions are device
// pixels.
type intents struct {
	focusNext, focusPrev bool // Tab, Shift-Tab
	activate             bool // Enter, keypad Enter or Space pressed (with key repeat off)
	enter, space         bool // which of the two keys activated (text fields treat them differently)
	back                 bool // Escape
	fullscreen           bool // F11 or Alt+Enter
	// dx and dy are arrow-key steps with key repeat: −1 left/up, +1
	// right/down. big is true while Shift is held (a bigger step).
	dx, dy int
	big    bool
	// scroll is how far the content should move this tick, in device
	// pixels, positive downwards (wheel and touch drag).
	scroll float64
	// page is −1 for Page Up, +1 for Page Down or Space; home and end jump.
	page      int
	home, end bool
	// px, py is the pointer (mouse or the first touch) position; pointer
	// is false when there is none (touch released, mouse outside).
	px, py  float64
	pointer bool
	// moved is true when the pointer moved this tick.
	moved bool
	// click is a primary activation this tick: a left mouse press, or a
	// touch tap when the finger lifts; down is true while the mouse
	// button or a touch is held; release is the end of a press.
	click, down, release bool
	// tap is a touch that ended without dragging (a click on touch screens).
	tap bool
	// dragging is true while a touch moves more than a few pixels.
	dragging bool
	// runes are the characters typed this tick (text entry), backspace
	// a Backspace press with key repeat.
	runes     []rune
	backspace bool
	// ctrl is true while Control (or Command on macOS) is held.
	ctrl bool
}
