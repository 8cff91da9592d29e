package main

import (
	"github.com/spf13/cobra"

	"github.com/claimgraph/claimgraph/internal/eval"
)

// newEvalCmd is the hidden quality harness behind `make eval`.
func newEvalCmd(a *app) *cobra.Command {
	o := eval.Options{}
	cmd := &cobra.Command{
		Use:    "eval DIR",
		Short:  "Score the extractor on PolNeAR-layout annotations (text/, attributions/)",
		Hidden: true,
		Args:   cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			_, err := eval.Run(ctxOf(cmd), args[0], a.stdout, o)
			return err
		},
	}
	cmd.Flags().IntVar(&o.Limit, "limit", 0, "score only the first N articles")
	cmd.Flags().BoolVarP(&o.Verbose, "verbose", "v", false, "print each article's misses")
	cmd.Flags().BoolVar(&o.DirectOnly, "direct", false, "with --verbose, report on direct quotes only")
	cmd.Flags().BoolVar(&o.Rules, "rules", false, "print each extraction rule's claims and end-to-end precision")
	cmd.Flags().BoolVar(&o.RulesGo, "rules-go", false, "print the rules' precision as entries of graph/extract's confidence table")
	return cmd
}
