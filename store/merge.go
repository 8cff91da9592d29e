package store

import (
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"slices"

	"github.com/dgraph-io/badger/v4"

	"github.com/claimgraph/claimgraph/graph"
)

// ErrCannotMerge is matched (errors.Is) by the error of a merge of nodes
// that cannot be one: a claim or an article, two entities of unrelated
// kinds, a node with itself.
var ErrCannotMerge = errors.New("cannot merge")

// ErrNotMerged is matched by the error of a split of nodes that were not
// merged.
var ErrNotMerged = errors.New("not merged")

// MergeReport says what Merge changed.
type MergeReport struct {
	Into, From string
	Moved      int      // edges of From moved to Into
	Dropped    int      // edges of From that Into already had (same relation, other end and article)
	Names      []string // names of From that became aliases of Into
}

// SplitReport says what Split restored.
type SplitReport struct {
	Into, From string
	Restored   int      // edges moved back to From (or recreated)
	Gone       int      // edges of the merge no longer where it put them (forgotten since)
	Names      []string // aliases taken back from Into
}

// MergeDecision is a merge the database remembers.
type MergeDecision struct {
	From, Into string
	// Node is From as it was before the merge.
	Node graph.Node
}

// mergeKey returns the m a (alias) or m u (undo) key of the merged node id.
func mergeKey(sub byte, id string) ([]byte, bool) {
	return appendID([]byte{pfxMerge, sub}, id)
}

// mergeRecord is the value of an m u key: enough to undo a merge.
type mergeRecord struct {
	into    string
	node    []byte   // the merged node's record as it was stored
	names   []string // names the merge added to into
	moved   [][]byte // record keys of the merged node's edges moved to into, as they were
	dropped []kv     // record keys and values of its edges dropped as duplicates of into's
}

func encodeMergeRecord(r *mergeRecord) []byte {
	dst, _ := appendID(nil, r.into)
	dst = appendStr(dst, string(r.node))
	dst = binary.AppendUvarint(dst, uint64(len(r.names)))
	for _, n := range r.names {
		dst = appendStr(dst, n)
	}
	dst = binary.AppendUvarint(dst, uint64(len(r.moved)))
	for _, k := range r.moved {
		dst = appendStr(dst, string(k))
	}
	dst = binary.AppendUvarint(dst, uint64(len(r.dropped)))
	for _, x := range r.dropped {
		dst = appendStr(dst, string(x.k))
		dst = appendStr(dst, string(x.v))
	}
	return dst
}

func decodeMergeRecord(v []byte) (mergeRecord, error) {
	r := reader{b: v}
	var m mergeRecord
	m.into = r.id()
	m.node = r.bytes()
	for range r.count() {
		m.names = append(m.names, r.str())
	}
	for range r.count() {
		m.moved = append(m.moved, r.bytes())
	}
	for range r.count() {
		k := r.bytes()
		m.dropped = append(m.dropped, kv{k, r.bytes()})
	}
	if err := r.done(); err != nil {
		return m, fmt.Errorf("merge record: %w", err)
	}
	return m, nil
}

// mergeable reports whether entities of kinds a and b can be one: the
// same kind, or a party and an organization (which extraction confuses).
func mergeable(a, b graph.Kind) bool {
	if !a.IsEntity() || !b.IsEntity() {
		return false
	}
	orgLike := func(k graph.Kind) bool { return k == graph.Party || k == graph.Organization }
	return a == b || (orgLike(a) && orgLike(b))
}

// Merge makes from an alias of into (entity resolution by hand), in one
// transaction: every edge of from moves to into with its provenance (an
// edge into already has, with the same relation, other end and article,
// is dropped), from's name and aliases become aliases of into, from's node
// and name index entries go, the article index entries of the moved edges
// follow them, and the decision is remembered: later writes of from (an
// ingest, an import) land on into. Only entities merge, of the same kind
// or a party with an organization. Split undoes a merge.
func (db *DB) Merge(ctx context.Context, into, from string) (MergeReport, error) {
	rep := MergeReport{Into: into, From: from}
	err := db.runEdit(ctx, "merge "+from+" into "+into, func(e *edit) error {
		return e.merge(ctx, &rep)
	})
	return rep, err
}

// mergeEnds reads into and from and refuses what cannot merge.
func (e *edit) mergeEnds(into, from string) (a, b graph.Node, err error) {
	if into == from {
		return a, b, fmt.Errorf("%w %s with itself", ErrCannotMerge, into)
	}
	for _, x := range []struct {
		id string
		n  *graph.Node
	}{{into, &a}, {from, &b}} {
		n, ok, err := e.node(x.id)
		if err != nil {
			return a, b, err
		}
		if !ok {
			return a, b, e.missing(x.id)
		}
		*x.n = n
	}
	if !mergeable(a.Kind, b.Kind) {
		return a, b, fmt.Errorf("%w %s (%s) into %s (%s): only entities of the same kind, or a party and an organization, can be one",
			ErrCannotMerge, from, b.Kind, into, a.Kind)
	}
	if _, ok, err := e.mergeRecord(from); err != nil || ok {
		if err == nil {
			err = fmt.Errorf("%w: %s is recorded as merged already; split it first", ErrCannotMerge, from)
		}
		return a, b, err
	}
	return a, b, nil
}

// missing is the error for a node that is not stored: it names the node
// it was merged into, if it was.
func (e *edit) missing(id string) error {
	k, ok := mergeKey(mrgAlias, id)
	if ok {
		if v, found, err := e.get(k); err == nil && found {
			if into, _, err := decodeID(v); err == nil {
				return fmt.Errorf("%s was merged into %s: %w", id, into, graph.ErrNotFound)
			}
		}
	}
	return fmt.Errorf("node %s: %w", id, graph.ErrNotFound)
}

// mergeRecord reads the undo record of the merged node from.
func (e *edit) mergeRecord(from string) (mergeRecord, bool, error) {
	k, ok := mergeKey(mrgUndo, from)
	if !ok {
		return mergeRecord{}, false, nil
	}
	v, ok, err := e.get(k)
	if err != nil || !ok {
		return mergeRecord{}, false, err
	}
	r, err := decodeMergeRecord(v)
	if err != nil {
		return r, false, fmt.Errorf("%s: %w", from, err)
	}
	return r, true, nil
}

func (e *edit) merge(ctx context.Context, rep *MergeReport) error {
	a, b, err := e.mergeEnds(rep.Into, rep.From)
	if err != nil {
		return err
	}
	bk, _ := nodeKey(b.ID)
	brec, _, err := e.get(bk)
	if err != nil {
		return err
	}
	rec := mergeRecord{into: a.ID, node: brec}
	edges, err := e.edgesAt(ctx, b.ID)
	if err != nil {
		return err
	}
	edits := map[string][]indexEdit{}
	for _, old := range edges {
		val, ok, err := e.removeEdge(old)
		if err != nil {
			return err
		}
		if !ok { // an in-index entry without its edge (check reports it)
			ik, _ := inKey(nil, old)
			if err := e.del(ik); err != nil {
				return err
			}
			continue
		}
		moved := renamed(old, b.ID, a.ID)
		rk, _ := recordKey(old)
		dup, err := e.edgeStored(moved)
		if err != nil {
			return err
		}
		if dup {
			rec.dropped = append(rec.dropped, kv{rk, val})
			rep.Dropped++
			moved = graph.Edge{}
		} else {
			if err := e.addEdge(moved, val); err != nil {
				return err
			}
			rec.moved = append(rec.moved, rk)
			rep.Moved++
		}
		if old.Article != "" {
			edits[old.Article] = append(edits[old.Article], indexEditOf(old, moved))
		}
	}
	if err := e.reindexAll(ctx, edits); err != nil {
		return err
	}
	merged := a
	merged.Merge(graph.Node{Aliases: b.Names()})
	for _, n := range merged.Aliases {
		if !slices.Contains(a.Aliases, n) {
			rec.names = append(rec.names, n)
		}
	}
	rep.Names = rec.names
	if err := e.putNode(&merged, indexedNames(&a)); err != nil {
		return err
	}
	if err := e.removeNode(&b); err != nil {
		return err
	}
	ak, _ := mergeKey(mrgAlias, b.ID)
	into, _ := appendID(nil, a.ID)
	if err := e.set(ak, into); err != nil {
		return err
	}
	uk, _ := mergeKey(mrgUndo, b.ID)
	return e.set(uk, encodeMergeRecord(&rec))
}

// renamed returns ed with the end from replaced by into.
func renamed(ed graph.Edge, from, into string) graph.Edge {
	if ed.From == from {
		ed.From = into
	}
	if ed.To == from {
		ed.To = into
	}
	return ed
}

// indexEditOf returns the index edit that replaces old by moved, or only
// removes old when moved is the zero edge.
func indexEditOf(old, moved graph.Edge) indexEdit {
	x := indexEdit{Old: &old}
	if moved.From != "" {
		x.New = &moved
	}
	return x
}

// reindexAll applies index edits article by article, in a fixed order.
func (e *edit) reindexAll(ctx context.Context, edits map[string][]indexEdit) error {
	arts := make([]string, 0, len(edits))
	for a := range edits {
		arts = append(arts, a)
	}
	slices.Sort(arts)
	for _, a := range arts {
		if err := e.reindex(ctx, a, edits[a]); err != nil {
			return err
		}
	}
	return nil
}

// Split undoes Merge(into, from): from is restored as it was, the edges
// the merge moved to into and that are still there move back, the edges
// it dropped as duplicates are recreated (if their ends and article still
// exist), the aliases the merge gave into are taken back, and the decision
// is forgotten, so later writes of from land on from again. Edges that
// later writes put on into because of the merge stay on into. It is one
// transaction.
func (db *DB) Split(ctx context.Context, into, from string) (SplitReport, error) {
	rep := SplitReport{Into: into, From: from}
	err := db.runEdit(ctx, "split "+from+" from "+into, func(e *edit) error {
		return e.split(ctx, &rep)
	})
	return rep, err
}

func (e *edit) split(ctx context.Context, rep *SplitReport) error {
	rec, ok, err := e.mergeRecord(rep.From)
	if err != nil {
		return err
	}
	if !ok {
		return fmt.Errorf("%s was not merged into anything: %w", rep.From, ErrNotMerged)
	}
	if rec.into != rep.Into {
		return fmt.Errorf("%s was merged into %s, not into %s: %w", rep.From, rec.into, rep.Into, ErrNotMerged)
	}
	if found, err := e.exists(rep.From); err != nil || found {
		if err == nil {
			err = fmt.Errorf("split %s: a node %s is stored again; forget or merge it first", rep.From, rep.From)
		}
		return err
	}
	b, err := decodeNode(rep.From, rec.node)
	if err != nil {
		return err
	}
	if err := e.addNode(&b); err != nil {
		return err
	}
	if err := e.takeBackNames(&rec, rep); err != nil {
		return err
	}
	if err := e.restoreEdges(ctx, &rec, rep); err != nil {
		return err
	}
	for _, sub := range []byte{mrgAlias, mrgUndo} {
		k, _ := mergeKey(sub, rep.From)
		if err := e.del(k); err != nil {
			return err
		}
	}
	return nil
}

// takeBackNames removes the aliases the merge gave into.
func (e *edit) takeBackNames(rec *mergeRecord, rep *SplitReport) error {
	a, ok, err := e.node(rec.into)
	if err != nil {
		return err
	}
	if !ok {
		if k, _ := mergeKey(mrgAlias, rec.into); e.anyKey(k) {
			return fmt.Errorf("%w: split %s first", e.missing(rec.into), rec.into)
		}
		return nil // into was forgotten since: nothing to take back
	}
	split := a
	split.Aliases = slices.DeleteFunc(slices.Clone(a.Aliases), func(n string) bool {
		if slices.Contains(rec.names, n) {
			rep.Names = append(rep.Names, n)
			return true
		}
		return false
	})
	if len(rep.Names) == 0 {
		return nil
	}
	if len(split.Aliases) == 0 {
		split.Aliases = nil
	}
	if err := e.putNode(&split, indexedNames(&a)); err != nil {
		return err
	}
	return e.dropNames(a.ID, indexedNames(&a), indexedNames(&split))
}

// restoreEdges moves the merged node's edges back and recreates the ones
// the merge dropped.
func (e *edit) restoreEdges(ctx context.Context, rec *mergeRecord, rep *SplitReport) error {
	edits := map[string][]indexEdit{}
	for _, k := range rec.moved {
		old, err := edgeFromKey(k)
		if err != nil {
			return fmt.Errorf("merge record of %s: %w", rep.From, err)
		}
		moved := renamed(old, rep.From, rep.Into)
		val, ok, err := e.removeEdge(moved)
		if err != nil {
			return err
		}
		if !ok {
			rep.Gone++
			continue
		}
		if err := e.addEdge(old, val); err != nil {
			return err
		}
		rep.Restored++
		if old.Article != "" {
			edits[old.Article] = append(edits[old.Article], indexEdit{Old: &moved, New: &old})
		}
	}
	for _, x := range rec.dropped {
		old, err := edgeFromKey(x.k)
		if err != nil {
			return fmt.Errorf("merge record of %s: %w", rep.From, err)
		}
		ok, err := e.canRestore(old)
		if err != nil {
			return err
		}
		if !ok {
			rep.Gone++
			continue
		}
		if err := e.addEdge(old, x.v); err != nil {
			return err
		}
		rep.Restored++
		if old.Article != "" {
			edits[old.Article] = append(edits[old.Article], indexEdit{New: &old})
		}
	}
	return e.reindexAll(ctx, edits)
}

// canRestore reports whether a dropped edge can come back: it is not
// stored and its ends and article are.
func (e *edit) canRestore(ed graph.Edge) (bool, error) {
	if stored, err := e.edgeStored(ed); err != nil || stored {
		return false, err
	}
	for _, id := range []string{ed.From, ed.To, ed.Article} {
		if id == "" {
			continue
		}
		if ok, err := e.exists(id); err != nil || !ok {
			return false, err
		}
	}
	return true, nil
}

// Merges lists the merge decisions the database remembers, by the ID of
// the merged node.
func (db *DB) Merges(ctx context.Context) ([]MergeDecision, error) {
	var out []MergeDecision
	err := db.bdb.View(func(txn *badger.Txn) error {
		return scan(ctx, txn, []byte{pfxMerge, mrgUndo}, func(item *badger.Item) (bool, error) {
			from, _, err := decodeID(item.Key()[2:])
			if err != nil {
				return false, fmt.Errorf("merge key %q: %w", item.Key(), err)
			}
			v, err := item.ValueCopy(nil)
			if err != nil {
				return false, err
			}
			rec, err := decodeMergeRecord(v)
			if err != nil {
				return false, fmt.Errorf("%s: %w", from, err)
			}
			n, err := decodeNode(from, rec.node)
			if err != nil {
				return false, err
			}
			out = append(out, MergeDecision{From: from, Into: rec.into, Node: n})
			return true, nil
		})
	})
	if err != nil {
		return nil, fmt.Errorf("list merges: %w", err)
	}
	return out, nil
}

// mergeMap maps the IDs of merged nodes to the IDs they were merged into.
type mergeMap map[string]string

// readMerges reads the m a keys (one per merge decision).
func readMerges(txn *badger.Txn) (mergeMap, error) {
	m := mergeMap{}
	err := scan(context.Background(), txn, []byte{pfxMerge, mrgAlias}, func(item *badger.Item) (bool, error) {
		from, _, err := decodeID(item.Key()[2:])
		if err != nil {
			return false, fmt.Errorf("merge key %q: %w", item.Key(), err)
		}
		return true, item.Value(func(v []byte) error {
			into, _, err := decodeID(v)
			m[from] = into
			return err
		})
	})
	if err != nil {
		return nil, fmt.Errorf("read merge decisions: %w", err)
	}
	return m, nil
}

// target returns the node id now stands for: following merges of merges.
func (m mergeMap) target(id string) (string, bool) {
	t, ok := m[id]
	if !ok {
		return id, false
	}
	for range len(m) {
		next, ok := m[t]
		if !ok {
			break
		}
		t = next
	}
	return t, true
}

// apply maps the node IDs of subs through the merge decisions, so that a
// merged node's later records land on the node it was merged into (its
// name becomes an alias there). subs is not modified; a subgraph that
// needs no change is shared.
func (m mergeMap) apply(subs []graph.Subgraph) []graph.Subgraph {
	if len(m) == 0 {
		return subs
	}
	return mapSubgraphs(subs, m.applyOne)
}

// mapSubgraphs returns subs with each subgraph replaced by what one makes
// of it; subs is not modified, and when one changes nothing subs itself is
// returned.
func mapSubgraphs(subs []graph.Subgraph, one func(*graph.Subgraph) (graph.Subgraph, bool)) []graph.Subgraph {
	var out []graph.Subgraph
	for i := range subs {
		s, changed := one(&subs[i])
		if !changed {
			continue
		}
		if out == nil {
			out = slices.Clone(subs)
		}
		out[i] = s
	}
	if out == nil {
		return subs
	}
	return out
}

func (m mergeMap) applyOne(s *graph.Subgraph) (graph.Subgraph, bool) {
	out := *s
	changed := false
	for i, n := range s.Nodes {
		if t, ok := m.target(n.ID); ok {
			if !changed {
				out.Nodes, out.Edges = slices.Clone(s.Nodes), slices.Clone(s.Edges)
				changed = true
			}
			out.Nodes[i].ID, out.Nodes[i].Kind = t, graph.KindOfID(t)
		}
	}
	for i, ed := range s.Edges {
		from, okf := m.target(ed.From)
		to, okt := m.target(ed.To)
		if !okf && !okt {
			continue
		}
		if !changed {
			out.Nodes, out.Edges = slices.Clone(s.Nodes), slices.Clone(s.Edges)
			changed = true
		}
		out.Edges[i].From, out.Edges[i].To = from, to
	}
	return out, changed
}
