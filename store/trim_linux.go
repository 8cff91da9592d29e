//go:build linux

package store

import (
	"bufio"
	"fmt"
	"os"
	"strconv"
	"strings"

	"golang.org/x/sys/unix"
)

// releaseMapped drops the pages of the files under dir that badger maps
// into this process (its tables, .sst, and its memtables' logs, .mem) from
// the process's page tables with madvise(MADV_DONTNEED), and returns the
// bytes of the ranges it advised. Badger maps every table file (badger v4
// has no file I/O mode), and the pages a compaction or a read touches, or
// a table builder writes, stay in the resident set: at 100,000 generated
// articles a third of an ingest's peak RSS was table pages. The mappings
// are shared file mappings, so the advice loses nothing: the pages stay
// in the kernel's page cache (dirty ones are written back as usual), and
// touching one again maps it back with a minor fault, not a disk read.
// (MADV_PAGEOUT, used before, also evicted them from the page cache, so
// that a compaction read them from disk again.) A range unmapped or
// reused since /proc/self/maps was read is at worst a wasted call: on a
// shared file mapping the advice never changes data.
func releaseMapped(dir string) (int64, error) {
	f, err := os.Open("/proc/self/maps")
	if err != nil {
		return 0, err
	}
	defer f.Close()
	var n int64
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if !badgerMapped(line) || !strings.Contains(line, " "+dir+"/") {
			continue
		}
		lo, hi, ok := mapRange(line)
		if !ok {
			continue
		}
		// errors (a range unmapped meanwhile) leave nothing to undo
		_, _, _ = unix.Syscall(unix.SYS_MADVISE, lo, hi-lo, unix.MADV_DONTNEED)
		n += int64(hi - lo)
	}
	if err := sc.Err(); err != nil {
		return n, fmt.Errorf("read /proc/self/maps: %w", err)
	}
	return n, nil
}

// mapRange parses the "start-end" addresses that begin a line of
// /proc/self/maps.
func mapRange(line string) (lo, hi uintptr, ok bool) {
	r, _, _ := strings.Cut(line, " ")
	a, b, found := strings.Cut(r, "-")
	if !found {
		return 0, 0, false
	}
	x, err1 := strconv.ParseUint(a, 16, 64)
	y, err2 := strconv.ParseUint(b, 16, 64)
	if err1 != nil || err2 != nil || y <= x {
		return 0, 0, false
	}
	return uintptr(x), uintptr(y), true
}

// badgerMapped reports whether a line of /proc/self/maps maps one of
// badger's table or memtable log files.
func badgerMapped(line string) bool {
	return strings.HasSuffix(line, ".sst") || strings.HasSuffix(line, ".mem")
}
