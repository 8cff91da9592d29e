package query

import (
	"context"
	"fmt"
	"testing"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/mem"
)

// The test graph mirrors a news article's shape with invented names: two
// parties known by their acronyms, a governor who said three things, a
// deputy leader who disputes the other party's claims, members with roles,
// an election event, a place and a second article.

const (
	qadri   = "person/farah-qadri"
	kotwal  = "person/samir-kotwal"
	velani  = "person/omar-velani"
	haddad  = "person/lina-haddad"
	num     = "party/northern-unity-movement"
	pjp     = "party/progressive-justice-party"
	commish = "organization/election-commission"
	east    = "place/eastland"
	polls   = "event/march-3-elections"
)

var (
	art1 = graph.ArticleID([]byte("first test article"))
	art2 = graph.ArticleID([]byte("second test article"))

	claimForged   = "The mandate is 100% forged"
	claimNoVotes  = "We did not get any votes in the March 3 elections"
	claimMistake  = "The alliance with the PJP was a mistake"
	claimRigged   = "The March 3 elections were rigged"
	claimNoMandat = "NUM has no mandate left"
)

func cid(text string) string { return graph.ClaimID(text) }

func testNodes() []graph.Node {
	claim := func(text string, direct bool) graph.Node {
		return graph.Node{ID: cid(text), Kind: graph.Claim, Name: text, Text: text, Direct: direct}
	}
	return []graph.Node{
		{ID: qadri, Kind: graph.Person, Name: "Farah Qadri", Aliases: []string{"Qadri", "the governor"}},
		{ID: kotwal, Kind: graph.Person, Name: "Samir Kotwal", Aliases: []string{"Kotwal"}},
		{ID: velani, Kind: graph.Person, Name: "Omar Velani", Aliases: []string{"Velani"}},
		{ID: haddad, Kind: graph.Person, Name: "Lina Haddad", Aliases: []string{"Haddad"}},
		{ID: num, Kind: graph.Party, Name: "Northern Unity Movement", Aliases: []string{"NUM", "NUM-E"}},
		{ID: pjp, Kind: graph.Party, Name: "Progressive Justice Party", Aliases: []string{"PJP"}},
		{ID: commish, Kind: graph.Organization, Name: "Election Commission"},
		{ID: east, Kind: graph.Place, Name: "Eastland"},
		{ID: polls, Kind: graph.Event, Name: "March 3 elections"},
		{ID: art1, Kind: graph.Article, Name: "Leaked audio unsettles the governor", Title: "Leaked audio unsettles the governor",
			Date: "2024-03-10", Source: "testdata/first.txt", Author: "Staff Reporter", Text: "(article text)"},
		{ID: art2, Kind: graph.Article, Name: "Parties trade blame", Title: "Parties trade blame",
			Date: "2024-03-12", Source: "testdata/second.txt", URL: "https://news.example/blame", Text: "(article text)"},
		claim(claimForged, true), claim(claimNoVotes, true), claim(claimMistake, false),
		claim(claimRigged, false), claim(claimNoMandat, true),
	}
}

func testEdges() []graph.Edge {
	e := func(from string, rel graph.Rel, to, art string, start int, role, evidence string) graph.Edge {
		if evidence == "" {
			evidence = fmt.Sprintf("(sentence at byte %d)", start)
		}
		return graph.Edge{From: from, Rel: rel, To: to, Article: art, Start: start, End: start + len(evidence),
			Role: role, Evidence: evidence, Rule: "test-" + string(rel), Confidence: 0.9}
	}
	forged := `Governor Farah Qadri said the mandate was "100% forged".`
	votes := `"We did not get any votes in the March 3 elections," the governor said.`
	mistake := "Qadri conceded that the alliance with the PJP was a mistake."
	rigged1 := "The PJP claimed that the March 3 elections were rigged."
	rigged2 := "Velani repeated that the March 3 elections were rigged."
	mandate := `"NUM has no mandate left," Velani said.`
	kotwal1 := "Samir Kotwal, senior deputy leader of the NUM, rejected the PJP's claims."
	return []graph.Edge{
		e(qadri, graph.Said, cid(claimForged), art1, 100, "", forged),
		e(qadri, graph.Said, cid(claimNoVotes), art1, 300, "", votes),
		e(qadri, graph.Said, cid(claimMistake), art2, 500, "", mistake),
		e(pjp, graph.Said, cid(claimRigged), art1, 40, "", rigged1),
		e(velani, graph.Said, cid(claimRigged), art2, 60, "", rigged2),
		e(velani, graph.Said, cid(claimNoMandat), art2, 90, "", mandate),
		e(cid(claimForged), graph.About, num, art1, 100, "", forged),
		e(cid(claimNoVotes), graph.About, polls, art1, 300, "", votes),
		e(cid(claimMistake), graph.About, pjp, art2, 500, "", mistake),
		e(cid(claimRigged), graph.About, polls, art1, 40, "", rigged1),
		e(cid(claimNoMandat), graph.About, num, art2, 90, "", mandate),
		e(cid(claimForged), graph.Supports, cid(claimRigged), art1, 100, "", forged),
		e(kotwal, graph.Disputes, cid(claimRigged), art2, 700, "", kotwal1),
		e(kotwal, graph.Disputes, cid(claimNoMandat), art2, 720, "", kotwal1),
		e(qadri, graph.MemberOf, num, art1, 10, "governor", "Farah Qadri, the NUM governor of Eastland, ..."),
		e(kotwal, graph.MemberOf, num, art2, 700, "senior deputy leader", kotwal1),
		e(velani, graph.MemberOf, pjp, art2, 60, "chairman", "PJP chairman Omar Velani ..."),
		e(haddad, graph.MemberOf, pjp, art2, 800, "", "Lina Haddad of the PJP ..."),
		e(num, graph.MemberOf, commish, art2, 900, "observer", "The NUM sits on the Election Commission as an observer."),
		e(art1, graph.Mentions, qadri, art1, 0, "", ""),
		e(art1, graph.Mentions, num, art1, 0, "", ""),
		e(art1, graph.Mentions, east, art1, 0, "", ""),
		e(art2, graph.Mentions, kotwal, art2, 0, "", ""),
		e(art2, graph.Mentions, pjp, art2, 0, "", ""),
	}
}

// testGraph builds the test graph in memory.
func testGraph(t testing.TB) *mem.Graph {
	t.Helper()
	g := mem.New()
	_, err := g.Write(context.Background(), []graph.Subgraph{{Nodes: testNodes(), Edges: testEdges()}})
	if err != nil {
		t.Fatal(err)
	}
	return g
}

// graphReader is graph.Reader, named for test helpers.
type graphReader = graph.Reader
