//go:build linux

package store

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"github.com/claimgraph/claimgraph/graph"
)

func TestPagingOutTablesKeepsEveryRecordReadable(t *testing.T) {
	ctx := context.Background()
	db, err := Open(t.TempDir(), Options{MemTableSize: 1 << 20})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	s := newSynth(7)
	for range 4 {
		subs := make([]graph.Subgraph, 100)
		for i := range subs {
			subs[i] = s.article()
		}
		if _, err := db.Write(ctx, subs); err != nil {
			t.Fatal(err)
		}
	}
	if err := db.bdb.Flatten(1); err != nil { // tables on disk, mapped
		t.Fatal(err)
	}
	tables, _ := filepath.Glob(filepath.Join(db.trim.dir, "*.sst"))
	if len(tables) == 0 {
		t.Fatal("no table files to page out")
	}
	n, err := pageOutTables(db.trim.dir)
	if err != nil || n == 0 {
		t.Fatalf("pageOutTables = %d, %v; want the mapped tables advised", n, err)
	}
	rep, err := db.Check(ctx)
	if err != nil || !rep.OK() {
		t.Fatalf("check after paging out: %v\n%s", err, rep.String())
	}
}

func TestTheTrimmerRunsAtMostOncePerInterval(t *testing.T) {
	tr := newTableTrimmer(t.TempDir(), time.Hour)
	tr.maybe()
	first := tr.last
	tr.maybe()
	if first.IsZero() || tr.last != first {
		t.Errorf("last run %v then %v; want one run within the interval", first, tr.last)
	}
	var none *tableTrimmer
	none.maybe() // a read-only DB has none
}
