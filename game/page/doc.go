// Package page is the game's side of the web page around it: the State
// the game publishes after every tick (the scene, the chapter and round,
// the last report as a table, the goals, an announcement for screen
// readers, the results screen's analysis), the Bridge that publishes it
// (window.longtail in the browser, a no-op on the desktop) and the
// start-up timing marks. It is pure: no ebiten, so its tests run natively
// and under node.
package page
