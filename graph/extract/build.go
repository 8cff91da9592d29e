package extract

import (
	"cmp"
	"slices"

	"github.com/claimgraph/claimgraph/graph"
)

// ruleConfidence is each rule's precision measured on the PolNeAR training
// split (claim text matched and speaker right where judged); rules not in
// the table have unknown confidence (0).
var ruleConfidence = map[string]float64{}

// builder collects nodes and edges, keeping the first of each key.
type builder struct {
	x      *extraction
	nodes  map[string]graph.Node
	edges  map[graph.EdgeKey]graph.Edge
	entIDs []string
}

func newBuilder(x *extraction) *builder {
	return &builder{x: x, nodes: map[string]graph.Node{}, edges: map[graph.EdgeKey]graph.Edge{}}
}

// node adds n, merging it with a node of the same ID.
func (b *builder) node(n graph.Node) {
	if old, ok := b.nodes[n.ID]; ok {
		old.Merge(n)
		b.nodes[n.ID] = old
		return
	}
	b.nodes[n.ID] = n
}

// edge adds e unless an edge with its key exists; spans are clamped into
// the text.
func (b *builder) edge(e graph.Edge) {
	if e.From == "" || e.To == "" || e.From == e.To {
		return
	}
	n := len(b.x.d.text)
	e.Start = min(max(e.Start, 0), n)
	e.End = min(max(e.End, e.Start), n)
	e.Article = b.x.article.ID
	if e.Confidence == 0 {
		e.Confidence = ruleConfidence[e.Rule]
	}
	if _, ok := b.edges[e.Key()]; ok {
		return
	}
	b.edges[e.Key()] = e
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
	for ci, c := range x.claims {
		text := x.claimText(c)
		if text == "" || graph.NormalizeText(text) == "" {
			continue
		}
		id := graph.ClaimID(text)
		ids[ci] = id
		b.node(graph.Node{ID: id, Kind: graph.Claim, Name: text, Text: text, Direct: c.direct})
		start, end := x.claimSpan(c)
		ev := x.evidence(start, end)
		if sp := b.entID(c.speaker); sp != "" {
			b.edge(graph.Edge{From: sp, Rel: graph.Said, To: id, Start: start, End: end, Evidence: ev, Rule: c.rule})
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
	for ci, c := range x.claims {
		if ids[ci] == "" {
			continue
		}
		for _, st := range x.stances(ci) {
			from := b.entID(st.from)
			if st.fromClaim >= 0 {
				from = ids[st.fromClaim]
			}
			to := ids[st.to]
			if from == "" || to == "" {
				continue
			}
			start, end := x.claimSpan(c)
			b.edge(graph.Edge{From: from, Rel: st.rel, To: to, Start: start, End: end, Evidence: x.evidence(start, end), Rule: st.rule})
		}
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
	sg.Nodes = append(sg.Nodes, b.x.article)
	ids := make([]string, 0, len(b.nodes))
	for id := range b.nodes {
		if id != b.x.article.ID {
			ids = append(ids, id)
		}
	}
	slices.Sort(ids)
	for _, id := range ids {
		sg.Nodes = append(sg.Nodes, b.nodes[id])
	}
	for _, e := range b.edges {
		sg.Edges = append(sg.Edges, e)
	}
	slices.SortFunc(sg.Edges, func(a, b graph.Edge) int {
		return cmp.Or(cmp.Compare(a.From, b.From), cmp.Compare(a.Rel, b.Rel), cmp.Compare(a.To, b.To))
	})
	return sg
}
