package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/claimgraph/claimgraph/store"
)

func newCompactCmd(a *app) *cobra.Command {
	return &cobra.Command{
		Use:   "compact",
		Short: "Reclaim disk space: badger's value-log GC and LSM flattening",
		Long: `compact merges the database's tables and drops space left by old versions
(badger's Flatten and value-log garbage collection). It needs the database
to itself. Run it after a large ingest to shrink the directory and to make
queries merge fewer tables (an ingest leaves up to 40 overlapping tables
that badger has not merged yet).`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return a.withWriteOpts(store.Options{Compacting: true}, func(db *store.DB) error {
				before, err := dirSize(db.Path())
				if err != nil {
					return err
				}
				if err := db.Compact(ctxOf(cmd)); err != nil {
					return err
				}
				after, err := dirSize(db.Path())
				if err != nil {
					return err
				}
				fmt.Fprintf(a.stdout, "compacted %s: %.1f MB -> %.1f MB\n", db.Path(), float64(before)/1e6, float64(after)/1e6)
				return nil
			})
		},
	}
}
