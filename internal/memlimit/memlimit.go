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
