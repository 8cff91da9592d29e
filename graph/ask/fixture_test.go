package ask_test

import (
	"context"
	"errors"
	"iter"
	"slices"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/mem"
)

// The fixture is a small invented claim graph over three articles:
//
//   - the Forward Union Party (FUP), whose provincial chair is governor Lena
//     Marsh and whose plain member is Ada Quill;
//   - governor Marsh, who says three claims in two dated articles (one of
//     them, the bridge claim, in both);
//   - Oskar Vale, deputy leader of the Civic League, who disputes two of the
//     FUP's claims and says, in an undated article, a claim that disputes
//     Marsh's budget claim;
//   - Quill, who supports the bridge claim;
//   - "Vale" is also a place, so the alias is ambiguous;
//   - Port Elm is only ever mentioned; the Lantern Trust is never linked at
//     all; one claim is recorded without a speaker.
const (
	textMarch1 = "date 2024-03-01\n" +
		"Governor Lena Marsh said the harbour budget is balanced. " +
		"\"The bridge will open in May,\" Marsh told reporters in Port Elm. " +
		"The Forward Union Party (FUP) said the port will be rebuilt. " +
		"Marsh is the provincial chair of the FUP."
	textMarch15 = "date 2024-03-15\n" +
		"Marsh repeated that \"the bridge will open in May\". " +
		"\"Taxes will not rise this year,\" the governor said of the FUP's plans. " +
		"The FUP said ferry fares will fall. " +
		"Oskar Vale, deputy leader of the Civic League, said neither promise would hold. " +
		"Ada Quill, an FUP member, said the bridge claim was right."
	textUndated = "Vale said the budget is a fiction."
)

// Node IDs of the fixture.
var (
	art1    = graph.ArticleID([]byte(textMarch1))
	art2    = graph.ArticleID([]byte(textMarch15))
	art3    = graph.ArticleID([]byte(textUndated))
	marsh   = graph.EntityID(graph.Person, "Lena Marsh")
	vale    = graph.EntityID(graph.Person, "Oskar Vale")
	quill   = graph.EntityID(graph.Person, "Ada Quill")
	fup     = graph.EntityID(graph.Party, "Forward Union Party")
	civic   = graph.EntityID(graph.Party, "Civic League")
	board   = graph.EntityID(graph.Organization, "Harbour Board")
	trust   = graph.EntityID(graph.Organization, "Lantern Trust")
	portElm = graph.EntityID(graph.Place, "Port Elm")
	valePl  = graph.EntityID(graph.Place, "Vale")
)

// Claim texts and IDs of the fixture.
const (
	budgetText  = "the harbour budget is balanced"
	bridgeText  = "The bridge will open in May"
	taxesText   = "Taxes will not rise this year"
	portText    = "the port will be rebuilt"
	faresText   = "ferry fares will fall"
	fictionText = "the budget is a fiction"
	orphanText  = "the budget vote was delayed"
)

var (
	cBudget  = graph.ClaimID(budgetText)
	cBridge  = graph.ClaimID(bridgeText)
	cTaxes   = graph.ClaimID(taxesText)
	cPort    = graph.ClaimID(portText)
	cFares   = graph.ClaimID(faresText)
	cFiction = graph.ClaimID(fictionText)
	cOrphan  = graph.ClaimID(orphanText)
)

// names maps fixture IDs to short names for readable expectations.
var names = map[string]string{
	marsh: "Marsh", vale: "Vale", quill: "Quill", fup: "FUP", civic: "Civic",
	board: "Board", trust: "Trust", portElm: "PortElm", valePl: "ValePlace",
	cBudget: "budget", cBridge: "bridge", cTaxes: "taxes", cPort: "port",
	cFares: "fares", cFiction: "fiction", cOrphan: "orphan",
	art1: "art1", art2: "art2", art3: "art3",
}

// short returns the fixture name of id, or id itself.
func short(id string) string {
	if n, ok := names[id]; ok {
		return n
	}
	return id
}

// article builds the subgraph of one fixture article.
type article struct {
	text string
	sub  graph.Subgraph
}

func newArticle(text, title, date string) *article {
	id := graph.ArticleID([]byte(text))
	a := &article{text: text, sub: graph.Subgraph{Article: id}}
	a.node(graph.Node{ID: id, Kind: graph.Article, Name: title, Title: title,
		Date: date, Source: "test/" + graph.Slug(title) + ".txt", Text: text})
	return a
}

func (a *article) node(n graph.Node) *article {
	a.sub.Nodes = append(a.sub.Nodes, n)
	return a
}

func (a *article) entity(k graph.Kind, name string, aliases ...string) *article {
	id := graph.EntityID(k, name)
	a.node(graph.Node{ID: id, Kind: k, Name: name, Aliases: aliases})
	return a.edge(a.sub.Article, graph.Mentions, id, "", name)
}

func (a *article) claim(text string) *article {
	return a.node(graph.Node{ID: graph.ClaimID(text), Kind: graph.Claim, Name: text, Text: text, Direct: true})
}

// edge adds an edge whose evidence is the sentence around the first
// occurrence of at in the article's text.
func (a *article) edge(from string, rel graph.Rel, to, role, at string) *article {
	e := graph.Edge{From: from, Rel: rel, To: to, Article: a.sub.Article, Role: role}
	if i := strings.Index(a.text, at); i >= 0 {
		e.Start, e.End = i, i+len(at)
		start := strings.LastIndexAny(a.text[:i], ".\n") + 1
		end := strings.IndexByte(a.text[i:], '.')
		if end < 0 {
			end = len(a.text) - i
		}
		e.Evidence = strings.TrimSpace(a.text[start : i+end+1])
	}
	a.sub.Edges = append(a.sub.Edges, e)
	return a
}

// fixtureSubgraphs returns the fixture's three articles and one
// article-less subgraph with the isolated nodes.
func fixtureSubgraphs() []graph.Subgraph {
	a1 := newArticle(textMarch1, "Harbour budget row", "2024-03-01").
		entity(graph.Person, "Lena Marsh", "Marsh").
		entity(graph.Party, "Forward Union Party", "FUP").
		entity(graph.Organization, "Harbour Board").
		entity(graph.Place, "Port Elm").
		claim(budgetText).claim(bridgeText).claim(portText).
		edge(marsh, graph.Said, cBudget, "", "harbour budget").
		edge(marsh, graph.Said, cBridge, "", "The bridge").
		edge(fup, graph.Said, cPort, "", "the port will").
		edge(marsh, graph.MemberOf, fup, "provincial chair", "provincial chair").
		edge(cBudget, graph.About, board, "", "harbour budget").
		edge(cPort, graph.About, board, "", "the port will").
		edge(cPort, graph.About, fup, "", "the port will")
	a2 := newArticle(textMarch15, "Bridge and taxes", "2024-03-15").
		entity(graph.Person, "Lena Marsh", "Marsh").
		entity(graph.Person, "Oskar Vale", "Vale").
		entity(graph.Person, "Ada Quill", "Quill").
		entity(graph.Party, "Forward Union Party", "FUP").
		entity(graph.Party, "Civic League").
		entity(graph.Place, "Port Elm").
		claim(bridgeText).claim(taxesText).claim(faresText).
		edge(marsh, graph.Said, cBridge, "", "the bridge").
		edge(marsh, graph.Said, cTaxes, "", "Taxes").
		edge(fup, graph.Said, cFares, "", "ferry fares").
		edge(cTaxes, graph.About, fup, "", "Taxes").
		edge(cFares, graph.About, board, "", "ferry fares").
		edge(vale, graph.Disputes, cPort, "", "neither promise").
		edge(vale, graph.Disputes, cFares, "", "neither promise").
		edge(vale, graph.MemberOf, civic, "deputy leader", "deputy leader").
		edge(quill, graph.MemberOf, fup, "", "an FUP member").
		edge(quill, graph.Supports, cBridge, "", "was right")
	a3 := newArticle(textUndated, "Budget fiction", "").
		entity(graph.Person, "Oskar Vale", "Vale").
		entity(graph.Place, "Vale").
		claim(fictionText).
		edge(vale, graph.Said, cFiction, "", "the budget is").
		edge(cFiction, graph.About, board, "", "the budget is").
		edge(cFiction, graph.Disputes, cBudget, "", "a fiction")
	loose := graph.Subgraph{Nodes: []graph.Node{
		{ID: trust, Kind: graph.Organization, Name: "Lantern Trust"},
		{ID: cOrphan, Kind: graph.Claim, Name: orphanText, Text: orphanText},
	}}
	return []graph.Subgraph{a1.sub, a2.sub, a3.sub, loose}
}

// fixture returns the fixture graph in memory.
func fixture(t *testing.T) *mem.Graph {
	t.Helper()
	g := mem.New()
	if _, err := g.Write(context.Background(), fixtureSubgraphs()); err != nil {
		t.Fatalf("write fixture: %v", err)
	}
	return g
}

// collect drains seq, failing the test on an error.
func collect[T any](t *testing.T, seq iter.Seq2[T, error]) []T {
	t.Helper()
	var out []T
	for v, err := range seq {
		if err != nil {
			t.Fatalf("unexpected error: %v", err)
		}
		out = append(out, v)
	}
	return out
}

// firstError drains seq and returns its first error, and the rows before it.
func firstError[T any](seq iter.Seq2[T, error]) ([]T, error) {
	var out []T
	for v, err := range seq {
		if err != nil {
			return out, err
		}
		out = append(out, v)
	}
	return out, nil
}

// equalLists fails the test unless got and want hold the same strings in
// the same order.
func equalLists(t *testing.T, what string, got, want []string) {
	t.Helper()
	if !slices.Equal(got, want) {
		t.Errorf("%s:\n got  %q\n want %q", what, got, want)
	}
}

// sorted returns a sorted copy of s.
func sorted(s []string) []string {
	s = slices.Clone(s)
	slices.Sort(s)
	return s
}

// countingReader is a graph.Reader that counts what it reads, to check that
// a caller that stops early reads little.
type countingReader struct {
	graph.Reader
	nodeReads atomic.Int64 // Node calls
	edges     atomic.Int64 // edges yielded by Neighbors and Edges
	scanned   atomic.Int64 // nodes yielded by Nodes and NodesOfKind
}

func (c *countingReader) Node(ctx context.Context, id string) (graph.Node, error) {
	c.nodeReads.Add(1)
	return c.Reader.Node(ctx, id)
}

func (c *countingReader) Neighbors(ctx context.Context, id string, dir graph.Direction, rels ...graph.Rel) iter.Seq2[graph.Edge, error] {
	return countSeq(c.Reader.Neighbors(ctx, id, dir, rels...), &c.edges)
}

func (c *countingReader) Edges(ctx context.Context) iter.Seq2[graph.Edge, error] {
	return countSeq(c.Reader.Edges(ctx), &c.edges)
}

func (c *countingReader) Nodes(ctx context.Context) iter.Seq2[graph.Node, error] {
	return countSeq(c.Reader.Nodes(ctx), &c.scanned)
}

func (c *countingReader) NodesOfKind(ctx context.Context, k graph.Kind) iter.Seq2[graph.Node, error] {
	return countSeq(c.Reader.NodesOfKind(ctx, k), &c.scanned)
}

func countSeq[T any](seq iter.Seq2[T, error], n *atomic.Int64) iter.Seq2[T, error] {
	return func(yield func(T, error) bool) {
		for v, err := range seq {
			n.Add(1)
			if !yield(v, err) {
				return
			}
		}
	}
}

// errBroken is what failingReader's Lookup returns.
var errBroken = errors.New("disk on fire")

// failingReader fails every name lookup.
type failingReader struct{ graph.Reader }

func (failingReader) Lookup(context.Context, string) ([]string, error) { return nil, errBroken }

// fakeSearcher answers SearchClaims by scanning the claims of a reader, in
// ID order, as the store's token index would; a query of "fail" fails.
type fakeSearcher struct{ r graph.Reader }

func (s fakeSearcher) SearchClaims(ctx context.Context, query string) iter.Seq2[string, error] {
	return func(yield func(string, error) bool) {
		if query == "fail" {
			yield("", errBroken)
			return
		}
		words := strings.Fields(graph.NormalizeText(query))
		for n, err := range s.r.NodesOfKind(ctx, graph.Claim) {
			if err != nil {
				yield("", err)
				return
			}
			have := strings.Fields(graph.NormalizeText(n.Text))
			if len(words) > 0 && !containsAll(have, words) {
				continue
			}
			if !yield(n.ID, nil) {
				return
			}
		}
	}
}

func containsAll(have, words []string) bool {
	for _, w := range words {
		if !slices.Contains(have, w) {
			return false
		}
	}
	return true
}
