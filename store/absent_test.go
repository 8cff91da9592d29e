package store

import (
	"context"
	"fmt"
	"reflect"
	"testing"

	"github.com/claimgraph/claimgraph/graph/graphtest"
)

func TestAbsentFilter(t *testing.T) {
	f := newAbsentFilter()
	if !f.absent("claim/0123456789abcdef") {
		t.Fatal("an empty filter holds an ID")
	}
	const n = 200_000
	for i := 0; i < n; i++ {
		f.add(fmt.Sprintf("claim/%016x", i))
	}
	for i := 0; i < n; i++ {
		if id := fmt.Sprintf("claim/%016x", i); f.absent(id) {
			t.Fatalf("%s was added but is reported absent", id)
		}
	}
	fp := 0
	for i := n; i < 2*n; i++ {
		if !f.absent(fmt.Sprintf("claim/%016x", i)) {
			fp++
		}
	}
	// 200,000 IDs in 64 Mbit with 4 probes: about 1e-6 expected
	if fp > n/1000 {
		t.Errorf("%d of %d IDs never added are reported present", fp, n)
	}
}

// TestAFreshSessionSeesWhatItWrote writes articles into an empty database
// and, in the same session after they are committed and have left the
// writer's cache, writes them again: the session must find them stored
// (it skips the point reads of nodes it never saw, see absentFilter).
func TestAFreshSessionSeesWhatItWrote(t *testing.T) {
	subs := Synthetic(120)
	ctx := context.Background()
	plain := openSmall(t, Options{MemTableSize: 64 << 20})
	if _, err := plain.Write(ctx, subs); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name  string
		setup func(db *DB)
	}{
		{"articles and claims evicted after commit", func(db *DB) {}},
		{"the node cache trimmed between transactions", func(db *DB) { db.cacheMax = 40; db.maxBytes = 30_000 }},
	} {
		t.Run(c.name, func(t *testing.T) {
			db := openSmall(t, Options{})
			c.setup(db)
			s, err := db.BeginWrites()
			if err != nil {
				t.Fatal(err)
			}
			if s.w.absent == nil {
				t.Fatal("a session on an empty database has no absent filter")
			}
			if _, err := s.Write(ctx, subs[:80]); err != nil {
				t.Fatal(err)
			}
			if _, err := s.Flush(); err != nil {
				t.Fatal(err)
			}
			again, err := s.Write(ctx, subs)
			if err != nil {
				t.Fatal(err)
			}
			if again.Unchanged != 80 || again.Articles != 40 {
				t.Errorf("second write: %d unchanged, %d new articles; want 80 and 40", again.Unchanged, again.Articles)
			}
			if _, err := s.Close(); err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(graphtest.DumpOf(t, db), graphtest.DumpOf(t, plain)) {
				t.Errorf("a different graph")
			}
			if rep, err := db.Check(ctx); err != nil || !rep.OK() {
				t.Errorf("Check: %v\n%s", err, rep.String())
			}
		})
	}
}

func TestASessionOnAStoredDatabaseReadsNodes(t *testing.T) {
	db := openSmall(t, Options{})
	if _, err := db.Write(context.Background(), Synthetic(2)); err != nil {
		t.Fatal(err)
	}
	s, err := db.BeginWrites()
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if s.w.absent != nil {
		t.Error("a session on a database with nodes skips point reads")
	}
}
