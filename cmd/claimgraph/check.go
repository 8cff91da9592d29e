package main

import (
	"fmt"
	"io"

	"github.com/spf13/cobra"

	"github.com/claimgraph/claimgraph/store"
)

func newCheckCmd(a *app) *cobra.Command {
	var repair bool
	cmd := &cobra.Command{
		Use:   "check",
		Short: "Verify the whole database; --repair rebuilds the indexes from the records",
		Long: `check reads every record and index entry and verifies them against each
other: each index entry against its record, adjacency in both directions,
and provenance pointing at existing articles. It prints each kind of problem
with a count and examples and exits 1 if there is any.

--repair rebuilds the indexes from the records (it needs the database to
itself), then checks again.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			ctx := ctxOf(cmd)
			if !repair {
				return a.withRead(func(db *store.DB) error { return runCheck(cmd, a.stdout, db) })
			}
			return a.withWrite(func(db *store.DB) error {
				rep, err := db.Repair(ctx)
				if err != nil {
					return err
				}
				fmt.Fprintf(a.stdout, "repaired: %d undecodable record(s) removed, %d placeholder node(s) added, %d in-index entr(ies) added, %d pruned\n",
					rep.Removed, rep.Stubs, rep.InAdded, rep.InPruned)
				for _, ex := range rep.Examples {
					fmt.Fprintf(a.stdout, "  %s\n", ex)
				}
				return runCheck(cmd, a.stdout, db)
			})
		},
	}
	cmd.Flags().BoolVar(&repair, "repair", false, "rebuild the indexes from the records, then check")
	return cmd
}

func runCheck(cmd *cobra.Command, w io.Writer, db *store.DB) error {
	rep, err := db.Check(ctxOf(cmd))
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "checked %d node(s), %d edge(s), %d article(s)\n", rep.Nodes, rep.Edges, rep.Articles)
	if rep.OK() {
		fmt.Fprintln(w, "ok: no problems found")
		return nil
	}
	for _, p := range rep.Problems {
		fmt.Fprintf(w, "%d × %s\n", p.Count, p.What)
		for _, ex := range p.Examples {
			fmt.Fprintf(w, "    %s\n", ex)
		}
	}
	return fmt.Errorf("%d kind(s) of problem found (run `claimgraph check --repair` to rebuild the indexes)", len(rep.Problems))
}
