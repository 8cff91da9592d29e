package render

import (
	"bytes"
	"context"
	"encoding/xml"
	"errors"
	"fmt"
	"image/png"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/export"
	"github.com/claimgraph/claimgraph/graph/mem"
)

// wellFormedXML reports the first XML syntax error in b.
func wellFormedXML(b []byte) error {
	d := xml.NewDecoder(bytes.NewReader(b))
	d.Strict = true
	for {
		_, err := d.Token()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return err
		}
	}
}

// goldenDOT returns the DOT golden files of package export.
func goldenDOT(t *testing.T) map[string][]byte {
	t.Helper()
	paths, err := filepath.Glob("../testdata/*.dot")
	if err != nil || len(paths) == 0 {
		t.Fatalf("no DOT golden files in ../testdata (%v)", err)
	}
	out := map[string][]byte{}
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		out[filepath.Base(p)] = b
	}
	return out
}

// exportDOT writes the DOT export of the subgraph.
func exportDOT(t testing.TB, sub graph.Subgraph, opt export.DOTOptions) []byte {
	t.Helper()
	g := mem.New()
	if _, err := g.Write(context.Background(), []graph.Subgraph{sub}); err != nil {
		t.Fatal(err)
	}
	v, err := export.Select(context.Background(), g, export.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := export.WriteDOT(&buf, v, opt); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// hostileDOT is the DOT export of a graph whose texts hold everything that
// needs escaping.
func hostileDOT(t *testing.T) []byte {
	t.Helper()
	nasty := "Quote \" back\\slash \\\" end\\ <tag> & &amp; \n newline \t tab \x01 ctl \u2028 ü € 🙂 \xff bad \\"
	p := graph.Node{ID: graph.EntityID(graph.Person, "Zoë Nasty"), Kind: graph.Person, Name: nasty, Aliases: []string{nasty}}
	c := graph.Node{ID: graph.ClaimID(nasty), Kind: graph.Claim, Name: nasty, Text: nasty, Direct: true}
	a := graph.Node{ID: "article/0123456789abcdef", Kind: graph.Article, Title: nasty, Date: "2024-01-02", Text: nasty}
	return exportDOT(t, graph.Subgraph{Article: a.ID, Nodes: []graph.Node{p, c, a}, Edges: []graph.Edge{
		{From: p.ID, Rel: graph.Said, To: c.ID, Article: a.ID, Evidence: nasty, Role: nasty},
		{From: p.ID, Rel: graph.MemberOf, To: p.ID, Article: a.ID, Role: nasty},
	}}, export.DOTOptions{Title: nasty, Cluster: export.ClusterArticle})
}

// largeDOT is the DOT export of a generated graph of n claims, each said
// by one of n/10 people.
func largeDOT(t testing.TB, n int) []byte {
	t.Helper()
	art := graph.Node{ID: "article/00000000000000aa", Kind: graph.Article, Title: "Generated", Date: "2024-01-01"}
	sub := graph.Subgraph{Article: art.ID, Nodes: []graph.Node{art}}
	for i := range n {
		p := graph.Node{ID: fmt.Sprintf("person/p%03d", i%(n/10)), Kind: graph.Person, Name: fmt.Sprintf("Person %d", i%(n/10))}
		text := fmt.Sprintf("claim number %d says the budget of district %d was cut by a third last year", i, i%7)
		c := graph.Node{ID: graph.ClaimID(text), Kind: graph.Claim, Name: text, Text: text}
		sub.Nodes = append(sub.Nodes, p, c)
		sub.Edges = append(sub.Edges, graph.Edge{From: p.ID, Rel: graph.Said, To: c.ID, Article: art.ID})
	}
	return exportDOT(t, sub, export.DOTOptions{})
}

func TestDrawMakesWellFormedSVG(t *testing.T) {
	inputs := goldenDOT(t)
	inputs["hostile"] = hostileDOT(t)
	for name, src := range inputs {
		t.Run(name, func(t *testing.T) {
			svg, err := Draw(context.Background(), src, SVG)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Contains(svg[:min(len(svg), 400)], []byte("<svg")) {
				t.Fatalf("output does not start like SVG: %.200s", svg)
			}
			if err := wellFormedXML(svg); err != nil {
				t.Errorf("SVG is not well-formed XML: %v", err)
			}
		})
	}
}

func TestDrawMakesPNG(t *testing.T) {
	out, err := Draw(context.Background(), goldenDOT(t)["small.focus.dot"], PNG)
	if err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(bytes.NewReader(out))
	if err != nil {
		t.Fatalf("not a PNG: %v", err)
	}
	if b := img.Bounds(); b.Dx() < 50 || b.Dy() < 50 {
		t.Errorf("PNG is only %dx%d", b.Dx(), b.Dy())
	}
}

func TestDrawReportsBadInput(t *testing.T) {
	cases := []struct {
		name   string
		src    string
		format Format
		want   string
	}{
		{"a syntax error", `digraph { "a" -> }`, SVG, "parse DOT: syntax error"},
		{"an unclosed string", `digraph { "a -> b }`, SVG, "parse DOT"},
		{"an unknown format", `digraph { a -> b }`, "gif", "unknown image format"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := Draw(context.Background(), []byte(c.src), c.format)
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Errorf("error %v, want one containing %q", err, c.want)
			}
		})
	}
	// go-graphviz keeps state between calls: a good graph after bad ones
	// still renders.
	if _, err := Draw(context.Background(), []byte(`digraph { a -> b }`), SVG); err != nil {
		t.Errorf("a good graph after bad ones: %v", err)
	}
}

func TestDrawHonoursTheLayoutAttribute(t *testing.T) {
	src := []byte(`digraph { graph [layout=neato]; a -> b; b -> c; c -> a; }`)
	svg, err := Draw(context.Background(), src, SVG)
	if err != nil {
		t.Fatal(err)
	}
	// dot would rank the cycle one node per rank, two sharing an x
	// coordinate; neato draws a triangle.
	xs := map[string]bool{}
	for _, line := range strings.Split(string(svg), "\n") {
		if strings.HasPrefix(line, "<ellipse") {
			xs[attr(line, "cx")] = true
		}
	}
	if len(xs) != 3 {
		t.Errorf("node centres %v: want 3 distinct x coordinates from neato", xs)
	}
}

func attr(line, name string) string {
	i := strings.Index(line, name+`="`)
	if i < 0 {
		return ""
	}
	rest := line[i+len(name)+2:]
	return rest[:strings.IndexByte(rest, '"')]
}

func TestDrawCopesWithALargeView(t *testing.T) {
	src := largeDOT(t, 500)
	if !bytes.Contains(src, []byte("overlap=prism")) {
		t.Fatal("a 550-node view does not ask for sfdp with prism overlap removal")
	}
	svg, err := Draw(context.Background(), src, SVG)
	if err != nil {
		t.Fatal(err)
	}
	if err := wellFormedXML(svg); err != nil {
		t.Errorf("SVG is not well-formed XML: %v", err)
	}
}

func TestMainRendersLikeDot(t *testing.T) {
	src := goldenDOT(t)["small.focus.dot"]
	cases := []struct {
		name     string
		args     []string
		stdin    string
		status   int
		stdout   string
		stderror string
	}{
		{"svg by default", nil, string(src), 0, "<svg", ""},
		{"-Tpng", []string{"-Tpng"}, string(src), 0, "\x89PNG", ""},
		{"bad DOT", []string{"-Tsvg"}, "digraph {", 1, "", "render: parse DOT"},
		{"a bad argument", []string{"-x"}, "", 2, "", `unknown argument "-x"`},
		{"a bad format", []string{"-Tgif"}, string(src), 1, "", "unknown image format"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			status := Main(context.Background(), c.args, strings.NewReader(c.stdin), &stdout, &stderr)
			if status != c.status || !bytes.Contains(stdout.Bytes(), []byte(c.stdout)) || !strings.Contains(stderr.String(), c.stderror) {
				t.Errorf("status %d, stdout %.40q, stderr %q", status, stdout.String(), stderr.String())
			}
		})
	}
}

func BenchmarkDrawLargeView(b *testing.B) {
	src := largeDOT(b, 1800)
	for b.Loop() {
		if _, err := Draw(context.Background(), src, SVG); err != nil {
			b.Fatal(err)
		}
	}
}

func TestRenderUsesDotFromPathOrDraws(t *testing.T) {
	src := goldenDOT(t)["small.dot"]
	want := Builtin
	if _, err := exec.LookPath("dot"); err == nil {
		want = Dot
	}
	cases := []struct {
		name string
		use  Renderer
		want Renderer
	}{
		{"auto takes dot when it is installed", Auto, want},
		{"builtin draws in-process", Builtin, Builtin},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			svg, used, err := Render(context.Background(), src, SVG, c.use)
			if err != nil || used != c.want || wellFormedXML(svg) != nil {
				t.Errorf("used %q, want %q; err %v", used, c.want, err)
			}
		})
	}
	if _, _, err := Render(context.Background(), src, SVG, "cairo"); err == nil {
		t.Error("an unknown renderer was accepted")
	}
}
