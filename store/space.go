package store

import (
	"errors"
	"fmt"
)

// ErrDiskFull is wrapped by the error of a write refused for lack of free
// disk space.
var ErrDiskFull = errors.New("not enough free disk space")

// minFree is the free space a write needs on the database's file system:
// badger maps its memtables into memory, and a disk that fills up under a
// mapped file stops the process with SIGBUS instead of returning an error.
// So writes are refused, with a clear error, before that can happen.
func minFree(memTable int64) uint64 { return uint64(3*memTable + 16<<20) }

// checkSpace fails when the file system holding path has less than need
// bytes free. Where free space cannot be read, it passes.
func checkSpace(path string, need uint64) error {
	free, ok := freeBytes(path)
	if !ok || free >= need {
		return nil
	}
	return fmt.Errorf("%w at %s: %.1f MB free, writes need at least %.1f MB (free some space and run the same command again)",
		ErrDiskFull, path, float64(free)/1e6, float64(need)/1e6)
}
