package web

import (
	"cmp"
	"slices"
	"strings"
	"unicode/utf8"
)

// quoteSpan is one quote to highlight: a byte span of an article's text
// with who said it.
type quoteSpan struct {
	Start, End int
	Speakers   []link
	Claim      link
}

// segment is a piece of text to show: plain, or a highlighted quote.
type segment struct {
	Text  string
	Quote *mark // nil for plain text
}

// mark is a highlighted quote.
type mark struct {
	// Anchor is the quote's fragment ID (see quoteAnchor); Also are the
	// anchors of overlapping quotes that were folded into this one.
	Anchor   string
	Also     []string
	Speakers []link
	Claim    link
}

// segments cuts text into plain pieces and highlighted quotes. Spans are
// clamped to the text and moved onto character boundaries; empty ones are
// dropped; spans with the same bounds are one quote with all their
// speakers; a span that overlaps an earlier (or longer, at the same start)
// one is not highlighted on its own but its anchor and speakers are kept
// on the quote that covers it, so that links to it still land and it
// stays attributed. Every piece is valid UTF-8.
func segments(text string, spans []quoteSpan) []segment {
	marks := mergeSpans(text, spans)
	var out []segment
	pos := 0
	var last *mark
	for _, m := range marks {
		if m.start < pos {
			if last != nil {
				fold(last, m.mark)
			}
			continue
		}
		if m.start > pos {
			out = append(out, segment{Text: strings.ToValidUTF8(text[pos:m.start], "\uFFFD")})
		}
		last = &mark{Anchor: m.Anchor, Also: slices.Clone(m.Also), Speakers: slices.Clone(m.Speakers), Claim: m.Claim}
		out = append(out, segment{Text: strings.ToValidUTF8(text[m.start:m.end], "\uFFFD"), Quote: last})
		pos = m.end
	}
	if pos < len(text) {
		out = append(out, segment{Text: strings.ToValidUTF8(text[pos:], "\uFFFD")})
	}
	return out
}

// fold records on last a quote that overlaps it: its anchors, so that
// links to it land, and its speakers, so that it stays attributed.
func fold(last *mark, m mark) {
	for _, a := range append([]string{m.Anchor}, m.Also...) {
		if a != last.Anchor && !slices.Contains(last.Also, a) {
			last.Also = append(last.Also, a)
		}
	}
	for _, s := range m.Speakers {
		if !slices.ContainsFunc(last.Speakers, func(x link) bool { return x.URL == s.URL }) {
			last.Speakers = append(last.Speakers, s)
		}
	}
}

// boundedMark is a mark with its clamped byte bounds.
type boundedMark struct {
	mark
	start, end int
}

// mergeSpans clamps the spans, merges those with equal bounds, and sorts
// them by start, longest first.
func mergeSpans(text string, spans []quoteSpan) []boundedMark {
	var marks []boundedMark
	index := map[[2]int]int{}
	for _, sp := range spans {
		start, end := clampSpan(text, sp.Start, sp.End)
		if start >= end {
			continue
		}
		key := [2]int{start, end}
		i, ok := index[key]
		if !ok {
			i = len(marks)
			index[key] = i
			marks = append(marks, boundedMark{start: start, end: end,
				mark: mark{Anchor: quoteAnchor(sp.Start, sp.End), Claim: sp.Claim}})
		}
		fold(&marks[i].mark, mark{Anchor: quoteAnchor(sp.Start, sp.End), Speakers: sp.Speakers})
	}
	slices.SortStableFunc(marks, func(a, b boundedMark) int {
		return cmp.Or(cmp.Compare(a.start, b.start), cmp.Compare(b.end, a.end))
	})
	return marks
}

// clampSpan limits [start,end) to text and widens it to whole characters.
func clampSpan(text string, start, end int) (int, int) {
	start = min(max(start, 0), len(text))
	end = min(max(end, start), len(text))
	for start > 0 && start < len(text) && !utf8.RuneStart(text[start]) {
		start--
	}
	for end < len(text) && !utf8.RuneStart(text[end]) {
		end++
	}
	return start, end
}

// highlightIn cuts text into segments with the first occurrence of quote
// highlighted, or returns text whole when quote is not in it.
func highlightIn(text, quote string) []segment {
	if text == "" {
		return nil
	}
	quote = strings.TrimSpace(quote)
	i := -1
	if quote != "" {
		i = strings.Index(text, quote)
	}
	if i < 0 {
		return []segment{{Text: text}}
	}
	var out []segment
	if i > 0 {
		out = append(out, segment{Text: text[:i]})
	}
	out = append(out, segment{Text: quote, Quote: &mark{}})
	if rest := text[i+len(quote):]; rest != "" {
		out = append(out, segment{Text: rest})
	}
	return out
}
