package main

import (
	"context"
	"fmt"
	"io"
	"math"
	"os"
	"strconv"

	"github.com/spf13/cobra"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/factcheck"
	"github.com/claimgraph/claimgraph/internal/claimreview"
	"github.com/claimgraph/claimgraph/store"
)

type factchecksOptions struct {
	strict   bool
	minScore float64
	wide     bool
	format   *formatFlag
}

func newFactchecksCmd(a *app) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "factchecks",
		Short: "Import fact-checkers' verdicts (schema.org ClaimReview) and link them to claims",
		Args:  cobra.ArbitraryArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) > 0 {
				return usagef("claimgraph factchecks import FILE...", "unknown command %q for %q", args[0], cmd.CommandPath())
			}
			return cmd.Help()
		},
	}
	imp := newFactchecksImportCmd(a)
	wrapArgs(imp)
	cmd.AddCommand(imp)
	return cmd
}

func newFactchecksImportCmd(a *app) *cobra.Command {
	o := &factchecksOptions{}
	cmd := &cobra.Command{
		Use:   "import FILE...",
		Short: "Read ClaimReview files and link each review to the claim it rates",
		Long: `import reads schema.org ClaimReview in the three shapes fact-checkers publish
it: JSON-LD (one ClaimReview object, an array, or a @graph), a Google Fact
Check Tools claims:search response ({"claims": [...]}) and a Data Commons
feed ({"dataFeedElement": [...]}); a review page in HTML is read for its
<script type="application/ld+json"> blocks. Each review becomes a factcheck node
(publisher, review URL and date, the rating as published and normalised to
true, mostly-true, mixed, mostly-false, false or unrated) with a reviews
edge to the claim it rates.

The claimant is resolved through the alias index and the reviewed text is
compared, by word shingles, with the claims that speaker said; claims with
no speaker are also found through the word index. A review that matches
no claim keeps its text as a claim of its own, said by the claimant (rule
factcheck/claimant, no article).

Every file is read and checked before the database is opened, and all
reviews are written in one atomic write: a malformed file (reported as
FILE:LINE:COLUMN) leaves the database as it was. Importing the same file
again changes nothing. A review without a claim text is reported and
skipped; with --strict it fails the import.`,
		Example: `  claimgraph factchecks import reviews.jsonld factcheck-tools.json
  claimgraph factchecks import --format json feed.json`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if o.minScore < 0 || o.minScore > 1 {
				return usagef("claimgraph factchecks import --min-score 0.5 FILE", "--min-score must lie in [0,1], not %v", o.minScore)
			}
			reviews, err := readReviews(a, args, o.strict)
			if err != nil {
				return err
			}
			return a.withWrite(func(db *store.DB) error {
				return runFactchecksImport(ctxOf(cmd), a, db, reviews, len(args), o)
			})
		},
	}
	f := cmd.Flags()
	f.BoolVar(&o.strict, "strict", false, "fail, writing nothing, if any review lacks the claim text")
	f.Float64Var(&o.minScore, "min-score", factcheck.DefaultSpeakerThreshold, "least shingle similarity to link a review to a claim of its claimant")
	f.BoolVar(&o.wide, "wide", false, "do not shorten long table cells")
	o.format = addFormatFlag(cmd, fmtTable, fmtJSON, fmtJSONL, fmtCSV, fmtTSV)
	return cmd
}

// readReviews parses every file (- is standard input) before anything is
// written. Reviews without claim text are reported; with strict they fail.
func readReviews(a *app, files []string, strict bool) ([]factcheck.Review, error) {
	var out []factcheck.Review
	skipped := 0
	for _, name := range files {
		data, err := readInput(a, name)
		if err != nil {
			return nil, err
		}
		if name == "-" {
			name = "stdin"
		}
		res, err := claimreview.Parse(name, data)
		if err != nil {
			return nil, err
		}
		for _, s := range res.Skipped {
			fmt.Fprintf(a.stderr, "factchecks: %v\n", s)
		}
		skipped += len(res.Skipped)
		for _, r := range res.Reviews {
			out = append(out, toLinkReview(r))
		}
	}
	if strict && skipped > 0 {
		return nil, fmt.Errorf("%d review(s) without claim text in --strict mode: nothing was written", skipped)
	}
	return out, nil
}

func readInput(a *app, name string) ([]byte, error) {
	if name == "-" {
		data, err := io.ReadAll(a.stdin)
		if err != nil {
			return nil, fmt.Errorf("read standard input: %w", err)
		}
		return data, nil
	}
	data, err := os.ReadFile(name)
	if err != nil {
		return nil, fmt.Errorf("factchecks: %w", err)
	}
	return data, nil
}

func toLinkReview(r claimreview.Review) factcheck.Review {
	return factcheck.Review{
		ClaimText: r.ClaimText, Claimant: r.Claimant, ClaimantType: r.ClaimantType,
		Appearances: r.Appearances, Publisher: r.Publisher, URL: r.URL,
		ReviewDate: r.ReviewDate, Rating: r.Rating, Verdict: string(r.Verdict),
	}
}

var factchecksColumns = []string{"status", "verdict", "rating", "publisher", "speaker", "claim", "score", "rule", "review_url", "factcheck_id", "claim_id", "speaker_id"}
var factchecksTableColumns = []string{"status", "verdict", "publisher", "speaker", "claim", "score", "claim_id"}

func runFactchecksImport(ctx context.Context, a *app, db *store.DB, reviews []factcheck.Review, files int, o *factchecksOptions) error {
	opt := factcheck.Options{SpeakerThreshold: o.minScore, IndexThreshold: max(o.minScore, factcheck.DefaultIndexThreshold)}
	plan, err := factcheck.Link(ctx, db, db, reviews, opt)
	if err != nil {
		return err
	}
	st, err := db.Write(ctx, []graph.Subgraph{plan.Subgraph})
	if err != nil {
		return fmt.Errorf("factchecks: nothing was written: %w", err)
	}
	table := o.format.value == fmtTable
	cols := factchecksColumns
	if table {
		cols = factchecksTableColumns
	}
	counts := map[string]int{}
	err = writeRows(a, o.format.value, o.wide, 0, cols, rowsOf(plan.Links), func(l factcheck.Outcome) []any {
		status := string(l.Status)
		if l.Stored {
			status = "unchanged"
		}
		counts[status]++
		return factcheckRecord(l, status, table)
	})
	if err != nil {
		return err
	}
	w := a.stderr
	if table {
		w = a.stdout
	}
	fmt.Fprintf(w, "imported %d file(s): %d review(s): %d linked, %d new claim(s), %d unchanged; %d node(s) and %d edge(s) added\n",
		files, len(plan.Links), counts["linked"], counts["new-claim"], counts["unchanged"], st.Nodes, st.Edges)
	return nil
}

func factcheckRecord(l factcheck.Outcome, status string, table bool) []any {
	score := strconv.FormatFloat(l.Score, 'f', 2, 64)
	if table {
		return []any{status, l.Factcheck.Verdict, l.Factcheck.Author, l.Speaker.Name, l.Claim.Text, score, l.Claim.ID}
	}
	return []any{status, l.Factcheck.Verdict, l.Factcheck.Title, l.Factcheck.Author, l.Speaker.Name, l.Claim.Text,
		math.Round(l.Score*100) / 100, l.Rule, l.Factcheck.URL, l.Factcheck.ID, l.Claim.ID, l.Speaker.ID}
}
