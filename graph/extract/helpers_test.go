package extract

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/claimgraph/claimgraph/graph"
)

// articleNode wraps text as an article node.
func articleNode(text string) graph.Node {
	return graph.Node{ID: graph.ArticleID([]byte(text)), Kind: graph.Article, Text: text}
}

// checkSpans fails the test when an edge's span lies outside the text or
// splits a UTF-8 sequence, or when an edge lacks its article.
func checkSpans(t *testing.T, text string, sg graph.Subgraph) {
	t.Helper()
	for _, e := range sg.Edges {
		if e.Start < 0 || e.End < e.Start || e.End > len(text) {
			t.Fatalf("edge %s -%s-> %s: span [%d,%d) outside a text of %d bytes", e.From, e.Rel, e.To, e.Start, e.End, len(text))
		}
		if !boundary(text, e.Start) || !boundary(text, e.End) {
			t.Fatalf("edge %s -%s-> %s: span [%d,%d) splits a UTF-8 sequence", e.From, e.Rel, e.To, e.Start, e.End)
		}
		if e.Article != sg.Article {
			t.Fatalf("edge %s -%s-> %s: article %q, want %q", e.From, e.Rel, e.To, e.Article, sg.Article)
		}
	}
}

// boundary reports whether offset i does not fall inside a valid
// multi-byte UTF-8 sequence (stray bytes of invalid text are their own
// units).
func boundary(s string, i int) bool {
	for j := max(0, i-3); j < i; j++ {
		r, size := utf8.DecodeRuneInString(s[j:])
		if r != utf8.RuneError && size > 1 && j+size > i {
			return false
		}
	}
	return true
}

// checkSaid extracts text and checks that each of want is among its
// "speaker | claim (direct)" lines (see said) and none of not is.
func checkSaid(t *testing.T, text string, want, not []string) {
	t.Helper()
	sg := Extract(articleNode(text))
	checkSpans(t, text, sg)
	got := said(sg)
	for _, w := range want {
		if !slices.Contains(got, w) {
			t.Errorf("missing %q\n got:\n  %s", w, strings.Join(got, "\n  "))
		}
	}
	for _, w := range not {
		if slices.Contains(got, w) {
			t.Errorf("unexpected %q", w)
		}
	}
}
