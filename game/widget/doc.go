// Package widget is the game's drawing and input toolkit: text, shapes,
// charts, the network view, and the focusable controls every screen is
// built from. It imports ebiten and the pure view maths (game/layout), the
// catalog (game/i18n) and the model's types (game/sim), never a scene.
//
// A widget sees one tick through a Frame: the tick's Intents (what the
// player means, already turned from keys, mouse and touch by the shell),
// the screen's size and device scale, the fonts and catalog (UI) and the
// student's settings. Scenes embed the Frame in their context and pass
// &c.Frame down; nothing else of a scene reaches a widget.
//
//   - Coordinates are device pixels; f.DP(v) converts logical pixels, and
//     f.W × f.H is the screen. A Rect{X, Y, W, H} is a box; Contains, Inset
//     and the Cut methods split boxes for layout.
//   - Text: u.DrawText(dst, s, style, size, x, y, colour) draws one line
//     with its box's top-left at (x, y); u.LineHeight(size) is that box's
//     height and u.Measure(s, style, size) its width; u.Wrap(runs, size,
//     width) breaks styled runs (UAX #14, game/layout) into lines that
//     u.DrawLines draws. Sizes are logical pixels (SizeSmall, SizeBody,
//     SizeLarge, SizeH1…) scaled by the text-size setting and the device
//     scale; styles are Regular, Bold, Italic, BoldItalic and Mono. The
//     Chinese faces (CJKFonts, given to NewUI or AddCJK) draw what the Go
//     faces lack; in Chinese screens (SetCatalog with zh-Hans) they come
//     first for Han, full-width forms and “”‘’…—·, Latin staying in the Go
//     faces.
//   - Strings: f.T("id", args...) looks a message up in the catalog; never
//     build a sentence by concatenation.
//   - Colours: u.Theme; FillRect, StrokeRect, FillCircle, StrokeLine and
//     DrawPanel draw shapes and cards, DrawTooltip a box of lines kept
//     inside the screen.
//   - Controls: Button, Slider, Toggle, TextField and NetworkFocus
//     implement Widget. Put them in a FocusRing (ring.Set(w1, w2, …) each
//     time the layout changes, after setting their bounds); in Update call
//     ring.Update(f), which handles Tab and Shift-Tab, hover and clicks and
//     returns the widget activated or changed this tick (nil: none); in
//     Draw call ring.Draw(dst, u), which draws every widget and the focus
//     ring around the focused one.
package widget
