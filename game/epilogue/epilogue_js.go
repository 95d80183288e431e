//go:build js

package epilogue

import (
	"errors"
	"syscall/js"
)

// exportFile offers data of type mime as a download named name and returns
// the name (the directory is ignored in the browser).
func exportFile(_, name, mime string, data []byte) (where string, err error) {
	defer func() {
		if r := recover(); r != nil {
			where, err = "", errors.New("game: the browser refused the download")
		}
	}()
	doc := js.Global().Get("document")
	arr := js.Global().Get("Uint8Array").New(len(data))
	js.CopyBytesToJS(arr, data)
	blob := js.Global().Get("Blob").New([]any{arr}, map[string]any{"type": mime})
	url := js.Global().Get("URL").Call("createObjectURL", blob)
	a := doc.Call("createElement", "a")
	a.Set("href", url)
	a.Set("download", name)
	doc.Get("body").Call("appendChild", a)
	a.Call("click")
	a.Call("remove")
	js.Global().Get("URL").Call("revokeObjectURL", url)
	return name, nil
}
