package export

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/claimgraph/claimgraph/graph"
)

func viewIDs(t *testing.T, v *View) (nodes []string, edges []string) {
	t.Helper()
	for n, err := range v.Nodes(context.Background()) {
		if err != nil {
			t.Fatal(err)
		}
		nodes = append(nodes, n.ID)
	}
	for e, err := range v.Edges(context.Background()) {
		if err != nil {
			t.Fatal(err)
		}
		edges = append(edges, e.From+" "+string(e.Rel)+" "+e.To)
	}
	return nodes, edges
}

func sorted(s ...string) []string {
	s = slices.Clone(s)
	slices.Sort(s)
	return s
}

func TestSelectKeepsWhatTheFilterAsksFor(t *testing.T) {
	f := newFixture(t)
	cases := []struct {
		name   string
		filter Filter
		nodes  []string
		edges  int
	}{
		{"no filter keeps everything", Filter{}, nil, 19},
		{"depth 0 keeps the focus alone", Filter{Focus: []string{f.brandt}}, []string{f.brandt}, 0},
		{"depth 1 adds neighbours both ways and the edges among them",
			Filter{Focus: []string{f.brandt}, Depth: 1},
			[]string{f.brandt, f.freeFair, f.prf, f.fake, f.path, f.a2}, 6},
		{"a relation filter limits the walk",
			Filter{Focus: []string{f.brandt}, Depth: 3, Rels: []graph.Rel{graph.Said}},
			[]string{f.brandt, f.path}, 1},
		{"a kind filter does not walk through other kinds",
			Filter{Focus: []string{f.brandt}, Depth: 2, Kinds: []graph.Kind{graph.Person, graph.Party}},
			[]string{f.brandt, f.prf, f.voss}, 2},
		{"kinds without focus keep those nodes and the edges among them",
			Filter{Kinds: []graph.Kind{graph.Person, graph.Claim}},
			[]string{f.voss, f.brandt, f.fake, f.intimidated, f.rigged, f.freeFair, f.path}, 7},
		{"since keeps the later article's edges and what they touch",
			Filter{Since: "2024-03-02"},
			[]string{f.a2, f.commission, f.prf, f.voss, f.brandt, f.fake, f.freeFair, f.path}, 9},
		{"until keeps the earlier article's edges",
			Filter{Until: "2024-03-01"},
			[]string{f.a1, f.voss, f.province, f.cul, f.fake, f.intimidated, f.rigged, f.freeFair, f.prf, f.election}, 10},
		{"a range that holds no article keeps nothing", Filter{Since: "2025-01-01", Until: "2025-12-31"}, []string{}, 0},
		{"stances only", Filter{Rels: []graph.Rel{graph.Disputes, graph.Supports}}, []string{f.brandt, f.freeFair, f.fake}, 2},
		{"focus and dates combine",
			Filter{Focus: []string{f.voss}, Depth: 1, Until: "2024-03-01", Rels: []graph.Rel{graph.Said}},
			[]string{f.voss, f.fake, f.intimidated, f.rigged}, 3},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			v, err := Select(context.Background(), f.g, c.filter)
			if err != nil {
				t.Fatal(err)
			}
			nodes, edges := viewIDs(t, v)
			if c.nodes != nil && !slices.Equal(nodes, sorted(c.nodes...)) {
				t.Errorf("nodes\n got %v\nwant %v", nodes, sorted(c.nodes...))
			}
			if len(edges) != c.edges {
				t.Errorf("%d edges, want %d: %v", len(edges), c.edges, edges)
			}
			if !slices.IsSorted(nodes) {
				t.Error("nodes are not in ID order")
			}
		})
	}
}

func TestSelectStopsAtMaxNodesNearestFirst(t *testing.T) {
	f := newFixture(t)
	depth1 := []string{f.brandt, f.freeFair, f.prf, f.fake, f.path, f.a2}
	cases := []struct {
		name      string
		filter    Filter
		n         int
		within    []string // every node kept is one of these
		truncated bool
	}{
		{"a bound inside the first hop keeps part of it",
			Filter{Focus: []string{f.brandt}, Depth: 2, MaxNodes: 3}, 3, depth1, true},
		{"a bound the first hop fills exactly stops before the second",
			Filter{Focus: []string{f.brandt}, Depth: 2, MaxNodes: 6}, 6, depth1, true},
		{"a bound the walk never reaches changes nothing",
			Filter{Focus: []string{f.brandt}, Depth: 1, MaxNodes: 6}, 6, depth1, false},
		{"no bound", Filter{Focus: []string{f.brandt}, Depth: 1}, 6, depth1, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			v, err := Select(context.Background(), f.g, c.filter)
			if err != nil {
				t.Fatal(err)
			}
			nodes, _ := viewIDs(t, v)
			if len(nodes) != c.n || !slices.Contains(nodes, f.brandt) {
				t.Errorf("nodes %v: want %d with the focus", nodes, c.n)
			}
			for _, n := range nodes {
				if !slices.Contains(c.within, n) {
					t.Errorf("node %s is further than the first hop", n)
				}
			}
			if v.Truncated() != c.truncated {
				t.Errorf("Truncated() = %v, want %v", v.Truncated(), c.truncated)
			}
		})
	}
}

func TestSelectRefusesBadFilters(t *testing.T) {
	f := newFixture(t)
	cases := []struct {
		name   string
		filter Filter
		want   string
	}{
		{"an unknown focus", Filter{Focus: []string{"person/nobody"}, Depth: 1}, `focus "person/nobody": not found`},
		{"a negative depth", Filter{Focus: []string{f.voss}, Depth: -1}, "depth -1"},
		{"a negative node bound", Filter{Focus: []string{f.voss}, MaxNodes: -1}, "max nodes -1"},
		{"a date that is not YYYY-MM-DD", Filter{Since: "March 2024"}, `since "March 2024": want a date YYYY-MM-DD`},
		{"an empty range", Filter{Since: "2024-03-05", Until: "2024-03-01"}, "is after until"},
		{"an unknown relation", Filter{Rels: []graph.Rel{"likes"}}, `relation "likes"`},
		{"an unknown kind", Filter{Kinds: []graph.Kind{"robot"}}, `kind "robot"`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := Select(context.Background(), f.g, c.filter)
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Errorf("error %v, want one containing %q", err, c.want)
			}
		})
	}
	_, err := Select(context.Background(), f.g, Filter{Focus: []string{"person/nobody"}})
	if !errors.Is(err, graph.ErrNotFound) {
		t.Errorf("unknown focus: %v does not wrap graph.ErrNotFound", err)
	}
}

func TestNewViewSortsDeduplicatesAndDropsDanglingEdges(t *testing.T) {
	a := graph.Node{ID: "person/a", Kind: graph.Person, Name: "A"}
	b := graph.Node{ID: "person/b", Kind: graph.Person, Name: "B"}
	e := graph.Edge{From: a.ID, Rel: graph.MemberOf, To: b.ID}
	v := NewView([]graph.Node{b, a, b}, []graph.Edge{e, e, {From: a.ID, Rel: graph.Said, To: "claim/gone"}})
	nodes, edges := viewIDs(t, v)
	if !slices.Equal(nodes, []string{"person/a", "person/b"}) || len(edges) != 1 {
		t.Errorf("nodes %v edges %v", nodes, edges)
	}
	if _, ok := v.Node("person/b"); !ok || v.Has("claim/gone") {
		t.Error("Node/Has disagree with the nodes")
	}
	if !(Filter{}).IsZero() || (Filter{Since: "2024-01-01"}).IsZero() {
		t.Error("IsZero is wrong")
	}
}

func BenchmarkSelectFocus(b *testing.B) {
	g := synthGraph(b, 5000, 2)
	ctx := context.Background()
	focus := graph.EntityID(graph.Person, "Speaker 001 Example")
	for b.Loop() {
		if _, err := Select(ctx, g, Filter{Focus: []string{focus}, Depth: 2}); err != nil {
			b.Fatal(err)
		}
	}
}
