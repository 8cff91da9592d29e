package graphtest

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"iter"
	"reflect"
	"slices"
	"testing"

	"github.com/claimgraph/claimgraph/graph"
)

// Opener returns a new, empty store for one test; it registers its own
// cleanup with t.
type Opener func(t *testing.T) graph.Store

// Run runs the conformance suite against the stores open returns. Every
// case opens a fresh store. Stores that also implement graph.Searcher are
// searched too.
func Run(t *testing.T, open Opener) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) { c.run(t, open(t), open) })
	}
}

var cases = []struct {
	name string
	run  func(t *testing.T, s graph.Store, open Opener)
}{
	{"a written article can be read back node by node", testReadBack},
	{"write stats count new articles, nodes and edges", testWriteStats},
	{"writing the same article again changes nothing and says so", testIdempotent},
	{"a node named by two articles is merged", testMerge},
	{"two subgraphs in one write merge like two writes", testOneWrite},
	{"the order of writes does not change the graph", testOrder},
	{"lookup finds entities by name and alias case-insensitively", testLookup},
	{"lookup never returns claims or articles", testLookupEntitiesOnly},
	{"an unknown node is not found", testNotFound},
	{"neighbors yields out-edges by relation, target and article", testNeighborsOut},
	{"neighbors yields in-edges by relation, source and article", testNeighborsIn},
	{"neighbors in both directions yields out-edges first", testNeighborsBoth},
	{"neighbors filtered by relations yields only those", testNeighborsFiltered},
	{"edges between two nodes are every edge from one to the other", testEdgesBetween},
	{"in-edges carry the same provenance as out-edges", testProvenance},
	{"nodes of a kind are yielded by ID", testNodesOfKind},
	{"nodes and edges are yielded in order", testOrderOfAll},
	{"a repeated edge keeps its first provenance", testEdgeDedupe},
	{"a subgraph without an article adds to existing nodes", testImport},
	{"every iterator stops when the caller breaks", testBreak},
	{"a cancelled context ends iteration with its error", testCancelled},
	{"claims are searched by their words", testSearch},
}

func write(t *testing.T, s graph.Store, subs ...graph.Subgraph) graph.WriteStats {
	t.Helper()
	st, err := s.Write(context.Background(), subs)
	if err != nil {
		t.Fatalf("Write: %v", err)
	}
	return st
}

// collect gathers an iterator, failing the test on an error.
func collect[T any](t *testing.T, seq iter.Seq2[T, error]) []T {
	t.Helper()
	var out []T
	for v, err := range seq {
		if err != nil {
			t.Fatalf("iteration: %v", err)
		}
		out = append(out, v)
	}
	return out
}

// Dump is the whole graph: every node and edge, in the Reader's order.
type Dump struct {
	Nodes []graph.Node
	Edges []graph.Edge
}

// DumpOf reads the whole graph of r.
func DumpOf(t *testing.T, r graph.Reader) Dump {
	t.Helper()
	ctx := context.Background()
	return Dump{Nodes: collect(t, r.Nodes(ctx)), Edges: collect(t, r.Edges(ctx))}
}

func node(t *testing.T, r graph.Reader, id string) graph.Node {
	t.Helper()
	n, err := r.Node(context.Background(), id)
	if err != nil {
		t.Fatalf("Node(%q): %v", id, err)
	}
	return n
}

func equal[T any](t *testing.T, what string, got, want T) {
	t.Helper()
	if !reflect.DeepEqual(got, want) {
		t.Errorf("%s:\n got %+v\nwant %+v", what, got, want)
	}
}

func testReadBack(t *testing.T, s graph.Store, _ Opener) {
	sub := SubHarbour()
	write(t, s, sub)
	for _, want := range sub.Nodes {
		want.Aliases = graph.MergeAliases(want.Name, want.Aliases)
		equal(t, "Node("+want.ID+")", node(t, s, want.ID), want)
	}
}

func testWriteStats(t *testing.T, s graph.Store, _ Opener) {
	equal(t, "first article", write(t, s, SubHarbour()), graph.WriteStats{Articles: 1, Nodes: 7, Edges: 10})
	equal(t, "second article", write(t, s, SubBudget()), graph.WriteStats{Articles: 1, Nodes: 2, Edges: 4})
	equal(t, "empty write", write(t, s), graph.WriteStats{})
}

func testIdempotent(t *testing.T, s graph.Store, _ Opener) {
	write(t, s, SubHarbour(), SubBudget())
	before := DumpOf(t, s)
	equal(t, "rewrite stats", write(t, s, SubBudget(), SubHarbour()), graph.WriteStats{Unchanged: 2})
	equal(t, "graph after rewrite", DumpOf(t, s), before)
}

func testMerge(t *testing.T, s graph.Store, _ Opener) {
	write(t, s, SubHarbour())
	write(t, s, SubBudget())
	okafor := node(t, s, Okafor)
	equal(t, "Okafor's name", okafor.Name, "Dana Okafor")
	equal(t, "Okafor's aliases", okafor.Aliases, []string{"D. Okafor", "Okafor"})
	waste := node(t, s, Waste)
	equal(t, "claim still direct after an indirect report", waste.Direct, true)
	equal(t, "claim text", waste.Text, "a waste of money")
	write(t, s, SubQuiet())
	equal(t, "Port Avalon's aliases", node(t, s, PortAvalon).Aliases, []string{"Avalon"})
}

func testOneWrite(t *testing.T, s graph.Store, open Opener) {
	write(t, s, SubHarbour(), SubBudget(), SubQuiet())
	other := open(t)
	write(t, other, SubHarbour())
	write(t, other, SubBudget())
	write(t, other, SubQuiet())
	equal(t, "graph", DumpOf(t, s), DumpOf(t, other))
}

func testOrder(t *testing.T, s graph.Store, open Opener) {
	write(t, s, SubHarbour(), SubBudget(), SubQuiet())
	other := open(t)
	write(t, other, SubQuiet())
	write(t, other, SubBudget(), SubHarbour())
	equal(t, "graph", DumpOf(t, other), DumpOf(t, s))
}

func testLookup(t *testing.T, s graph.Store, _ Opener) {
	write(t, s, SubHarbour(), SubBudget(), SubQuiet())
	write(t, s, graph.Subgraph{Nodes: []graph.Node{{ID: "person/avalon-reyes", Kind: graph.Person,
		Name: "Avalon Reyes", Aliases: []string{"Avalon"}}}})
	for _, c := range []struct {
		name string
		want []string
	}{
		{"Dana Okafor", []string{Okafor}},
		{"OKAFOR", []string{Okafor}},
		{"d. okafor", []string{Okafor}},
		{"  Harbour   Party ", []string{HarbourParty}},
		{"hp", []string{HarbourParty}},
		{"Avalon", []string{"person/avalon-reyes", PortAvalon}},
		{"Avalon Reyes", []string{"person/avalon-reyes"}},
		{"Nobody Known", nil},
		{"", nil},
	} {
		got, err := s.Lookup(context.Background(), c.name)
		if err != nil {
			t.Fatalf("Lookup(%q): %v", c.name, err)
		}
		equal(t, fmt.Sprintf("Lookup(%q)", c.name), got, c.want)
	}
}

func testLookupEntitiesOnly(t *testing.T, s graph.Store, _ Opener) {
	write(t, s, SubHarbour())
	for _, name := range []string{"a waste of money", "Bridge row in Port Avalon"} {
		got, err := s.Lookup(context.Background(), name)
		if err != nil {
			t.Fatalf("Lookup(%q): %v", name, err)
		}
		equal(t, fmt.Sprintf("Lookup(%q)", name), got, []string(nil))
	}
}

func testNotFound(t *testing.T, s graph.Store, _ Opener) {
	write(t, s, SubHarbour())
	for _, id := range []string{"person/nobody", graph.ClaimID("never said"), "nonsense"} {
		if _, err := s.Node(context.Background(), id); !errors.Is(err, graph.ErrNotFound) {
			t.Errorf("Node(%q) error = %v, want ErrNotFound", id, err)
		}
	}
}

// edgesOf returns the fixture edges matching keep, sorted by cmp.
func edgesOf(keep func(graph.Edge) bool, order func(a, b graph.Edge) int) []graph.Edge {
	var out []graph.Edge
	for _, sub := range []graph.Subgraph{SubHarbour(), SubBudget(), SubQuiet()} {
		for _, e := range sub.Edges {
			if keep(e) {
				out = append(out, e)
			}
		}
	}
	slices.SortFunc(out, order)
	return out
}

func outOrder(a, b graph.Edge) int {
	return cmp.Or(cmp.Compare(a.From, b.From), cmp.Compare(a.Rel, b.Rel), cmp.Compare(a.To, b.To), cmp.Compare(a.Article, b.Article))
}

func inOrder(a, b graph.Edge) int {
	return cmp.Or(cmp.Compare(a.To, b.To), cmp.Compare(a.Rel, b.Rel), cmp.Compare(a.From, b.From), cmp.Compare(a.Article, b.Article))
}

func neighbors(t *testing.T, s graph.Store, id string, dir graph.Direction, rels ...graph.Rel) []graph.Edge {
	t.Helper()
	return collect(t, s.Neighbors(context.Background(), id, dir, rels...))
}

func testNeighborsOut(t *testing.T, s graph.Store, _ Opener) {
	write(t, s, SubHarbour(), SubBudget(), SubQuiet())
	for _, id := range []string{Okafor, Brandt, Waste, ArtHarbour, PortAvalon} {
		want := edgesOf(func(e graph.Edge) bool { return e.From == id }, outOrder)
		equal(t, "out of "+id, neighbors(t, s, id, graph.Out), want)
	}
}

func testNeighborsIn(t *testing.T, s graph.Store, _ Opener) {
	write(t, s, SubHarbour(), SubBudget(), SubQuiet())
	for _, id := range []string{Okafor, Waste, PortAvalon, HarbourParty, ArtBudget} {
		want := edgesOf(func(e graph.Edge) bool { return e.To == id }, inOrder)
		equal(t, "into "+id, neighbors(t, s, id, graph.In), want)
	}
}

func testNeighborsBoth(t *testing.T, s graph.Store, _ Opener) {
	write(t, s, SubHarbour(), SubBudget())
	want := append(edgesOf(func(e graph.Edge) bool { return e.From == Waste && e.Article != ArtQuiet }, outOrder),
		edgesOf(func(e graph.Edge) bool { return e.To == Waste && e.Article != ArtQuiet }, inOrder)...)
	equal(t, "both ways at "+Waste, neighbors(t, s, Waste, graph.Both), want)
}

func testNeighborsFiltered(t *testing.T, s graph.Store, _ Opener) {
	write(t, s, SubHarbour(), SubBudget(), SubQuiet())
	for _, c := range []struct {
		id   string
		dir  graph.Direction
		rels []graph.Rel
	}{
		{Okafor, graph.Out, []graph.Rel{graph.Said}},
		{Okafor, graph.Out, []graph.Rel{graph.MemberOf}},
		{Waste, graph.In, []graph.Rel{graph.Said, graph.About}},
		{Waste, graph.In, []graph.Rel{graph.Disputes}},
		{Okafor, graph.In, []graph.Rel{graph.Said}},
		{HarbourParty, graph.Both, []graph.Rel{graph.Said, graph.MemberOf}},
	} {
		keep := func(e graph.Edge) bool { return slices.Contains(c.rels, e.Rel) }
		var want []graph.Edge
		if c.dir != graph.In {
			want = append(want, edgesOf(func(e graph.Edge) bool { return e.From == c.id && keep(e) }, outOrder)...)
		}
		if c.dir != graph.Out {
			want = append(want, edgesOf(func(e graph.Edge) bool { return e.To == c.id && keep(e) }, inOrder)...)
		}
		equal(t, fmt.Sprintf("%s dir %d rels %v", c.id, c.dir, c.rels), neighbors(t, s, c.id, c.dir, c.rels...), want)
	}
}

// testEdgesBetween checks graph.EdgeFinder where the store has it: for
// every ordered pair of nodes of some edge, and with a relation filter,
// EdgesBetween yields the edges Neighbors yields from one to the other.
func testEdgesBetween(t *testing.T, s graph.Store, _ Opener) {
	f, ok := s.(graph.EdgeFinder)
	if !ok {
		t.Skip("the store does not implement graph.EdgeFinder")
	}
	write(t, s, SubHarbour(), SubBudget(), SubQuiet())
	ctx := context.Background()
	all := collect(t, s.Edges(ctx))
	if len(all) == 0 {
		t.Fatal("no edges written")
	}
	for _, e := range all {
		for _, c := range []struct{ from, to string }{{e.From, e.To}, {e.To, e.From}} {
			for _, rels := range [][]graph.Rel{nil, {e.Rel}, {graph.Reviews}} {
				var want []graph.Edge
				for _, x := range neighbors(t, s, c.from, graph.Out, rels...) {
					if x.To == c.to {
						want = append(want, x)
					}
				}
				got := collect(t, f.EdgesBetween(ctx, c.from, c.to, rels...))
				equal(t, fmt.Sprintf("edges from %s to %s, rels %v", c.from, c.to, rels), got, want)
			}
		}
	}
}

func testProvenance(t *testing.T, s graph.Store, _ Opener) {
	write(t, s, SubHarbour())
	out := neighbors(t, s, Brandt, graph.Out, graph.Disputes)
	in := neighbors(t, s, Waste, graph.In, graph.Disputes)
	if len(out) != 1 {
		t.Fatalf("out-edges = %v, want one disputes edge", out)
	}
	equal(t, "in-edge", in, out)
	e := out[0]
	if e.Evidence == "" || e.Rule == "" || e.Confidence == 0 || e.End <= e.Start {
		t.Errorf("edge lost provenance: %+v", e)
	}
	member := neighbors(t, s, HarbourParty, graph.In, graph.MemberOf)
	if len(member) != 1 || member[0].Role != "deputy leader" {
		t.Errorf("member-of in-edges = %+v, want one with role", member)
	}
}

func testNodesOfKind(t *testing.T, s graph.Store, _ Opener) {
	write(t, s, SubHarbour(), SubBudget(), SubQuiet())
	ids := func(k graph.Kind) []string {
		var out []string
		for _, n := range collect(t, s.NodesOfKind(context.Background(), k)) {
			if n.Kind != k {
				t.Errorf("NodesOfKind(%s) yielded %s of kind %s", k, n.ID, n.Kind)
			}
			out = append(out, n.ID)
		}
		return out
	}
	equal(t, "people", ids(graph.Person), sorted(Brandt, Okafor))
	equal(t, "claims", ids(graph.Claim), sorted(Waste, False, Schools))
	equal(t, "articles", ids(graph.Article), sorted(ArtHarbour, ArtBudget, ArtQuiet))
	equal(t, "events", ids(graph.Event), []string(nil))
}

func sorted(s ...string) []string {
	slices.Sort(s)
	return s
}

func testOrderOfAll(t *testing.T, s graph.Store, _ Opener) {
	write(t, s, SubQuiet(), SubBudget(), SubHarbour())
	d := DumpOf(t, s)
	if !slices.IsSortedFunc(d.Nodes, func(a, b graph.Node) int { return cmp.Compare(a.ID, b.ID) }) {
		t.Errorf("nodes not in ID order")
	}
	equal(t, "node count", len(d.Nodes), 10)
	equal(t, "edges", d.Edges, edgesOf(func(graph.Edge) bool { return true }, outOrder))
}

func testEdgeDedupe(t *testing.T, s graph.Store, _ Opener) {
	sub := SubHarbour()
	first := sub.Edges[len(sub.Edges)-1]
	again := first
	again.Start, again.End, again.Evidence, again.Rule = 0, 4, "date", "other"
	sub.Edges = append(sub.Edges, again)
	equal(t, "stats", write(t, s, sub), graph.WriteStats{Articles: 1, Nodes: 7, Edges: 10})
	got := neighbors(t, s, first.From, graph.Out, first.Rel)
	equal(t, "edges", got, []graph.Edge{first})
	imp := graph.Subgraph{Edges: []graph.Edge{again}}
	equal(t, "import stats", write(t, s, imp), graph.WriteStats{})
	equal(t, "edges after import", neighbors(t, s, first.From, graph.Out, first.Rel), []graph.Edge{first})
}

func testImport(t *testing.T, s graph.Store, _ Opener) {
	write(t, s, SubHarbour())
	e := graph.Edge{From: Brandt, Rel: graph.MemberOf, To: HarbourParty, Article: ArtHarbour, Start: 1, End: 2}
	imp := graph.Subgraph{
		Nodes: []graph.Node{{ID: Brandt, Kind: graph.Person, Name: "Milo Brandt", Aliases: []string{"Cllr Brandt"}}},
		Edges: []graph.Edge{e},
	}
	equal(t, "stats", write(t, s, imp), graph.WriteStats{Edges: 1})
	equal(t, "aliases", node(t, s, Brandt).Aliases, []string{"Brandt", "Cllr Brandt"})
	ids, err := s.Lookup(context.Background(), "cllr brandt")
	if err != nil {
		t.Fatal(err)
	}
	equal(t, "lookup of the new alias", ids, []string{Brandt})
	equal(t, "edge", neighbors(t, s, Brandt, graph.Out, graph.MemberOf), []graph.Edge{e})
}

func testBreak(t *testing.T, s graph.Store, _ Opener) {
	write(t, s, SubHarbour(), SubBudget(), SubQuiet())
	ctx := context.Background()
	seqs := map[string]func() int{
		"Nodes":       func() int { return first(s.Nodes(ctx)) },
		"NodesOfKind": func() int { return first(s.NodesOfKind(ctx, graph.Person)) },
		"Edges":       func() int { return first(s.Edges(ctx)) },
		"Neighbors":   func() int { return first(s.Neighbors(ctx, Okafor, graph.Both)) },
		"Neighbors-in": func() int {
			return first(s.Neighbors(ctx, Waste, graph.In))
		},
	}
	if se, ok := s.(graph.Searcher); ok {
		write(t, s, graph.Subgraph{Nodes: []graph.Node{{ID: graph.ClaimID("money well spent"), Kind: graph.Claim,
			Name: "money well spent", Text: "money well spent"}}})
		seqs["SearchClaims"] = func() int { return first(se.SearchClaims(ctx, "money")) }
	}
	for name, f := range seqs {
		if n := f(); n != 1 {
			t.Errorf("%s: the loop body ran %d times before break, want 1", name, n)
		}
	}
}

// first ranges over seq and breaks after the first item; range-over-func
// panics if the iterator goes on yielding.
func first[T any](seq iter.Seq2[T, error]) int {
	n := 0
	for range seq {
		n++
		break
	}
	return n
}

func testCancelled(t *testing.T, s graph.Store, _ Opener) {
	write(t, s, SubHarbour(), SubBudget(), SubQuiet())
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	seqs := map[string]iter.Seq2[graph.Edge, error]{
		"Edges":     s.Edges(ctx),
		"Neighbors": s.Neighbors(ctx, Okafor, graph.Both),
	}
	for name, seq := range seqs {
		var last error
		for _, err := range seq {
			last = err
		}
		if !errors.Is(last, context.Canceled) {
			t.Errorf("%s with a cancelled context ended with %v, want context.Canceled", name, last)
		}
	}
	var last error
	for _, err := range s.Nodes(ctx) {
		last = err
	}
	if !errors.Is(last, context.Canceled) {
		t.Errorf("Nodes with a cancelled context ended with %v, want context.Canceled", last)
	}
}

func testSearch(t *testing.T, s graph.Store, _ Opener) {
	se, ok := s.(graph.Searcher)
	if !ok {
		t.Skipf("%T does not implement graph.Searcher", s)
	}
	write(t, s, SubHarbour(), SubBudget(), SubQuiet())
	for _, c := range []struct {
		query string
		want  []string
	}{
		{"waste money", []string{Waste}},
		{"A WASTE of Money!", []string{Waste}},
		{"completely", []string{False}},
		{"of", []string{Waste}},
		{"every school protects", []string{Schools}},
		{"money school", nil},
		{"schools", nil},
		{"", nil},
	} {
		got := collect(t, se.SearchClaims(context.Background(), c.query))
		equal(t, fmt.Sprintf("SearchClaims(%q)", c.query), got, c.want)
	}
}
