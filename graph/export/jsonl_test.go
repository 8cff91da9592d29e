package export

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/mem"
)

// importJSONL reads a JSONL export into a fresh graph, as `claimgraph
// import` does: every record one subgraph that belongs to no article.
func importJSONL(t testing.TB, data []byte) *mem.Graph {
	t.Helper()
	g := mem.New()
	var sub graph.Subgraph
	for rec, err := range ReadJSONL(context.Background(), bytes.NewReader(data), "export.jsonl") {
		if err != nil {
			t.Fatal(err)
		}
		if rec.Node != nil {
			sub.Nodes = append(sub.Nodes, *rec.Node)
		} else {
			sub.Edges = append(sub.Edges, *rec.Edge)
		}
	}
	if _, err := g.Write(context.Background(), []graph.Subgraph{sub}); err != nil {
		t.Fatal(err)
	}
	return g
}

func jsonlOf(t testing.TB, src Source) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := WriteJSONL(context.Background(), &buf, src); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestJSONLExportImportExportIsByteIdentical(t *testing.T) {
	cases := []struct {
		name string
		g    *mem.Graph
	}{
		{"the small news graph", newFixture(t).g},
		{"a generated graph", synthGraph(t, 300, 3)},
		{"an empty graph", mem.New()},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			first := jsonlOf(t, c.g)
			second := jsonlOf(t, importJSONL(t, first))
			if !bytes.Equal(first, second) {
				t.Errorf("export -> import -> export changed the bytes:\n%s", firstDiff(string(first), string(second)))
			}
		})
	}
}

func TestJSONLHasTheDocumentedShape(t *testing.T) {
	f := newFixture(t)
	lines := strings.Split(strings.TrimSuffix(string(jsonlOf(t, f.g)), "\n"), "\n")
	byPrefix := func(prefix string) string {
		for _, l := range lines {
			if strings.HasPrefix(l, prefix) {
				return l
			}
		}
		t.Fatalf("no line starts with %s", prefix)
		return ""
	}
	cases := []struct{ name, prefix, want string }{
		{"an entity has id, kind, name and aliases in that order", `{"type":"node","id":"person/tomas-brandt"`,
			`{"type":"node","id":"person/tomas-brandt","kind":"person","name":"Tomas Brandt","aliases":["Brandt"]}`},
		{"a claim has text and direct after the name", `{"type":"node","id":"` + f.fake,
			`{"type":"node","id":"` + f.fake + `","kind":"claim","name":"The audio is 100% fake.","text":"The audio is 100% fake.","direct":true}`},
		{"an edge has from, rel, to, article, start, end, then the extras", `{"type":"edge","from":"person/tomas-brandt","rel":"supports"`,
			`{"type":"edge","from":"person/tomas-brandt","rel":"supports","to":"` + f.fake + `","article":"` + f.a2 + `","start":273,"end":290,` +
				`"selector":{"type":"TextQuoteSelector","exact":"Brandt backed her","prefix":" fake,\" Governor Voss repeated.\n","suffix":": \"<the audio> is \\\"fake\\\" and a"},` +
				`"evidence":"Brandt backed her","rule":"stance-backed"}`},
		{"html characters stay literal", `{"type":"node","id":"` + f.freeFair,
			`{"type":"node","id":"` + f.freeFair + `","kind":"claim","name":"the vote was free & fair","text":"the vote was free & fair"}`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := byPrefix(c.prefix); got != c.want {
				t.Errorf("got  %s\nwant %s", got, c.want)
			}
		})
	}
	var nodesDone bool
	for i, l := range lines {
		var rec map[string]any
		if err := json.Unmarshal([]byte(l), &rec); err != nil {
			t.Fatalf("line %d: %v", i+1, err)
		}
		switch rec["type"] {
		case TypeNode:
			if nodesDone {
				t.Errorf("line %d: a node after the edges", i+1)
			}
			for _, k := range []string{"id", "kind", "name"} {
				if s, _ := rec[k].(string); s == "" {
					t.Errorf("line %d: node without %s", i+1, k)
				}
			}
		case TypeEdge:
			nodesDone = true
		default:
			t.Errorf("line %d: type %v", i+1, rec["type"])
		}
	}
}

func TestArticleWithoutANameIsNamedByTitleThenSource(t *testing.T) {
	cases := []struct {
		name string
		node graph.Node
		want string
	}{
		{"the title when there is one", graph.Node{ID: "article/1", Kind: graph.Article, Title: "T", Source: "s.txt"}, "T"},
		{"the source when there is no title", graph.Node{ID: "article/1", Kind: graph.Article, Source: "s.txt"}, "s.txt"},
		{"the ID when there is neither", graph.Node{ID: "article/1", Kind: graph.Article}, "article/1"},
		{"the name when set", graph.Node{ID: "article/1", Kind: graph.Article, Name: "N", Title: "T"}, "N"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := displayName(c.node); got != c.want {
				t.Errorf("got %q, want %q", got, c.want)
			}
		})
	}
}

func TestJSONIsOneDocumentWithTheSameRecords(t *testing.T) {
	ctx := context.Background()
	cases := []struct {
		name        string
		src         Source
		nodes, edge int
	}{
		{"the small graph", newFixture(t).g, 14, 19},
		{"an empty graph", mem.New(), 0, 0},
		{"nodes without edges", NewView([]graph.Node{{ID: "person/a", Kind: graph.Person, Name: "A"}}, nil), 1, 0},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := WriteJSON(ctx, &buf, c.src); err != nil {
				t.Fatal(err)
			}
			var doc struct {
				Nodes []map[string]any `json:"nodes"`
				Edges []map[string]any `json:"edges"`
			}
			dec := json.NewDecoder(&buf)
			dec.DisallowUnknownFields()
			if err := dec.Decode(&doc); err != nil {
				t.Fatalf("not one JSON document: %v", err)
			}
			if len(doc.Nodes) != c.nodes || len(doc.Edges) != c.edge {
				t.Errorf("%d nodes and %d edges, want %d and %d", len(doc.Nodes), len(doc.Edges), c.nodes, c.edge)
			}
			if dec.More() {
				t.Error("trailing data after the document")
			}
		})
	}
}

func TestReadJSONLReportsEachBadLineWithItsPosition(t *testing.T) {
	good := `{"type":"node","id":"person/a","kind":"person","name":"A"}`
	cases := []struct {
		name, line, want string
	}{
		{"broken JSON names the column", `{"type":"node",`, "in.jsonl:2:15: invalid JSON"},
		{"a missing type", `{"id":"person/a"}`, `in.jsonl:2: record has no "type"`},
		{"an unknown type", `{"type":"vertex"}`, `in.jsonl:2: unknown record type "vertex"`},
		{"a node without id", `{"type":"node","kind":"person"}`, `in.jsonl:2: node has no "id"`},
		{"an unknown kind", `{"type":"node","id":"robot/x","kind":"robot"}`, `unknown kind "robot"`},
		{"an id of another kind", `{"type":"node","id":"party/x","kind":"person"}`, `id does not start with its kind`},
		{"an edge without to", `{"type":"edge","from":"person/a","rel":"said"}`, `edge needs both "from" and "to"`},
		{"an unknown relation", `{"type":"edge","from":"a","rel":"likes","to":"b"}`, `unknown relation "likes"`},
		{"a reversed span", `{"type":"edge","from":"a","rel":"said","to":"b","start":9,"end":3}`, `bad span [9,3)`},
		{"a wrong field type names the column", `{"type":"node","id":7}`, `in.jsonl:2:21: wrong JSON type: field "id": got number, want string`},
		{"a confidence above one", `{"type":"edge","from":"a","rel":"said","to":"b","confidence":2}`, "outside [0,1]"},
		{"not an object", `[1,2]`, "in.jsonl:2: a record must be a JSON object, got array"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			in := good + "\n" + c.line + "\n" + good + "\n"
			var got []Record
			var errs []error
			for rec, err := range ReadJSONL(context.Background(), strings.NewReader(in), "in.jsonl") {
				if err != nil {
					errs = append(errs, err)
					continue
				}
				got = append(got, rec)
			}
			if len(errs) != 1 || !strings.Contains(errs[0].Error(), c.want) {
				t.Fatalf("errors %v, want one containing %q", errs, c.want)
			}
			var le *LineError
			if !errors.As(errs[0], &le) || le.Line != 2 {
				t.Errorf("error %v is not a *LineError for line 2", errs[0])
			}
			if len(got) != 2 || got[0].Line != 1 || got[1].Line != 3 {
				t.Errorf("records %+v, want lines 1 and 3 read around the bad one", got)
			}
		})
	}
}

func TestReadJSONLToleratesLineEndingsBlankLinesAndAByteOrderMark(t *testing.T) {
	in := "\xef\xbb\xbf" + `{"type":"node","id":"person/a","kind":"person","name":"A","extra":1}` + "\r\n\r\n   \n" +
		`{"type":"edge","from":"person/a","rel":"said","to":"claim/1","start":0,"end":2}`
	var recs []Record
	for rec, err := range ReadJSONL(context.Background(), iotest.OneByteReader(strings.NewReader(in)), "x") {
		if err != nil {
			t.Fatal(err)
		}
		recs = append(recs, rec)
	}
	if len(recs) != 2 || recs[0].Node == nil || recs[0].Node.Name != "A" || recs[1].Edge == nil || recs[1].Line != 4 {
		t.Errorf("got %+v", recs)
	}
}

func TestReadJSONLSkipsOverlongLinesAndStopsOnReadErrors(t *testing.T) {
	long := `{"type":"node","id":"person/a","kind":"person","name":"` + strings.Repeat("x", 100) + `"}`
	in := long + "\n" + `{"type":"node","id":"person/b","kind":"person","name":"B"}` + "\n"
	var got []string
	for rec, err := range readJSONL(context.Background(), strings.NewReader(in), "x", 80) {
		switch {
		case err != nil:
			got = append(got, err.Error())
		default:
			got = append(got, rec.Node.ID)
		}
	}
	want := []string{"x:1: line longer than 80 bytes", "person/b"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("got %q, want %q", got, want)
	}

	boom := errors.New("disk on fire")
	r := io.MultiReader(strings.NewReader(`{"type":"node","id":"person/a","kind":"person","name":"A"}`+"\n"), iotest.ErrReader(boom))
	var last error
	n := 0
	for _, err := range ReadJSONL(context.Background(), r, "x") {
		n++
		last = err
	}
	if n != 2 || !errors.Is(last, boom) {
		t.Errorf("got %d results ending in %v, want a record then the read error", n, last)
	}
}

func TestReadJSONLStopsWhenTheCallerStops(t *testing.T) {
	in := strings.Repeat(`{"type":"node","id":"person/a","kind":"person","name":"A"}`+"\n", 10)
	n := 0
	for range ReadJSONL(context.Background(), strings.NewReader(in), "x") {
		n++
		if n == 3 {
			break
		}
	}
	if n != 3 {
		t.Errorf("ranged %d times", n)
	}
}

func TestWritersStopOnACancelledContext(t *testing.T) {
	g := synthGraph(t, 3000, 1)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	writers := map[string]func() error{
		"jsonl":   func() error { return WriteJSONL(ctx, io.Discard, g) },
		"json":    func() error { return WriteJSON(ctx, io.Discard, g) },
		"graphml": func() error { return WriteGraphML(ctx, io.Discard, g) },
		"rdf":     func() error { return WriteNQuads(ctx, io.Discard, g, "") },
		"csv":     func() error { return WriteCSVTable(ctx, io.Discard, g, EdgesTable) },
		"neo4j":   func() error { return WriteNeo4j(ctx, t.TempDir(), g) },
	}
	for name, w := range writers {
		if err := w(); !errors.Is(err, context.Canceled) {
			t.Errorf("%s: error %v, want context.Canceled", name, err)
		}
	}
}

func TestWritersReportAFailingWriter(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	boom := errors.New("disk full")
	w := &failWriter{err: boom}
	v, err := LoadView(ctx, f.g)
	if err != nil {
		t.Fatal(err)
	}
	writers := map[string]func() error{
		"jsonl":   func() error { return WriteJSONL(ctx, w, f.g) },
		"json":    func() error { return WriteJSON(ctx, w, f.g) },
		"graphml": func() error { return WriteGraphML(ctx, w, f.g) },
		"rdf":     func() error { return WriteNQuads(ctx, w, f.g, "") },
		"csv":     func() error { return WriteCSVTable(ctx, w, f.g, NodesTable) },
		"dot":     func() error { return WriteDOT(w, v, DOTOptions{}) },
		"schema":  func() error { return WriteDgraphSchema(w, "") },
	}
	for name, write := range writers {
		if err := write(); !errors.Is(err, boom) {
			t.Errorf("%s: error %v, want the writer's", name, err)
		}
	}
}

type failWriter struct{ err error }

func (w *failWriter) Write([]byte) (int, error) { return 0, w.err }
