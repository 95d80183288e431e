// Package reader is the chapter reader: the prologue, a chapter's text
// with its exhibits and goals, or the epilogue's text, laid out in steps
// and scrolled, with the button that plays the chapter's round. It
// imports scene and widget.
package reader
