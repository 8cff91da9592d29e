package export

import (
	"cmp"
	"slices"
	"strconv"

	"github.com/claimgraph/claimgraph/graph"
)

// dotCluster is one boxed subgraph.
type dotCluster struct {
	label, tooltip, fill string
	nodes                []graph.Node
}

// clusters returns the clusters to draw (in order, none empty) and the
// index into them of every clustered node.
func (d *dotWriter) clusters() ([]dotCluster, map[string]int) {
	var heads []dotCluster
	var assign map[string]int
	switch d.opt.Cluster {
	case ClusterArticle:
		heads, assign = d.articleClusters()
	case ClusterParty:
		heads, assign = d.partyClusters()
	default:
		return nil, map[string]int{}
	}
	for _, n := range d.v.nodes {
		if i, ok := assign[n.ID]; ok {
			heads[i].nodes = append(heads[i].nodes, n)
		}
	}
	// Drop empty clusters and renumber.
	var out []dotCluster
	remap := map[int]int{}
	for i, c := range heads {
		if len(c.nodes) > 0 {
			remap[i] = len(out)
			out = append(out, c)
		}
	}
	member := make(map[string]int, len(assign))
	for id, i := range assign {
		if j, ok := remap[i]; ok {
			member[id] = j
		}
	}
	return out, member
}

// articleClusters puts each node in the cluster of the first article (by
// date, then ID; undated last) that has an edge touching it.
func (d *dotWriter) articleClusters() ([]dotCluster, map[string]int) {
	seen := map[string]bool{}
	var arts []string
	add := func(id string) {
		if id != "" && !seen[id] {
			seen[id] = true
			arts = append(arts, id)
		}
	}
	for _, n := range d.v.nodes {
		if n.Kind == graph.Article {
			add(n.ID)
		}
	}
	for _, e := range d.v.edges {
		add(e.Article)
	}
	dateOf := func(id string) string {
		if n, ok := d.v.Node(id); ok && n.Date != "" {
			return n.Date
		}
		return "\U0010FFFF" // undated sorts last
	}
	slices.SortFunc(arts, func(a, b string) int { return cmp.Or(cmp.Compare(dateOf(a), dateOf(b)), cmp.Compare(a, b)) })
	rank := make(map[string]int, len(arts))
	heads := make([]dotCluster, len(arts))
	for i, a := range arts {
		rank[a] = i
		heads[i] = d.articleCluster(a)
	}
	assign := map[string]int{}
	claim := func(id string, r int) {
		if old, ok := assign[id]; !ok || r < old {
			assign[id] = r
		}
	}
	for _, n := range d.v.nodes {
		if n.Kind == graph.Article {
			assign[n.ID] = rank[n.ID]
		}
	}
	for _, e := range d.v.edges {
		if e.Article == "" {
			continue
		}
		for _, id := range []string{e.From, e.To} {
			if graph.KindOfID(id) != graph.Article || !d.v.Has(id) {
				claim(id, rank[e.Article])
			}
		}
	}
	return heads, assign
}

func (d *dotWriter) articleCluster(id string) dotCluster {
	c := dotCluster{label: id, tooltip: id, fill: "#f8fafc"}
	if n, ok := d.v.Node(id); ok {
		c.label = shorten(displayName(n), 60)
		if n.Date != "" {
			c.label += " (" + shorten(n.Date, 20) + ")"
		}
		c.tooltip = displayName(n) + "\n" + id
	}
	return c
}

// partyClusters puts each party with its members (member-of, first party by
// ID) and the claims said only by them.
func (d *dotWriter) partyClusters() ([]dotCluster, map[string]int) {
	var heads []dotCluster
	assign := map[string]int{}
	party := map[string]int{}
	for _, n := range d.v.nodes {
		if n.Kind == graph.Party {
			party[n.ID] = len(heads)
			assign[n.ID] = len(heads)
			label := shorten(displayName(n), 60)
			if a := acronym(n); a != "" {
				label += " (" + a + ")"
			}
			heads = append(heads, dotCluster{label: label, tooltip: displayName(n) + "\n" + n.ID, fill: "#fff7ed"})
		}
	}
	for _, e := range d.v.edges {
		if e.Rel != graph.MemberOf {
			continue
		}
		p, ok := party[e.To]
		if _, taken := assign[e.From]; ok && !taken {
			assign[e.From] = p
		}
	}
	d.assignClaims(assign)
	return heads, assign
}

// assignClaims puts a claim in a cluster when every speaker of it in the
// view is in that cluster.
func (d *dotWriter) assignClaims(assign map[string]int) {
	const mixed = -1
	where := map[string]int{}
	for _, e := range d.v.edges {
		if e.Rel != graph.Said {
			continue
		}
		c, ok := assign[e.From]
		if !ok {
			c = mixed
		}
		if old, seen := where[e.To]; seen && old != c {
			c = mixed
		}
		where[e.To] = c
	}
	for id, c := range where {
		if _, taken := assign[id]; !taken && c != mixed {
			assign[id] = c
		}
	}
}

func (d *dotWriter) cluster(i int, c dotCluster) {
	d.line("  subgraph ", strconv.Quote("cluster_"+strconv.Itoa(i)), " {")
	d.line("    label=", dotQuote(c.label), "; tooltip=", dotQuote(c.tooltip),
		`; style="rounded,filled"; fillcolor="`, c.fill, `"; color="#94a3b8"; fontsize=11;`)
	for _, n := range c.nodes {
		d.node("    ", n)
	}
	d.line("  }")
}
