package store

import (
	"bytes"
	"errors"
	"fmt"
	"slices"
	"strings"
	"unsafe"

	"github.com/dgraph-io/badger/v4"

	"github.com/claimgraph/claimgraph/graph"
)

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
	evict       []string                        // its articles and claims, dropped from the cache once committed
	seq         uint64                          // numbers the artWrites of a writer
	profiles    []profile                       // profiles first used here
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
	last   uint64              // the seq of the latest artWrite that merged into it
}

// writer carries the state of a write session.
type writer struct {
	db       *DB
	rtxn     *badger.Txn         // snapshot of what is committed, renewed per commit
	cache    map[string]*cnode   // nodes as they are once all queued writes commit
	written  map[string]struct{} // edge keys queued or in flight, not in rtxn
	pending  []*artWrite         // prepared, not yet handed to badger
	pBytes   int64
	pCount   int64
	fresh    map[profile]uint32 // profiles assigned but not known committed
	nextProf uint32             // the last profile ID assigned
	ctr      counters           // counters once all handed-over commits succeed
	inflight *inflight          // the commit badger is running, if any
	stats    graph.WriteStats   // what has been committed
	err      error              // a failed commit, after which nothing is written
	buf      []byte
	awSeq    uint64 // the last artWrite's seq
	// absent is set when the session began on an empty database: nodes
	// it never saw need no point read (see absentFilter)
	absent *absentFilter
	// absorbed holds the claim occurrences merged in this session
	// (absorbedClaims): a repeat that left the cache needs no read
	absorbed *absorbedClaims
	reads    int // point reads of nodes (tests)
}

func newWriter(db *DB) *writer {
	w := &writer{db: db}
	w.reset()
	return w
}

// reset drops everything the writer remembers beyond what is committed:
// the state after an abandoned Write, and the start of a session.
func (w *writer) reset() {
	if w.rtxn != nil {
		w.rtxn.Discard()
	}
	w.rtxn = w.db.bdb.NewTransaction(false)
	w.cache = map[string]*cnode{}
	w.written = map[string]struct{}{}
	w.pending, w.pBytes, w.pCount = nil, 0, 0
	w.fresh = map[profile]uint32{}
	w.nextProf = w.db.profiles.next()
	w.ctr = *w.db.counters
	w.absent = nil
	w.absorbed = newAbsorbedClaims()
	if !hasNodes(w.rtxn) {
		w.absent = newAbsentFilter()
	}
}

// hasNodes reports whether txn sees any node record; it reads one key.
func hasNodes(txn *badger.Txn) bool {
	it := txn.NewIterator(badger.IteratorOptions{Prefix: []byte{pfxNode}, PrefetchValues: false})
	defer it.Close()
	it.Rewind()
	return it.Valid()
}

// uncache drops id from the cache; the snapshot holds it as committed.
func (w *writer) uncache(id string) {
	delete(w.cache, id)
	if w.absent != nil {
		w.absent.add(id)
	}
}

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
	if w.absent != nil && w.absent.absent(id) {
		w.cache[id] = c
		return c, nil
	}
	w.reads++
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
	w.awSeq++
	aw := &artWrite{indexes: map[string]*articleIndexBuilder{}, seq: w.awSeq}
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
	if err := w.checkEnds(sub); err != nil {
		return nil, err
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

// checkEnds fails unless every edge's ends and article are in the
// subgraph or stored. It runs before prepare changes anything.
func (w *writer) checkEnds(sub *graph.Subgraph) error {
	in := make(map[string]bool, len(sub.Nodes))
	for i := range sub.Nodes {
		in[sub.Nodes[i].ID] = true
	}
	for i := range sub.Edges {
		e := &sub.Edges[i]
		for _, id := range []string{e.From, e.To, e.Article} {
			if id == "" || in[id] {
				continue
			}
			c, err := w.node(id)
			if err != nil {
				return err
			}
			if !c.exists {
				return fmt.Errorf("edge %s -%s-> %s: node %q is neither in the subgraph nor stored", e.From, e.Rel, e.To, id)
			}
			in[id] = true
		}
	}
	return nil
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
	key, claim := w.absorbed.key(n)
	if _, cached := w.cache[n.ID]; claim && !cached && w.absorbed.has(key) {
		// stored with n merged, and so unchanged by merging it again
		if sub.Article != "" {
			aw.index(sub.Article).node(n.ID).Touched = true
		}
		return nil
	}
	c, err := w.node(n.ID)
	if err != nil {
		return err
	}
	if claim {
		w.absorbed.add(key)
	}
	aw.touched = append(aw.touched, n.ID)
	c.last = aw.seq
	if n.Kind == graph.Article || n.Kind == graph.Claim {
		aw.evict = append(aw.evict, n.ID)
	}
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
	oldName, oldAliases := c.n.Name, c.n.Aliases
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
	if c.n.Kind.IsEntity() && (len(c.names) == 0 || c.n.Name != oldName || !slices.Equal(c.n.Aliases, oldAliases)) {
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
	w.written[aliasString(key)] = struct{}{}
	var ref evidenceRef
	if own && e.Evidence != "" && evidenceByRef(e.Rel) {
		ref = findEvidence(text, e)
	}
	val := encodeEdge(nil, e, ref, w.profileID(aw, profile{e.Rule, e.Confidence}))
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

// aliasString returns k's bytes as a string without copying them. Keys
// are never changed once built (badger's Set forbids it too), and the
// written set drops its entry when the transaction holding the key has
// committed.
func aliasString(k []byte) string { return unsafe.String(unsafe.SliceData(k), len(k)) }

// isArticleEdge reports whether e is an article's mention of an entity
// (from the article, with the article as provenance). These are a third of
// a typical article's edges; storing them as an i key holding the
// provenance, listed in the article index, saves one key per edge. Reads
// of the article's out-edges take them from the article index.
func isArticleEdge(e *graph.Edge) bool {
	return e.Rel == graph.Mentions && e.Article != "" && e.From == e.Article
}

// evidenceByRef reports whether edges of relation r store their evidence
// as a span of the article text rather than as a copy. About and mentions
// edges are half of an article's edges and their evidence is seldom shown,
// so they save the bytes; said, member-of, disputes and supports edges keep
// a copy, so that reading them (said --by, said --about) stays a pure
// prefix scan. Reading a span costs a lookup of the article's text. (Spans
// for every relation saved a fifth of the bytes an ingest writes, but made
// reading all 10,000 said edges of a hub 7 times slower: the hub's claims
// come from thousands of articles; see docs/PERFORMANCE.md.)
func evidenceByRef(r graph.Rel) bool { return r == graph.About || r == graph.Mentions }

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

// profileID returns the dictionary ID of p, assigning a new one if needed
// (which aw then writes); 0 stands for no rule and no confidence.
func (w *writer) profileID(aw *artWrite, p profile) uint32 {
	if p == (profile{}) {
		return 0
	}
	if id, ok := w.db.profiles.lookup(p); ok {
		return id
	}
	if id, ok := w.fresh[p]; ok {
		return id
	}
	w.nextProf++
	w.fresh[p] = w.nextProf
	aw.profiles = append(aw.profiles, p)
	aw.size += int64(len(p.rule)+13) + entryOverhead
	return w.nextProf
}
