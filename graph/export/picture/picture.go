package picture

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os/exec"
	"strings"
)

// Format is an image format.
type Format string

// The formats Render draws.
const (
	SVG Format = "svg"
	PNG Format = "png"
)

// ParseFormat maps "svg" or "png" to a Format.
func ParseFormat(s string) (Format, error) {
	switch f := Format(strings.ToLower(s)); f {
	case SVG, PNG:
		return f, nil
	}
	return "", fmt.Errorf("unknown image format %q (want svg or png)", s)
}

// Renderer names what draws a picture.
type Renderer string

// The renderers. Auto is only a request: Render reports which one it used.
const (
	Auto    Renderer = ""            // Dot when the dot program is on PATH, else Builtin
	Dot     Renderer = "dot"         // Graphviz's dot program found on PATH
	Builtin Renderer = "go-graphviz" // Options.Builtin, usually Graphviz compiled to WebAssembly
)

// Func draws DOT source as an image.
type Func func(ctx context.Context, src []byte, format Format) ([]byte, error)

// Options choose how Render draws.
type Options struct {
	// Use is the renderer asked for: Auto, Dot or Builtin.
	Use Renderer
	// Builtin is the built-in renderer: render.Draw, or Program(path of a
	// helper built on render.Main); nil when the program has none.
	Builtin Func
}

// ErrNoRenderer is returned when no renderer is available.
var ErrNoRenderer = errors.New("no renderer: install Graphviz (apt-get install -y graphviz) or use --format dot")

// Render lays out the DOT source src and draws it as format with the
// renderer opt asks for; with Auto, the dot program when it is on PATH,
// else opt.Builtin. It returns the image and the renderer used. Warnings
// are dropped; a DOT syntax error is an error.
func Render(ctx context.Context, src []byte, format Format, opt Options) ([]byte, Renderer, error) {
	if _, err := ParseFormat(string(format)); err != nil {
		return nil, "", fmt.Errorf("render: %w", err)
	}
	use, err := choose(opt)
	if err != nil {
		return nil, "", fmt.Errorf("render: %w", err)
	}
	var out []byte
	switch use {
	case Dot:
		out, err = runProgram(ctx, "dot", src, format)
	case Builtin:
		out, err = opt.Builtin(ctx, src, format)
	}
	if err != nil {
		return nil, use, fmt.Errorf("render %s with %s: %w", format, use, err)
	}
	return out, use, nil
}

func choose(opt Options) (Renderer, error) {
	switch opt.Use {
	case Auto:
		if _, err := exec.LookPath("dot"); err == nil {
			return Dot, nil
		}
		if opt.Builtin != nil {
			return Builtin, nil
		}
		return "", ErrNoRenderer
	case Dot:
		return Dot, nil
	case Builtin:
		if opt.Builtin == nil {
			return "", fmt.Errorf("%w (this program has no built-in renderer)", ErrNoRenderer)
		}
		return Builtin, nil
	}
	return "", fmt.Errorf("unknown renderer %q (want %s or %s)", opt.Use, Dot, Builtin)
}

// Program returns a Func that runs the program at path as `path -Tformat`
// with the DOT source on standard input and the image on standard output,
// as dot and render.Main do.
func Program(path string) Func {
	return func(ctx context.Context, src []byte, format Format) ([]byte, error) {
		return runProgram(ctx, path, src, format)
	}
}

// runProgram runs `program -Tformat` on src.
func runProgram(ctx context.Context, program string, src []byte, format Format) ([]byte, error) {
	path, err := exec.LookPath(program)
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
