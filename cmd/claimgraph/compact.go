package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/claimgraph/claimgraph/internal/memlimit"
	"github.com/claimgraph/claimgraph/store"
)

// compactMemoryLimit is the Go runtime's soft memory limit while compact
// runs ($GOMEMLIMIT overrides it). Most of what a compaction allocates is
// table builders' buffers that are garbage a moment later; without a limit
// the heap grew to several times what was live. Compacting 250k generated
// articles: no limit 24 s and 2.37 GB peak RSS; 1 GiB 28 s and 807 MB;
// 768 MiB 41 s and 771 MB; 512 MiB 47 s and 701 MB (the collector runs
// all the time below 1 GiB).
const compactMemoryLimit = 1 << 30

func newCompactCmd(a *app) *cobra.Command {
	return &cobra.Command{
		Use:   "compact",
		Short: "Reclaim disk space: badger's value-log GC and LSM flattening",
		Long: `compact merges the database's tables and drops space left by old versions
(badger's Flatten and value-log garbage collection). It needs the database
to itself. Run it after a large ingest to shrink the directory and to make
queries merge fewer tables (an ingest leaves up to 40 overlapping tables
that badger has not merged yet, and writes its tables uncompressed; compact
rewrites them compressed, about a third smaller). It runs under a 1 GiB
soft memory limit (compacting 250,000 generated articles: 24-28 s, 0.8 GB
peak RSS); set $GOMEMLIMIT to choose another.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			defer memlimit.Set(0, compactMemoryLimit)()
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
