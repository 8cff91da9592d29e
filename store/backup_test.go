package store_test

import (
	"bytes"
	"context"
	"errors"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/graphtest"
	"github.com/claimgraph/claimgraph/store"
)

// backupOf writes stories and a merge into a database, and returns its
// backup taken from a read-only opening with its graph and stats.
func backupOf(t *testing.T) ([]byte, graphtest.Dump, store.Stats) {
	t.Helper()
	ctx := context.Background()
	dir := t.TempDir()
	db, err := store.Open(dir, store.Options{MemTableSize: testMemTable})
	if err != nil {
		t.Fatal(err)
	}
	mustWrite(t, db, subsOf(vellStories())...)
	mustWrite(t, db, subsOf(harbourStories())...)
	if _, err := db.Merge(ctx, kamran, vell); err != nil {
		t.Fatal(err)
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	ro, err := store.Open(dir, store.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer ro.Close()
	var buf bytes.Buffer
	n, err := ro.Backup(ctx, &buf)
	if err != nil {
		t.Fatalf("Backup: %v", err)
	}
	if n != int64(buf.Len()) || n == 0 {
		t.Errorf("Backup says %d bytes, wrote %d", n, buf.Len())
	}
	return buf.Bytes(), graphtest.DumpOf(t, ro), stats(t, ro)
}

func TestRestoreOfABackupHoldsTheSameGraph(t *testing.T) {
	ctx := context.Background()
	data, want, wantStats := backupOf(t)
	for _, c := range []struct {
		name  string
		fill  bool // the database holds a graph before
		force bool
	}{
		{"restore into a new database", false, false},
		{"forced restore over a database holding a graph", true, true},
	} {
		t.Run(c.name, func(t *testing.T) {
			db := openTemp(t, store.Options{})
			if c.fill {
				mustWrite(t, db, graphtest.SubHarbour())
			}
			if err := db.Restore(ctx, bytes.NewReader(data), c.force); err != nil {
				t.Fatalf("Restore: %v", err)
			}
			mustBeClean(t, db)
			if got := graphtest.DumpOf(t, db); !reflect.DeepEqual(got, want) {
				t.Error("restored graph differs from the backed-up one")
			}
			if got := stats(t, db); !reflect.DeepEqual(got, wantStats) {
				t.Errorf("restored stats %+v, want %+v", got, wantStats)
			}
			// the merge decision came along, and writes go on
			later := newStory("After restore", `Vell said "The quay closes at night."`)
			later.entity(graph.Person, "Vell")
			mustWrite(t, db, later.sub)
			mustBeClean(t, db)
			if _, err := db.Node(ctx, vell); !errors.Is(err, graph.ErrNotFound) {
				t.Errorf("a write after restore ignored the merge (%v)", err)
			}
		})
	}
}

func TestRestoreRefusesAndChangesNothing(t *testing.T) {
	ctx := context.Background()
	data, _, _ := backupOf(t)
	other := append([]byte("claimgraph backup\n"), 99)
	for _, c := range []struct {
		name  string
		input []byte
		fill  bool
		is    error
		text  string
	}{
		{"a database that holds a graph", data, true, store.ErrNotEmpty, "not empty"},
		{"a file that is no backup", []byte("{\"type\":\"node\"}\n"), false, store.ErrNotBackup, "not a claimgraph backup"},
		{"an empty file", nil, false, store.ErrNotBackup, "not a claimgraph backup"},
		{"a backup of another schema version", other, false, nil, "schema version 99"},
	} {
		t.Run(c.name, func(t *testing.T) {
			db := openTemp(t, store.Options{})
			if c.fill {
				mustWrite(t, db, graphtest.SubHarbour())
			}
			before := graphtest.DumpOf(t, db)
			err := db.Restore(ctx, bytes.NewReader(c.input), false)
			if err == nil || (c.is != nil && !errors.Is(err, c.is)) || !strings.Contains(err.Error(), c.text) {
				t.Errorf("Restore = %v, want %v containing %q", err, c.is, c.text)
			}
			if !reflect.DeepEqual(graphtest.DumpOf(t, db), before) {
				t.Error("a refused restore changed the database")
			}
		})
	}
}

func TestBackupStopsWhenCancelled(t *testing.T) {
	db := openTemp(t, store.Options{})
	mustWrite(t, db, subsOf(harbourStories())...)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	var buf bytes.Buffer
	if _, err := db.Backup(ctx, &buf); !errors.Is(err, context.Canceled) {
		t.Errorf("Backup with a cancelled context = %v", err)
	}
}

func TestRestoreReplacingSwapsInTheWholeBackupOrNothing(t *testing.T) {
	ctx := context.Background()
	data, want, wantStats := backupOf(t)
	for _, c := range []struct {
		name   string
		backup []byte
		ok     bool
	}{
		{"a whole backup replaces the graph", data, true},
		{"a truncated backup changes nothing", data[:len(data)/2], false},
		{"what is not a backup changes nothing", []byte("{}\n"), false},
	} {
		t.Run(c.name, func(t *testing.T) {
			parent := t.TempDir()
			path := parent + "/db"
			db, err := store.Open(path, store.Options{MemTableSize: testMemTable})
			if err != nil {
				t.Fatal(err)
			}
			mustWrite(t, db, graphtest.SubQuiet())
			before := graphtest.DumpOf(t, db)
			if err := db.Close(); err != nil {
				t.Fatal(err)
			}
			st, err := store.RestoreReplacing(ctx, path, bytes.NewReader(c.backup), store.Options{MemTableSize: testMemTable})
			if (err == nil) != c.ok {
				t.Fatalf("RestoreReplacing: %v, want ok=%v", err, c.ok)
			}
			if c.ok && !reflect.DeepEqual(st, wantStats) {
				t.Errorf("stats %+v, want %+v", st, wantStats)
			}
			db, err = store.Open(path, store.Options{ReadOnly: true})
			if err != nil {
				t.Fatal(err)
			}
			defer db.Close()
			got, wantDump := graphtest.DumpOf(t, db), before
			if c.ok {
				wantDump = want
			}
			if !reflect.DeepEqual(got, wantDump) {
				t.Errorf("graph after RestoreReplacing is not the %s one", map[bool]string{true: "backup's", false: "old"}[c.ok])
			}
			if left, _ := filepath.Glob(path + ".restore-*"); len(left) > 0 {
				t.Errorf("left beside the database: %v", left)
			}
		})
	}
}
