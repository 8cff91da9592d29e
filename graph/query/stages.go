package query

import (
	"errors"
	"fmt"
	"iter"
	"slices"

	"github.com/claimgraph/claimgraph/graph"
)

// stage is one operator of a running query. Rows are pushed through the
// stages depth first, so a row flows to the end before the next is read.
// Stages write their variables into the row in place; a stage that keeps
// rows (sorting, aggregation) copies them.
type stage interface {
	// push offers one row; false asks the caller to send no more.
	push(row []any) bool
	// finish says the input is over: barriers emit what they hold.
	finish()
}

// stageSpec is a planned operator; build makes its running form.
type stageSpec interface {
	build(x *exec, next stage) (stage, error)
}

// isBarrier reports whether s must see all its input before emitting.
func isBarrier(s stageSpec) bool {
	p, ok := s.(*projectSpec)
	return ok && (p.aggregating || len(p.order) > 0)
}

// build makes the running pipeline ending in emit, which receives the
// output rows.
func (p *program) build(x *exec, emit func([]any) bool) (stage, error) {
	x.nslots = p.nslots
	var next stage = &sink{x: x, slots: p.outSlots, emit: emit}
	return buildChain(x, p.stages, next)
}

func buildChain(x *exec, specs []stageSpec, next stage) (stage, error) {
	for i := len(specs) - 1; i >= 0; i-- {
		s, err := specs[i].build(x, next)
		if err != nil {
			return nil, err
		}
		next = s
	}
	return next, nil
}

// sink turns the returned columns into plain values.
type sink struct {
	x     *exec
	slots []int
	emit  func([]any) bool
}

func (s *sink) push(row []any) bool {
	out := make([]any, len(s.slots))
	for i, slot := range s.slots {
		v, err := s.x.output(row[slot])
		if err != nil {
			return s.x.fail(err)
		}
		out[i] = v
	}
	if s.emit == nil || !s.emit(out) {
		s.x.stopped = true
		return false
	}
	return true
}

func (s *sink) finish() {}

// through is the part of a stage that passes finish along.
type through struct{ next stage }

func (t through) finish() { t.next.finish() }

// filterSpec keeps the rows for which fn is true; pos locates the
// condition for an error when it is not a boolean.
type filterSpec struct {
	fn  evalFn
	pos int
}

type filterStage struct {
	through
	x   *exec
	fn  evalFn
	pos int
}

func (s *filterSpec) build(x *exec, next stage) (stage, error) {
	return &filterStage{through{next}, x, s.fn, s.pos}, nil
}

func (st *filterStage) push(row []any) bool {
	v, err := st.fn(st.x, row)
	if err != nil {
		return st.x.fail(err)
	}
	switch v {
	case true:
		return st.next.push(row)
	case false, nil:
		return true
	}
	return st.x.fail(st.x.rtErr(st.pos, "WHERE needs a boolean condition, not %s", aType(v)))
}

// accessMethod is how a start node is found.
type accessMethod int

const (
	byID accessMethod = iota
	byName
	byKind
	allNodes
)

// startSpec binds a node that nothing earlier in the clause reaches.
type startSpec struct {
	slot     int
	method   accessMethod
	key      evalFn
	kinds    []graph.Kind
	hasKinds bool
}

type startStage struct {
	through
	x *exec
	s *startSpec
}

func (s *startSpec) build(x *exec, next stage) (stage, error) {
	return &startStage{through{next}, x, s}, nil
}

func (st *startStage) push(row []any) bool {
	x, s := st.x, st.s
	switch s.method {
	case byID:
		return st.byID(row)
	case byName:
		return st.byName(row)
	case byKind:
		for _, k := range s.kinds {
			if !st.scan(row, x.r.NodesOfKind(x.ctx, k)) {
				return false
			}
		}
		return true
	}
	return st.scan(row, x.r.Nodes(x.ctx))
}

// kindOK reports whether n has one of the wanted kinds.
func kindOK(x *exec, n *nodeRef, has bool, kinds []graph.Kind) (bool, error) {
	if !has {
		return true, nil
	}
	k, err := x.kindOf(n)
	return slices.Contains(kinds, k), err
}

func (st *startStage) emit(row []any, n *nodeRef) bool {
	ok, err := kindOK(st.x, n, st.s.hasKinds, st.s.kinds)
	if err != nil {
		return st.x.fail(err)
	}
	if !ok {
		return true
	}
	row[st.s.slot] = n
	return st.next.push(row)
}

func (st *startStage) byID(row []any) bool {
	x := st.x
	v, err := st.s.key(x, row)
	if err != nil {
		return x.fail(err)
	}
	id, ok := v.(string)
	if !ok {
		return true
	}
	node, err := x.r.Node(x.ctx, id)
	switch {
	case errors.Is(err, graph.ErrNotFound):
		return true
	case err != nil:
		return x.fail(x.storeErr(err, "reading node %s", id))
	}
	x.nodesRead++
	return st.emit(row, &nodeRef{id: id, kind: node.Kind, n: &node})
}

func (st *startStage) byName(row []any) bool {
	x := st.x
	v, err := st.s.key(x, row)
	if err != nil {
		return x.fail(err)
	}
	name, ok := v.(string)
	if !ok {
		return true
	}
	l, err := x.lookup(name)
	if err != nil {
		return x.fail(err)
	}
	for _, id := range l.ids {
		if !x.tick() || !st.emit(row, newNodeRef(id)) {
			return false
		}
	}
	return true
}

func (st *startStage) scan(row []any, seq iter.Seq2[graph.Node, error]) bool {
	x := st.x
	for n, err := range seq {
		if err != nil {
			return x.fail(x.storeErr(err, "scanning nodes"))
		}
		if !x.tick() {
			return false
		}
		x.nodesRead++
		node := n
		if !st.emit(row, &nodeRef{id: n.ID, kind: n.Kind, n: &node}) {
			return false
		}
	}
	return true
}

// checkNodeSpec checks a variable bound by an earlier clause: a node,
// with the labels this clause gives it.
type checkNodeSpec struct {
	slot     int
	name     string
	kinds    []graph.Kind
	hasKinds bool
	pos      int
}

type checkNodeStage struct {
	through
	x *exec
	s *checkNodeSpec
}

func (s *checkNodeSpec) build(x *exec, next stage) (stage, error) {
	return &checkNodeStage{through{next}, x, s}, nil
}

func (st *checkNodeStage) push(row []any) bool {
	v := row[st.s.slot]
	if v == nil {
		return true
	}
	n, ok := v.(*nodeRef)
	if !ok {
		return st.x.fail(st.x.rtErr(st.s.pos, "%s is %s, not a node", st.s.name, aType(v)))
	}
	ok, err := kindOK(st.x, n, st.s.hasKinds, st.s.kinds)
	if err != nil {
		return st.x.fail(err)
	}
	if !ok {
		return true
	}
	return st.next.push(row)
}

// expandSpec walks relationships from a bound node.
type expandSpec struct {
	from, to, rel int
	dir           graph.Direction
	rels          []graph.Rel
	kinds         []graph.Kind
	hasKinds      bool
	into          bool // to is bound: keep the relationships that reach it
	props         []relProp
	others        []int // relationships bound earlier in the clause
	varLen        bool
	min, max      int
	fromName      string
	pos           int
}

type expandStage struct {
	through
	x       *exec
	s       *expandSpec
	max     int
	relsKey string
}

func (s *expandSpec) build(x *exec, next stage) (stage, error) {
	max := s.max
	if max < 0 {
		max = x.opt.MaxHops
	}
	return &expandStage{through{next}, x, s, max, fmt.Sprint(s.rels)}, nil
}

// otherEnd is the node an edge leads to from id.
func otherEnd(e graph.Edge, id string, dir graph.Direction) string {
	switch dir {
	case graph.Out:
		return e.To
	case graph.In:
		return e.From
	}
	if e.From == id {
		return e.To
	}
	return e.From
}

func (st *expandStage) push(row []any) bool {
	v := row[st.s.from]
	if v == nil {
		return true
	}
	from, ok := v.(*nodeRef)
	if !ok {
		return st.x.fail(st.x.rtErr(st.s.pos, "%s is %s, not a node", st.s.fromName, aType(v)))
	}
	var target *nodeRef
	if st.s.into {
		t, ok := row[st.s.to].(*nodeRef)
		if !ok {
			return true
		}
		target = t
	}
	if st.s.varLen {
		return st.walk(row, from.id, target, nil)
	}
	return st.step(row, from.id, func(e graph.Edge, other string) bool {
		if target != nil && other != target.id {
			return true
		}
		row[st.s.rel] = &edgeRef{e}
		return st.bind(row, other, target)
	})
}

// step calls f for each usable relationship at id.
func (st *expandStage) step(row []any, id string, f func(graph.Edge, string) bool) bool {
	x := st.x
	for e, err := range x.r.Neighbors(x.ctx, id, st.s.dir, st.s.rels...) {
		if err != nil {
			return x.fail(x.storeErr(err, "reading the relationships of %s", id))
		}
		if !x.tick() {
			return false
		}
		x.edgesRead++
		ok, err := st.usable(row, e)
		if err != nil {
			return x.fail(err)
		}
		if ok && !f(e, otherEnd(e, id, st.s.dir)) {
			return false
		}
	}
	return true
}

// usable checks the relationship's inline properties and that the clause
// has not bound it already (Cypher binds a relationship once per MATCH).
func (st *expandStage) usable(row []any, e graph.Edge) (bool, error) {
	k := e.Key()
	for _, slot := range st.s.others {
		switch v := row[slot].(type) {
		case *edgeRef:
			if v.e.Key() == k {
				return false, nil
			}
		case []any:
			for _, r := range v {
				if r.(*edgeRef).e.Key() == k {
					return false, nil
				}
			}
		}
	}
	for _, p := range st.s.props {
		want, err := p.fn(st.x, row)
		if err != nil {
			return false, err
		}
		if equal(edgeProp(e, p.key), want) != true {
			return false, nil
		}
	}
	return true, nil
}

// bind binds the far node, checking its labels, and passes the row on.
func (st *expandStage) bind(row []any, id string, target *nodeRef) bool {
	if target != nil {
		return st.next.push(row)
	}
	n := newNodeRef(id)
	ok, err := kindOK(st.x, n, st.s.hasKinds, st.s.kinds)
	if err != nil {
		return st.x.fail(err)
	}
	if !ok {
		return true
	}
	row[st.s.to] = n
	return st.next.push(row)
}

// walk is a depth-first variable-length expansion: each path of min to
// max relationships, none used twice, is one row.
func (st *expandStage) walk(row []any, at string, target *nodeRef, path []*edgeRef) bool {
	if len(path) >= st.s.min && (target == nil || target.id == at) {
		list := make([]any, len(path))
		for i, e := range path {
			list[i] = e
		}
		row[st.s.rel] = list
		if !st.bind(row, at, target) {
			return false
		}
	}
	if len(path) >= st.max {
		return true
	}
	return st.stepCached(row, at, func(e graph.Edge, other string) bool {
		k := e.Key()
		if slices.ContainsFunc(path, func(p *edgeRef) bool { return p.e.Key() == k }) {
			return true
		}
		st.x.expanded++
		if st.x.expanded > st.x.opt.MaxExpand {
			return st.x.fail(st.x.rtErr(st.s.pos, "variable-length expansion walked more than %d relationships (the limit); give the pattern an upper bound or a more selective start", st.x.opt.MaxExpand))
		}
		return st.walk(row, other, target, append(path, &edgeRef{e}))
	})
}

// stepCached is step for variable-length walks, which visit the same
// nodes again and again: a node's relationships are read from the store
// once per run and kept, up to adjacencyCacheSize relationships in all.
func (st *expandStage) stepCached(row []any, id string, f func(graph.Edge, string) bool) bool {
	x := st.x
	key := adjacencyKey{id: id, dir: st.s.dir, rels: st.relsKey}
	edges, ok := x.adjacency[key]
	if !ok {
		for e, err := range x.r.Neighbors(x.ctx, id, st.s.dir, st.s.rels...) {
			if err != nil {
				return x.fail(x.storeErr(err, "reading the relationships of %s", id))
			}
			if !x.tick() {
				return false
			}
			x.edgesRead++
			edges = append(edges, e)
		}
		if x.adjacencyEdges+len(edges) <= adjacencyCacheSize {
			x.adjacency[key] = edges
			x.adjacencyEdges += len(edges)
		}
	}
	for _, e := range edges {
		if !x.tick() {
			return false
		}
		ok, err := st.usable(row, e)
		if err != nil {
			return x.fail(err)
		}
		if ok && !f(e, otherEnd(e, id, st.s.dir)) {
			return false
		}
	}
	return true
}

// optionalSpec runs a clause's steps for each row and, when none match,
// passes the row on with the clause's new variables set to null.
type optionalSpec struct {
	steps    []stageSpec
	newSlots []int
}

type optionalStage struct {
	through
	sub  stage
	tail *optionalTail
	s    *optionalSpec
}

// optionalTail ends the inner steps: it notes a match and forwards it.
type optionalTail struct {
	next    stage
	matched bool
}

func (t *optionalTail) push(row []any) bool {
	t.matched = true
	return t.next.push(row)
}

func (t *optionalTail) finish() {}

func (s *optionalSpec) build(x *exec, next stage) (stage, error) {
	tail := &optionalTail{next: next}
	sub, err := buildChain(x, s.steps, tail)
	if err != nil {
		return nil, err
	}
	return &optionalStage{through{next}, sub, tail, s}, nil
}

func (st *optionalStage) push(row []any) bool {
	st.tail.matched = false
	if !st.sub.push(row) {
		return false
	}
	if st.tail.matched {
		return true
	}
	for _, slot := range st.s.newSlots {
		row[slot] = nil
	}
	return st.next.push(row)
}

// unwindSpec binds each element of a list in turn.
type unwindSpec struct {
	list evalFn
	slot int
}

type unwindStage struct {
	through
	x *exec
	s *unwindSpec
}

func (s *unwindSpec) build(x *exec, next stage) (stage, error) {
	return &unwindStage{through{next}, x, s}, nil
}

func (st *unwindStage) push(row []any) bool {
	v, err := st.s.list(st.x, row)
	if err != nil {
		return st.x.fail(err)
	}
	list, ok := v.([]any)
	switch {
	case v == nil:
		return true
	case !ok:
		list = []any{v}
	}
	for _, e := range list {
		if !st.x.tick() {
			return false
		}
		row[st.s.slot] = e
		if !st.next.push(row) {
			return false
		}
	}
	return true
}

// countSpec is a SKIP or LIMIT value.
type countSpec struct {
	fn   evalFn
	pos  int
	what string
	text string
}

func (c *countSpec) value(x *exec) (int64, error) {
	v, err := c.fn(x, nil)
	if err != nil {
		return 0, err
	}
	if f, ok := v.(float64); ok && f == float64(int64(f)) {
		v = int64(f)
	}
	n, ok := v.(int64)
	if !ok || n < 0 {
		return 0, x.rtErr(c.pos, "%s must be a non-negative integer, not %s", c.what, describeValue(v))
	}
	return n, nil
}

func describeValue(v any) string {
	if s, ok := toStringValue(v); ok {
		if _, isStr := v.(string); isStr {
			return fmt.Sprintf("the string %q", s)
		}
		return s
	}
	return aType(v)
}
