package export

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/claimgraph/claimgraph/graph"
)

// Filter chooses the part of a graph to export. The zero Filter selects
// everything (and a writer given the graph.Reader itself streams it instead).
type Filter struct {
	// Focus holds node IDs to start from; when set, only nodes within Depth
	// hops of them (following edges either way) are selected. Focus nodes
	// are always kept, whatever Kinds says.
	Focus []string
	// Depth is the number of hops from Focus: 0 selects the focus nodes
	// alone, 1 adds their neighbours, and so on. Negative is an error.
	Depth int
	// Rels keeps only edges of these relations (all when empty); with Focus,
	// only these relations are followed.
	Rels []graph.Rel
	// Kinds keeps only nodes of these kinds (all when empty); with Focus,
	// the walk does not pass through nodes of other kinds.
	Kinds []graph.Kind
	// Since and Until (YYYY-MM-DD, inclusive, either may be empty) keep only
	// edges whose article is dated within the range, and the nodes they
	// touch. An edge with no article or an undated one is dropped when a
	// range is set.
	Since, Until string
	// MaxNodes, with Focus, stops the walk once that many nodes are
	// selected (0: no bound), nearest hops first; the View says so
	// (Truncated). A picture of a hub's whole neighbourhood is otherwise
	// hundreds of thousands of nodes held in memory.
	MaxNodes int
}

// IsZero reports whether f selects the whole graph.
func (f Filter) IsZero() bool {
	return len(f.Focus) == 0 && len(f.Rels) == 0 && len(f.Kinds) == 0 &&
		f.Since == "" && f.Until == ""
}

func (f Filter) validate() error {
	if f.Depth < 0 {
		return fmt.Errorf("depth %d: must be 0 or more", f.Depth)
	}
	if f.MaxNodes < 0 {
		return fmt.Errorf("max nodes %d: must be 0 or more", f.MaxNodes)
	}
	for _, d := range []struct{ name, val string }{{"since", f.Since}, {"until", f.Until}} {
		if d.val == "" {
			continue
		}
		if _, err := time.Parse(time.DateOnly, d.val); err != nil {
			return fmt.Errorf("%s %q: want a date YYYY-MM-DD", d.name, d.val)
		}
	}
	if f.Since != "" && f.Until != "" && f.Since > f.Until {
		return fmt.Errorf("since %s is after until %s", f.Since, f.Until)
	}
	for _, r := range f.Rels {
		if !r.Valid() {
			return fmt.Errorf("relation %q: unknown", r)
		}
	}
	for _, k := range f.Kinds {
		if !k.Valid() {
			return fmt.Errorf("kind %q: unknown", k)
		}
	}
	return nil
}

// Select returns the nodes and edges of r that f keeps, held in memory for
// the writers that need the whole picture (DOT) or for a filtered export.
// With Focus it walks r.Neighbors breadth-first in both directions up to
// Depth hops and returns the selected nodes with every kept edge among
// them; without Focus it scans all edges (and, when neither Rels nor a date
// range is set, all nodes). A focus ID that does not exist is an error
// wrapping graph.ErrNotFound.
func Select(ctx context.Context, r graph.Reader, f Filter) (*View, error) {
	if err := f.validate(); err != nil {
		return nil, fmt.Errorf("export filter: %w", err)
	}
	s := &selector{r: r, f: f, dates: map[string]string{}, nodes: map[string]graph.Node{}}
	if len(f.Focus) > 0 {
		return s.focus(ctx)
	}
	return s.scan(ctx)
}

type selector struct {
	r     graph.Reader
	f     Filter
	cut   bool                  // the walk stopped at f.MaxNodes
	dates map[string]string     // article ID -> date ("" when undated or missing)
	nodes map[string]graph.Node // nodes fetched so far
}

// edgeOK reports whether e passes the relation and date filters.
func (s *selector) edgeOK(ctx context.Context, e graph.Edge) (bool, error) {
	if len(s.f.Rels) > 0 && !slices.Contains(s.f.Rels, e.Rel) {
		return false, nil
	}
	if s.f.Since == "" && s.f.Until == "" {
		return true, nil
	}
	if e.Article == "" {
		return false, nil
	}
	d, err := s.articleDate(ctx, e.Article)
	if err != nil || d == "" {
		return false, err
	}
	return (s.f.Since == "" || d >= s.f.Since) && (s.f.Until == "" || d <= s.f.Until), nil
}

func (s *selector) articleDate(ctx context.Context, id string) (string, error) {
	if d, ok := s.dates[id]; ok {
		return d, nil
	}
	n, ok, err := s.node(ctx, id)
	if err != nil {
		return "", err
	}
	d := ""
	if ok && len(n.Date) >= len(time.DateOnly) {
		d = n.Date[:len(time.DateOnly)]
	}
	s.dates[id] = d
	return d, nil
}

// node fetches a node through the cache; ok is false when it does not exist.
func (s *selector) node(ctx context.Context, id string) (graph.Node, bool, error) {
	if n, ok := s.nodes[id]; ok {
		return n, true, nil
	}
	n, err := s.r.Node(ctx, id)
	if errors.Is(err, graph.ErrNotFound) {
		return graph.Node{}, false, nil
	}
	if err != nil {
		return graph.Node{}, false, fmt.Errorf("read node %q: %w", id, err)
	}
	s.nodes[id] = n
	return n, true, nil
}

func (s *selector) kindOK(k graph.Kind) bool {
	return len(s.f.Kinds) == 0 || slices.Contains(s.f.Kinds, k)
}

// scan selects without a focus: every edge passing the filters, and either
// every node of a kept kind or only the nodes the kept edges touch.
func (s *selector) scan(ctx context.Context) (*View, error) {
	var edges []graph.Edge
	touched := map[string]bool{}
	for e, err := range s.r.Edges(ctx) {
		if err != nil {
			return nil, wrap("read edges", err)
		}
		ok, err := s.edgeOK(ctx, e)
		if err != nil {
			return nil, err
		}
		if ok {
			edges = append(edges, e)
			touched[e.From], touched[e.To] = true, true
		}
	}
	var nodes []graph.Node
	if len(s.f.Rels) == 0 && s.f.Since == "" && s.f.Until == "" {
		for n, err := range s.r.Nodes(ctx) {
			if err != nil {
				return nil, wrap("read nodes", err)
			}
			if s.kindOK(n.Kind) {
				nodes = append(nodes, n)
			}
		}
		return NewView(nodes, edges), nil
	}
	for id := range touched {
		n, ok, err := s.node(ctx, id)
		if err != nil {
			return nil, err
		}
		if ok && s.kindOK(n.Kind) {
			nodes = append(nodes, n)
		}
	}
	return NewView(nodes, edges), nil
}

// focus selects the neighbourhood of the focus nodes.
func (s *selector) focus(ctx context.Context) (*View, error) {
	seen := map[string]bool{}
	var frontier []string
	for _, id := range s.f.Focus {
		if _, ok, err := s.node(ctx, id); err != nil {
			return nil, err
		} else if !ok {
			return nil, fmt.Errorf("focus %q: %w", id, graph.ErrNotFound)
		}
		if !seen[id] {
			seen[id] = true
			frontier = append(frontier, id)
		}
	}
	for range s.f.Depth {
		next, err := s.step(ctx, frontier, seen)
		if err != nil {
			return nil, err
		}
		if len(next) == 0 || s.cut {
			break
		}
		frontier = next
	}
	v, err := s.induced(ctx, seen)
	if v != nil {
		v.truncated = s.cut
	}
	return v, err
}

// step walks one hop from frontier and returns the newly reached nodes.
func (s *selector) step(ctx context.Context, frontier []string, seen map[string]bool) ([]string, error) {
	slices.Sort(frontier)
	var next []string
	for _, id := range frontier {
		for e, err := range s.r.Neighbors(ctx, id, graph.Both, s.f.Rels...) {
			if err != nil {
				return nil, wrap("read neighbours of "+id, err)
			}
			other := e.To
			if other == id {
				other = e.From
			}
			if seen[other] {
				continue
			}
			ok, err := s.reachable(ctx, e, other)
			if err != nil {
				return nil, err
			}
			if !ok {
				continue
			}
			if s.f.MaxNodes > 0 && len(seen) >= s.f.MaxNodes {
				s.cut = true
				return next, nil
			}
			seen[other] = true
			next = append(next, other)
		}
	}
	return next, nil
}

// reachable reports whether the walk may cross e to other.
func (s *selector) reachable(ctx context.Context, e graph.Edge, other string) (bool, error) {
	ok, err := s.edgeOK(ctx, e)
	if err != nil || !ok {
		return false, err
	}
	n, ok, err := s.node(ctx, other)
	if err != nil || !ok {
		return false, err
	}
	return s.kindOK(n.Kind), nil
}

// induced returns the selected nodes and every kept edge between two of them.
func (s *selector) induced(ctx context.Context, seen map[string]bool) (*View, error) {
	nodes := make([]graph.Node, 0, len(seen))
	var edges []graph.Edge
	for id := range seen {
		n, _, err := s.node(ctx, id)
		if err != nil {
			return nil, err
		}
		nodes = append(nodes, n)
		for e, err := range s.r.Neighbors(ctx, id, graph.Out, s.f.Rels...) {
			if err != nil {
				return nil, wrap("read neighbours of "+id, err)
			}
			if !seen[e.To] {
				continue
			}
			ok, err := s.edgeOK(ctx, e)
			if err != nil {
				return nil, err
			}
			if ok {
				edges = append(edges, e)
			}
		}
	}
	return NewView(nodes, edges), nil
}

func wrap(what string, err error) error { return fmt.Errorf("export: %s: %w", what, err) }
