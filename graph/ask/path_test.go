package ask_test

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/ask"
	"github.com/claimgraph/claimgraph/graph/mem"
)

// stepKey writes a step as "A -rel-> B" when walked along the edge and
// "A <-rel- B" when against it.
func stepKey(s ask.Step) string {
	if s.Forward {
		return short(s.From.ID) + " -" + string(s.Edge.Rel) + "-> " + short(s.To.ID)
	}
	return short(s.From.ID) + " <-" + string(s.Edge.Rel) + "- " + short(s.To.ID)
}

// checkChain fails the test unless steps lead from one of from to one of
// to, each step starting where the last ended and oriented as Forward says.
func checkChain(t *testing.T, steps []ask.Step, from, to []string) {
	t.Helper()
	if len(steps) == 0 {
		return
	}
	if !slices.Contains(from, steps[0].From.ID) || !slices.Contains(to, steps[len(steps)-1].To.ID) {
		t.Errorf("path runs %s .. %s, want %v .. %v", steps[0].From.ID, steps[len(steps)-1].To.ID, from, to)
	}
	for i, s := range steps {
		if i > 0 && steps[i-1].To.ID != s.From.ID {
			t.Errorf("step %d starts at %s, the last ended at %s", i, s.From.ID, steps[i-1].To.ID)
		}
		fwd := s.Edge.From == s.From.ID && s.Edge.To == s.To.ID
		back := s.Edge.To == s.From.ID && s.Edge.From == s.To.ID
		if (s.Forward && !fwd) || (!s.Forward && !back) {
			t.Errorf("step %d %s is not oriented as Forward=%v says", i, stepKey(s), s.Forward)
		}
	}
}

func TestPathFindsShortestChains(t *testing.T) {
	g := fixture(t)
	tests := []struct {
		name      string
		a, b      string
		opt       ask.PathOptions
		wantLen   int
		wantSteps []string // checked when set
	}{
		{"a person reaches a fellow member through their party", "Quill", "Marsh",
			ask.PathOptions{Rels: []graph.Rel{graph.MemberOf}}, 2,
			[]string{"Quill -member-of-> FUP", "FUP <-member-of- Marsh"}},
		{"walking the other way flips the direction flags", "Marsh", "Quill",
			ask.PathOptions{Rels: []graph.Rel{graph.MemberOf}}, 2,
			[]string{"Marsh -member-of-> FUP", "FUP <-member-of- Quill"}},
		{"a disputer is three steps from a governor without mentions", "Marsh", "Oskar Vale",
			ask.PathOptions{}, 3, nil},
		{"with mentions allowed one article joins them in two steps", "Marsh", "Oskar Vale",
			ask.PathOptions{Rels: []graph.Rel{graph.Mentions}}, 2,
			[]string{"Marsh <-mentions- art2", "art2 -mentions-> Vale"}},
		{"a claim reaches the claim it disputes in one step", cFiction, cBudget, ask.PathOptions{}, 1,
			[]string{"fiction -disputes-> budget"}},
		{"a node is zero steps from itself", "Marsh", marsh, ask.PathOptions{}, 0, nil},
		{"an ambiguous alias is zero steps from one of its nodes", "Vale", "Oskar Vale", ask.PathOptions{}, 0, nil},
		{"a depth bound equal to the distance is enough", "Marsh", "Oskar Vale",
			ask.PathOptions{MaxDepth: 3}, 3, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ctx := context.Background()
			steps, err := ask.Path(ctx, g, tt.a, tt.b, tt.opt)
			if err != nil {
				t.Fatalf("Path: %v", err)
			}
			var got []string
			for _, s := range steps {
				got = append(got, stepKey(s))
				if s.Article.ID != s.Edge.Article || s.Article.Text != "" {
					t.Errorf("step %s: article %q with text %q, want the edge's article without text",
						stepKey(s), s.Article.ID, s.Article.Text)
				}
				if s.Edge.Rel != graph.Mentions && s.Edge.Evidence == "" {
					t.Errorf("step %s lacks its evidence", stepKey(s))
				}
				if len(tt.opt.Rels) == 0 && s.Edge.Rel == graph.Mentions {
					t.Errorf("step %s uses mentions, which are left out by default", stepKey(s))
				}
			}
			if len(steps) != tt.wantLen {
				t.Fatalf("got %d steps %q, want %d", len(steps), got, tt.wantLen)
			}
			if tt.wantSteps != nil {
				equalLists(t, "steps", got, tt.wantSteps)
			}
			from, _ := ask.Resolve(ctx, g, tt.a)
			to, _ := ask.Resolve(ctx, g, tt.b)
			checkChain(t, steps, idsOf(from), idsOf(to))
		})
	}
}

func idsOf(nodes []graph.Node) []string {
	var out []string
	for _, n := range nodes {
		out = append(out, n.ID)
	}
	return out
}

func TestPathReportsNoPath(t *testing.T) {
	g := fixture(t)
	tests := []struct {
		name    string
		a, b    string
		opt     ask.PathOptions
		wantMsg string
	}{
		{"a place only mentioned is not connected by default", "Marsh", "Port Elm", ask.PathOptions{},
			"no path within 6 edges"},
		{"an isolated organization is not connected even by mentions", "Marsh", "Lantern Trust",
			ask.PathOptions{Rels: graph.Rels}, "no path within 6 edges"},
		{"a relation filter can cut every path", "Marsh", "Oskar Vale",
			ask.PathOptions{Rels: []graph.Rel{graph.MemberOf}}, "no path within 6 edges"},
		{"a depth bound below the distance is named", "Marsh", "Oskar Vale",
			ask.PathOptions{MaxDepth: 2}, "no path within 2 edges"},
		{"a visit bound is named", "Marsh", "Oskar Vale",
			ask.PathOptions{MaxVisits: 1}, "no path: gave up after visiting 1 nodes"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			steps, err := ask.Path(context.Background(), g, tt.a, tt.b, tt.opt)
			if !errors.Is(err, ask.ErrNoPath) {
				t.Fatalf("Path = %d steps, %v; want ErrNoPath", len(steps), err)
			}
			if err.Error() != tt.wantMsg {
				t.Errorf("message %q, want %q", err.Error(), tt.wantMsg)
			}
		})
	}
}

func TestPathReportsUnknownEnds(t *testing.T) {
	g := fixture(t)
	for _, ends := range [][2]string{{"Nobody", "Marsh"}, {"Marsh", "Nobody"}} {
		_, err := ask.Path(context.Background(), g, ends[0], ends[1], ask.PathOptions{})
		if !errors.Is(err, ask.ErrNoMatch) || !strings.Contains(err.Error(), `"Nobody"`) {
			t.Errorf("Path(%q, %q): error %v, want no match for \"Nobody\"", ends[0], ends[1], err)
		}
	}
}

// chain returns a graph of n organizations O0 -member-of-> O1 -> ... On-1.
func chain(t *testing.T, n int) *mem.Graph {
	t.Helper()
	var sub graph.Subgraph
	for i := range n {
		id := graph.EntityID(graph.Organization, fmt.Sprintf("O%d", i))
		sub.Nodes = append(sub.Nodes, graph.Node{ID: id, Kind: graph.Organization, Name: fmt.Sprintf("O%d", i)})
		if i > 0 {
			prev := graph.EntityID(graph.Organization, fmt.Sprintf("O%d", i-1))
			sub.Edges = append(sub.Edges, graph.Edge{From: prev, Rel: graph.MemberOf, To: id})
		}
	}
	g := mem.New()
	if _, err := g.Write(context.Background(), []graph.Subgraph{sub}); err != nil {
		t.Fatal(err)
	}
	return g
}

func TestPathDepthBounds(t *testing.T) {
	tests := []struct {
		name     string
		nodes    int
		maxDepth int
		wantLen  int // -1: ErrNoPath
	}{
		{"the default bound reaches a path of six edges", 7, 0, 6},
		{"the default bound stops a path of seven edges", 8, 0, -1},
		{"a raised bound reaches a path of seven edges", 8, 7, 7},
		{"a bound of one reaches a neighbour", 2, 1, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g := chain(t, tt.nodes)
			steps, err := ask.Path(context.Background(), g, "O0", fmt.Sprintf("O%d", tt.nodes-1),
				ask.PathOptions{MaxDepth: tt.maxDepth})
			switch {
			case tt.wantLen < 0 && !errors.Is(err, ask.ErrNoPath):
				t.Fatalf("got %d steps, %v; want ErrNoPath", len(steps), err)
			case tt.wantLen >= 0 && err != nil:
				t.Fatalf("Path: %v", err)
			case tt.wantLen >= 0 && len(steps) != tt.wantLen:
				t.Fatalf("got %d steps, want %d", len(steps), tt.wantLen)
			}
			for i, s := range steps {
				if !s.Forward || s.From.Name != fmt.Sprintf("O%d", i) {
					t.Errorf("step %d = %s, want O%d walked forward", i, stepKey(s), i)
				}
			}
		})
	}
}

// TestPathIsShortestOnRandomGraphs compares Path's length with a plain
// breadth-first search over small random graphs.
func TestPathIsShortestOnRandomGraphs(t *testing.T) {
	rels := []graph.Rel{graph.Said, graph.MemberOf, graph.About, graph.Disputes, graph.Supports}
	rng := rand.New(rand.NewPCG(7, 11))
	for round := range 20 {
		const n = 24
		var sub graph.Subgraph
		adj := make([][]int, n)
		id := func(i int) string { return fmt.Sprintf("person/n%02d", i) }
		for i := range n {
			sub.Nodes = append(sub.Nodes, graph.Node{ID: id(i), Kind: graph.Person, Name: fmt.Sprintf("N%02d", i)})
		}
		for range 28 {
			a, b := rng.IntN(n), rng.IntN(n)
			if a == b {
				continue
			}
			sub.Edges = append(sub.Edges, graph.Edge{From: id(a), Rel: rels[rng.IntN(len(rels))], To: id(b)})
			adj[a], adj[b] = append(adj[a], b), append(adj[b], a)
		}
		g := mem.New()
		if _, err := g.Write(context.Background(), []graph.Subgraph{sub}); err != nil {
			t.Fatal(err)
		}
		for a := range n {
			dist := bfs(adj, a)
			for b := range n {
				steps, err := ask.Path(context.Background(), g, id(a), id(b), ask.PathOptions{MaxDepth: n})
				switch {
				case dist[b] < 0 && !errors.Is(err, ask.ErrNoPath):
					t.Fatalf("round %d: %s to %s: got %d steps, %v; want no path", round, id(a), id(b), len(steps), err)
				case dist[b] >= 0 && (err != nil || len(steps) != dist[b]):
					t.Fatalf("round %d: %s to %s: got %d steps, %v; want %d", round, id(a), id(b), len(steps), err, dist[b])
				}
				checkChain(t, steps, []string{id(a)}, []string{id(b)})
			}
		}
	}
}

// bfs returns the number of edges from a to every node, -1 if unreachable.
func bfs(adj [][]int, a int) []int {
	dist := make([]int, len(adj))
	for i := range dist {
		dist[i] = -1
	}
	dist[a] = 0
	queue := []int{a}
	for len(queue) > 0 {
		x := queue[0]
		queue = queue[1:]
		for _, y := range adj[x] {
			if dist[y] < 0 {
				dist[y] = dist[x] + 1
				queue = append(queue, y)
			}
		}
	}
	return dist
}
