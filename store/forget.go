package store

import (
	"context"
	"fmt"
	"slices"

	"github.com/dgraph-io/badger/v4"

	"github.com/claimgraph/claimgraph/graph"
)

// ForgetReport says what Forget removed.
type ForgetReport struct {
	Article string
	Nodes   int      // nodes removed, the article's own included
	Edges   int      // edges removed
	Kept    int      // nodes the article touched that stay: other articles (or imports) still support them
	Removed []string // the IDs of the nodes removed, sorted
}

// Forget removes an article and everything only it supported, in one
// transaction: the article node, every edge whose provenance is the
// article (and any other edge at the article node), the article's index
// entries, and each node the article's subgraph touched that is left with
// no edge at all and that no other article's index lists, with its name
// and token index entries. What other articles also support stays with
// its provenance: an edge of another article (or of an import), a node at
// which such an edge remains or which another article lists. Names and
// aliases the article added to a node that stays are kept (the store does
// not record which article added a name first). A node written only by
// an import, without edges of its own, that the article touched goes with
// the article once it has no edge left: nothing records the import's
// support.
//
// Forget reads the article's index entries, two prefix scans per touched
// node, and, when some node is left without edges, every article index
// entry once (to see that no other article lists it).
func (db *DB) Forget(ctx context.Context, article string) (ForgetReport, error) {
	rep := ForgetReport{Article: article}
	if graph.KindOfID(article) != graph.Article {
		return rep, fmt.Errorf("forget %q: not an article ID (article/…): %w", article, graph.ErrNotFound)
	}
	err := db.runEdit(ctx, "forget "+article, func(e *edit) error {
		return e.forget(ctx, article, &rep)
	})
	slices.Sort(rep.Removed)
	return rep, err
}

// forgetPlan is what forget gathered from the article's index entries.
type forgetPlan struct {
	edges      []graph.Edge
	candidates []string // nodes touched, in order of first sight
	entryKeys  [][]byte
}

func (e *edit) forget(ctx context.Context, article string, rep *ForgetReport) error {
	an, ok, err := e.node(article)
	if err != nil {
		return err
	}
	if !ok {
		return fmt.Errorf("article %s: %w", article, graph.ErrNotFound)
	}
	p, err := e.forgetPlan(ctx, article)
	if err != nil {
		return err
	}
	for _, ed := range p.edges {
		_, removed, err := e.removeEdge(ed)
		if err != nil {
			return err
		}
		if removed {
			rep.Edges++
		}
	}
	for _, k := range p.entryKeys {
		if err := e.del(k); err != nil {
			return err
		}
	}
	if err := e.removeNode(&an); err != nil {
		return err
	}
	rep.Nodes++
	rep.Removed = append(rep.Removed, article)
	return e.forgetNodes(ctx, article, p, rep)
}

// forgetPlan reads the article's index entries and the edges at the
// article node.
func (e *edit) forgetPlan(ctx context.Context, article string) (*forgetPlan, error) {
	p := &forgetPlan{}
	seenNode := map[string]bool{article: true}
	seenEdge := map[graph.EdgeKey]bool{}
	addNode := func(id string) {
		if !seenNode[id] {
			seenNode[id] = true
			p.candidates = append(p.candidates, id)
		}
	}
	addEdge := func(ed graph.Edge) {
		if !seenEdge[ed.Key()] {
			seenEdge[ed.Key()] = true
			p.edges = append(p.edges, ed)
		}
		addNode(ed.From)
		addNode(ed.To)
	}
	prefix, _ := appendID([]byte{pfxArticle}, article)
	err := scan(ctx, e.txn, prefix, func(item *badger.Item) (bool, error) {
		p.entryKeys = append(p.entryKeys, item.KeyCopy(nil))
		v, err := item.ValueCopy(nil)
		if err != nil {
			return false, err
		}
		ai, err := decodeArticleIndex(v)
		if err != nil {
			return false, fmt.Errorf("article index of %s: %w (run check --repair)", article, err)
		}
		for _, n := range ai.Nodes {
			addNode(n.ID)
		}
		for _, x := range ai.Edges {
			addEdge(graph.Edge{From: ai.Nodes[x.From].ID, Rel: x.Rel, To: ai.Nodes[x.To].ID, Article: article})
		}
		return true, nil
	})
	if err != nil {
		return nil, err
	}
	// edges at the article node with another provenance cannot outlive it
	at, err := e.edgesAt(ctx, article)
	if err != nil {
		return nil, err
	}
	for _, ed := range at {
		addEdge(ed)
	}
	return p, nil
}

// forgetNodes removes the touched nodes that nothing supports any more.
func (e *edit) forgetNodes(ctx context.Context, article string, p *forgetPlan, rep *ForgetReport) error {
	var bare []string // touched, still stored, no edge left
	for _, id := range p.candidates {
		ok, err := e.exists(id)
		if err != nil {
			return err
		}
		if !ok {
			continue
		}
		if e.hasEdges(id) {
			rep.Kept++
			continue
		}
		bare = append(bare, id)
	}
	if len(bare) == 0 {
		return nil
	}
	listed, err := e.listedByArticles(ctx, bare)
	if err != nil {
		return err
	}
	postings := map[string][][]byte{}
	for _, id := range bare {
		if listed[id] {
			rep.Kept++
			continue
		}
		n, ok, err := e.node(id)
		if err != nil {
			return err
		}
		if !ok {
			continue
		}
		if err := e.removeNode(&n); err != nil {
			return err
		}
		if n.Kind == graph.Claim {
			enc, _ := appendID(nil, id)
			for _, t := range indexTokens(claimText(&n)) {
				postings[t] = append(postings[t], enc)
			}
		}
		rep.Nodes++
		rep.Removed = append(rep.Removed, id)
	}
	return e.removePostings(ctx, postings)
}

// listedByArticles returns which of ids some article index entry lists
// (the forgotten article's entries are already deleted in the edit).
func (e *edit) listedByArticles(ctx context.Context, ids []string) (map[string]bool, error) {
	want := map[string]bool{}
	for _, id := range ids {
		want[id] = true
	}
	listed := map[string]bool{}
	err := scan(ctx, e.txn, []byte{pfxArticle}, func(item *badger.Item) (bool, error) {
		return true, item.Value(func(v []byte) error {
			ai, err := decodeArticleIndex(v)
			if err != nil {
				return nil // check reports it; it lists nothing we can trust
			}
			for _, n := range ai.Nodes {
				if want[n.ID] {
					listed[n.ID] = true
				}
			}
			return nil
		})
	})
	if err != nil {
		return nil, fmt.Errorf("read the article index: %w", err)
	}
	return listed, nil
}
