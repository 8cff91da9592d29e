package main

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"

	"github.com/claimgraph/claimgraph/graph/export/picture"
)

// renderProgram is the helper that draws pictures when Graphviz's dot is
// not installed; see cmd/claimgraph-render.
const renderProgram = "claimgraph-render"

// builtinRenderer returns the built-in renderer: claimgraph-render beside
// this executable, else on PATH. When neither exists the returned function
// says how to get one.
func builtinRenderer() picture.Func {
	if exe, err := os.Executable(); err == nil {
		p := filepath.Join(filepath.Dir(exe), renderProgram)
		if fi, err := os.Stat(p); err == nil && !fi.IsDir() {
			return picture.Program(p)
		}
	}
	if p, err := exec.LookPath(renderProgram); err == nil {
		return picture.Program(p)
	}
	return func(context.Context, []byte, picture.Format) ([]byte, error) {
		return nil, fmt.Errorf("%w (or put %s, built by `make build`, beside claimgraph)", picture.ErrNoRenderer, renderProgram)
	}
}

// checkRenderer validates a --renderer value.
func checkRenderer(r string) error {
	if r != "" && r != string(picture.Dot) && r != string(picture.Builtin) {
		return usagef("claimgraph export --format svg --renderer go-graphviz", "--renderer must be %s or %s", picture.Dot, picture.Builtin)
	}
	return nil
}
