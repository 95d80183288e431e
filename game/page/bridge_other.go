//go:build !js

package page

import "github.com/longtail-case/longtail/game/present"

// Bridge connects the game to the web page around it. On the desktop there
// is no page, and the bridge does nothing.
type Bridge struct{}

// MarkStartup does nothing on the desktop (see the browser's version).
func MarkStartup(string) {}

// NewBridge returns the bridge for this platform; on the desktop it has
// no tables to write, and f is not used.
func NewBridge(present.Formatter) Bridge { return Bridge{} }

// Publish does nothing on the desktop.
func (Bridge) Publish(State) {}

// SetPresent does nothing on the desktop.
func (*Bridge) SetPresent(present.Formatter) {}
