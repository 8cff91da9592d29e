package main

import (
	"github.com/spf13/cobra"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/store"
)

func newStatsCmd(a *app) *cobra.Command {
	var format *formatFlag
	cmd := &cobra.Command{
		Use:   "stats",
		Short: "Count the nodes by kind and the edges by relation",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return a.withRead(func(db *store.DB) error {
				st, err := db.Stats(ctxOf(cmd))
				if err != nil {
					return err
				}
				w := newRecordWriter(a.stdout, format.value, []string{"what", "name", "count"}, false)
				for _, k := range graph.Kinds {
					if err := w.Write([]any{"nodes", string(k), st.Nodes[k]}); err != nil {
						return err
					}
				}
				for _, r := range graph.Rels {
					if err := w.Write([]any{"edges", string(r), st.Edges[r]}); err != nil {
						return err
					}
				}
				if err := w.Write([]any{"nodes", "total", st.TotalNodes()}); err != nil {
					return err
				}
				if err := w.Write([]any{"edges", "total", st.TotalEdges()}); err != nil {
					return err
				}
				return w.Close()
			})
		},
	}
	format = addFormatFlag(cmd, fmtTable, fmtJSON, fmtJSONL, fmtCSV, fmtTSV)
	return cmd
}
