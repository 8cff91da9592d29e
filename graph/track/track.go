package track

import (
	"cmp"
	"context"
	"fmt"
	"slices"

	"github.com/claimgraph/claimgraph/graph"
)

// Appearance is one said edge of a claim with the article it came from
// (the zero Node when the edge has no article).
type Appearance struct {
	Edge    graph.Edge
	Article graph.Node
}

// ClaimAppearances is a claim with every appearance of it by one speaker,
// earliest first.
type ClaimAppearances struct {
	Claim       graph.Node
	Appearances []Appearance
}

// First returns the claim's earliest appearance.
func (c ClaimAppearances) First() Appearance {
	if len(c.Appearances) == 0 {
		return Appearance{}
	}
	return c.Appearances[0]
}

// Earlier orders appearances by article date (undated last), then article
// ID, then span.
func Earlier(a, b Appearance) int {
	da, db := a.Article.Date, b.Article.Date
	return cmp.Or(undatedLast(da, db), cmp.Compare(da, db), cmp.Compare(a.Edge.Article, b.Edge.Article), cmp.Compare(a.Edge.Start, b.Edge.Start))
}

// undatedLast orders an article date before a missing one, and is 0 when
// both or neither are there: the first key of every order by date.
func undatedLast(da, db string) int {
	switch {
	case da == "" && db != "":
		return 1
	case db == "" && da != "":
		return -1
	}
	return 0
}

// Appearances returns the claims speaker said, each with its said edges
// and articles (earliest first), ordered by first appearance.
func Appearances(ctx context.Context, r graph.Reader, speaker string) ([]ClaimAppearances, error) {
	byClaim := map[string]int{}
	var out []ClaimAppearances
	arts := newArticles(r)
	for e, err := range r.Neighbors(ctx, speaker, graph.Out, graph.Said) {
		if err != nil {
			return nil, fmt.Errorf("said edges of %s: %w", speaker, err)
		}
		i, ok := byClaim[e.To]
		if !ok {
			c, err := r.Node(ctx, e.To)
			if err != nil {
				return nil, fmt.Errorf("claim %s: %w", e.To, err)
			}
			i = len(out)
			byClaim[e.To] = i
			out = append(out, ClaimAppearances{Claim: c})
		}
		a, err := arts.get(ctx, e.Article)
		if err != nil {
			return nil, err
		}
		out[i].Appearances = append(out[i].Appearances, Appearance{Edge: e, Article: a})
	}
	for i := range out {
		slices.SortFunc(out[i].Appearances, Earlier)
	}
	slices.SortStableFunc(out, func(a, b ClaimAppearances) int {
		return cmp.Or(Earlier(a.First(), b.First()), cmp.Compare(a.Claim.ID, b.Claim.ID))
	})
	return out, nil
}

// articles caches article nodes by ID.
type articles struct {
	r    graph.Reader
	seen map[string]graph.Node
}

func newArticles(r graph.Reader) *articles { return &articles{r: r, seen: map[string]graph.Node{}} }

// get returns the article id, the zero node for "".
func (a *articles) get(ctx context.Context, id string) (graph.Node, error) {
	if id == "" {
		return graph.Node{}, nil
	}
	if n, ok := a.seen[id]; ok {
		return n, nil
	}
	n, err := a.r.Node(ctx, id)
	if err != nil {
		return n, fmt.Errorf("article %s: %w", id, err)
	}
	a.seen[id] = n
	return n, nil
}
