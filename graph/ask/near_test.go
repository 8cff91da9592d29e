package ask_test

import (
	"context"
	"errors"
	"fmt"
	"testing"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/ask"
	"github.com/claimgraph/claimgraph/graph/mem"
)

// hubs returns a graph of two speakers with n claims each, every step-th
// claim of the first about the second, and a third person who only
// disputes one claim of the second.
func hubs(t *testing.T, n, step int) *mem.Graph {
	t.Helper()
	a := graph.EntityID(graph.Person, "Ada Hub")
	b := graph.EntityID(graph.Person, "Bo Hub")
	c := graph.EntityID(graph.Person, "Cy Side")
	sub := graph.Subgraph{Nodes: []graph.Node{
		{ID: a, Kind: graph.Person, Name: "Ada Hub"},
		{ID: b, Kind: graph.Person, Name: "Bo Hub"},
		{ID: c, Kind: graph.Person, Name: "Cy Side"},
	}}
	for i := range n {
		for _, sp := range []string{a, b} {
			text := fmt.Sprintf("%s claim number %d", sp, i)
			id := graph.ClaimID(text)
			sub.Nodes = append(sub.Nodes, graph.Node{ID: id, Kind: graph.Claim, Name: text, Text: text})
			sub.Edges = append(sub.Edges, graph.Edge{From: sp, Rel: graph.Said, To: id, Evidence: text})
			if sp == a && i%step == 0 {
				sub.Edges = append(sub.Edges, graph.Edge{From: id, Rel: graph.About, To: b, Evidence: text})
			}
			if sp == b && i == n/2 {
				sub.Edges = append(sub.Edges, graph.Edge{From: c, Rel: graph.Disputes, To: id, Evidence: text})
			}
		}
	}
	g := mem.New()
	if _, err := g.Write(context.Background(), []graph.Subgraph{sub}); err != nil {
		t.Fatal(err)
	}
	return g
}

// TestPathBetweenHubsStopsEarly: the breadth-first search alone would
// visit a hub's thousands of claims before meeting the other side; the
// walk over both sides' neighbours in order finds the two-edge path well
// within a bound smaller than one hub's degree.
func TestPathBetweenHubsStopsEarly(t *testing.T) {
	g := hubs(t, 3000, 50)
	ctx := context.Background()
	tests := []struct {
		name    string
		a, b    string
		visits  int
		wantLen int // -1: the search gives up
	}{
		{"two hubs, a claim of one about the other", "Ada Hub", "Bo Hub", 1000, 2},
		{"the other way round", "Bo Hub", "Ada Hub", 1000, 2},
		{"a small node and a hub: one disputed claim", "Cy Side", "Bo Hub", 1000, 2},
		{"four edges apart: the walk finds nothing, the search runs", "Cy Side", "Ada Hub", 10_000, 4},
		{"a bound too small for either gives up", "Ada Hub", "Bo Hub", 3, -1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			steps, err := ask.Path(ctx, g, tt.a, tt.b, ask.PathOptions{MaxVisits: tt.visits})
			if tt.wantLen < 0 {
				if !errors.Is(err, ask.ErrGaveUp) {
					t.Fatalf("got %d steps, %v; want the search to give up", len(steps), err)
				}
				return
			}
			if err != nil {
				t.Fatalf("Path: %v", err)
			}
			if len(steps) != tt.wantLen {
				t.Fatalf("got %d steps, want %d", len(steps), tt.wantLen)
			}
			from, _ := ask.Resolve(ctx, g, tt.a)
			to, _ := ask.Resolve(ctx, g, tt.b)
			checkChain(t, steps, idsOf(from), idsOf(to))
			for _, s := range steps {
				if s.Edge.Evidence == "" {
					t.Errorf("step %s lacks its evidence", stepKey(s))
				}
			}
		})
	}
}

// TestPathPrefersOneEdge: a direct edge wins over the many two-edge paths.
func TestPathPrefersOneEdge(t *testing.T) {
	g := hubs(t, 200, 1)
	ctx := context.Background()
	a := graph.EntityID(graph.Person, "Ada Hub")
	b := graph.EntityID(graph.Person, "Bo Hub")
	_, err := g.Write(ctx, []graph.Subgraph{{Edges: []graph.Edge{{From: a, Rel: graph.Disputes, To: b, Evidence: "Ada disputes Bo."}}}})
	if err != nil {
		t.Fatal(err)
	}
	steps, err := ask.Path(ctx, g, "Bo Hub", "Ada Hub", ask.PathOptions{})
	if err != nil || len(steps) != 1 || steps[0].Forward {
		t.Fatalf("got %d steps, %v; want the disputes edge walked backwards", len(steps), err)
	}
}
