package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"

	"github.com/longtail-case/longtail/cmd/internal/cli"
	"github.com/longtail-case/longtail/content"
	"github.com/longtail-case/longtail/content/markdown"
	"github.com/longtail-case/longtail/game/classroom"
)

// Exit statuses.
const (
	exitOK       = 0
	exitFailure  = 1 // an output could not be written
	exitUsage    = 2 // bad flags, a bad assignment, nothing to grade, an output over an input
	exitUnverify = 3 // some submission did not verify
)

const usage = `longtail-grade verifies Long Tail submissions by replaying them with the
engine, and writes a gradebook and a class debrief page. No server needed.

Usage:
  longtail-grade [flags] SUBMISSION.json... | DIR | BULK.zip
  longtail-grade check ASSIGNMENT.toml...
  longtail-grade link [-base URL] ASSIGNMENT.toml
  longtail-grade -h | --version

A DIR (searched recursively, as an LMS bulk download unpacks) or a .zip
contributes every *.json file as a submission and, unless -assignment is
given, every *.toml file as the assignment. Submissions are matched to
assignments by hash.

Grading writes OUTDIR/gradebook.csv (file, student, chapters, goals met,
score, verified yes/no, reason, and per chapter the policy's hit rate over
32 other seeds and the student's luck) and OUTDIR/debrief.html (one self-contained
page of class-wide charts and anonymised reflections). It never overwrites
an input file.

Both editions of the case are loaded: a submission played in Chinese is
verified against the Chinese chapters and its reflections matched to the
Chinese prompts. The messages here stay in English; debrief.html is
written in the assignment's language (its locale; English when students
choose), reflections as typed. gradebook.csv is UTF-8 beginning with a
byte-order mark, so Excel (Chinese Windows included) shows names such as
张伟 correctly; strip the three bytes EF BB BF when reading it with tools
that do not.

check validates assignment files against the content, with line numbers.
link prints the ?a= link parameter that carries an assignment in a URL.

Exit status: 0 every submission verified; 3 some submission did not verify
or could not be read; 2 usage error or invalid assignment; 1 an output could
not be written.

Flags:
`

// editions loads the chapters of every edition of the case one after
// another, English first, then Chinese (markdown.LoadLang of each; see
// classroom.Edition): a submission verifies
// against the chapters of the language it was played in, and a debrief is
// written in its assignment's.
func editions() ([]content.Document, error) {
	var docs []content.Document
	for _, lang := range content.Languages() {
		ed, err := markdown.LoadLang(content.Files, lang)
		if err != nil {
			return nil, fmt.Errorf("the %s chapters: %w", lang, err)
		}
		docs = append(docs, ed...)
	}
	return docs, nil
}

// run is the program; it returns the exit status.
func run(args []string, stdout, stderr io.Writer) int {
	if len(args) > 0 {
		switch args[0] {
		case "check":
			return check(args[1:], stdout, stderr)
		case "link":
			return link(args[1:], stdout, stderr)
		}
	}
	return grade(args, stdout, stderr)
}

// listFlag collects a repeatable string flag.
type listFlag []string

func (l *listFlag) String() string     { return strings.Join(*l, ",") }
func (l *listFlag) Set(s string) error { *l = append(*l, s); return nil }

type gradeFlags struct {
	out         string
	assignments listFlag
	json        bool
	sweep       int
	workers     int
	version     bool
	explain     bool
}

// parseInterleaved parses flags that may come before, between or after
// the positional arguments.
func parseInterleaved(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		rest := fs.Args()
		if len(rest) == 0 {
			return pos, nil
		}
		if len(args) > len(rest) && args[len(args)-len(rest)-1] == "--" {
			return append(pos, rest...), nil
		}
		pos = append(pos, rest[0])
		args = rest[1:]
	}
}

func grade(args []string, stdout, stderr io.Writer) int {
	var f gradeFlags
	fs := flag.NewFlagSet("longtail-grade", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.StringVar(&f.out, "o", ".", "write gradebook.csv and debrief.html to `OUTDIR` (created if missing)")
	fs.Var(&f.assignments, "assignment", "the assignment `FILE` the submissions belong to (repeatable; matched by hash)")
	fs.BoolVar(&f.json, "json", false, "print the verdicts as JSON on standard output")
	fs.IntVar(&f.sweep, "sweep", classroom.SweepRuns, "runs per chapter for the debrief's frontier; 0 skips the sweep")
	fs.IntVar(&f.workers, "workers", runtime.GOMAXPROCS(0), "replays run in parallel")
	fs.BoolVar(&f.version, "version", false, "print the version and exit")
	fs.BoolVar(&f.explain, "explain", true, "replay each verified chapter on 32 other seeds for the gradebook's policy_hit_rate and luck columns and the debrief's skill chart (about 0.05–0.1 s a chapter per core; -explain=false skips it)")
	fs.Usage = func() {
		fmt.Fprint(fs.Output(), usage)
		fs.PrintDefaults()
	}
	pos, err := parseInterleaved(fs, args)
	if errors.Is(err, flag.ErrHelp) {
		fs.SetOutput(stdout)
		fs.Usage()
		return exitOK
	}
	if err != nil {
		return exitUsage
	}
	if f.version {
		fmt.Fprintln(stdout, "longtail-grade", cli.Version(), "engine", classroom.EngineVersion)
		return exitOK
	}
	if len(pos) == 0 {
		fmt.Fprintln(stderr, "longtail-grade: no submissions given (try longtail-grade -h)")
		return exitUsage
	}
	if f.sweep < 0 || f.workers < 1 {
		fmt.Fprintln(stderr, "longtail-grade: -sweep must be ≥ 0 and -workers ≥ 1")
		return exitUsage
	}
	src, err := gather(pos)
	if err != nil {
		fmt.Fprintln(stderr, "longtail-grade:", err)
		return exitUsage
	}
	if len(f.assignments) > 0 {
		src.assignments = f.assignments
	}
	if len(src.assignments) == 0 {
		fmt.Fprintln(stderr, "longtail-grade: no assignment: give -assignment FILE, or put the assignment's .toml file in the folder")
		return exitUsage
	}
	if len(src.inputs) == 0 {
		fmt.Fprintln(stderr, "longtail-grade: no submission files (*.json) found in", strings.Join(pos, " "))
		return exitUsage
	}
	docs, err := editions()
	if err != nil {
		fmt.Fprintln(stderr, "longtail-grade:", err)
		return exitFailure
	}
	var as []classroom.Assignment
	bad := false
	for _, file := range src.assignments {
		data, err := readLimited(file, classroom.MaxAssignmentBytes)
		if err == nil {
			var a classroom.Assignment
			a, err = classroom.CheckAssignment(file, data, docs)
			as = append(as, a)
		}
		if err != nil {
			fmt.Fprintln(stderr, err)
			bad = true
		}
	}
	if bad {
		fmt.Fprintln(stderr, "longtail-grade: fix the assignment first (longtail-grade check FILE)")
		return exitUsage
	}
	outputs := []string{filepath.Join(f.out, "gradebook.csv")}
	for _, a := range as {
		outputs = append(outputs, filepath.Join(f.out, debriefName(a, len(as))))
	}
	if err := refuseOverwrite(outputs, append(src.paths, src.assignments...)); err != nil {
		fmt.Fprintln(stderr, "longtail-grade:", err)
		return exitUsage
	}

	rows := classroom.Grade(as, docs, src.inputs, f.workers)
	if f.explain {
		if n := analysable(rows); n > 0 {
			fmt.Fprintf(stderr, "longtail-grade: replaying %d finished chapter(s) on 32 other seeds each for skill and luck, about %.0f s on %d worker(s) (-explain=false skips it)\n",
				n, estimate(n, as, f.workers), f.workers)
		}
		if err := classroom.AnalyseRows(as, docs, rows, f.workers); err != nil {
			fmt.Fprintln(stderr, "longtail-grade: skill and luck:", err)
		}
	}

	if err := os.MkdirAll(f.out, 0o755); err != nil {
		fmt.Fprintln(stderr, "longtail-grade:", err)
		return exitFailure
	}
	if err := cli.WriteFile(outputs[0], classroom.Gradebook(rows)); err != nil {
		fmt.Fprintln(stderr, "longtail-grade:", err)
		return exitFailure
	}
	for i, a := range as {
		var mine []classroom.Row
		for _, r := range rows {
			if r.Sub != nil && (r.Sub.AssignmentHash == a.Hash() || len(as) == 1) {
				mine = append(mine, r)
			}
		}
		var fronts []classroom.Frontier
		if f.sweep > 0 {
			fronts, err = classroom.Sweep(a, docs, f.sweep, f.workers)
			if err != nil {
				fmt.Fprintln(stderr, "longtail-grade: sweep:", err)
			}
		}
		page, err := classroom.Debrief(a, docs, mine, fronts)
		if err == nil {
			err = cli.WriteFile(outputs[1+i], page)
		}
		if err != nil {
			fmt.Fprintln(stderr, "longtail-grade:", err)
			return exitFailure
		}
	}
	verified := 0
	for _, r := range rows {
		if r.Verified {
			verified++
		}
	}
	if f.json {
		report(stdout, as, rows, verified)
		summary(stderr, rows, verified, outputs)
	} else {
		table(stdout, rows)
		summary(stdout, rows, verified, outputs)
	}
	if verified < len(rows) {
		return exitUnverify
	}
	return exitOK
}

// Measured costs of the analysis on one core of the reference machine
// (BenchmarkVerifyExplain500: 500 students × 3 chapters verified and
// analysed in 38 s on 2 cores, 75 CPU-s): seconds per analysed chapter
// with one or two levers moved (six: about 0.11 s), and seconds
// to burn in one assignment chapter's 32 shared worlds.
const (
	secondsPerChapter = 0.05
	secondsPerWorlds  = 0.3
)

// analysable counts the finished chapters of verified rows.
func analysable(rows []classroom.Row) int {
	n := 0
	for _, r := range rows {
		if r.Verified {
			for _, p := range r.Play {
				if p.Complete {
					n++
				}
			}
		}
	}
	return n
}

// estimate is the analysis's expected wall time in seconds.
func estimate(chapters int, as []classroom.Assignment, workers int) float64 {
	worlds := 0
	for _, a := range as {
		worlds += len(a.Chapters)
	}
	return (float64(chapters)*secondsPerChapter + float64(worlds)*secondsPerWorlds) / float64(max(workers, 1))
}

// debriefName is debrief.html, or debrief-<hash>.html with several assignments.
func debriefName(a classroom.Assignment, n int) string {
	if n == 1 {
		return "debrief.html"
	}
	return "debrief-" + a.ShortHash() + ".html"
}

func table(w io.Writer, rows []classroom.Row) {
	for _, r := range rows {
		if r.Verified {
			fmt.Fprintf(w, "ok    %s  %s  score %.1f\n", r.File, r.Student.ID, r.Score)
			continue
		}
		who := r.Student.ID
		if who == "" {
			who = "-"
		}
		fmt.Fprintf(w, "FAIL  %s  %s\n", r.File, who)
		for _, reason := range r.Reasons {
			fmt.Fprintf(w, "        %s\n", reason)
		}
	}
}

func summary(w io.Writer, rows []classroom.Row, verified int, outputs []string) {
	fmt.Fprintf(w, "%d file(s): %d verified, %d not verified; wrote %s\n", len(rows), verified, len(rows)-verified, strings.Join(outputs, ", "))
}

// report prints the verdicts as one JSON document.
func report(w io.Writer, as []classroom.Assignment, rows []classroom.Row, verified int) {
	type assignment struct {
		Title string `json:"title"`
		Hash  string `json:"hash"`
	}
	doc := struct {
		Engine      string          `json:"engine"`
		Assignments []assignment    `json:"assignments"`
		Files       int             `json:"files"`
		Verified    int             `json:"verified"`
		Rows        []classroom.Row `json:"rows"`
	}{Engine: classroom.EngineVersion, Files: len(rows), Verified: verified, Rows: rows}
	for _, a := range as {
		doc.Assignments = append(doc.Assignments, assignment{a.Title, a.Hash()})
	}
	for i := range doc.Rows {
		if doc.Rows[i].Reasons == nil {
			doc.Rows[i].Reasons = []string{}
		}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.Encode(doc)
}

// check validates assignment files.
func check(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "-help" {
		fmt.Fprintln(stderr, "usage: longtail-grade check ASSIGNMENT.toml...")
		if len(args) > 0 {
			return exitOK
		}
		return exitUsage
	}
	docs, err := editions()
	if err != nil {
		fmt.Fprintln(stderr, "longtail-grade:", err)
		return exitFailure
	}
	status := exitOK
	for _, file := range args {
		data, err := readLimited(file, classroom.MaxAssignmentBytes)
		var a classroom.Assignment
		if err == nil {
			a, err = classroom.CheckAssignment(file, data, docs)
		}
		if err != nil {
			fmt.Fprintln(stderr, err)
			status = exitUsage
			continue
		}
		seeds := fmt.Sprintf("everyone plays seed %d", a.BaseSeed)
		if a.PerStudentSeed {
			seeds = fmt.Sprintf("each student's seed is derived from %d and their ID", a.BaseSeed)
		}
		fmt.Fprintf(stdout, "%s: ok: %q, chapters %v, hash %s; %s\n", file, a.Title, a.Numbers(), a.ShortHash(), seeds)
	}
	return status
}

// link prints the link parameter of an assignment.
func link(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("longtail-grade link", flag.ContinueOnError)
	fs.SetOutput(stderr)
	base := fs.String("base", "", "the game's address, e.g. https://example.edu/longtail/ (printed before ?a=)")
	pos, err := parseInterleaved(fs, args)
	if errors.Is(err, flag.ErrHelp) {
		return exitOK
	}
	if err != nil || len(pos) != 1 {
		fmt.Fprintln(stderr, "usage: longtail-grade link [-base URL] ASSIGNMENT.toml")
		return exitUsage
	}
	data, err := readLimited(pos[0], classroom.MaxAssignmentBytes)
	if err == nil {
		var docs []content.Document
		docs, err = editions()
		if err == nil {
			_, err = classroom.CheckAssignment(pos[0], data, docs)
		}
	}
	if err != nil {
		fmt.Fprintln(stderr, err)
		return exitUsage
	}
	param := classroom.EncodeLink(data)
	if len(param) > classroom.MaxLinkChars {
		fmt.Fprintf(stderr, "longtail-grade: the link would be %d characters (at most %d); remove comments or host the file and use ?assignment=URL\n", len(param), classroom.MaxLinkChars)
		return exitUsage
	}
	fmt.Fprintf(stdout, "%s?a=%s\n", *base, param)
	return exitOK
}
