package store

import (
	"context"
	"errors"
	"fmt"
	"hash/maphash"
	"slices"
	"strings"

	"github.com/dgraph-io/badger/v4"

	"github.com/claimgraph/claimgraph/graph"
)

// CheckReport is what Check found.
type CheckReport struct {
	Nodes    int // node records read
	Edges    int // edge records read
	Articles int // article nodes
	// Problems lists each kind of problem found, in a fixed order; empty
	// when the database is consistent.
	Problems []Problem
}

// OK reports whether Check found no problem.
func (r *CheckReport) OK() bool { return len(r.Problems) == 0 }

// Problem is one kind of inconsistency, how often it occurs and a few
// examples.
type Problem struct {
	What     string
	Count    int
	Examples []string
}

// maxExamples is how many examples a Problem keeps.
const maxExamples = 5

// The kinds of problem, in report order.
const (
	probKey          = "key that does not decode"
	probNode         = "node record that does not decode"
	probEdge         = "edge record that does not decode"
	probEnd          = "edge whose end node is missing"
	probProvenance   = "edge whose provenance article is missing"
	probProfile      = "edge whose rule profile is missing"
	probNoIn         = "edge without its in-index entry"
	probNoOut        = "in-index entry without its edge"
	probNameStale    = "name index entry that names no such node"
	probNameMissing  = "entity name missing from the name index"
	probTokenStale   = "token index entry for a claim without that word"
	probTokenMissing = "claim word missing from the token index"
	probIndexStale   = "article index entry listing a missing edge"
	probIndexMissing = "edge missing from its article's index"
	probIndexOrphan  = "article index entry for a missing article"
	probNoIndex      = "article without an article index entry"
	probCounter      = "counter that does not match the records"
	probDecision     = "merge or attribution decision that does not decode"
	probMergeAlias   = "merge without the alias key that redirects later writes"
)

var problemOrder = []string{probKey, probNode, probEdge, probEnd, probProvenance, probProfile,
	probNoIn, probNoOut, probNameStale, probNameMissing, probTokenStale, probTokenMissing,
	probIndexStale, probIndexMissing, probIndexOrphan, probNoIndex, probCounter, probDecision, probMergeAlias}

// checker carries one Check: the multiset hashes of what the records imply
// and of what the indexes hold, compared family by family; a family whose
// sums differ is re-read entry by entry to name the culprits.
type checker struct {
	db       *DB
	txn      *badger.Txn
	seed     maphash.Seed
	ids      map[uint64]struct{} // hashes of the key form of every node ID
	articles map[uint64]struct{} // hashes of article IDs with an index entry
	problems map[string]*Problem
	rep      CheckReport
	nodes    [16]int64
	edges    [8]int64
	// multiset hashes (sums of entry hashes): what records imply, what
	// indexes hold
	outSum, inSum        uint64
	nameWant, nameHave   uint64
	tokenWant, tokenHave uint64
	indexWant, indexHave uint64
	articleNodes         []string
}

// Check verifies the whole database: every record decodes, every index
// entry (in-adjacency, names, tokens, article index) matches the records
// and every record has its index entries, edges' ends and provenance
// articles exist, the counters match, and the merge and attribution
// decisions decode (decisions.go). It reads each key family once;
// a family that does not add up is read again to find examples.
func (db *DB) Check(ctx context.Context) (CheckReport, error) {
	c := &checker{db: db, seed: maphash.MakeSeed(), ids: map[uint64]struct{}{},
		articles: map[uint64]struct{}{}, problems: map[string]*Problem{}}
	c.txn = db.bdb.NewTransaction(false)
	defer c.txn.Discard()
	if err := db.profiles.ensure(db.bdb); err != nil {
		return c.rep, err
	}
	steps := []func(context.Context) error{c.scanNodes, c.scanOut, c.scanIn, c.scanNames,
		c.scanTokens, c.scanArticleIndex, c.checkCounters, c.checkDecisions, c.details}
	for _, step := range steps {
		if err := step(ctx); err != nil {
			return c.rep, fmt.Errorf("check %s: %w", db.path, err)
		}
	}
	for _, what := range problemOrder {
		if p := c.problems[what]; p != nil {
			c.rep.Problems = append(c.rep.Problems, *p)
		}
	}
	return c.rep, nil
}

func (c *checker) report(what, example string) {
	p := c.problems[what]
	if p == nil {
		p = &Problem{What: what}
		c.problems[what] = p
	}
	p.Count++
	if len(p.Examples) < maxExamples {
		p.Examples = append(p.Examples, example)
	}
}

func (c *checker) hash(parts ...[]byte) uint64 {
	var h maphash.Hash
	h.SetSeed(c.seed)
	for _, p := range parts {
		h.Write(p)
		h.WriteByte(0xff)
	}
	return h.Sum64()
}

// scanNodes reads every node record, remembering the IDs and adding up the
// name and token index entries the records imply.
func (c *checker) scanNodes(ctx context.Context) error {
	return scan(ctx, c.txn, []byte{pfxNode}, func(item *badger.Item) (bool, error) {
		k := item.Key()
		id, n, err := decodeID(k[1:])
		if err != nil || n != len(k)-1 {
			c.report(probKey, fmt.Sprintf("%q", k))
			return true, nil
		}
		var node graph.Node
		err = item.Value(func(v []byte) error {
			node, err = decodeNode(id, v)
			return err
		})
		if err != nil {
			c.report(probNode, fmt.Sprintf("%s: %v", id, err))
			return true, nil
		}
		enc := k[1:]
		c.ids[c.hash(enc)] = struct{}{}
		c.rep.Nodes++
		g, _ := kindCodes(node.Kind)
		c.nodes[g]++
		switch {
		case node.Kind.IsEntity():
			for _, norm := range indexedNames(&node) {
				c.nameWant += c.hash([]byte(norm), enc)
			}
		case node.Kind == graph.Claim:
			for _, t := range indexTokens(claimText(&node)) {
				c.tokenWant += c.hash([]byte(t), enc)
			}
		case node.Kind == graph.Article:
			c.rep.Articles++
			c.articleNodes = append(c.articleNodes, id)
		}
		return true, nil
	})
}

// indexedNames returns the distinct normalised names of an entity that the
// name index holds.
func indexedNames(n *graph.Node) []string {
	var out []string
	for _, nm := range n.Names() {
		norm := graph.NormalizeName(nm)
		if norm != "" && len(norm) <= maxIndexedName && !slices.Contains(out, norm) {
			out = append(out, norm)
		}
	}
	return out
}

func (c *checker) has(id string) bool {
	enc, ok := appendID(nil, id)
	if !ok {
		return false
	}
	_, ok = c.ids[c.hash(enc)]
	return ok
}

// edgeRecord checks one edge record (an o key, or an article's own
// mention on an i key) and adds it to the article index sum.
func (c *checker) edgeRecord(item *badger.Item, e graph.Edge) {
	var ev edgeValue
	err := item.Value(func(v []byte) error {
		var err error
		ev, err = decodeEdgeValue(v)
		return err
	})
	if err != nil {
		c.report(probEdge, fmt.Sprintf("%s: %v", edgeString(e), err))
		return
	}
	c.rep.Edges++
	c.edges[relCode(e.Rel)]++
	for _, id := range []string{e.From, e.To} {
		if !c.has(id) {
			c.report(probEnd, fmt.Sprintf("%s: no node %s", edgeString(e), id))
		}
	}
	if e.Article != "" {
		if !c.has(e.Article) {
			c.report(probProvenance, fmt.Sprintf("%s: no article %s", edgeString(e), e.Article))
		}
		c.indexWant += c.indexHash(e)
	}
	if ev.profile != 0 {
		if _, err := c.db.profiles.get(c.db.bdb, ev.profile); err != nil {
			c.report(probProfile, fmt.Sprintf("%s: profile %d", edgeString(e), ev.profile))
		}
	}
}

func (c *checker) indexHash(e graph.Edge) uint64 {
	return c.hash([]byte(e.Article), []byte(e.From), []byte(e.Rel), []byte(e.To))
}

func edgeString(e graph.Edge) string {
	s := e.From + " -" + string(e.Rel) + "-> " + e.To
	if e.Article != "" {
		s += " (" + e.Article + ")"
	}
	return s
}

// scanOut reads the o keys.
func (c *checker) scanOut(ctx context.Context) error {
	return scan(ctx, c.txn, []byte{pfxOut}, func(item *badger.Item) (bool, error) {
		e, err := edgeFromKey(item.Key())
		if err != nil {
			c.report(probKey, err.Error())
			return true, nil
		}
		c.outSum += c.hash(item.Key()[1:])
		c.edgeRecord(item, e)
		return true, nil
	})
}

// scanIn reads the i keys: in-index entries, and the records of articles'
// own mentions.
func (c *checker) scanIn(ctx context.Context) error {
	return scan(ctx, c.txn, []byte{pfxIn}, func(item *badger.Item) (bool, error) {
		e, err := edgeFromKey(item.Key())
		if err != nil {
			c.report(probKey, err.Error())
			return true, nil
		}
		if item.ValueSize() > 0 {
			if !isArticleEdge(&e) {
				c.report(probEdge, edgeString(e)+": provenance on an in-index entry")
				return true, nil
			}
			c.edgeRecord(item, e)
			return true, nil
		}
		ok, _ := swapEdgeKey(item.Key())
		c.inSum += c.hash(ok[1:])
		return true, nil
	})
}

// scanNames reads the name index.
func (c *checker) scanNames(ctx context.Context) error {
	return scan(ctx, c.txn, []byte{pfxName}, func(item *badger.Item) (bool, error) {
		k := item.Key()[1:]
		i := indexByte(k, 0)
		if i < 0 || idLen(k[i+1:]) != len(k)-i-1 {
			c.report(probKey, fmt.Sprintf("%q", item.Key()))
			return true, nil
		}
		c.nameHave += c.hash(k[:i], k[i+1:])
		return true, nil
	})
}

// scanTokens reads the token index.
func (c *checker) scanTokens(ctx context.Context) error {
	return scan(ctx, c.txn, []byte{pfxToken}, func(item *badger.Item) (bool, error) {
		token, ok := tokenOfKey(item.Key())
		if !ok {
			c.report(probKey, fmt.Sprintf("%q", item.Key()))
			return true, nil
		}
		return true, item.Value(func(v []byte) error {
			for len(v) > 0 {
				n := idLen(v)
				if n < 0 {
					c.report(probKey, fmt.Sprintf("posting list of %q", token))
					return nil
				}
				c.tokenHave += c.hash([]byte(token), v[:n])
				v = v[n:]
			}
			return nil
		})
	})
}

// tokenOfKey returns the word of a t key.
func tokenOfKey(k []byte) (string, bool) {
	i := indexByte(k, 0)
	if i < 1 || len(k) != i+9 {
		return "", false
	}
	return string(k[1:i]), true
}

// scanArticleIndex reads the article index.
func (c *checker) scanArticleIndex(ctx context.Context) error {
	return scan(ctx, c.txn, []byte{pfxArticle}, func(item *badger.Item) (bool, error) {
		article, ai, err := c.articleEntry(item)
		if err != nil {
			c.report(probKey, err.Error())
			return true, nil
		}
		if !c.has(article) {
			c.report(probIndexOrphan, article)
		}
		enc, _ := appendID(nil, article)
		c.articles[c.hash(enc)] = struct{}{}
		for _, x := range ai.Edges {
			e := graph.Edge{From: ai.Nodes[x.From].ID, Rel: x.Rel, To: ai.Nodes[x.To].ID, Article: article}
			c.indexHave += c.indexHash(e)
		}
		return true, nil
	})
}

func (c *checker) articleEntry(item *badger.Item) (string, articleIndex, error) {
	k := item.Key()
	article, n, err := decodeID(k[1:])
	if err != nil || len(k) != 1+n+8 {
		return "", articleIndex{}, fmt.Errorf("article index key %q does not decode", k)
	}
	var ai articleIndex
	err = item.Value(func(v []byte) error {
		ai, err = decodeArticleIndex(v)
		return err
	})
	if err != nil {
		return "", ai, fmt.Errorf("article index entry of %s: %w", article, err)
	}
	return article, ai, nil
}

// checkCounters compares the counters with the records counted.
func (c *checker) checkCounters(context.Context) error {
	ctr, err := c.db.readCounters()
	if err != nil {
		return err
	}
	for _, k := range graph.Kinds {
		g, _ := kindCodes(k)
		if ctr.nodes[g] != c.nodes[g] {
			c.report(probCounter, fmt.Sprintf("%s nodes: counter %d, records %d", k, ctr.nodes[g], c.nodes[g]))
		}
	}
	for _, r := range graph.Rels {
		rc := relCode(r)
		if ctr.edges[rc] != c.edges[rc] {
			c.report(probCounter, fmt.Sprintf("%s edges: counter %d, records %d", r, ctr.edges[rc], c.edges[rc]))
		}
	}
	for _, id := range c.articleNodes {
		enc, _ := appendID(nil, id)
		if _, ok := c.articles[c.hash(enc)]; !ok {
			c.report(probNoIndex, id)
		}
	}
	return nil
}

// details re-reads each family whose sums differ, entry by entry.
func (c *checker) details(ctx context.Context) error {
	if c.outSum != c.inSum {
		if err := c.detailAdjacency(ctx); err != nil {
			return err
		}
	}
	if c.nameWant != c.nameHave {
		if err := c.detailNames(ctx); err != nil {
			return err
		}
	}
	if c.tokenWant != c.tokenHave {
		if err := c.detailTokens(ctx); err != nil {
			return err
		}
	}
	if c.indexWant != c.indexHave {
		return c.detailArticleIndex(ctx)
	}
	return nil
}

// exists reports whether key is stored.
func (c *checker) exists(key []byte) (bool, error) {
	_, err := c.txn.Get(key)
	if errors.Is(err, badger.ErrKeyNotFound) {
		return false, nil
	}
	return err == nil, err
}

func (c *checker) detailAdjacency(ctx context.Context) error {
	err := scan(ctx, c.txn, []byte{pfxOut}, func(item *badger.Item) (bool, error) {
		ik, ok := swapEdgeKey(item.Key())
		if !ok {
			return true, nil
		}
		found, err := c.exists(ik)
		if !found && err == nil {
			e, _ := edgeFromKey(item.Key())
			c.report(probNoIn, edgeString(e))
		}
		return true, err
	})
	if err != nil {
		return err
	}
	return scan(ctx, c.txn, []byte{pfxIn}, func(item *badger.Item) (bool, error) {
		ok, valid := swapEdgeKey(item.Key())
		if !valid || item.ValueSize() > 0 {
			return true, nil
		}
		found, err := c.exists(ok)
		if !found && err == nil {
			e, _ := edgeFromKey(item.Key())
			c.report(probNoOut, edgeString(e))
		}
		return true, err
	})
}

func (c *checker) detailNames(ctx context.Context) error {
	err := scan(ctx, c.txn, []byte{pfxName}, func(item *badger.Item) (bool, error) {
		k := item.Key()[1:]
		i := indexByte(k, 0)
		id, _, err := decodeID(k[i+1:])
		if i < 0 || err != nil {
			return true, nil
		}
		norm := string(k[:i])
		nk, _ := nodeKey(id)
		n, err := getNode(c.txn, id, nk)
		if err != nil || !slices.Contains(indexedNames(&n), norm) {
			c.report(probNameStale, fmt.Sprintf("%q -> %s", norm, id))
		}
		return true, nil
	})
	if err != nil {
		return err
	}
	return c.eachNode(ctx, func(n *graph.Node) error {
		if !n.Kind.IsEntity() {
			return nil
		}
		for _, norm := range indexedNames(n) {
			k, _ := nameKey(nil, norm, n.ID)
			found, err := c.exists(k)
			if err != nil {
				return err
			}
			if !found {
				c.report(probNameMissing, fmt.Sprintf("%s: %q", n.ID, norm))
			}
		}
		return nil
	})
}

// eachNode calls fn for every node record that decodes.
func (c *checker) eachNode(ctx context.Context, fn func(*graph.Node) error) error {
	return scan(ctx, c.txn, []byte{pfxNode}, func(item *badger.Item) (bool, error) {
		id, _, err := decodeID(item.Key()[1:])
		if err != nil {
			return true, nil
		}
		var n graph.Node
		if err := item.Value(func(v []byte) error {
			n, err = decodeNode(id, v)
			return err
		}); err != nil {
			return true, nil
		}
		return true, fn(&n)
	})
}

func (c *checker) detailTokens(ctx context.Context) error {
	have := map[uint64]struct{}{}
	err := scan(ctx, c.txn, []byte{pfxToken}, func(item *badger.Item) (bool, error) {
		token, ok := tokenOfKey(item.Key())
		if !ok {
			return true, nil
		}
		v, err := item.ValueCopy(nil)
		if err != nil {
			return false, err
		}
		ids, _ := decodePostings(v)
		for _, id := range ids {
			enc, _ := appendID(nil, id)
			h := c.hash([]byte(token), enc)
			if _, dup := have[h]; dup {
				c.report(probTokenStale, fmt.Sprintf("%q -> %s listed twice", token, id))
			}
			have[h] = struct{}{}
			nk, _ := nodeKey(id)
			n, err := getNode(c.txn, id, nk)
			if err != nil || !slices.Contains(indexTokens(claimText(&n)), token) {
				c.report(probTokenStale, fmt.Sprintf("%q -> %s", token, id))
			}
		}
		return true, nil
	})
	if err != nil {
		return err
	}
	return c.eachNode(ctx, func(n *graph.Node) error {
		if n.Kind != graph.Claim {
			return nil
		}
		enc, _ := appendID(nil, n.ID)
		for _, t := range indexTokens(claimText(n)) {
			if _, ok := have[c.hash([]byte(t), enc)]; !ok {
				c.report(probTokenMissing, fmt.Sprintf("%s: %q", n.ID, t))
			}
		}
		return nil
	})
}

func (c *checker) detailArticleIndex(ctx context.Context) error {
	listed := map[uint64]struct{}{}
	err := scan(ctx, c.txn, []byte{pfxArticle}, func(item *badger.Item) (bool, error) {
		article, ai, err := c.articleEntry(item)
		if err != nil {
			return true, nil
		}
		for _, x := range ai.Edges {
			e := graph.Edge{From: ai.Nodes[x.From].ID, Rel: x.Rel, To: ai.Nodes[x.To].ID, Article: article}
			h := c.indexHash(e)
			if _, dup := listed[h]; dup {
				c.report(probIndexStale, edgeString(e)+" listed twice")
			}
			listed[h] = struct{}{}
			k, _ := recordKey(e)
			found, err := c.exists(k)
			if err != nil {
				return false, err
			}
			if !found {
				c.report(probIndexStale, edgeString(e))
			}
		}
		return true, nil
	})
	if err != nil {
		return err
	}
	check := func(item *badger.Item) (bool, error) {
		e, err := edgeFromKey(item.Key())
		if err != nil || e.Article == "" || (item.Key()[0] == pfxIn && item.ValueSize() == 0) {
			return true, nil
		}
		if _, ok := listed[c.indexHash(e)]; !ok {
			c.report(probIndexMissing, edgeString(e))
		}
		return true, nil
	}
	if err := scan(ctx, c.txn, []byte{pfxOut}, check); err != nil {
		return err
	}
	return scan(ctx, c.txn, []byte{pfxIn}, check)
}

// recordKey returns the key that holds e's provenance.
func recordKey(e graph.Edge) ([]byte, bool) {
	if isArticleEdge(&e) {
		return inKey(nil, e)
	}
	return outKey(nil, e)
}

// String formats the report for people: one line per problem with its
// count, and its examples indented below.
func (r *CheckReport) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%d nodes, %d edges, %d articles checked", r.Nodes, r.Edges, r.Articles)
	if r.OK() {
		b.WriteString(": no problems\n")
		return b.String()
	}
	b.WriteString("\n")
	for _, p := range r.Problems {
		fmt.Fprintf(&b, "%d × %s\n", p.Count, p.What)
		for _, ex := range p.Examples {
			fmt.Fprintf(&b, "    %s\n", ex)
		}
	}
	return b.String()
}
