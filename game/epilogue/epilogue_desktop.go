//go:build !js

package epilogue

import (
	"fmt"
	"os"
	"path/filepath"
)

// exportFile writes data (the submission, or its series; mime is for the
// browser) into dir, or by default the user's
// Documents folder (the config folder when there is none), and returns the
// path written. An existing file of the same name is kept: a number is
// added instead.
func exportFile(dir, name, _ string, data []byte) (string, error) {
	if home, err := os.UserHomeDir(); err == nil && dir == "" {
		if st, err := os.Stat(filepath.Join(home, "Documents")); err == nil && st.IsDir() {
			dir = filepath.Join(home, "Documents")
		}
	}
	if dir == "" {
		base, err := os.UserConfigDir()
		if err != nil {
			return "", err
		}
		dir = filepath.Join(base, "longtail")
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return "", err
		}
	}
	ext := filepath.Ext(name)
	stem := name[:len(name)-len(ext)]
	p := filepath.Join(dir, name)
	for n := 2; ; n++ {
		f, err := os.OpenFile(p, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
		if os.IsExist(err) && n < 1000 {
			p = filepath.Join(dir, fmt.Sprintf("%s-%d%s", stem, n, ext))
			continue
		}
		if err != nil {
			return "", err
		}
		_, werr := f.Write(data)
		if cerr := f.Close(); werr == nil {
			werr = cerr
		}
		return p, werr
	}
}
