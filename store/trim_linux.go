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

// pageOutTables asks the kernel to reclaim the pages of the table files
// under dir that are mapped into this process (madvise MADV_PAGEOUT), and
// returns the bytes of the ranges it advised. Badger maps every table
// file (badger v4 has no file I/O mode), and the pages a compaction or a
// point read touches stay in the process's resident set, so that a long
// ingest's RSS grows with the database: at 250,000 articles about 1 GB of
// it was table pages. The advice is a hint that never changes data: table
// files are written once and then only read, a page is reclaimed only when
// no other process maps it, and an address range that has been unmapped
// (or reused) since /proc/self/maps was read is at worst a wasted call.
func pageOutTables(dir string) (int64, error) {
	f, err := os.Open("/proc/self/maps")
	if err != nil {
		return 0, err
	}
	defer f.Close()
	var n int64
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if !strings.HasSuffix(line, ".sst") || !strings.Contains(line, " "+dir+"/") {
			continue
		}
		lo, hi, ok := mapRange(line)
		if !ok {
			continue
		}
		// errors (a range unmapped meanwhile) leave nothing to undo
		_, _, _ = unix.Syscall(unix.SYS_MADVISE, lo, hi-lo, unix.MADV_PAGEOUT)
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
