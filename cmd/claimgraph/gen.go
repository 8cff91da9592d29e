package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/claimgraph/claimgraph/internal/gen"
)

// newGenCmd is the hidden corpus generator used by benchmarks, `make
// scale` and the reliability tests.
func newGenCmd(a *app) *cobra.Command {
	o := gen.Options{}
	cmd := &cobra.Command{
		Use:    "gen --articles N --seed S --out DIR",
		Short:  "Write a deterministic synthetic news corpus (for benchmarks)",
		Hidden: true,
		Args:   cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if o.Out == "" || o.Articles < 0 {
				return usagef("claimgraph gen --articles 1000 --seed 1 --out corpus", "need --out DIR and --articles N >= 0")
			}
			st, err := gen.Generate(ctxOf(cmd), o, nil)
			if err != nil {
				return err
			}
			fmt.Fprintf(a.stdout, "wrote %d articles (%.1f MB) under %s\n", st.Files, float64(st.Bytes)/1e6, o.Out)
			return nil
		},
	}
	f := cmd.Flags()
	f.IntVar(&o.Articles, "articles", 1000, "how many articles")
	f.Int64Var(&o.Seed, "seed", 1, "the seed; the same seed gives the same files")
	f.StringVar(&o.Out, "out", "", "the directory to write into")
	return cmd
}
