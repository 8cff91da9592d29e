package web

import (
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/claimgraph/claimgraph/graph/mem"
)

func TestEveryPageAnswersWithEscapedHTML(t *testing.T) {
	f := newFixture(t)
	h := f.handler(Options{})
	cases := []struct {
		name   string
		target string
		code   int
		want   []string // substrings of the body
	}{
		{"the front page lists the speakers", "/", 200, []string{"<html", "Most quoted", "Jane Roe", "Max Payne"}},
		{"the search page finds a person by surname", "/search?q=Roe", 200, []string{`href="/person/jane-roe"`}},
		{"the search page finds a person by prefix", "/search?q=Pay", 200, []string{`href="/person/max-payne"`}},
		{"the search page finds claims by their words", "/search?q=bold", 200, []string{"&lt;b&gt;bold&lt;/b&gt;"}},
		{"an empty search asks for words", "/search", 200, []string{"Type a name"}},
		{"a person's page by kind and slug", "/person/jane-roe", 200,
			[]string{"Jane Roe", "&lt;script&gt;alert(1)&lt;/script&gt;", "<mark>"}},
		{"a person's page by /node/ID", "/node/person/jane-roe", 200, []string{"Jane Roe"}},
		{"a person's page by /entity/ID", "/entity/person/jane-roe", 200, []string{"Jane Roe"}},
		{"a hostile party's page", "/" + f.party, 200, []string{"&lt;script&gt;alert(4)&lt;/script&gt; Party", "&lt;i&gt;chair&lt;/i&gt;"}},
		{"a node whose ID needs escaping", nodeURL(f.odd), 200, []string{"Odd &lt;b&gt;Name&lt;/b&gt;"}},
		{"a claim's page by kind and hash", "/" + f.quote, 200, []string{"&lt;script&gt;alert(1)&lt;/script&gt;", "Jane Roe"}},
		{"a claim's page by /claim/ID", "/claim/" + f.quote, 200, []string{"&lt;script&gt;alert(1)&lt;/script&gt;"}},
		{"a disputed claim lists who disputes and supports it", "/" + f.rigged, 200,
			[]string{"Disputed by", "Ann Lee", "Supported by", "a second quote"}},
		{"an article's page highlights its quote", "/" + f.hostileArt, 200,
			[]string{`<mark class="quote" id="q`, "&lt;script&gt;alert(1)&lt;/script&gt; is not a claim &amp; &lt;b&gt;bold&lt;/b&gt;."}},
		{"an article's page by /article/ID", "/article/" + f.hostileArt, 200, []string{"<mark"}},
		{"a hand-made article with hostile title and spans", "/" + f.handArt, 200,
			[]string{"&#34;&gt;&lt;img src=x onerror=alert(5)&gt;", "#ZgotmplZ"}},
		{"the query page shows an example", "/query", 200, []string{"<textarea", "MATCH"}},
		{"the query page runs a query", "/query?cypher=" + url.QueryEscape("MATCH (p:Person) RETURN p.name AS name ORDER BY name"), 200,
			[]string{"<th>name</th>", "Odd &lt;b&gt;Name&lt;/b&gt;"}},
		{"the query page links nodes", "/query?cypher=" + url.QueryEscape("MATCH (p:Person {name: 'Jane Roe'}) RETURN p"), 200,
			[]string{`href="/person/jane-roe"`}},
		{"the query page shows where a query is wrong", "/query?cypher=" + url.QueryEscape("MATCH (p:Persn RETURN p"), 400,
			[]string{"Line 1, column"}},
		{"an unknown node is 404", "/person/nobody-at-all", 404, []string{"404", "no node"}},
		{"an unknown full ID is 404", "/node/claim/0000000000000000", 404, []string{"404"}},
		{"a path that names no kind is 404", "/nonsense/thing", 404, []string{"no page"}},
		{"a kind without a slug is 404", "/person/", 404, []string{"no page"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := get(t, h, c.target)
			if r.code != c.code {
				t.Fatalf("GET %s: status %d, want %d\n%s", c.target, r.code, c.code, r.body)
			}
			if ct := r.header.Get("Content-Type"); ct != "text/html; charset=utf-8" {
				t.Errorf("Content-Type %q", ct)
			}
			for _, w := range c.want {
				if !strings.Contains(r.body, w) {
					t.Errorf("GET %s lacks %q", c.target, w)
				}
			}
			noHostile(t, "GET "+c.target, r.body)
			if strings.Contains(r.body, "src=\"http") || strings.Contains(r.body, "<script>") {
				t.Errorf("GET %s loads a script or asset from elsewhere, or has an inline script", c.target)
			}
		})
	}
}

func TestArticlePageMarksEveryQuoteSafely(t *testing.T) {
	f := newFixture(t)
	r := get(t, f.handler(Options{}), "/"+f.handArt)
	if r.code != http.StatusOK {
		t.Fatalf("status %d", r.code)
	}
	marks := regexp.MustCompile(`<mark class="quote" id="(q\d+-\d+)">([^<]*)</mark>`).FindAllStringSubmatch(r.body, -1)
	var got []string
	for _, m := range marks {
		got = append(got, m[1]+" "+m[2])
	}
	want := []string{
		quoteAnchor(f.riggedStart, f.riggedEnd) + " &lt;img src=x onerror=alert(3)&gt; rigged",
		quoteAnchor(f.overlapEnd-len("a second quote"), f.overlapEnd) + " a second quote",
		quoteAnchor(len(handArticle)-4, len(handArticle)+40) + " end.",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("marks:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	overlap := `<span class="anchor" id="` + quoteAnchor(f.riggedStart+5, f.overlapEnd) + `"></span>`
	if !strings.Contains(r.body, overlap) {
		t.Errorf("the overlapping quote's anchor %s is missing", overlap)
	}
	if !strings.Contains(r.body, "Café “naïve”") {
		t.Error("the text around the quotes lost its accents")
	}
	for _, who := range []string{"Max Payne", "Odd &lt;b&gt;Name&lt;/b&gt;", "Ann Lee"} {
		if !strings.Contains(r.body, `">`+who+`</a>`) {
			t.Errorf("no attribution to %s", who)
		}
	}
}

func TestEntityPageDrawsItsNeighbourhoodAsSafeSVG(t *testing.T) {
	f := newFixture(t)
	r := get(t, f.handler(Options{}), "/"+f.payne)
	if r.code != http.StatusOK {
		t.Fatalf("status %d", r.code)
	}
	start, end := strings.Index(r.body, "<svg"), strings.Index(r.body, "</svg>")
	if start < 0 || end < start {
		t.Fatalf("no inline SVG on the page:\n%s", r.body)
	}
	svg := r.body[start:end]
	for _, w := range []string{`href="/person/max-payne"`, `href="/` + f.rigged + `"`, "&lt;img src=x onerror=alert(3)&gt;"} {
		if !strings.Contains(svg, w) {
			t.Errorf("the SVG lacks %s", w)
		}
	}
	for _, bad := range []string{"<script", "onerror=alert(3)>", "xlink:", "<!--"} {
		if strings.Contains(svg, bad) {
			t.Errorf("the SVG holds %q", bad)
		}
	}
}

func TestEntityPageSaysWhyThereIsNoGraph(t *testing.T) {
	f := newFixture(t)
	r := get(t, f.handler(Options{MaxGraphNodes: 2}), "/"+f.payne)
	if r.code != http.StatusOK || !strings.Contains(r.body, "too large to draw") || strings.Contains(r.body, "<svg") {
		t.Errorf("status %d; want a note instead of the drawing:\n%s", r.code, r.body)
	}
}

func TestAnEmptyGraphStillAnswers(t *testing.T) {
	h := New(mem.New(), nil, Options{})
	cases := []struct {
		target string
		code   int
		want   string
	}{
		{"/", 200, "No claims yet"},
		{"/search?q=anyone", 200, "No name or alias matches"},
		{"/api/search?q=anyone", 200, `"entities":[]`},
		{"/api/said", 200, "[]"},
		{"/person/anyone", 404, "no node"},
	}
	for _, c := range cases {
		if r := get(t, h, c.target); r.code != c.code || !strings.Contains(r.body, c.want) {
			t.Errorf("GET %s: status %d, want %d with %q:\n%s", c.target, r.code, c.code, c.want, r.body)
		}
	}
}

func TestPagesRefuseOtherMethods(t *testing.T) {
	f := newFixture(t)
	h := f.handler(Options{})
	for _, target := range []string{"/", "/search?q=Roe", "/person/jane-roe"} {
		r := do(t, h, http.MethodPost, target, "text/plain", "x")
		if r.code != http.StatusMethodNotAllowed || r.header.Get("Allow") != "GET, HEAD" {
			t.Errorf("POST %s: status %d, Allow %q", target, r.code, r.header.Get("Allow"))
		}
	}
}

func TestStaticAssetsAreEmbeddedAndTyped(t *testing.T) {
	h := New(nil, nil, Options{})
	cases := []struct{ path, ctype, want string }{
		{"/static/style.css", "text/css", "mark"},
		{"/static/app.js", "text/javascript", "textContent"},
		{"/static/favicon.svg", "image/svg+xml", "<svg"},
	}
	for _, c := range cases {
		r := get(t, h, c.path)
		if r.code != http.StatusOK || !strings.HasPrefix(r.header.Get("Content-Type"), c.ctype) || !strings.Contains(r.body, c.want) {
			t.Errorf("GET %s: status %d, type %q", c.path, r.code, r.header.Get("Content-Type"))
		}
	}
	if r := get(t, h, "/static/missing.js"); r.code != http.StatusNotFound {
		t.Errorf("a missing asset answered %d", r.code)
	}
}

func TestEveryAnswerCarriesTheSecurityHeaders(t *testing.T) {
	f := newFixture(t)
	h := f.handler(Options{})
	for _, target := range []string{"/", "/api/search?q=Roe", "/static/app.js", "/nowhere/x"} {
		r := get(t, h, target)
		csp := r.header.Get("Content-Security-Policy")
		if !strings.Contains(csp, "script-src 'self'") || r.header.Get("X-Content-Type-Options") != "nosniff" {
			t.Errorf("GET %s: CSP %q, nosniff %q", target, csp, r.header.Get("X-Content-Type-Options"))
		}
	}
}

func TestHostCheckRefusesOtherNames(t *testing.T) {
	f := newFixture(t)
	h := f.handler(Options{AllowedHosts: LoopbackHosts()})
	cases := []struct {
		host string
		code int
	}{
		{"127.0.0.1:8080", 200}, {"localhost:8080", 200}, {"[::1]:8080", 200}, {"LOCALHOST", 200},
		{"evil.example:8080", http.StatusMisdirectedRequest}, {"127.0.0.1.evil.example", http.StatusMisdirectedRequest},
	}
	for _, c := range cases {
		req := do(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			r.Host = c.host
			h.ServeHTTP(w, r)
		}), http.MethodGet, "/api/search?q=Roe", "", "")
		if req.code != c.code {
			t.Errorf("Host %s: status %d, want %d", c.host, req.code, c.code)
		}
	}
}
