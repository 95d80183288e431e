//go:build !js

package main

import (
	"flag"

	"github.com/longtail-case/longtail/assets/cjk"
	"github.com/longtail-case/longtail/content"
	"github.com/longtail-case/longtail/game"
	"github.com/longtail-case/longtail/game/widget"
)

// cjkFlags declares the flags that give the game its Chinese type (none
// on the desktop, which embeds it) and returns the function that puts
// the type in the config: the subsets of assets/cjk (about 1.6 MB), and
// the Chinese chapters (compiled.zh-Hans.bin).
func cjkFlags(*flag.FlagSet) func(*game.Config) {
	return func(cfg *game.Config) {
		cfg.CJK = &widget.CJKFonts{Regular: cjk.OTF(cjk.Regular), Bold: cjk.OTF(cjk.Bold)}
		cfg.DocsFor = content.CompiledLang // both editions are embedded
	}
}
