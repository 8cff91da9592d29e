package ask_test

import (
	"context"
	"errors"
	"slices"
	"testing"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/ask"
)

// neighborKey is a row as "depth:node", in fixture names.
func neighborKey(r ask.NeighborRow) string {
	return string(rune('0'+r.Depth)) + ":" + short(r.Node.ID)
}

func TestNeighborsListsNodesByDepth(t *testing.T) {
	g := fixture(t)
	tests := []struct {
		name  string
		who   string
		depth int
		rels  []graph.Rel
		want  []string
	}{
		{"depth one lists the direct neighbours in both directions", "Quill", 1, nil,
			[]string{"1:FUP", "1:bridge", "1:art2"}},
		{"a relation filter follows only that relation", "Quill", 1, []graph.Rel{graph.MemberOf},
			[]string{"1:FUP"}},
		{"depth two reaches a fellow member", "Quill", 2, []graph.Rel{graph.MemberOf},
			[]string{"1:FUP", "2:Marsh"}},
		{"several relations may be followed", "Quill", 2, []graph.Rel{graph.MemberOf, graph.Said},
			[]string{"1:FUP", "2:Marsh", "2:port", "2:fares"}},
		{"depth zero lists nothing", "Quill", 0, nil, nil},
		{"an isolated node has no neighbours", "Lantern Trust", 3, nil, nil},
		{"a relation nobody has gives no rows", "Marsh", 2, []graph.Rel{graph.Supports},
			nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, r := range collect(t, ask.Neighbors(context.Background(), g, tt.who, tt.depth, tt.rels...)) {
				got = append(got, neighborKey(r))
			}
			equalLists(t, "neighbours", sorted(got), sorted(tt.want))
		})
	}
}

// TestNeighborsMatchesBreadthFirstSearch checks, for several starts, depths
// and relation filters, that every node within reach is yielded once, at
// its distance, nearest first, with an edge that reaches it from one step
// nearer.
func TestNeighborsMatchesBreadthFirstSearch(t *testing.T) {
	g := fixture(t)
	ctx := context.Background()
	edges := collect(t, g.Edges(ctx))
	filters := [][]graph.Rel{nil, {graph.Said, graph.Disputes}, {graph.About, graph.MemberOf}}
	for _, who := range []string{"Marsh", "Vale", "Harbour Board", cFiction} {
		for _, rels := range filters {
			starts, err := ask.Resolve(ctx, g, who)
			if err != nil {
				t.Fatal(err)
			}
			dist := distances(edges, idsOf(starts), rels)
			for depth := 1; depth <= 5; depth++ {
				rows := collect(t, ask.Neighbors(ctx, g, who, depth, rels...))
				checkNeighbors(t, who, depth, rows, dist)
			}
		}
	}
}

func checkNeighbors(t *testing.T, who string, depth int, rows []ask.NeighborRow, dist map[string]int) {
	t.Helper()
	seen := map[string]bool{}
	for i, r := range rows {
		id := r.Node.ID
		switch {
		case seen[id]:
			t.Errorf("%s depth %d: %s yielded twice", who, depth, id)
		case r.Depth != dist[id]:
			t.Errorf("%s depth %d: %s at depth %d, want %d", who, depth, id, r.Depth, dist[id])
		case i > 0 && r.Depth < rows[i-1].Depth:
			t.Errorf("%s depth %d: %s at depth %d after depth %d", who, depth, id, r.Depth, rows[i-1].Depth)
		}
		seen[id] = true
		other := r.Via.From.ID
		if other == id {
			other = r.Via.To.ID
		}
		if (r.Via.From.ID != id && r.Via.To.ID != id) || dist[other] != r.Depth-1 {
			t.Errorf("%s depth %d: %s reached via %s -%s-> %s", who, depth, id, r.Via.From.ID, r.Via.Edge.Rel, r.Via.To.ID)
		}
	}
	for id, d := range dist {
		if d >= 1 && d <= depth && !seen[id] {
			t.Errorf("%s depth %d: %s at distance %d was not yielded", who, depth, id, d)
		}
	}
}

// distances returns the number of hops from starts to every reachable node
// over edges of rels (all when empty), either way.
func distances(edges []graph.Edge, starts []string, rels []graph.Rel) map[string]int {
	adj := map[string][]string{}
	for _, e := range edges {
		if len(rels) == 0 || slices.Contains(rels, e.Rel) {
			adj[e.From] = append(adj[e.From], e.To)
			adj[e.To] = append(adj[e.To], e.From)
		}
	}
	dist := map[string]int{}
	queue := slices.Clone(starts)
	for _, s := range starts {
		dist[s] = 0
	}
	for len(queue) > 0 {
		x := queue[0]
		queue = queue[1:]
		for _, y := range adj[x] {
			if _, ok := dist[y]; !ok {
				dist[y] = dist[x] + 1
				queue = append(queue, y)
			}
		}
	}
	return dist
}

func TestNeighborsReportsUnknownNames(t *testing.T) {
	_, err := firstError(ask.Neighbors(context.Background(), fixture(t), "Nobody", 2))
	if !errors.Is(err, ask.ErrNoMatch) {
		t.Fatalf("error %v, want ErrNoMatch", err)
	}
}

func TestTimelineOrdersClaimsByDate(t *testing.T) {
	g := fixture(t)
	tests := []struct {
		name string
		who  string
		want []string
	}{
		{"a governor's claims come by date, a claim said twice twice", "Marsh",
			[]string{"by Marsh bridge art1", "by Marsh budget art1", "by Marsh taxes art2", "by Marsh bridge art2"}},
		{"a party's own claims and claims about it are merged, each once", "FUP",
			[]string{"by FUP port art1", "by FUP fares art2", "about Marsh taxes art2"}},
		{"undated claims come last", "Harbour Board",
			[]string{"about FUP port art1", "about Marsh budget art1", "about FUP fares art2", "about Vale fiction art3"}},
		{"an ambiguous alias unites its nodes' timelines", "Vale", []string{"by Vale fiction art3"}},
		{"someone who said nothing has an empty timeline", "Quill", nil},
		{"a place nothing is about has an empty timeline", "Port Elm", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rows, err := ask.Timeline(context.Background(), g, tt.who)
			if err != nil {
				t.Fatalf("Timeline: %v", err)
			}
			var got []string
			for _, r := range rows {
				got = append(got, r.Role+" "+saidKey(r.SaidRow))
				if r.Article.Text != "" {
					t.Errorf("row %s carries the article text", saidKey(r.SaidRow))
				}
			}
			equalLists(t, "timeline", got, tt.want)
		})
	}
}

func TestTimelineReportsUnknownNames(t *testing.T) {
	_, err := ask.Timeline(context.Background(), fixture(t), "Nobody")
	if !errors.Is(err, ask.ErrNoMatch) || err.Error() != `no node named "Nobody"` {
		t.Fatalf("error %v, want no node named \"Nobody\"", err)
	}
}

func TestSearchFindsClaimsWithTheirSpeakers(t *testing.T) {
	g := fixture(t)
	tests := []struct {
		name  string
		query string
		want  []string
	}{
		{"a claim said in two articles gives two rows", "bridge",
			[]string{"Marsh bridge art1", "Marsh bridge art2"}},
		{"a claim nobody said is found without a speaker", "budget",
			[]string{"Marsh budget art1", "Vale fiction art3", " orphan "}},
		{"every word must match, in any case", "BUDGET Fiction", []string{"Vale fiction art3"}},
		{"a word in no claim finds nothing", "unicorn", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, r := range collect(t, ask.Search(context.Background(), g, fakeSearcher{g}, tt.query)) {
				got = append(got, saidKey(r))
				if r.Article.Text != "" {
					t.Errorf("row %s carries the article text", saidKey(r))
				}
				if r.Speaker.ID != "" && (r.Edge.Evidence == "" || r.Edge.Rel != graph.Said) {
					t.Errorf("row %s lacks its said edge's evidence", saidKey(r))
				}
			}
			equalLists(t, "rows", sorted(got), sorted(tt.want))
		})
	}
}

func TestSearchPassesOnSearcherErrors(t *testing.T) {
	g := fixture(t)
	_, err := firstError(ask.Search(context.Background(), g, fakeSearcher{g}, "fail"))
	if !errors.Is(err, errBroken) {
		t.Fatalf("error %v, want the searcher's error", err)
	}
}
