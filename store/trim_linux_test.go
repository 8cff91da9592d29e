//go:build linux

package store

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"github.com/claimgraph/claimgraph/graph"
)

func TestReleasingMappedPagesKeepsEveryRecordReadable(t *testing.T) {
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
		t.Fatal("no table files to release")
	}
	n, err := releaseMapped(db.trim.dir)
	if err != nil || n == 0 {
		t.Fatalf("releaseMapped = %d, %v; want the mapped tables advised", n, err)
	}
	rep, err := db.Check(ctx)
	if err != nil || !rep.OK() {
		t.Fatalf("check after releasing: %v\n%s", err, rep.String())
	}
}

func TestTheTrimmerReleasesUntilStopped(t *testing.T) {
	tr := newTableTrimmer(t.TempDir())
	stop := tr.every(time.Millisecond)
	deadline := time.Now().Add(10 * time.Second)
	for tr.runs.Load() < 2 && time.Now().Before(deadline) {
		time.Sleep(time.Millisecond)
	}
	stop()
	n := tr.runs.Load()
	if n < 2 {
		t.Fatalf("%d releases in 10 s at a 1 ms interval; want at least 2", n)
	}
	time.Sleep(20 * time.Millisecond)
	if m := tr.runs.Load(); m != n {
		t.Errorf("%d releases after stop returned (%d before); want none", m-n, n)
	}
	var none *tableTrimmer
	none.every(time.Millisecond)() // a read-only DB has none
}

func TestASessionReleasesMappedPagesWhileOpen(t *testing.T) {
	db, err := Open(t.TempDir(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	s, err := db.BeginWrites()
	if err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(10 * time.Second)
	for db.trim.runs.Load() == 0 && time.Now().Before(deadline) {
		time.Sleep(time.Millisecond)
	}
	if _, err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if db.trim.runs.Load() == 0 {
		t.Fatal("an open session never released the mapped pages")
	}
}
