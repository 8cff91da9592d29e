package export

import (
	"context"
	"flag"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/mem"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// Two invented articles in the shape of a news report: a governor with
// three quotes, a party with an acronym alias, a deputy leader disputing a
// party's claim, member-of with a role, and a claim both articles share.
const (
	articleOne = `date 2024-03-01
Governor calls leaked audio "100% fake"

"The audio is 100% fake," the governor of Northern Province, Halima Voss, said on Tuesday. "We will not be intimidated," Voss added.
Voss, of the People's Renewal Front, also claimed that the Civic Unity League had rigged the count in two districts.
The Civic Unity League (CUL) said the vote was free & fair.
`
	articleTwo = `date 2024-03-05
Deputy leader rejects "free & fair" claim

Tomas Brandt, the senior deputy leader of the People's Renewal Front (PRF), rejected the CUL's claim that the vote was free & fair before the Electoral Commission.
"The audio is 100% fake," Governor Voss repeated.
Brandt backed her: "<the audio> is \"fake\" and a path like C:\temp\"
`
)

// fixture is the small test graph and the IDs tests refer to.
type fixture struct {
	g                                   *mem.Graph
	a1, a2                              string
	voss, brandt, prf, cul, commission  string
	province, election                  string
	fake, intimidated, rigged, freeFair string
	path                                string
}

func newFixture(t testing.TB) *fixture {
	t.Helper()
	f := &fixture{
		a1:          graph.ArticleID([]byte(articleOne)),
		a2:          graph.ArticleID([]byte(articleTwo)),
		voss:        graph.EntityID(graph.Person, "Halima Voss"),
		brandt:      graph.EntityID(graph.Person, "Tomas Brandt"),
		prf:         graph.EntityID(graph.Party, "People's Renewal Front"),
		cul:         graph.EntityID(graph.Party, "Civic Unity League"),
		commission:  graph.EntityID(graph.Organization, "Electoral Commission"),
		province:    graph.EntityID(graph.Place, "Northern Province"),
		election:    graph.EntityID(graph.Event, "Provincial Election"),
		fake:        graph.ClaimID("The audio is 100% fake."),
		intimidated: graph.ClaimID("We will not be intimidated."),
		rigged:      graph.ClaimID("the Civic Unity League had rigged the count in two districts"),
		freeFair:    graph.ClaimID("the vote was free & fair"),
		path:        graph.ClaimID(`<the audio> is "fake" and a path like C:\temp\`),
		g:           mem.New(),
	}
	if _, err := f.g.Write(context.Background(), []graph.Subgraph{f.one(), f.two()}); err != nil {
		t.Fatal(err)
	}
	return f
}

func (f *fixture) entities() []graph.Node {
	return []graph.Node{
		{ID: f.voss, Kind: graph.Person, Name: "Halima Voss", Aliases: []string{"Governor Voss", "Voss"}},
		{ID: f.prf, Kind: graph.Party, Name: "People's Renewal Front", Aliases: []string{"PRF"}},
		{ID: f.cul, Kind: graph.Party, Name: "Civic Unity League", Aliases: []string{"CUL"}},
		{ID: f.province, Kind: graph.Place, Name: "Northern Province"},
	}
}

func (f *fixture) one() graph.Subgraph {
	art := graph.Node{ID: f.a1, Kind: graph.Article, Name: `Governor calls leaked audio "100% fake"`,
		Title: `Governor calls leaked audio "100% fake"`, Date: "2024-03-01", Source: "testdata/articles/one.txt",
		URL: "https://news.example/one?a=1&b=2", Author: "Desk Reporter", Text: articleOne}
	nodes := append(f.entities(), art,
		graph.Node{ID: f.election, Kind: graph.Event, Name: "Provincial Election"},
		claim(f.fake, "The audio is 100% fake.", true),
		claim(f.intimidated, "We will not be intimidated.", true),
		claim(f.rigged, "the Civic Unity League had rigged the count in two districts", false),
		claim(f.freeFair, "the vote was free & fair", false))
	edges := []graph.Edge{
		span(articleOne, f.a1, graph.Edge{From: f.voss, Rel: graph.Said, To: f.fake, Rule: "quote-then-speaker", Confidence: 0.92},
			`"The audio is 100% fake," the governor of Northern Province, Halima Voss, said on Tuesday.`),
		span(articleOne, f.a1, graph.Edge{From: f.voss, Rel: graph.Said, To: f.intimidated, Rule: "quote-then-speaker", Confidence: 0.92},
			`"We will not be intimidated," Voss added.`),
		span(articleOne, f.a1, graph.Edge{From: f.voss, Rel: graph.Said, To: f.rigged, Rule: "reported-claimed-that", Confidence: 0.75},
			"Voss, of the People's Renewal Front, also claimed that the Civic Unity League had rigged the count in two districts."),
		span(articleOne, f.a1, graph.Edge{From: f.voss, Rel: graph.MemberOf, To: f.prf},
			"Voss, of the People's Renewal Front,"),
		span(articleOne, f.a1, graph.Edge{From: f.rigged, Rel: graph.About, To: f.cul},
			"the Civic Unity League had rigged the count"),
		span(articleOne, f.a1, graph.Edge{From: f.cul, Rel: graph.Said, To: f.freeFair, Rule: "reported-said"},
			"The Civic Unity League (CUL) said the vote was free & fair."),
		span(articleOne, f.a1, graph.Edge{From: f.freeFair, Rel: graph.About, To: f.election}, "the vote"),
		span(articleOne, f.a1, graph.Edge{From: f.a1, Rel: graph.Mentions, To: f.voss}, "Halima Voss"),
		span(articleOne, f.a1, graph.Edge{From: f.a1, Rel: graph.Mentions, To: f.province}, "Northern Province"),
		span(articleOne, f.a1, graph.Edge{From: f.a1, Rel: graph.Mentions, To: f.cul}, "Civic Unity League (CUL)"),
	}
	return graph.Subgraph{Article: f.a1, Nodes: nodes, Edges: edges}
}

func (f *fixture) two() graph.Subgraph {
	art := graph.Node{ID: f.a2, Kind: graph.Article, Name: `Deputy leader rejects "free & fair" claim`,
		Title: `Deputy leader rejects "free & fair" claim`, Date: "2024-03-05", Source: "testdata/articles/two.txt",
		Text: articleTwo}
	nodes := append(f.entities(), art,
		graph.Node{ID: f.brandt, Kind: graph.Person, Name: "Tomas Brandt", Aliases: []string{"Brandt"}},
		graph.Node{ID: f.commission, Kind: graph.Organization, Name: "Electoral Commission"},
		claim(f.fake, "The audio is 100% fake.", true),
		claim(f.freeFair, "the vote was free & fair", false),
		claim(f.path, `<the audio> is "fake" and a path like C:\temp\`, true))
	edges := []graph.Edge{
		span(articleTwo, f.a2, graph.Edge{From: f.voss, Rel: graph.Said, To: f.fake, Rule: "quote-then-speaker", Confidence: 0.92},
			`"The audio is 100% fake," Governor Voss repeated.`),
		span(articleTwo, f.a2, graph.Edge{From: f.brandt, Rel: graph.MemberOf, To: f.prf, Role: "senior deputy leader"},
			"Tomas Brandt, the senior deputy leader of the People's Renewal Front (PRF)"),
		span(articleTwo, f.a2, graph.Edge{From: f.brandt, Rel: graph.Disputes, To: f.freeFair, Rule: "stance-rejected"},
			"Tomas Brandt, the senior deputy leader of the People's Renewal Front (PRF), rejected the CUL's claim that the vote was free & fair before the Electoral Commission.\n"),
		span(articleTwo, f.a2, graph.Edge{From: f.brandt, Rel: graph.Supports, To: f.fake, Rule: "stance-backed"},
			"Brandt backed her"),
		span(articleTwo, f.a2, graph.Edge{From: f.brandt, Rel: graph.Said, To: f.path, Rule: "speaker-colon-quote"},
			`Brandt backed her: "<the audio> is \"fake\" and a path like C:\temp\"`),
		span(articleTwo, f.a2, graph.Edge{From: f.a2, Rel: graph.Mentions, To: f.brandt}, "Tomas Brandt"),
		span(articleTwo, f.a2, graph.Edge{From: f.a2, Rel: graph.Mentions, To: f.prf}, "People's Renewal Front (PRF)"),
		span(articleTwo, f.a2, graph.Edge{From: f.a2, Rel: graph.Mentions, To: f.commission}, "Electoral Commission"),
		span(articleTwo, f.a2, graph.Edge{From: f.a2, Rel: graph.Mentions, To: f.voss}, "Governor Voss"),
	}
	return graph.Subgraph{Article: f.a2, Nodes: nodes, Edges: edges}
}

func claim(id, text string, direct bool) graph.Node {
	return graph.Node{ID: id, Kind: graph.Claim, Name: text, Text: text, Direct: direct}
}

// span sets e's article, evidence and byte span from where evidence occurs
// in text.
func span(text, article string, e graph.Edge, evidence string) graph.Edge {
	i := strings.Index(text, evidence)
	if i < 0 {
		panic("evidence not in article: " + evidence)
	}
	e.Article, e.Evidence, e.Start, e.End = article, evidence, i, i+len(evidence)
	return e
}

// golden compares got with testdata/name, or rewrites it under -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if string(got) != string(want) {
		t.Errorf("output differs from %s (run go test -update to accept):\n%s", path, firstDiff(string(want), string(got)))
	}
}

// firstDiff shows the first differing line of two texts.
func firstDiff(want, got string) string {
	wl, gl := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < len(wl) || i < len(gl); i++ {
		var w, g string
		if i < len(wl) {
			w = wl[i]
		}
		if i < len(gl) {
			g = gl[i]
		}
		if w != g {
			return "line " + strconv.Itoa(i+1) + ":\nwant: " + w + "\ngot:  " + g
		}
	}
	return "(no line differs)"
}
