package render

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"sync"

	"github.com/goccy/go-graphviz"

	"github.com/claimgraph/claimgraph/graph/export/picture"
)

// layouts are the engines Draw runs when the DOT source asks for one with
// the graph attribute layout, as dot -Tsvg does.
var layouts = []graphviz.Layout{graphviz.DOT, graphviz.NEATO, graphviz.FDP, graphviz.SFDP,
	graphviz.CIRCO, graphviz.TWOPI, graphviz.OSAGE, graphviz.PATCHWORK}

// mu serialises use of go-graphviz, whose WebAssembly instance is a single
// global that is not safe for concurrent calls.
var mu sync.Mutex

// Format is an image format.
type Format = picture.Format

// Renderer names what draws a picture.
type Renderer = picture.Renderer

// The formats and renderers, as in package picture.
const (
	SVG     = picture.SVG
	PNG     = picture.PNG
	Auto    = picture.Auto    // Dot when the dot program is on PATH, else Builtin
	Dot     = picture.Dot     // Graphviz's dot program found on PATH
	Builtin = picture.Builtin // Draw: Graphviz compiled to WebAssembly, in-process
)

// ParseFormat maps "svg" or "png" to a Format.
func ParseFormat(s string) (Format, error) { return picture.ParseFormat(s) }

// Render draws the DOT source src as format with the renderer use asks for:
// with Auto, the dot program when it is on PATH, else Draw in-process. It
// returns the image and the renderer used.
func Render(ctx context.Context, src []byte, format Format, use Renderer) ([]byte, Renderer, error) {
	return picture.Render(ctx, src, format, picture.Options{Use: use, Builtin: Draw})
}

// Draw lays out the DOT source src and draws it as format (SVG or PNG)
// in-process. It honours the graph attribute layout (dot, neato, fdp,
// sfdp, ...). The overlap removal methods prism, voronoi and false take
// minutes on a few hundred nodes in the WebAssembly build, where native
// Graphviz takes a second, so Draw uses "scale" for them: fast, but a
// sparser picture. Draw is a picture.Func; once started it cannot be
// interrupted.
func Draw(ctx context.Context, src []byte, format Format) ([]byte, error) {
	if _, err := ParseFormat(string(format)); err != nil {
		return nil, err
	}
	mu.Lock()
	defer mu.Unlock()
	gv, err := graphviz.New(ctx)
	if err != nil {
		return nil, fmt.Errorf("start go-graphviz: %w", err)
	}
	// go-graphviz's Close reports the last Graphviz error of any earlier
	// call, so its result says nothing about this one.
	defer func() { _ = gv.Close() }()
	g, err := graphviz.ParseBytes(src)
	if err != nil {
		return nil, fmt.Errorf("parse DOT: %w", err)
	}
	if g == nil {
		return nil, errors.New("parse DOT: no graph")
	}
	defer func() { _ = g.Close() }()
	if l := graphviz.Layout(g.GetStr("layout")); slices.Contains(layouts, l) {
		gv.SetLayout(l)
	}
	if slowOverlap(g.GetStr("overlap")) {
		if err := g.SafeSet("overlap", "scale", "true"); err != nil {
			return nil, fmt.Errorf("set overlap: %w", err)
		}
	}
	var buf bytes.Buffer
	if err := gv.Render(ctx, g, graphviz.Format(format), &buf); err != nil {
		return nil, fmt.Errorf("layout: %w", err)
	}
	return buf.Bytes(), nil
}

func slowOverlap(v string) bool {
	v = strings.ToLower(v)
	return strings.HasPrefix(v, "prism") || v == "voronoi" || v == "false" || v == "no"
}

// Main is the body of a helper program that draws like `dot -Tsvg`, with
// Draw: DOT source on stdin, -Tsvg or -Tpng, the image on stdout, errors
// on stderr. It returns the exit status. picture.Program runs such a
// helper.
func Main(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	format := SVG
	for _, a := range args {
		f, ok := strings.CutPrefix(a, "-T")
		if !ok {
			fmt.Fprintf(stderr, "render: unknown argument %q (usage: render [-Tsvg|-Tpng] < graph.dot)\n", a)
			return 2
		}
		format = Format(f)
	}
	src, err := io.ReadAll(stdin)
	if err == nil {
		var out []byte
		if out, err = Draw(ctx, src, format); err == nil {
			_, err = stdout.Write(out)
		}
	}
	if err != nil {
		fmt.Fprintln(stderr, "render:", err)
		return 1
	}
	return 0
}
