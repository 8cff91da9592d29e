package store

import (
	"context"
	"fmt"
	"reflect"
	"slices"
	"testing"

	"github.com/claimgraph/claimgraph/graph"
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
			closeAndCompare(t, s, db, plain)
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

// TestARepeatedClaimIsMergedWithoutARead writes articles, commits them
// (their claims leave the writer's cache), then new articles quoting the
// same claims: the session knows the stored claims absorbed them and
// reads none; articles whose claims differ (the direct flag flipped) are
// read and merged. Either way the graph is the one a plain write gives.
func TestARepeatedClaimIsMergedWithoutARead(t *testing.T) {
	ctx := context.Background()
	all := Synthetic(22)
	first, subs := all[:1], all[1:]
	again := make([]graph.Subgraph, 10)
	for i := range again {
		again[i] = reissued(subs[i], fmt.Sprintf("again %d", i))
	}
	flipped := reissued(subs[10], "flipped")
	for i, n := range flipped.Nodes {
		if n.Kind == graph.Claim {
			flipped.Nodes[i].Direct = !n.Direct
		}
	}
	plain := openSmall(t, Options{})
	if _, err := plain.Write(ctx, slices.Concat(all, again, []graph.Subgraph{flipped})); err != nil {
		t.Fatal(err)
	}
	db := openSmall(t, Options{})
	if _, err := db.Write(ctx, first); err != nil { // not empty: no absent filter
		t.Fatal(err)
	}
	s, err := db.BeginWrites()
	if err != nil {
		t.Fatal(err)
	}
	reads := func(subs ...graph.Subgraph) int {
		t.Helper()
		before := s.w.reads
		st, err := s.Write(ctx, subs)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := s.Flush(); err != nil {
			t.Fatal(err)
		}
		if st.Articles != len(subs) {
			t.Errorf("%d new articles; want %d", st.Articles, len(subs))
		}
		return s.w.reads - before - len(subs) // each new article is read once
	}
	reads(subs...)
	if n := reads(again...); n != 0 {
		t.Errorf("%d point reads of nodes for articles repeating committed claims; want none", n)
	}
	if n := reads(flipped); n == 0 {
		t.Error("claims that differ from the stored ones were merged without reading them")
	}
	closeAndCompare(t, s, db, plain)
}

// closeAndCompare closes s, a session of db, and fails unless db holds the
// graph plain holds and passes Check.
func closeAndCompare(t *testing.T, s *Session, db, plain *DB) {
	t.Helper()
	if _, err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(graphtest.DumpOf(t, db), graphtest.DumpOf(t, plain)) {
		t.Errorf("a different graph")
	}
	if rep, err := db.Check(context.Background()); err != nil || !rep.OK() {
		t.Errorf("Check: %v\n%s", err, rep.String())
	}
}

// reissued returns sub as another article whose text begins with first:
// same claims, same entities, a new article ID.
func reissued(sub graph.Subgraph, first string) graph.Subgraph {
	old := sub.Article
	out := graph.Subgraph{Nodes: slices.Clone(sub.Nodes), Edges: slices.Clone(sub.Edges)}
	var id string
	for i, n := range out.Nodes {
		if n.ID == old {
			n.Text = first + n.Text[len(first):]
			n.Source = "again/" + n.Source
			id = graph.ArticleID([]byte(n.Text))
			n.ID = id
			out.Nodes[i] = n
		}
	}
	out.Article = id
	for i, e := range out.Edges {
		for _, f := range []*string{&e.From, &e.To, &e.Article} {
			if *f == old {
				*f = id
			}
		}
		out.Edges[i] = e
	}
	return out
}
