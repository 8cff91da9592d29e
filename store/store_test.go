package store_test

import (
	"context"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/dgraph-io/badger/v4"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/graphtest"
	"github.com/claimgraph/claimgraph/store"
)

var synthetic = store.Synthetic

var fixtures = []graph.Subgraph{graphtest.SubHarbour(), graphtest.SubBudget(), graphtest.SubQuiet()}

func mustWrite(t *testing.T, db *store.DB, subs ...graph.Subgraph) graph.WriteStats {
	t.Helper()
	st, err := db.Write(context.Background(), subs)
	if err != nil {
		t.Fatalf("Write: %v", err)
	}
	return st
}

func TestReopeningKeepsTheGraph(t *testing.T) {
	dir := t.TempDir()
	db, err := store.Open(dir, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	mustWrite(t, db, fixtures...)
	want := graphtest.DumpOf(t, db)
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	for _, opts := range []store.Options{{}, {ReadOnly: true}} {
		db, err := store.Open(dir, opts)
		if err != nil {
			t.Fatalf("reopen %+v: %v", opts, err)
		}
		if got := graphtest.DumpOf(t, db); !reflect.DeepEqual(got, want) {
			t.Errorf("reopened %+v: graph differs", opts)
		}
		if err := db.Close(); err != nil {
			t.Fatal(err)
		}
	}
}

func TestReadOnlyOpenOfNoDatabase(t *testing.T) {
	for _, c := range []struct {
		name string
		path func(t *testing.T) string
	}{
		{"a missing directory", func(t *testing.T) string { return filepath.Join(t.TempDir(), "nothing") }},
		{"an empty directory", func(t *testing.T) string { return t.TempDir() }},
		{"a file", func(t *testing.T) string {
			p := filepath.Join(t.TempDir(), "file")
			if err := os.WriteFile(p, []byte("x"), 0o644); err != nil {
				t.Fatal(err)
			}
			return p
		}},
	} {
		t.Run(c.name, func(t *testing.T) {
			path := c.path(t)
			before := listing(t, path)
			_, err := store.Open(path, store.Options{ReadOnly: true})
			if !errors.Is(err, store.ErrNoDatabase) {
				t.Fatalf("error = %v, want ErrNoDatabase", err)
			}
			want := "no claimgraph database at " + path + " (run `claimgraph ingest` first)"
			if err.Error() != want {
				t.Errorf("error = %q, want %q", err, want)
			}
			if after := listing(t, path); !reflect.DeepEqual(before, after) {
				t.Errorf("read-only open created files: %v -> %v", before, after)
			}
		})
	}
}

// listing returns the names under path, or nil if it does not exist.
func listing(t *testing.T, path string) []string {
	t.Helper()
	var names []string
	err := filepath.WalkDir(path, func(p string, _ fs.DirEntry, err error) error {
		names = append(names, p)
		return err
	})
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		t.Fatal(err)
	}
	return names
}

func TestAReadOnlyDatabaseRefusesWrites(t *testing.T) {
	dir := t.TempDir()
	db, err := store.Open(dir, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	db.Close()
	ro, err := store.Open(dir, store.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer ro.Close()
	if _, err := ro.Write(context.Background(), fixtures); !errors.Is(err, store.ErrReadOnly) {
		t.Errorf("Write error = %v, want ErrReadOnly", err)
	}
	if err := ro.Compact(context.Background()); !errors.Is(err, store.ErrReadOnly) {
		t.Errorf("Compact error = %v, want ErrReadOnly", err)
	}
	if _, err := ro.Repair(context.Background()); !errors.Is(err, store.ErrReadOnly) {
		t.Errorf("Repair error = %v, want ErrReadOnly", err)
	}
}

func TestASecondOpenOfAHeldDatabaseIsRefused(t *testing.T) {
	dir := t.TempDir()
	db, err := store.Open(dir, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name     string
		opts     store.Options
		advice   string
		readOnly bool
	}{
		{"by a writer", store.Options{}, "wait for it to finish or use a read-only command", false},
		{"by a reader", store.Options{ReadOnly: true}, "wait for it to finish", true},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := store.Open(dir, c.opts)
			var le *store.LockedError
			if !errors.As(err, &le) || !errors.Is(err, store.ErrLocked) {
				t.Fatalf("error = %v, want a *LockedError", err)
			}
			if le.Path != dir || le.ReadOnly != c.readOnly || le.PID != os.Getpid() {
				t.Errorf("LockedError = %+v, want path %s and this PID", le, dir)
			}
			msg := err.Error()
			want := "database in use by another process (PID " + strconv.Itoa(os.Getpid()) + ") at " + dir + ": " + c.advice
			if msg != want || strings.Contains(msg, "\n") {
				t.Errorf("message = %q, want %q", msg, want)
			}
		})
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	ro1, err := store.Open(dir, store.Options{ReadOnly: true})
	if err != nil {
		t.Fatalf("read-only open after Close: %v", err)
	}
	defer ro1.Close()
	ro2, err := store.Open(dir, store.Options{ReadOnly: true})
	if err != nil {
		t.Fatalf("a second reader: %v", err)
	}
	defer ro2.Close()
	if _, err := store.Open(dir, store.Options{}); !errors.Is(err, store.ErrLocked) {
		t.Errorf("a writer beside readers: %v, want ErrLocked", err)
	}
}

func TestAForeignBadgerDatabaseIsRefused(t *testing.T) {
	dir := t.TempDir()
	bdb, err := badger.Open(badger.DefaultOptions(dir).WithLogger(nil))
	if err != nil {
		t.Fatal(err)
	}
	if err := bdb.Update(func(txn *badger.Txn) error { return txn.Set([]byte("k"), []byte("v")) }); err != nil {
		t.Fatal(err)
	}
	bdb.Close()
	for _, opts := range []store.Options{{}, {ReadOnly: true}} {
		_, err := store.Open(dir, opts)
		var se *store.SchemaError
		if !errors.As(err, &se) || !strings.Contains(err.Error(), "not a claimgraph database") {
			t.Errorf("Open %+v: %v, want a SchemaError", opts, err)
		}
	}
}

func TestStatsCountWhatIsStored(t *testing.T) {
	db := openTemp(t, store.Options{})
	ctx := context.Background()
	mustWrite(t, db, fixtures...)
	mustWrite(t, db, fixtures...)
	st, err := db.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	wantNodes := map[graph.Kind]int{graph.Person: 2, graph.Party: 1, graph.Organization: 0, graph.Place: 1,
		graph.Event: 0, graph.Claim: 3, graph.Article: 3, graph.Factcheck: 0}
	wantEdges := map[graph.Rel]int{graph.Said: 4, graph.MemberOf: 1, graph.About: 2, graph.Disputes: 1,
		graph.Supports: 0, graph.Mentions: 7, graph.Reviews: 0}
	if !reflect.DeepEqual(st.Nodes, wantNodes) || !reflect.DeepEqual(st.Edges, wantEdges) {
		t.Errorf("Stats = %v %v, want %v %v", st.Nodes, st.Edges, wantNodes, wantEdges)
	}
	d := graphtest.DumpOf(t, db)
	if st.TotalNodes() != len(d.Nodes) || st.TotalEdges() != len(d.Edges) {
		t.Errorf("totals %d nodes %d edges, graph has %d and %d", st.TotalNodes(), st.TotalEdges(), len(d.Nodes), len(d.Edges))
	}
	has, err := db.HasArticle(ctx, graphtest.ArtBudget)
	if err != nil || !has {
		t.Errorf("HasArticle(stored) = %v, %v", has, err)
	}
	has, err = db.HasArticle(ctx, graph.ArticleID([]byte("never")))
	if err != nil || has {
		t.Errorf("HasArticle(unknown) = %v, %v", has, err)
	}
}

func TestCheckOfACleanDatabase(t *testing.T) {
	db := openTemp(t, store.Options{})
	mustWrite(t, db, fixtures...)
	rep, err := db.Check(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if !rep.OK() || rep.Nodes != 10 || rep.Edges != 15 || rep.Articles != 3 {
		t.Errorf("Check = %s", rep.String())
	}
}

func TestInvalidSubgraphsAreRefusedAndChangeNothing(t *testing.T) {
	good := graphtest.SubHarbour()
	for _, c := range []struct {
		name   string
		change func(s *graph.Subgraph)
		want   string
	}{
		{"a node whose kind does not match its ID", func(s *graph.Subgraph) { s.Nodes[1].Kind = graph.Party }, "does not match its ID"},
		{"a node ID without a kind", func(s *graph.Subgraph) { s.Nodes[1].ID = "dana-okafor" }, "known kind"},
		{"an unknown relation", func(s *graph.Subgraph) { s.Edges[0].Rel = "likes" }, `unknown relation "likes"`},
		{"a negative span", func(s *graph.Subgraph) { s.Edges[0].Start = -1 }, "is not a span"},
		{"a span that ends before it starts", func(s *graph.Subgraph) { s.Edges[0].End = 0; s.Edges[0].Start = 3 }, "is not a span"},
		{"a confidence above one", func(s *graph.Subgraph) { s.Edges[0].Confidence = 1.5 }, "outside [0,1]"},
		{"an edge to a node that is nowhere", func(s *graph.Subgraph) { s.Edges[len(s.Edges)-1].To = "place/atlantis" }, `node "place/atlantis" is neither in the subgraph nor stored`},
		{"an article missing from its nodes", func(s *graph.Subgraph) { s.Nodes = s.Nodes[1:] }, "not among the subgraph's nodes"},
		{"provenance that is not an article", func(s *graph.Subgraph) { s.Edges[0].Article = graphtest.Okafor }, "is not an article/ ID"},
	} {
		t.Run(c.name, func(t *testing.T) {
			db := openTemp(t, store.Options{})
			bad := graphtest.SubHarbour()
			bad.Nodes = append([]graph.Node(nil), bad.Nodes...)
			bad.Edges = append([]graph.Edge(nil), bad.Edges...)
			c.change(&bad)
			st, err := db.Write(context.Background(), []graph.Subgraph{graphtest.SubQuiet(), bad, good})
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("Write error = %v, want one containing %q", err, c.want)
			}
			if st != (graph.WriteStats{}) {
				t.Errorf("stats %+v after a refused write", st)
			}
			if d := graphtest.DumpOf(t, db); len(d.Nodes)+len(d.Edges) != 0 {
				t.Errorf("a refused write stored %d nodes and %d edges", len(d.Nodes), len(d.Edges))
			}
		})
	}
}

// cancelAfter is a context whose Err turns to Canceled after n calls, to
// cancel a Write part way through.
type cancelAfter struct {
	context.Context
	n *int
}

func (c cancelAfter) Err() error {
	if *c.n--; *c.n < 0 {
		return context.Canceled
	}
	return nil
}

func TestACancelledWriteLeavesNoPartialArticle(t *testing.T) {
	subs := synthetic(30)
	for _, c := range []struct {
		name     string
		maxBytes int64
		atomic   bool
	}{
		{"in one transaction, nothing", 0, true},
		{"across transactions, whole articles", 40_000, false},
	} {
		t.Run(c.name, func(t *testing.T) {
			db := openTemp(t, store.Options{MaxTxnBytes: c.maxBytes})
			n := 20
			st, err := db.Write(cancelAfter{context.Background(), &n}, subs)
			if !errors.Is(err, context.Canceled) {
				t.Fatalf("Write error = %v, want context.Canceled", err)
			}
			if c.atomic && st != (graph.WriteStats{}) {
				t.Errorf("stats %+v, want nothing written", st)
			}
			if !c.atomic && (st.Articles == 0 || st.Articles >= 20) {
				t.Errorf("stats %+v, want some whole articles before the cancellation", st)
			}
			stored := wholeOrAbsent(t, db, subs)
			if stored != st.Articles {
				t.Errorf("%d articles stored, stats say %d", stored, st.Articles)
			}
			if rep, err := db.Check(context.Background()); err != nil || !rep.OK() {
				t.Errorf("Check: %v\n%s", err, rep.String())
			}
		})
	}
}

// wholeOrAbsent checks that each article is stored with all its edges or
// not at all, and returns how many are stored.
func wholeOrAbsent(t *testing.T, db *store.DB, subs []graph.Subgraph) int {
	t.Helper()
	ctx := context.Background()
	stored := 0
	for _, s := range subs {
		has, err := db.HasArticle(ctx, s.Article)
		if err != nil {
			t.Fatal(err)
		}
		if has {
			stored++
		}
		for _, e := range s.Edges {
			found := false
			for got, err := range db.Neighbors(ctx, e.From, graph.Out, e.Rel) {
				if err != nil {
					t.Fatal(err)
				}
				found = found || got.Key() == e.Key()
			}
			if found != has {
				t.Fatalf("article %s stored=%v but its edge %v stored=%v", s.Article, has, e.Key(), found)
			}
		}
	}
	return stored
}

func TestAWriteLargerThanATransactionCommitsEverything(t *testing.T) {
	subs := synthetic(60)
	one := openTemp(t, store.Options{})
	split := openTemp(t, store.Options{MaxTxnBytes: 50_000})
	st1 := mustWrite(t, one, subs...)
	st2 := mustWrite(t, split, subs...)
	if st1 != st2 || st1.Articles != 60 {
		t.Errorf("stats %+v in one transaction, %+v split", st1, st2)
	}
	if !reflect.DeepEqual(graphtest.DumpOf(t, one), graphtest.DumpOf(t, split)) {
		t.Errorf("the split write stored a different graph")
	}
	rep, err := split.Check(context.Background())
	if err != nil || !rep.OK() {
		t.Errorf("Check: %v\n%s", err, rep.String())
	}
}

func TestASessionCommitsBatchesInOrder(t *testing.T) {
	db := openTemp(t, store.Options{})
	subs := synthetic(50)
	s, err := db.BeginWrites()
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	var queued graph.WriteStats
	for i := 0; i < len(subs); i += 7 {
		st, err := s.Write(ctx, subs[i:min(i+7, len(subs))])
		if err != nil {
			t.Fatal(err)
		}
		queued.Add(st)
	}
	if st, err := s.Write(ctx, subs[:3]); err != nil || st.Unchanged != 3 {
		t.Errorf("rewrite in the session: %+v, %v", st, err)
	}
	flushed, err := s.Flush()
	if err != nil {
		t.Fatal(err)
	}
	closed, err := s.Close()
	if err != nil {
		t.Fatal(err)
	}
	if flushed != closed || closed.Articles != 50 || closed.Unchanged != 3 || queued.Articles != 50 {
		t.Errorf("queued %+v, flushed %+v, closed %+v", queued, flushed, closed)
	}
	if _, err := s.Write(ctx, subs); !errors.Is(err, store.ErrSessionClosed) {
		t.Errorf("Write after Close: %v", err)
	}
	other := openTemp(t, store.Options{})
	mustWrite(t, other, subs...)
	if !reflect.DeepEqual(graphtest.DumpOf(t, db), graphtest.DumpOf(t, other)) {
		t.Errorf("a session stored a different graph than one Write")
	}
}

// TestASessionAnswersForTheDatabaseItFound checks Session.HasArticle: it
// reports the articles stored before the session began (on a fresh and on
// a non-empty database), not the ones the session writes (Write finds
// those), and answers from several goroutines while commits are in flight.
func TestASessionAnswersForTheDatabaseItFound(t *testing.T) {
	ctx := context.Background()
	subs := synthetic(40)
	for _, c := range []struct {
		name   string
		before int // articles stored before the session
	}{
		{"fresh database", 0},
		{"database with articles", 20},
	} {
		t.Run(c.name, func(t *testing.T) {
			db := openTemp(t, store.Options{})
			if c.before > 0 {
				mustWrite(t, db, subs[:c.before]...)
			}
			s, err := db.BeginWrites()
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			var wg sync.WaitGroup
			answers := make([][]bool, 4)
			for g := range answers {
				wg.Add(1)
				go func() {
					defer wg.Done()
					for _, sub := range subs {
						ok, err := s.HasArticle(ctx, sub.Article)
						if err != nil {
							t.Error(err)
							return
						}
						answers[g] = append(answers[g], ok)
					}
				}()
			}
			for i := c.before; i < len(subs); i += 5 {
				if _, err := s.Write(ctx, subs[i:i+5]); err != nil {
					t.Fatal(err)
				}
			}
			wg.Wait()
			for g, got := range answers {
				for i, ok := range got {
					if ok != (i < c.before) {
						t.Errorf("goroutine %d: HasArticle(%s) = %v, want %v", g, subs[i].Article, ok, i < c.before)
					}
				}
			}
			if ok, err := s.HasArticle(ctx, "person/"+subs[0].Article); ok || err != nil {
				t.Errorf("HasArticle of a person ID: %v, %v", ok, err)
			}
			st, err := s.Write(ctx, subs)
			if err != nil {
				t.Fatal(err)
			}
			if st.Unchanged != len(subs) {
				t.Errorf("writing every article again in the session: %d unchanged, want %d", st.Unchanged, len(subs))
			}
			if ok, err := db.HasArticle(ctx, subs[len(subs)-1].Article); !ok || err != nil {
				t.Errorf("the database does not report an article the session wrote: %v, %v", ok, err)
			}
		})
	}
}

func TestASnapshotOfAnOpenDatabaseOpens(t *testing.T) {
	// Copying the files of a database that is still open is what a
	// killed process leaves behind: committed writes must be there.
	dir := t.TempDir()
	db, err := store.Open(dir, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	subs := synthetic(20)
	mustWrite(t, db, subs...)
	want := graphtest.DumpOf(t, db)
	snap := t.TempDir()
	if err := copyDir(dir, snap); err != nil {
		t.Fatal(err)
	}
	for _, opts := range []store.Options{{ReadOnly: true}, {}} {
		cp, err := store.Open(snap, opts)
		if err != nil {
			t.Fatalf("open snapshot %+v: %v", opts, err)
		}
		if got := graphtest.DumpOf(t, cp); !reflect.DeepEqual(got, want) {
			t.Errorf("snapshot %+v holds a different graph", opts)
		}
		if rep, err := cp.Check(context.Background()); err != nil || !rep.OK() {
			t.Errorf("Check of snapshot: %v\n%s", err, rep.String())
		}
		cp.Close()
	}
}

// copyDir copies the files of a badger directory, leaving holes where the
// (sparse, preallocated) files hold zeros.
func copyDir(from, to string) error {
	entries, err := os.ReadDir(from)
	if err != nil {
		return err
	}
	for _, e := range entries {
		if e.Name() == "LOCK" {
			continue
		}
		if err := copySparse(filepath.Join(from, e.Name()), filepath.Join(to, e.Name())); err != nil {
			return err
		}
	}
	return nil
}

func copySparse(from, to string) error {
	in, err := os.Open(from)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.Create(to)
	if err != nil {
		return err
	}
	defer out.Close()
	buf := make([]byte, 1<<16)
	var size int64
	for {
		n, err := in.Read(buf)
		if n > 0 {
			if !allZero(buf[:n]) {
				if _, err := out.WriteAt(buf[:n], size); err != nil {
					return err
				}
			}
			size += int64(n)
		}
		if errors.Is(err, io.EOF) {
			return out.Truncate(size)
		}
		if err != nil {
			return err
		}
	}
}

func allZero(b []byte) bool {
	for _, c := range b {
		if c != 0 {
			return false
		}
	}
	return true
}

func TestEvidenceOutsideTheArticleTextIsKept(t *testing.T) {
	db := openTemp(t, store.Options{})
	sub := graphtest.SubHarbour()
	sub.Edges[0].Evidence = "paraphrased: not in the text"
	mustWrite(t, db, sub)
	for e, err := range db.Neighbors(context.Background(), sub.Edges[0].From, graph.Out, sub.Edges[0].Rel) {
		if err != nil {
			t.Fatal(err)
		}
		if e.Key() == sub.Edges[0].Key() && e != sub.Edges[0] {
			t.Errorf("edge = %+v, want %+v", e, sub.Edges[0])
		}
	}
}

func TestAnArticlesOutEdgesMergeItsMentionsWithOtherEdges(t *testing.T) {
	db := openTemp(t, store.Options{})
	mustWrite(t, db, fixtures...)
	// a mention imported with no provenance is stored like other edges
	extra := graph.Edge{From: graphtest.ArtHarbour, Rel: graph.Mentions, To: graphtest.HarbourParty + "-youth"}
	imp := graph.Subgraph{
		Nodes: []graph.Node{{ID: extra.To, Kind: graph.Party, Name: "Harbour Party youth"}},
		Edges: []graph.Edge{extra},
	}
	mustWrite(t, db, imp)
	var got []string
	for e, err := range db.Neighbors(context.Background(), graphtest.ArtHarbour, graph.Out) {
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, e.To+" "+e.Article)
	}
	want := []string{graphtest.PortAvalon + " " + graphtest.ArtHarbour, graphtest.HarbourParty + " " + graphtest.ArtHarbour,
		extra.To + " ", graphtest.Okafor + " " + graphtest.ArtHarbour, graphtest.Brandt + " " + graphtest.ArtHarbour}
	slices.Sort(want)
	if !reflect.DeepEqual(got, want) {
		t.Errorf("out-edges of the article:\n got %q\nwant %q", got, want)
	}
}

func TestCompactKeepsTheGraph(t *testing.T) {
	db := openTemp(t, store.Options{})
	mustWrite(t, db, synthetic(30)...)
	want := graphtest.DumpOf(t, db)
	if err := db.Compact(context.Background()); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(graphtest.DumpOf(t, db), want) {
		t.Errorf("Compact changed the graph")
	}
}

// TestShapeOnlyReadsYieldTheSameEdgesWithoutProvenance reads every node's
// in-edges with and without graph.ShapeOnly: the same edges in the same
// order, and the shape-only ones carry no more than the full ones.
func TestShapeOnlyReadsYieldTheSameEdgesWithoutProvenance(t *testing.T) {
	db := openTemp(t, store.Options{})
	mustWrite(t, db, fixtures...)
	ctx := context.Background()
	for n, err := range db.Nodes(ctx) {
		if err != nil {
			t.Fatal(err)
		}
		var full, shape []graph.Edge
		for e, err := range db.Neighbors(ctx, n.ID, graph.Both) {
			if err != nil {
				t.Fatal(err)
			}
			full = append(full, e)
		}
		for e, err := range db.Neighbors(graph.ShapeOnly(ctx), n.ID, graph.Both) {
			if err != nil {
				t.Fatal(err)
			}
			shape = append(shape, e)
		}
		if len(full) != len(shape) {
			t.Fatalf("%s: %d edges, %d shape-only", n.ID, len(full), len(shape))
		}
		for i := range full {
			if full[i].Key() != shape[i].Key() {
				t.Errorf("%s: edge %d is %v, shape-only %v", n.ID, i, full[i].Key(), shape[i].Key())
			}
			if shape[i].Evidence != "" && shape[i].Evidence != full[i].Evidence {
				t.Errorf("%s: shape-only evidence %q differs from %q", n.ID, shape[i].Evidence, full[i].Evidence)
			}
		}
	}
}
