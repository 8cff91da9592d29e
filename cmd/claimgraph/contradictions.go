package main

import (
	"context"
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/ask"
	"github.com/claimgraph/claimgraph/graph/contradict"
	"github.com/claimgraph/claimgraph/store"
)

type contradictionsOptions struct {
	wide   bool
	format *formatFlag
}

// candidateNote heads the table output of contradictions.
const candidateNote = "# contradiction CANDIDATES for a human to judge, not verdicts: a speaker may have changed their mind, been misquoted, or mean two different things"

func newContradictionsCmd(a *app) *cobra.Command {
	o := &contradictionsOptions{}
	cmd := &cobra.Command{
		Use:   "contradictions [NAME]",
		Short: "List pairs of a speaker's claims that may contradict each other (candidates to judge)",
		Long: `contradictions lists candidate contradictions: two claims of one speaker
about the same entity (a shared "about" target) where one negates the other
(not, never, no, n't), a verdict word is reversed (won/lost, true/false,
support/oppose, increase/cut, …) or a number changed, the rest of the words
being alike. Each row shows both claims side by side with their evidence
sentences, articles and dates, the earlier first.

They are CANDIDATES for a human to judge, never verdicts: every row carries
status "candidate", and the table starts with a line saying so. Without
NAME every speaker is checked.`,
		Example: `  claimgraph contradictions "Jane Roe"
  claimgraph contradictions --format json`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.withRead(func(db *store.DB) error {
				return runContradictions(ctxOf(cmd), a, db, joinArgs(args), o)
			})
		},
	}
	cmd.Flags().BoolVar(&o.wide, "wide", false, "do not shorten long table cells")
	o.format = addFormatFlag(cmd, fmtTable, fmtJSON, fmtJSONL, fmtCSV, fmtTSV)
	return cmd
}

var contradictionsColumns = []string{"status", "speaker", "signal", "about", "date_a", "claim_a", "evidence_a", "article_a",
	"date_b", "claim_b", "evidence_b", "article_b", "similarity", "pairs", "claim_a_id", "claim_b_id", "speaker_id"}
var contradictionsTableColumns = contradictionsColumns[:12]

func runContradictions(ctx context.Context, a *app, db *store.DB, name string, o *contradictionsOptions) error {
	speakers, err := contradictionSpeakers(ctx, db, name)
	if err != nil {
		return err
	}
	table := o.format.value == fmtTable
	cols := contradictionsColumns
	if table {
		cols = contradictionsTableColumns
		fmt.Fprintln(a.stdout, candidateNote)
	}
	w := newRecordWriter(a.stdout, o.format.value, cols, o.wide)
	for _, sp := range speakers {
		cands, err := contradict.Candidates(ctx, db, sp)
		if err != nil {
			return err
		}
		for _, c := range cands {
			if err := w.Write(candidateRow(c, table)); err != nil {
				return err
			}
		}
	}
	return w.Close()
}

// contradictionSpeakers resolves NAME, or lists every speaker.
func contradictionSpeakers(ctx context.Context, db *store.DB, name string) ([]graph.Node, error) {
	if name != "" {
		sp, err := ask.Resolve(ctx, db, name, speakerKinds...)
		if err != nil {
			return nil, noMatchHint(err)
		}
		return sp, nil
	}
	var out []graph.Node
	for _, k := range speakerKinds {
		for n, err := range db.NodesOfKind(ctx, k) {
			if err != nil {
				return nil, fmt.Errorf("read %s nodes: %w", k, err)
			}
			out = append(out, n)
		}
	}
	return out, nil
}

func candidateRow(c contradict.Candidate, short bool) []any {
	about := make([]string, len(c.About))
	for i, n := range c.About {
		about[i] = n.Name
	}
	fa, fb := c.A.First(), c.B.First()
	signal := strings.Join(c.Finding.Kinds, "+")
	row := []any{contradict.Status, c.Speaker.Name, signal, strings.Join(about, ", "),
		fa.Article.Date, c.A.Claim.Text, fa.Edge.Evidence, fa.Edge.Article,
		fb.Article.Date, c.B.Claim.Text, fb.Edge.Evidence, fb.Edge.Article,
		fmt.Sprintf("%.2f", c.Finding.Core), c.Pairs, c.A.Claim.ID, c.B.Claim.ID, c.Speaker.ID}
	if short {
		return row[:len(contradictionsTableColumns)]
	}
	return row
}
