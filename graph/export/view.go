package export

import (
	"cmp"
	"context"
	"iter"
	"slices"

	"github.com/claimgraph/claimgraph/graph"
)

// Source is what the writers read: the nodes in ID order and the edges in
// (From, Rel, To, Article) order. A graph.Reader is a Source that streams
// the whole graph; a *View is a Source held in memory.
type Source interface {
	Nodes(ctx context.Context) iter.Seq2[graph.Node, error]
	Edges(ctx context.Context) iter.Seq2[graph.Edge, error]
}

// View is a selected part of a graph held in memory: nodes sorted by ID,
// edges sorted by (From, Rel, To, Article), every edge's endpoints among the
// nodes. Select makes one; NewView builds one from slices.
type View struct {
	nodes     []graph.Node
	edges     []graph.Edge
	index     map[string]int
	truncated bool // Select stopped at Filter.MaxNodes
}

// Truncated reports whether Select stopped its walk at Filter.MaxNodes, so
// that the view holds only part of the neighbourhood asked for.
func (v *View) Truncated() bool { return v.truncated }

// NewView returns a View of nodes and edges. It sorts both, keeps the first
// of nodes with the same ID and of edges with the same key, and drops edges
// whose endpoints are not among the nodes, so that every drawn edge has both
// ends.
func NewView(nodes []graph.Node, edges []graph.Edge) *View {
	ns := slices.Clone(nodes)
	slices.SortStableFunc(ns, func(a, b graph.Node) int { return cmp.Compare(a.ID, b.ID) })
	ns = slices.CompactFunc(ns, func(a, b graph.Node) bool { return a.ID == b.ID })
	v := &View{nodes: ns, index: make(map[string]int, len(ns))}
	for i, n := range ns {
		v.index[n.ID] = i
	}
	es := make([]graph.Edge, 0, len(edges))
	for _, e := range edges {
		if v.Has(e.From) && v.Has(e.To) {
			es = append(es, e)
		}
	}
	slices.SortStableFunc(es, func(a, b graph.Edge) int { return a.Key().Compare(b.Key()) })
	v.edges = slices.CompactFunc(es, func(a, b graph.Edge) bool { return a.Key() == b.Key() })
	return v
}

// LoadView reads all of src into a View.
func LoadView(ctx context.Context, src Source) (*View, error) {
	var nodes []graph.Node
	for n, err := range src.Nodes(ctx) {
		if err != nil {
			return nil, wrap("read nodes", err)
		}
		nodes = append(nodes, n)
	}
	var edges []graph.Edge
	for e, err := range src.Edges(ctx) {
		if err != nil {
			return nil, wrap("read edges", err)
		}
		edges = append(edges, e)
	}
	return NewView(nodes, edges), nil
}

// Nodes yields the view's nodes in ID order.
func (v *View) Nodes(ctx context.Context) iter.Seq2[graph.Node, error] {
	return yieldSlice(ctx, v.nodes)
}

// Edges yields the view's edges in (From, Rel, To, Article) order.
func (v *View) Edges(ctx context.Context) iter.Seq2[graph.Edge, error] {
	return yieldSlice(ctx, v.edges)
}

// Node returns the node with the given ID and whether the view holds it.
func (v *View) Node(id string) (graph.Node, bool) {
	i, ok := v.index[id]
	if !ok {
		return graph.Node{}, false
	}
	return v.nodes[i], true
}

// Has reports whether the view holds the node id.
func (v *View) Has(id string) bool {
	_, ok := v.index[id]
	return ok
}

// Len returns the number of nodes and edges in the view.
func (v *View) Len() (nodes, edges int) { return len(v.nodes), len(v.edges) }

func yieldSlice[T any](ctx context.Context, items []T) iter.Seq2[T, error] {
	return func(yield func(T, error) bool) {
		for i, it := range items {
			if i%1024 == 0 {
				if err := ctx.Err(); err != nil {
					var zero T
					yield(zero, err)
					return
				}
			}
			if !yield(it, nil) {
				return
			}
		}
	}
}
