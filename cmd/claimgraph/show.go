package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/ask"
	"github.com/claimgraph/claimgraph/store"
)

func newShowCmd(a *app) *cobra.Command {
	var format *formatFlag
	var limit int
	cmd := &cobra.Command{
		Use:   "show ID|NAME",
		Short: "Show a node, its aliases and all its edges",
		Example: `  claimgraph show "Jane Roe"
  claimgraph show party/federal-national-party --format json`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if limit < 0 {
				return usagef("claimgraph show NAME --limit 0", "--limit must be 0 (all) or more")
			}
			return a.withRead(func(db *store.DB) error {
				return runShow(ctxOf(cmd), a.stdout, db, args[0], format.value, limit)
			})
		},
	}
	format = addFormatFlag(cmd, fmtTable, fmtJSON)
	cmd.Flags().IntVar(&limit, "limit", 100, "show at most this many edges each way (0: all); a hub can have millions")
	return cmd
}

// shownEdge is an edge with the name of the node at its other end.
type shownEdge struct {
	graph.Edge
	Other     string `json:"other"`
	OtherName string `json:"other_name"`
}

type shownNode struct {
	Node graph.Node  `json:"node"`
	Out  []shownEdge `json:"out"`
	In   []shownEdge `json:"in"`
	// More is set when --limit left edges out.
	More bool `json:"more,omitempty"`
}

func runShow(ctx context.Context, w io.Writer, r graph.Reader, name, format string, limit int) error {
	nodes, err := ask.Resolve(ctx, r, name)
	if err != nil {
		return noMatchHint(err)
	}
	var shown []shownNode
	for _, n := range nodes {
		s, err := collectEdges(ctx, r, n, limit)
		if err != nil {
			return err
		}
		shown = append(shown, s)
	}
	if format == fmtJSON {
		// One match prints one object; several print an array of them.
		var v any = shown
		if len(shown) == 1 {
			v = shown[0]
		}
		var b bytes.Buffer
		if err := encodeJSON(&b, v); err != nil {
			return err
		}
		b.WriteByte('\n')
		_, err := w.Write(b.Bytes())
		return err
	}
	for i, s := range shown {
		if i > 0 {
			fmt.Fprintln(w)
		}
		printShown(w, s)
	}
	return nil
}

// collectEdges reads up to limit edges each way (all when limit is 0).
func collectEdges(ctx context.Context, r graph.Reader, n graph.Node, limit int) (shownNode, error) {
	s := shownNode{Node: n}
	for _, dir := range []graph.Direction{graph.Out, graph.In} {
		count := 0
		for e, err := range r.Neighbors(ctx, n.ID, dir) {
			if err != nil {
				return s, err
			}
			if count++; limit > 0 && count > limit {
				s.More = true
				break
			}
			other := e.To
			if dir == graph.In {
				other = e.From
			}
			on, err := r.Node(ctx, other)
			if err != nil {
				return s, fmt.Errorf("read %s: %w", other, err)
			}
			se := shownEdge{Edge: e, Other: other, OtherName: on.Name}
			if dir == graph.Out {
				s.Out = append(s.Out, se)
			} else {
				s.In = append(s.In, se)
			}
		}
	}
	return s, nil
}

func printShown(w io.Writer, s shownNode) {
	n := s.Node
	fmt.Fprintf(w, "%s  (%s)\n", n.Name, n.ID)
	field := func(k, v string) {
		if v != "" {
			fmt.Fprintf(w, "  %-8s %s\n", k+":", v)
		}
	}
	field("kind", string(n.Kind))
	field("aliases", strings.Join(n.Aliases, ", "))
	if n.Kind == graph.Claim {
		field("text", n.Text)
		field("direct", fmt.Sprint(n.Direct))
	}
	field("date", n.Date)
	field("title", n.Title)
	field("source", n.Source)
	field("url", n.URL)
	field("author", n.Author)
	field("verdict", n.Verdict)
	printEdges(w, "out", "->", s.Out)
	printEdges(w, "in", "<-", s.In)
	if s.More {
		fmt.Fprintln(w, "  (more edges not shown: raise --limit, or --limit 0 for all)")
	}
}

func printEdges(w io.Writer, label, arrow string, edges []shownEdge) {
	if len(edges) == 0 {
		return
	}
	fmt.Fprintf(w, "  %s (%d shown):\n", label, len(edges))
	for _, e := range edges {
		role := ""
		if e.Role != "" {
			role = " [" + e.Role + "]"
		}
		fmt.Fprintf(w, "    %s %s%s %s  (%s)\n", arrow, e.Rel, role, truncate(oneLine(e.OtherName), maxCell), e.Other)
		if e.Evidence != "" {
			from := e.Article
			if from == "" {
				from = e.Rule // no article: e.g. factcheck/claimant
			}
			fmt.Fprintf(w, "        %s: %s\n", from, truncate(oneLine(e.Evidence), 2*maxCell))
		}
	}
}
