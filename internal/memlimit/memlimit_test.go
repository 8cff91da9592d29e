package memlimit

import (
	"runtime/debug"
	"testing"
)

// knob is one runtime setting as the tests drive it: the environment
// variable that overrides it, a neutral value to start from, and a way to
// read it.
type knob struct {
	env     string
	neutral int64
	set     func(v, def int64) func()
	get     func() int64
	put     func(int64)
}

var knobs = map[string]knob{
	"memory limit": {
		env: "GOMEMLIMIT", neutral: 1 << 40,
		set: Set,
		get: func() int64 { return debug.SetMemoryLimit(-1) },
		put: func(v int64) { debug.SetMemoryLimit(v) },
	},
	"GC percent": {
		env: "GOGC", neutral: 100,
		set: func(v, def int64) func() { return SetGCPercent(int(v), int(def)) },
		get: func() int64 {
			v := debug.SetGCPercent(-1)
			debug.SetGCPercent(v)
			return int64(v)
		},
		put: func(v int64) { debug.SetGCPercent(int(v)) },
	},
}

func TestSetAndRestore(t *testing.T) {
	tests := []struct {
		name   string
		env    string
		v, def int64
		want   int64 // the value while set; -1: unchanged
	}{
		{"explicit", "", 300, 700, 300},
		{"default", "", 0, 700, 700},
		{"environment rules over the default", "999", 0, 700, -1},
		{"explicit rules over the environment", "999", 300, 700, 300},
		{"negative leaves it alone", "", -1, 700, -1},
	}
	for kname, k := range knobs {
		for _, tt := range tests {
			t.Run(kname+"/"+tt.name, func(t *testing.T) {
				t.Setenv(k.env, tt.env)
				saved := k.get()
				defer k.put(saved)
				k.put(k.neutral)
				restore := k.set(tt.v, tt.def)
				during := k.get()
				restore()
				want := tt.want
				if want < 0 {
					want = k.neutral
				}
				if during != want {
					t.Errorf("%s while set = %d, want %d", kname, during, want)
				}
				if after := k.get(); after != k.neutral {
					t.Errorf("%s after restore = %d, want %d", kname, after, k.neutral)
				}
			})
		}
	}
}
