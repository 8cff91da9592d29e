package store

import (
	"bytes"
	"context"
	"fmt"
	"iter"
	"slices"
	"strings"

	"github.com/dgraph-io/badger/v4"

	"github.com/claimgraph/claimgraph/graph"
)

// maxTokenLen is the longest word the token index holds.
const maxTokenLen = 64

// stopwords are words too common in claims to be worth a posting each.
// Queries may still use them: candidates are then checked against the
// claim's text.
var stopwords = map[string]bool{
	"a": true, "an": true, "and": true, "are": true, "as": true, "at": true,
	"be": true, "been": true, "but": true, "by": true, "for": true, "from": true,
	"had": true, "has": true, "have": true, "he": true, "her": true, "his": true,
	"i": true, "in": true, "is": true, "it": true, "its": true, "of": true,
	"on": true, "or": true, "our": true, "she": true, "that": true, "the": true,
	"their": true, "them": true, "they": true, "this": true, "to": true, "was": true,
	"we": true, "were": true, "which": true, "who": true, "will": true, "with": true,
	"would": true, "you": true,
}

// words returns the distinct words of text after graph.NormalizeText, in
// order of first appearance.
func words(text string) []string {
	ws := strings.Fields(graph.NormalizeText(text))
	out := ws[:0]
	seen := make(map[string]bool, len(ws))
	for _, w := range ws {
		if !seen[w] {
			seen[w] = true
			out = append(out, w)
		}
	}
	return out
}

// indexable reports whether the token index holds word.
func indexable(word string) bool { return !stopwords[word] && len(word) <= maxTokenLen }

// indexTokens returns the words of a claim's text that the token index
// holds.
func indexTokens(text string) []string {
	return slices.DeleteFunc(words(text), func(w string) bool { return !indexable(w) })
}

// SearchClaims yields the IDs of the claims whose text holds every word of
// query (graph.Searcher), in ID order. Each indexed word is one prefix scan
// of its posting lists; stopwords and overlong words are checked against
// the candidates' text. A query of nothing but such words scans all
// claims, and an empty query yields nothing.
func (db *DB) SearchClaims(ctx context.Context, query string) iter.Seq2[string, error] {
	return func(yield func(string, error) bool) {
		ws := words(query)
		if len(ws) == 0 {
			return
		}
		var indexed, checked []string
		for _, w := range ws {
			if indexable(w) {
				indexed = append(indexed, w)
			} else {
				checked = append(checked, w)
			}
		}
		if len(indexed) == 0 {
			db.searchByScan(ctx, ws, yield)
			return
		}
		txn := db.bdb.NewTransaction(false)
		defer txn.Discard()
		ids, err := candidates(ctx, txn, indexed)
		if err != nil {
			yield("", fmt.Errorf("search %q: %w", query, err))
			return
		}
		for _, id := range ids {
			if len(checked) > 0 {
				ok, err := claimHas(txn, id, checked)
				if err != nil {
					yield("", fmt.Errorf("search %q: %w", query, err))
					return
				}
				if !ok {
					continue
				}
			}
			if !yield(id, nil) {
				return
			}
		}
	}
}

// candidates returns the sorted IDs of the claims in every posting list of
// every word.
func candidates(ctx context.Context, txn *badger.Txn, ws []string) ([]string, error) {
	var set map[string]bool
	for _, w := range ws {
		next := map[string]bool{}
		err := scan(ctx, txn, tokenPrefix(w), func(item *badger.Item) (bool, error) {
			return true, item.Value(func(v []byte) error {
				ids, err := decodePostings(v)
				for _, id := range ids {
					if set == nil || set[id] {
						next[id] = true
					}
				}
				return err
			})
		})
		if err != nil {
			return nil, err
		}
		set = next
		if len(set) == 0 {
			return nil, nil
		}
	}
	ids := make([]string, 0, len(set))
	for id := range set {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	return ids, nil
}

// claimHas reports whether the claim's text holds every word of ws.
func claimHas(txn *badger.Txn, id string, ws []string) (bool, error) {
	k, _ := nodeKey(id)
	n, err := getNode(txn, id, k)
	if err != nil {
		return false, err
	}
	return hasWords(claimText(&n), ws), nil
}

func hasWords(text string, ws []string) bool {
	have := words(text)
	for _, w := range ws {
		if !slices.Contains(have, w) {
			return false
		}
	}
	return true
}

// searchByScan reads every claim: the answer to a query of stopwords only.
func (db *DB) searchByScan(ctx context.Context, ws []string, yield func(string, error) bool) {
	for n, err := range db.NodesOfKind(ctx, graph.Claim) {
		if err != nil {
			yield("", err)
			return
		}
		if hasWords(claimText(&n), ws) && !yield(n.ID, nil) {
			return
		}
	}
}

// claimText is the text a claim is searched by: its Text, or its Name when
// it has no Text.
func claimText(n *graph.Node) string {
	if n.Text != "" {
		return n.Text
	}
	return n.Name
}

// NameIndex calls fn with each entry of the name index, in order: an
// entity's name or alias as graph.NormalizeName makes it, and the ID it
// names. It reads keys only (no records) and stops when fn returns false.
func (db *DB) NameIndex(ctx context.Context, fn func(norm, id string) bool) error {
	txn := db.bdb.NewTransaction(false)
	defer txn.Discard()
	err := scan(ctx, txn, []byte{pfxName}, func(item *badger.Item) (bool, error) {
		k := item.Key()[1:]
		i := bytes.IndexByte(k, 0)
		if i < 0 {
			return false, fmt.Errorf("bad name key %q", item.Key())
		}
		id, _, err := decodeID(k[i+1:])
		if err != nil {
			return false, fmt.Errorf("bad name key %q: %w", item.Key(), err)
		}
		return fn(string(k[:i]), id), nil
	})
	if err != nil {
		return fmt.Errorf("read the name index: %w", err)
	}
	return nil
}
