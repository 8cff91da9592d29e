package export

import (
	"bytes"
	"context"
	"encoding/json"
	"testing"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/mem"
)

func TestWriteClaimReviewSkeletons(t *testing.T) {
	ctx := context.Background()
	g := mem.New()
	text := "The harbour tax will pay for every new school."
	c := graph.ClaimID(text)
	lone := graph.ClaimID("Nobody said this.")
	sub := graph.Subgraph{
		Nodes: []graph.Node{
			{ID: "person/mara-quist", Kind: graph.Person, Name: "Mara Quist"},
			{ID: "party/harbour-party", Kind: graph.Party, Name: "Harbour Party"},
			{ID: "article/00000000000000a1", Kind: graph.Article, Title: "Later", Date: "2025-03-20", URL: "https://news.example/later", Text: "long text"},
			{ID: "article/00000000000000a2", Kind: graph.Article, Title: "Earlier", Date: "2025-03-10", Source: "https://news.example/earlier"},
			{ID: c, Kind: graph.Claim, Name: text, Text: text},
			{ID: lone, Kind: graph.Claim, Name: "Nobody said this.", Text: "Nobody said this."},
			{ID: "factcheck/0000000000000001", Kind: graph.Factcheck, Name: "Desk: False", Source: "https://social.example/1", Verdict: "false"},
		},
		Edges: []graph.Edge{
			{From: "party/harbour-party", Rel: graph.Said, To: c, Article: "article/00000000000000a1"},
			{From: "person/mara-quist", Rel: graph.Said, To: c, Article: "article/00000000000000a2"},
			{From: "factcheck/0000000000000001", Rel: graph.Reviews, To: c},
		},
	}
	if _, err := g.Write(ctx, []graph.Subgraph{sub}); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := WriteClaimReview(ctx, &buf, g, g); err != nil {
		t.Fatal(err)
	}
	var docs []struct {
		Context       string `json:"@context"`
		Type          string `json:"@type"`
		ClaimReviewed string `json:"claimReviewed"`
		ItemReviewed  struct {
			Type       string `json:"@type"`
			Identifier string `json:"identifier"`
			Author     *struct {
				Type string `json:"@type"`
				Name string `json:"name"`
			} `json:"author"`
			DatePublished   string `json:"datePublished"`
			FirstAppearance *struct {
				URL string `json:"url"`
			} `json:"firstAppearance"`
			Appearance []struct {
				Type string `json:"@type"`
				URL  string `json:"url"`
			} `json:"appearance"`
		} `json:"itemReviewed"`
	}
	if err := json.Unmarshal(buf.Bytes(), &docs); err != nil {
		t.Fatalf("not one JSON array: %v\n%s", err, buf.String())
	}
	if len(docs) != 2 {
		t.Fatalf("%d documents, want one per claim:\n%s", len(docs), buf.String())
	}
	byID := map[string]int{}
	for i, d := range docs {
		byID[d.ItemReviewed.Identifier] = i
		if d.Context != "https://schema.org" || d.Type != "ClaimReview" || d.ItemReviewed.Type != "Claim" {
			t.Errorf("document %d: %+v", i, d)
		}
	}
	d := docs[byID[c]].ItemReviewed
	if docs[byID[c]].ClaimReviewed != text || d.Author == nil || d.Author.Name != "Mara Quist" || d.Author.Type != "Person" || d.DatePublished != "2025-03-10" {
		t.Errorf("the earliest article's speaker and date are not the claim's: %+v", d)
	}
	var urls []string
	for _, a := range d.Appearance {
		urls = append(urls, a.URL)
	}
	want := []string{"https://news.example/earlier", "https://news.example/later", "https://social.example/1"}
	if len(urls) != 3 || urls[0] != want[0] || urls[1] != want[1] || urls[2] != want[2] || d.FirstAppearance == nil || d.FirstAppearance.URL != want[0] {
		t.Errorf("appearances %q (first %+v), want %q", urls, d.FirstAppearance, want)
	}
	if l := docs[byID[lone]].ItemReviewed; l.Author != nil || len(l.Appearance) != 0 {
		t.Errorf("a claim nobody said has %+v", l)
	}
	buf.Reset()
	if err := WriteClaimReview(ctx, &buf, NewView(nil, nil), g); err != nil || buf.String() != "[]\n" {
		t.Errorf("empty export %q, %v; want []", buf.String(), err)
	}
}
