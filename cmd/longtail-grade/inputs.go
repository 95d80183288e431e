package main

import (
	"archive/zip"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"

	"github.com/longtail-case/longtail/game/classroom"
)

// sources are the files named on the command line, sorted out.
type sources struct {
	inputs      []classroom.Input // submissions, in a stable order
	assignments []string          // .toml files found
	paths       []string          // every input file on disk, for the overwrite check
}

// gather reads submissions from files, directories and zip archives. A path
// that does not exist is an error; a file that cannot be read becomes an
// input with its error, so it gets a gradebook row.
func gather(args []string) (sources, error) {
	var src sources
	for _, arg := range args {
		info, err := os.Stat(arg)
		if err != nil {
			return sources{}, fmt.Errorf("%s: no such file or folder", arg)
		}
		if !info.IsDir() {
			src.add(arg, true)
			continue
		}
		var files []string
		err = filepath.WalkDir(arg, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				src.inputs = append(src.inputs, classroom.Input{File: p, Err: fmt.Errorf("cannot read: %w", err)})
				return nil
			}
			name := d.Name()
			if p != arg && (strings.HasPrefix(name, ".") || name == "__MACOSX") {
				if d.IsDir() {
					return filepath.SkipDir
				}
				return nil
			}
			if !d.IsDir() {
				files = append(files, p)
			}
			return nil
		})
		if err != nil {
			return sources{}, err
		}
		slices.Sort(files)
		for _, p := range files {
			src.add(p, false)
		}
	}
	return src, nil
}

// add sorts one file: .toml is an assignment, .zip an archive, .json a
// submission; anything else is a submission when named explicitly and
// ignored inside a folder.
func (src *sources) add(p string, explicit bool) {
	switch strings.ToLower(filepath.Ext(p)) {
	case ".toml":
		src.assignments = append(src.assignments, p)
		src.paths = append(src.paths, p)
	case ".zip":
		src.paths = append(src.paths, p)
		src.addZip(p)
	case ".json":
		src.paths = append(src.paths, p)
		data, err := readLimited(p, classroom.MaxSubmissionBytes)
		src.inputs = append(src.inputs, classroom.Input{File: p, Data: data, Err: err})
	default:
		if explicit {
			src.paths = append(src.paths, p)
			data, err := readLimited(p, classroom.MaxSubmissionBytes)
			src.inputs = append(src.inputs, classroom.Input{File: p, Data: data, Err: err})
		}
	}
}

// addZip adds the .json entries of a zip archive (an LMS bulk download).
func (src *sources) addZip(p string) {
	zr, err := zip.OpenReader(p)
	if err != nil {
		src.inputs = append(src.inputs, classroom.Input{File: p, Err: fmt.Errorf("cannot open the archive: %w", err)})
		return
	}
	defer zr.Close()
	var entries []*zip.File
	for _, f := range zr.File {
		base := path.Base(f.Name)
		if f.FileInfo().IsDir() || strings.HasPrefix(base, ".") || strings.Contains(f.Name, "__MACOSX") {
			continue
		}
		if strings.EqualFold(path.Ext(base), ".json") {
			entries = append(entries, f)
		}
	}
	slices.SortFunc(entries, func(a, b *zip.File) int { return strings.Compare(a.Name, b.Name) })
	for _, f := range entries {
		name := p + ":" + f.Name
		in := classroom.Input{File: name}
		if f.UncompressedSize64 > classroom.MaxSubmissionBytes {
			in.Err = fmt.Errorf("the file is %d bytes; a submission may be at most %d", f.UncompressedSize64, classroom.MaxSubmissionBytes)
		} else if rc, err := f.Open(); err != nil {
			in.Err = fmt.Errorf("cannot read from the archive: %w", err)
		} else {
			in.Data, in.Err = io.ReadAll(io.LimitReader(rc, classroom.MaxSubmissionBytes+1))
			rc.Close()
			if in.Err == nil && len(in.Data) > classroom.MaxSubmissionBytes {
				in.Err = fmt.Errorf("the file is larger than %d bytes", classroom.MaxSubmissionBytes)
			}
		}
		src.inputs = append(src.inputs, in)
	}
}

// readLimited reads a file of at most limit bytes; a larger file is an
// error that says so without reading it all.
func readLimited(p string, limit int64) ([]byte, error) {
	f, err := os.Open(p)
	if err != nil {
		return nil, fmt.Errorf("cannot read: %w", err)
	}
	defer f.Close()
	if info, err := f.Stat(); err == nil && info.Size() > limit {
		return nil, fmt.Errorf("%s: the file is %d bytes; at most %d are accepted", p, info.Size(), limit)
	}
	data, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, fmt.Errorf("cannot read: %w", err)
	}
	if int64(len(data)) > limit {
		return nil, fmt.Errorf("%s: the file is larger than %d bytes", p, limit)
	}
	return data, nil
}

// refuseOverwrite fails when an output path is one of the inputs.
func refuseOverwrite(outputs, inputs []string) error {
	for _, out := range outputs {
		oi, err := os.Stat(out)
		absOut, _ := filepath.Abs(out)
		for _, in := range inputs {
			absIn, _ := filepath.Abs(in)
			same := absIn == absOut
			if !same && err == nil {
				if ii, err := os.Stat(in); err == nil {
					same = os.SameFile(oi, ii)
				}
			}
			if same {
				return fmt.Errorf("refusing to write %s: it is one of the input files; choose another -o folder", out)
			}
		}
	}
	return nil
}
