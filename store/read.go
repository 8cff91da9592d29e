package store

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"iter"
	"slices"
	"strings"

	"github.com/dgraph-io/badger/v4"

	"github.com/claimgraph/claimgraph/graph"
)

// ctxEvery is how many keys a scan reads between checks of its context.
const ctxEvery = 256

// Node returns the node with the given ID (graph.Reader).
func (db *DB) Node(ctx context.Context, id string) (graph.Node, error) {
	if err := ctx.Err(); err != nil {
		return graph.Node{}, err
	}
	k, ok := nodeKey(id)
	if !ok {
		return graph.Node{}, fmt.Errorf("node %q: %w", id, graph.ErrNotFound)
	}
	var n graph.Node
	err := db.bdb.View(func(txn *badger.Txn) error {
		var err error
		n, err = getNode(txn, id, k)
		return err
	})
	return n, err
}

// getNode reads and decodes one node record.
func getNode(txn *badger.Txn, id string, k []byte) (graph.Node, error) {
	item, err := txn.Get(k)
	if errors.Is(err, badger.ErrKeyNotFound) {
		return graph.Node{}, fmt.Errorf("node %q: %w", id, graph.ErrNotFound)
	}
	if err != nil {
		return graph.Node{}, fmt.Errorf("node %q: %w", id, err)
	}
	var n graph.Node
	err = item.Value(func(v []byte) error {
		var err error
		n, err = decodeNode(id, v)
		return err
	})
	return n, err
}

// HasArticle reports whether the article with this ID is stored.
func (db *DB) HasArticle(ctx context.Context, id string) (bool, error) {
	if err := ctx.Err(); err != nil {
		return false, err
	}
	k, ok := articleKey(id)
	if !ok {
		return false, nil
	}
	err := db.bdb.View(func(txn *badger.Txn) error {
		_, err := txn.Get(k)
		return err
	})
	return articleFound(id, err)
}

// articleKey returns the node key of an article ID, or false if id names
// no article.
func articleKey(id string) ([]byte, bool) {
	if graph.KindOfID(id) != graph.Article {
		return nil, false
	}
	return nodeKey(id)
}

// articleFound turns the error of reading article id's record into an
// answer.
func articleFound(id string, err error) (bool, error) {
	switch {
	case err == nil:
		return true, nil
	case errors.Is(err, badger.ErrKeyNotFound):
		return false, nil
	}
	return false, fmt.Errorf("article %q: %w", id, err)
}

// Lookup returns the IDs of the entities with this name or alias, after
// graph.NormalizeName, sorted (graph.Reader). It reads the name index.
func (db *DB) Lookup(ctx context.Context, name string) ([]string, error) {
	norm := graph.NormalizeName(name)
	if norm == "" || len(norm) > maxIndexedName {
		return nil, nil
	}
	prefix := append(append([]byte{pfxName}, norm...), 0)
	var ids []string
	err := db.bdb.View(func(txn *badger.Txn) error {
		return scan(ctx, txn, prefix, func(item *badger.Item) (bool, error) {
			id, n, err := decodeID(item.Key()[len(prefix):])
			if err != nil || n != len(item.Key())-len(prefix) {
				return false, fmt.Errorf("bad name index key %q", item.Key())
			}
			ids = append(ids, id)
			return true, nil
		})
	})
	if err != nil {
		return nil, fmt.Errorf("lookup %q: %w", name, err)
	}
	slices.Sort(ids)
	return slices.Compact(ids), nil
}

// Neighbors yields the edges at id (graph.Reader): out-edges ordered by
// relation, To and article, then in-edges ordered by relation, From and
// article. Each direction and relation is one prefix scan of the o or i
// keys; in-edges read their provenance from the o key.
func (db *DB) Neighbors(ctx context.Context, id string, dir graph.Direction, rels ...graph.Rel) iter.Seq2[graph.Edge, error] {
	return func(yield func(graph.Edge, error) bool) {
		var pfxs []byte
		switch dir {
		case graph.Out:
			pfxs = []byte{pfxOut}
		case graph.In:
			pfxs = []byte{pfxIn}
		default:
			pfxs = []byte{pfxOut, pfxIn}
		}
		codes, err := relCodes(rels)
		if err != nil {
			yield(graph.Edge{}, err)
			return
		}
		txn := db.bdb.NewTransaction(false)
		defer txn.Discard()
		r := newResolver(ctx, db, txn)
		for _, p := range pfxs {
			if p == pfxOut && graph.KindOfID(id) == graph.Article {
				if !r.yieldArticleOut(ctx, id, codes, yield) {
					return
				}
				continue
			}
			base, ok := appendID([]byte{p}, id)
			if !ok {
				return
			}
			for _, prefix := range relPrefixes(base, codes) {
				if !r.scanEdges(ctx, prefix, yield) {
					return
				}
			}
		}
	}
}

// EdgesBetween yields the edges from one node to another whose relation
// is one of rels (graph.EdgeFinder), ordered by relation and article:
// one prefix scan of the o keys "from rel to" per relation, so a hub's
// other edges are never read.
func (db *DB) EdgesBetween(ctx context.Context, from, to string, rels ...graph.Rel) iter.Seq2[graph.Edge, error] {
	return func(yield func(graph.Edge, error) bool) {
		codes, err := relCodes(rels)
		if err != nil {
			yield(graph.Edge{}, err)
			return
		}
		if len(codes) == 0 {
			codes = allRelCodes()
		}
		txn := db.bdb.NewTransaction(false)
		defer txn.Discard()
		r := newResolver(ctx, db, txn)
		if graph.KindOfID(from) == graph.Article {
			// an article's own mentions have no o key (isArticleEdge)
			edges, err := r.articleOut(ctx, from, codes)
			for _, e := range edges {
				if e.To == to && !yield(e, nil) {
					return
				}
			}
			if err != nil {
				yield(graph.Edge{}, err)
			}
			return
		}
		base, ok := appendID([]byte{pfxOut}, from)
		if !ok {
			return
		}
		for _, c := range codes {
			prefix, ok := appendID(append(slices.Clip(base), c), to)
			if !ok {
				return
			}
			if !r.scanEdges(ctx, prefix, yield) {
				return
			}
		}
	}
}

// allRelCodes returns the code of every relation, in order.
func allRelCodes() []byte {
	codes := make([]byte, 0, len(relByCode)-1)
	for c := 1; c < len(relByCode); c++ {
		codes = append(codes, byte(c))
	}
	return codes
}

// relCodes returns the sorted codes of rels, or nil for all relations.
func relCodes(rels []graph.Rel) ([]byte, error) {
	var codes []byte
	for _, r := range rels {
		c := relCode(r)
		if c == 0 {
			return nil, fmt.Errorf("unknown relation %q", r)
		}
		codes = append(codes, c)
	}
	slices.Sort(codes)
	return slices.Compact(codes), nil
}

// relPrefixes returns base narrowed to each relation code, or base alone.
func relPrefixes(base, codes []byte) [][]byte {
	if len(codes) == 0 {
		return [][]byte{base}
	}
	out := make([][]byte, len(codes))
	for i, c := range codes {
		out[i] = append(slices.Clip(base), c)
	}
	return out
}

// NodesOfKind yields every node of kind k by ID (graph.Reader): one range
// of the node keys.
func (db *DB) NodesOfKind(ctx context.Context, k graph.Kind) iter.Seq2[graph.Node, error] {
	lo, hi := kindRange(k)
	if lo == 0 {
		return func(func(graph.Node, error) bool) {}
	}
	return db.scanNodes(ctx, []byte{pfxNode, lo}, func(key []byte) bool { return key[1] <= hi })
}

// Nodes yields every node by ID (graph.Reader).
func (db *DB) Nodes(ctx context.Context) iter.Seq2[graph.Node, error] {
	return db.scanNodes(ctx, []byte{pfxNode}, nil)
}

// scanNodes yields the node records from start while within accepts the
// key (or, with within nil, while keys have start as prefix).
func (db *DB) scanNodes(ctx context.Context, start []byte, within func([]byte) bool) iter.Seq2[graph.Node, error] {
	return func(yield func(graph.Node, error) bool) {
		txn := db.bdb.NewTransaction(false)
		defer txn.Discard()
		prefix := start
		if within != nil {
			prefix = start[:1]
		}
		stopped := false
		err := scanFrom(ctx, txn, prefix, start, within, func(item *badger.Item) (bool, error) {
			id, n, err := decodeID(item.Key()[1:])
			if err != nil || n != len(item.Key())-1 {
				return false, fmt.Errorf("bad node key %q", item.Key())
			}
			var node graph.Node
			err = item.Value(func(v []byte) error {
				node, err = decodeNode(id, v)
				return err
			})
			if err != nil {
				return false, err
			}
			if !yield(node, nil) {
				stopped = true
				return false, nil
			}
			return true, nil
		})
		if err != nil && !stopped {
			yield(graph.Node{}, err)
		}
	}
}

// Edges yields every edge ordered by From, Rel, To, Article (graph.Reader):
// the out-edges of each article (see yieldArticleOut), then a scan of the
// o keys of every other node.
func (db *DB) Edges(ctx context.Context) iter.Seq2[graph.Edge, error] {
	return func(yield func(graph.Edge, error) bool) {
		txn := db.bdb.NewTransaction(false)
		defer txn.Discard()
		r := newResolver(ctx, db, txn)
		lo, hi := kindRange(graph.Article)
		more := true
		err := scanFrom(ctx, txn, []byte{pfxNode}, []byte{pfxNode, lo}, func(k []byte) bool { return k[1] <= hi },
			func(item *badger.Item) (bool, error) {
				id, _, err := decodeID(item.Key()[1:])
				if err != nil {
					return false, err
				}
				more = r.yieldArticleOut(ctx, id, nil, yield)
				return more, nil
			})
		if err != nil {
			yield(graph.Edge{}, err)
			return
		}
		if more {
			r.scanEdgesFrom(ctx, []byte{pfxOut}, []byte{pfxOut, hi + 1}, yield)
		}
	}
}

// yieldArticleOut yields the out-edges of an article in key order: its o
// keys merged with its own mentions, which the article index lists and
// whose provenance is on their i keys. It reports whether the caller wants
// more.
func (r *resolver) yieldArticleOut(ctx context.Context, id string, codes []byte, yield func(graph.Edge, error) bool) bool {
	edges, err := r.articleOut(ctx, id, codes)
	if err != nil {
		yield(graph.Edge{}, err)
		return false
	}
	for _, e := range edges {
		if !yield(e, nil) {
			return false
		}
	}
	return true
}

// articleOut collects the out-edges of an article with the given relation
// codes (all when codes is empty), sorted as o keys sort.
func (r *resolver) articleOut(ctx context.Context, id string, codes []byte) ([]graph.Edge, error) {
	type keyed struct {
		k []byte
		e graph.Edge
	}
	var list []keyed
	base, ok := appendID([]byte{pfxOut}, id)
	if !ok {
		return nil, nil
	}
	for _, prefix := range relPrefixes(base, codes) {
		err := scan(ctx, r.txn, prefix, func(item *badger.Item) (bool, error) {
			e, err := r.edge(item)
			list = append(list, keyed{item.KeyCopy(nil), e})
			return true, err
		})
		if err != nil {
			return nil, err
		}
	}
	if len(codes) == 0 || slices.Contains(codes, relCode(graph.Mentions)) {
		mentions, err := r.articleEdges(ctx, id)
		if err != nil {
			return nil, err
		}
		for _, e := range mentions {
			k, _ := outKey(nil, e)
			list = append(list, keyed{k, e})
		}
	}
	slices.SortFunc(list, func(a, b keyed) int { return bytes.Compare(a.k, b.k) })
	out := make([]graph.Edge, len(list))
	for i, x := range list {
		out[i] = x.e
	}
	return out, nil
}

// articleEdges returns an article's own mentions (see isArticleEdge) from
// its article index entries. An entry naming an edge that is not stored
// (which check reports) is passed over.
func (r *resolver) articleEdges(ctx context.Context, id string) ([]graph.Edge, error) {
	prefix, ok := appendID([]byte{pfxArticle}, id)
	if !ok {
		return nil, nil
	}
	var out []graph.Edge
	err := scan(ctx, r.txn, prefix, func(item *badger.Item) (bool, error) {
		var ai articleIndex
		err := item.Value(func(v []byte) error {
			var err error
			ai, err = decodeArticleIndex(v)
			return err
		})
		if err != nil {
			return false, fmt.Errorf("article index of %s: %w", id, err)
		}
		for _, x := range ai.Edges {
			e := graph.Edge{From: ai.Nodes[x.From].ID, Rel: x.Rel, To: ai.Nodes[x.To].ID, Article: id}
			if !isArticleEdge(&e) {
				continue
			}
			ik, _ := inKey(nil, e)
			item, err := r.txn.Get(ik)
			if errors.Is(err, badger.ErrKeyNotFound) {
				continue
			}
			if err != nil {
				return false, err
			}
			if e, err = r.edge(item); err != nil {
				return false, err
			}
			out = append(out, e)
		}
		return true, nil
	})
	return out, err
}

// resolver completes edges read from o or i keys: provenance from the o
// key, evidence from the article text, rule and confidence from the
// profile dictionary. It keeps the last few article texts it read.
type resolver struct {
	db         *DB
	txn        *badger.Txn
	texts      map[string]string
	noEvidence bool
	shapeOnly  bool // graph.ShapeOnly: edges are read from their keys alone
}

// resolverTexts is how many article texts a resolver keeps.
const resolverTexts = 256

func newResolver(ctx context.Context, db *DB, txn *badger.Txn) *resolver {
	_, skip := ctx.Value(skipEvidenceKey{}).(bool)
	return &resolver{db: db, txn: txn, texts: map[string]string{}, noEvidence: skip || graph.IsShapeOnly(ctx),
		shapeOnly: graph.IsShapeOnly(ctx)}
}

type skipEvidenceKey struct{}

// SkipEvidence returns a context under which the DB's iterators leave
// Evidence empty on the about and mentions edges whose evidence is kept as
// a span of the article text (see evidenceByRef), sparing a lookup of the
// article per edge. For traversals that need the graph's shape, not its
// evidence: path finding, DOT export, pattern matching before the rows
// that are shown.
func SkipEvidence(ctx context.Context) context.Context {
	return context.WithValue(ctx, skipEvidenceKey{}, true)
}

// scanEdges yields the edges of the o or i keys under prefix and reports
// whether the caller wants more.
func (r *resolver) scanEdges(ctx context.Context, prefix []byte, yield func(graph.Edge, error) bool) bool {
	return r.scanEdgesFrom(ctx, prefix, prefix, yield)
}

// scanEdgesFrom is scanEdges from the key start on.
func (r *resolver) scanEdgesFrom(ctx context.Context, prefix, start []byte, yield func(graph.Edge, error) bool) bool {
	more := true
	err := scanFrom(ctx, r.txn, prefix, start, nil, func(item *badger.Item) (bool, error) {
		e, err := r.edge(item)
		if err != nil {
			return false, err
		}
		more = yield(e, nil)
		return more, nil
	})
	if err != nil && more {
		yield(graph.Edge{}, err)
		return false
	}
	return more
}

// edge decodes the edge of an o or i item.
func (r *resolver) edge(item *badger.Item) (graph.Edge, error) {
	k := item.Key()
	e, err := edgeFromKey(k)
	if err != nil {
		return e, err
	}
	if r.shapeOnly {
		return e, nil // the key is the edge's identity
	}
	if k[0] == pfxIn && item.ValueSize() == 0 {
		ok, _ := swapEdgeKey(k)
		item, err = r.txn.Get(ok)
		if errors.Is(err, badger.ErrKeyNotFound) {
			return e, fmt.Errorf("edge %s -%s-> %s: in-index entry without its edge record (run check --repair)", e.From, e.Rel, e.To)
		}
		if err != nil {
			return e, fmt.Errorf("edge %s -%s-> %s: %w", e.From, e.Rel, e.To, err)
		}
	}
	var ev edgeValue
	err = item.Value(func(v []byte) error {
		ev, err = decodeEdgeValue(v)
		return err
	})
	if err != nil {
		return e, fmt.Errorf("edge %s -%s-> %s: %w", e.From, e.Rel, e.To, err)
	}
	return e, r.complete(&e, ev)
}

// complete fills e's provenance from ev.
func (r *resolver) complete(e *graph.Edge, ev edgeValue) error {
	e.Start, e.End, e.Role, e.Evidence = ev.start, ev.end, ev.role, ev.evidence
	if ev.ref.ok && !r.noEvidence {
		text, err := r.articleText(e.Article)
		if err != nil {
			return err
		}
		if ev.ref.off >= 0 && ev.ref.off+ev.ref.n <= len(text) {
			e.Evidence = strings.Clone(text[ev.ref.off : ev.ref.off+ev.ref.n])
		}
	}
	if ev.profile != 0 {
		p, err := r.db.profiles.get(r.db.bdb, ev.profile)
		if err != nil {
			return err
		}
		e.Rule, e.Confidence = p.rule, p.conf
	}
	return nil
}

// articleText returns the text of an article ("" if it is missing, which
// check reports).
func (r *resolver) articleText(id string) (string, error) {
	if t, ok := r.texts[id]; ok {
		return t, nil
	}
	k, _ := nodeKey(id)
	var text string
	item, err := r.txn.Get(k)
	switch {
	case errors.Is(err, badger.ErrKeyNotFound):
	case err != nil:
		return "", fmt.Errorf("article %s: %w", id, err)
	default:
		err = item.Value(func(v []byte) error {
			text, err = decodeText(v)
			return err
		})
		if err != nil {
			return "", fmt.Errorf("article %s: %w", id, err)
		}
	}
	if len(r.texts) >= resolverTexts {
		clear(r.texts)
	}
	r.texts[id] = text
	return text, nil
}

// scan calls fn for each item under prefix, in key order, until fn
// returns false or an error. It checks ctx every ctxEvery items.
func scan(ctx context.Context, txn *badger.Txn, prefix []byte, fn func(*badger.Item) (bool, error)) error {
	return scanFrom(ctx, txn, prefix, prefix, nil, fn)
}

// scanFrom calls fn for the items under prefix from start on, while within
// (if not nil) accepts their keys.
func scanFrom(ctx context.Context, txn *badger.Txn, prefix, start []byte, within func([]byte) bool, fn func(*badger.Item) (bool, error)) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	it := txn.NewIterator(badger.IteratorOptions{Prefix: prefix})
	defer it.Close()
	n := 0
	for it.Seek(start); it.ValidForPrefix(prefix); it.Next() {
		if n++; n%ctxEvery == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		item := it.Item()
		if within != nil && !within(item.Key()) {
			return nil
		}
		more, err := fn(item)
		if err != nil || !more {
			return err
		}
	}
	return ctx.Err()
}
