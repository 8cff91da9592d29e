//go:build unix

package store

import (
	"os"
	"path/filepath"

	"golang.org/x/sys/unix"
)

// freeBytes returns the bytes available to this user on the file system of
// path (or of its nearest existing parent).
func freeBytes(path string) (uint64, bool) {
	p := path
	for {
		if _, err := os.Stat(p); err == nil {
			break
		}
		parent := filepath.Dir(p)
		if parent == p {
			return 0, false
		}
		p = parent
	}
	var st unix.Statfs_t
	if err := unix.Statfs(p, &st); err != nil {
		return 0, false
	}
	return st.Bavail * uint64(st.Bsize), true
}
