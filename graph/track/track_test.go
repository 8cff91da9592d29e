package track

import (
	"context"
	"testing"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/mem"
)

func TestLocateFindsWordsAcrossPunctuation(t *testing.T) {
	const art = "In a speech, Quill said: \u201cThe port deal \u2014 at last \u2014 will create jobs.\u201d Then she left."
	cases := []struct {
		name, text string
		want       string
		ok         bool
	}{
		{"the words as stored", "The port deal at last will create jobs", "The port deal \u2014 at last \u2014 will create jobs", true},
		{"case does not count", "the PORT deal", "The port deal", true},
		{"missing words are not found", "the port deal will cut jobs", "", false},
		{"an empty text is not found", "", "", false},
		{"a phrase from the middle is found", "deal at last will", "deal \u2014 at last \u2014 will", true},
		{"words running past the end are not found", "then she left today", "", false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s, e, ok := Locate(art, c.text)
			if ok != c.ok || (ok && art[s:e] != c.want) {
				t.Errorf("Locate = %d-%d %v, want %q %v", s, e, ok, c.want, c.ok)
			}
		})
	}
}

func TestLocateTriesEveryPlaceTheFirstWordStands(t *testing.T) {
	// "the" stands three times; only the third starts the claim's words
	const art = "The mayor said the budget was late. The budget, she added, is balanced."
	s, e, ok := Locate(art, "the budget she added is balanced")
	if !ok || art[s:e] != "The budget, she added, is balanced" {
		t.Errorf("Locate = %d-%d %v, want the second sentence", s, e, ok)
	}
}

func TestClustersPutVariantsTogetherWithTheirFirstAppearance(t *testing.T) {
	ctx := context.Background()
	g := mem.New()
	sp := graph.Node{ID: "person/marta-quill", Kind: graph.Person, Name: "Marta Quill"}
	texts := []struct{ date, text string }{
		{"2025-05-06", "The port deal will create four thousand jobs in Dunmore"},
		{"2025-05-02", "The port deal will create four thousand jobs in Dunmore by next spring"},
		{"2025-05-09", "The port deal would create four thousand jobs in Dunmore by next spring"},
		{"2025-06-12", "the port deal would not create four thousand jobs in Dunmore by next spring"},
		{"2025-05-03", "Dunmore deserved a fair share of the port revenue"},
	}
	var subs []graph.Subgraph
	for i, x := range texts {
		a := graph.Node{ID: graph.ArticleID([]byte(x.text)), Kind: graph.Article, Date: x.date, Title: "t" + x.date}
		c := graph.Node{ID: graph.ClaimID(x.text), Kind: graph.Claim, Name: x.text, Text: x.text}
		subs = append(subs, graph.Subgraph{Article: a.ID, Nodes: []graph.Node{a, c, sp},
			Edges: []graph.Edge{{From: sp.ID, Rel: graph.Said, To: c.ID, Article: a.ID, Start: i, End: i + 1}}})
	}
	if _, err := g.Write(ctx, subs); err != nil {
		t.Fatal(err)
	}
	negated := func(s string) bool { return wordSet(s)["not"] }
	cls, err := Clusters(ctx, g, sp.ID, negated)
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name     string
		first    string
		variants int
	}{
		{"the three wordings form the first cluster, first seen on 2 May", "2025-05-02", 3},
		{"another claim is alone", "2025-05-03", 1},
		{"the negation is not a variant", "2025-06-12", 1},
	}
	if len(cls) != len(cases) {
		t.Fatalf("%d clusters, want %d", len(cls), len(cases))
	}
	for i, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := cls[i].First().Article.Date; got != c.first {
				t.Errorf("first appearance %s, want %s", got, c.first)
			}
			if got := len(cls[i].Variants); got != c.variants {
				t.Errorf("%d variants, want %d", got, c.variants)
			}
		})
	}
}

// wordSet returns the set of lower-case words of s, for the tests' negation
// check.
func wordSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range wordsOf(s) {
		m[w.w] = true
	}
	return m
}
