package web

import (
	"context"
	"encoding/json"
	"net/http"
	"net/url"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/claimgraph/claimgraph/graph"
)

// decode parses a JSON answer into v, failing on another content type.
func decode(t *testing.T, r response, v any) {
	t.Helper()
	if ct := r.header.Get("Content-Type"); ct != "application/json; charset=utf-8" {
		t.Fatalf("Content-Type %q, want JSON; body:\n%s", ct, r.body)
	}
	if err := json.Unmarshal([]byte(r.body), v); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, r.body)
	}
}

// wantError checks a JSON error answer's status and message.
func wantError(t *testing.T, r response, code int, msg string) apiError {
	t.Helper()
	var e apiError
	decode(t, r, &e)
	if r.code != code || e.Status != code || !strings.Contains(e.Error, msg) {
		t.Errorf("status %d (body %d), error %q; want %d with %q", r.code, e.Status, e.Error, code, msg)
	}
	return e
}

func TestAPISearchFindsEntitiesAndClaims(t *testing.T) {
	f := newFixture(t)
	h := f.handler(Options{})
	cases := []struct {
		name           string
		q              string
		entity, claim  string
		entityMatchKey string
	}{
		{"a surname is an exact alias", "Roe", f.roe, "", "exact"},
		{"the start of a name is a prefix", "Jan", f.roe, "", "prefix"},
		{"the start of a later word is a prefix", "Payn", f.payne, "", "prefix"},
		{"inside a word is contained", "ayne", f.payne, "", "contains"},
		{"an ID finds its node", f.quote, f.quote, f.quote, "exact"},
		{"claim words find the claim", "bold claim", "", f.quote, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := get(t, h, "/api/search?q="+url.QueryEscape(c.q))
			if r.code != http.StatusOK {
				t.Fatalf("status %d: %s", r.code, r.body)
			}
			var res searchResult
			decode(t, r, &res)
			if strings.Contains(r.body, "<") {
				t.Errorf("the JSON holds a raw '<': %s", r.body)
			}
			if c.entity != "" && !hasEntity(res, c.entity, c.entityMatchKey) {
				t.Errorf("entities %+v lack %s (%s)", res.Entities, c.entity, c.entityMatchKey)
			}
			if c.claim != "" && c.claim != c.entity && !hasClaim(res, c.claim) {
				t.Errorf("claims %+v lack %s", res.Claims, c.claim)
			}
		})
	}
}

func hasEntity(res searchResult, id, match string) bool {
	for _, e := range res.Entities {
		if e.ID == id && e.Match == match && e.URL == nodeURL(id) {
			return true
		}
	}
	return false
}

func hasClaim(res searchResult, id string) bool {
	for _, c := range res.Claims {
		if c.ID == id && c.URL == nodeURL(id) && c.Article != "" && strings.HasPrefix(c.QuoteURL, nodeURL(c.Article)+"#q") {
			return true
		}
	}
	return false
}

func TestAPISearchAnswersEmptyAndCappedQuestions(t *testing.T) {
	f := newFixture(t)
	h := f.handler(Options{})
	r := get(t, h, "/api/search?q=")
	if r.code != http.StatusOK || r.body != `{"query":"","entities":[],"claims":[]}`+"\n" {
		t.Errorf("an empty search answered %d %s", r.code, r.body)
	}
	var res searchResult
	decode(t, get(t, h, "/api/search?q=e&limit=1"), &res)
	if len(res.Entities) != 1 || !res.Truncated {
		t.Errorf("limit=1 gave %d entities, truncated %v", len(res.Entities), res.Truncated)
	}
	wantError(t, get(t, h, "/api/search?q=Roe&limit=zero"), http.StatusBadRequest, "limit")
	wantError(t, do(t, h, http.MethodPost, "/api/search?q=Roe", "text/plain", "x"), http.StatusMethodNotAllowed, "POST")
}

func TestAPINodeAnswersANodeWithItsEdges(t *testing.T) {
	f := newFixture(t)
	h := f.handler(Options{})
	for _, target := range []string{"/api/node/" + f.roe, "/api/node/Jane%20Roe", "/api/node/Roe"} {
		var ans nodeAnswer
		r := get(t, h, target)
		decode(t, r, &ans)
		if r.code != http.StatusOK || ans.Node.ID != f.roe || ans.URL != "/person/jane-roe" {
			t.Fatalf("GET %s: %d %+v", target, r.code, ans.Node)
		}
		if len(ans.Out) != 1 || ans.Out[0].To != f.quote || ans.Out[0].Rel != "said" || ans.Out[0].OtherKind != "claim" {
			t.Errorf("out edges %+v", ans.Out)
		}
		if len(ans.In) == 0 {
			t.Errorf("no in edges")
		}
	}
	var odd nodeAnswer
	decode(t, get(t, h, "/api/node/"+escapePath(f.odd)), &odd)
	if odd.Node.Name != "Odd <b>Name</b>" {
		t.Errorf("the odd node came back as %+v", odd.Node)
	}
	wantError(t, get(t, h, "/api/node/person/nobody"), http.StatusNotFound, "nobody")
	wantError(t, get(t, h, "/api/node/"), http.StatusBadRequest, "no node ID")
}

func TestAPINodeListsTheCandidatesOfAnAmbiguousName(t *testing.T) {
	f := newFixture(t)
	e := wantError(t, get(t, f.handler(Options{}), "/api/node/Payne"), http.StatusMultipleChoices, "2 nodes")
	if want := []string{f.holdings, f.payne}; !slices.Equal(e.Candidates, want) {
		t.Errorf("candidates %v, want %v", e.Candidates, want)
	}
}

func TestAPISaidAnswersRowsLikeTheCLI(t *testing.T) {
	f := newFixture(t)
	h := f.handler(Options{})
	r := get(t, h, "/api/said?by=Roe")
	var rows []map[string]any
	decode(t, r, &rows)
	if r.code != http.StatusOK || len(rows) != 1 {
		t.Fatalf("status %d, %d rows: %s", r.code, len(rows), r.body)
	}
	keys := []string{"date", "speaker", "claim", "direct", "article", "evidence", "speaker_id", "claim_id", "title", "start", "end"}
	for _, k := range keys {
		if _, ok := rows[0][k]; !ok {
			t.Errorf("row lacks %q: %v", k, rows[0])
		}
	}
	if rows[0]["claim"] != "<script>alert(1)</script> is not a claim & <b>bold</b>." || rows[0]["speaker_id"] != f.roe {
		t.Errorf("row %v", rows[0])
	}
	cases := []struct {
		name, target string
		code         int
		rows         int
	}{
		{"about an entity", "/api/said?about=" + url.QueryEscape(f.party), 200, 2},
		{"of one article", "/api/said?article=" + f.handArt, 200, 5},
		{"in a date range", "/api/said?since=2024-03-02&until=2024-03-31", 200, 5},
		{"cut at a limit", "/api/said?limit=2", 200, 2},
		{"by an unknown speaker", "/api/said?by=Nobody", 404, 0},
		{"with a bad date", "/api/said?since=March", 400, 0},
		{"with dates the wrong way round", "/api/said?since=2024-03-02&until=2024-03-01", 400, 0},
		{"with a bad limit", "/api/said?limit=-1", 400, 0},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := get(t, h, c.target)
			if r.code != c.code {
				t.Fatalf("status %d, want %d: %s", r.code, c.code, r.body)
			}
			if c.code != 200 {
				wantError(t, r, c.code, "")
				return
			}
			var rows []saidRecord
			decode(t, r, &rows)
			if len(rows) != c.rows {
				t.Errorf("%d rows, want %d: %s", len(rows), c.rows, r.body)
			}
		})
	}
}

func TestAPIQueryRunsReadOnlyCypher(t *testing.T) {
	f := newFixture(t)
	h := f.handler(Options{MaxBodyBytes: 200})
	cases := []struct {
		name, ctype, body, target string
		code                      int
		want                      string
	}{
		{"Cypher as text", "text/plain", "MATCH (p:Person) RETURN count(*) AS n", "/api/query", 200, `"rows":[{"n":5}]`},
		{"Cypher with no content type", "", "MATCH (p:Person {name: 'Jane Roe'}) RETURN p.name", "/api/query", 200, `"columns":["p.name"]`},
		{"JSON with parameters", "application/json", `{"query": "MATCH (p {name: $who}) RETURN p.name AS name", "params": {"who": "Roe"}}`,
			"/api/query", 200, `"rows":[{"name":"Jane Roe"}]`},
		{"text with a URL parameter", "text/plain", "MATCH (p {name: $who}) RETURN p.name AS name", "/api/query?param=who=Payne", 200, `"name":"Max Payne"`},
		{"a hostile value is escaped", "text/plain", "MATCH (p:Person) WHERE p.name STARTS WITH 'Odd' RETURN p.name AS n", "/api/query", 200,
			`"n":"Odd \u003cb\u003eName\u003c/b\u003e"`},
		{"a cut-off answer is flagged", "text/plain", "MATCH (n) RETURN n.id", "/api/query", 200, `"truncated":true`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			hh := h
			if strings.Contains(c.name, "cut-off") {
				hh = f.handler(Options{MaxRows: 2})
			}
			r := do(t, hh, http.MethodPost, c.target, c.ctype, c.body)
			var ans queryAnswer
			decode(t, r, &ans)
			if r.code != c.code || !strings.Contains(r.body, c.want) {
				t.Errorf("status %d, body %s; want %d with %s", r.code, r.body, c.code, c.want)
			}
		})
	}
}

func TestAPIQueryRefusesBadRequests(t *testing.T) {
	f := newFixture(t)
	h := f.handler(Options{MaxBodyBytes: 200})
	cases := []struct {
		name, method, ctype, body string
		code                      int
		msg                       string
	}{
		{"a syntax error", "POST", "text/plain", "MATCH (p:Persn RETURN p", 400, ""},
		{"two statements", "POST", "text/plain", "MATCH (p) RETURN p; MATCH (q) RETURN q", 400, "one statement"},
		{"an empty body", "POST", "text/plain", "  ", 400, "no query"},
		{"broken JSON", "POST", "application/json", `{"query": `, 400, "JSON"},
		{"a missing parameter", "POST", "text/plain", "MATCH (p {name: $who}) RETURN p", 400, "who"},
		{"a body over the limit", "POST", "text/plain", "MATCH (p) RETURN p " + strings.Repeat("// padding\n", 40), 413, "larger than 200 bytes"},
		{"a GET", "GET", "", "", 405, "use POST"},
		{"a write", "POST", "text/plain", "CREATE (p:Person {name: 'X'})", 400, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := do(t, h, c.method, "/api/query", c.ctype, c.body)
			e := wantError(t, r, c.code, c.msg)
			if c.code == 405 && r.header.Get("Allow") != "POST" {
				t.Errorf("Allow %q", r.header.Get("Allow"))
			}
			if c.name == "a syntax error" && (e.Line != 1 || e.Column != 16) {
				t.Errorf("error at line %d column %d, want 1:16 (%s)", e.Line, e.Column, r.body)
			}
		})
	}
}

func TestAPIQueryStopsAtTheTimeout(t *testing.T) {
	f := newFixture(t)
	h := f.handler(Options{QueryTimeout: time.Nanosecond})
	r := do(t, h, http.MethodPost, "/api/query", "text/plain", "MATCH (a)--(b)--(c) RETURN count(*)")
	wantError(t, r, http.StatusGatewayTimeout, "time")
}

func TestAPIExportWritesEachFormat(t *testing.T) {
	f := newFixture(t)
	h := f.handler(Options{})
	cases := []struct {
		name, target, ctype string
		want                []string
	}{
		{"dot of a focus with links", "/api/export?format=dot&focus=Payne", "text/vnd.graphviz",
			[]string{"digraph", `URL="/person/max-payne"`}},
		{"svg of a focus", "/api/export?format=svg&focus=Payne&depth=1", "image/svg+xml",
			[]string{`<?xml version="1.0" encoding="UTF-8"?>` + "\n<svg", `href="/person/max-payne"`}},
		{"jsonl of a focus", "/api/export?format=jsonl&focus=" + url.QueryEscape(f.roe) + "&depth=0", "application/x-ndjson",
			[]string{`"id":"person/jane-roe"`}},
		{"jsonl of everything, streamed", "/api/export", "application/x-ndjson", []string{`"id":"person/max-payne"`, `"rel":"disputes"`}},
		{"json of a relation", "/api/export?format=json&rel=disputes", "application/json", []string{`"nodes"`, `"disputes"`}},
		{"graphml of a kind", "/api/export?format=graphml&kind=party", "application/graphml+xml", []string{"<graphml"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := get(t, h, c.target)
			if r.code != http.StatusOK || !strings.HasPrefix(r.header.Get("Content-Type"), c.ctype) {
				t.Fatalf("status %d, type %q: %s", r.code, r.header.Get("Content-Type"), r.body)
			}
			for _, w := range c.want {
				if !strings.Contains(r.body, w) {
					t.Errorf("lacks %q:\n%s", w, r.body)
				}
			}
			// Data formats carry the text as it is; a drawing must not.
			if c.ctype == "image/svg+xml" && (strings.Contains(r.body, "<script") || strings.Contains(r.body, "<img")) {
				t.Errorf("hostile markup in the drawing:\n%s", r.body)
			}
		})
	}
}

func TestAPIExportRefusesBadSelections(t *testing.T) {
	f := newFixture(t)
	h := f.handler(Options{MaxGraphNodes: 3})
	cases := []struct {
		name, target string
		code         int
		msg          string
	}{
		{"an unknown format", "/api/export?format=pdf", 400, "format"},
		{"an unknown focus", "/api/export?format=dot&focus=Nobody", 404, "Nobody"},
		{"too deep", "/api/export?format=dot&focus=Roe&depth=9", 400, "depth"},
		{"an unknown relation", "/api/export?rel=likes", 400, "likes"},
		{"an unknown kind", "/api/export?kind=robot", 400, "robot"},
		{"a bad date", "/api/export?since=yesterday", 400, "since"},
		{"too big to draw", "/api/export?format=svg", 400, "too many nodes"},
		{"a POST", "/api/export", 405, "GET"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			method := http.MethodGet
			if c.code == 405 {
				method = http.MethodPost
			}
			wantError(t, do(t, h, method, c.target, "", ""), c.code, c.msg)
		})
	}
}

func TestAPIUnknownPathsAreJSON404s(t *testing.T) {
	h := New(nil, nil, Options{})
	wantError(t, get(t, h, "/api/nothing"), http.StatusNotFound, "no API")
	wantError(t, do(t, h, http.MethodPost, "/api/nothing", "text/plain", "x"), http.StatusNotFound, "no API")
}

// plainReader hides the store's name index, so that a search scans the
// entities as it does over any other graph.Reader.
type plainReader struct{ graph.Reader }

func TestSearchOverTheNameIndexFindsWhatAScanFinds(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	indexed := &server{r: f.db}
	scanned := &server{r: plainReader{f.db}}
	for _, q := range []string{"Roe", "Jan", "Payn", "ayne", "e", "party", "zzz"} {
		for _, limit := range []int{1, 2, 50} {
			var a, b searchResult
			moreA, err := indexed.searchEntities(ctx, q, limit, &a)
			if err != nil {
				t.Fatal(err)
			}
			moreB, err := scanned.searchEntities(ctx, q, limit, &b)
			if err != nil {
				t.Fatal(err)
			}
			if moreA != moreB || !reflect.DeepEqual(a.Entities, b.Entities) {
				t.Errorf("q=%q limit=%d: over the index %v %+v\nscanning %v %+v", q, limit, moreA, a.Entities, moreB, b.Entities)
			}
		}
	}
}
