package store

import (
	"errors"
	"math"
	"path/filepath"
	"strings"
	"testing"
)

func TestCheckSpaceRefusesWritesOnAFullDisk(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "not-yet-created", "db")
	if err := checkSpace(dir, 0); err != nil {
		t.Fatalf("needing nothing: %v", err)
	}
	err := checkSpace(dir, math.MaxUint64)
	if !errors.Is(err, ErrDiskFull) {
		t.Fatalf("needing everything: err = %v, want ErrDiskFull", err)
	}
	if !strings.Contains(err.Error(), dir) || !strings.Contains(err.Error(), "MB free") {
		t.Errorf("message %q should name the path and the free space", err)
	}
}

func TestMinFreeCoversTheMappedMemtables(t *testing.T) {
	if got := minFree(32 << 20); got < 3*32<<20 {
		t.Errorf("minFree(32 MB) = %d, want at least three memtables", got)
	}
}
