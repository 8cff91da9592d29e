package contradict

import (
	"context"
	"testing"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/mem"
)

func TestCandidatesNeedASharedEntityAndFoldVariants(t *testing.T) {
	ctx := context.Background()
	sp := graph.Node{ID: "person/marta-quill", Kind: graph.Person, Name: "Marta Quill"}
	dunmore := graph.Node{ID: "place/dunmore", Kind: graph.Place, Name: "Dunmore"}
	kelby := graph.Node{ID: "place/kelby", Kind: graph.Place, Name: "Kelby"}
	claims := []struct {
		date, text string
		about      graph.Node
	}{
		{"2025-05-02", "The port deal will create four thousand jobs in Dunmore by next spring", dunmore},
		{"2025-05-06", "The port deal will create four thousand jobs in Dunmore", dunmore},
		{"2025-06-12", "the port deal would not create four thousand jobs in Dunmore by next spring", dunmore},
		{"2025-05-03", "the ferry will stop in Kelby", kelby},
		{"2025-06-20", "the ferry will not stop in Dunmore", dunmore},
	}
	g := mem.New()
	for _, c := range claims {
		a := graph.Node{ID: graph.ArticleID([]byte(c.text)), Kind: graph.Article, Date: c.date}
		cl := graph.Node{ID: graph.ClaimID(c.text), Kind: graph.Claim, Name: c.text, Text: c.text}
		sub := graph.Subgraph{Article: a.ID, Nodes: []graph.Node{a, cl, sp, c.about}, Edges: []graph.Edge{
			{From: sp.ID, Rel: graph.Said, To: cl.ID, Article: a.ID, Evidence: c.text},
			{From: cl.ID, Rel: graph.About, To: c.about.ID, Article: a.ID},
		}}
		if _, err := g.Write(ctx, []graph.Subgraph{sub}); err != nil {
			t.Fatal(err)
		}
	}
	got, err := Candidates(ctx, g, sp)
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name  string
		check func() bool
	}{
		{"one candidate: the ferry claims share no entity", func() bool { return len(got) == 1 }},
		{"A is the first appearance of the promise", func() bool { return got[0].A.First().Article.Date == "2025-05-02" }},
		{"B is the denial", func() bool { return got[0].B.First().Article.Date == "2025-06-12" }},
		{"the trimmed variant is folded in", func() bool { return got[0].Pairs == 2 }},
		{"the signal is a negation about Dunmore", func() bool {
			return len(got[0].Finding.Kinds) == 1 && got[0].Finding.Kinds[0] == Negation && got[0].About[0].ID == dunmore.ID
		}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if len(got) == 0 || !c.check() {
				t.Errorf("candidates: %+v", got)
			}
		})
	}
}
