package store

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"slices"

	"github.com/dgraph-io/badger/v4"

	"github.com/claimgraph/claimgraph/graph"
)

// edit is one corrective change of the graph (forget, merge, split): a
// single read-write badger transaction whose reads see its own writes,
// with the counters as they will be once it commits.
type edit struct {
	db  *DB
	txn *badger.Txn
	ctr counters // the counters once the edit commits
	old counters // the counters before it
	buf []byte
}

// runEdit runs fn in one read-write transaction holding the write lock,
// writes the changed counters and commits: the edit lands whole or not at
// all. what names the operation in errors.
func (db *DB) runEdit(ctx context.Context, what string, fn func(*edit) error) error {
	if db.readOnly {
		return fmt.Errorf("%s: %w", what, ErrReadOnly)
	}
	db.wmu.Lock()
	defer db.wmu.Unlock()
	ctr, err := db.readCounters()
	if err != nil {
		return fmt.Errorf("%s: %w", what, err)
	}
	e := &edit{db: db, txn: db.bdb.NewTransaction(true), ctr: ctr, old: ctr}
	defer e.txn.Discard()
	if err := fn(e); err != nil {
		return tooBig(what, err)
	}
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("%s: %w", what, err)
	}
	if err := e.ctr.write(e.set, &e.old); err != nil {
		return tooBig(what, err)
	}
	db.counters = nil // reloaded by the next write
	if err := e.txn.Commit(); err != nil {
		return fmt.Errorf("%s: commit: %w", what, err)
	}
	return nil
}

// tooBig explains badger's transaction limit, which a merge of a very
// large hub can reach.
func tooBig(what string, err error) error {
	if errors.Is(err, badger.ErrTxnTooBig) {
		return fmt.Errorf("%s: too many changes for one transaction; nothing was changed: %w", what, err)
	}
	return err
}

func (e *edit) set(k, v []byte) error { return e.txn.Set(k, v) }

func (e *edit) del(k []byte) error { return e.txn.Delete(k) }

// get returns a copy of the value of k, and whether k is stored.
func (e *edit) get(k []byte) ([]byte, bool, error) {
	item, err := e.txn.Get(k)
	if errors.Is(err, badger.ErrKeyNotFound) {
		return nil, false, nil
	}
	if err != nil {
		return nil, false, err
	}
	v, err := item.ValueCopy(nil)
	return v, err == nil, err
}

// node reads id's node record; ok is false when it is not stored.
func (e *edit) node(id string) (n graph.Node, ok bool, err error) {
	k, valid := nodeKey(id)
	if !valid {
		return n, false, nil
	}
	v, ok, err := e.get(k)
	if err != nil || !ok {
		return n, false, err
	}
	n, err = decodeNode(id, v)
	return n, err == nil, err
}

// exists reports whether node id is stored.
func (e *edit) exists(id string) (bool, error) {
	k, ok := nodeKey(id)
	if !ok {
		return false, nil
	}
	_, ok, err := e.get(k)
	return ok, err
}

// anyKey reports whether some key starts with prefix.
func (e *edit) anyKey(prefix []byte) bool {
	it := e.txn.NewIterator(badger.IteratorOptions{Prefix: prefix})
	defer it.Close()
	it.Rewind()
	return it.ValidForPrefix(prefix)
}

// hasEdges reports whether any edge starts or ends at id: two prefix
// scans that stop at the first key.
func (e *edit) hasEdges(id string) bool {
	for _, p := range []byte{pfxOut, pfxIn} {
		if k, ok := appendID([]byte{p}, id); ok && e.anyKey(k) {
			return true
		}
	}
	return false
}

// edgesAt returns the identity of every edge at id (its o keys and its i
// keys), each once.
func (e *edit) edgesAt(ctx context.Context, id string) ([]graph.Edge, error) {
	var out []graph.Edge
	seen := map[graph.EdgeKey]bool{}
	for _, p := range []byte{pfxOut, pfxIn} {
		prefix, ok := appendID([]byte{p}, id)
		if !ok {
			return nil, nil
		}
		err := scan(ctx, e.txn, prefix, func(item *badger.Item) (bool, error) {
			ed, err := edgeFromKey(item.Key())
			if err != nil {
				return false, err
			}
			if !seen[ed.Key()] {
				seen[ed.Key()] = true
				out = append(out, ed)
			}
			return true, nil
		})
		if err != nil {
			return nil, fmt.Errorf("edges of %s: %w", id, err)
		}
	}
	return out, nil
}

// removeEdge deletes ed's record and in-index entry and returns the
// record's value; ok is false (and nothing changes) if ed is not stored.
func (e *edit) removeEdge(ed graph.Edge) (val []byte, ok bool, err error) {
	rk, valid := recordKey(ed)
	if !valid {
		return nil, false, nil
	}
	val, ok, err = e.get(rk)
	if err != nil || !ok {
		return nil, false, err
	}
	if err := e.del(rk); err != nil {
		return nil, false, err
	}
	if !isArticleEdge(&ed) {
		ik, _ := inKey(nil, ed)
		if err := e.del(ik); err != nil {
			return nil, false, err
		}
	}
	e.ctr.edges[relCode(ed.Rel)]--
	return val, true, nil
}

// addEdge stores ed with the record value val (as encodeEdge wrote it).
func (e *edit) addEdge(ed graph.Edge, val []byte) error {
	rk, ok := recordKey(ed)
	if !ok {
		return fmt.Errorf("edge %s cannot be stored", edgeString(ed))
	}
	if err := e.set(rk, val); err != nil {
		return err
	}
	if !isArticleEdge(&ed) {
		ik, _ := inKey(nil, ed)
		if err := e.set(ik, nil); err != nil {
			return err
		}
	}
	e.ctr.edges[relCode(ed.Rel)]++
	return nil
}

// edgeStored reports whether ed's record is stored.
func (e *edit) edgeStored(ed graph.Edge) (bool, error) {
	rk, ok := recordKey(ed)
	if !ok {
		return false, nil
	}
	_, ok, err := e.get(rk)
	return ok, err
}

// putNode writes n's record and the name index entries of names not in
// before (the names indexed for the node so far).
func (e *edit) putNode(n *graph.Node, before []string) error {
	k, ok := nodeKey(n.ID)
	if !ok {
		return fmt.Errorf("ID %q cannot be stored", n.ID)
	}
	e.buf = encodeNode(e.buf[:0], n)
	if err := e.set(k, bytes.Clone(e.buf)); err != nil {
		return err
	}
	if !n.Kind.IsEntity() {
		return nil
	}
	for _, norm := range indexedNames(n) {
		if slices.Contains(before, norm) {
			continue
		}
		nk, _ := nameKey(nil, norm, n.ID)
		if err := e.set(nk, nil); err != nil {
			return err
		}
	}
	return nil
}

// dropNames deletes the name index entries of id for the names in
// before that are not in after.
func (e *edit) dropNames(id string, before, after []string) error {
	for _, norm := range before {
		if slices.Contains(after, norm) {
			continue
		}
		nk, _ := nameKey(nil, norm, id)
		if err := e.del(nk); err != nil {
			return err
		}
	}
	return nil
}

// removeNode deletes n's record and its name index entries; the caller
// removes its postings (see removePostings) and makes sure no edge is
// left at it.
func (e *edit) removeNode(n *graph.Node) error {
	k, _ := nodeKey(n.ID)
	if err := e.del(k); err != nil {
		return err
	}
	if n.Kind.IsEntity() {
		if err := e.dropNames(n.ID, indexedNames(n), nil); err != nil {
			return err
		}
	}
	g, _ := kindCodes(n.Kind)
	e.ctr.nodes[g]--
	return nil
}

// addNode stores a node that is not stored, with its name index entries.
func (e *edit) addNode(n *graph.Node) error {
	if err := e.putNode(n, nil); err != nil {
		return err
	}
	g, _ := kindCodes(n.Kind)
	e.ctr.nodes[g]++
	return nil
}

// removePostings takes the claims (in appendID form) out of the posting
// lists of the given words; a list left empty is deleted. Each word's
// lists are one prefix scan.
func (e *edit) removePostings(ctx context.Context, byToken map[string][][]byte) error {
	for token, claims := range byToken {
		type list struct{ k, v []byte }
		var changed []list
		err := scan(ctx, e.txn, tokenPrefix(token), func(item *badger.Item) (bool, error) {
			return true, item.Value(func(v []byte) error {
				kept, hit := withoutPostings(v, claims)
				if hit {
					changed = append(changed, list{item.KeyCopy(nil), kept})
				}
				return nil
			})
		})
		if err != nil {
			return fmt.Errorf("token index of %q: %w", token, err)
		}
		for _, l := range changed {
			if len(l.v) == 0 {
				err = e.del(l.k)
			} else {
				err = e.set(l.k, l.v)
			}
			if err != nil {
				return err
			}
		}
	}
	return nil
}

// withoutPostings returns the posting list v without the given claims,
// and whether any was in it.
func withoutPostings(v []byte, claims [][]byte) ([]byte, bool) {
	var kept []byte
	hit := false
	for len(v) > 0 {
		n := idLen(v)
		if n < 0 {
			return append(kept, v...), hit
		}
		if slices.ContainsFunc(claims, func(c []byte) bool { return bytes.Equal(c, v[:n]) }) {
			hit = true
		} else {
			kept = append(kept, v[:n]...)
		}
		v = v[n:]
	}
	return kept, hit
}

// indexEdit is a change of one edge in an article's index: Old is taken
// out (when not nil) and New put in (when not nil), in the entry that
// listed Old.
type indexEdit struct{ Old, New *graph.Edge }

// storedIndex is one article index entry read for an edit.
type storedIndex struct {
	k     []byte
	ai    articleIndex
	dirty bool
}

// reindex applies edits to the index entries of article.
func (e *edit) reindex(ctx context.Context, article string, edits []indexEdit) error {
	prefix, ok := appendID([]byte{pfxArticle}, article)
	if !ok {
		return nil
	}
	var entries []*storedIndex
	err := scan(ctx, e.txn, prefix, func(item *badger.Item) (bool, error) {
		k := item.KeyCopy(nil)
		if len(k) != len(prefix)+8 {
			return true, nil
		}
		v, err := item.ValueCopy(nil)
		if err != nil {
			return false, err
		}
		ai, err := decodeArticleIndex(v)
		if err != nil {
			return false, fmt.Errorf("article index of %s: %w", article, err)
		}
		entries = append(entries, &storedIndex{k: k, ai: ai})
		return true, nil
	})
	if err != nil {
		return err
	}
	if len(entries) == 0 {
		k, _ := articleIndexKey(article, e.ctr.seq)
		entries = append(entries, &storedIndex{k: k, ai: articleIndex{Nodes: []indexedNode{{ID: article}}}})
	}
	for _, x := range edits {
		applyIndexEdit(entries, x)
	}
	for _, s := range entries {
		if s.dirty {
			if err := e.set(s.k, encodeArticleIndex(nil, &s.ai)); err != nil {
				return err
			}
		}
	}
	return nil
}

// applyIndexEdit edits the entry listing x.Old, or for a mere addition
// the last entry.
func applyIndexEdit(entries []*storedIndex, x indexEdit) {
	target := entries[len(entries)-1]
	pos := -1
	if x.Old != nil {
		for _, s := range entries {
			if i := s.ai.find(x.Old); i >= 0 {
				target, pos = s, i
				break
			}
		}
	}
	switch {
	case pos >= 0 && x.New != nil:
		target.ai.Edges[pos] = target.ai.indexed(x.New)
	case pos >= 0:
		target.ai.Edges = slices.Delete(target.ai.Edges, pos, pos+1)
	case x.New != nil:
		target.ai.Edges = append(target.ai.Edges, target.ai.indexed(x.New))
	default:
		return
	}
	target.dirty = true
}

// find returns the position of ed in ai.Edges, or -1.
func (ai *articleIndex) find(ed *graph.Edge) int {
	for i, x := range ai.Edges {
		if x.Rel == ed.Rel && ai.Nodes[x.From].ID == ed.From && ai.Nodes[x.To].ID == ed.To {
			return i
		}
	}
	return -1
}

// indexed returns ed as an entry of ai, adding its ends to ai.Nodes if
// they are not listed.
func (ai *articleIndex) indexed(ed *graph.Edge) indexedEdge {
	return indexedEdge{From: ai.nodePos(ed.From), Rel: ed.Rel, To: ai.nodePos(ed.To)}
}

func (ai *articleIndex) nodePos(id string) int {
	for i, n := range ai.Nodes {
		if n.ID == id {
			return i
		}
	}
	ai.Nodes = append(ai.Nodes, indexedNode{ID: id})
	return len(ai.Nodes) - 1
}
