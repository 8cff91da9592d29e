package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/spf13/cobra"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/export"
	"github.com/claimgraph/claimgraph/store"
)

// importBatch is how many records one import transaction holds.
const importBatch = 5000

func newImportCmd(a *app) *cobra.Command {
	var strict bool
	cmd := &cobra.Command{
		Use:   "import FILE.jsonl...",
		Short: "Merge a JSONL export into the database",
		Long: `import reads files written by 'claimgraph export --format jsonl' (or - for
standard input) and merges them into the database: a node with an ID the
database already has is merged with it (aliases united), an edge already
present keeps its provenance. Exports are therefore backups, and graphs made
on two machines can be joined. A bad line is reported as FILE:LINE and
skipped; with --strict the whole input is checked first and nothing is
written if any line is bad. Records are committed in batches of 5,000.`,
		Example: `  claimgraph export --format jsonl > backup.jsonl
  claimgraph --db restored.db import backup.jsonl`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			inputs, err := importInputs(a, args)
			if err != nil {
				return err
			}
			if strict {
				// Check before opening, so a failed run leaves no trace.
				if err := checkImport(ctxOf(cmd), a, inputs); err != nil {
					return err
				}
			}
			return a.withWrite(func(db *store.DB) error {
				return runImport(ctxOf(cmd), a, db, inputs)
			})
		},
	}
	cmd.Flags().BoolVar(&strict, "strict", false, "check every line first; write nothing if any is bad")
	return cmd
}

// importInput is a file to import; standard input is read once into memory
// so that --strict can read it twice.
type importInput struct {
	name string
	data []byte // standard input only
}

func (in importInput) open() (io.ReadCloser, error) {
	if in.data != nil {
		return io.NopCloser(bytes.NewReader(in.data)), nil
	}
	f, err := os.Open(in.name)
	if err != nil {
		return nil, fmt.Errorf("import: %w", err)
	}
	return f, nil
}

// importInputs names the inputs, reading standard input into memory.
func importInputs(a *app, files []string) ([]importInput, error) {
	var inputs []importInput
	for _, f := range files {
		in := importInput{name: f}
		if f == "-" {
			data, err := io.ReadAll(a.stdin)
			if err != nil {
				return nil, fmt.Errorf("read standard input: %w", err)
			}
			if data == nil {
				data = []byte{}
			}
			in = importInput{name: "stdin", data: data}
		}
		inputs = append(inputs, in)
	}
	return inputs, nil
}

// checkImport reads every input without writing; any bad line is an error.
func checkImport(ctx context.Context, a *app, inputs []importInput) error {
	for _, in := range inputs {
		problems, err := scanImport(ctx, in, nil)
		if err != nil {
			return err
		}
		if len(problems) > 0 {
			printProblems(a.stderr, problems)
			return fmt.Errorf("%d bad line(s) in --strict mode: nothing was written", len(problems))
		}
	}
	return nil
}

func runImport(ctx context.Context, a *app, db *store.DB, inputs []importInput) error {
	var total graph.WriteStats
	var problems []error
	for _, in := range inputs {
		p, err := scanImport(ctx, in, func(sub graph.Subgraph) error {
			st, err := db.Write(ctx, []graph.Subgraph{sub})
			total.Add(st)
			if err != nil {
				return err
			}
			return rememberAttributions(ctx, db, sub.Edges)
		})
		problems = append(problems, p...)
		if err != nil {
			return err
		}
	}
	printProblems(a.stderr, problems)
	fmt.Fprintf(a.stdout, "imported %d file(s): %d node(s) and %d edge(s) added\n", len(inputs), total.Nodes, total.Edges)
	if len(problems) > 0 {
		return fmt.Errorf("%d bad line(s) were skipped (listed above)", len(problems))
	}
	return nil
}

func printProblems(w io.Writer, problems []error) {
	for _, p := range problems {
		fmt.Fprintf(w, "import: %v\n", p)
	}
}

// scanImport reads one input. Bad lines come back as problems; a failed
// read or write ends the scan with an error. With write nil it only checks.
func scanImport(ctx context.Context, in importInput, write func(graph.Subgraph) error) ([]error, error) {
	rc, err := in.open()
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	var problems []error
	var sub graph.Subgraph
	flush := func() error {
		if write == nil || len(sub.Nodes)+len(sub.Edges) == 0 {
			return nil
		}
		err := write(sub)
		sub = graph.Subgraph{}
		return err
	}
	for rec, err := range export.ReadJSONL(ctx, rc, in.name) {
		var le *export.LineError
		switch {
		case errors.As(err, &le):
			problems = append(problems, err)
			continue
		case err != nil:
			return problems, err
		case rec.Node != nil:
			sub.Nodes = append(sub.Nodes, *rec.Node)
		case rec.Edge != nil:
			sub.Edges = append(sub.Edges, *rec.Edge)
		}
		if len(sub.Nodes)+len(sub.Edges) >= importBatch {
			if err := flush(); err != nil {
				return problems, err
			}
		}
	}
	return problems, flush()
}

// rememberAttributions records the hand attributions (said edges with rule
// store.AttributeRule) among imported edges as decisions, so that they
// survive a later re-ingest of their articles as they did where they were
// made.
func rememberAttributions(ctx context.Context, db *store.DB, edges []graph.Edge) error {
	for _, e := range edges {
		if e.Rel != graph.Said || e.Rule != store.AttributeRule {
			continue
		}
		sp, err := db.Node(ctx, e.From)
		if err != nil {
			return fmt.Errorf("import attribution of %s: %w", e.To, err)
		}
		if _, err := db.Attribute(ctx, e, sp); err != nil {
			return fmt.Errorf("import attribution of %s: %w", e.To, err)
		}
	}
	return nil
}
