package extract

import (
	"cmp"
	"slices"
	"unicode"

	"github.com/claimgraph/claimgraph/graph"
)

// builder collects nodes and edges, keeping the first of each key.
type builder struct {
	x      *extraction
	nodes  []graph.Node
	nodeAt map[string]int
	edges  []graph.Edge
	edgeAt map[graph.EdgeKey]struct{}
	entIDs []string
}

func newBuilder(x *extraction) *builder {
	n := len(x.e.list) + len(x.claims) + 1
	return &builder{x: x, nodes: make([]graph.Node, 0, n), nodeAt: make(map[string]int, n),
		edges: make([]graph.Edge, 0, 4*n), edgeAt: make(map[graph.EdgeKey]struct{}, 4*n)}
}

// node adds n, merging it with a node of the same ID.
func (b *builder) node(n graph.Node) {
	if i, ok := b.nodeAt[n.ID]; ok {
		b.nodes[i].Merge(n)
		return
	}
	b.nodeAt[n.ID] = len(b.nodes)
	b.nodes = append(b.nodes, n)
}

// edge adds e unless an edge with its key exists; spans are clamped into
// the text.
func (b *builder) edge(e graph.Edge) {
	if e.From == "" || e.To == "" || e.From == e.To {
		return
	}
	e.Article = b.x.article.ID
	k := e.Key()
	if _, ok := b.edgeAt[k]; ok {
		return
	}
	n := len(b.x.d.text)
	e.Start = min(max(e.Start, 0), n)
	e.End = min(max(e.End, e.Start), n)
	if e.Confidence == 0 {
		e.Confidence = confidenceOf(e.Rule)
	}
	b.edgeAt[k] = struct{}{}
	b.edges = append(b.edges, e)
}

// entities adds a node per entity that has a mention.
func (b *builder) entities() {
	e := b.x.e
	b.entIDs = make([]string, len(e.list))
	for i, ent := range e.list {
		if ent.dropped || ent.firstStart < 0 || ent.kind == kindUnknown {
			continue
		}
		id := graph.EntityID(ent.kind, ent.name)
		b.entIDs[i] = id
		b.node(graph.Node{ID: id, Kind: ent.kind, Name: ent.name, Aliases: graph.MergeAliases(ent.name, ent.aliases)})
	}
}

// entID returns the node ID of entity i, or "" when it has none.
func (b *builder) entID(i int) string {
	if i < 0 || i >= len(b.entIDs) {
		return ""
	}
	return b.entIDs[i]
}

// claims adds claim nodes and their said, about, disputes and supports
// edges.
func (b *builder) claims() {
	x := b.x
	ids := make([]string, len(x.claims))
	hFrom, hTo := x.headline()
	for ci, c := range x.claims {
		text := x.claimText(c)
		if !hasWord(text) || len(c.parts) > 0 && c.parts[0].from >= hFrom && c.parts[0].from < hTo {
			continue
		}
		if b.entID(c.speaker) == "" && c.direct && fragment(text) {
			continue
		}
		id := graph.ClaimID(text)
		ids[ci] = id
		b.node(graph.Node{ID: id, Kind: graph.Claim, Name: text, Text: text, Direct: c.direct})
		start, end := x.claimSpan(c)
		ev := x.evidence(start, end)
		if sp := b.entID(c.speaker); sp != "" {
			b.edge(graph.Edge{From: sp, Rel: graph.Said, To: id, Start: start, End: end, Evidence: ev, Rule: c.rule})
			for _, o := range c.also {
				if osp := b.entID(o); osp != "" && osp != sp {
					b.edge(graph.Edge{From: osp, Rel: graph.Said, To: id, Start: start, End: end, Evidence: ev, Rule: c.rule})
				}
			}
		}
		for _, ent := range x.claimEntities(c) {
			if ent == c.speaker {
				continue
			}
			if to := b.entID(ent); to != "" {
				b.edge(graph.Edge{From: id, Rel: graph.About, To: to, Start: start, End: end, Evidence: ev, Rule: "about/mention"})
			}
		}
	}
	for ci := range x.claims {
		if ids[ci] == "" {
			continue
		}
		for _, st := range x.stances(ci) {
			from := b.entID(st.from)
			if st.fromClaim >= 0 {
				from = ids[st.fromClaim]
			}
			b.stance(st, from, ids[st.to])
		}
	}
	b.refStances(ids)
	for _, st := range x.deniedBy {
		if ids[st.to] != "" {
			b.stance(st, b.entID(st.from), ids[st.to])
		}
	}
}

// stance adds the edge of one stance from node from to node to.
func (b *builder) stance(st stance, from, to string) {
	if from == "" || to == "" {
		return
	}
	b.edge(graph.Edge{From: from, Rel: st.rel, To: to, Start: st.start, End: st.end, Evidence: b.x.evidence(st.start, st.end), Rule: st.rule})
}

// refStances adds the disputes and supports edges of stances whose
// target a claim noun names.
func (b *builder) refStances(ids []string) {
	x := b.x
	for _, st := range x.refStances() {
		from := b.entID(st.from)
		if st.fromClaim >= 0 {
			from = ids[st.fromClaim]
		}
		b.stance(st, from, ids[st.to])
	}
}

// memberships adds member-of edges.
func (b *builder) memberships() {
	x := b.x
	for _, m := range x.members {
		from, to := b.entID(m.person), b.entID(m.org)
		if from == "" || to == "" {
			continue
		}
		start, end := x.d.toks[m.from].start, x.d.toks[m.to-1].end
		b.edge(graph.Edge{From: from, Rel: graph.MemberOf, To: to, Start: start, End: end, Role: m.role,
			Evidence: x.evidence(start, end), Rule: m.rule})
	}
}

// mentions adds an article -> entity edge for every entity, at its first
// mention.
func (b *builder) mentions() {
	x := b.x
	for i, ent := range x.e.list {
		id := b.entID(i)
		if id == "" {
			continue
		}
		b.edge(graph.Edge{From: x.article.ID, Rel: graph.Mentions, To: id, Start: ent.firstStart, End: ent.firstEnd,
			Evidence: x.evidence(ent.firstStart, ent.firstEnd), Rule: "mentions/name"})
	}
}

// finish returns the sorted subgraph with the article node first.
func (b *builder) finish() graph.Subgraph {
	sg := graph.Subgraph{Article: b.x.article.ID}
	sg.Nodes = make([]graph.Node, 0, len(b.nodes)+1)
	sg.Nodes = append(sg.Nodes, b.x.article)
	slices.SortFunc(b.nodes, func(a, c graph.Node) int { return cmp.Compare(a.ID, c.ID) })
	for _, n := range b.nodes {
		if n.ID != b.x.article.ID {
			sg.Nodes = append(sg.Nodes, n)
		}
	}
	slices.SortFunc(b.edges, func(a, c graph.Edge) int { return a.Key().Compare(c.Key()) })
	sg.Edges = b.edges
	return sg
}

// hasWord reports whether s holds a letter or a digit, so that its
// normalised text is not empty.
// fragment reports whether s is a scrap of at most maxFragmentWords words
// that neither opens nor ends a sentence ("gratified", "extremely
// careless"): with no speaker such a claim is a scare quote or a term, not
// a statement anyone made ("Not worried," a spokesman said, stays).
func fragment(s string) bool {
	words, inWord := 0, false
	first, last := rune(0), rune(0)
	for _, r := range s {
		w := unicode.IsLetter(r) || unicode.IsDigit(r)
		if w && !inWord {
			words++
		}
		if w && first == 0 {
			first = r
		}
		inWord = w || r == '\'' || r == '’' || r == '-'
		if !unicode.IsSpace(r) && !isQuoteMark(r) {
			last = r
		}
	}
	if words > maxFragmentWords {
		return false
	}
	return unicode.IsLower(first) && last != '!' && last != '?'
}

// maxFragmentWords is the most words a speakerless fragment has.
const maxFragmentWords = 2

// hasWord reports whether s holds a letter or a digit.
func hasWord(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return true
		}
	}
	return false
}

// isQuoteMark reports whether r is a straight or curly quotation mark.
func isQuoteMark(r rune) bool {
	switch r {
	case '"', '\'', '“', '”', '‘', '’', '«', '»':
		return true
	}
	return false
}
