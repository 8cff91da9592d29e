package store

import (
	"cmp"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"slices"

	"github.com/dgraph-io/badger/v4"

	"github.com/claimgraph/claimgraph/graph"
)

// The attribution decisions (DB.Attribute), one key per claim:
//
//	h claim -> speaker ID, the speaker's kind and name, the said edge's
//	           article, start, end and evidence (see encodeAttribution)
//
// A write of a subgraph that holds the claim gets a said edge from the
// speaker (rule AttributeRule), so the decision outlives a forget and
// re-ingest of the claim's article.
const pfxAttribute = 'h'

// AttributeRule is the rule of a said edge made by hand (DB.Attribute).
const AttributeRule = "manual/attribute"

// Attribution is a remembered decision that Speaker said Claim: Edge is the
// said edge it makes (with the article, span and evidence it was first
// given) and Speaker the node it comes from.
type Attribution struct {
	Edge    graph.Edge
	Speaker graph.Node
}

// Attribute records that speaker said the claim edge.To, by hand, and
// writes the said edge: e.From must be speaker.ID, e.Rel said; Rule and
// Confidence are set to AttributeRule and 1. The decision (one key per
// claim; a later Attribute of the same claim replaces it) is applied to
// every later write of a subgraph that holds the claim, so that the edge
// comes back when the claim's article is forgotten and ingested again. The
// decision and the edge are committed in one transaction.
func (db *DB) Attribute(ctx context.Context, e graph.Edge, speaker graph.Node) (graph.WriteStats, error) {
	e.Rule, e.Confidence = AttributeRule, 1
	if e.Rel != graph.Said || e.From != speaker.ID || !speaker.Kind.IsSpeaker() || graph.KindOfID(e.To) != graph.Claim {
		return graph.WriteStats{}, fmt.Errorf("attribute %s to %s: want a said edge from a person, party or organization to a claim", e.To, e.From)
	}
	k, ok := appendID([]byte{pfxAttribute}, e.To)
	if !ok {
		return graph.WriteStats{}, fmt.Errorf("attribute: bad claim ID %q", e.To)
	}
	sp := graph.Node{ID: speaker.ID, Kind: speaker.Kind, Name: speaker.Name}
	s, err := db.BeginWrites()
	if err != nil {
		return graph.WriteStats{}, fmt.Errorf("attribute %s: %w", e.To, err)
	}
	decision := kv{k, encodeAttribution(Attribution{Edge: e, Speaker: speaker})}
	_, werr := s.write(ctx, []graph.Subgraph{{Nodes: []graph.Node{sp}, Edges: []graph.Edge{e}}}, []kv{decision})
	st, cerr := s.Close()
	if err := errors.Join(werr, cerr); err != nil {
		return graph.WriteStats{}, fmt.Errorf("attribute %s: %w", e.To, err)
	}
	return st, nil
}

// Attributions lists the remembered attribution decisions by claim ID.
func (db *DB) Attributions(ctx context.Context) ([]Attribution, error) {
	var out []Attribution
	err := db.bdb.View(func(txn *badger.Txn) error {
		m, err := readAttributions(ctx, txn)
		for _, a := range m {
			out = append(out, a)
		}
		return err
	})
	slices.SortFunc(out, func(a, b Attribution) int { return cmp.Compare(a.Edge.To, b.Edge.To) })
	return out, err
}

func encodeAttribution(a Attribution) []byte {
	dst := appendStr(nil, a.Speaker.ID)
	dst = appendStr(dst, a.Speaker.Name)
	dst = appendStr(dst, a.Edge.Article)
	dst = binary.AppendUvarint(dst, uint64(max(a.Edge.Start, 0)))
	dst = binary.AppendUvarint(dst, uint64(max(a.Edge.End, 0)))
	return appendStr(dst, a.Edge.Evidence)
}

func decodeAttribution(claim string, v []byte) (Attribution, error) {
	r := reader{b: v}
	var a Attribution
	a.Speaker.ID = r.str()
	a.Speaker.Name = r.str()
	a.Speaker.Kind = graph.KindOfID(a.Speaker.ID)
	a.Edge = graph.Edge{From: a.Speaker.ID, Rel: graph.Said, To: claim, Article: r.str(),
		Start: int(r.uvarint()), End: int(r.uvarint()), Evidence: r.str(), Rule: AttributeRule, Confidence: 1}
	if err := r.done(); err != nil {
		return a, fmt.Errorf("attribution of %s: %w", claim, err)
	}
	return a, nil
}

// attrMap maps claim IDs to their attribution decisions.
type attrMap map[string]Attribution

// readAttributions reads the h keys.
func readAttributions(ctx context.Context, txn *badger.Txn) (attrMap, error) {
	m := attrMap{}
	err := scan(ctx, txn, []byte{pfxAttribute}, func(item *badger.Item) (bool, error) {
		claim, _, err := decodeID(item.Key()[1:])
		if err != nil {
			return false, fmt.Errorf("attribution key %q: %w", item.Key(), err)
		}
		return true, item.Value(func(v []byte) error {
			a, err := decodeAttribution(claim, v)
			m[claim] = a
			return err
		})
	})
	if err != nil {
		return nil, fmt.Errorf("read attribution decisions: %w", err)
	}
	return m, nil
}

// apply adds to each article subgraph holding a decided claim the said
// edge of the decision (and the speaker node), unless the subgraph has it.
// The edge's span and evidence are the decision's in the decision's
// article, else those of the claim's first about edge in the subgraph.
// subs is not modified.
func (m attrMap) apply(subs []graph.Subgraph) []graph.Subgraph {
	if len(m) == 0 {
		return subs
	}
	return mapSubgraphs(subs, m.applyOne)
}

func (m attrMap) applyOne(s *graph.Subgraph) (graph.Subgraph, bool) {
	if s.Article == "" {
		return *s, false
	}
	out := *s
	changed := false
	for _, n := range s.Nodes {
		a, ok := m[n.ID]
		if !ok || hasEdge(s.Edges, a.Edge.From, n.ID) {
			continue
		}
		e := a.Edge
		if e.Article != s.Article {
			e.Article, e.Start, e.End, e.Evidence = s.Article, 0, 0, ""
			for _, x := range s.Edges {
				if x.From == n.ID && x.Rel == graph.About {
					e.Start, e.End, e.Evidence = x.Start, x.End, x.Evidence
					break
				}
			}
		}
		if !changed {
			out.Nodes, out.Edges = slices.Clone(s.Nodes), slices.Clone(s.Edges)
			changed = true
		}
		if !slices.ContainsFunc(out.Nodes, func(x graph.Node) bool { return x.ID == e.From }) {
			out.Nodes = append(out.Nodes, graph.Node{ID: a.Speaker.ID, Kind: a.Speaker.Kind, Name: a.Speaker.Name})
		}
		out.Edges = append(out.Edges, e)
	}
	return out, changed
}

// hasEdge reports whether edges hold a said edge from -> to.
func hasEdge(edges []graph.Edge, from, to string) bool {
	return slices.ContainsFunc(edges, func(e graph.Edge) bool { return e.Rel == graph.Said && e.From == from && e.To == to })
}
