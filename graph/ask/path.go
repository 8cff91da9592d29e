package ask

import (
	"context"
	"errors"
	"fmt"
	"slices"

	"github.com/claimgraph/claimgraph/graph"
)

// PathOptions bound a path search.
type PathOptions struct {
	// Rels are the relations a path may use; empty means every relation but
	// mentions (two entities named in one article are not, by that alone,
	// connected).
	Rels []graph.Rel
	// MaxDepth is the longest path tried; 0 means DefaultMaxDepth.
	MaxDepth int
	// MaxVisits caps the nodes visited; 0 means DefaultMaxVisits.
	MaxVisits int
}

// The default bounds of a path search.
const (
	DefaultMaxDepth  = 6
	DefaultMaxVisits = 200_000
)

// ErrNoPath is returned when no path joins the two nodes within the bounds.
var ErrNoPath = errors.New("no path")

// ErrGaveUp is matched (besides ErrNoPath) by the error of a search that
// stopped at PathOptions.MaxVisits: a path may exist further on.
var ErrGaveUp = errors.New("gave up")

// Step is one edge of a path, walked From -> To (which may be against the
// edge's own direction: Forward says).
type Step struct {
	EdgeRow
	Forward bool
}

// Path returns a shortest chain of edges between the nodes called a and b,
// walking edges in either direction: one or two edges are looked for
// first by walking both ends' neighbours in order (see near), longer
// paths breadth-first from both ends.
func Path(ctx context.Context, r graph.Reader, a, b string, opt PathOptions) ([]Step, error) {
	if opt.MaxDepth <= 0 {
		opt.MaxDepth = DefaultMaxDepth
	}
	if opt.MaxVisits <= 0 {
		opt.MaxVisits = DefaultMaxVisits
	}
	if len(opt.Rels) == 0 {
		opt.Rels = slices.DeleteFunc(slices.Clone(graph.Rels), func(r graph.Rel) bool { return r == graph.Mentions })
	}
	from, err := Resolve(ctx, r, a)
	if err != nil {
		return nil, err
	}
	to, err := Resolve(ctx, r, b)
	if err != nil {
		return nil, err
	}
	s := &pathSearch{r: r, opt: opt}
	// the search needs only the edges' ends; the few edges of the path
	// are read again with their provenance
	shape := graph.ShapeOnly(ctx)
	start, edges, found, err := s.near(shape, ids(from), ids(to))
	if err != nil {
		return nil, err
	}
	if !found {
		if start, edges, err = s.run(shape, ids(from), ids(to)); err != nil {
			return nil, err
		}
	}
	for i := range edges {
		if edges[i], err = reread(ctx, r, edges[i]); err != nil {
			return nil, err
		}
	}
	return s.steps(ctx, start, edges)
}

// reread returns e as the reader yields it outside graph.ShapeOnly, with
// its provenance. It scans the edges at the end likely to have fewer: a
// claim's or an article's in-edges, else the out-edges of From.
func reread(ctx context.Context, r graph.Reader, e graph.Edge) (graph.Edge, error) {
	at, dir := e.From, graph.Out
	if !graph.KindOfID(e.To).IsEntity() {
		at, dir = e.To, graph.In
	}
	for x, err := range r.Neighbors(ctx, at, dir, e.Rel) {
		if err != nil {
			return e, err
		}
		if x.Key() == e.Key() {
			return x, nil
		}
	}
	return e, nil // not found again: keep what the search saw
}

func ids(nodes []graph.Node) []string {
	out := make([]string, len(nodes))
	for i, n := range nodes {
		out[i] = n.ID
	}
	return out
}

// pathSearch is a bidirectional breadth-first search; each side remembers
// the edge by which it reached a node.
type pathSearch struct {
	r      graph.Reader
	opt    PathOptions
	visits int
}

type side struct {
	via      map[string]*graph.Edge // node -> edge it was reached by (nil at a start)
	frontier []string
}

func newSide(starts []string) *side {
	s := &side{via: map[string]*graph.Edge{}}
	for _, id := range starts {
		s.via[id] = nil
		s.frontier = append(s.frontier, id)
	}
	return s
}

// run returns the node the path starts at and its edges in order.
func (s *pathSearch) run(ctx context.Context, from, to []string) (string, []graph.Edge, error) {
	fs, ts := newSide(from), newSide(to)
	for _, id := range from {
		if _, ok := ts.via[id]; ok {
			return id, nil, nil
		}
	}
	for depth := 0; depth < s.opt.MaxDepth; depth++ {
		if len(fs.frontier) == 0 || len(ts.frontier) == 0 {
			break
		}
		grow, other := fs, ts
		if len(ts.frontier) < len(fs.frontier) {
			grow, other = ts, fs
		}
		meet, err := s.expand(ctx, grow, other)
		if err != nil {
			return "", nil, err
		}
		if meet != "" {
			start, edges := join(fs, ts, meet)
			return start, edges, nil
		}
	}
	return "", nil, fmt.Errorf("%w within %d edges", ErrNoPath, s.opt.MaxDepth)
}

// expand grows one side by a level; it returns a node both sides reached.
func (s *pathSearch) expand(ctx context.Context, grow, other *side) (string, error) {
	var next []string
	for _, id := range grow.frontier {
		for e, err := range s.r.Neighbors(ctx, id, graph.Both, s.opt.Rels...) {
			if err != nil {
				return "", err
			}
			n := e.To
			if n == id {
				n = e.From
			}
			if _, ok := grow.via[n]; ok {
				continue
			}
			e := e
			grow.via[n] = &e
			if _, ok := other.via[n]; ok {
				return n, nil
			}
			next = append(next, n)
			if s.visits++; s.visits > s.opt.MaxVisits {
				return "", fmt.Errorf("%w: %w after visiting %d nodes", ErrNoPath, ErrGaveUp, s.opt.MaxVisits)
			}
		}
	}
	grow.frontier = next
	return "", nil
}

// join returns the start of fs the path begins at, and the edges from it to
// meet and on from meet to a start of ts.
func join(fs, ts *side, meet string) (string, []graph.Edge) {
	var left []graph.Edge
	start := meet
	for fs.via[start] != nil {
		e := fs.via[start]
		left = append(left, *e)
		start = otherEnd(*e, start)
	}
	slices.Reverse(left)
	for n := meet; ts.via[n] != nil; {
		e := ts.via[n]
		left = append(left, *e)
		n = otherEnd(*e, n)
	}
	return start, left
}

func otherEnd(e graph.Edge, n string) string {
	if e.From == n {
		return e.To
	}
	return e.From
}

// steps orients each edge along the path and reads its nodes.
func (s *pathSearch) steps(ctx context.Context, start string, edges []graph.Edge) ([]Step, error) {
	nodes := newNodeCache(s.r)
	var out []Step
	cur := start
	for _, e := range edges {
		row, err := edgeRow(ctx, nodes, e)
		if err != nil {
			return nil, err
		}
		fwd := e.From == cur
		if !fwd {
			row.From, row.To = row.To, row.From
		}
		out = append(out, Step{EdgeRow: row, Forward: fwd})
		cur = row.To.ID
	}
	return out, nil
}
