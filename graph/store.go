package graph

import (
	"context"
	"errors"
	"iter"
)

// ErrNotFound is returned when a node or article does not exist.
var ErrNotFound = errors.New("not found")

// Direction says which way to walk an edge from a node.
type Direction int

// The directions.
const (
	Out  Direction = iota // edges whose From is the node
	In                    // edges whose To is the node
	Both                  // both of the above, Out first
)

// Reader is read access to a claim graph. Every method answers from an
// index: Node by ID, Lookup by normalised name or alias, Neighbors by
// adjacency, NodesOfKind by the kind index. Only Nodes and Edges scan
// everything. Iterators yield in a stable order (by ID, then relation) and
// stop reading when the caller stops ranging.
type Reader interface {
	// Node returns the node with the given ID, or an error wrapping ErrNotFound.
	Node(ctx context.Context, id string) (Node, error)
	// Lookup returns the IDs of nodes whose name or an alias matches name
	// after NormalizeName, sorted.
	Lookup(ctx context.Context, name string) ([]string, error)
	// Neighbors yields the edges at id in the given direction whose relation
	// is one of rels (all relations when rels is empty).
	Neighbors(ctx context.Context, id string, dir Direction, rels ...Rel) iter.Seq2[Edge, error]
	// NodesOfKind yields every node of kind k by ID.
	NodesOfKind(ctx context.Context, k Kind) iter.Seq2[Node, error]
	// Nodes yields every node by ID.
	Nodes(ctx context.Context) iter.Seq2[Node, error]
	// Edges yields every edge, ordered by From, Rel, To, Article.
	Edges(ctx context.Context) iter.Seq2[Edge, error]
}

// EdgeFinder is implemented by Readers that can find the edges from one
// node to another without reading the other edges of either (a store with
// keys by both ends). graph/ask uses it when a Reader has it and otherwise
// filters Neighbors.
type EdgeFinder interface {
	// EdgesBetween yields the edges from from to to whose relation is one
	// of rels (all relations when rels is empty).
	EdgesBetween(ctx context.Context, from, to string, rels ...Rel) iter.Seq2[Edge, error]
}

type shapeOnlyKey struct{}

// ShapeOnly returns a context under which a Reader may yield edges with
// only their identity (From, Rel, To, Article) filled in, leaving Start,
// End, Role, Evidence, Rule and Confidence empty when reading them costs
// more than the key (store.DB: a point read per in-coming edge). For
// traversals that need the graph's shape, such as path finding; read the
// few edges shown again without it.
func ShapeOnly(ctx context.Context) context.Context {
	return context.WithValue(ctx, shapeOnlyKey{}, true)
}

// IsShapeOnly reports whether ctx comes from ShapeOnly.
func IsShapeOnly(ctx context.Context) bool {
	_, ok := ctx.Value(shapeOnlyKey{}).(bool)
	return ok
}

// Searcher finds claims by the words of their text from a token index.
type Searcher interface {
	// SearchClaims yields the IDs of claims whose text holds every word of
	// query (after NormalizeText), in ID order.
	SearchClaims(ctx context.Context, query string) iter.Seq2[string, error]
}

// Subgraph is what one article contributes: its article node, the entities
// and claims it names, and the edges between them.
type Subgraph struct {
	// Article is the ID of the article node among Nodes, or "" for a
	// subgraph that belongs to no single article (an import).
	Article string
	Nodes   []Node
	Edges   []Edge
}

// WriteStats counts what a Write changed.
type WriteStats struct {
	Articles  int // subgraphs with a new article
	Unchanged int // subgraphs skipped because their article was already stored
	Nodes     int // nodes that did not exist before
	Edges     int // edges that did not exist before
}

// Add accumulates o into s.
func (s *WriteStats) Add(o WriteStats) {
	s.Articles += o.Articles
	s.Unchanged += o.Unchanged
	s.Nodes += o.Nodes
	s.Edges += o.Edges
}

// Writer stores subgraphs. Each subgraph is atomic: after a crash or an
// error it is wholly present or absent. A Write call is atomic too unless
// it is too large for one transaction of the store (store.DB: several
// hundred typical articles); then whole subgraphs are committed in order
// and the returned stats count those committed. A subgraph whose Article
// is already stored is skipped whole, so writing an article twice changes
// nothing. Nodes that exist are merged (Node.Merge); edges are keyed by
// Edge.Key and a repeated edge keeps its first provenance.
type Writer interface {
	Write(ctx context.Context, subs []Subgraph) (WriteStats, error)
}

// Store is a readable and writable graph.
type Store interface {
	Reader
	Writer
}
