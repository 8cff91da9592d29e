package store

import (
	"context"
	"syscall"
	"testing"
	"time"

	"github.com/claimgraph/claimgraph/graph"
)

// BenchmarkWrite measures articles per second for synthetic 4 KB articles
// written in batches, one DB.Write per batch or through a Session, and
// reports the CPU time and what each article hands to badger.
func BenchmarkWrite(b *testing.B) {
	for _, c := range []struct {
		name    string
		batch   int
		session bool
	}{
		{"Write/batch=1", 1, false},
		{"Write/batch=256", 256, false},
		{"Session/batch=256", 256, true},
	} {
		b.Run(c.name, func(b *testing.B) { benchmarkWrite(b, c.batch, c.session) })
	}
}

func benchmarkWrite(b *testing.B, batch int, session bool) {
	db, err := Open(b.TempDir(), Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	write, flush := db.Write, func() error { return nil }
	if session {
		s, err := db.BeginWrites()
		if err != nil {
			b.Fatal(err)
		}
		defer s.Close()
		write = s.Write
		flush = func() error { _, err := s.Flush(); return err }
	}
	s := newSynth(1)
	ctx := context.Background()
	batches := make(chan []graph.Subgraph, 4)
	go func() { // synthesis runs beside the writes, as extraction would
		defer close(batches)
		for done := 0; done < b.N; {
			subs := make([]graph.Subgraph, 0, batch)
			for i := 0; i < batch && done < b.N; i++ {
				subs = append(subs, s.article())
				done++
			}
			batches <- subs
		}
	}()
	k0, b0, cpu0 := db.volume.keys.Load(), db.volume.bytes.Load(), cpuTime()
	b.ResetTimer()
	for subs := range batches {
		if _, err := write(ctx, subs); err != nil {
			b.Fatal(err)
		}
	}
	if err := flush(); err != nil {
		b.Fatal(err)
	}
	b.StopTimer()
	cpu, n := cpuTime()-cpu0, float64(b.N)
	b.ReportMetric(n/b.Elapsed().Seconds(), "articles/s")
	b.ReportMetric(cpu.Seconds()*1000/n, "cpu-ms/article")
	b.ReportMetric(float64(db.volume.keys.Load()-k0)/n, "keys/article")
	b.ReportMetric(float64(db.volume.bytes.Load()-b0)/n, "B/article")
}

// cpuTime returns the CPU time the process has used (all goroutines,
// badger's included), which a loaded machine distorts less than wall time.
// It includes the synthesis of articles, which takes about a tenth.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// BenchmarkNeighbors scans the edges of a hub with 10,000 of them in each
// direction: whole scans and the first 20.
func BenchmarkNeighbors(b *testing.B) {
	db, err := Open(b.TempDir(), Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	hub := writeHub(b, db, 10_000)
	ctx := context.Background()
	for _, c := range []struct {
		name  string
		dir   graph.Direction
		rel   graph.Rel
		limit int
		skip  bool
	}{
		{"said-out-all", graph.Out, graph.Said, 0, false},
		{"said-out-first20", graph.Out, graph.Said, 20, false},
		{"about-in-all", graph.In, graph.About, 0, false},
		{"about-in-all-skip-evidence", graph.In, graph.About, 0, true},
		{"about-in-first20", graph.In, graph.About, 20, false},
	} {
		b.Run(c.name, func(b *testing.B) {
			ctx := ctx
			if c.skip {
				ctx = SkipEvidence(ctx)
			}
			for b.Loop() {
				n := 0
				for _, err := range db.Neighbors(ctx, hub, c.dir, c.rel) {
					if err != nil {
						b.Fatal(err)
					}
					if n++; n == c.limit {
						break
					}
				}
				if c.limit == 0 && n != 10_000 {
					b.Fatalf("got %d edges, want 10000", n)
				}
			}
		})
	}
}

// writeHub writes articles in which one person says n claims, each about
// that person, and returns the person's ID.
func writeHub(tb testing.TB, db *DB, n int) string {
	tb.Helper()
	s := newSynth(7)
	hub := graph.Node{ID: "person/hub-speaker", Kind: graph.Person, Name: "Hub Speaker"}
	var subs []graph.Subgraph
	for i := 0; i < n/10; i++ {
		sub := s.article()
		sub.Nodes = append(sub.Nodes, hub)
		for j := range sub.Edges {
			e := &sub.Edges[j]
			switch e.Rel {
			case graph.Said:
				e.From = hub.ID
			case graph.About:
				e.To = hub.ID
			}
		}
		subs = append(subs, sub)
		if len(subs) == 100 {
			if _, err := db.Write(context.Background(), subs); err != nil {
				tb.Fatal(err)
			}
			subs = subs[:0]
		}
	}
	if _, err := db.Write(context.Background(), subs); err != nil {
		tb.Fatal(err)
	}
	return hub.ID
}

// TestVolume logs the keys and bytes a typical synthetic article writes,
// by key family, for docs/STORAGE.md, and checks them against the budget
// that 2,000 articles/s at badger's measured ceilings allows.
func TestVolume(t *testing.T) {
	db, err := Open(t.TempDir(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	s := newSynth(3)
	const n = 2000
	var text int
	for i := 0; i < n/500; i++ {
		subs := make([]graph.Subgraph, 500)
		for j := range subs {
			subs[j] = s.article()
			text += len(subs[j].Nodes[0].Text)
		}
		if _, err := db.Write(context.Background(), subs); err != nil {
			t.Fatal(err)
		}
	}
	v := &db.volume
	for f := range v.famKeys {
		if k := v.famKeys[f].Load(); k > 0 {
			t.Logf("%c: %6.2f keys/article %7.0f B/article", f, float64(k)/n, float64(v.famBytes[f].Load())/n)
		}
	}
	keys, bytes := float64(v.keys.Load())/n, float64(v.bytes.Load())/n
	t.Logf("all: %.1f keys/article, %.0f B/article for %.0f B of text", keys, bytes, float64(text)/n)
	if keys > 80 || bytes > 10_000 {
		t.Errorf("an article writes %.1f keys and %.0f bytes, over the budget of 80 keys and 10,000 bytes (2,000 articles/s needs about 75)", keys, bytes)
	}
}

// BenchmarkSaidByHub is the query `said --by HUB --limit 20` without the
// process around it: a read-only open, a lookup of the most quoted person,
// the first 20 said edges with their articles, and a close, on a database
// of 5,000 synthetic articles.
func BenchmarkSaidByHub(b *testing.B) {
	dir := b.TempDir()
	db, err := Open(dir, Options{})
	if err != nil {
		b.Fatal(err)
	}
	s := newSynth(1)
	for range 10 {
		subs := make([]graph.Subgraph, 500)
		for i := range subs {
			subs[i] = s.article()
		}
		if _, err := db.Write(context.Background(), subs); err != nil {
			b.Fatal(err)
		}
	}
	if err := db.Close(); err != nil {
		b.Fatal(err)
	}
	hub := s.name("person", 0)
	ctx := context.Background()
	for b.Loop() {
		db, err := Open(dir, Options{ReadOnly: true})
		if err != nil {
			b.Fatal(err)
		}
		ids, err := db.Lookup(ctx, hub)
		if err != nil || len(ids) != 1 {
			b.Fatalf("Lookup(%q) = %v, %v", hub, ids, err)
		}
		n := 0
		for e, err := range db.Neighbors(ctx, ids[0], graph.Out, graph.Said) {
			if err != nil {
				b.Fatal(err)
			}
			if _, err := db.Node(ctx, e.Article); err != nil {
				b.Fatal(err)
			}
			if n++; n == 20 {
				break
			}
		}
		if n != 20 {
			b.Fatalf("%d said edges, want 20", n)
		}
		if err := db.Close(); err != nil {
			b.Fatal(err)
		}
	}
}
