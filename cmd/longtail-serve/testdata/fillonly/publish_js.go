//go:build js

package main

import "syscall/js"

// publish tells the game's loader page (web/play.js), when fillonly runs
// in it, that the first frame is ready, as the game's bridge does after its
// first Update: the loader marks firstFrame then, so the budgets compare
// the two start-ups at the same point. Outside that page it does nothing.
func publish() {
	if f := js.Global().Get("longtailPublish"); f.Type() == js.TypeFunction {
		f.Invoke(map[string]any{"ready": true, "scene": "fillonly"})
	}
}
