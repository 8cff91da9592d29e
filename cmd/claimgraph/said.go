package main

import (
	"errors"
	"iter"

	"github.com/spf13/cobra"

	"github.com/claimgraph/claimgraph/graph/ask"
	"github.com/claimgraph/claimgraph/store"
)

type saidOptions struct {
	q      ask.SaidQuery
	limit  int
	wide   bool
	format *formatFlag
}

func newSaidCmd(a *app) *cobra.Command {
	o := &saidOptions{}
	cmd := &cobra.Command{
		Use:   "said",
		Short: "List claims with their speaker, article, date and evidence sentence",
		Long: `said lists who said what: every claim with its speaker, the article and date
it was printed, and the sentence it was read from. --by and --about take a
name, an alias (surname, acronym, handle) or a node ID.`,
		Example: `  claimgraph said --by "Jane Roe"
  claimgraph said --about FNP --since 2024-01-01 --format json`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if o.limit < 0 {
				return usagef("claimgraph said --by NAME --limit 20", "--limit must be 0 (no limit) or more, not %d", o.limit)
			}
			return a.withRead(func(db *store.DB) error { return runSaid(cmd, a, db, o) })
		},
	}
	f := cmd.Flags()
	f.StringVar(&o.q.By, "by", "", "only claims said by this speaker")
	f.StringVar(&o.q.About, "about", "", "only claims about this entity")
	f.StringVar(&o.q.Since, "since", "", "only articles dated on or after YYYY-MM-DD")
	f.StringVar(&o.q.Until, "until", "", "only articles dated on or before YYYY-MM-DD")
	f.StringVar(&o.q.Article, "article", "", "only claims from this article ID")
	f.IntVar(&o.limit, "limit", 0, "print at most this many claims (0: all)")
	f.BoolVar(&o.wide, "wide", false, "do not shorten long table cells")
	o.format = addFormatFlag(cmd, fmtTable, fmtJSON, fmtJSONL, fmtCSV, fmtTSV)
	return cmd
}

var saidColumns = []string{"date", "speaker", "claim", "direct", "article", "evidence", "speaker_id", "claim_id", "title", "start", "end"}
var saidTableColumns = []string{"date", "speaker", "claim", "evidence", "article"}

func runSaid(cmd *cobra.Command, a *app, db *store.DB, o *saidOptions) error {
	for _, d := range []string{o.q.Since, o.q.Until} {
		if err := checkDate(d); err != nil {
			return &usageError{err: err, try: "claimgraph said --since 2024-01-31"}
		}
	}
	cols := saidColumns
	if o.format.value == fmtTable {
		cols = saidTableColumns
	}
	table := o.format.value == fmtTable
	return writeRows(a, o.format.value, o.wide, o.limit, cols, ask.Said(ctxOf(cmd), db, o.q),
		func(r ask.SaidRow) []any { return saidRecord(r, table) })
}

// writeRows prints the rows of seq as records, at most limit of them when
// limit > 0. An unknown name in the question becomes an error with a hint.
func writeRows[T any](a *app, format string, wide bool, limit int, cols []string, seq iter.Seq2[T, error], rec func(T) []any) error {
	w := newRecordWriter(a.stdout, format, cols, wide)
	n := 0
	for row, err := range seq {
		if err != nil {
			return noMatchHint(err)
		}
		if err := w.Write(rec(row)); err != nil {
			return err
		}
		n++
		if limit > 0 && n >= limit {
			break
		}
	}
	return w.Close()
}

func saidRecord(r ask.SaidRow, table bool) []any {
	if table {
		return []any{r.Article.Date, r.Speaker.Name, r.Claim.Text, r.Edge.Evidence, r.Edge.Article}
	}
	return []any{r.Article.Date, r.Speaker.Name, r.Claim.Text, r.Claim.Direct, r.Edge.Article,
		r.Edge.Evidence, r.Speaker.ID, r.Claim.ID, r.Article.Title, r.Edge.Start, r.Edge.End}
}

// noMatchHint adds what to try to an error about an unknown name.
func noMatchHint(err error) error {
	if errors.Is(err, ask.ErrNoMatch) {
		return &usageError{err: err, code: 1, try: "claimgraph search WORDS, or claimgraph query 'MATCH (p:Person) RETURN p.name'"}
	}
	return err
}
