package picture_test

import (
	"bytes"
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/claimgraph/claimgraph/graph/export/picture"
	"github.com/claimgraph/claimgraph/graph/export/render"
)

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

func fake(out string) picture.Func {
	return func(context.Context, []byte, picture.Format) ([]byte, error) { return []byte(out), nil }
}

func TestAutoUsesDotFromPathAndItDoesNotWarn(t *testing.T) {
	dot, err := exec.LookPath("dot")
	if err != nil {
		t.Skip("Graphviz dot is not on PATH (apt-get install -y graphviz)")
	}
	for name, src := range goldenDOT(t) {
		t.Run(name, func(t *testing.T) {
			cmd := exec.Command(dot, "-Tsvg")
			cmd.Stdin = bytes.NewReader(src)
			var stdout, stderr bytes.Buffer
			cmd.Stdout, cmd.Stderr = &stdout, &stderr
			if err := cmd.Run(); err != nil || stderr.Len() > 0 {
				t.Fatalf("dot: %v: %s", err, stderr.String())
			}
			svg, used, err := picture.Render(context.Background(), src, picture.SVG, picture.Options{Builtin: fake("builtin")})
			if err != nil || used != picture.Dot || !bytes.Equal(svg, stdout.Bytes()) {
				t.Errorf("used %q, err %v; want dot's own output", used, err)
			}
		})
	}
	_, _, err = picture.Render(context.Background(), []byte(`digraph { a -> }`), picture.SVG, picture.Options{Use: picture.Dot})
	if err == nil || !strings.Contains(err.Error(), "render svg with dot") || !strings.Contains(err.Error(), "syntax error") {
		t.Errorf("a syntax error gave %v", err)
	}
}

func TestChoosingARenderer(t *testing.T) {
	t.Setenv("PATH", t.TempDir()) // no dot
	cases := []struct {
		name     string
		opt      picture.Options
		format   picture.Format
		wantUsed picture.Renderer
		wantErr  string
	}{
		{"auto falls back to the built-in renderer", picture.Options{Builtin: fake("x")}, picture.SVG, picture.Builtin, ""},
		{"auto without any renderer says what to install", picture.Options{}, picture.SVG, "", "install Graphviz"},
		{"asking for dot without dot fails", picture.Options{Use: picture.Dot}, picture.SVG, picture.Dot, "executable file not found"},
		{"asking for the built-in renderer without one fails", picture.Options{Use: picture.Builtin}, picture.PNG, "", "no built-in renderer"},
		{"an unknown renderer is refused", picture.Options{Use: "cairo"}, picture.SVG, "", `unknown renderer "cairo"`},
		{"an unknown format is refused", picture.Options{Builtin: fake("x")}, "gif", "", "unknown image format"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, used, err := picture.Render(context.Background(), []byte("digraph {}"), c.format, c.opt)
			if used != c.wantUsed {
				t.Errorf("used %q, want %q", used, c.wantUsed)
			}
			if (err == nil) != (c.wantErr == "") || err != nil && !strings.Contains(err.Error(), c.wantErr) {
				t.Errorf("error %v, want %q", err, c.wantErr)
			}
		})
	}
	_, _, err := picture.Render(context.Background(), nil, picture.SVG, picture.Options{})
	if !errors.Is(err, picture.ErrNoRenderer) {
		t.Errorf("error %v does not wrap ErrNoRenderer", err)
	}
}

func TestProgramRunsAHelperLikeDot(t *testing.T) {
	dir := t.TempDir()
	script := func(name, body string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte("#!/bin/sh\n"+body+"\n"), 0o755); err != nil {
			t.Fatal(err)
		}
		return p
	}
	echo := script("echo-render", `[ "$1" = "-Tpng" ] || { echo "bad args: $*" >&2; exit 3; }; cat`)
	fail := script("fail-render", `echo "render: parse DOT: syntax error" >&2; exit 1`)
	out, used, err := picture.Render(context.Background(), []byte("digraph {}"), picture.PNG,
		picture.Options{Use: picture.Builtin, Builtin: picture.Program(echo)})
	if err != nil || used != picture.Builtin || string(out) != "digraph {}" {
		t.Errorf("got %q, %q, %v", out, used, err)
	}
	_, _, err = picture.Render(context.Background(), []byte("digraph {"), picture.SVG,
		picture.Options{Use: picture.Builtin, Builtin: picture.Program(fail)})
	if err == nil || !strings.Contains(err.Error(), "syntax error") {
		t.Errorf("a failing helper gave %v", err)
	}
}

func TestTheBuiltinRendererPlugsIn(t *testing.T) {
	src := goldenDOT(t)["small.focus.dot"]
	svg, used, err := picture.Render(context.Background(), src, picture.SVG, picture.Options{Use: picture.Builtin, Builtin: render.Draw})
	if err != nil || used != picture.Builtin || !bytes.Contains(svg, []byte("<svg")) {
		t.Errorf("used %q, err %v, %.100q", used, err, svg)
	}
}

func TestParseFormat(t *testing.T) {
	for in, want := range map[string]picture.Format{"svg": picture.SVG, "PNG": picture.PNG} {
		if got, err := picture.ParseFormat(in); err != nil || got != want {
			t.Errorf("ParseFormat(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	if _, err := picture.ParseFormat("pdf"); err == nil {
		t.Error(`ParseFormat("pdf") succeeded`)
	}
}
