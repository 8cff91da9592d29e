package extract

import (
	"cmp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/claimgraph/claimgraph/graph"
)

// extraction is the working state of one Extract call.
type extraction struct {
	article graph.Node
	d       *document
	e       *entities
	quotes  []quote
	// quoteOf maps a token to the quote containing it (marks included),
	// or -1.
	quoteOf []int32
	// quoteClaim maps a quote to the claim it belongs to, or -1.
	quoteClaim []int
	cueUsed    map[int]bool
	paraNum    []int
	claims     []claimCand
	members    []membership
	// excluded marks tokens that coreference must not use (tweet
	// author lines).
	excluded []bool
	evCache  map[[2]int]string
	// stanceRefs are stances whose target an object names ("rejected the
	// allegations", "backed Lind").
	stanceRefs []stanceRef
	// deniedBy are stances of a speaker named in an apposition after a
	// claim ("…, a charge Roe has denied").
	deniedBy []stance
	// stanceVia maps the -ing cue that goes on from a stance ("denied
	// this, saying …") to its stanceRefs index plus one.
	stanceVia map[int]int
	// antecedents, set only by Trace, records the mention each resolved
	// pronoun token was resolved to (see trace.go).
	antecedents map[int]int32
}

// membership is a member-of relation found in the text.
type membership struct {
	person, org int
	role        string
	from, to    int // token span of the phrase
	rule        string
}

// Extract reads one article node (ID, Text, Date, Title, Source... set by
// the caller) and returns its subgraph: the article node itself (unchanged,
// as given), the entity and claim nodes, and the edges. It is safe for
// concurrent use.
func Extract(article graph.Node) graph.Subgraph {
	x := newExtraction(article)
	x.run()
	return x.subgraph()
}

func newExtraction(article graph.Node) *extraction {
	d := newDocument(article.Text)
	x := &extraction{article: article, d: d, cueUsed: map[int]bool{}, evCache: map[[2]int]string{}}
	x.paraNum = make([]int, len(d.toks))
	p := 0
	for i, t := range d.toks {
		if t.para && i > 0 {
			p++
		}
		x.paraNum[i] = p
	}
	return x
}

// run performs the passes in order.
func (x *extraction) run() {
	d := x.d
	x.quotes = findQuotes(d)
	x.quoteOf = make([]int32, len(d.toks))
	for i := range x.quoteOf {
		x.quoteOf[i] = -1
	}
	for qi, q := range x.quotes {
		end := q.close
		if end < 0 {
			end = q.to - 1
		}
		for k := q.open; k <= end && k < len(d.toks); k++ {
			x.quoteOf[k] = int32(qi)
		}
	}
	x.quoteClaim = make([]int, len(x.quotes))
	for i := range x.quoteClaim {
		x.quoteClaim[i] = -1
	}
	raw := d.findMentions()
	raw = append(raw, d.findEvents()...)
	x.e = d.resolveEntities(raw)
	x.excluded = make([]bool, len(d.toks))
	x.findTweets()
	x.findMemberships()
	x.findDirect()
	x.findReported()
	x.findDeniedCharges()
	x.moveTrailingQuotes()
	x.joinTrailingQuotes()
	x.creditReporters()
}

// inQuote reports whether token i lies inside a double quote.
func (x *extraction) inQuote(i int) bool {
	if i < 0 || i >= len(x.quoteOf) {
		return false
	}
	q := x.quoteOf[i]
	return q >= 0 && !x.quotes[q].single
}

// claimText joins the text of a claim's parts, trimming trailing commas
// and collapsing white space.
func (x *extraction) claimText(c claimCand) string {
	var parts []string
	for _, p := range c.parts {
		if p.from >= p.to {
			continue
		}
		s := x.d.runText(p.from, p.to)
		s = strings.TrimRight(s, " ,;:—–-")
		s = collapseSpace(s)
		if s != "" {
			parts = append(parts, s)
		}
	}
	return strings.Join(parts, " ")
}

// claimSpan returns the byte span from the first to the last part.
func (x *extraction) claimSpan(c claimCand) (int, int) {
	d := x.d
	first, last := c.parts[0], c.parts[len(c.parts)-1]
	if first.from >= first.to || last.from >= last.to {
		return 0, 0
	}
	end := last.to - 1
	for end > last.from && (d.isPunct(end, ",") || d.isPunct(end, ";") || d.isPunct(end, ":") || d.isPunct(end, "—")) {
		end--
	}
	return d.toks[first.from].start, d.toks[end].end
}

// evidence returns the sentences that hold the byte span [a,b).
func (x *extraction) evidence(a, b int) string {
	d := x.d
	if len(d.toks) == 0 {
		return ""
	}
	s := x.sentAtByte(a)
	e := x.sentAtByte(max(a, b-1))
	if e < s {
		e = s
	}
	key := [2]int{s, e}
	if ev, ok := x.evCache[key]; ok {
		return ev
	}
	ev := collapseSpace(d.sentsText(s, e))
	x.evCache[key] = ev
	return ev
}

// collapseSpace trims s and turns each run of white space into one space,
// returning s itself when it is already so.
func collapseSpace(s string) string {
	prevSpace := true
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			sp := c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\v'
			if sp && (prevSpace || c != ' ') {
				return strings.Join(strings.Fields(s), " ")
			}
			prevSpace = sp
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if unicode.IsSpace(r) {
			return strings.Join(strings.Fields(s), " ")
		}
		prevSpace = false
		i += size
	}
	if prevSpace && len(s) > 0 {
		return strings.TrimRight(s, " ")
	}
	return s
}

// sentAtByte returns the sentence holding byte offset p.
func (x *extraction) sentAtByte(p int) int {
	d := x.d
	i, _ := slices.BinarySearchFunc(d.toks, p, func(t token, p int) int { return cmp.Compare(t.end, p+1) })
	if i >= len(d.toks) {
		i = len(d.toks) - 1
	}
	return d.sentOf[i]
}

// subgraph assembles nodes and edges, deduplicated and sorted.
func (x *extraction) subgraph() graph.Subgraph {
	b := newBuilder(x)
	b.entities()
	b.claims()
	b.memberships()
	b.mentions()
	return b.finish()
}

// headline returns the token span [from,to) of the article's headline
// when one of its first three paragraphs repeats the title (the title of
// an HTML page in its <h1>, after a masthead; a plain-text headline
// line), or an empty span. A headline states no claim: "Thousands rally
// as party demands new vote" is the newspaper's summary, not the party's
// words.
func (x *extraction) headline() (int, int) {
	d := x.d
	title := graph.NormalizeText(x.article.Title)
	if title == "" {
		return 0, 0
	}
	from := 0
	for p := 0; p < 3 && from < len(d.toks); p++ {
		to := from + 1
		for to < len(d.toks) && !d.toks[to].para {
			to++
		}
		text := graph.NormalizeText(d.runText(from, to))
		if len(strings.Fields(text)) >= 3 && strings.HasPrefix(title, text) {
			return from, to
		}
		from = to
	}
	return 0, 0
}
