package store_test

import (
	"context"
	"testing"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/store"
)

// orphanArticle is an article with one claim nobody is said to have made.
func orphanArticle() graph.Subgraph {
	text := "\"We were never consulted,\" one of the dockers said."
	a := graph.Node{ID: graph.ArticleID([]byte(text)), Kind: graph.Article, Title: "Dockers", Date: "2025-06-12", Text: text}
	c := graph.Node{ID: graph.ClaimID("We were never consulted"), Kind: graph.Claim, Name: "We were never consulted", Text: "We were never consulted"}
	return graph.Subgraph{Article: a.ID, Nodes: []graph.Node{a, c}}
}

func saidBy(t *testing.T, db *store.DB, claim string) []graph.Edge {
	t.Helper()
	var out []graph.Edge
	for e, err := range db.Neighbors(context.Background(), claim, graph.In, graph.Said) {
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, e)
	}
	return out
}

func TestAnAttributionOutlivesForgetAndReingest(t *testing.T) {
	ctx := context.Background()
	db, err := store.Open(t.TempDir(), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	sub := orphanArticle()
	claim := sub.Nodes[1].ID
	mustWrite(t, db, sub)
	sp := graph.Node{ID: "organization/dunmore-dockers", Kind: graph.Organization, Name: "Dunmore Dockers"}
	e := graph.Edge{From: sp.ID, Rel: graph.Said, To: claim, Article: sub.Article, Start: 1, End: 24, Evidence: sub.Nodes[0].Text}
	if _, err := db.Attribute(ctx, e, sp); err != nil {
		t.Fatal(err)
	}
	steps := []struct {
		name string
		do   func() error
		want int // said edges of the claim afterwards
	}{
		{"attribute writes the said edge", func() error { return nil }, 1},
		{"forget removes the edge with its article", func() error { _, err := db.Forget(ctx, sub.Article); return err }, 0},
		{"re-ingest brings it back from the decision", func() error { _, err := db.Write(ctx, []graph.Subgraph{orphanArticle()}); return err }, 1},
	}
	for _, s := range steps {
		t.Run(s.name, func(t *testing.T) {
			if err := s.do(); err != nil {
				t.Fatal(err)
			}
			got := saidBy(t, db, claim)
			if len(got) != s.want {
				t.Fatalf("%d said edges, want %d: %+v", len(got), s.want, got)
			}
			if s.want > 0 && (got[0].From != sp.ID || got[0].Rule != store.AttributeRule || got[0].Confidence != 1 || got[0].Start != 1 || got[0].End != 24) {
				t.Errorf("edge %+v is not the hand attribution", got[0])
			}
		})
	}
	ds, err := db.Attributions(ctx)
	if err != nil || len(ds) != 1 || ds[0].Edge.To != claim || ds[0].Speaker.ID != sp.ID {
		t.Errorf("Attributions = %+v, %v", ds, err)
	}
	if rep, err := db.Check(ctx); err != nil || len(rep.Problems) > 0 {
		t.Errorf("check after attribution: %+v %v", rep, err)
	}
}

func TestAttributeRefusesWhatIsNotASaidEdgeToAClaim(t *testing.T) {
	db, err := store.Open(t.TempDir(), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	sp := graph.Node{ID: "person/marta-quill", Kind: graph.Person, Name: "Marta Quill"}
	cases := []struct {
		name string
		e    graph.Edge
		sp   graph.Node
	}{
		{"another relation", graph.Edge{From: sp.ID, Rel: graph.About, To: "claim/0123456789abcdef"}, sp},
		{"to something that is not a claim", graph.Edge{From: sp.ID, Rel: graph.Said, To: "place/dunmore"}, sp},
		{"from another node than the speaker", graph.Edge{From: "person/x", Rel: graph.Said, To: "claim/0123456789abcdef"}, sp},
		{"from a place", graph.Edge{From: "place/dunmore", Rel: graph.Said, To: "claim/0123456789abcdef"},
			graph.Node{ID: "place/dunmore", Kind: graph.Place, Name: "Dunmore"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if _, err := db.Attribute(context.Background(), c.e, c.sp); err == nil {
				t.Error("Attribute accepted it")
			}
		})
	}
}

// The decision and its edge are one transaction: when the edge cannot be
// written (here its claim is not stored), no decision is left behind to
// resurface on a later ingest.
func TestAFailedAttributionLeavesNoDecision(t *testing.T) {
	ctx := context.Background()
	db, err := store.Open(t.TempDir(), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	sp := graph.Node{ID: "person/marta-quill", Kind: graph.Person, Name: "Marta Quill"}
	e := graph.Edge{From: sp.ID, Rel: graph.Said, To: graph.ClaimID("a claim nobody stored")}
	if _, err := db.Attribute(ctx, e, sp); err == nil {
		t.Fatal("Attribute of a claim that is not stored succeeded")
	}
	if ds, err := db.Attributions(ctx); err != nil || len(ds) != 0 {
		t.Errorf("Attributions after the failure = %+v, %v; want none", ds, err)
	}
	if st, err := db.Stats(ctx); err != nil || st.Nodes[graph.Person] != 0 {
		t.Errorf("Stats after the failure = %+v, %v; want no person written", st, err)
	}
}
