package main

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/longtail-case/longtail/cmd/internal/cli"
	"github.com/longtail-case/longtail/game/classroom"
)

// run is the whole command: it parses args, runs the model and writes the
// result to stdout (and files named by flags), reporting problems on
// stderr. It returns the exit code: 0 success, 2 usage or input error,
// 1 internal error. On any error nothing is written to stdout or files.
func run(args []string, stdout, stderr io.Writer) int {
	mode, cfg, sub, err := parse(args)
	if err != nil {
		return fail(stderr, err)
	}
	switch mode {
	case "help":
		_, err = io.WriteString(stdout, usage())
	case "version":
		_, err = fmt.Fprintf(stdout, "longtail-sim %s, engine %s\n", cli.Version(), classroom.EngineVersion)
	case "submit":
		err = submit(sub, stdout)
	default:
		err = simulateAll(cfg, stdout, stderr)
	}
	if err != nil {
		return fail(stderr, err)
	}
	return 0
}

// fail reports err in one line and returns its exit code.
func fail(stderr io.Writer, err error) int {
	msg := strings.ReplaceAll(err.Error(), "\n", "; ")
	if exitCode(err) == 2 {
		fmt.Fprintf(stderr, "longtail-sim: %s (longtail-sim -h for help)\n", msg)
	} else {
		fmt.Fprintf(stderr, "longtail-sim: internal error: %s\n", msg)
	}
	return exitCode(err)
}

// simulateAll runs the configuration and writes its output.
func simulateAll(cfg config, stdout, stderr io.Writer) error {
	pts, err := execute(cfg, progressBar(stderr))
	if err != nil {
		return err
	}
	var out bytes.Buffer
	if err := render(&out, cfg, pts); err != nil {
		return err
	}
	if cfg.providers != "" {
		var csv bytes.Buffer
		if err := renderProviders(&csv, pts[0].runs[0].providers); err != nil {
			return err
		}
		if err := cli.WriteFile(cfg.providers, csv.Bytes()); err != nil {
			return err
		}
	}
	_, err = stdout.Write(out.Bytes())
	return err
}

// isTerminal reports whether w is a character device such as a terminal.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}

// progressBar returns a progress callback drawing a bar on stderr, or nil
// when stderr is not a terminal.
func progressBar(stderr io.Writer) func(done, total int) {
	if !isTerminal(stderr) {
		return nil
	}
	const width = 30
	last := -1
	return func(done, total int) {
		if total < 2 {
			return
		}
		filled := done * width / total
		if filled == last && done < total {
			return
		}
		last = filled
		fmt.Fprintf(stderr, "\r[%s%s] %d/%d runs", strings.Repeat("#", filled), strings.Repeat(".", width-filled), done, total)
		if done == total {
			fmt.Fprintf(stderr, "\r%s\r", strings.Repeat(" ", width+len(fmt.Sprint(total))*2+9))
		}
	}
}
