package widget

// Intents is one tick's input, turned into what the player means. It is
// filled by readInput, the only code in the game that reads ebiten's
// input; scenes and widgets read intents only. All positions are device
// pixels.
type Intents struct {
	FocusNext, FocusPrev bool // Tab, Shift-Tab
	Activate             bool // Enter, keypad Enter or Space pressed (with key repeat off)
	Enter, Space         bool // which of the two keys activated (text fields treat them differently)
	Back                 bool // Escape
	Fullscreen           bool // F11 or Alt+Enter
	// Dx and dy are arrow-key steps with key repeat: −1 left/up, +1
	// right/down. big is true while Shift is held (a bigger step).
	Dx, Dy int
	Big    bool
	// Scroll is how far the content should move this tick, in device
	// pixels, positive downwards (wheel and touch drag).
	Scroll float64
	// Page is −1 for Page Up, +1 for Page Down or Space; home and end jump.
	Page      int
	Home, End bool
	// Px, py is the pointer (mouse or the first touch) position; pointer
	// is false when there is none (touch released, mouse outside).
	Px, Py  float64
	Pointer bool
	// Moved is true when the pointer moved this tick.
	Moved bool
	// Click is a primary activation this tick: a left mouse press, or a
	// touch tap when the finger lifts; down is true while the mouse
	// button or a touch is held; release is the end of a press.
	Click, Down, Release bool
	// Tap is a touch that ended without dragging (a click on touch screens).
	Tap bool
	// Dragging is true while a touch moves more than a few pixels.
	Dragging bool
	// Runes are the characters typed this tick (text entry), backspace
	// a Backspace press with key repeat.
	Runes     []rune
	Backspace bool
	// Ctrl is true while Control (or Command on macOS) is held.
	Ctrl bool
}
