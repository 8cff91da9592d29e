package ask

import (
	"context"
	"iter"
	"slices"

	"github.com/claimgraph/claimgraph/graph"
)

// near looks for a path of one or two edges between the nodes of from and
// those of to before the breadth-first search runs. Between two hubs of a
// large archive (hundreds of thousands of claims each) the search's first
// level alone is more nodes than it may visit, though such hubs are
// usually two edges apart: a claim one made about the other, a party
// both belong to. One edge is a direct look-up (graph.EdgeFinder); two
// edges is a node adjacent to both sides, found by walking the neighbours
// of both sides together in the order of their far ends (Readers yield
// each direction and relation sorted by it) until the walks meet, which
// needs neither side's level in memory and usually stops early. It
// reports found false when the paths are longer (or a Reader's order is
// not the one the walk relies on, or the walk reaches the visit bound);
// the search then runs as before. Paths it finds are shortest: a
// two-edge path only once no edge joins the sides.
func (s *pathSearch) near(ctx context.Context, from, to []string) (start string, edges []graph.Edge, found bool, err error) {
	for _, a := range from {
		if slices.Contains(to, a) {
			return "", nil, false, nil // no edge at all: the search says so
		}
	}
	if s.opt.MaxDepth < 1 {
		return "", nil, false, nil
	}
	for _, a := range from {
		for _, b := range to {
			e, ok, err := s.direct(ctx, a, b)
			if err != nil || ok {
				return a, []graph.Edge{e}, ok, err
			}
		}
	}
	if s.opt.MaxDepth < 2 {
		return "", nil, false, nil
	}
	pulled := 0 // edges read by both walks, bounded like the search's visits
	fw, tw := s.walk(ctx, from, &pulled), s.walk(ctx, to, &pulled)
	defer fw.stop()
	defer tw.stop()
	ends := append(slices.Clone(from), to...)
	for fw.ok() && tw.ok() && pulled <= s.opt.MaxVisits {
		switch f, t := fw.far(), tw.far(); {
		case f < t:
			fw.next()
		case f > t:
			tw.next()
		case slices.Contains(ends, f):
			fw.next()
		default:
			e1, e2 := fw.edge(), tw.edge()
			return otherEnd(e1, f), []graph.Edge{e1, e2}, true, nil
		}
	}
	for _, err := range []error{fw.err, tw.err} {
		if err != nil && err != errUnordered {
			return "", nil, false, err
		}
	}
	return "", nil, false, nil
}

// direct returns an edge between a and b in either direction, if any.
func (s *pathSearch) direct(ctx context.Context, a, b string) (graph.Edge, bool, error) {
	for _, p := range [][2]string{{a, b}, {b, a}} {
		for e, err := range edgesBetween(ctx, s.r, p[0], p[1], s.opt.Rels) {
			return e, err == nil, err
		}
	}
	return graph.Edge{}, false, nil
}

// edgesBetween yields the edges from a to b with one of rels, by
// graph.EdgeFinder when r has it, else by filtering a's out-edges.
func edgesBetween(ctx context.Context, r graph.Reader, a, b string, rels []graph.Rel) iter.Seq2[graph.Edge, error] {
	if f, ok := r.(graph.EdgeFinder); ok {
		return f.EdgesBetween(ctx, a, b, rels...)
	}
	return func(yield func(graph.Edge, error) bool) {
		for e, err := range r.Neighbors(ctx, a, graph.Out, rels...) {
			if (err != nil || e.To == b) && !yield(e, err) {
				return
			}
		}
	}
}

// sideWalk merges the neighbour streams of a side's nodes, one per node,
// direction and relation, into one walk ordered by far end.
type sideWalk struct {
	pulled  *int // edges read, shared by both sides
	streams []*stream
	cur     *stream // the stream with the smallest far end, nil when all ended
	err     error
}

// stream is one Neighbors iterator being pulled.
type stream struct {
	at    string // the side's node
	next  func() (graph.Edge, error, bool)
	stop  func()
	e     graph.Edge
	far   string
	valid bool
}

func (s *pathSearch) walk(ctx context.Context, nodes []string, pulled *int) *sideWalk {
	w := &sideWalk{pulled: pulled}
	for _, id := range nodes {
		for _, rel := range s.opt.Rels {
			for _, dir := range []graph.Direction{graph.Out, graph.In} {
				next, stop := iter.Pull2(s.r.Neighbors(ctx, id, dir, rel))
				st := &stream{at: id, next: next, stop: stop}
				w.advance(st)
				w.streams = append(w.streams, st)
			}
		}
	}
	w.pick()
	return w
}

// advance moves st to its next edge; a stream that goes back in order
// ends the walk (found false, the search runs instead).
func (w *sideWalk) advance(st *stream) {
	prev := st.far
	*w.pulled++
	e, err, ok := st.next()
	if err != nil && w.err == nil {
		w.err = err
	}
	st.valid = ok && err == nil
	if !st.valid {
		return
	}
	st.e, st.far = e, otherEnd(e, st.at)
	if st.far < prev {
		w.err = errUnordered
	}
}

// errUnordered stops a walk over a Reader that does not yield neighbours
// sorted by far end; near reports it as no result, not as an error.
var errUnordered = errorString("neighbours not in order")

type errorString string

func (e errorString) Error() string { return string(e) }

// pick points cur at the stream with the smallest far end.
func (w *sideWalk) pick() {
	w.cur = nil
	for _, st := range w.streams {
		if st.valid && (w.cur == nil || st.far < w.cur.far) {
			w.cur = st
		}
	}
}

func (w *sideWalk) ok() bool         { return w.err == nil && w.cur != nil }
func (w *sideWalk) far() string      { return w.cur.far }
func (w *sideWalk) edge() graph.Edge { return w.cur.e }
func (w *sideWalk) next()            { w.advance(w.cur); w.pick() }

func (w *sideWalk) stop() {
	for _, st := range w.streams {
		st.stop()
	}
}
