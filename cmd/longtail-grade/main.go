// Command longtail-grade verifies Long Tail submissions by replaying them,
// and writes the class gradebook and debrief page.
//
//	longtail-grade [-o OUTDIR] [-assignment FILE] SUBMISSION...|DIR|ZIP
//	longtail-grade check ASSIGNMENT.toml...
//	longtail-grade link [-base URL] ASSIGNMENT.toml
//
// Exit status: 0 when every submission verified, 3 when any did not, 2 for
// usage errors (a bad assignment, no submissions, an output that would
// overwrite an input), 1 when an output cannot be written.
package main

import "os"

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}
