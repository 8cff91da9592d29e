package export

import (
	"bytes"
	"context"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/claimgraph/claimgraph/graph"
)

// writeDirFile runs a directory writer into a temporary directory and
// returns one of its files.
func writeDirFile(t *testing.T, write func(dir string) error, name string) []byte {
	t.Helper()
	dir := t.TempDir()
	if err := write(dir); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(filepath.Join(dir, name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestEveryFormatMatchesItsGoldenFile(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t)
	view := func(flt Filter) *View {
		v, err := Select(ctx, f.g, flt)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	whole := view(Filter{})
	cases := []struct {
		name  string
		file  string
		write func(w io.Writer) error
	}{
		{"jsonl streams the whole graph", "small.jsonl", func(w io.Writer) error { return WriteJSONL(ctx, w, f.g) }},
		{"json is one document", "small.json", func(w io.Writer) error { return WriteJSON(ctx, w, f.g) }},
		{"csv nodes table", "small.nodes.csv", func(w io.Writer) error { return WriteCSVTable(ctx, w, f.g, NodesTable) }},
		{"csv edges table", "small.edges.csv", func(w io.Writer) error { return WriteCSVTable(ctx, w, f.g, EdgesTable) }},
		{"graphml for gephi", "small.graphml", func(w io.Writer) error { return WriteGraphML(ctx, w, f.g) }},
		{"rdf n-quads", "small.nq", func(w io.Writer) error { return WriteNQuads(ctx, w, f.g, "") }},
		{"dgraph schema", "small.dgraph", func(w io.Writer) error { return WriteDgraphSchema(w, "") }},
		{"dot of the whole graph", "small.dot", func(w io.Writer) error { return WriteDOT(w, whole, DOTOptions{}) }},
		{"dot clustered by article", "small.cluster-article.dot", func(w io.Writer) error {
			return WriteDOT(w, whole, DOTOptions{Cluster: ClusterArticle, Title: "Two articles"})
		}},
		{"dot clustered by party", "small.cluster-party.dot", func(w io.Writer) error {
			return WriteDOT(w, whole, DOTOptions{Cluster: ClusterParty})
		}},
		{"dot of a focus without mentions", "small.focus.dot", func(w io.Writer) error {
			v := view(Filter{Focus: []string{f.brandt}, Depth: 2,
				Rels: []graph.Rel{graph.Said, graph.MemberOf, graph.Disputes, graph.Supports, graph.About}})
			return WriteDOT(w, v, DOTOptions{Title: "Tomas Brandt, two hops"})
		}},
		{"neo4j nodes", "small.neo4j-nodes.csv", func(w io.Writer) error {
			_, err := w.Write(writeDirFile(t, func(dir string) error { return WriteNeo4j(ctx, dir, f.g) }, Neo4jNodesFile))
			return err
		}},
		{"neo4j relationships", "small.neo4j-relationships.csv", func(w io.Writer) error {
			_, err := w.Write(writeDirFile(t, func(dir string) error { return WriteNeo4j(ctx, dir, f.g) }, Neo4jRelationshipsFile))
			return err
		}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var a, b bytes.Buffer
			if err := c.write(&a); err != nil {
				t.Fatal(err)
			}
			if err := c.write(&b); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(a.Bytes(), b.Bytes()) {
				t.Fatal("two writes of the same graph differ")
			}
			golden(t, c.file, a.Bytes())
		})
	}
}

func TestWritersGiveTheSameBytesForAViewAndTheWholeGraph(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t)
	v, err := LoadView(ctx, f.g)
	if err != nil {
		t.Fatal(err)
	}
	var a, b bytes.Buffer
	if err := WriteJSONL(ctx, &a, f.g); err != nil {
		t.Fatal(err)
	}
	if err := WriteJSONL(ctx, &b, v); err != nil {
		t.Fatal(err)
	}
	if a.String() != b.String() {
		t.Error("JSONL of the loaded view differs from JSONL of the graph")
	}
}

func TestCSVDirectoryHoldsBothTables(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t)
	for _, table := range []Table{NodesTable, EdgesTable} {
		got := writeDirFile(t, func(dir string) error { return WriteCSV(ctx, dir, f.g) }, string(table)+".csv")
		var want bytes.Buffer
		if err := WriteCSVTable(ctx, &want, f.g, table); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want.Bytes()) {
			t.Errorf("%s.csv differs from WriteCSVTable(%s)", table, table)
		}
	}
	if err := WriteCSVTable(ctx, io.Discard, f.g, "claims"); err == nil {
		t.Error("an unknown table was accepted")
	}
}
