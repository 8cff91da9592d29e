package store

import (
	"path/filepath"
	"sync"
	"time"
)

// tableTrimmer pages the database's mapped table files out of the
// process's memory (pageOutTables) at most once per interval, during
// writes: what an ingest keeps resident is then its own heap, badger's
// memtables and caches, and the tables touched since the last call, not
// every table compaction has read.
type tableTrimmer struct {
	dir      string // the database directory, absolute, symbolic links resolved
	interval time.Duration
	mu       sync.Mutex
	last     time.Time
}

// trimInterval is how often a writing DB pages its tables out.
const trimInterval = time.Second

func newTableTrimmer(path string, interval time.Duration) *tableTrimmer {
	dir, err := filepath.Abs(path)
	if err == nil {
		if real, err := filepath.EvalSymlinks(dir); err == nil {
			dir = real
		}
	}
	return &tableTrimmer{dir: dir, interval: interval}
}

// maybe pages the tables out if the interval has passed since it last did.
func (t *tableTrimmer) maybe() {
	if t == nil {
		return
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	if now := time.Now(); now.Sub(t.last) >= t.interval {
		t.last = now
		_, _ = pageOutTables(t.dir) // a hint: failing to give it changes nothing
	}
}
