package main

import (
	"context"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/ask"
	"github.com/claimgraph/claimgraph/graph/contradict"
	"github.com/claimgraph/claimgraph/graph/track"
	"github.com/claimgraph/claimgraph/store"
)

type claimsOptions struct {
	clusters bool
	wide     bool
	format   *formatFlag
}

func newClaimsCmd(a *app) *cobra.Command {
	o := &claimsOptions{}
	cmd := &cobra.Command{
		Use:   "claims NAME",
		Short: "List a speaker's claims, or with --clusters group their variants over time",
		Long: `claims lists what a speaker (a name, an alias or an ID) said, one row per
claim, ordered by first appearance, with how many articles carried it.

With --clusters, near-duplicate claims (the same quote trimmed,
re-punctuated or lightly reworded across outlets, word-shingle similarity
at least 0.6; a statement and its negation never join) form one cluster,
printed as one row per appearance: the cluster number, FIRST marking the
earliest appearance (earliest article date, then article ID), the date,
outlet, title, URL and article of every appearance, and the variant
(claim text and ID) it printed.`,
		Example: `  claimgraph claims "Jane Roe"
  claimgraph claims Roe --clusters --format json`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.withRead(func(db *store.DB) error { return runClaims(ctxOf(cmd), a, db, args[0], o) })
		},
	}
	cmd.Flags().BoolVar(&o.clusters, "clusters", false, "group near-duplicate claims and show where each cluster appeared")
	cmd.Flags().BoolVar(&o.wide, "wide", false, "do not shorten long table cells")
	o.format = addFormatFlag(cmd, fmtTable, fmtJSON, fmtJSONL, fmtCSV, fmtTSV)
	return cmd
}

var claimsColumns = []string{"first_date", "speaker", "claim", "articles", "outlet", "article", "claim_id"}
var clustersColumns = []string{"cluster", "first", "date", "outlet", "claim", "article", "title", "url", "claim_id", "variants", "speaker"}
var clustersTableColumns = []string{"cluster", "first", "date", "outlet", "claim", "article", "variants"}

// speakerKinds are the kinds that can say a claim.
var speakerKinds = []graph.Kind{graph.Person, graph.Party, graph.Organization}

func runClaims(ctx context.Context, a *app, db *store.DB, name string, o *claimsOptions) error {
	speakers, err := ask.Resolve(ctx, db, name, speakerKinds...)
	if err != nil {
		return noMatchHint(err)
	}
	if !o.clusters {
		w := newRecordWriter(a.stdout, o.format.value, claimsColumns, o.wide)
		for _, sp := range speakers {
			claims, err := track.Appearances(ctx, db, sp.ID)
			if err != nil {
				return err
			}
			for _, c := range claims {
				f := c.First()
				if err := w.Write([]any{f.Article.Date, sp.Name, c.Claim.Text, len(c.Appearances), outlet(f.Article), f.Edge.Article, c.Claim.ID}); err != nil {
					return err
				}
			}
		}
		return w.Close()
	}
	cols := clustersColumns
	if o.format.value == fmtTable {
		cols = clustersTableColumns
	}
	w := newRecordWriter(a.stdout, o.format.value, cols, o.wide)
	n := 0
	for _, sp := range speakers {
		clusters, err := track.Clusters(ctx, db, sp.ID, contradict.Negated)
		if err != nil {
			return err
		}
		for _, cl := range clusters {
			n++
			if err := writeCluster(w, o.format.value == fmtTable, n, sp, cl); err != nil {
				return err
			}
		}
	}
	return w.Close()
}

// writeCluster writes one row per appearance of a cluster's variants.
func writeCluster(w recordWriter, table bool, n int, sp graph.Node, cl track.ClaimCluster) error {
	text := map[string]string{}
	for _, v := range cl.Variants {
		text[v.Claim.ID] = v.Claim.Text
	}
	for i, ap := range cl.Appearances() {
		first := ""
		if i == 0 {
			first = "first"
		}
		var row []any
		if table {
			row = []any{n, first, ap.Article.Date, outlet(ap.Article), text[ap.Edge.To], ap.Edge.Article, len(cl.Variants)}
		} else {
			row = []any{n, i == 0, ap.Article.Date, outlet(ap.Article), text[ap.Edge.To], ap.Edge.Article, ap.Article.Title,
				ap.Article.URL, ap.Edge.To, len(cl.Variants), sp.Name}
		}
		if err := w.Write(row); err != nil {
			return fmt.Errorf("cluster %d: %w", n, err)
		}
	}
	return nil
}

// outlet names where an article was published: its source (the outlet in
// front matter, else the path it was read from), else its URL.
func outlet(a graph.Node) string {
	if a.Source != "" {
		return a.Source
	}
	return a.URL
}
