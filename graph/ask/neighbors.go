package ask

import (
	"cmp"
	"context"
	"iter"
	"slices"

	"github.com/claimgraph/claimgraph/graph"
)

// NeighborRow is a node reached from the start, how far away it is, and the
// edge that first reached it.
type NeighborRow struct {
	Depth int
	Node  graph.Node
	Via   EdgeRow
}

// Neighbors yields the nodes within depth hops of the nodes called name,
// breadth-first, following edges of rels (all when empty) either way. Each
// node is yielded once, with the edge that first reached it.
func Neighbors(ctx context.Context, r graph.Reader, name string, depth int, rels ...graph.Rel) iter.Seq2[NeighborRow, error] {
	return func(yield func(NeighborRow, error) bool) {
		starts, err := Resolve(ctx, r, name)
		if err != nil {
			yield(NeighborRow{}, err)
			return
		}
		nodes := newNodeCache(r)
		seen := map[string]bool{}
		frontier := ids(starts)
		for _, id := range frontier {
			seen[id] = true
		}
		for d := 1; d <= depth && len(frontier) > 0; d++ {
			var next []string
			for _, id := range frontier {
				for e, err := range r.Neighbors(ctx, id, graph.Both, rels...) {
					if err != nil {
						yield(NeighborRow{}, err)
						return
					}
					n := otherEnd(e, id)
					if seen[n] {
						continue
					}
					seen[n] = true
					next = append(next, n)
					row, err := edgeRow(ctx, nodes, e)
					if err != nil {
						yield(NeighborRow{}, err)
						return
					}
					node := row.To
					if node.ID != n {
						node = row.From
					}
					if !yield(NeighborRow{Depth: d, Node: node, Via: row}, nil) {
						return
					}
				}
			}
			frontier = next
		}
	}
}

// TimelineRow is a claim by or about an entity, dated by its article.
type TimelineRow struct {
	SaidRow
	// Role is "by" when the entity said the claim, "about" when the claim
	// is about it.
	Role string
}

// Timeline returns the claims said by and about the entities called name,
// in article date order (undated last), then by speaker and claim.
func Timeline(ctx context.Context, r graph.Reader, name string) ([]TimelineRow, error) {
	var rows []TimelineRow
	seen := map[graph.EdgeKey]bool{}
	nodes, err := Resolve(ctx, r, name)
	if err != nil {
		return nil, err
	}
	for _, n := range nodes {
		for _, q := range []struct {
			role string
			q    SaidQuery
		}{{"by", SaidQuery{By: n.ID}}, {"about", SaidQuery{About: n.ID}}} {
			if q.role == "by" && !n.Kind.IsSpeaker() {
				continue
			}
			for row, err := range Said(ctx, r, q.q) {
				if err != nil {
					return nil, err
				}
				if seen[row.Edge.Key()] {
					continue
				}
				seen[row.Edge.Key()] = true
				rows = append(rows, TimelineRow{SaidRow: row, Role: q.role})
			}
		}
	}
	slices.SortStableFunc(rows, func(a, b TimelineRow) int {
		da, db := a.Article.Date, b.Article.Date
		if (da == "") != (db == "") {
			return cmp.Compare(db, da) // undated last
		}
		return cmp.Or(cmp.Compare(da, db), cmp.Compare(a.Speaker.Name, b.Speaker.Name), cmp.Compare(a.Claim.Text, b.Claim.Text))
	})
	return rows, nil
}

// Search yields the said rows of claims whose text holds every word of
// text, from the store's token index. Claims nobody is recorded as saying
// are yielded with an empty Speaker.
func Search(ctx context.Context, r graph.Reader, s graph.Searcher, text string) iter.Seq2[SaidRow, error] {
	return func(yield func(SaidRow, error) bool) {
		nodes := newNodeCache(r)
		for id, err := range s.SearchClaims(ctx, text) {
			if err != nil {
				yield(SaidRow{}, err)
				return
			}
			claim, err := nodes.get(ctx, id)
			if err != nil {
				yield(SaidRow{}, err)
				return
			}
			any := false
			for e, err := range r.Neighbors(ctx, id, graph.In, graph.Said) {
				if err != nil {
					yield(SaidRow{}, err)
					return
				}
				any = true
				row, err := edgeRow(ctx, nodes, e)
				if !yield(SaidRow{Speaker: row.From, Claim: claim, Article: row.Article, Edge: e}, err) || err != nil {
					return
				}
			}
			if !any && !yield(SaidRow{Claim: claim}, nil) {
				return
			}
		}
	}
}
