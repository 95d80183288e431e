// Command longtail is the Long Tail game, on desktop and (compiled to
// WebAssembly) in the browser, where the page passes its URL parameters as
// these flags.
//
//	longtail [-chapter N] [-seed N] [-sandbox [-providers N]] [-assignment FILE | -assignment-data LINK]
//	         [-lang en|zh-Hans] [-capture FILE.png -capture-after TICKS]
//
// In the browser the page also passes -cjk-regular, -cjk-bold and
// -cjk-bytes: where the Chinese faces are, fetched when Chinese is chosen.
package main

import (
	"flag"
	"log"
	"os"
	"slices"
	"strings"
	"time"

	"github.com/hajimehoshi/ebiten/v2"

	"github.com/longtail-case/longtail/content"
	"github.com/longtail-case/longtail/game"
	"github.com/longtail-case/longtail/game/classroom"
	"github.com/longtail-case/longtail/game/i18n"
	"github.com/longtail-case/longtail/game/page"
)

func main() {
	page.MarkStartup("main") // in the browser: the runtime and package initialisation are done
	log.SetFlags(0)
	log.SetPrefix("longtail: ")
	chapter := flag.Int("chapter", -1, "open chapter `N`'s reader directly (0 is the prologue)")
	seed := flag.Uint64("seed", 0, "seed of a new run (0: from the clock)")
	sandbox := flag.Bool("sandbox", false, "start a sandbox round that is already playing")
	providers := flag.Int("providers", 0, "with -sandbox, scale the sandbox to about `N` active providers (10 to 20000; 0: the baseline's, about 1,500)")
	assignment := flag.String("assignment", "", "assignment `FILE` (TOML) to load")
	assignmentData := flag.String("assignment-data", "", "assignment carried in a link: base64url of the DEFLATE-compressed file (the ?a= parameter)")
	lang := flag.String("lang", "", "language of the game's screens: "+strings.Join(i18n.Languages(), " or ")+" (empty: the one chosen before, or the assignment's, else en)")
	withCJK := cjkFlags(flag.CommandLine)
	exportDir := flag.String("export-dir", "", "`DIR` the epilogue writes the submission and its CSV to (empty: ~/Documents, else the user config directory's longtail folder)")
	capture := flag.String("capture", "", "save the screen to `FILE.png` and exit")
	captureAfter := flag.Int("capture-after", 60, "ticks to run before -capture")
	flag.Parse()
	if *lang != "" && !slices.Contains(i18n.Languages(), *lang) {
		log.Printf("-lang %q: the game has %s", *lang, strings.Join(i18n.Languages(), " and "))
		flag.Usage()
		os.Exit(2)
	}
	if *providers != 0 && (*providers < 10 || *providers > 20000 || !*sandbox) {
		log.Print("-providers needs -sandbox and a number from 10 to 20000")
		flag.Usage()
		os.Exit(2)
	}

	docs, err := content.Compiled() // the chapters parsed at build time (go generate ./content)
	if err != nil {
		log.Fatal(err)
	}
	page.MarkStartup("content")
	cfg := game.Config{Docs: docs, Chapter: *chapter, Seed: *seed, Sandbox: *sandbox, Providers: *providers, Lang: *lang, ExportDir: *exportDir, Capture: *capture, CaptureAfter: *captureAfter}
	withCJK(&cfg)
	// withCJK also sets cfg.DocsFor: the chapters of each language
	// (embedded on the desktop, fetched with the type in the browser).
	if cfg.Seed == 0 {
		cfg.Seed = uint64(time.Now().UnixNano())&(1<<53-1) | 1
	}
	switch {
	case *assignment != "":
		// A bad assignment is shown on the title screen rather than ending
		// the program, since in the browser the student cannot see a log.
		cfg.AssignmentName = *assignment
		cfg.Assignment, cfg.AssignmentErr = os.ReadFile(*assignment)
	case *assignmentData != "":
		cfg.AssignmentName = "assignment link"
		cfg.Assignment, cfg.AssignmentErr = classroom.DecodeLink(*assignmentData)
	}
	g, err := game.New(cfg)
	if err != nil {
		log.Fatal(err)
	}
	page.MarkStartup("new")
	ebiten.SetWindowTitle("Long Tail")
	ebiten.SetWindowSize(1280, 800)
	ebiten.SetWindowResizingMode(ebiten.WindowResizingModeEnabled)
	ebiten.SetWindowSizeLimits(640, 480, -1, -1)
	// Keep ticking in the background so the game can show that it paused
	// itself (it does not advance while unfocused).
	ebiten.SetRunnableOnUnfocused(true)
	ebiten.SetWindowClosingHandled(true) // the game saves typed reflections before it closes
	// Every scene paints the whole screen, so the screen need not be
	// cleared; kept, it lets a game that lost focus stop drawing (Game.Draw).
	ebiten.SetScreenClearedEveryFrame(false)
	if err := ebiten.RunGame(g); err != nil {
		log.Fatal(err)
	}
}
