package ingest_test

import (
	"context"
	"fmt"
	"runtime/debug"
	"sync/atomic"
	"testing"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/extract"
	"github.com/claimgraph/claimgraph/graph/graphtest"
	"github.com/claimgraph/claimgraph/internal/ingest"
)

const corpusSize = 40

func TestRunIsDeterministic(t *testing.T) {
	dir := corpus(t, corpusSize)
	var want graphtest.Dump
	for i, o := range []ingest.Options{
		{Workers: 1, BatchArticles: 1},
		{Workers: 1, BatchArticles: 256},
		{Workers: 4, BatchArticles: 1},
		{Workers: 4, BatchArticles: 256},
		{Workers: 3, BatchArticles: 7},
	} {
		t.Run(fmt.Sprintf("%d workers in batches of %d", o.Workers, o.BatchArticles), func(t *testing.T) {
			db := openStore(t)
			sum := run(t, db, []string{dir}, o)
			if sum.New != corpusSize || sum.Failed != 0 {
				t.Fatalf("summary %+v, want %d new articles", sum, corpusSize)
			}
			got := dump(t, db)
			if i == 0 {
				want = got
				return
			}
			sameDump(t, "store", got, want)
		})
	}
}

func TestRunReportsProgressAfterEachBatch(t *testing.T) {
	dir := corpus(t, 12)
	var seen []ingest.Progress
	sum := run(t, openStore(t), []string{dir}, ingest.Options{BatchArticles: 1,
		Progress: func(p ingest.Progress) { seen = append(seen, p) }})
	if len(seen) == 0 {
		t.Fatal("Progress was never called")
	}
	for i, p := range seen {
		if p.FilesTotal != sum.Files || p.Files > p.FilesTotal ||
			(i > 0 && (p.Files < seen[i-1].Files || p.Articles < seen[i-1].Articles)) {
			t.Errorf("progress %d: %+v after %+v", i, p, seen[max(i-1, 0)])
		}
	}
	if last := seen[len(seen)-1]; last.Files != sum.Files || last.Articles != sum.New {
		t.Errorf("last progress %+v, want %d files and %d articles", last, sum.Files, sum.New)
	}
}

func TestRunStopsCleanlyWhenCancelled(t *testing.T) {
	dir := corpus(t, corpusSize)
	full := openStore(t)
	run(t, full, []string{dir}, ingest.Options{})
	want := dump(t, full)

	tests := []struct {
		name    string
		batches int   // cancel after this many committed batches
		lookups int32 // or when the sink is asked about this many articles
	}{
		{name: "before the run starts"},
		{name: "after the first batch", batches: 1},
		{name: "after three batches", batches: 3},
		{name: "after eight batches", batches: 8},
		{name: "while the fifth article is extracted", lookups: 5},
		{name: "while the seventeenth article is extracted", lookups: 17},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			if tt.batches == 0 && tt.lookups == 0 {
				cancel()
			}
			db := openStore(t)
			// a store commits through a write session, which answers the
			// lookups itself; the cancelling sink hides that and commits
			// each batch with the store's Write
			var sink ingest.Sink = db
			if tt.lookups > 0 {
				sink = &cancellingSink{Sink: db, at: tt.lookups, cancel: cancel}
			}
			batches := 0
			sum, err := ingest.Run(ctx, sink, []string{dir}, ingest.Options{Workers: 2, BatchArticles: 2,
				Progress: func(ingest.Progress) {
					if batches++; batches == tt.batches {
						cancel()
					}
				}})
			if err != nil {
				t.Fatalf("an interrupted run returned %v, want a summary with Interrupted set", err)
			}
			d := dump(t, db)
			stored := len(articles(d))
			if !sum.Interrupted || sum.New != stored || stored >= corpusSize || (tt.batches > 0 && stored == 0) {
				t.Errorf("summary %+v with %d articles stored, want Interrupted and New = stored < %d",
					sum, stored, corpusSize)
			}
			checkWholeArticles(t, d)

			again := run(t, db, []string{dir}, ingest.Options{Workers: 2, BatchArticles: 2})
			if again.Interrupted || again.New != corpusSize-stored || again.Unchanged != stored {
				t.Errorf("second run %+v, want %d new and %d unchanged", again, corpusSize-stored, stored)
			}
			sameDump(t, "after an interrupted and a second run", dump(t, db), want)
		})
	}
}

// cancellingSink calls cancel when it is asked whether the at-th article is
// stored.
type cancellingSink struct {
	ingest.Sink
	asked  atomic.Int32
	at     int32
	cancel func()
}

func (s *cancellingSink) HasArticle(ctx context.Context, id string) (bool, error) {
	if s.asked.Add(1) == s.at {
		s.cancel()
	}
	return s.Sink.HasArticle(ctx, id)
}

// checkWholeArticles fails the test unless every edge's ends and article
// are stored and every stored article has everything its extraction gives.
func checkWholeArticles(t *testing.T, d graphtest.Dump) {
	t.Helper()
	nodes := map[string]bool{}
	for _, n := range d.Nodes {
		nodes[n.ID] = true
	}
	edges := map[graph.EdgeKey]bool{}
	for _, e := range d.Edges {
		edges[e.Key()] = true
		if !nodes[e.From] || !nodes[e.To] || (e.Article != "" && !nodes[e.Article]) {
			t.Errorf("edge %s -%s-> %s of %s has a missing end or article", e.From, e.Rel, e.To, e.Article)
		}
	}
	for _, a := range articles(d) {
		sub := extract.Extract(a)
		for _, n := range sub.Nodes {
			if !nodes[n.ID] {
				t.Errorf("article %s is stored without its node %s", a.ID, n.ID)
			}
		}
		for _, e := range sub.Edges {
			if !edges[e.Key()] {
				t.Errorf("article %s is stored without its edge %s -%s-> %s", a.ID, e.From, e.Rel, e.To)
			}
		}
	}
}

func TestRunWritesTheSameThroughASinkWithoutSessions(t *testing.T) {
	dir := corpus(t, corpusSize)
	withSession := openStore(t)
	run(t, withSession, []string{dir}, ingest.Options{BatchArticles: 7})

	plain := openStore(t)
	// embedding the interface hides the store's BeginWrites: every batch
	// goes through Write
	sink := struct{ ingest.Sink }{plain}
	sum, err := ingest.Run(context.Background(), sink, []string{dir}, ingest.Options{BatchArticles: 7})
	if err != nil || sum.New != corpusSize {
		t.Fatalf("Run through a plain sink: %+v, %v; want %d new articles", sum, err, corpusSize)
	}
	sameDump(t, "plain sink", dump(t, plain), dump(t, withSession))
}

func TestRunLeavesTheMemoryLimitAndGCTargetAsItFoundThem(t *testing.T) {
	t.Setenv("GOMEMLIMIT", "")
	t.Setenv("GOGC", "")
	before := debug.SetMemoryLimit(-1)
	gcBefore := debug.SetGCPercent(100)
	defer debug.SetGCPercent(gcBefore)
	run(t, openStore(t), []string{corpus(t, 3)}, ingest.Options{})
	if after := debug.SetMemoryLimit(-1); after != before {
		t.Errorf("memory limit %d after a run, want %d as before it", after, before)
	}
	if after := debug.SetGCPercent(gcBefore); after != 100 {
		t.Errorf("GC target %d after a run, want 100 as before it", after)
	}
}
