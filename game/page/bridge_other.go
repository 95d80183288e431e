//go:build !js

package page

// Bridge connects the game to the web page around it. On the desktop there
// is no page, and the bridge does nothing.
type Bridge struct{}

// MarkStartup does nothing on the desktop (see the browser's version).
func MarkStartup(string) {}

// NewBridge returns the bridge for this platform.
func NewBridge() Bridge { return Bridge{} }

// Publish does nothing on the desktop.
func (Bridge) Publish(State) {}
