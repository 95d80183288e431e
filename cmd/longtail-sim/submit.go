package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"

	"github.com/longtail-case/longtail/cmd/internal/cli"
	"github.com/longtail-case/longtail/content"
	"github.com/longtail-case/longtail/game/classroom"
	"github.com/longtail-case/longtail/game/play"
)

// submit plays an assignment with a student's decisions and writes the
// submission the game would write.
func submit(s submitConfig, stdout io.Writer) error {
	data, err := readInput(s.assignment)
	if err != nil {
		return err
	}
	a, err := classroom.ParseAssignment(s.assignment, data)
	if err != nil {
		return usageError{err.Error()}
	}
	data, err = readInput(s.decisions)
	if err != nil {
		return err
	}
	ds, err := parseDecisions(s.decisions, data)
	if err != nil {
		return err
	}
	docs, err := content.Load(content.Files)
	if err != nil {
		return err
	}
	sub, err := classroom.Simulate(a, docs, s.student, ds)
	if err != nil {
		return usagef("%s with %s: %v", s.assignment, s.decisions, err)
	}
	out, err := sub.MarshalIndent()
	if err != nil {
		return err
	}
	if err := cli.WriteFile(s.submission, out); err != nil {
		return err
	}
	_, err = fmt.Fprintf(stdout, "wrote %s\n", s.submission)
	return err
}

// parseDecisions decodes a JSON list of decisions; errors name the file
// and line.
func parseDecisions(file string, data []byte) ([]play.Decision, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	var ds []play.Decision
	if err := dec.Decode(&ds); err != nil {
		return nil, usagef("%s:%d: %v", file, jsonLine(data, err, dec.InputOffset()), err)
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return nil, usagef("%s:%d: data after the list of decisions", file, lineAt(data, dec.InputOffset()))
	}
	if ds == nil {
		return nil, usagef("%s: want a JSON list of {chapter, round, lever, value}, got null", file)
	}
	return ds, nil
}

// jsonLine returns the line of a JSON decoding error.
func jsonLine(data []byte, err error, fallback int64) int {
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	switch {
	case errors.As(err, &se):
		return lineAt(data, se.Offset)
	case errors.As(err, &te):
		return lineAt(data, te.Offset)
	}
	return lineAt(data, fallback)
}

// lineAt returns the 1-based line of a byte offset.
func lineAt(data []byte, off int64) int {
	off = min(max(off, 0), int64(len(data)))
	return bytes.Count(data[:off], []byte("\n")) + 1
}
