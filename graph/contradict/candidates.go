package contradict

import (
	"cmp"
	"context"
	"fmt"
	"slices"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/track"
)

// Status is what every candidate is: a pair for a human to judge.
const Status = "candidate"

// Candidate is a pair of one speaker's claims about a shared entity that
// may contradict each other. A is the claim that appeared first; each side
// is shown at its first appearance.
type Candidate struct {
	Speaker graph.Node
	About   []graph.Node // the entities both claims are about, by ID
	A, B    track.ClaimAppearances
	Finding Finding
	// Pairs counts the variant pairs this candidate stands for: when A or
	// B has near-duplicates (track.Clusters), the first pair of the two
	// clusters is shown and the others are counted here (1: no others).
	Pairs int
}

// Negated reports whether text holds an odd number of negators: the test
// track.Clusters uses to keep a statement and its negation apart.
func Negated(text string) bool { return parse(text).neg%2 == 1 }

// Candidates returns the contradiction candidates among the claims of
// speaker: every pair of its claims that share an about target and that
// Compare flags, one per pair of clusters of variants (the earliest pair),
// ordered by the first appearance of A, then of B.
func Candidates(ctx context.Context, r graph.Reader, speaker graph.Node) ([]Candidate, error) {
	clusters, err := track.Clusters(ctx, r, speaker.ID, Negated)
	if err != nil {
		return nil, err
	}
	// Claims in order of first appearance, each with its cluster.
	var claims []track.ClaimAppearances
	clusterOf := map[string]int{}
	for ci, cl := range clusters {
		for _, v := range cl.Variants {
			claims = append(claims, v)
			clusterOf[v.Claim.ID] = ci
		}
	}
	slices.SortStableFunc(claims, func(a, b track.ClaimAppearances) int { return track.Earlier(a.First(), b.First()) })
	about := make([][]string, len(claims))
	for i, c := range claims {
		for e, err := range r.Neighbors(ctx, c.Claim.ID, graph.Out, graph.About) {
			if err != nil {
				return nil, fmt.Errorf("about edges of %s: %w", c.Claim.ID, err)
			}
			about[i] = append(about[i], e.To)
		}
		slices.Sort(about[i])
		about[i] = slices.Compact(about[i])
	}
	var out []Candidate
	seen := map[[2]int]int{}
	for i := range claims {
		for j := i + 1; j < len(claims); j++ {
			shared := intersect(about[i], about[j])
			if len(shared) == 0 {
				continue
			}
			f, ok := Compare(claims[i].Claim.Text, claims[j].Claim.Text)
			if !ok {
				continue
			}
			ci, cj := clusterOf[claims[i].Claim.ID], clusterOf[claims[j].Claim.ID]
			pair := [2]int{min(ci, cj), max(ci, cj)}
			if k, dup := seen[pair]; dup {
				out[k].Pairs++
				continue
			}
			seen[pair] = len(out)
			c := Candidate{Speaker: speaker, A: claims[i], B: claims[j], Finding: f, Pairs: 1}
			for _, id := range shared {
				n, err := r.Node(ctx, id)
				if err != nil {
					return nil, fmt.Errorf("entity %s: %w", id, err)
				}
				c.About = append(c.About, n)
			}
			out = append(out, c)
		}
	}
	slices.SortStableFunc(out, func(a, b Candidate) int {
		return cmp.Or(track.Earlier(a.A.First(), b.A.First()), track.Earlier(a.B.First(), b.B.First()))
	})
	return out, nil
}

// intersect returns the strings in both sorted slices.
func intersect(a, b []string) []string {
	var out []string
	for i, j := 0, 0; i < len(a) && j < len(b); {
		switch {
		case a[i] == b[j]:
			out = append(out, a[i])
			i++
			j++
		case a[i] < b[j]:
			i++
		default:
			j++
		}
	}
	return out
}
