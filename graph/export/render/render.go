package render

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os/exec"
	"slices"
	"strings"
	"sync"

	"github.com/goccy/go-graphviz"
)

// Format is an image format.
type Format string

// The formats Render draws.
const (
	SVG Format = "svg"
	PNG Format = "png"
)

// Renderer names what drew a picture.
type Renderer string

// The renderers. Auto is only a request: Render reports which one it used.
const (
	Auto    Renderer = ""            // Dot when the dot program is on PATH, else Builtin
	Dot     Renderer = "dot"         // Graphviz's dot program found on PATH
	Builtin Renderer = "go-graphviz" // Graphviz compiled to WebAssembly, in-process
)

// ParseFormat maps "svg" or "png" to a Format.
func ParseFormat(s string) (Format, error) {
	switch f := Format(strings.ToLower(s)); f {
	case SVG, PNG:
		return f, nil
	}
	return "", fmt.Errorf("unknown image format %q (want svg or png)", s)
}

// Render lays out the DOT source src with dot and draws it as format,
// using the renderer use asks for; with Auto, the dot program when it is on
// PATH, else the built-in one. It returns the image and the renderer used.
// Warnings are dropped; a DOT syntax error is an error. ctx stops the dot
// program; the built-in renderer cannot be interrupted once started.
func Render(ctx context.Context, src []byte, format Format, use Renderer) ([]byte, Renderer, error) {
	if _, err := ParseFormat(string(format)); err != nil {
		return nil, "", fmt.Errorf("render: %w", err)
	}
	if use == Auto {
		use = Builtin
		if _, err := exec.LookPath("dot"); err == nil {
			use = Dot
		}
	}
	var out []byte
	var err error
	switch use {
	case Dot:
		out, err = renderWithDot(ctx, src, format)
	case Builtin:
		out, err = renderBuiltin(ctx, src, format)
	default:
		return nil, "", fmt.Errorf("render: unknown renderer %q (want dot or go-graphviz)", use)
	}
	if err != nil {
		return nil, use, fmt.Errorf("render %s with %s: %w", format, use, err)
	}
	return out, use, nil
}

// renderWithDot runs `dot -Tformat` on src.
func renderWithDot(ctx context.Context, src []byte, format Format) ([]byte, error) {
	path, err := exec.LookPath("dot")
	if err != nil {
		return nil, err
	}
	cmd := exec.CommandContext(ctx, path, "-T"+string(format))
	cmd.Stdin = bytes.NewReader(src)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		if msg := firstLine(stderr.String()); msg != "" {
			return nil, fmt.Errorf("%w: %s", err, msg)
		}
		return nil, err
	}
	return stdout.Bytes(), nil
}

func firstLine(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		s = s[:i]
	}
	return s
}

// layouts are the engines the built-in renderer runs when the DOT source
// asks for one with the graph attribute layout (dot -Tsvg honours it too).
var layouts = []graphviz.Layout{graphviz.DOT, graphviz.NEATO, graphviz.FDP, graphviz.SFDP,
	graphviz.CIRCO, graphviz.TWOPI, graphviz.OSAGE, graphviz.PATCHWORK}

// builtinMu serialises use of go-graphviz, whose WebAssembly instance is a
// single global that is not safe for concurrent calls.
var builtinMu sync.Mutex

// renderBuiltin draws src with go-graphviz.
func renderBuiltin(ctx context.Context, src []byte, format Format) ([]byte, error) {
	builtinMu.Lock()
	defer builtinMu.Unlock()
	gv, err := graphviz.New(ctx)
	if err != nil {
		return nil, fmt.Errorf("start: %w", err)
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
	var buf bytes.Buffer
	if err := gv.Render(ctx, g, graphviz.Format(format), &buf); err != nil {
		return nil, fmt.Errorf("layout: %w", err)
	}
	return buf.Bytes(), nil
}
