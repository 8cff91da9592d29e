package export

import (
	"context"
	"unicode/utf8"

	"github.com/claimgraph/claimgraph/graph"
)

// SelectorContext is how many characters (runes) of the article text
// before and after an edge's span its TextQuoteSelector carries.
const SelectorContext = 32

// TextQuoteSelector is a W3C Web Annotation TextQuoteSelector
// (https://www.w3.org/TR/annotation-model/#text-quote-selector): the
// exact text of an edge's span with some text before and after it, so
// that the span can be found again in a copy of the article whose bytes
// differ (re-encoded, re-wrapped, with a header added).
type TextQuoteSelector struct {
	Type   string `json:"type"` // always "TextQuoteSelector"
	Exact  string `json:"exact"`
	Prefix string `json:"prefix"`
	Suffix string `json:"suffix"`
}

// QuoteSelector returns the selector of the byte span [start,end) of
// text, with up to SelectorContext runes of prefix and suffix. ok is false
// when the span is empty, out of range, or not on rune boundaries.
func QuoteSelector(text string, start, end int) (TextQuoteSelector, bool) {
	if start < 0 || end > len(text) || start >= end || !runeStart(text, start) || !runeStart(text, end) {
		return TextQuoteSelector{}, false
	}
	p := start
	for n := 0; n < SelectorContext && p > 0; n++ {
		_, size := utf8.DecodeLastRuneInString(text[:p])
		p -= size
	}
	s := end
	for n := 0; n < SelectorContext && s < len(text); n++ {
		_, size := utf8.DecodeRuneInString(text[s:])
		s += size
	}
	return TextQuoteSelector{Type: "TextQuoteSelector", Exact: validUTF8(text[start:end]),
		Prefix: validUTF8(text[p:start]), Suffix: validUTF8(text[end:s])}, true
}

// runeStart reports whether byte offset i of s begins a rune (or is its end).
func runeStart(s string, i int) bool { return i == len(s) || utf8.RuneStart(s[i]) }

// nodeByID is what a Source offers to read one node: graph.Reader's Node.
type nodeByID interface {
	Node(ctx context.Context, id string) (graph.Node, error)
}

// articleTexts reads the article texts that edge selectors quote, keeping
// the most recent few in memory (edges come ordered by their From node,
// so one article's edges are near one another but not together).
type articleTexts struct {
	get   func(ctx context.Context, id string) (string, bool)
	cache map[string]string
}

// maxCachedTexts bounds articleTexts' memory.
const maxCachedTexts = 256

func newArticleTexts(src Source) *articleTexts {
	t := &articleTexts{cache: map[string]string{}}
	switch s := src.(type) {
	case *View:
		t.get = func(_ context.Context, id string) (string, bool) {
			n, ok := s.Node(id)
			return n.Text, ok
		}
	case nodeByID:
		t.get = func(ctx context.Context, id string) (string, bool) {
			n, err := s.Node(ctx, id)
			return n.Text, err == nil
		}
	}
	return t
}

// selector returns the selector of edge e in its article, or nil.
func (t *articleTexts) selector(ctx context.Context, e graph.Edge) *TextQuoteSelector {
	if t.get == nil || e.Article == "" || e.End <= e.Start {
		return nil
	}
	text, ok := t.cache[e.Article]
	if !ok {
		if text, ok = t.get(ctx, e.Article); !ok {
			return nil
		}
		// Quote the text as the export carries it (a run of bytes that are
		// not UTF-8 becomes one U+FFFD), so that an imported copy gives
		// the same selectors.
		text = validUTF8(text)
		if len(t.cache) >= maxCachedTexts {
			clear(t.cache)
		}
		t.cache[e.Article] = text
	}
	sel, ok := QuoteSelector(text, e.Start, e.End)
	if !ok {
		return nil
	}
	return &sel
}

// WithTexts returns src reading the article texts that selectors quote
// from r: for a View (Select's part of a graph) that may not hold the
// articles its edges cite. Only WriteJSONL and WriteJSON use the texts.
func WithTexts(src Source, r graph.Reader) Source { return textSource{Source: src, r: r} }

type textSource struct {
	Source
	r graph.Reader
}

// Node reads a node from the underlying reader.
func (t textSource) Node(ctx context.Context, id string) (graph.Node, error) {
	return t.r.Node(ctx, id)
}
