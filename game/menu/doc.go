// Package menu holds the overlays any screen can show: the pause menu
// (Escape) and the settings panel it shares with the title screen. It
// imports scene and widget, never another screen's package.
package menu
