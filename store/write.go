package store

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"math"
	"slices"
	"strings"
	"sync/atomic"

	"github.com/dgraph-io/badger/v4"
	"github.com/dgraph-io/badger/v4/skl"

	"github.com/claimgraph/claimgraph/graph"
)

// ErrReadOnly is returned by the writing methods of a read-only DB.
var ErrReadOnly = errors.New("database opened read-only")

// Limits on what one node or edge may hold, so that no key outgrows
// badger's 64 KB key limit.
const (
	maxIDLen       = 512 // bytes of a node ID
	maxIndexedName = 512 // longer normalised names are not indexed
	cacheMax       = 200_000
	writtenMax     = 1_000_000
	entryOverhead  = 12 // what badger adds to each entry's key+value in a txn
)

// txnBudget returns the size and entry budgets of one write transaction:
// 90% of badger's limits (which fail a Set with ErrTxnTooBig), or less.
func txnBudget(o badger.Options, maxBytes int64) (int64, int64) {
	batch := 15 * o.MemTableSize / 100
	count := batch / int64(skl.MaxNodeSize)
	b := batch * 9 / 10
	if maxBytes > 0 && maxBytes < b {
		b = maxBytes
	}
	return b, count * 9 / 10
}

// Write stores subgraphs (graph.Writer). Whole articles are grouped into
// badger transactions: each article's subgraph lands wholly or not at all,
// even if the process is killed. A Write whose subgraphs fit in one
// transaction (about a thousand typical articles) is atomic; a larger one
// commits whole articles transaction by transaction, in order, and on an
// error or cancellation returns the stats of what was committed before it.
// Every subgraph is checked before anything is written: IDs must be
// "kind/name" with the node's kind, relations known, spans non-negative;
// an edge's ends and its article must be in the subgraph or stored.
func (db *DB) Write(ctx context.Context, subs []graph.Subgraph) (graph.WriteStats, error) {
	if db.readOnly {
		return graph.WriteStats{}, fmt.Errorf("write to %s: %w", db.path, ErrReadOnly)
	}
	for i := range subs {
		if err := validateSubgraph(&subs[i]); err != nil {
			return graph.WriteStats{}, fmt.Errorf("subgraph %d%s: %w", i+1, articleLabel(subs[i].Article), err)
		}
	}
	db.wmu.Lock()
	defer db.wmu.Unlock()
	if err := db.prepareWrites(); err != nil {
		return graph.WriteStats{}, err
	}
	w := newWriter(db)
	defer w.close()
	for i := range subs {
		if err := ctx.Err(); err != nil {
			return w.stats, fmt.Errorf("write interrupted: %w", err)
		}
		aw, err := w.prepare(&subs[i])
		if err != nil {
			return w.stats, fmt.Errorf("subgraph %d%s: %w", i+1, articleLabel(subs[i].Article), err)
		}
		if err := w.add(aw); err != nil {
			return w.stats, err
		}
	}
	if err := ctx.Err(); err != nil {
		return w.stats, fmt.Errorf("write interrupted: %w", err)
	}
	return w.stats, w.flush()
}

func articleLabel(id string) string {
	if id == "" {
		return ""
	}
	return " (" + id + ")"
}

// prepareWrites loads what writes keep in memory: counters and profiles.
func (db *DB) prepareWrites() error {
	if err := db.profiles.ensure(db.bdb); err != nil {
		return err
	}
	if db.counters != nil {
		return nil
	}
	c, err := db.readCounters()
	if err != nil {
		return err
	}
	db.counters = &c
	return nil
}

// validateSubgraph checks what can be checked without reading the store.
func validateSubgraph(s *graph.Subgraph) error {
	if s.Article != "" {
		if err := checkStoredID(s.Article); err != nil {
			return err
		}
		if graph.KindOfID(s.Article) != graph.Article {
			return fmt.Errorf("article ID %q is not an article/ ID", s.Article)
		}
		if !slices.ContainsFunc(s.Nodes, func(n graph.Node) bool { return n.ID == s.Article }) {
			return fmt.Errorf("article node %q is not among the subgraph's nodes", s.Article)
		}
	}
	for i := range s.Nodes {
		n := &s.Nodes[i]
		if err := checkStoredID(n.ID); err != nil {
			return fmt.Errorf("node: %w", err)
		}
		if n.Kind != graph.KindOfID(n.ID) {
			return fmt.Errorf("node %q: kind %q does not match its ID", n.ID, n.Kind)
		}
	}
	for i := range s.Edges {
		if err := validateEdge(&s.Edges[i]); err != nil {
			return fmt.Errorf("edge %s -%s-> %s: %w", s.Edges[i].From, s.Edges[i].Rel, s.Edges[i].To, err)
		}
	}
	return nil
}

func validateEdge(e *graph.Edge) error {
	if !e.Rel.Valid() {
		return fmt.Errorf("unknown relation %q", e.Rel)
	}
	for _, id := range []string{e.From, e.To} {
		if err := checkStoredID(id); err != nil {
			return err
		}
	}
	if e.Article != "" {
		if err := checkStoredID(e.Article); err != nil {
			return err
		}
		if graph.KindOfID(e.Article) != graph.Article {
			return fmt.Errorf("provenance %q is not an article/ ID", e.Article)
		}
	}
	if e.Start < 0 || e.End < e.Start {
		return fmt.Errorf("span [%d,%d) is not a span", e.Start, e.End)
	}
	if math.IsNaN(e.Confidence) || e.Confidence < 0 || e.Confidence > 1 {
		return fmt.Errorf("confidence %v is outside [0,1]", e.Confidence)
	}
	return nil
}

func checkStoredID(id string) error {
	if len(id) > maxIDLen {
		return fmt.Errorf("ID %.40q... is longer than %d bytes", id, maxIDLen)
	}
	return checkID(id)
}

// kv is one key and value to set.
type kv struct{ k, v []byte }

// posting is one claim to add to a token's posting list.
type posting struct {
	token string
	claim []byte // appendID form
}

// artWrite is everything one subgraph adds, computed against the store as
// it will be once the subgraphs before it are committed.
type artWrite struct {
	kvs         []kv
	size, count int64
	stats       graph.WriteStats
	nodes       [16]int64 // new nodes by kind code
	edges       [8]int64  // new edges by relation code
	postings    []posting
	indexes     map[string]*articleIndexBuilder // article index entries by article
	entries     []indexEntry                    // the same, encoded
	touched     []string                        // node IDs the subgraph read or wrote
}

// indexEntry is an encoded article index entry; its key needs the sequence
// number of the transaction that commits it.
type indexEntry struct {
	article string
	v       []byte
}

func (a *artWrite) set(k, v []byte) {
	a.kvs = append(a.kvs, kv{k, v})
	a.size += int64(len(k)+len(v)) + entryOverhead
	a.count++
}

// articleIndexBuilder collects one article index entry.
type articleIndexBuilder struct {
	ai  articleIndex
	pos map[string]int
}

func (b *articleIndexBuilder) node(id string) *indexedNode {
	i, ok := b.pos[id]
	if !ok {
		i = len(b.ai.Nodes)
		b.pos[id] = i
		b.ai.Nodes = append(b.ai.Nodes, indexedNode{ID: id})
	}
	return &b.ai.Nodes[i]
}

func (b *articleIndexBuilder) edge(e *graph.Edge) {
	from := b.pos[b.node(e.From).ID]
	to := b.pos[b.node(e.To).ID]
	b.ai.Edges = append(b.ai.Edges, indexedEdge{From: from, To: to, Rel: e.Rel})
}

// cnode is the writer's view of a node: what the store holds once the
// pending subgraphs are committed.
type cnode struct {
	n      graph.Node
	exists bool
	rec    []byte              // the stored record
	names  map[string]struct{} // normalised names indexed (entities)
}

// writer carries the state of one Write call.
type writer struct {
	db       *DB
	rtxn     *badger.Txn // snapshot the cache and written complete
	cache    map[string]*cnode
	written  map[string]struct{} // o keys written by this Write
	pending  []*artWrite
	pBytes   int64
	pCount   int64
	profiles map[profile]uint32 // profiles first used by the pending subgraphs
	stats    graph.WriteStats   // what has been committed
	buf      []byte
}

func newWriter(db *DB) *writer {
	return &writer{
		db:       db,
		rtxn:     db.bdb.NewTransaction(false),
		cache:    map[string]*cnode{},
		written:  map[string]struct{}{},
		profiles: map[profile]uint32{},
	}
}

func (w *writer) close() { w.rtxn.Discard() }

// node returns the writer's view of id, reading the store once.
func (w *writer) node(id string) (*cnode, error) {
	if c, ok := w.cache[id]; ok {
		return c, nil
	}
	c := &cnode{n: graph.Node{ID: id, Kind: graph.KindOfID(id)}}
	k, ok := nodeKey(id)
	if !ok {
		return nil, fmt.Errorf("ID %q cannot be stored", id)
	}
	item, err := w.rtxn.Get(k)
	switch {
	case errors.Is(err, badger.ErrKeyNotFound):
	case err != nil:
		return nil, fmt.Errorf("read node %q: %w", id, err)
	default:
		if c.rec, err = item.ValueCopy(nil); err != nil {
			return nil, fmt.Errorf("read node %q: %w", id, err)
		}
		if c.n, err = decodeNode(id, c.rec); err != nil {
			return nil, err
		}
		c.exists = true
	}
	w.cache[id] = c
	return c, nil
}

// prepare computes what sub adds and updates the writer's view.
func (w *writer) prepare(sub *graph.Subgraph) (*artWrite, error) {
	aw := &artWrite{indexes: map[string]*articleIndexBuilder{}}
	newArticle := false
	if sub.Article != "" {
		c, err := w.node(sub.Article)
		if err != nil {
			return nil, err
		}
		if c.exists {
			aw.stats.Unchanged = 1
			return aw, nil
		}
		aw.stats.Articles = 1
		newArticle = true
	}
	for i := range sub.Nodes {
		if err := w.mergeNode(aw, sub, &sub.Nodes[i]); err != nil {
			return nil, err
		}
	}
	var text string
	if newArticle {
		text = w.cache[sub.Article].n.Text
	}
	for i := range sub.Edges {
		e := &sub.Edges[i]
		own := newArticle && e.Article == sub.Article
		if err := w.addEdge(aw, e, own, text); err != nil {
			return nil, fmt.Errorf("edge %s -%s-> %s: %w", e.From, e.Rel, e.To, err)
		}
	}
	for article, b := range aw.indexes {
		v := encodeArticleIndex(nil, &b.ai)
		aw.entries = append(aw.entries, indexEntry{article, v})
		aw.size += int64(len(article)+8+len(v)) + entryOverhead
		aw.count++
	}
	return aw, nil
}

// index returns the article index entry of article in aw.
func (aw *artWrite) index(article string) *articleIndexBuilder {
	b := aw.indexes[article]
	if b == nil {
		b = &articleIndexBuilder{pos: map[string]int{}}
		aw.indexes[article] = b
	}
	return b
}

// mergeNode merges n into the stored node and emits what changed: the
// record, new name index keys, and for a new claim its tokens.
func (w *writer) mergeNode(aw *artWrite, sub *graph.Subgraph, n *graph.Node) error {
	c, err := w.node(n.ID)
	if err != nil {
		return err
	}
	aw.touched = append(aw.touched, n.ID)
	var ai *indexedNode
	if sub.Article != "" {
		ai = aw.index(sub.Article).node(n.ID)
		ai.Touched = true
	}
	if c.n.Kind.IsEntity() && c.names == nil {
		c.names = map[string]struct{}{}
		if c.exists { // its names were indexed when it was stored
			for _, nm := range c.n.Names() {
				c.names[graph.NormalizeName(nm)] = struct{}{}
			}
		}
	}
	if !c.exists {
		c.n = *n
		c.n.Aliases = graph.MergeAliases(n.Name, n.Aliases)
		c.exists = true
		aw.stats.Nodes++
		g, _ := kindCodes(n.Kind)
		aw.nodes[g]++
		if ai != nil {
			ai.Created = true
		}
		if n.Kind == graph.Claim {
			w.addTokens(aw, n.ID, claimText(&c.n))
		}
	} else {
		c.n.Merge(*n)
	}
	if c.n.Kind.IsEntity() {
		added := w.indexNames(aw, c)
		if ai != nil {
			ai.Added = append(ai.Added, added...)
		}
	}
	w.buf = encodeNode(w.buf[:0], &c.n)
	if !bytes.Equal(w.buf, c.rec) {
		c.rec = bytes.Clone(w.buf)
		k, _ := nodeKey(n.ID)
		aw.set(k, c.rec)
	}
	return nil
}

// indexNames emits name index keys for the names of c not indexed yet and
// returns those names.
func (w *writer) indexNames(aw *artWrite, c *cnode) []string {
	var added []string
	for _, nm := range c.n.Names() {
		norm := graph.NormalizeName(nm)
		if _, ok := c.names[norm]; ok {
			continue
		}
		c.names[norm] = struct{}{}
		added = append(added, nm)
		if norm == "" || len(norm) > maxIndexedName {
			continue
		}
		k, _ := nameKey(nil, norm, c.n.ID)
		aw.set(k, nil)
	}
	return added
}

// addTokens adds a new claim to the posting lists of its words.
func (w *writer) addTokens(aw *artWrite, id, text string) {
	claim, _ := appendID(nil, id)
	for _, t := range indexTokens(text) {
		aw.postings = append(aw.postings, posting{t, claim})
		aw.size += int64(len(t)+len(claim)) + entryOverhead
	}
}

// addEdge emits e's o and i keys unless the edge is stored already. own
// says e's provenance is the subgraph's new article, whose edges cannot be
// stored yet; text is that article's text.
func (w *writer) addEdge(aw *artWrite, e *graph.Edge, own bool, text string) error {
	for _, id := range []string{e.From, e.To, e.Article} {
		if id == "" {
			continue
		}
		c, err := w.node(id)
		if err != nil {
			return err
		}
		if !c.exists {
			return fmt.Errorf("node %q does not exist", id)
		}
	}
	// an article's own mentions keep their provenance on the i key and
	// have no o key: the article index lists them (see isArticleEdge)
	article := isArticleEdge(e)
	var key []byte
	if article {
		key, _ = inKey(nil, *e)
	} else {
		key, _ = outKey(nil, *e)
	}
	if _, dup := w.written[string(key)]; dup {
		return nil
	}
	if !own {
		_, err := w.rtxn.Get(key)
		switch {
		case err == nil:
			return nil
		case !errors.Is(err, badger.ErrKeyNotFound):
			return fmt.Errorf("read edge: %w", err)
		}
	}
	w.written[string(key)] = struct{}{}
	var ref evidenceRef
	if own && e.Evidence != "" {
		ref = findEvidence(text, e)
	}
	val := encodeEdge(nil, e, ref, w.profileID(profile{e.Rule, e.Confidence}))
	aw.set(key, val)
	if !article {
		ik, _ := inKey(nil, *e)
		aw.set(ik, nil)
	}
	aw.stats.Edges++
	aw.edges[relCode(e.Rel)]++
	if e.Article != "" {
		aw.index(e.Article).edge(e)
	}
	return nil
}

// isArticleEdge reports whether e is an article's mention of an entity
// (from the article, with the article as provenance). These are a third of
// a typical article's edges; storing them as an i key holding the
// provenance, listed in the article index, saves one key per edge. Reads
// of the article's out-edges take them from the article index.
func isArticleEdge(e *graph.Edge) bool {
	return e.Rel == graph.Mentions && e.Article != "" && e.From == e.Article
}

// findEvidence locates e's evidence in its article's text, looking near
// the edge's span first.
func findEvidence(text string, e *graph.Edge) evidenceRef {
	lo, hi := max(0, e.Start-4096), min(len(text), e.End+4096)
	if lo < hi {
		if i := strings.Index(text[lo:hi], e.Evidence); i >= 0 {
			return evidenceRef{off: lo + i, n: len(e.Evidence), ok: true}
		}
	}
	if i := strings.Index(text, e.Evidence); i >= 0 {
		return evidenceRef{off: i, n: len(e.Evidence), ok: true}
	}
	return evidenceRef{}
}

// profileID returns the dictionary ID of p, assigning a new one if needed;
// 0 stands for no rule and no confidence.
func (w *writer) profileID(p profile) uint32 {
	if p == (profile{}) {
		return 0
	}
	if id, ok := w.db.profiles.lookup(p); ok {
		return id
	}
	if id, ok := w.profiles[p]; ok {
		return id
	}
	id := w.db.profiles.next() + uint32(len(w.profiles)) + 1
	w.profiles[p] = id
	return id
}

// add queues aw, committing the queue first if aw would overflow it.
func (w *writer) add(aw *artWrite) error {
	if len(w.pending) > 0 && (w.pBytes+aw.size > w.db.maxBytes || w.pCount+aw.count > w.db.maxCount) {
		if err := w.flush(); err != nil {
			return err
		}
		w.trim(aw)
	}
	w.pending = append(w.pending, aw)
	w.pBytes += aw.size
	w.pCount += aw.count
	return nil
}

// trim bounds the writer's memory between transactions: once the cache or
// the written set is large, it keeps only what the queued aw depends on and
// takes a fresh snapshot, which holds everything committed so far.
func (w *writer) trim(aw *artWrite) {
	if len(w.cache) < cacheMax && len(w.written) < writtenMax {
		return
	}
	cache := make(map[string]*cnode, len(aw.touched))
	for _, id := range aw.touched {
		cache[id] = w.cache[id]
	}
	written := map[string]struct{}{}
	for _, e := range aw.kvs {
		if e.k[0] == pfxOut || (e.k[0] == pfxIn && len(e.v) > 0) {
			written[string(e.k)] = struct{}{}
		}
	}
	w.cache, w.written = cache, written
	w.rtxn.Discard()
	w.rtxn = w.db.bdb.NewTransaction(false)
}

// flush commits the queue.
func (w *writer) flush() error {
	if len(w.pending) == 0 {
		return nil
	}
	err := w.commit(w.pending)
	w.pending, w.pBytes, w.pCount = nil, 0, 0
	return err
}

// commit writes arts in one transaction, with their token posting lists,
// article index entries and counters. If badger finds the transaction too
// big after all (the size estimate is conservative, so it should not), the
// articles are split in two and committed in order.
func (w *writer) commit(arts []*artWrite) error {
	ctr := *w.db.counters
	ctr.seq++
	txn := w.db.bdb.NewTransaction(true)
	defer txn.Discard()
	err := w.fill(txn, arts, &ctr)
	if errors.Is(err, badger.ErrTxnTooBig) && len(arts) > 1 {
		txn.Discard()
		h := len(arts) / 2
		if err := w.commit(arts[:h]); err != nil {
			return err
		}
		return w.commit(arts[h:])
	}
	if err != nil {
		return fmt.Errorf("write: %w", err)
	}
	if err := txn.Commit(); err != nil {
		return fmt.Errorf("commit: %w", err)
	}
	*w.db.counters = ctr
	w.db.profiles.add(w.profiles)
	clear(w.profiles)
	for _, a := range arts {
		w.stats.Add(a.stats)
	}
	return nil
}

// fill sets every key of arts in txn and updates ctr.
func (w *writer) fill(txn *badger.Txn, arts []*artWrite, ctr *counters) error {
	set := func(k, v []byte) error {
		w.db.volume.add(k, v)
		return txn.Set(k, v)
	}
	postings := map[string][][]byte{}
	for _, a := range arts {
		for _, e := range a.kvs {
			if err := set(e.k, e.v); err != nil {
				return err
			}
		}
		for _, e := range a.entries {
			k, _ := articleIndexKey(e.article, ctr.seq)
			if err := set(k, e.v); err != nil {
				return err
			}
		}
		for _, p := range a.postings {
			postings[p.token] = append(postings[p.token], p.claim)
		}
		ctr.addDeltas(a)
	}
	for t, claims := range postings {
		slices.SortFunc(claims, bytes.Compare)
		claims = slices.CompactFunc(claims, bytes.Equal)
		if err := set(tokenKey(t, ctr.seq), bytes.Join(claims, nil)); err != nil {
			return err
		}
	}
	for p, id := range w.profiles {
		if err := set(profileKey(id), encodeProfile(p)); err != nil {
			return err
		}
	}
	return ctr.write(set, w.db.counters)
}

// volume counts the keys and key+value bytes handed to badger by writes,
// for benchmarks and the storage documentation.
type volume struct {
	keys, bytes atomic.Int64
	// by key family (prefix byte)
	famKeys, famBytes [128]atomic.Int64
}

func (v *volume) add(k, val []byte) {
	n := int64(len(k) + len(val))
	v.keys.Add(1)
	v.bytes.Add(n)
	f := k[0] & 0x7f
	v.famKeys[f].Add(1)
	v.famBytes[f].Add(n)
}
