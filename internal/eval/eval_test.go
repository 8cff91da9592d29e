package eval

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/claimgraph/claimgraph/graph"
)

// fakeExtract returns fixed claims for the mini corpus: a.txt gets a right
// speaker, a wrong speaker, a claim with no speaker and a claim matching
// nothing; b.txt gets one direct claim matching nothing.
func fakeExtract(a graph.Node) graph.Subgraph {
	sg := graph.Subgraph{Article: a.ID, Nodes: []graph.Node{a}}
	claim := func(id, text string, direct bool) {
		sg.Nodes = append(sg.Nodes, graph.Node{ID: id, Kind: graph.Claim, Name: text, Text: text, Direct: direct})
	}
	said := func(from, to string) {
		sg.Edges = append(sg.Edges, graph.Edge{From: from, Rel: graph.Said, To: to, Article: a.ID})
	}
	if a.Name == "a.txt" {
		sg.Nodes = append(sg.Nodes,
			graph.Node{ID: "person/jane-roe", Kind: graph.Person, Name: "Jane Roe", Aliases: []string{"Roe"}},
			graph.Node{ID: "person/omar-smith", Kind: graph.Person, Name: "Omar Smith", Aliases: []string{"Smith"}})
		claim("claim/1", "the vote was rigged", false)
		claim("claim/2", "We won", true)
		claim("claim/3", "the count was fair", false)
		claim("claim/4", "junk claim", false)
		said("person/jane-roe", "claim/1")
		said("person/omar-smith", "claim/2")
		return sg
	}
	claim("claim/5", "nothing here", true)
	return sg
}

var seconds = regexp.MustCompile(`ingest_seconds=[0-9.]+`)

// TestRunMatchesTheRuler compares the report with testdata/mini.report,
// which the reference ruler score-polnear.py printed for a stand-in CLI
// exporting the same claims as fakeExtract.
func TestRunMatchesTheRuler(t *testing.T) {
	var out bytes.Buffer
	sc, err := Run(context.Background(), filepath.Join("testdata", "mini"), &out, Options{Extract: fakeExtract})
	if err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile(filepath.Join("testdata", "mini.report"))
	if err != nil {
		t.Fatal(err)
	}
	got := seconds.ReplaceAllString(out.String(), "ingest_seconds=X")
	if got != string(want) {
		t.Errorf("report differs from the ruler's:\n got:\n%s\nwant:\n%s", got, want)
	}
	if sc.Articles != 2 || sc.All.Gold != 3 || sc.All.Pred != 5 || sc.All.Matched != 3 || sc.All.SpeakerN != 2 || sc.All.E2E != 2 {
		t.Errorf("scores %+v", sc.All)
	}
	if sc.Direct.F1 < 0.666 || sc.Direct.F1 > 0.667 || sc.Direct.E2EF1 != 0 {
		t.Errorf("direct scores %+v", sc.Direct)
	}
}

func TestRunWithLimitAndVerbose(t *testing.T) {
	var out bytes.Buffer
	sc, err := Run(context.Background(), filepath.Join("testdata", "mini"), &out, Options{Extract: fakeExtract, Limit: 1, Verbose: true})
	if err != nil {
		t.Fatal(err)
	}
	if sc.Articles != 1 {
		t.Errorf("Limit 1 scored %d articles", sc.Articles)
	}
	for _, w := range []string{"== a:", `SPEAKER src="Castell"`, `FALSE   d=false by=[] rule= "junk claim"`, `OK      d=false`} {
		if !strings.Contains(out.String(), w) {
			t.Errorf("verbose report lacks %q:\n%s", w, out.String())
		}
	}
}

func TestRunErrors(t *testing.T) {
	var out bytes.Buffer
	if _, err := Run(context.Background(), filepath.Join("testdata", "missing"), &out, Options{}); err == nil {
		t.Error("a missing directory gave no error")
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Run(ctx, filepath.Join("testdata", "mini"), &out, Options{Extract: fakeExtract}); !errors.Is(err, context.Canceled) {
		t.Errorf("a cancelled run returned %v", err)
	}
}

// TestRunWithTheExtractor runs the real extractor on the mini corpus: it
// must find the three annotated claims.
func TestRunWithTheExtractor(t *testing.T) {
	var out bytes.Buffer
	sc, err := Run(context.Background(), filepath.Join("testdata", "mini"), &out, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if sc.All.Matched != 3 || sc.All.E2E != 3 || sc.Direct.E2E != 1 {
		t.Errorf("the extractor matched %d claims (%d end to end, %d direct), want 3, 3, 1:\n%s",
			sc.All.Matched, sc.All.E2E, sc.Direct.E2E, out.String())
	}
}

// TestVerboseDirectOnly checks that the direct-only report covers the
// direct tally alone and names, for a missed direct quote, the nearest
// claim that was found but not marked direct.
func TestVerboseDirectOnly(t *testing.T) {
	notDirect := func(a graph.Node) graph.Subgraph {
		sg := fakeExtract(a)
		for i := range sg.Nodes {
			sg.Nodes[i].Direct = false
		}
		return sg
	}
	var out bytes.Buffer
	if _, err := Run(context.Background(), filepath.Join("testdata", "mini"), &out,
		Options{Extract: notDirect, Limit: 1, Verbose: true, DirectOnly: true}); err != nil {
		t.Fatal(err)
	}
	got := out.String()
	for _, w := range []string{"== a: gold=1 pred=0 matched=0", `MISS    d=true src="Castell"`, `  ANY   f=1.00 d=false by=["Omar Smith" "Smith"] rule= "We won"`} {
		if !strings.Contains(got, w) {
			t.Errorf("direct-only report lacks %q:\n%s", w, got)
		}
	}
	for _, w := range []string{"the vote was rigged", "junk claim"} {
		if strings.Contains(got, w) {
			t.Errorf("direct-only report names the indirect claim %q:\n%s", w, got)
		}
	}
}
