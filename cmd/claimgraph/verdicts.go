package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/claimgraph/claimgraph/graph/factcheck"
	"github.com/claimgraph/claimgraph/store"
)

type verdictsOptions struct {
	tally  bool
	wide   bool
	format *formatFlag
}

func newVerdictsCmd(a *app) *cobra.Command {
	o := &verdictsOptions{}
	cmd := &cobra.Command{
		Use:   "verdicts NAME",
		Short: "A speaker's fact-check verdicts: the tally, then each reviewed claim",
		Long: `verdicts shows how fact-checkers rated what a person, party or organization
said (after 'claimgraph factchecks import'): a tally of the reviews by
normalised verdict (true, mostly-true, mixed, mostly-false, false,
unrated), then one row per review with the claim, the first article that
quotes the speaker saying it (earliest date; for a claim known only from
the fact-check, where the review says it appeared) and the review's URL.

The table prints both; --format json, jsonl, csv and tsv print the rows,
and --tally prints the tally alone in any format. NAME is a name, alias
or ID.`,
		Example: `  claimgraph verdicts "Mara Quist"
  claimgraph verdicts Quist --tally --format json`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.withRead(func(db *store.DB) error {
				rows, tally, err := factcheck.Verdicts(ctxOf(cmd), db, joinArgs(args))
				if err != nil {
					return noMatchHint(err)
				}
				return printVerdicts(a, o, rows, tally)
			})
		},
	}
	f := cmd.Flags()
	f.BoolVar(&o.tally, "tally", false, "print only the number of reviews with each verdict")
	f.BoolVar(&o.wide, "wide", false, "do not shorten long table cells")
	o.format = addFormatFlag(cmd, fmtTable, fmtJSON, fmtJSONL, fmtCSV, fmtTSV)
	return cmd
}

var verdictsColumns = []string{"verdict", "rating", "speaker", "claim", "first_date", "first_article", "first_title", "appearance", "publisher", "review_date", "review_url", "speaker_id", "claim_id", "factcheck_id"}
var verdictsTableColumns = []string{"verdict", "rating", "claim", "first_date", "first_article", "publisher", "review_url"}

func printVerdicts(a *app, o *verdictsOptions, rows []factcheck.VerdictRow, tally []factcheck.Tally) error {
	table := o.format.value == fmtTable
	if o.tally || table {
		total := 0
		for _, t := range tally {
			total += t.Count
		}
		recs := append(tally, factcheck.Tally{Verdict: "total", Count: total})
		err := writeRows(a, o.format.value, o.wide, 0, []string{"verdict", "reviews"}, rowsOf(recs),
			func(t factcheck.Tally) []any { return []any{t.Verdict, t.Count} })
		if err != nil || o.tally {
			return err
		}
		fmt.Fprintln(a.stdout)
	}
	cols := verdictsColumns
	if table {
		cols = verdictsTableColumns
	}
	return writeRows(a, o.format.value, o.wide, 0, cols, rowsOf(rows), func(r factcheck.VerdictRow) []any {
		return verdictRecord(r, table)
	})
}

func verdictRecord(r factcheck.VerdictRow, table bool) []any {
	fc := r.Factcheck
	if table {
		first := r.First.ID
		if first == "" {
			first = fc.Source
		}
		if first == "" {
			first = "(fact-check only)"
		}
		return []any{fc.Verdict, fc.Title, r.Claim.Text, r.First.Date, first, fc.Author, fc.URL}
	}
	return []any{fc.Verdict, fc.Title, r.Speaker.Name, r.Claim.Text, r.First.Date, r.First.ID, r.First.Title,
		fc.Source, fc.Author, fc.Date, fc.URL, r.Speaker.ID, r.Claim.ID, fc.ID}
}
