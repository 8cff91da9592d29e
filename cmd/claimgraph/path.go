package main

import (
	"errors"
	"fmt"
	"io"

	"github.com/spf13/cobra"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/ask"
	"github.com/claimgraph/claimgraph/store"
)

func newPathCmd(a *app) *cobra.Command {
	var (
		rels   []string
		depth  int
		visits int
		format *formatFlag
	)
	cmd := &cobra.Command{
		Use:   "path A B",
		Short: "Show the shortest connection between two entities, with the evidence of each edge",
		Long: `path finds a shortest chain of edges between A and B (names, aliases or
IDs), walking edges either way, and prints each step with the article and
sentence it rests on. By default every relation but mentions is used.
Paths of one or two edges are found first by walking the neighbours of
both ends in order, which stops at the first node they share even between
two hubs of a large archive (hundreds of thousands of claims each);
longer paths are searched breadth-first from both ends. The search gives
up after visiting --max-visits nodes: raise it to search further, at the
cost of time and memory (a million nodes took about 4 s and 340 MB on
250,000 generated articles).`,
		Example: `  claimgraph path "Oskar Lind" "Helena Marsh"
  claimgraph path Lind NRP --rel member-of --rel said --rel about`,
		Args: cobra.ExactArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			if visits < 1 {
				return usagef("claimgraph path A B --max-visits 1000000", "--max-visits must be at least 1, got %d", visits)
			}
			opt := ask.PathOptions{MaxDepth: depth, MaxVisits: visits}
			for _, s := range rels {
				r, err := graph.ParseRel(s)
				if err != nil {
					return usagef("claimgraph path A B --rel said", "--rel: %v", err)
				}
				opt.Rels = append(opt.Rels, r)
			}
			return a.withRead(func(db *store.DB) error {
				steps, err := ask.Path(ctxOf(cmd), db, args[0], args[1], opt)
				if errors.Is(err, ask.ErrGaveUp) {
					return fmt.Errorf("%w (raise --max-visits to search further)", err)
				}
				if err != nil {
					return noMatchHint(err)
				}
				if format.value == fmtTable {
					return printPath(a.stdout, steps, args)
				}
				return writePathRecords(a, format.value, steps)
			})
		},
	}
	cmd.Flags().StringSliceVar(&rels, "rel", nil, "relations the path may use (default: all but mentions)")
	cmd.Flags().IntVar(&depth, "max-depth", ask.DefaultMaxDepth, "longest path to try, in edges")
	cmd.Flags().IntVar(&visits, "max-visits", ask.DefaultMaxVisits, "nodes the search may visit before it gives up")
	format = addFormatFlag(cmd, fmtTable, fmtJSON, fmtJSONL, fmtCSV, fmtTSV)
	return cmd
}

func printPath(w io.Writer, steps []ask.Step, args []string) error {
	if len(steps) == 0 {
		_, err := fmt.Fprintf(w, "%s and %s are the same node\n", args[0], args[1])
		return err
	}
	fmt.Fprintf(w, "%s  (%s)\n", steps[0].From.Name, steps[0].From.ID)
	for _, s := range steps {
		arrow := fmt.Sprintf("-[%s]->", s.Edge.Rel)
		if !s.Forward {
			arrow = fmt.Sprintf("<-[%s]-", s.Edge.Rel)
		}
		if s.Edge.Role != "" {
			arrow += " (" + s.Edge.Role + ")"
		}
		fmt.Fprintf(w, "  %s %s  (%s)\n", arrow, truncate(oneLine(s.To.Name), maxCell), s.To.ID)
		if s.Edge.Evidence != "" {
			fmt.Fprintf(w, "      %s %s: %s\n", s.Article.Date, s.Edge.Article, truncate(oneLine(s.Edge.Evidence), 2*maxCell))
		}
	}
	_, err := fmt.Fprintf(w, "%d edge(s)\n", len(steps))
	return err
}

var pathColumns = []string{"step", "from", "rel", "forward", "to", "role", "date", "evidence", "article", "from_id", "to_id"}

func writePathRecords(a *app, format string, steps []ask.Step) error {
	w := newRecordWriter(a.stdout, format, pathColumns, true)
	for i, s := range steps {
		if err := w.Write([]any{i + 1, s.From.Name, string(s.Edge.Rel), s.Forward, s.To.Name, s.Edge.Role,
			s.Article.Date, s.Edge.Evidence, s.Edge.Article, s.From.ID, s.To.ID}); err != nil {
			return err
		}
	}
	return w.Close()
}
