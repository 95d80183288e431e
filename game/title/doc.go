// Package title is the title screen: start or continue the case, the
// sandbox, loading an assignment and naming the student, settings. It
// imports scene, menu and widget.
package title
