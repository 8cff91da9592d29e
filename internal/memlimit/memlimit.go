package memlimit

import (
	"os"
	"runtime/debug"
)

// Set sets the runtime's soft memory limit (runtime/debug.SetMemoryLimit)
// to limit bytes and returns a function that restores the previous one.
// With limit 0 it sets def, unless $GOMEMLIMIT is set, which then rules;
// a negative limit leaves the limit alone.
func Set(limit, def int64) (restore func()) {
	if limit < 0 || (limit == 0 && os.Getenv("GOMEMLIMIT") != "") {
		return func() {}
	}
	if limit == 0 {
		limit = def
	}
	prev := debug.SetMemoryLimit(limit)
	return func() { debug.SetMemoryLimit(prev) }
}

// SetGCPercent sets the garbage collector's target percentage
// (runtime/debug.SetGCPercent) the same way: percent, or def when percent
// is 0 and $GOGC is not set; a negative percent leaves it alone. It
// returns a function that restores the previous one.
func SetGCPercent(percent, def int) (restore func()) {
	if percent < 0 || (percent == 0 && os.Getenv("GOGC") != "") {
		return func() {}
	}
	if percent == 0 {
		percent = def
	}
	prev := debug.SetGCPercent(percent)
	return func() { debug.SetGCPercent(prev) }
}
