//go:build !js

package game

// bridge connects the game to the web page around it. On the desktop there
// is no page, and the bridge does nothing.
type bridge struct{}

// MarkStartup does nothing on the desktop (see the browser's version).
func MarkStartup(string) {}

// newBridge returns the bridge for this platform.
func newBridge() bridge { return bridge{} }

// publish does nothing on the desktop.
func (bridge) publish(pageState) {}
