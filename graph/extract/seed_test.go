package extract

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/claimgraph/claimgraph/graph"
)

// seedDir holds the reference article shared with the project, when present.
const seedDir = "../../../shared/seed"

// TestSeedArticle checks the behaviours issue 3 asks for on the reference
// article; it is skipped where ../shared is absent.
func TestSeedArticle(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join(seedDir, "*.txt"))
	if len(files) == 0 {
		t.Skip("no reference article in ../shared/seed: nothing to check here")
	}
	raw, err := os.ReadFile(files[0])
	if err != nil {
		t.Fatal(err)
	}
	sg := Extract(graph.Node{ID: graph.ArticleID(raw), Kind: graph.Article, Text: string(raw)})
	g := indexSubgraph(sg)

	type quote struct{ words, speaker string }
	for _, q := range []quote{
		{"100% fake", "person/kamran-tessori"},
		{"we did not get any votes", "person/kamran-tessori"},
		{"ministerial post", "person/kamran-tessori"},
		{"We met the PML-N delegation", "person/mustafa-kamal"},
	} {
		c, ok := g.claimWith(q.words)
		if !ok {
			t.Errorf("no claim holds %q", q.words)
			continue
		}
		if !c.Direct {
			t.Errorf("claim %q is not direct", c.Text)
		}
		if !slices.Contains(g.speakers[c.ID], q.speaker) {
			t.Errorf("claim %q: speakers %v, want %s", c.Text, g.speakers[c.ID], q.speaker)
		}
	}
	var pti []string
	for _, words := range []string{"elections were manipulated", "not even in third position", "stolen by the establishment"} {
		c, ok := g.claimWith(words)
		if !ok {
			t.Errorf("no reported claim holds %q", words)
			continue
		}
		if !slices.Contains(g.speakers[c.ID], "party/pti") {
			t.Errorf("claim %q: speakers %v, want party/pti", c.Text, g.speakers[c.ID])
		}
		pti = append(pti, c.ID)
	}
	dismissal, ok := g.claimWith("recurring accusations")
	if !ok {
		t.Fatal("no claim for the dismissal as recurring accusations")
	}
	for _, id := range pti {
		if !g.has("person/mustafa-kamal", graph.Disputes, id) || !g.has(dismissal.ID, graph.Disputes, id) {
			t.Errorf("Kamal's dismissal does not dispute %s", id)
		}
	}
	for _, id := range []string{"person/kamran-tessori", "person/imran-khan", "person/mustafa-kamal", "person/nawaz-sharif",
		"event/february-8-elections"} {
		if _, ok := g.nodes[id]; !ok {
			t.Errorf("no node %s", id)
		}
	}
	for acr, long := range map[string]string{"MQM-P": "Muttahida Qaumi Movement-Pakistan", "PTI": "Pakistan Tehreek-e-Insaf",
		"PML-N": "Pakistan Muslim League-Nawaz", "PPP": "Pakistan People's Party"} {
		n, ok := g.nodes[graph.EntityID(graph.Party, acr)]
		if !ok {
			t.Errorf("no party %s", acr)
			continue
		}
		if !slices.Contains(n.Aliases, long) {
			t.Errorf("party %s: aliases %v lack %q", acr, n.Aliases, long)
		}
	}
	for _, m := range [][2]string{{"person/mustafa-kamal", "party/mqm-p"}, {"person/imran-khan", "party/pti"}, {"person/nawaz-sharif", "party/pml-n"}} {
		if !g.has(m[0], graph.MemberOf, m[1]) {
			t.Errorf("no member-of %s -> %s", m[0], m[1])
		}
	}
}

// indexed is a subgraph with lookups for tests.
type indexed struct {
	sg       graph.Subgraph
	nodes    map[string]graph.Node
	speakers map[string][]string
	edges    map[graph.EdgeKey]graph.Edge
}

func indexSubgraph(sg graph.Subgraph) indexed {
	g := indexed{sg: sg, nodes: map[string]graph.Node{}, speakers: map[string][]string{}, edges: map[graph.EdgeKey]graph.Edge{}}
	for _, n := range sg.Nodes {
		g.nodes[n.ID] = n
	}
	for _, e := range sg.Edges {
		g.edges[graph.EdgeKey{From: e.From, Rel: e.Rel, To: e.To, Article: e.Article}] = e
		if e.Rel == graph.Said {
			g.speakers[e.To] = append(g.speakers[e.To], e.From)
		}
	}
	return g
}

// claimWith returns the first claim whose text holds words.
func (g indexed) claimWith(words string) (graph.Node, bool) {
	for _, n := range g.sg.Nodes {
		if n.Kind == graph.Claim && strings.Contains(n.Text, words) {
			return n, true
		}
	}
	return graph.Node{}, false
}

// has reports whether an edge from -rel-> to exists.
func (g indexed) has(from string, rel graph.Rel, to string) bool {
	_, ok := g.edges[graph.EdgeKey{From: from, Rel: rel, To: to, Article: g.sg.Article}]
	return ok
}
