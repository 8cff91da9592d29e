package store

import (
	"path/filepath"
	"sync/atomic"
	"time"
)

// tableTrimmer releases the pages of the database's mapped files from the
// process's resident set (releaseMapped) every interval while a write
// session or a compaction runs: what a long ingest keeps resident is then
// its own heap, badger's memtables and caches, and the pages touched since
// the last release, not every table compaction has read or written.
type tableTrimmer struct {
	dir  string       // the database directory, absolute, symbolic links resolved
	runs atomic.Int64 // releases so far (tests)
}

// writeTrimInterval is how often a write session releases mapped pages,
// compactTrimInterval how often Compact does. Releasing costs a read of
// /proc/self/maps and an madvise call per mapped file; a page touched
// again comes back from the page cache with a minor fault.
const (
	writeTrimInterval   = 100 * time.Millisecond
	compactTrimInterval = 100 * time.Millisecond
)

func newTableTrimmer(path string) *tableTrimmer {
	dir, err := filepath.Abs(path)
	if err == nil {
		if real, err := filepath.EvalSymlinks(dir); err == nil {
			dir = real
		}
	}
	return &tableTrimmer{dir: dir}
}

// release releases the mapped pages once.
func (t *tableTrimmer) release() {
	t.runs.Add(1)
	_, _ = releaseMapped(t.dir) // a hint: failing to give it changes nothing
}

// every releases the mapped pages every interval until the returned
// function is called; that function waits for a release in progress. A
// nil trimmer (a read-only DB) does nothing.
func (t *tableTrimmer) every(interval time.Duration) (stop func()) {
	if t == nil {
		return func() {}
	}
	done := make(chan struct{})
	finished := make(chan struct{})
	go func() {
		defer close(finished)
		tick := time.NewTicker(interval)
		defer tick.Stop()
		for {
			select {
			case <-done:
				return
			case <-tick.C:
				t.release()
			}
		}
	}()
	return func() {
		close(done)
		<-finished
	}
}
