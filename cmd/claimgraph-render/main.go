// Command claimgraph-render draws Graphviz DOT as SVG or PNG with Graphviz
// compiled to WebAssembly (github.com/goccy/go-graphviz), so that
// `claimgraph export --format svg` works on machines without Graphviz.
//
// It is a separate program because go-graphviz compiles its WebAssembly
// module when a program starts, which would add about 100 ms to every
// claimgraph command; claimgraph runs it only when it needs a picture and
// `dot` is not installed. `make build` puts it beside bin/claimgraph.
//
// Usage: claimgraph-render [-Tsvg|-Tpng] < graph.dot > graph.svg
package main

import (
	"context"
	"os"
	"os/signal"

	"github.com/claimgraph/claimgraph/graph/export/render"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	code := render.Main(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}
