//go:build !js

package content

import _ "embed" // compiled.zh-Hans.bin

// compiledChineseBin is Encode(markdown.LoadLang(Files, Chinese)), written
// by go generate ./content like compiledBin; it holds no documents while
// the Chinese edition has no chapters. The browser's build leaves it out
// (compiled_zh_js.go): the page publishes the file beside the game.
//
//go:embed compiled.zh-Hans.bin
var compiledChineseBin []byte
