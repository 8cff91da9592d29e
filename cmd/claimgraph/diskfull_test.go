//go:build linux

package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestFullDiskIsAnErrorNotACrash ingests onto a tiny tmpfs (mounting needs
// root, as in CI): the command must fail with a message naming the path
// and the free space, create no database, and never crash with SIGBUS
// (badger maps its memtables into memory).
func TestFullDiskIsAnErrorNotACrash(t *testing.T) {
	dir := t.TempDir()
	if out, err := exec.Command("mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", dir).CombinedOutput(); err != nil {
		t.Skipf("cannot mount a tmpfs here (needs root): %v %s", err, out)
	}
	t.Cleanup(func() { _ = exec.Command("umount", dir).Run() })
	t.Chdir("../..")
	db := filepath.Join(dir, "db")
	out, code := runCLI("--db", db, "ingest", "testdata/articles")
	if code != 1 {
		t.Fatalf("ingest on a full disk exited %d, want 1: %s", code, out)
	}
	if !strings.Contains(out, "not enough free disk space at "+db) || strings.Contains(out, "panic") {
		t.Errorf("unclear error: %s", out)
	}
	if _, err := os.Stat(db); err == nil {
		t.Error("a refused ingest created the database")
	}
}
