package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/longtail-case/longtail/cmd/internal/cli"
	"github.com/longtail-case/longtail/content"
	"github.com/longtail-case/longtail/content/markdown"
	"github.com/longtail-case/longtail/game/classroom"
	"github.com/longtail-case/longtail/game/classroom/explain"
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
	docs, err := markdown.Load(content.Files)
	if err != nil {
		return err
	}
	sub, err := classroom.Simulate(a, docs, s.student, ds)
	if err != nil {
		return usagef("%s with %s: %v", s.assignment, s.decisions, err)
	}
	var report []byte
	if s.explain {
		if report, err = explainJSON(a, docs, sub); err != nil {
			return err
		}
	}
	if s.submission != "" {
		out, err := sub.MarshalIndent()
		if err != nil {
			return err
		}
		if err := cli.WriteFile(s.submission, out); err != nil {
			return err
		}
	}
	if s.explain {
		_, err = stdout.Write(report)
		return err
	}
	_, err = fmt.Fprintf(stdout, "wrote %s\n", s.submission)
	return err
}

// explainJSON verifies the submission the decisions made and returns the
// analysis of every chapter as indented JSON: {"chapters": [...]}. A
// submission that does not verify is refused with the grader's reasons.
func explainJSON(a classroom.Assignment, docs []content.Document, sub classroom.Submission) ([]byte, error) {
	as, _, err := classroom.Explain(a, docs, sub, nil)
	var nv *classroom.NotVerifiedError
	if errors.As(err, &nv) {
		return nil, usagef("%s", strings.Join(nv.Reasons, "; "))
	}
	if err != nil {
		return nil, err
	}
	if as == nil {
		as = []explain.Analysis{}
	}
	b, err := json.MarshalIndent(struct {
		Chapters []explain.Analysis `json:"chapters"`
	}{as}, "", "  ")
	if err != nil {
		return nil, fmt.Errorf("json: %w", err)
	}
	return append(b, '\n'), nil
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
