// Package epilogue is the case's last screen: what each chapter's levers
// could have achieved (the frontier sweep), the student's own results
// against it, and the submission export. It imports scene and widget.
package epilogue
