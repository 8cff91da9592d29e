package ingest

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

// TestReadAtMostReadsToTheEndOrTheLimit: whatever the file's size
// against its buffer's, readAtMost returns the file, or its first limit
// bytes, and no more.
func TestReadAtMostReadsToTheEndOrTheLimit(t *testing.T) {
	dir := t.TempDir()
	for _, tc := range []struct {
		size  int
		limit int64
	}{
		{0, 10}, {1, 10}, {9, 10}, {10, 10}, {11, 10}, {4080, 1 << 20},
		{4080, 4080}, {4080, 4081}, {4080, 100}, {70000, 1 << 20},
	} {
		content := bytes.Repeat([]byte("abcdefg"), tc.size/7+1)[:tc.size]
		path := filepath.Join(dir, fmt.Sprintf("%d-%d.txt", tc.size, tc.limit))
		if err := os.WriteFile(path, content, 0o600); err != nil {
			t.Fatal(err)
		}
		f, err := os.Open(path)
		if err != nil {
			t.Fatal(err)
		}
		got, err := readAtMost(f, tc.limit)
		f.Close()
		want := content[:min(int64(tc.size), tc.limit)]
		if err != nil || !bytes.Equal(got, want) {
			t.Errorf("size %d, limit %d: read %d bytes (%v), want %d", tc.size, tc.limit, len(got), err, len(want))
		}
	}
}
