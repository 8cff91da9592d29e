package ingest_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/graphtest"
	"github.com/claimgraph/claimgraph/internal/ingest"
	"github.com/claimgraph/claimgraph/store"
)

// The test articles are invented: each has a quote and a "said".
const (
	clinicText = "date 2024-04-02\n\n" +
		"The Meadow Reform Party (MRP) launched its manifesto in Lornfield on Tuesday.\n\n" +
		"\"Every village will have a clinic by next spring,\" said Irena Dask, the party's health spokeswoman.\n\n" +
		"Opposition leader Piet Oberholm said the plan was \"a promise without a budget\".\n"
	railText = "---\n" +
		"title: Rail link vote delayed\n" +
		"date: 2024-04-09\n" +
		"source: https://news.example.org/rail\n" +
		"---\n" +
		"# Rail link vote delayed\n\n" +
		"\"The rail link will not be cancelled,\" said Piet Oberholm on Friday.\n\n" +
		"Irena Dask said the council had \"no money left for trains\".\n"
	strikeText = "<html><head><title>Harbour strike ends</title>" +
		"<meta name=\"date\" content=\"2024-04-12\"></head><body>" +
		"<h1>Harbour strike ends</h1>" +
		"<p>\"We won a fair wage for every docker,\" said Tova Lindqvist, leader of the Dockworkers Union.</p>" +
		"<script>var quote = \"not visible\";</script></body></html>\n"
	wireText = `{"title":"Bridge tolls","date":"2024-04-15","text":"\"Tolls on the Brakemouth bridge will end in June,\" said Marek Stahl, the transport minister."}` + "\n" +
		`{"title":"School meals","date":"2024-04-16","text":"\"Every pupil will get a free lunch,\" said Ana Ruiz, the education secretary of the Coastal Labour Front."}` + "\n"
	hiddenText = "date 2024-04-20\n\n\"Nobody should ever read this file,\" said Hidden Person.\n"
)

// file is one file of a test tree.
type file struct{ path, content string }

// writeTree writes files under dir and returns dir.
func writeTree(t *testing.T, dir string, files ...file) string {
	t.Helper()
	for _, f := range files {
		p := filepath.Join(dir, filepath.FromSlash(f.path))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(f.content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// goodTree is a directory of four good files holding five articles, with a
// hidden file and a hidden directory that must be skipped.
func goodTree(t *testing.T) string {
	t.Helper()
	return writeTree(t, t.TempDir(),
		file{"a.txt", clinicText},
		file{"sub/b.md", railText},
		file{"sub/deeper/c.html", strikeText},
		file{"d.jsonl", wireText},
		file{".hidden.txt", hiddenText},
		file{".git/e.txt", hiddenText},
		file{"sub/.cache/f.txt", hiddenText},
	)
}

// openStore opens a fresh database in a temporary directory.
func openStore(t *testing.T) *store.DB {
	t.Helper()
	db, err := store.Open(filepath.Join(t.TempDir(), "db"), store.Options{})
	if err != nil {
		t.Fatalf("open store: %v", err)
	}
	t.Cleanup(func() {
		if err := db.Close(); err != nil {
			t.Errorf("close store: %v", err)
		}
	})
	return db
}

// run ingests paths into db and fails the test on an error.
func run(t *testing.T, db *store.DB, paths []string, opts ingest.Options) ingest.Summary {
	t.Helper()
	sum, err := ingest.Run(context.Background(), db, paths, opts)
	if err != nil {
		t.Fatalf("Run(%q): %v", paths, err)
	}
	return sum
}

// dump reads the whole store.
func dump(t *testing.T, db *store.DB) graphtest.Dump {
	t.Helper()
	return graphtest.DumpOf(t, db)
}

// sameDump fails the test unless two dumps are equal, naming the first
// difference.
func sameDump(t *testing.T, what string, got, want graphtest.Dump) {
	t.Helper()
	if reflect.DeepEqual(got, want) {
		return
	}
	if len(got.Nodes) != len(want.Nodes) || len(got.Edges) != len(want.Edges) {
		t.Fatalf("%s: %d nodes and %d edges, want %d and %d", what,
			len(got.Nodes), len(got.Edges), len(want.Nodes), len(want.Edges))
	}
	for i := range got.Nodes {
		if !reflect.DeepEqual(got.Nodes[i], want.Nodes[i]) {
			t.Fatalf("%s: node %d is\n %+v\nwant\n %+v", what, i, got.Nodes[i], want.Nodes[i])
		}
	}
	for i := range got.Edges {
		if !reflect.DeepEqual(got.Edges[i], want.Edges[i]) {
			t.Fatalf("%s: edge %d is\n %+v\nwant\n %+v", what, i, got.Edges[i], want.Edges[i])
		}
	}
}

// articles returns the article nodes of a dump.
func articles(d graphtest.Dump) []graph.Node {
	var out []graph.Node
	for _, n := range d.Nodes {
		if n.Kind == graph.Article {
			out = append(out, n)
		}
	}
	return out
}

// sources returns the sorted sources of a dump's articles.
func sources(d graphtest.Dump) []string {
	var out []string
	for _, n := range articles(d) {
		out = append(out, n.Source)
	}
	return sortedCopy(out)
}

// errorTexts returns the messages of errs.
func errorTexts(errs []error) []string {
	var out []string
	for _, e := range errs {
		out = append(out, e.Error())
	}
	return out
}

// namesOnce fails the test unless msg starts with "name:" (or "name:LINE:")
// and names it only there.
func namesOnce(t *testing.T, msg, name string) {
	t.Helper()
	if !strings.HasPrefix(msg, name+":") || strings.Count(msg, name) != 1 {
		t.Errorf("message %q should name %s once, at its start", msg, name)
	}
}

// corpus writes n generated articles in several formats, with speakers,
// parties and quotes shared between them, and returns the directory.
func corpus(t *testing.T, n int) string {
	t.Helper()
	speakers := []string{"Irena Dask", "Piet Oberholm", "Tova Lindqvist", "Marek Stahl", "Ana Ruiz", "Joris Wendt"}
	parties := [][2]string{{"Meadow Reform Party", "MRP"}, {"Coastal Labour Front", "CLF"}, {"Union of Hill Towns", "UHT"}}
	places := []string{"Lornfield", "Brakemouth", "Ostervik"}
	quotes := []string{
		"the clinic plan is fully funded", "the rail link will be finished on time",
		"the harbour tax will be halved", "no school will close this year",
		"the budget hides a deficit", "every bridge was inspected", "fares will stay frozen",
	}
	var files []file
	var jsonl strings.Builder
	for i := range n {
		sp, other := speakers[i%len(speakers)], speakers[(i*5+1)%len(speakers)]
		p := parties[i%len(parties)]
		body := fmt.Sprintf("The %s (%s) met in %s on Monday.\n\n"+
			"\"%s,\" said %s, a senior member of the %s.\n\n"+
			"%s said the claim was \"%s\".\n",
			p[0], p[1], places[i%len(places)], capitalize(quotes[i%len(quotes)]), sp, p[1],
			other, quotes[(i+3)%len(quotes)])
		date := fmt.Sprintf("2024-05-%02d", 1+i%28)
		switch i % 4 {
		case 0, 1:
			files = append(files, file{fmt.Sprintf("text/%03d.txt", i), "date " + date + "\n\n" + body})
		case 2:
			files = append(files, file{fmt.Sprintf("md/%03d.md", i),
				fmt.Sprintf("---\ntitle: Meeting %d\ndate: %s\n---\n%s", i, date, body)})
		case 3:
			fmt.Fprintf(&jsonl, `{"title":"Wire %d","date":%q,"text":%q}`+"\n", i, date, body)
		}
	}
	files = append(files, file{"wire.jsonl", jsonl.String()})
	return writeTree(t, t.TempDir(), files...)
}

func capitalize(s string) string { return strings.ToUpper(s[:1]) + s[1:] }
