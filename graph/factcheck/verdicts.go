package factcheck

import (
	"cmp"
	"context"
	"fmt"
	"slices"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/ask"
)

// VerdictOrder lists the normalised verdicts in the order they are tallied
// and listed.
var VerdictOrder = []string{"true", "mostly-true", "mixed", "mostly-false", "false", "unrated"}

// VerdictRow is one review of one claim a speaker said.
type VerdictRow struct {
	Speaker   graph.Node
	Claim     graph.Node
	Factcheck graph.Node
	// First is the earliest dated article in which the speaker said the
	// claim (an undated one if none is dated); zero for a claim known only
	// from the fact-check.
	First graph.Node
}

// Tally counts the reviews of a speaker's claims with one verdict.
type Tally struct {
	Verdict string
	Count   int
}

// Verdicts answers "how has this speaker been rated": for every speaker
// the name resolves to, the claims they said (their said edges) that a
// factcheck reviews, one row per review, ordered by verdict (VerdictOrder),
// then date of the first article, then claim and factcheck ID; and the
// number of reviews with each verdict, every verdict listed. It reads the
// speaker's edges and the claims' in-edges only.
func Verdicts(ctx context.Context, r graph.Reader, name string) ([]VerdictRow, []Tally, error) {
	speakers, err := ask.Resolve(ctx, r, name, speakerKinds...)
	if err != nil {
		return nil, nil, err
	}
	v := &verdictScan{r: r, nodes: map[string]graph.Node{}}
	for _, sp := range speakers {
		if err := v.speaker(ctx, sp); err != nil {
			return nil, nil, err
		}
	}
	slices.SortFunc(v.rows, compareRows)
	return v.rows, tally(v.rows), nil
}

type verdictScan struct {
	r     graph.Reader
	nodes map[string]graph.Node
	rows  []VerdictRow
}

func (v *verdictScan) node(ctx context.Context, id string) (graph.Node, error) {
	if n, ok := v.nodes[id]; ok {
		return n, nil
	}
	n, err := v.r.Node(ctx, id)
	if err != nil {
		return graph.Node{}, fmt.Errorf("read %s: %w", id, err)
	}
	if n.Kind == graph.Article {
		n.Text = ""
	}
	v.nodes[id] = n
	return n, nil
}

// speaker adds the rows of one speaker's reviewed claims.
func (v *verdictScan) speaker(ctx context.Context, sp graph.Node) error {
	articles := map[string][]string{} // claim -> articles it was said in
	var claims []string
	for e, err := range v.r.Neighbors(ctx, sp.ID, graph.Out, graph.Said) {
		if err != nil {
			return fmt.Errorf("claims of %s: %w", sp.ID, err)
		}
		if _, ok := articles[e.To]; !ok {
			claims = append(claims, e.To)
			articles[e.To] = nil
		}
		if e.Article != "" {
			articles[e.To] = append(articles[e.To], e.Article)
		}
	}
	for _, c := range claims {
		if err := v.claim(ctx, sp, c, articles[c]); err != nil {
			return err
		}
	}
	return nil
}

// claim adds a row per factcheck that reviews the claim.
func (v *verdictScan) claim(ctx context.Context, sp graph.Node, id string, articles []string) error {
	var fcs []graph.Node
	for e, err := range v.r.Neighbors(ctx, id, graph.In, graph.Reviews) {
		if err != nil {
			return fmt.Errorf("reviews of %s: %w", id, err)
		}
		fc, err := v.node(ctx, e.From)
		if err != nil {
			return err
		}
		fcs = append(fcs, fc)
	}
	if len(fcs) == 0 {
		return nil
	}
	claim, err := v.node(ctx, id)
	if err != nil {
		return err
	}
	first, err := v.first(ctx, articles)
	if err != nil {
		return err
	}
	for _, fc := range fcs {
		v.rows = append(v.rows, VerdictRow{Speaker: sp, Claim: claim, Factcheck: fc, First: first})
	}
	return nil
}

// first returns the earliest dated article among ids (undated ones last,
// ties by ID).
func (v *verdictScan) first(ctx context.Context, ids []string) (graph.Node, error) {
	var best graph.Node
	for _, id := range ids {
		a, err := v.node(ctx, id)
		if err != nil {
			return graph.Node{}, err
		}
		if best.ID == "" || earlier(a, best) {
			best = a
		}
	}
	return best, nil
}

// earlier orders articles by date, undated last, then by ID.
func earlier(a, b graph.Node) bool {
	switch {
	case a.Date != "" && b.Date == "":
		return true
	case a.Date == "" && b.Date != "":
		return false
	case a.Date != b.Date:
		return a.Date < b.Date
	}
	return a.ID < b.ID
}

func verdictRank(v string) int {
	if i := slices.Index(VerdictOrder, v); i >= 0 {
		return i
	}
	return len(VerdictOrder) - 1
}

func compareRows(a, b VerdictRow) int {
	return cmp.Or(
		cmp.Compare(verdictRank(a.Factcheck.Verdict), verdictRank(b.Factcheck.Verdict)),
		cmp.Compare(a.First.Date, b.First.Date),
		cmp.Compare(a.Claim.ID, b.Claim.ID),
		cmp.Compare(a.Factcheck.ID, b.Factcheck.ID),
		cmp.Compare(a.Speaker.ID, b.Speaker.ID),
	)
}

func tally(rows []VerdictRow) []Tally {
	out := make([]Tally, len(VerdictOrder))
	for i, v := range VerdictOrder {
		out[i].Verdict = v
	}
	for _, r := range rows {
		out[verdictRank(r.Factcheck.Verdict)].Count++
	}
	return out
}
