//go:build !linux

package layout

import "time"

// cpuTime reports that CPU time is not available here; the frame budget
// is then checked against wall time.
func cpuTime() (time.Duration, bool) { return 0, false }
