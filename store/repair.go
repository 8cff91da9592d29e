package store

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/dgraph-io/badger/v4"

	"github.com/claimgraph/claimgraph/graph"
)

// RepairReport says what Repair changed besides rebuilding the indexes.
type RepairReport struct {
	Removed  int      // records that did not decode, deleted
	Stubs    int      // placeholder nodes created for edges' missing ends or articles
	InAdded  int      // in-index entries added for edges that lacked them
	InPruned int      // in-index entries deleted because their edge is gone
	Examples []string // a few of the above
}

// repairChunk is how many postings or article index edges Repair gathers
// before writing them as one entry per word or article.
const repairChunk = 200_000

// Repair rebuilds the indexes from the records. The records are the node
// records, the edges (o keys, and the i keys of articles' own mentions) and
// the rule profiles; the indexes are the name, token and article indexes,
// the in-adjacency and the counters. Records that do not decode are
// deleted; an edge whose end or provenance article is missing gets a
// placeholder node named after its ID, so that no edge is lost. Merge and
// attribution decisions that do not decode are deleted, and a merge's
// missing alias key is written again from its undo record. Repair is
// not atomic: if it is interrupted, run it again. It waits for writes in
// this process to finish.
func (db *DB) Repair(ctx context.Context) (RepairReport, error) {
	if db.readOnly {
		return RepairReport{}, fmt.Errorf("repair %s: %w", db.path, ErrReadOnly)
	}
	db.wmu.Lock()
	defer db.wmu.Unlock()
	if err := db.profiles.ensure(db.bdb); err != nil {
		return RepairReport{}, err
	}
	r := &repairer{db: db, ids: map[string]bool{}, removed: map[string]bool{}, indexed: map[string]bool{},
		postings: map[string][][]byte{}, index: map[string]*articleIndexBuilder{}}
	err := r.run(ctx)
	db.counters = nil // reloaded by the next write
	if err != nil {
		return r.rep, fmt.Errorf("repair %s: %w", db.path, err)
	}
	return r.rep, nil
}

// repairer carries one Repair.
type repairer struct {
	db       *DB
	txn      *badger.Txn // snapshot read after the indexes are dropped
	wb       *badger.WriteBatch
	rep      RepairReport
	ids      map[string]bool // node IDs stored (or stubbed)
	removed  map[string]bool // edge records deleted (not in the snapshot's view)
	articles []string
	indexed  map[string]bool // articles given an index entry
	ctr      counters
	postings map[string][][]byte
	nPost    int
	index    map[string]*articleIndexBuilder
	nIndex   int
}

func (r *repairer) run(ctx context.Context) error {
	if err := r.db.bdb.DropPrefix([]byte{pfxName}, []byte{pfxToken}, []byte{pfxArticle}, []byte{pfxCounter}); err != nil {
		return fmt.Errorf("drop indexes: %w", err)
	}
	r.txn = r.db.bdb.NewTransaction(false)
	defer r.txn.Discard()
	r.wb = r.db.bdb.NewWriteBatch()
	defer r.wb.Cancel()
	for _, step := range []func(context.Context) error{r.nodes, r.outEdges, r.inEdges, r.decisions, r.finish} {
		if err := step(ctx); err != nil {
			return err
		}
	}
	return r.wb.Flush()
}

func (r *repairer) note(format string, args ...any) {
	if len(r.rep.Examples) < 2*maxExamples {
		r.rep.Examples = append(r.rep.Examples, fmt.Sprintf(format, args...))
	}
}

// nodes reads the node records and indexes them.
func (r *repairer) nodes(ctx context.Context) error {
	return scan(ctx, r.txn, []byte{pfxNode}, func(item *badger.Item) (bool, error) {
		k := item.KeyCopy(nil)
		id, n, err := decodeID(k[1:])
		var node graph.Node
		if err == nil && n == len(k)-1 {
			err = item.Value(func(v []byte) error {
				node, err = decodeNode(id, v)
				return err
			})
		} else if err == nil {
			err = errors.New("trailing bytes")
		}
		if err != nil {
			r.rep.Removed++
			r.note("removed node record %q: %v", k, err)
			return true, r.wb.Delete(k)
		}
		return true, r.indexNode(&node)
	})
}

// indexNode writes the name index entries and postings of a node record.
func (r *repairer) indexNode(n *graph.Node) error {
	r.ids[n.ID] = true
	g, _ := kindCodes(n.Kind)
	r.ctr.nodes[g]++
	switch {
	case n.Kind.IsEntity():
		for _, norm := range indexedNames(n) {
			k, _ := nameKey(nil, norm, n.ID)
			if err := r.wb.Set(k, nil); err != nil {
				return err
			}
		}
	case n.Kind == graph.Claim:
		enc, _ := appendID(nil, n.ID)
		for _, t := range indexTokens(claimText(n)) {
			r.postings[t] = append(r.postings[t], enc)
			r.nPost++
		}
		if r.nPost >= repairChunk {
			return r.flushPostings()
		}
	case n.Kind == graph.Article:
		r.articles = append(r.articles, n.ID)
	}
	return nil
}

func (r *repairer) flushPostings() error {
	if r.nPost == 0 {
		return nil
	}
	r.ctr.seq++
	for t, claims := range r.postings {
		slices.SortFunc(claims, bytes.Compare)
		if err := r.wb.Set(tokenKey(t, r.ctr.seq), bytes.Join(slices.CompactFunc(claims, bytes.Equal), nil)); err != nil {
			return err
		}
	}
	clear(r.postings)
	r.nPost = 0
	return nil
}

// outEdges reads the o keys: it removes those that do not decode, gives the
// others their ends, in-index entries and article index entries.
func (r *repairer) outEdges(ctx context.Context) error {
	return scan(ctx, r.txn, []byte{pfxOut}, func(item *badger.Item) (bool, error) {
		e, ok, err := r.edgeRecord(item)
		if err != nil || !ok {
			return err == nil, err
		}
		ik, _ := inKey(nil, e)
		_, err = r.txn.Get(ik)
		if errors.Is(err, badger.ErrKeyNotFound) {
			r.rep.InAdded++
			r.note("added in-index entry of %s", edgeString(e))
			err = r.wb.Set(ik, nil)
		}
		return err == nil, err
	})
}

// inEdges reads the i keys: the records of articles' own mentions are
// treated as edges; in-index entries whose edge is gone are deleted.
func (r *repairer) inEdges(ctx context.Context) error {
	return scan(ctx, r.txn, []byte{pfxIn}, func(item *badger.Item) (bool, error) {
		if item.ValueSize() > 0 {
			_, _, err := r.edgeRecord(item)
			return err == nil, err
		}
		ok, valid := swapEdgeKey(item.Key())
		if !valid {
			r.rep.Removed++
			r.note("removed in-index key %q", item.Key())
			return true, r.wb.Delete(item.KeyCopy(nil))
		}
		_, err := r.txn.Get(ok)
		if r.removed[string(ok)] {
			err = badger.ErrKeyNotFound
		}
		if errors.Is(err, badger.ErrKeyNotFound) {
			e, _ := edgeFromKey(item.Key())
			r.rep.InPruned++
			r.note("removed in-index entry of missing %s", edgeString(e))
			err = r.wb.Delete(item.KeyCopy(nil))
		}
		return err == nil, err
	})
}

// edgeRecord checks one edge record, deleting it if it does not decode,
// stubbing its missing ends and dropping a profile that is gone; ok says
// whether the edge remains.
func (r *repairer) edgeRecord(item *badger.Item) (graph.Edge, bool, error) {
	k := item.KeyCopy(nil)
	e, err := edgeFromKey(k)
	var ev edgeValue
	if err == nil {
		err = item.Value(func(v []byte) error {
			ev, err = decodeEdgeValue(v)
			return err
		})
	}
	if err == nil && k[0] == pfxIn && !isArticleEdge(&e) {
		err = errors.New("provenance on an in-index entry")
	}
	if err != nil {
		r.rep.Removed++
		r.removed[string(k)] = true
		r.note("removed edge record %q: %v", k, err)
		return e, false, r.wb.Delete(k)
	}
	for _, id := range []string{e.From, e.To, e.Article} {
		if err := r.stub(id); err != nil {
			return e, false, err
		}
	}
	if ev.profile != 0 {
		if _, err := r.db.profiles.get(r.db.bdb, ev.profile); err != nil {
			r.note("dropped unknown rule profile %d of %s", ev.profile, edgeString(e))
			e.Start, e.End, e.Role, e.Evidence = ev.start, ev.end, ev.role, ev.evidence
			if err := r.wb.Set(k, encodeEdge(nil, &e, ev.ref, 0)); err != nil {
				return e, false, err
			}
		}
	}
	r.ctr.edges[relCode(e.Rel)]++
	if e.Article != "" {
		if err := r.addToIndex(&e); err != nil {
			return e, false, err
		}
	}
	return e, true, nil
}

// stub creates a placeholder node for a missing edge end.
func (r *repairer) stub(id string) error {
	if id == "" || r.ids[id] {
		return nil
	}
	n := graph.Node{ID: id, Kind: graph.KindOfID(id), Name: stubName(id)}
	if n.Kind == graph.Claim {
		n.Text = n.Name
	}
	k, _ := nodeKey(id)
	if err := r.wb.Set(k, encodeNode(nil, &n)); err != nil {
		return err
	}
	r.rep.Stubs++
	r.note("created placeholder node %s", id)
	return r.indexNode(&n)
}

// stubName names a placeholder after its ID: "person/jane-roe" -> "jane
// roe".
func stubName(id string) string {
	_, rest, _ := strings.Cut(id, "/")
	return strings.ReplaceAll(rest, "-", " ")
}

// addToIndex lists e in its article's index entry.
func (r *repairer) addToIndex(e *graph.Edge) error {
	b := r.index[e.Article]
	if b == nil {
		b = &articleIndexBuilder{pos: map[string]int{}}
		b.node(e.Article)
		r.index[e.Article] = b
	}
	b.edge(e)
	if r.nIndex++; r.nIndex >= repairChunk {
		return r.flushIndex()
	}
	return nil
}

func (r *repairer) flushIndex() error {
	if len(r.index) == 0 {
		return nil
	}
	r.ctr.seq++
	for article, b := range r.index {
		k, _ := articleIndexKey(article, r.ctr.seq)
		if err := r.wb.Set(k, encodeArticleIndex(nil, &b.ai)); err != nil {
			return err
		}
		r.indexed[article] = true
	}
	clear(r.index)
	r.nIndex = 0
	return nil
}

// finish writes what is still gathered, an index entry for every article
// without edges, and the counters.
func (r *repairer) finish(context.Context) error {
	if err := r.flushPostings(); err != nil {
		return err
	}
	if err := r.flushIndex(); err != nil {
		return err
	}
	for _, a := range r.articles {
		if r.indexed[a] {
			continue
		}
		b := &articleIndexBuilder{pos: map[string]int{}}
		b.node(a)
		r.index[a] = b
	}
	if err := r.flushIndex(); err != nil {
		return err
	}
	var zero counters
	zero.seq = r.ctr.seq + 1 // makes ctr.write set every counter
	return r.ctr.write(r.wb.Set, &zero)
}
