package query

import (
	"cmp"
	"context"
	"fmt"
	"iter"
	"slices"
	"testing"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/mem"
)

// hubGraph has one person who said n claims, each about one of ten topics,
// and fifty other people who said one claim each.
func hubGraph(b *testing.B, n int) *mem.Graph {
	b.Helper()
	var sub graph.Subgraph
	hub := "person/hub-speaker"
	sub.Nodes = append(sub.Nodes, graph.Node{ID: hub, Kind: graph.Person, Name: "Hub Speaker", Aliases: []string{"Speaker"}})
	for t := range 10 {
		sub.Nodes = append(sub.Nodes, graph.Node{ID: fmt.Sprintf("place/topic-%d", t), Kind: graph.Place, Name: fmt.Sprintf("Topic %d", t)})
	}
	addClaim := func(from, text string, i int) {
		id := graph.ClaimID(text)
		sub.Nodes = append(sub.Nodes, graph.Node{ID: id, Kind: graph.Claim, Name: text, Text: text})
		sub.Edges = append(sub.Edges,
			graph.Edge{From: from, Rel: graph.Said, To: id, Article: fmt.Sprintf("article/%04d", i%500)},
			graph.Edge{From: id, Rel: graph.About, To: fmt.Sprintf("place/topic-%d", i%10), Article: fmt.Sprintf("article/%04d", i%500)})
	}
	for i := range n {
		addClaim(hub, fmt.Sprintf("hub claim number %d", i), i)
	}
	for i := range 50 {
		p := fmt.Sprintf("person/other-%d", i)
		sub.Nodes = append(sub.Nodes, graph.Node{ID: p, Kind: graph.Person, Name: fmt.Sprintf("Other %d", i)})
		addClaim(p, fmt.Sprintf("other claim %d", i), i)
	}
	g := mem.New()
	if _, err := g.Write(context.Background(), []graph.Subgraph{sub}); err != nil {
		b.Fatal(err)
	}
	return g
}

// indexedReader answers Lookup and Neighbors from maps built once, as a
// store's indexes would; graph/mem scans for both, which would swamp the
// cost of the engine in a benchmark.
type indexedReader struct {
	graph.Reader
	names    map[string][]string
	out, in  map[string][]graph.Edge
	nodeByID map[string]graph.Node
}

func newIndexedReader(b *testing.B, g graph.Reader) *indexedReader {
	b.Helper()
	ctx := context.Background()
	ix := &indexedReader{Reader: g, names: map[string][]string{}, out: map[string][]graph.Edge{},
		in: map[string][]graph.Edge{}, nodeByID: map[string]graph.Node{}}
	for n, err := range g.Nodes(ctx) {
		if err != nil {
			b.Fatal(err)
		}
		ix.nodeByID[n.ID] = n
		if n.Kind.IsEntity() {
			for _, nm := range n.Names() {
				k := graph.NormalizeName(nm)
				ix.names[k] = append(ix.names[k], n.ID)
			}
		}
	}
	for e, err := range g.Edges(ctx) {
		if err != nil {
			b.Fatal(err)
		}
		ix.out[e.From] = append(ix.out[e.From], e)
		ix.in[e.To] = append(ix.in[e.To], e)
	}
	for _, es := range ix.in {
		slices.SortFunc(es, func(a, b graph.Edge) int {
			return cmp.Or(cmp.Compare(a.Rel, b.Rel), cmp.Compare(a.From, b.From), cmp.Compare(a.Article, b.Article))
		})
	}
	return ix
}

func (ix *indexedReader) Node(_ context.Context, id string) (graph.Node, error) {
	n, ok := ix.nodeByID[id]
	if !ok {
		return graph.Node{}, graph.ErrNotFound
	}
	return n, nil
}

func (ix *indexedReader) Lookup(_ context.Context, name string) ([]string, error) {
	return ix.names[graph.NormalizeName(name)], nil
}

func (ix *indexedReader) Neighbors(_ context.Context, id string, dir graph.Direction, rels ...graph.Rel) iter.Seq2[graph.Edge, error] {
	return func(yield func(graph.Edge, error) bool) {
		for _, d := range []graph.Direction{graph.Out, graph.In} {
			if dir != graph.Both && dir != d {
				continue
			}
			es := ix.out[id]
			if d == graph.In {
				es = ix.in[id]
			}
			for _, e := range es {
				if (len(rels) == 0 || slices.Contains(rels, e.Rel)) && !yield(e, nil) {
					return
				}
			}
		}
	}
}

// benchBoth runs a benchmark over graph/mem and over indexed maps.
func benchBoth(b *testing.B, g *mem.Graph, src string, p Params, wantRows int) {
	b.Run("mem", func(b *testing.B) { benchQuery(b, g, src, p, wantRows) })
	b.Run("indexed", func(b *testing.B) { benchQuery(b, newIndexedReader(b, g), src, p, wantRows) })
}

func benchQuery(b *testing.B, g graph.Reader, src string, p Params, wantRows int) {
	b.Helper()
	st, err := ParseOne(src)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		res, err := Run(context.Background(), g, st, p)
		if err != nil {
			b.Fatal(err)
		}
		n := 0
		for _, err := range res.Rows {
			if err != nil {
				b.Fatal(err)
			}
			n++
		}
		if n != wantRows {
			b.Fatalf("got %d rows, want %d", n, wantRows)
		}
	}
}

// BenchmarkSaidByHub is `said --by` on a speaker with 10,000 claims: a
// name lookup, then one adjacency read and a node read per claim.
func BenchmarkSaidByHub(b *testing.B) {
	g := hubGraph(b, 10_000)
	benchBoth(b, g, `MATCH (p {name: $n})-[s:SAID]->(c:Claim) RETURN c.id, c.text, s.article`, Params{"n": "Speaker"}, 10_000)
}

// BenchmarkSaidByHubFirstPage is the same question with LIMIT 20.
func BenchmarkSaidByHubFirstPage(b *testing.B) {
	g := hubGraph(b, 10_000)
	benchBoth(b, g, `MATCH (p {name: $n})-[s:SAID]->(c:Claim) RETURN c.text, s.article LIMIT 20`, Params{"n": "Speaker"}, 20)
}

// BenchmarkTwoHop walks speaker -> claim -> topic for 10,000 claims and
// counts per topic. It runs over indexed maps only: graph/mem scans every
// edge for each of the 10,000 second hops.
func BenchmarkTwoHop(b *testing.B) {
	g := hubGraph(b, 10_000)
	benchQuery(b, newIndexedReader(b, g), `MATCH (p:Person {name: $n})-[:SAID]->(c:Claim)-[:ABOUT]->(t) RETURN t.name, count(*)`, Params{"n": "Speaker"}, 10)
}

// BenchmarkParse measures parsing and planning a three-clause query.
func BenchmarkParse(b *testing.B) {
	src := `MATCH (p:Person)-[:SAID]->(c:Claim)-[:ABOUT]->(x {name: $n})
		OPTIONAL MATCH (p)-[m:MEMBER_OF]->(party)
		WHERE c.date >= "2024-01-01" AND c.text CONTAINS "votes"
		RETURN p.name, party.name, collect(c.text) AS claims ORDER BY p.name LIMIT 10`
	b.ReportAllocs()
	for b.Loop() {
		if _, err := ParseOne(src); err != nil {
			b.Fatal(err)
		}
	}
}
