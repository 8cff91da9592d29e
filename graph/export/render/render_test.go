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

// hostileDOT is the DOT export of a graph whose texts hold everything that
// needs escaping.
func hostileDOT(t *testing.T) []byte {
	t.Helper()
	nasty := "Quote \" back\\slash \\\" end\\ <tag> & &amp; \n newline \t tab \x01 ctl \u2028 ü € 🙂 \xff bad"
	p := graph.Node{ID: graph.EntityID(graph.Person, "Zoë Nasty"), Kind: graph.Person, Name: nasty, Aliases: []string{nasty}}
	c := graph.Node{ID: graph.ClaimID(nasty), Kind: graph.Claim, Name: nasty, Text: nasty, Direct: true}
	a := graph.Node{ID: "article/0123456789abcdef", Kind: graph.Article, Title: nasty, Date: "2024-01-02", Text: nasty}
	g := mem.New()
	_, err := g.Write(context.Background(), []graph.Subgraph{{Article: a.ID, Nodes: []graph.Node{p, c, a}, Edges: []graph.Edge{
		{From: p.ID, Rel: graph.Said, To: c.ID, Article: a.ID, Evidence: nasty, Role: nasty},
		{From: p.ID, Rel: graph.MemberOf, To: p.ID, Article: a.ID, Role: nasty},
	}}})
	if err != nil {
		t.Fatal(err)
	}
	v, err := export.Select(context.Background(), g, export.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := export.WriteDOT(&buf, v, export.DOTOptions{Title: nasty, Cluster: export.ClusterArticle}); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestBuiltinRendererDrawsWellFormedSVG(t *testing.T) {
	inputs := goldenDOT(t)
	inputs["hostile"] = hostileDOT(t)
	for name, src := range inputs {
		t.Run(name, func(t *testing.T) {
			svg, used, err := Render(context.Background(), src, SVG, Builtin)
			if err != nil {
				t.Fatal(err)
			}
			if used != Builtin {
				t.Errorf("used %q, want %q", used, Builtin)
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

func TestDotProgramRendersWithoutWarnings(t *testing.T) {
	dot, err := exec.LookPath("dot")
	if err != nil {
		t.Skip("Graphviz dot is not on PATH (apt-get install -y graphviz)")
	}
	inputs := goldenDOT(t)
	inputs["hostile"] = hostileDOT(t)
	for name, src := range inputs {
		t.Run(name, func(t *testing.T) {
			cmd := exec.Command(dot, "-Tsvg")
			cmd.Stdin = bytes.NewReader(src)
			var stdout, stderr bytes.Buffer
			cmd.Stdout, cmd.Stderr = &stdout, &stderr
			if err := cmd.Run(); err != nil {
				t.Fatalf("dot failed: %v: %s", err, stderr.String())
			}
			if stderr.Len() > 0 {
				t.Errorf("dot warns: %s", stderr.String())
			}
			if err := wellFormedXML(stdout.Bytes()); err != nil {
				t.Errorf("SVG is not well-formed XML: %v", err)
			}
			svg, used, err := Render(context.Background(), src, SVG, Auto)
			if err != nil || used != Dot || !bytes.Equal(svg, stdout.Bytes()) {
				t.Errorf("Render with Auto: used %q, err %v, same output %v; want dot's", used, err, bytes.Equal(svg, stdout.Bytes()))
			}
		})
	}
}

func TestBuiltinRendererDrawsPNG(t *testing.T) {
	src := goldenDOT(t)["small.focus.dot"]
	out, _, err := Render(context.Background(), src, PNG, Builtin)
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

func TestRenderReportsBadInput(t *testing.T) {
	renderers := []Renderer{Builtin}
	if _, err := exec.LookPath("dot"); err == nil {
		renderers = append(renderers, Dot)
	}
	cases := []struct {
		name   string
		src    string
		format Format
		want   string
	}{
		{"a syntax error is an error", `digraph { "a" -> }`, SVG, "render svg"},
		{"an unclosed string is an error", `digraph { "a -> b }`, SVG, "render svg"},
		{"an unknown format is refused", `digraph { a -> b }`, "gif", "unknown image format"},
	}
	for _, r := range renderers {
		for _, c := range cases {
			t.Run(fmt.Sprintf("%s/%s", r, c.name), func(t *testing.T) {
				_, _, err := Render(context.Background(), []byte(c.src), c.format, r)
				if err == nil || !strings.Contains(err.Error(), c.want) {
					t.Errorf("error %v, want one containing %q", err, c.want)
				}
			})
		}
	}
	if _, _, err := Render(context.Background(), []byte("digraph {}"), SVG, "cairo"); err == nil {
		t.Error("an unknown renderer was accepted")
	}
}

func TestBuiltinRendererHonoursTheLayoutAttribute(t *testing.T) {
	src := []byte(`digraph { graph [layout=neato]; a -> b; b -> c; c -> a; }`)
	svg, _, err := Render(context.Background(), src, SVG, Builtin)
	if err != nil {
		t.Fatal(err)
	}
	// dot would rank the cycle vertically, one node per rank; neato places
	// the three nodes as a triangle, so no two share an x coordinate.
	if err := wellFormedXML(svg); err != nil {
		t.Fatal(err)
	}
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

func TestParseFormat(t *testing.T) {
	for in, want := range map[string]Format{"svg": SVG, "PNG": PNG} {
		if got, err := ParseFormat(in); err != nil || got != want {
			t.Errorf("ParseFormat(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	if _, err := ParseFormat("pdf"); err == nil {
		t.Error(`ParseFormat("pdf") succeeded`)
	}
}
