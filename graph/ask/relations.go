package ask

import (
	"context"
	"iter"

	"github.com/claimgraph/claimgraph/graph"
)

// EdgeRow is an edge with the nodes at both ends and its article.
type EdgeRow struct {
	From    graph.Node
	To      graph.Node
	Article graph.Node
	Edge    graph.Edge
}

// DisputeRow is one disputes (or supports) edge into a claim, with who said
// the claim.
type DisputeRow struct {
	EdgeRow
	// Speakers are the nodes with a said edge to the disputed claim.
	Speakers []graph.Node
}

// Disputes yields the disputes edges that involve the entities called name:
// those they make, and those against claims they said. With name empty it
// yields every disputes edge. rel may be graph.Supports to ask the same
// about support.
func Disputes(ctx context.Context, r graph.Reader, name string, rel graph.Rel) iter.Seq2[DisputeRow, error] {
	return func(yield func(DisputeRow, error) bool) {
		nodes := newNodeCache(r)
		w := &walker{r: r, nodes: nodes, yield: func(e graph.Edge) (bool, error) {
			row, err := disputeRow(ctx, r, nodes, e)
			if err != nil {
				return false, err
			}
			return yield(row, nil), nil
		}}
		if err := w.disputes(ctx, name, rel); err != nil {
			yield(DisputeRow{}, err)
		}
	}
}

// walker visits edges once each and hands them to yield.
type walker struct {
	r     graph.Reader
	nodes *nodeCache
	seen  map[graph.EdgeKey]bool
	yield func(graph.Edge) (bool, error)
	done  bool
}

// visit passes e to yield unless it was seen; it reports whether to go on.
func (w *walker) visit(e graph.Edge) (bool, error) {
	if w.seen == nil {
		w.seen = map[graph.EdgeKey]bool{}
	}
	if w.seen[e.Key()] {
		return true, nil
	}
	w.seen[e.Key()] = true
	more, err := w.yield(e)
	if err != nil || !more {
		w.done = true
	}
	return more, err
}

// each visits every edge at id in direction dir with relation rel.
func (w *walker) each(ctx context.Context, id string, dir graph.Direction, rel graph.Rel, fn func(graph.Edge) (bool, error)) error {
	for e, err := range w.r.Neighbors(ctx, id, dir, rel) {
		if err != nil {
			return err
		}
		more, err := fn(e)
		if err != nil || !more {
			return err
		}
	}
	return nil
}

func (w *walker) disputes(ctx context.Context, name string, rel graph.Rel) error {
	if name == "" {
		for e, err := range w.r.Edges(ctx) {
			if err != nil {
				return err
			}
			if e.Rel != rel {
				continue
			}
			if more, err := w.visit(e); err != nil || !more {
				return err
			}
		}
		return nil
	}
	nodes, err := Resolve(ctx, w.r, name)
	if err != nil {
		return err
	}
	for _, n := range nodes {
		// What n disputes.
		if err := w.each(ctx, n.ID, graph.Out, rel, w.visit); err != nil || w.done {
			return err
		}
		// What others dispute of n's claims (or of n itself, a claim).
		claims := []string{n.ID}
		if err := w.each(ctx, n.ID, graph.Out, graph.Said, func(e graph.Edge) (bool, error) {
			claims = append(claims, e.To)
			return true, nil
		}); err != nil {
			return err
		}
		for _, c := range claims {
			if err := w.each(ctx, c, graph.In, rel, w.visit); err != nil || w.done {
				return err
			}
		}
	}
	return nil
}

func disputeRow(ctx context.Context, r graph.Reader, nodes *nodeCache, e graph.Edge) (DisputeRow, error) {
	row, err := edgeRow(ctx, nodes, e)
	if err != nil {
		return DisputeRow{}, err
	}
	d := DisputeRow{EdgeRow: row}
	for s, err := range r.Neighbors(ctx, e.To, graph.In, graph.Said) {
		if err != nil {
			return d, err
		}
		n, err := nodes.get(ctx, s.From)
		if err != nil {
			return d, err
		}
		if len(d.Speakers) == 0 || d.Speakers[len(d.Speakers)-1].ID != n.ID {
			d.Speakers = append(d.Speakers, n)
		}
	}
	return d, nil
}

// edgeRow reads the nodes at both ends of e and its article (without the
// article's text).
func edgeRow(ctx context.Context, nodes *nodeCache, e graph.Edge) (EdgeRow, error) {
	row := EdgeRow{Edge: e}
	var err error
	if row.From, err = nodes.get(ctx, e.From); err != nil {
		return row, err
	}
	if row.To, err = nodes.get(ctx, e.To); err != nil {
		return row, err
	}
	if e.Article != "" {
		if row.Article, err = nodes.get(ctx, e.Article); err != nil {
			return row, err
		}
		row.Article.Text = ""
	}
	return row, nil
}

// Members yields the member-of edges into the parties or organizations
// called name, with the member, the role and the evidence.
func Members(ctx context.Context, r graph.Reader, name string) iter.Seq2[EdgeRow, error] {
	return func(yield func(EdgeRow, error) bool) {
		groups, err := Resolve(ctx, r, name, graph.Party, graph.Organization)
		if err != nil {
			yield(EdgeRow{}, err)
			return
		}
		nodes := newNodeCache(r)
		for _, g := range groups {
			for e, err := range r.Neighbors(ctx, g.ID, graph.In, graph.MemberOf) {
				if err != nil {
					yield(EdgeRow{}, err)
					return
				}
				row, err := edgeRow(ctx, nodes, e)
				if !yield(row, err) || err != nil {
					return
				}
			}
		}
	}
}
