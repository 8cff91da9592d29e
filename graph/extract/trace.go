package extract

import (
	"github.com/claimgraph/claimgraph/graph"
)

// Span is a byte range [Start,End) of an article's text with the text it
// covers. The zero Span means "not found".
type Span struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
}

// Found reports whether the span was located.
func (s Span) Found() bool { return s.End > s.Start }

// ChainLink is one step of the coreference chain that led from the words
// naming a speaker to the speaker's full name: How is "pronoun",
// "surname" (a shorter name: surname, acronym, first name), or "full name".
type ChainLink struct {
	How string `json:"how"`
	Span
}

// EdgeTrace explains one said edge that Extract produces: the edge as
// Extract emits it, the cue verb, the words naming the source (the speaker
// phrase nearest to the cue in the claim's sentences) and the content (the
// claim's own words), and the chain that resolved the source to the
// speaker. Cue is zero for a quote with no cue of its own (a continuation);
// Source is zero when the speaker was found outside the claim's sentences
// (an earlier quote's speaker, a title such as "the governor").
type EdgeTrace struct {
	Edge    graph.Edge  `json:"edge"`
	Cue     Span        `json:"cue"`
	Source  Span        `json:"source"`
	Content Span        `json:"content"`
	Chain   []ChainLink `json:"chain,omitempty"`
}

// Trace re-runs Extract on an article with tracing on and returns a trace
// of every said edge it produces, in the order the claims were found. The
// coreference chain is not stored anywhere: Trace is how a caller learns
// why a stored edge was made, and whether the current extractor still
// makes it.
func Trace(article graph.Node) []EdgeTrace {
	x := newExtraction(article)
	x.antecedents = map[int]int32{}
	x.run()
	sg := x.subgraph()
	said := map[graph.EdgeKey]graph.Edge{}
	for _, e := range sg.Edges {
		if e.Rel == graph.Said {
			said[e.Key()] = e
		}
	}
	var out []EdgeTrace
	seen := map[graph.EdgeKey]bool{}
	for _, c := range x.claims {
		if c.speaker < 0 || c.speaker >= len(x.e.list) {
			continue
		}
		text := x.claimText(c)
		if !hasWord(text) {
			continue
		}
		// each speaker of a coordinated subject has an edge of its own
		for _, sp := range append([]int{c.speaker}, c.also...) {
			ent := x.e.list[sp]
			k := graph.EdgeKey{From: graph.EntityID(ent.kind, ent.name), Rel: graph.Said, To: graph.ClaimID(text), Article: article.ID}
			e, ok := said[k]
			if !ok || seen[k] {
				continue
			}
			seen[k] = true
			one := c
			one.speaker = sp
			out = append(out, x.traceClaim(one, e))
		}
	}
	return out
}

// noteAntecedent records, when tracing, that the pronoun at token i was
// resolved through mention m.
func (x *extraction) noteAntecedent(i int, m int32) {
	if x.antecedents != nil {
		x.antecedents[i] = m
	}
}

// traceClaim builds the trace of claim c's said edge e.
func (x *extraction) traceClaim(c claimCand, e graph.Edge) EdgeTrace {
	t := EdgeTrace{Edge: e}
	start, end := x.claimSpan(c)
	t.Content = x.byteSpan(start, end)
	if c.cue >= 0 && c.cue < len(x.d.toks) {
		t.Cue = x.tokSpan(c.cue, c.cue+1)
	}
	src := x.sourceToken(c, start, end)
	if src < 0 {
		return t
	}
	e2 := x.e
	if m, ok := x.antecedents[src]; ok && e2.mentAt[src] < 0 {
		t.Source = x.tokSpan(src, src+1)
		t.Chain = append(t.Chain, ChainLink{How: "pronoun", Span: t.Source})
		return x.chainFrom(t, e2.ments[m], c.speaker)
	}
	mm := e2.ments[e2.mentAt[src]]
	t.Source = x.tokSpan(mm.from, mm.to)
	return x.chainFrom(t, mm, c.speaker)
}

// chainFrom appends the mention m and, when it is a shorter name than the
// entity's, the mention of its full name.
func (x *extraction) chainFrom(t EdgeTrace, m mention, ent int) EdgeTrace {
	name := x.e.list[ent].name
	sp := x.tokSpan(m.from, m.to)
	if normName(sp.Text) == normName(name) {
		t.Chain = append(t.Chain, ChainLink{How: "full name", Span: sp})
		return t
	}
	t.Chain = append(t.Chain, ChainLink{How: "surname", Span: sp})
	if full, ok := x.fullNameMention(ent, name); ok {
		t.Chain = append(t.Chain, ChainLink{How: "full name", Span: full})
	} else if fs := x.e.list[ent]; fs.firstStart >= 0 {
		t.Chain = append(t.Chain, ChainLink{How: "full name", Span: x.byteSpan(fs.firstStart, fs.firstEnd)})
	}
	return t
}

// fullNameMention returns the first mention of entity ent that spells its
// name in full.
func (x *extraction) fullNameMention(ent int, name string) (Span, bool) {
	e := x.e
	if ent >= len(e.byEnt) {
		return Span{}, false
	}
	best := -1
	for _, mi := range e.byEnt[ent] {
		m := e.ments[mi]
		if normName(x.d.canonical(m.from, m.to)) == normName(name) && (best < 0 || m.from < e.ments[best].from) {
			best = int(mi)
		}
	}
	if best < 0 {
		return Span{}, false
	}
	return x.tokSpan(e.ments[best].from, e.ments[best].to), true
}

// sourceToken finds the token naming claim c's speaker: among the tokens of
// the claim's sentences outside its content, a mention of the speaker or a
// pronoun resolved to it, the one nearest to the cue (or to the content
// when there is no cue). It returns -1 when there is none.
func (x *extraction) sourceToken(c claimCand, start, end int) int {
	d, e := x.d, x.e
	if len(d.toks) == 0 {
		return -1
	}
	anchor := c.cue
	if anchor < 0 {
		anchor = c.parts[0].from
	}
	s0, s1 := d.sentOf[min(anchor, c.parts[0].from)], d.sentOf[max(anchor, c.parts[len(c.parts)-1].to-1)]
	best, bestDist := -1, 1<<30
	for i := d.sents[s0].from; i < d.sents[s1].to; i++ {
		if inParts(c.parts, i) {
			continue
		}
		ok := false
		if m := e.mentAt[i]; m >= 0 {
			ok = e.ments[m].ent == c.speaker && e.ments[m].from == i
		} else if a, has := x.antecedents[i]; has {
			ok = e.ments[a].ent == c.speaker
		}
		if !ok {
			continue
		}
		if dist := abs(i - anchor); dist < bestDist {
			best, bestDist = i, dist
		}
	}
	return best
}

// inParts reports whether token i lies in one of the claim's parts.
func inParts(parts []tspan, i int) bool {
	for _, p := range parts {
		if i >= p.from && i < p.to {
			return true
		}
	}
	return false
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// tokSpan returns the span of tokens [from,to).
func (x *extraction) tokSpan(from, to int) Span {
	if from >= to || to > len(x.d.toks) {
		return Span{}
	}
	return x.byteSpan(x.d.toks[from].start, x.d.toks[to-1].end)
}

// byteSpan returns the span of bytes [a,b) of the text.
func (x *extraction) byteSpan(a, b int) Span {
	if a < 0 || b > len(x.d.text) || a >= b {
		return Span{}
	}
	return Span{Start: a, End: b, Text: x.d.text[a:b]}
}
