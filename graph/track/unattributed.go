package track

import (
	"cmp"
	"context"
	"fmt"
	"iter"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/claimgraph/claimgraph/graph"
)

// Orphan is a claim with no said edge: the extractor found the claim but
// could not resolve who made it. Article, Start, End and Sentence say
// where it stands: from an edge at the claim (an about, disputes or
// supports edge carries the claim's span) or, when it has none, from
// Locate over the stored articles. Article is the zero Node when the
// claim's words were found in no stored article.
type Orphan struct {
	Claim      graph.Node
	Article    graph.Node
	Start, End int
	Sentence   string
}

// Unattributed returns every claim that has no said edge, most recent
// article first (undated and unplaced claims last), then by claim ID. A
// reader that can list the claims without a said edge (Unsaider, as
// store.DB does from its keys) is asked for them; any other reader has
// every claim node and the in-edges of each read. Claims with no edge at
// all are placed by reading the stored articles once.
func Unattributed(ctx context.Context, r graph.Reader) ([]Orphan, error) {
	var out []Orphan
	var unplaced []int
	arts := newArticles(r)
	for c, err := range candidates(ctx, r) {
		if err != nil {
			return nil, fmt.Errorf("read claims: %w", err)
		}
		o, said, err := place(ctx, r, arts, c)
		if err != nil {
			return nil, err
		}
		if said {
			continue
		}
		if o.Article.ID == "" {
			unplaced = append(unplaced, len(out))
		}
		out = append(out, o)
	}
	if len(unplaced) > 0 {
		if err := placeByText(ctx, r, out, unplaced); err != nil {
			return nil, err
		}
	}
	slices.SortStableFunc(out, func(a, b Orphan) int {
		da, db := a.Article.Date, b.Article.Date
		return cmp.Or(undatedLast(da, db), cmp.Compare(db, da), cmp.Compare(a.Article.ID, b.Article.ID), cmp.Compare(a.Claim.ID, b.Claim.ID))
	})
	return out, nil
}

// Unsaider is a graph.Reader that lists the IDs of the claims no said edge
// points to without reading every claim.
type Unsaider interface {
	Unsaid(ctx context.Context) iter.Seq2[string, error]
}

// candidates yields the claims that may lack a said edge: those r's
// Unsaid lists, else every claim.
func candidates(ctx context.Context, r graph.Reader) iter.Seq2[graph.Node, error] {
	u, ok := r.(Unsaider)
	if !ok {
		return r.NodesOfKind(ctx, graph.Claim)
	}
	return func(yield func(graph.Node, error) bool) {
		for id, err := range u.Unsaid(ctx) {
			var c graph.Node
			if err == nil {
				c, err = r.Node(ctx, id)
			}
			if !yield(c, err) || err != nil {
				return
			}
		}
	}
}

// place reports whether claim c has a said edge and, if not, places it
// from the first edge at it that has an article.
func place(ctx context.Context, r graph.Reader, arts *articles, c graph.Node) (Orphan, bool, error) {
	o := Orphan{Claim: c}
	for e, err := range r.Neighbors(ctx, c.ID, graph.Both) {
		if err != nil {
			return o, false, fmt.Errorf("edges of %s: %w", c.ID, err)
		}
		if e.Rel == graph.Said && e.To == c.ID {
			return o, true, nil
		}
		if o.Article.ID == "" && e.Article != "" && spansClaim(e, c) {
			a, err := arts.get(ctx, e.Article)
			if err != nil {
				return o, false, err
			}
			o.Article, o.Start, o.End, o.Sentence = a, e.Start, e.End, e.Evidence
		}
	}
	return o, false, nil
}

// spansClaim reports whether edge e's span is the claim's own: an about
// edge from it, or a stance edge into it.
func spansClaim(e graph.Edge, c graph.Node) bool {
	return (e.Rel == graph.About && e.From == c.ID) || ((e.Rel == graph.Disputes || e.Rel == graph.Supports) && e.To == c.ID)
}

// placeByText finds the articles of the claims out[idx] by their words:
// each article's words are read once and looked up by each claim's first
// word, so the cost is the articles' length plus the claims' count per
// article, not their product.
func placeByText(ctx context.Context, r graph.Reader, out []Orphan, idx []int) error {
	want := make([][]word, len(idx))
	for j, i := range idx {
		want[j] = wordsOf(out[i].Claim.Text)
	}
	for a, err := range r.NodesOfKind(ctx, graph.Article) {
		if err != nil {
			return fmt.Errorf("read articles: %w", err)
		}
		have := wordsOf(a.Text)
		at := wordPositions(have)
		for j, i := range idx {
			o := &out[i]
			if len(want[j]) == 0 || (o.Article.ID != "" && Earlier(Appearance{Article: o.Article}, Appearance{Article: a}) <= 0) {
				continue
			}
			if s, e, ok := locateAt(have, at[want[j][0].w], want[j]); ok {
				o.Article, o.Start, o.End, o.Sentence = a, s, e, Sentence(a.Text, s, e)
			}
		}
	}
	return nil
}

// Locate finds text's words in an article, allowing any punctuation,
// quotation marks and white space between them, and returns the byte span
// [start,end) from the first word's first byte to the last word's last.
func Locate(article, text string) (start, end int, ok bool) {
	want := wordsOf(text)
	if len(want) == 0 {
		return 0, 0, false
	}
	have := wordsOf(article)
	return locateAt(have, wordPositions(have)[want[0].w], want)
}

// wordPositions maps each word of have to its indexes, in order.
func wordPositions(have []word) map[string][]int {
	at := make(map[string][]int, len(have))
	for i, w := range have {
		at[w.w] = append(at[w.w], i)
	}
	return at
}

// locateAt finds want in have at the first of starts (indexes of want's
// first word in have) where all of want follows.
func locateAt(have []word, starts []int, want []word) (start, end int, ok bool) {
	for _, i := range starts {
		if i+len(want) > len(have) {
			break
		}
		match := true
		for j := 1; j < len(want); j++ {
			if have[i+j].w != want[j].w {
				match = false
				break
			}
		}
		if match {
			return have[i].start, have[i+len(want)-1].end, true
		}
	}
	return 0, 0, false
}

type word struct {
	w          string
	start, end int
}

// wordsOf splits s into lower-cased runs of letters and digits with their
// byte spans.
func wordsOf(s string) []word {
	var out []word
	start := -1
	for i, r := range s {
		in := unicode.IsLetter(r) || unicode.IsDigit(r)
		switch {
		case in && start < 0:
			start = i
		case !in && start >= 0:
			out = append(out, word{strings.ToLower(s[start:i]), start, i})
			start = -1
		}
	}
	if start >= 0 {
		out = append(out, word{strings.ToLower(s[start:]), start, len(s)})
	}
	return out
}

// Sentence returns the sentence of text around [start,end) (see
// SentenceBounds) with runs of white space collapsed.
func Sentence(text string, start, end int) string {
	a, b := SentenceBounds(text, start, end)
	return strings.Join(strings.Fields(text[a:b]), " ")
}

// SentenceBounds returns the byte range of the sentence(s) of text holding
// [start,end): from after the last sentence end (., ! or ? followed by
// white space, or a blank line) before start to the first one at or after
// end. Out-of-range spans give an empty range.
func SentenceBounds(text string, start, end int) (int, int) {
	if start < 0 || end > len(text) || start > end {
		return 0, 0
	}
	a := start
	for a > 0 {
		r, n := utf8.DecodeLastRuneInString(text[:a])
		if r == '\n' && a-n > 0 && text[a-n-1] == '\n' {
			break
		}
		if unicode.IsSpace(r) && a-n > 0 && strings.ContainsRune(".!?", rune(text[a-n-1])) {
			break
		}
		a -= n
	}
	b := end
	for b < len(text) {
		r, n := utf8.DecodeRuneInString(text[b:])
		b += n
		if strings.ContainsRune(".!?", r) && (b == len(text) || text[b] == ' ' || text[b] == '\n') {
			break
		}
		if r == '\n' && b < len(text) && text[b] == '\n' {
			break
		}
	}
	return a, b
}

// Place says where claim c stands: the article, span and sentence of the
// first edge at it that carries the claim's own span (said, about, or a
// stance into it), else of the earliest stored article holding its words.
// Article is the zero Node when neither finds it.
func Place(ctx context.Context, r graph.Reader, c graph.Node) (Orphan, error) {
	o := Orphan{Claim: c}
	arts := newArticles(r)
	for e, err := range r.Neighbors(ctx, c.ID, graph.Both) {
		if err != nil {
			return o, fmt.Errorf("edges of %s: %w", c.ID, err)
		}
		if e.Article == "" || !(spansClaim(e, c) || (e.Rel == graph.Said && e.To == c.ID)) {
			continue
		}
		a, err := arts.get(ctx, e.Article)
		if err != nil {
			return o, err
		}
		o.Article, o.Start, o.End, o.Sentence = a, e.Start, e.End, e.Evidence
		return o, nil
	}
	out := []Orphan{o}
	if err := placeByText(ctx, r, out, []int{0}); err != nil {
		return o, err
	}
	return out[0], nil
}
