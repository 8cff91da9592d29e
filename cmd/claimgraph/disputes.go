package main

import (
	"strings"

	"github.com/spf13/cobra"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/ask"
	"github.com/claimgraph/claimgraph/store"
)

func newDisputesCmd(a *app) *cobra.Command {
	var (
		wide, supports bool
		limit          int
		format         *formatFlag
	)
	cmd := &cobra.Command{
		Use:   "disputes [NAME]",
		Short: "Who disputes whom, and what (--supports: who backs whom)",
		Long: `disputes lists disputes edges: what NAME disputes, and who disputes the
claims NAME made. Without NAME it lists every dispute. --supports asks the
same about support.`,
		Example: `  claimgraph disputes "Oskar Lind"
  claimgraph disputes --supports --format json`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			name := ""
			if len(args) == 1 {
				name = args[0]
			}
			rel := graph.Disputes
			if supports {
				rel = graph.Supports
			}
			return a.withRead(func(db *store.DB) error {
				return writeRows(a, format.value, wide, limit, disputeColumns, ask.Disputes(ctxOf(cmd), db, name, rel), disputeRecord)
			})
		},
	}
	cmd.Flags().BoolVar(&supports, "supports", false, "list supports edges instead")
	cmd.Flags().BoolVar(&wide, "wide", false, "do not shorten long table cells")
	cmd.Flags().IntVar(&limit, "limit", 0, "print at most this many rows (0: all)")
	format = addFormatFlag(cmd, fmtTable, fmtJSON, fmtJSONL, fmtCSV, fmtTSV)
	return cmd
}

var disputeColumns = []string{"date", "who", "rel", "claim", "claimed_by", "evidence", "article", "who_id", "claim_id"}

func disputeRecord(r ask.DisputeRow) []any {
	var by []string
	for _, s := range r.Speakers {
		by = append(by, s.Name)
	}
	return []any{r.Article.Date, r.From.Name, string(r.Edge.Rel), r.To.Text, strings.Join(by, "; "),
		r.Edge.Evidence, r.Edge.Article, r.From.ID, r.To.ID}
}

func newMembersCmd(a *app) *cobra.Command {
	var (
		wide   bool
		format *formatFlag
	)
	cmd := &cobra.Command{
		Use:     "members PARTY",
		Short:   "List the members of a party or organization, with their roles",
		Example: `  claimgraph members NRP`,
		Args:    cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.withRead(func(db *store.DB) error {
				return writeRows(a, format.value, wide, 0, memberColumns, ask.Members(ctxOf(cmd), db, args[0]), memberRecord)
			})
		},
	}
	cmd.Flags().BoolVar(&wide, "wide", false, "do not shorten long table cells")
	format = addFormatFlag(cmd, fmtTable, fmtJSON, fmtJSONL, fmtCSV, fmtTSV)
	return cmd
}

var memberColumns = []string{"member", "role", "of", "date", "evidence", "article", "member_id", "of_id"}

func memberRecord(r ask.EdgeRow) []any {
	return []any{r.From.Name, r.Edge.Role, r.To.Name, r.Article.Date, r.Edge.Evidence, r.Edge.Article, r.From.ID, r.To.ID}
}
