//go:build linux

package layout

import (
	"syscall"
	"time"
)

// cpuTime returns the CPU time the process has used, so the frame budget
// is checked against work done rather than wall time on a busy machine.
func cpuTime() (time.Duration, bool) {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0, false
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano()), true
}
