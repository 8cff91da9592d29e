package memlimit

import (
	"runtime/debug"
	"testing"
)

func TestSet(t *testing.T) {
	tests := []struct {
		name       string
		env        string
		limit, def int64
		want       int64 // the limit while set; -1: unchanged
	}{
		{"explicit", "", 300 << 20, 700 << 20, 300 << 20},
		{"default", "", 0, 700 << 20, 700 << 20},
		{"environment rules over the default", "1GiB", 0, 700 << 20, -1},
		{"explicit rules over the environment", "1GiB", 300 << 20, 700 << 20, 300 << 20},
		{"negative leaves it alone", "", -1, 700 << 20, -1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Setenv("GOMEMLIMIT", tt.env)
			before := debug.SetMemoryLimit(-1)
			restore := Set(tt.limit, tt.def)
			during := debug.SetMemoryLimit(-1)
			restore()
			after := debug.SetMemoryLimit(-1)
			want := tt.want
			if want < 0 {
				want = before
			}
			if during != want {
				t.Errorf("limit while set = %d, want %d", during, want)
			}
			if after != before {
				t.Errorf("limit after restore = %d, want %d", after, before)
			}
		})
	}
}

func TestSetGCPercent(t *testing.T) {
	tests := []struct {
		name         string
		env          string
		percent, def int
		want         int // the target while set; -1: unchanged
	}{
		{"explicit", "", 150, 200, 150},
		{"default", "", 0, 200, 200},
		{"environment rules over the default", "300", 0, 200, -1},
		{"explicit rules over the environment", "300", 150, 200, 150},
		{"negative leaves it alone", "", -1, 200, -1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Setenv("GOGC", tt.env)
			before := debug.SetGCPercent(100)
			defer debug.SetGCPercent(before)
			restore := SetGCPercent(tt.percent, tt.def)
			during := debug.SetGCPercent(-1)
			debug.SetGCPercent(during)
			restore()
			after := debug.SetGCPercent(100)
			want := tt.want
			if want < 0 {
				want = 100
			}
			if during != want {
				t.Errorf("target while set = %d, want %d", during, want)
			}
			if after != 100 {
				t.Errorf("target after restore = %d, want 100", after)
			}
		})
	}
}
