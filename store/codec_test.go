package store

import (
	"bytes"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/claimgraph/claimgraph/graph"
)

func TestIDKeysKeepTheOrderOfIDs(t *testing.T) {
	ids := []string{
		graph.ArticleID([]byte("one")), graph.ArticleID([]byte("two")), "article/zz-generic",
		graph.ClaimID("a"), graph.ClaimID("b"), graph.ClaimID("c"), "claim/generic",
		"event/vote", "organization/un", "party/x", "party/x-y", "party/xa", "person/a",
		"person/a-b", "person/ab", "person/é", "place/z",
	}
	slices.Sort(ids)
	// generic claim and article IDs sort after the canonical ones
	want := slices.Clone(ids)
	slices.SortStableFunc(want, func(a, b string) int {
		return strings.Compare(orderKey(a), orderKey(b))
	})
	var keys [][]byte
	for _, id := range ids {
		k, ok := appendID(nil, id)
		if !ok {
			t.Fatalf("appendID(%q) failed", id)
		}
		back, n, err := decodeID(k)
		if err != nil || n != len(k) || back != id {
			t.Errorf("decodeID(appendID(%q)) = %q, %d, %v", id, back, n, err)
		}
		if idLen(k) != len(k) {
			t.Errorf("idLen of %q = %d, want %d", id, idLen(k), len(k))
		}
		keys = append(keys, k)
	}
	slices.SortFunc(keys, bytes.Compare)
	var got []string
	for _, k := range keys {
		id, _, _ := decodeID(k)
		got = append(got, id)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("key order:\n got %q\nwant %q", got, want)
	}
}

// orderKey puts generic claim and article IDs after the canonical ones of
// their kind, as the key coding does.
func orderKey(id string) string {
	k, rest, _ := strings.Cut(id, "/")
	if (k == "claim" || k == "article") && !isHashHex(rest) {
		return k + "/~" + rest
	}
	return id
}

func TestIDsThatCannotBeStored(t *testing.T) {
	for _, c := range []struct{ name, id string }{
		{"no kind", "jane-roe"},
		{"an unknown kind", "ship/argo"},
		{"nothing after the kind", "person/"},
		{"a NUL byte", "person/a\x00b"},
		{"an empty ID", ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			if err := checkID(c.id); err == nil {
				t.Errorf("checkID(%q) = nil, want an error", c.id)
			}
			if _, ok := appendID(nil, c.id); ok {
				t.Errorf("appendID(%q) succeeded", c.id)
			}
		})
	}
}

func TestEdgeKeysRoundTrip(t *testing.T) {
	for _, e := range []graph.Edge{
		{From: "person/a", Rel: graph.Said, To: graph.ClaimID("x"), Article: graph.ArticleID([]byte("t"))},
		{From: graph.ClaimID("x"), Rel: graph.About, To: "place/b"},
		{From: "article/generic", Rel: graph.Mentions, To: "party/c", Article: "article/generic"},
	} {
		ok, _ := outKey(nil, e)
		ik, _ := inKey(nil, e)
		for _, k := range [][]byte{ok, ik} {
			got, err := edgeFromKey(k)
			if err != nil || got != e {
				t.Errorf("edgeFromKey(%q) = %+v, %v; want %+v", k, got, err, e)
			}
		}
		if s, _ := swapEdgeKey(ok); !bytes.Equal(s, ik) {
			t.Errorf("swapEdgeKey(o key) = %q, want %q", s, ik)
		}
		if s, _ := swapEdgeKey(ik); !bytes.Equal(s, ok) {
			t.Errorf("swapEdgeKey(i key) = %q, want %q", s, ok)
		}
	}
}

func TestNodeRecordsRoundTrip(t *testing.T) {
	long := strings.Repeat("The council met again on Tuesday. ", 40)
	for _, c := range []struct {
		name string
		n    graph.Node
	}{
		{"an entity with aliases", graph.Node{ID: "person/jane-roe", Kind: graph.Person, Name: "Jane Roe", Aliases: []string{"Roe", "J. Roe"}}},
		{"a claim whose name is its text", graph.Node{ID: graph.ClaimID("no"), Kind: graph.Claim, Name: "no", Text: "no", Direct: true}},
		{"a claim with a different name", graph.Node{ID: graph.ClaimID("yes"), Kind: graph.Claim, Name: "Yes!", Text: "yes"}},
		{"a long article, compressed", graph.Node{ID: graph.ArticleID([]byte(long)), Kind: graph.Article, Name: "Council",
			Title: "Council", Date: "2024-01-02", Source: "a.txt", URL: "https://x.example", Author: "Desk", Text: long}},
		{"a short article", graph.Node{ID: "article/short", Kind: graph.Article, Text: "Short."}},
		{"an empty node", graph.Node{ID: "event/e", Kind: graph.Event}},
	} {
		t.Run(c.name, func(t *testing.T) {
			v := encodeNode(nil, &c.n)
			got, err := decodeNode(c.n.ID, v)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, c.n) {
				t.Errorf("round trip:\n got %+v\nwant %+v", got, c.n)
			}
			if c.n.Kind == graph.Article && len(c.n.Text) > compressMin && len(v) > len(c.n.Text)/2 {
				t.Errorf("article record is %d bytes for %d bytes of repetitive text", len(v), len(c.n.Text))
			}
		})
	}
}

func TestEdgeValuesRoundTrip(t *testing.T) {
	for _, c := range []struct {
		name    string
		e       graph.Edge
		ref     evidenceRef
		profile uint32
	}{
		{"a bare edge", graph.Edge{}, evidenceRef{}, 0},
		{"evidence inline", graph.Edge{Start: 10, End: 20, Evidence: "He said so.", Role: "leader"}, evidenceRef{}, 3},
		{"evidence by reference", graph.Edge{Start: 100, End: 120}, evidenceRef{off: 90, n: 50, ok: true}, 1},
		{"evidence after the span", graph.Edge{Start: 5, End: 9}, evidenceRef{off: 7, n: 3, ok: true}, 0},
	} {
		t.Run(c.name, func(t *testing.T) {
			ev, err := decodeEdgeValue(encodeEdge(nil, &c.e, c.ref, c.profile))
			if err != nil {
				t.Fatal(err)
			}
			want := edgeValue{start: c.e.Start, end: c.e.End, role: c.e.Role, profile: c.profile, ref: c.ref}
			if !c.ref.ok {
				want.evidence = c.e.Evidence
			}
			if ev != want {
				t.Errorf("got %+v, want %+v", ev, want)
			}
		})
	}
}

func TestProfilesAndArticleIndexRoundTrip(t *testing.T) {
	p := profile{rule: "quote-cue", conf: 0.9}
	if got, err := decodeProfile(encodeProfile(p)); err != nil || got != p {
		t.Errorf("profile round trip = %+v, %v", got, err)
	}
	ai := articleIndex{
		Nodes: []indexedNode{{ID: "article/x", Created: true, Touched: true},
			{ID: "person/a", Touched: true, Added: []string{"A", "Mr A"}}, {ID: graph.ClaimID("q")}},
		Edges: []indexedEdge{{From: 0, To: 1, Rel: graph.Mentions}, {From: 1, To: 2, Rel: graph.Said}},
	}
	got, err := decodeArticleIndex(encodeArticleIndex(nil, &ai))
	if err != nil || !reflect.DeepEqual(got, ai) {
		t.Errorf("article index round trip = %+v, %v", got, err)
	}
}

// FuzzDecoders feeds arbitrary bytes to every decoder of stored bytes: a
// damaged database must give errors, never a panic or a huge allocation.
func FuzzDecoders(f *testing.F) {
	n := graph.Node{ID: "person/a", Kind: graph.Person, Name: "A", Aliases: []string{"B"}}
	f.Add(encodeNode(nil, &n))
	e := graph.Edge{Start: 1, End: 4, Evidence: "x", Role: "r"}
	f.Add(encodeEdge(nil, &e, evidenceRef{}, 2))
	f.Add(encodeArticleIndex(nil, &articleIndex{Nodes: []indexedNode{{ID: "person/a"}}, Edges: []indexedEdge{{Rel: graph.Said}}}))
	k, _ := outKey(nil, graph.Edge{From: "person/a", Rel: graph.Said, To: graph.ClaimID("c"), Article: "article/x"})
	f.Add(k)
	f.Add([]byte{0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01})
	f.Fuzz(func(t *testing.T, b []byte) {
		_, _ = decodeNode("claim/x", b)
		_, _ = decodeEdgeValue(b)
		_, _ = decodeArticleIndex(b)
		_, _ = decodeProfile(b)
		_, _ = decodePostings(b)
		_, _, _ = decodeID(b)
		_ = idLen(b)
		_, _ = swapEdgeKey(b)
		if len(b) > 0 {
			_, _ = edgeFromKey(b)
		}
	})
}
