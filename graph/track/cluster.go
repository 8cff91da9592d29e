package track

import (
	"context"
	"slices"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/similar"
)

// ClusterThreshold is the similar.Score from which two claims of one
// speaker are the same claim in another wording. On the project's test
// articles a quote and its trimmed copy score 0.8–0.95, a "will"/"would"
// rewording 0.65–0.8, and different claims of one speaker about the same
// subject at most 0.45; 0.6 keeps the first two together and the last
// apart (graph/similar's tests use the same value).
const ClusterThreshold = 0.6

// ClaimCluster is a group of one speaker's claims that are variants of
// one another. Variants are ordered by first appearance; the cluster's
// first appearance is that of Variants[0].
type ClaimCluster struct {
	Variants []ClaimAppearances
}

// First returns the earliest appearance of any variant.
func (c ClaimCluster) First() Appearance { return c.Variants[0].First() }

// Appearances returns every appearance of every variant, earliest first.
func (c ClaimCluster) Appearances() []Appearance {
	var out []Appearance
	for _, v := range c.Variants {
		out = append(out, v.Appearances...)
	}
	slices.SortStableFunc(out, Earlier)
	return out
}

// Negated reports whether a text holds a negator (not, never, no, n't …);
// clusters never join a statement with its negation, however alike the
// words.
type Negated func(text string) bool

// Clusters groups the claims speaker said into clusters of variants
// (similar.Cluster at ClusterThreshold, single linkage), then splits each
// cluster by negated(text), so that "will create jobs" and "will not
// create jobs" stay apart. negated may be nil. Clusters are ordered by
// first appearance.
func Clusters(ctx context.Context, r graph.Reader, speaker string, negated Negated) ([]ClaimCluster, error) {
	claims, err := Appearances(ctx, r, speaker)
	if err != nil {
		return nil, err
	}
	texts := make([]string, len(claims))
	for i, c := range claims {
		texts[i] = c.Claim.Text
	}
	var out []ClaimCluster
	for _, g := range similar.Cluster(texts, ClusterThreshold) {
		parts := map[bool][]ClaimAppearances{}
		var order []bool
		for _, i := range g {
			neg := negated != nil && negated(texts[i])
			if _, ok := parts[neg]; !ok {
				order = append(order, neg)
			}
			parts[neg] = append(parts[neg], claims[i])
		}
		for _, neg := range order {
			out = append(out, ClaimCluster{Variants: parts[neg]})
		}
	}
	slices.SortStableFunc(out, func(a, b ClaimCluster) int { return Earlier(a.First(), b.First()) })
	return out, nil
}
