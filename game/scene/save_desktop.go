//go:build !js

package scene

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// fileStore keeps the save in dir/save.json (dir is
// os.UserConfigDir()/longtail by default).
type fileStore struct {
	dir string
	err error // why the directory is unusable, nil when fine
}

// NewSaveStore returns the platform's store; dir overrides the directory
// (tests), "" means the user's config directory.
func NewSaveStore(dir string) SaveStore {
	if dir == "" {
		base, err := os.UserConfigDir()
		if err != nil {
			return &fileStore{err: err}
		}
		dir = filepath.Join(base, "longtail")
	}
	return &fileStore{dir: dir}
}

func (f *fileStore) path() string    { return filepath.Join(f.dir, "save.json") }
func (f *fileStore) Where() string   { return f.path() }
func (f *fileStore) Available() bool { return f.err == nil }

func (f *fileStore) Load() ([]byte, error) {
	data, err := os.ReadFile(f.path())
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	return data, err
}

// Store writes to a temporary file in the same directory and renames it
// over the save, so a crash never leaves half a save.
func (f *fileStore) Store(data []byte) error {
	if err := os.MkdirAll(f.dir, 0o755); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(f.dir, "save-*.tmp")
	if err != nil {
		return err
	}
	_, werr := tmp.Write(data)
	serr := tmp.Sync()
	cerr := tmp.Close()
	if err := errors.Join(werr, serr, cerr); err != nil {
		os.Remove(tmp.Name())
		return err
	}
	if err := os.Rename(tmp.Name(), f.path()); err != nil {
		os.Remove(tmp.Name())
		return err
	}
	return nil
}

// MoveAside renames the save to save.json.corrupt-<n> with the first free n.
func (f *fileStore) MoveAside() (string, error) {
	for n := 1; n < 1000; n++ {
		p := fmt.Sprintf("%s.corrupt-%d", f.path(), n)
		if _, err := os.Stat(p); errors.Is(err, fs.ErrNotExist) {
			return p, os.Rename(f.path(), p)
		}
	}
	return "", errors.New("game: too many corrupt saves")
}

// systemReducedMotion reports the system's reduced-motion preference; the
// desktop has no portable way to ask, so it is false.
func systemReducedMotion() bool { return false }
