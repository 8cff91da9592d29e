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
	return override(limit, def, "GOMEMLIMIT", debug.SetMemoryLimit)
}

// SetGCPercent sets the garbage collector's target percentage
// (runtime/debug.SetGCPercent) the same way: percent, or def when percent
// is 0 and $GOGC is not set; a negative percent leaves it alone. It
// returns a function that restores the previous one.
func SetGCPercent(percent, def int) (restore func()) {
	return override(percent, def, "GOGC", debug.SetGCPercent)
}

// override sets one of the runtime's knobs with apply, which returns the
// previous value: v, or def when v is 0 and $env is not set; a negative v
// leaves it alone.
func override[T int | int64](v, def T, env string, apply func(T) T) (restore func()) {
	if v < 0 || (v == 0 && os.Getenv(env) != "") {
		return func() {}
	}
	if v == 0 {
		v = def
	}
	prev := apply(v)
	return func() { apply(prev) }
}
