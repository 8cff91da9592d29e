package store

import (
	"context"
	"slices"
	"testing"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/graphtest"
)

// unsaidByReading is Unsaid the slow way: every claim and its said edges.
func unsaidByReading(t *testing.T, db *DB) []string {
	t.Helper()
	ctx := context.Background()
	var out []string
	for c, err := range db.NodesOfKind(ctx, graph.Claim) {
		if err != nil {
			t.Fatal(err)
		}
		said := false
		for _, err := range db.Neighbors(ctx, c.ID, graph.In, graph.Said) {
			if err != nil {
				t.Fatal(err)
			}
			said = true
		}
		if !said {
			out = append(out, c.ID)
		}
	}
	return out
}

func TestUnsaidListsExactlyTheClaimsNobodySaid(t *testing.T) {
	ctx := context.Background()
	db := fixtureDB(t)
	// claims with generic IDs (after the packed ones in key order), one
	// disputed but not said, one said, one with no edge at all
	art := graphtest.SubQuiet().Article
	sp := graph.Node{ID: "person/ana-lind", Kind: graph.Person, Name: "Ana Lind"}
	claims := []graph.Node{
		{ID: "claim/zz-alone", Kind: graph.Claim, Name: "alone", Text: "alone"},
		{ID: "claim/zz-disputed", Kind: graph.Claim, Name: "disputed", Text: "disputed"},
		{ID: "claim/zz-said", Kind: graph.Claim, Name: "said", Text: "said"},
	}
	sub := graph.Subgraph{Nodes: append([]graph.Node{sp}, claims...), Edges: []graph.Edge{
		{From: sp.ID, Rel: graph.Disputes, To: "claim/zz-disputed", Article: art},
		{From: sp.ID, Rel: graph.Said, To: "claim/zz-said", Article: art},
	}}
	if _, err := db.Write(ctx, []graph.Subgraph{sub}); err != nil {
		t.Fatal(err)
	}
	var got []string
	for id, err := range db.Unsaid(ctx) {
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, id)
	}
	want := unsaidByReading(t, db)
	if !slices.Equal(got, want) {
		t.Errorf("Unsaid = %v\nwant     %v", got, want)
	}
	for _, id := range []string{"claim/zz-alone", "claim/zz-disputed"} {
		if !slices.Contains(got, id) {
			t.Errorf("Unsaid misses %s", id)
		}
	}
	if slices.Contains(got, "claim/zz-said") {
		t.Error("Unsaid lists a claim that has a said edge")
	}
}
