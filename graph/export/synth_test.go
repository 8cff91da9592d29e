package export

import (
	"context"
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/mem"
)

// synthGraph builds a random graph in the shape of a news corpus with
// about n nodes: speakers in parties, claims said in articles, stances.
func synthGraph(t testing.TB, n int, seed uint64) *mem.Graph {
	t.Helper()
	rng := rand.New(rand.NewPCG(seed, 1))
	people := max(n/10, 2)
	parties := max(n/200, 2)
	articles := max(n/7, 1)
	var subs []graph.Subgraph
	person := func(i int) graph.Node {
		name := fmt.Sprintf("Speaker %03d Example", i)
		return graph.Node{ID: graph.EntityID(graph.Person, name), Kind: graph.Person, Name: name}
	}
	party := func(i int) graph.Node {
		name := fmt.Sprintf("Party Number %d", i)
		return graph.Node{ID: graph.EntityID(graph.Party, name), Kind: graph.Party, Name: name,
			Aliases: []string{fmt.Sprintf("PN%d", i)}}
	}
	claimsLeft := n - people - parties - articles
	for a := range articles {
		text := fmt.Sprintf("article %d", a)
		art := graph.Node{ID: graph.ArticleID([]byte(text)), Kind: graph.Article, Name: "Report " + text,
			Title: "Report " + text, Date: fmt.Sprintf("2024-%02d-%02d", 1+a%12, 1+a%28), Text: text}
		s := graph.Subgraph{Article: art.ID, Nodes: []graph.Node{art}}
		for range max(claimsLeft/articles, 1) {
			p, q := person(rng.IntN(people)), party(rng.IntN(parties))
			words := fmt.Sprintf("claim %d says that the budget of district %d was cut by %d percent last year", rng.IntN(n), rng.IntN(50), rng.IntN(100))
			c := claim(graph.ClaimID(words), words, rng.IntN(2) == 0)
			s.Nodes = append(s.Nodes, p, q, c)
			s.Edges = append(s.Edges,
				graph.Edge{From: p.ID, Rel: graph.Said, To: c.ID, Article: art.ID, Start: 0, End: 4, Evidence: words},
				graph.Edge{From: p.ID, Rel: graph.MemberOf, To: q.ID, Article: art.ID},
				graph.Edge{From: c.ID, Rel: graph.About, To: q.ID, Article: art.ID},
				graph.Edge{From: art.ID, Rel: graph.Mentions, To: p.ID, Article: art.ID})
			if rng.IntN(5) == 0 {
				s.Edges = append(s.Edges, graph.Edge{From: person(rng.IntN(people)).ID, Rel: graph.Disputes, To: c.ID, Article: art.ID})
			}
		}
		subs = append(subs, s)
	}
	g := mem.New()
	// Speakers that said nothing still exist.
	extra := graph.Subgraph{}
	for i := range people {
		extra.Nodes = append(extra.Nodes, person(i))
	}
	for i := range parties {
		extra.Nodes = append(extra.Nodes, party(i))
	}
	if _, err := g.Write(context.Background(), append(subs, extra)); err != nil {
		t.Fatal(err)
	}
	return g
}
