// Command longtail-sim runs the Long Tail ecosystem model without a window:
// one run, many seeds with 95% intervals, or a grid sweep over levers and
// structural parameters, printed as a table, CSV or JSON. It also plays a
// classroom assignment headlessly and writes the submission the game would.
//
// Run longtail-sim -h for every flag, the built-in scenarios, the keys -set
// and -sweep accept, the metrics and examples. Exit codes: 0 success,
// 2 usage or input error, 1 internal error.
package main

import "os"

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}
