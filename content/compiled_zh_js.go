//go:build js

package content

// compiledChineseBin is nil in the browser's build, so that the English
// download does not carry the Chinese text: the game fetches
// CompiledFile(Chinese) and decodes it with DecodeEdition.
var compiledChineseBin []byte
