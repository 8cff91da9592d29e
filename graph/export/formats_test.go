package export

import (
	"bufio"
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/mem"
)

// hostile is text that every writer must escape.
const hostile = "He said \"no\" \\ 'yes' \\\" <b>bold</b> & &amp; &#92; \\n \n line\r\n crlf \t tab \x00 nul \x01 \x1f \x7f " +
	"\u0085 \u2028 \u2029 \ufeff ünïcödé € 🙂 右 \\"

// hostileGraph builds a small graph whose texts, names, aliases, roles,
// evidence and IDs are the given strings.
func hostileGraph(t testing.TB, name, text, evidence string) *mem.Graph {
	t.Helper()
	p := graph.Node{ID: graph.EntityID(graph.Person, name), Kind: graph.Person, Name: name, Aliases: []string{text, evidence}}
	q := graph.Node{ID: "party/" + name, Kind: graph.Party, Name: evidence, Aliases: []string{name}}
	c := graph.Node{ID: graph.ClaimID(text), Kind: graph.Claim, Name: text, Text: text, Direct: true}
	a := graph.Node{ID: graph.ArticleID([]byte(text)), Kind: graph.Article, Title: name, Date: "2024-01-02",
		Source: evidence, URL: text, Author: name, Text: text + evidence}
	g := mem.New()
	_, err := g.Write(context.Background(), []graph.Subgraph{{Article: a.ID, Nodes: []graph.Node{p, q, c, a}, Edges: []graph.Edge{
		{From: p.ID, Rel: graph.Said, To: c.ID, Article: a.ID, Start: 1, End: 5, Evidence: evidence, Rule: name, Confidence: 0.5},
		{From: p.ID, Rel: graph.MemberOf, To: q.ID, Article: a.ID, Role: text},
		{From: q.ID, Rel: graph.Disputes, To: c.ID, Article: name},
		{From: a.ID, Rel: graph.Mentions, To: p.ID, Article: a.ID, Evidence: text},
	}}})
	if err != nil {
		t.Fatal(err)
	}
	return g
}

func TestEveryFormatParsesWithItsOwnParser(t *testing.T) {
	cases := []struct {
		name string
		g    *mem.Graph
	}{
		{"the small news graph", newFixture(t).g},
		{"hostile texts", hostileGraph(t, hostile, hostile+" and more", "evidence: "+hostile)},
		{"invalid UTF-8", hostileGraph(t, "bad \xff\xfe bytes", "half a rune \xe2\x82", "\xc3")},
		{"empty strings", hostileGraph(t, "", "", "")},
		{"a generated graph", synthGraph(t, 400, 5)},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) { checkFormats(t, c.g) })
	}
}

// checkFormats writes g in every format and parses each with a real
// parser, checking that texts survive as the format allows.
func checkFormats(t testing.TB, g *mem.Graph) {
	t.Helper()
	v, err := LoadView(context.Background(), g)
	if err != nil {
		t.Fatal(err)
	}
	checkJSONL(t, g, v)
	checkJSON(t, v)
	checkCSV(t, v)
	checkGraphML(t, v)
	checkNQuads(t, v)
	checkNeo4j(t, v)
	checkDOT(t, v, DOTOptions{Cluster: ClusterArticle, Title: hostile})
	checkDOT(t, v, DOTOptions{Cluster: ClusterParty})
}

func render(t testing.TB, write func(io.Writer) error) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := write(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func checkJSONL(t testing.TB, g *mem.Graph, v *View) {
	t.Helper()
	out := jsonlOf(t, g)
	for i, line := range bytes.Split(bytes.TrimSuffix(out, []byte("\n")), []byte("\n")) {
		if len(line) > 0 && !json.Valid(line) {
			t.Fatalf("jsonl line %d is not JSON: %s", i+1, line)
		}
	}
	if again := jsonlOf(t, importJSONL(t, out)); !bytes.Equal(out, again) {
		t.Errorf("jsonl round trip changed the bytes:\n%s", firstDiff(string(out), string(again)))
	}
	for _, n := range v.nodes {
		if n.Text != "" && utf8.ValidString(n.Text) && !bytes.Contains(out, mustJSON(t, n.Text)) {
			t.Errorf("jsonl lacks the text of %s", n.ID)
		}
	}
}

func mustJSON(t testing.TB, s string) []byte {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(s); err != nil {
		t.Fatal(err)
	}
	return bytes.TrimSuffix(buf.Bytes(), []byte("\n"))
}

func checkJSON(t testing.TB, v *View) {
	t.Helper()
	out := render(t, func(w io.Writer) error { return WriteJSON(context.Background(), w, v) })
	var doc struct{ Nodes, Edges []nodeRecord }
	if err := json.Unmarshal(out, &doc); err != nil {
		t.Fatalf("json does not parse: %v", err)
	}
	if nn, ne := v.Len(); len(doc.Nodes) != nn || len(doc.Edges) != ne {
		t.Errorf("json has %d nodes and %d edges, want %d and %d", len(doc.Nodes), len(doc.Edges), nn, ne)
	}
}

// csvSafe is what a string looks like after a CSV round trip.
func csvSafe(s string) string {
	s = strings.ReplaceAll(strings.ToValidUTF8(s, "\uFFFD"), "\x00", "\uFFFD")
	return strings.ReplaceAll(s, "\r\n", "\n")
}

func readCSV(t testing.TB, b []byte, what string) [][]string {
	t.Helper()
	r := csv.NewReader(bytes.NewReader(b))
	rows, err := r.ReadAll()
	if err != nil {
		t.Fatalf("%s does not parse as CSV: %v", what, err)
	}
	return rows
}

func checkCSV(t testing.TB, v *View) {
	t.Helper()
	ctx := context.Background()
	nodes := readCSV(t, render(t, func(w io.Writer) error { return WriteCSVTable(ctx, w, v, NodesTable) }), "nodes.csv")
	edges := readCSV(t, render(t, func(w io.Writer) error { return WriteCSVTable(ctx, w, v, EdgesTable) }), "edges.csv")
	if nn, ne := v.Len(); len(nodes) != nn+1 || len(edges) != ne+1 {
		t.Fatalf("csv has %d and %d rows, want %d and %d with headers", len(nodes), len(edges), nn+1, ne+1)
	}
	for i, n := range v.nodes {
		row := nodes[i+1]
		if row[0] != csvSafe(n.ID) || row[2] != csvSafe(displayName(n)) || row[10] != csvSafe(n.Text) {
			t.Errorf("csv row %d: %q does not hold node %q", i+2, row, n.ID)
		}
	}
	for i, e := range v.edges {
		if row := edges[i+1]; row[7] != csvSafe(e.Evidence) || row[4] != strconv.Itoa(e.Start) {
			t.Errorf("csv edge row %d: %q", i+2, row)
		}
	}
}

// xmlSafe is what a string looks like after an XML round trip.
func xmlSafe(s string) string {
	return strings.Map(func(r rune) rune {
		if r == '\t' || r == '\n' || r == '\r' || r >= 0x20 && r <= 0xD7FF || r >= 0xE000 && r <= 0xFFFD || r >= 0x10000 && r <= 0x10FFFF {
			return r
		}
		return '\uFFFD'
	}, strings.ToValidUTF8(s, "\uFFFD"))
}

type graphmlDoc struct {
	XMLName xml.Name `xml:"graphml"`
	Keys    []struct {
		ID     string `xml:"id,attr"`
		For    string `xml:"for,attr"`
		Name   string `xml:"attr.name,attr"`
		Type   string `xml:"attr.type,attr"`
		Domain string
	} `xml:"key"`
	Graph struct {
		EdgeDefault string `xml:"edgedefault,attr"`
		Nodes       []struct {
			ID   string        `xml:"id,attr"`
			Data []graphmlData `xml:"data"`
		} `xml:"node"`
		Edges []struct {
			ID     string        `xml:"id,attr"`
			Source string        `xml:"source,attr"`
			Target string        `xml:"target,attr"`
			Data   []graphmlData `xml:"data"`
		} `xml:"edge"`
	} `xml:"graph"`
}

type graphmlData struct {
	Key   string `xml:"key,attr"`
	Value string `xml:",chardata"`
}

func checkGraphML(t testing.TB, v *View) {
	t.Helper()
	out := render(t, func(w io.Writer) error { return WriteGraphML(context.Background(), w, v) })
	var doc graphmlDoc
	dec := xml.NewDecoder(bytes.NewReader(out))
	dec.Strict = true
	if err := dec.Decode(&doc); err != nil {
		t.Fatalf("graphml does not parse: %v", err)
	}
	keys := map[string]string{}
	for _, k := range doc.Keys {
		keys[k.ID] = k.For
	}
	nn, ne := v.Len()
	if len(doc.Graph.Nodes) != nn || len(doc.Graph.Edges) != ne || doc.Graph.EdgeDefault != "directed" {
		t.Fatalf("graphml has %d nodes, %d edges, want %d and %d, directed", len(doc.Graph.Nodes), len(doc.Graph.Edges), nn, ne)
	}
	ids := map[string]bool{}
	for i, n := range doc.Graph.Nodes {
		ids[n.ID] = true
		if n.ID != xmlSafe(v.nodes[i].ID) {
			t.Errorf("graphml node id %q, want %q", n.ID, xmlSafe(v.nodes[i].ID))
		}
		for _, d := range n.Data {
			if keys[d.Key] != "node" {
				t.Errorf("node data key %q is not declared for nodes", d.Key)
			}
			if d.Key == "n_name" && d.Value != xmlSafe(displayName(v.nodes[i])) {
				t.Errorf("graphml name %q, want %q", d.Value, xmlSafe(displayName(v.nodes[i])))
			}
		}
	}
	for _, e := range doc.Graph.Edges {
		if !ids[e.Source] || !ids[e.Target] {
			t.Errorf("graphml edge %s joins undeclared nodes", e.ID)
		}
		for _, d := range e.Data {
			if keys[d.Key] != "edge" {
				t.Errorf("edge data key %q is not declared for edges", d.Key)
			}
		}
	}
}

func checkNQuads(t testing.TB, v *View) {
	t.Helper()
	out := render(t, func(w io.Writer) error { return WriteNQuads(context.Background(), w, v, "") })
	names := map[string]string{}
	sc := bufio.NewScanner(bytes.NewReader(out))
	sc.Buffer(nil, 1<<26)
	for line := 1; sc.Scan(); line++ {
		q, err := parseNQuad(sc.Text())
		if err != nil {
			t.Fatalf("n-quads line %d: %v: %s", line, err, sc.Text())
		}
		if !q.o.isIRI {
			// Dgraph reads literals with strconv.Unquote: it must agree.
			raw := sc.Text()[strings.Index(sc.Text(), "> \"")+2:]
			raw = raw[:strings.LastIndex(raw, "\"")+1]
			if got, err := strconv.Unquote(raw); err != nil || got != q.o.literal {
				t.Fatalf("n-quads line %d: strconv.Unquote gives %q, %v; the N-Triples reading is %q", line, got, err, q.o.literal)
			}
		}
		if strings.HasSuffix(q.p.iri, "/p/name") {
			names[q.s.iri] = q.o.literal
		}
	}
	voc, _ := newRDFVocab("")
	for _, n := range v.nodes {
		iri := strings.Trim(voc.node(n.ID), "<>")
		if got := names[iri]; got != strings.ToValidUTF8(displayName(n), "\uFFFD") {
			t.Errorf("n-quads name of %s is %q, want %q", n.ID, got, displayName(n))
		}
	}
}

var neo4jHeaderField = regexp.MustCompile(`^([A-Za-z_][A-Za-z0-9_]*)?(:(ID|LABEL|START_ID|END_ID|TYPE|IGNORE|string|int|long|float|double|boolean|byte|short|char|date|datetime|point)(\[\])?)?$`)

// checkNeo4jHeader applies neo4j-admin's header rules.
func checkNeo4jHeader(t testing.TB, header []string, required ...string) {
	t.Helper()
	seen := map[string]bool{}
	for _, h := range header {
		if !neo4jHeaderField.MatchString(h) || h == "" {
			t.Errorf("neo4j header field %q is not name:type", h)
		}
		name := strings.SplitN(h, ":", 2)[0]
		if name != "" && seen[name] {
			t.Errorf("neo4j header repeats property %q", name)
		}
		seen[name] = true
	}
	for _, r := range required {
		if !slices.ContainsFunc(header, func(h string) bool { return strings.HasSuffix(h, r) }) {
			t.Errorf("neo4j header %q lacks %s", header, r)
		}
	}
}

var (
	neo4jLabel = regexp.MustCompile(`^[A-Z][a-z]+$`)
	neo4jType  = regexp.MustCompile(`^[A-Z]+(_[A-Z]+)*$`)
)

func checkNeo4j(t testing.TB, v *View) {
	t.Helper()
	dir := t.TempDir()
	if err := WriteNeo4j(context.Background(), dir, v); err != nil {
		t.Fatal(err)
	}
	read := func(name string) [][]string {
		b, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		return readCSV(t, b, name)
	}
	nodes, rels := read(Neo4jNodesFile), read(Neo4jRelationshipsFile)
	checkNeo4jHeader(t, nodes[0], ":ID", ":LABEL")
	checkNeo4jHeader(t, rels[0], ":START_ID", ":END_ID", ":TYPE")
	ids := map[string]bool{}
	for i, row := range nodes[1:] {
		if ids[row[0]] {
			t.Errorf("neo4j node id %q repeated", row[0])
		}
		ids[row[0]] = true
		if !neo4jLabel.MatchString(row[1]) {
			t.Errorf("neo4j label %q", row[1])
		}
		if row[6] != "" && row[6] != "true" {
			t.Errorf("neo4j boolean %q", row[6])
		}
		n := v.nodes[i]
		want := make([]string, len(n.Aliases))
		for j, a := range n.Aliases {
			want[j] = csvSafe(strings.ReplaceAll(a, ";", ","))
		}
		if got := row[4]; len(n.Aliases) > 0 && got != strings.Join(want, ";") {
			t.Errorf("neo4j aliases %q, want %q", got, want)
		}
	}
	for _, row := range rels[1:] {
		if !ids[row[0]] || !ids[row[1]] {
			t.Errorf("neo4j relationship %q joins unknown nodes", row[:3])
		}
		if !neo4jType.MatchString(row[2]) {
			t.Errorf("neo4j type %q", row[2])
		}
		for _, c := range []int{4, 5} {
			if _, err := strconv.Atoi(row[c]); err != nil {
				t.Errorf("neo4j int column %d: %q", c, row[c])
			}
		}
	}
}

// dotSafe is what dotQuote makes of a string as Graphviz shows it.
func dotSafe(s string) string {
	return strings.Map(func(r rune) rune {
		if r != '\n' && (unicode.IsControl(r) || r == '\u2028' || r == '\u2029') {
			return ' '
		}
		return r
	}, strings.ToValidUTF8(s, "\uFFFD"))
}

func checkDOT(t testing.TB, v *View, opt DOTOptions) {
	t.Helper()
	out := render(t, func(w io.Writer) error { return WriteDOT(w, v, opt) })
	g, err := parseDOT(string(out))
	if err != nil {
		t.Fatalf("dot does not parse: %v", err)
	}
	for _, n := range v.nodes {
		// Backslashes in IDs are doubled, and Graphviz keeps them doubled.
		attrs, ok := g.nodes[strings.ReplaceAll(strings.ToValidUTF8(n.ID, "\uFFFD"), `\`, `\\`)]
		// dotID writes control characters and line/paragraph separators as
		// \uXXXX, which the test parser does not decode.
		escaped := func(r rune) bool { return unicode.IsControl(r) || r == '\u2028' || r == '\u2029' }
		if !ok && utf8.ValidString(n.ID) && !strings.ContainsFunc(n.ID, escaped) {
			t.Errorf("dot lacks node %q", n.ID)
			continue
		}
		if ok && n.Kind == graph.Claim {
			if got, want := unescapeDOTLabel(attrs["tooltip"]), dotSafe(nodeTooltip(n)); got != want {
				t.Errorf("dot tooltip of %s reads %q, want %q", n.ID, got, want)
			}
		}
	}
	for _, e := range g.edges {
		if _, ok := g.nodes[e.from]; !ok {
			t.Errorf("dot edge from undeclared node %q", e.from)
		}
		if _, ok := g.nodes[e.to]; !ok {
			t.Errorf("dot edge to undeclared node %q", e.to)
		}
	}
}

func TestRapperReadsTheNQuads(t *testing.T) {
	rapper, err := exec.LookPath("rapper")
	if err != nil {
		t.Skip("rapper is not on PATH (apt-get install -y raptor2-utils)")
	}
	for name, g := range map[string]*mem.Graph{"small": newFixture(t).g, "hostile": hostileGraph(t, hostile, hostile, hostile)} {
		t.Run(name, func(t *testing.T) {
			out := render(t, func(w io.Writer) error { return WriteNQuads(context.Background(), w, g, "") })
			cmd := exec.Command(rapper, "-q", "-i", "nquads", "-o", "ntriples", "-", "http://base.example/")
			cmd.Stdin = bytes.NewReader(out)
			var stdout, stderr bytes.Buffer
			cmd.Stdout, cmd.Stderr = &stdout, &stderr
			if err := cmd.Run(); err != nil || stderr.Len() > 0 {
				t.Fatalf("rapper: %v: %s", err, stderr.String())
			}
			if got, want := bytes.Count(stdout.Bytes(), []byte("\n")), bytes.Count(out, []byte("\n")); got != want {
				t.Errorf("rapper read %d statements, the export has %d", got, want)
			}
		})
	}
}

func TestXmllintReadsTheGraphML(t *testing.T) {
	xmllint, err := exec.LookPath("xmllint")
	if err != nil {
		t.Skip("xmllint is not on PATH (apt-get install -y libxml2-utils)")
	}
	g := hostileGraph(t, hostile, hostile, hostile)
	out := render(t, func(w io.Writer) error { return WriteGraphML(context.Background(), w, g) })
	cmd := exec.Command(xmllint, "--noout", "-")
	cmd.Stdin = bytes.NewReader(out)
	if msg, err := cmd.CombinedOutput(); err != nil || len(msg) > 0 {
		t.Errorf("xmllint: %v: %s", err, msg)
	}
}

func TestDotRendersTheExportWithoutWarnings(t *testing.T) {
	dot, err := exec.LookPath("dot")
	if err != nil {
		t.Skip("Graphviz dot is not on PATH (apt-get install -y graphviz)")
	}
	cases := map[string]*mem.Graph{
		"small":   newFixture(t).g,
		"hostile": hostileGraph(t, hostile, hostile+" 2", hostile+" 3"),
		"invalid": hostileGraph(t, "bad \xff", "x\xe2\x82", "\xc3"),
	}
	for name, g := range cases {
		for _, cl := range []ClusterBy{ClusterNone, ClusterArticle, ClusterParty} {
			t.Run(name+"/"+string(cl), func(t *testing.T) {
				v, err := LoadView(context.Background(), g)
				if err != nil {
					t.Fatal(err)
				}
				out := render(t, func(w io.Writer) error { return WriteDOT(w, v, DOTOptions{Cluster: cl, Title: hostile}) })
				cmd := exec.Command(dot, "-Tsvg", "-o", os.DevNull)
				cmd.Stdin = bytes.NewReader(out)
				var stderr bytes.Buffer
				cmd.Stderr = &stderr
				if err := cmd.Run(); err != nil || stderr.Len() > 0 {
					t.Errorf("dot: %v: %s", err, stderr.String())
				}
			})
		}
	}
}

func TestNQuadsBaseIRI(t *testing.T) {
	g := newFixture(t).g
	cases := []struct {
		name, base, want, err string
	}{
		{"the default base", "", "<https://claimgraph.example/id/person/halima-voss>", ""},
		{"another base gains a slash", "http://data.example.org/news", "<http://data.example.org/news/id/person/halima-voss>", ""},
		{"a relative base is refused", "claims/", "", "base IRI"},
		{"a base with spaces is refused", "http://x.example/a b/", "", "base IRI"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var buf bytes.Buffer
			err := WriteNQuads(context.Background(), &buf, g, c.base)
			if c.err != "" {
				if err == nil || !strings.Contains(err.Error(), c.err) {
					t.Errorf("error %v, want %q", err, c.err)
				}
				if err := WriteDgraphSchema(io.Discard, c.base); err == nil {
					t.Error("the schema writer accepted the bad base")
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(buf.String(), c.want) {
				t.Errorf("no %s in the output", c.want)
			}
		})
	}
}

func TestNQuadsWriteEachDirectTripleOnce(t *testing.T) {
	f := newFixture(t)
	out := render(t, func(w io.Writer) error { return WriteNQuads(context.Background(), w, f.g, "") })
	voc, _ := newRDFVocab("")
	direct := voc.node(f.voss) + " " + voc.pred("said") + " " + voc.node(f.fake) + " .\n"
	if n := strings.Count(string(out), direct); n != 1 {
		t.Errorf("the direct said triple appears %d times, want once", n)
	}
	if n := strings.Count(string(out), voc.pred("rel")+` "said"`); n != 6 {
		t.Errorf("%d reified said edges, want 6 (one per article)", n)
	}
}

func TestEscapeIRIPathKeepsIDsDistinctAndValid(t *testing.T) {
	cases := map[string]string{
		"person/jane-roe":  "person/jane-roe",
		"claim/a b<c>":     "claim/a%20b%3Cc%3E",
		"party/zoë":        "party/zo%C3%AB",
		"x/100%":           "x/100%25",
		"article/\x00\xff": "article/%00%FF",
	}
	for in, want := range cases {
		if got := escapeIRIPath(in); got != want {
			t.Errorf("escapeIRIPath(%q) = %q, want %q", in, got, want)
		}
	}
}
