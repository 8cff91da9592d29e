package store

import (
	"context"
	"reflect"
	"testing"

	"github.com/claimgraph/claimgraph/graph/graphtest"
)

// TestCompactMergesLevelZero: writes leave up to 40 tables in level 0,
// which badger's Flatten leaves alone when no other level holds data; a
// database opened with Options.Compacting has them merged by Compact,
// with the graph unchanged, into compressed tables (writes leave them
// uncompressed).
func TestCompactMergesLevelZero(t *testing.T) {
	ctx := context.Background()
	for _, c := range []struct {
		name       string
		compacting bool
		wantMerged bool
	}{
		{"opened for compaction: level 0 is merged", true, true},
		{"opened for writes: level 0 stays", false, false},
	} {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			db, err := Open(dir, Options{MemTableSize: 1 << 20})
			if err != nil {
				t.Fatal(err)
			}
			for i := 0; i < 4; i++ { // flushed memtables: several level-0 tables
				if _, err := db.Write(ctx, Synthetic(40 * (i + 1))[40*i:]); err != nil {
					t.Fatal(err)
				}
			}
			want := graphtest.DumpOf(t, db)
			if err := db.Close(); err != nil {
				t.Fatal(err)
			}
			db, err = Open(dir, Options{MemTableSize: 1 << 20, Compacting: c.compacting})
			if err != nil {
				t.Fatal(err)
			}
			defer db.Close()
			before := db.bdb.Levels()[0].NumTables
			if before < 2 {
				t.Fatalf("level 0 holds %d tables before Compact, want several", before)
			}
			if n := compressedTables(db); n != 0 {
				t.Errorf("%d tables written by an ingest are compressed, want none", n)
			}
			if err := db.Compact(ctx); err != nil {
				t.Fatal(err)
			}
			after := db.bdb.Levels()[0].NumTables
			if merged := after < before; merged != c.wantMerged {
				t.Errorf("level 0: %d tables before Compact, %d after", before, after)
			}
			if c.wantMerged && compressedTables(db) != len(db.bdb.Tables()) {
				t.Errorf("%d of %d tables compressed after Compact, want all", compressedTables(db), len(db.bdb.Tables()))
			}
			if !reflect.DeepEqual(graphtest.DumpOf(t, db), want) {
				t.Errorf("Compact changed the graph")
			}
		})
	}
}

// compressedTables counts the tables smaller on disk than their contents.
func compressedTables(db *DB) int {
	n := 0
	for _, t := range db.bdb.Tables() {
		if t.OnDiskSize < t.UncompressedSize {
			n++
		}
	}
	return n
}
