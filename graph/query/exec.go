package query

import (
	"context"
	"errors"
	"fmt"
	"regexp"

	"github.com/claimgraph/claimgraph/graph"
)

// Options bounds a run of a statement.
type Options struct {
	// MaxHops is the upper bound of a variable-length relationship written
	// without one (*, *2..). 0 means DefaultMaxHops.
	MaxHops int
	// MaxExpand caps the relationships one run may walk in variable-length
	// expansions; reaching it is an error. 0 means DefaultMaxExpand.
	MaxExpand int64
}

// The default limits of a run.
const (
	DefaultMaxHops   = 8
	DefaultMaxExpand = 1_000_000
)

// cache sizes: per-run caches are cleared when they reach these, except
// the adjacency cache, which stops growing.
const (
	nodeCacheSize      = 8192
	regexCacheSize     = 256
	adjacencyCacheSize = 200_000
)

// adjacencyKey names one read of a node's relationships.
type adjacencyKey struct {
	id   string
	dir  graph.Direction
	rels string
}

// exec is the state of one run: the store, the parameters, caches and the
// first error.
type exec struct {
	ctx    context.Context
	r      graph.Reader
	src    string
	params map[string]any
	opt    Options
	nslots int

	err     error
	stopped bool // an error or the consumer ended the run: emit nothing more

	ticks     int
	nodesRead int64
	edgesRead int64
	expanded  int64

	nodes        map[string]*graph.Node
	lookups      map[string]*lookupResult
	regexes      map[string]*regexp.Regexp
	claimDates   map[string]any
	articleDates map[string]string

	adjacency      map[adjacencyKey][]graph.Edge // for variable-length walks
	adjacencyEdges int
}

func newExec(ctx context.Context, r graph.Reader, st *Statement, params map[string]any, opt Options) *exec {
	if opt.MaxHops <= 0 {
		opt.MaxHops = DefaultMaxHops
	}
	if opt.MaxExpand <= 0 {
		opt.MaxExpand = DefaultMaxExpand
	}
	return &exec{
		ctx: ctx, r: r, src: st.src, params: params, opt: opt,
		nodes:        map[string]*graph.Node{},
		lookups:      map[string]*lookupResult{},
		regexes:      map[string]*regexp.Regexp{},
		claimDates:   map[string]any{},
		articleDates: map[string]string{},
		adjacency:    map[adjacencyKey][]graph.Edge{},
	}
}

// fail records err (the first one wins) and stops the run. It returns
// false so that stages can write `return x.fail(err)`.
func (x *exec) fail(err error) bool {
	if x.err == nil {
		x.err = err
	}
	x.stopped = true
	return false
}

// tick is called once per row read from the store; every so often it
// checks the context.
func (x *exec) tick() bool {
	x.ticks++
	if x.ticks&127 == 0 {
		if err := x.ctx.Err(); err != nil {
			return x.fail(x.ctxError(err))
		}
	}
	return true
}

// ctxError explains why the context ended the run, with the cause the
// caller gave the context (context.WithTimeoutCause) when there is one.
func (x *exec) ctxError(err error) error {
	read := fmt.Sprintf("after reading %d nodes and %d edges", x.nodesRead, x.edgesRead)
	if cause := context.Cause(x.ctx); cause != nil && !errors.Is(cause, err) {
		return fmt.Errorf("%v, %s: %w", cause, read, err)
	}
	if errors.Is(err, context.DeadlineExceeded) {
		return fmt.Errorf("query timed out (the timeout was hit) %s: %w", read, err)
	}
	return fmt.Errorf("query canceled %s: %w", read, err)
}

// storeErr wraps an error from the store, preferring the context's reason.
func (x *exec) storeErr(err error, format string, args ...any) error {
	if cerr := x.ctx.Err(); cerr != nil {
		return x.ctxError(cerr)
	}
	return fmt.Errorf("%s: %w", fmt.Sprintf(format, args...), err)
}

// rtErr is an error found while running, located at pos in the query.
func (x *exec) rtErr(pos int, format string, args ...any) error {
	return errAt(x.src, pos, "", format, args...)
}

// newNodeRef binds id, taking its kind from the ID's prefix when it has one.
func newNodeRef(id string) *nodeRef {
	return &nodeRef{id: id, kind: graph.KindOfID(id)}
}

// kindOf returns the node's kind, reading the node when its ID does not
// say.
func (x *exec) kindOf(n *nodeRef) (graph.Kind, error) {
	if n.kind != "" {
		return n.kind, nil
	}
	node, err := x.load(n)
	if err != nil {
		return "", err
	}
	n.kind = node.Kind
	return n.kind, nil
}

// load reads the node behind n once. A node that an edge names but the
// store lacks reads as a node with only its ID and kind.
func (x *exec) load(n *nodeRef) (*graph.Node, error) {
	if n.n != nil {
		return n.n, nil
	}
	if c, ok := x.nodes[n.id]; ok {
		n.n = c
		return c, nil
	}
	node, err := x.r.Node(x.ctx, n.id)
	switch {
	case errors.Is(err, graph.ErrNotFound):
		node = graph.Node{ID: n.id, Kind: n.kind}
	case err != nil:
		return nil, x.storeErr(err, "reading node %s", n.id)
	}
	x.nodesRead++
	if len(x.nodes) >= nodeCacheSize {
		clear(x.nodes)
	}
	x.nodes[n.id] = &node
	n.n = &node
	return n.n, nil
}

// lookupResult is what the alias index answered for one name: the IDs in
// the store's order, and as a set.
type lookupResult struct {
	ids []string
	set map[string]bool
}

// lookup asks the store's alias index for the nodes whose name or alias
// matches name, once per name per run.
func (x *exec) lookup(name string) (*lookupResult, error) {
	if l, ok := x.lookups[name]; ok {
		return l, nil
	}
	ids, err := x.r.Lookup(x.ctx, name)
	if err != nil {
		return nil, x.storeErr(err, "looking up %q", name)
	}
	l := &lookupResult{ids: ids, set: make(map[string]bool, len(ids))}
	for _, id := range ids {
		l.set[id] = true
	}
	if len(x.lookups) >= nodeCacheSize {
		clear(x.lookups)
	}
	x.lookups[name] = l
	return l, nil
}

// regex compiles a pattern that was not known when the query was parsed,
// anchored for a full match as Cypher's =~ is.
func (x *exec) regex(pos int, pat string) (*regexp.Regexp, error) {
	if re, ok := x.regexes[pat]; ok {
		return re, nil
	}
	re, err := compileFullMatch(pat)
	if err != nil {
		return nil, x.rtErr(pos, "invalid regular expression %q: %v", pat, err)
	}
	if len(x.regexes) >= regexCacheSize {
		clear(x.regexes)
	}
	x.regexes[pat] = re
	return re, nil
}

func compileFullMatch(pat string) (*regexp.Regexp, error) {
	if _, err := regexp.Compile(pat); err != nil {
		return nil, err
	}
	return regexp.Compile(`^(?:` + pat + `)$`)
}

// claimDate is the earliest date of the articles in which the claim was
// said, or nil.
func (x *exec) claimDate(id string) (any, error) {
	if d, ok := x.claimDates[id]; ok {
		return d, nil
	}
	var best any
	for e, err := range x.r.Neighbors(x.ctx, id, graph.In, graph.Said) {
		if err != nil {
			return nil, x.storeErr(err, "reading who said %s", id)
		}
		x.edgesRead++
		d, err := x.articleDate(e.Article)
		if err != nil {
			return nil, err
		}
		if d != "" && (best == nil || d < best.(string)) {
			best = d
		}
	}
	if len(x.claimDates) >= nodeCacheSize {
		clear(x.claimDates)
	}
	x.claimDates[id] = best
	return best, nil
}

func (x *exec) articleDate(id string) (string, error) {
	if id == "" {
		return "", nil
	}
	if d, ok := x.articleDates[id]; ok {
		return d, nil
	}
	n, err := x.load(newNodeRef(id))
	if err != nil {
		return "", err
	}
	x.articleDates[id] = n.Date
	return n.Date, nil
}
