package main

import (
	"fmt"
	"io"
	"os"
	"slices"
	"strconv"
	"strings"

	"github.com/longtail-case/longtail/game/sim"
)

// chapter is a chapter of the case that declares a scenario.
type chapter struct {
	num   int    // number from the file name, e.g. 1 for 01-born-open.md
	slug  string // e.g. "born-open"
	setup sim.Setup
}

// resolveScenario turns -scenario into a scenario: a built-in name, a
// chapter (by slug or as chN), or a TOML scenario file. It returns the
// name the output uses and the file read, if any.
func resolveScenario(arg string) (name string, sc sim.Scenario, file string, err error) {
	if arg == "" {
		return "", sim.Scenario{}, "", usagef("-scenario is empty")
	}
	if slices.Contains(sim.BuiltinNames(), arg) {
		sc, err := sim.Builtin(arg)
		if err != nil {
			return "", sim.Scenario{}, "", fmt.Errorf("built-in scenario %s: %w", arg, err)
		}
		if err := sc.Validate(); err != nil {
			return "", sim.Scenario{}, "", fmt.Errorf("built-in scenario %s is invalid: %w", arg, err)
		}
		return arg, sc, "", nil
	}
	chs, chErr := chapters()
	for _, ch := range chs {
		if arg == ch.slug || arg == "ch"+strconv.Itoa(ch.num) {
			sc, err := ch.setup.Scenario()
			if err != nil {
				return "", sim.Scenario{}, "", fmt.Errorf("chapter %s is invalid: %w", ch.slug, err)
			}
			return ch.slug, sc, "", nil
		}
	}
	if _, statErr := os.Stat(arg); statErr != nil {
		if chErr != nil {
			return "", sim.Scenario{}, "", chErr
		}
		return "", sim.Scenario{}, "", usagef("-scenario %q: no such built-in, chapter or file (%s)", arg, scenarioNames(chs))
	}
	data, err := readInput(arg)
	if err != nil {
		return "", sim.Scenario{}, "", err
	}
	sc, err = sim.ParseScenario(arg, data)
	if err != nil {
		return "", sim.Scenario{}, "", usageError{err.Error()}
	}
	return arg, sc, arg, nil
}

// scenarioNames describes what -scenario accepts.
func scenarioNames(chs []chapter) string {
	s := "built-ins: " + strings.Join(sim.BuiltinNames(), " ")
	if len(chs) > 0 {
		var names []string
		for _, ch := range chs {
			names = append(names, fmt.Sprintf("%s (ch%d)", ch.slug, ch.num))
		}
		s += "; chapters: " + strings.Join(names, " ")
	}
	return s
}

// readInput reads a file a person gave us, refusing directories and
// oversized files with a usage error.
func readInput(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, usageError{err.Error()}
	}
	defer f.Close()
	if fi, err := f.Stat(); err == nil && fi.IsDir() {
		return nil, usagef("%s is a directory, not a file", path)
	}
	data, err := io.ReadAll(io.LimitReader(f, maxInputSize+1))
	if err != nil {
		return nil, usagef("%s: %v", path, err)
	}
	if len(data) > maxInputSize {
		return nil, usagef("%s is larger than %d bytes", path, maxInputSize)
	}
	return data, nil
}
