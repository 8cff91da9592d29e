package mem

import (
	"cmp"
	"context"
	"fmt"
	"iter"
	"slices"
	"sync"

	"github.com/claimgraph/claimgraph/graph"
)

// Graph is an in-memory graph.Store. The zero value is not usable; call New.
type Graph struct {
	mu    sync.RWMutex
	nodes map[string]graph.Node
	edges map[graph.EdgeKey]graph.Edge
}

// New returns an empty graph.
func New() *Graph {
	return &Graph{nodes: map[string]graph.Node{}, edges: map[graph.EdgeKey]graph.Edge{}}
}

// Write implements graph.Writer.
func (g *Graph) Write(ctx context.Context, subs []graph.Subgraph) (graph.WriteStats, error) {
	g.mu.Lock()
	defer g.mu.Unlock()
	var st graph.WriteStats
	for _, s := range subs {
		if s.Article != "" {
			if _, ok := g.nodes[s.Article]; ok {
				st.Unchanged++
				continue
			}
			st.Articles++
		}
		for _, n := range s.Nodes {
			old, ok := g.nodes[n.ID]
			if !ok {
				st.Nodes++
				n.Aliases = graph.MergeAliases(n.Name, n.Aliases)
				g.nodes[n.ID] = n
				continue
			}
			old.Merge(n)
			g.nodes[n.ID] = old
		}
		for _, e := range s.Edges {
			if _, ok := g.edges[e.Key()]; !ok {
				st.Edges++
				g.edges[e.Key()] = e
			}
		}
	}
	return st, ctx.Err()
}

// Node implements graph.Reader.
func (g *Graph) Node(_ context.Context, id string) (graph.Node, error) {
	g.mu.RLock()
	defer g.mu.RUnlock()
	n, ok := g.nodes[id]
	if !ok {
		return graph.Node{}, fmt.Errorf("node %q: %w", id, graph.ErrNotFound)
	}
	return n, nil
}

// Lookup implements graph.Reader.
func (g *Graph) Lookup(_ context.Context, name string) ([]string, error) {
	g.mu.RLock()
	defer g.mu.RUnlock()
	key := graph.NormalizeName(name)
	var ids []string
	for id, n := range g.nodes {
		if n.Kind == graph.Claim || n.Kind == graph.Article {
			continue
		}
		for _, nm := range n.Names() {
			if graph.NormalizeName(nm) == key {
				ids = append(ids, id)
				break
			}
		}
	}
	slices.Sort(ids)
	return ids, nil
}

// Neighbors implements graph.Reader.
func (g *Graph) Neighbors(ctx context.Context, id string, dir graph.Direction, rels ...graph.Rel) iter.Seq2[graph.Edge, error] {
	g.mu.RLock()
	var out []graph.Edge
	for _, d := range []graph.Direction{graph.Out, graph.In} {
		if dir != graph.Both && dir != d {
			continue
		}
		var part []graph.Edge
		for _, e := range g.edges {
			end := e.From
			if d == graph.In {
				end = e.To
			}
			if end == id && (len(rels) == 0 || slices.Contains(rels, e.Rel)) {
				part = append(part, e)
			}
		}
		slices.SortFunc(part, func(a, b graph.Edge) int {
			if d == graph.In {
				return graph.EdgeKey{From: a.To, Rel: a.Rel, To: a.From, Article: a.Article}.Compare(
					graph.EdgeKey{From: b.To, Rel: b.Rel, To: b.From, Article: b.Article})
			}
			return a.Key().Compare(b.Key())
		})
		out = append(out, part...)
	}
	g.mu.RUnlock()
	return yieldAll(ctx, out)
}

// NodesOfKind implements graph.Reader.
func (g *Graph) NodesOfKind(ctx context.Context, k graph.Kind) iter.Seq2[graph.Node, error] {
	return g.sortedNodes(ctx, func(n graph.Node) bool { return n.Kind == k })
}

// Nodes implements graph.Reader.
func (g *Graph) Nodes(ctx context.Context) iter.Seq2[graph.Node, error] {
	return g.sortedNodes(ctx, func(graph.Node) bool { return true })
}

// Edges implements graph.Reader.
func (g *Graph) Edges(ctx context.Context) iter.Seq2[graph.Edge, error] {
	g.mu.RLock()
	out := make([]graph.Edge, 0, len(g.edges))
	for _, e := range g.edges {
		out = append(out, e)
	}
	g.mu.RUnlock()
	slices.SortFunc(out, func(a, b graph.Edge) int { return a.Key().Compare(b.Key()) })
	return yieldAll(ctx, out)
}

func (g *Graph) sortedNodes(ctx context.Context, keep func(graph.Node) bool) iter.Seq2[graph.Node, error] {
	g.mu.RLock()
	var out []graph.Node
	for _, n := range g.nodes {
		if keep(n) {
			out = append(out, n)
		}
	}
	g.mu.RUnlock()
	slices.SortFunc(out, func(a, b graph.Node) int { return cmp.Compare(a.ID, b.ID) })
	return yieldAll(ctx, out)
}

// yieldAll yields items, ending with ctx's error once it is cancelled.
func yieldAll[T any](ctx context.Context, items []T) iter.Seq2[T, error] {
	return func(yield func(T, error) bool) {
		for _, it := range items {
			if err := ctx.Err(); err != nil {
				var zero T
				yield(zero, err)
				return
			}
			if !yield(it, nil) {
				return
			}
		}
		if err := ctx.Err(); err != nil {
			var zero T
			yield(zero, err)
		}
	}
}
