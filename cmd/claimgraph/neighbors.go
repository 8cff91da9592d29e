package main

import (
	"slices"

	"github.com/spf13/cobra"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/ask"
	"github.com/claimgraph/claimgraph/store"
)

func newNeighborsCmd(a *app) *cobra.Command {
	var (
		rels   []string
		depth  int
		limit  int
		wide   bool
		format *formatFlag
	)
	cmd := &cobra.Command{
		Use:     "neighbors NAME",
		Short:   "List the nodes near an entity, nearest first",
		Example: `  claimgraph neighbors NRP --depth 2 --rel member-of --rel said`,
		Args:    cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if depth < 1 {
				return usagef("claimgraph neighbors NAME --depth 2", "--depth must be 1 or more")
			}
			var rs []graph.Rel
			for _, s := range rels {
				r, err := graph.ParseRel(s)
				if err != nil {
					return usagef("claimgraph neighbors NAME --rel said", "--rel: %v", err)
				}
				rs = append(rs, r)
			}
			return a.withRead(func(db *store.DB) error {
				return writeRows(a, format.value, wide, limit, neighborColumns,
					ask.Neighbors(ctxOf(cmd), db, args[0], depth, rs...), neighborRecord)
			})
		},
	}
	cmd.Flags().StringSliceVar(&rels, "rel", nil, "follow only these relations")
	cmd.Flags().IntVar(&depth, "depth", 1, "hops from NAME")
	cmd.Flags().IntVar(&limit, "limit", 0, "print at most this many rows (0: all)")
	cmd.Flags().BoolVar(&wide, "wide", false, "do not shorten long table cells")
	format = addFormatFlag(cmd, fmtTable, fmtJSON, fmtJSONL, fmtCSV, fmtTSV)
	return cmd
}

var neighborColumns = []string{"depth", "kind", "name", "via", "from", "id"}

func neighborRecord(r ask.NeighborRow) []any {
	name := r.Node.Name
	if r.Node.Kind == graph.Claim {
		name = r.Node.Text
	}
	via := string(r.Via.Edge.Rel)
	other := r.Via.From
	if r.Via.From.ID == r.Node.ID {
		via = "<-" + via
		other = r.Via.To
	}
	return []any{r.Depth, string(r.Node.Kind), name, via, other.Name, r.Node.ID}
}

func newTimelineCmd(a *app) *cobra.Command {
	var (
		wide   bool
		format *formatFlag
	)
	cmd := &cobra.Command{
		Use:     "timeline NAME",
		Short:   "List the claims by and about an entity in date order",
		Example: `  claimgraph timeline "Helena Marsh"`,
		Args:    cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.withRead(func(db *store.DB) error {
				rows, err := ask.Timeline(ctxOf(cmd), db, args[0])
				if err != nil {
					return noMatchHint(err)
				}
				cols := slices.Concat([]string{"role"}, saidColumns)
				table := format.value == fmtTable
				if table {
					cols = []string{"date", "role", "speaker", "claim", "evidence", "article"}
				}
				return writeRows(a, format.value, wide, 0, cols, rowsOf(rows), func(r ask.TimelineRow) []any {
					if table {
						return []any{r.Article.Date, r.Role, r.Speaker.Name, r.Claim.Text, r.Edge.Evidence, r.Edge.Article}
					}
					return append([]any{r.Role}, saidRecord(r.SaidRow, false)...)
				})
			})
		},
	}
	cmd.Flags().BoolVar(&wide, "wide", false, "do not shorten long table cells")
	format = addFormatFlag(cmd, fmtTable, fmtJSON, fmtJSONL, fmtCSV, fmtTSV)
	return cmd
}

func newSearchCmd(a *app) *cobra.Command {
	var (
		wide   bool
		limit  int
		format *formatFlag
	)
	cmd := &cobra.Command{
		Use:   "search TEXT",
		Short: "Find claims whose text holds every word of TEXT (from a word index)",
		Example: `  claimgraph search "tally sheets"
  claimgraph search recount --format json`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			text := joinArgs(args)
			table := format.value == fmtTable
			cols := saidColumns
			if table {
				cols = saidTableColumns
			}
			return a.withRead(func(db *store.DB) error {
				return writeRows(a, format.value, wide, limit, cols, ask.Search(ctxOf(cmd), db, db, text),
					func(r ask.SaidRow) []any { return saidRecord(r, table) })
			})
		},
	}
	cmd.Flags().BoolVar(&wide, "wide", false, "do not shorten long table cells")
	cmd.Flags().IntVar(&limit, "limit", 0, "print at most this many rows (0: all)")
	format = addFormatFlag(cmd, fmtTable, fmtJSON, fmtJSONL, fmtCSV, fmtTSV)
	return cmd
}
