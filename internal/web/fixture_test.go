package web

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/extract"
	"github.com/claimgraph/claimgraph/internal/article"
	"github.com/claimgraph/claimgraph/store"
)

// The test articles are invented. The first goes through the real
// extractor; the second is built by hand to reach what the extractor
// does not make: hostile titles, names and IDs, overlapping and
// out-of-range spans, disputes and supports.
const (
	hostileArticle = "date 2024-03-01\n" +
		`Jane Roe said, "<script>alert(1)</script> is not a claim & <b>bold</b>."` + "\n" +
		"John Doe, a member of the Unity Party, rejected Roe's claims.\n"
	handArticle = "date 2024-03-05\nOpinion\n\n" +
		`Max Payne said "<img src=x onerror=alert(3)> rigged" and "a second quote". ` +
		"Ann Lee of the Harbour Party disputed it.\nCafé “naïve” end."
)

// Strings of the fixture that must never reach a page unescaped.
var hostile = []string{
	"<script>alert(1)", "<b>bold</b>", "<img src=x onerror=alert(3)>", `"><img src=x onerror=alert(5)>`,
	"<script>alert(4)</script>", "<i>chair</i>", "Odd <b>Name</b>", "javascript:alert(6)",
}

// fixture is a database in a temporary directory and the IDs tests use.
type fixture struct {
	db                                 *store.DB
	roe, doe, payne, lee, odd, party   string
	holdings                           string // shares the alias Payne
	quote, rigged, second, reported    string
	hostileArt, handArt                string
	riggedStart, riggedEnd, overlapEnd int
}

func newFixture(t testing.TB) *fixture {
	t.Helper()
	f := &fixture{
		roe: "person/jane-roe", doe: "person/john-doe",
		payne: graph.EntityID(graph.Person, "Max Payne"), lee: graph.EntityID(graph.Person, "Ann Lee"),
		odd: `person/odd"<id>?#x`, party: graph.EntityID(graph.Party, "<script>alert(4)</script> Party"),
		quote:  graph.ClaimID("<script>alert(1)</script> is not a claim & <b>bold</b>."),
		rigged: graph.ClaimID("<img src=x onerror=alert(3)> rigged"), second: graph.ClaimID("a second quote"),
		reported: graph.ClaimID("Roe's claims"),
		holdings: graph.EntityID(graph.Organization, "Payne Holdings"),
		handArt:  graph.ArticleID([]byte(handArticle)),
	}
	db, err := store.Open(t.TempDir(), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = db.Close() })
	f.db = db
	arts, _, err := article.Parse("hostile.txt", []byte(hostileArticle), article.Options{})
	if err != nil || len(arts) != 1 {
		t.Fatalf("parse the hostile article: %v (%d articles)", err, len(arts))
	}
	sub := extract.Extract(arts[0].Node())
	f.hostileArt = sub.Article
	if _, err := db.Write(context.Background(), []graph.Subgraph{sub, f.handSubgraph()}); err != nil {
		t.Fatal(err)
	}
	return f
}

// handSubgraph builds the second article's subgraph.
func (f *fixture) handSubgraph() graph.Subgraph {
	text := handArticle
	f.riggedStart = strings.Index(text, "<img")
	f.riggedEnd = strings.Index(text, `" and`)
	secondStart := strings.Index(text, "a second quote")
	secondEnd := secondStart + len("a second quote")
	f.overlapEnd = secondEnd
	sentence := text[strings.Index(text, "Max") : strings.Index(text, "Ann")-1]
	art := f.handArt
	span := func(e graph.Edge, start, end int) graph.Edge {
		e.Article, e.Start, e.End, e.Evidence = art, start, end, sentence
		return e
	}
	return graph.Subgraph{
		Article: art,
		Nodes: []graph.Node{
			{ID: art, Kind: graph.Article, Name: `"><img src=x onerror=alert(5)>`, Title: `"><img src=x onerror=alert(5)>`,
				Date: "2024-03-05", Source: "hand.txt", URL: "javascript:alert(6)", Text: text},
			{ID: f.payne, Kind: graph.Person, Name: "Max Payne", Aliases: []string{"Payne"}},
			{ID: f.lee, Kind: graph.Person, Name: "Ann Lee"},
			{ID: f.holdings, Kind: graph.Organization, Name: "Payne Holdings", Aliases: []string{"Payne"}},
			{ID: f.odd, Kind: graph.Person, Name: "Odd <b>Name</b>"},
			{ID: f.party, Kind: graph.Party, Name: "<script>alert(4)</script> Party"},
			{ID: f.rigged, Kind: graph.Claim, Name: "<img src=x onerror=alert(3)> rigged", Text: "<img src=x onerror=alert(3)> rigged", Direct: true},
			{ID: f.second, Kind: graph.Claim, Name: "a second quote", Text: "a second quote", Direct: true},
		},
		Edges: []graph.Edge{
			span(graph.Edge{From: f.payne, Rel: graph.Said, To: f.rigged}, f.riggedStart, f.riggedEnd),
			span(graph.Edge{From: f.payne, Rel: graph.Said, To: f.second}, secondStart, secondEnd),
			span(graph.Edge{From: f.odd, Rel: graph.Said, To: f.rigged}, f.riggedStart+5, secondEnd),
			span(graph.Edge{From: f.odd, Rel: graph.Said, To: f.second}, len(text)+10, len(text)+40),
			span(graph.Edge{From: f.lee, Rel: graph.Said, To: f.second}, len(text)-4, len(text)+40),
			span(graph.Edge{From: f.lee, Rel: graph.Disputes, To: f.rigged}, 0, 0),
			span(graph.Edge{From: f.second, Rel: graph.Supports, To: f.rigged}, 0, 0),
			span(graph.Edge{From: f.lee, Rel: graph.MemberOf, To: f.party, Role: "<i>chair</i>"}, 0, 0),
			span(graph.Edge{From: f.rigged, Rel: graph.About, To: f.party}, 0, 0),
			span(graph.Edge{From: art, Rel: graph.Mentions, To: f.payne}, 0, 0),
			span(graph.Edge{From: art, Rel: graph.Mentions, To: f.lee}, 0, 0),
			span(graph.Edge{From: art, Rel: graph.Mentions, To: f.odd}, 0, 0),
			span(graph.Edge{From: art, Rel: graph.Mentions, To: f.party}, 0, 0),
		},
	}
}

// handler returns the explorer over the fixture with opts.
func (f *fixture) handler(opts Options) http.Handler { return New(f.db, f.db, opts) }

// response is what a test request got back.
type response struct {
	code   int
	header http.Header
	body   string
}

// do sends one request to h.
func do(t testing.TB, h http.Handler, method, target, ctype, body string) response {
	t.Helper()
	var rd io.Reader
	if body != "" {
		rd = strings.NewReader(body)
	}
	req := httptest.NewRequest(method, target, rd)
	if ctype != "" {
		req.Header.Set("Content-Type", ctype)
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return response{code: rec.Code, header: rec.Header(), body: rec.Body.String()}
}

func get(t testing.TB, h http.Handler, target string) response {
	t.Helper()
	return do(t, h, http.MethodGet, target, "", "")
}

// noHostile fails when body holds any of the hostile strings unescaped.
func noHostile(t testing.TB, what, body string) {
	t.Helper()
	for _, s := range hostile {
		if strings.Contains(body, s) {
			t.Errorf("%s holds %q unescaped", what, s)
		}
	}
}
