package export

import (
	"bufio"
	"fmt"
	"io"
	"path"
	"slices"
	"strconv"
	"strings"

	"github.com/claimgraph/claimgraph/graph"
)

// ClusterBy says how WriteDOT groups nodes into boxed subgraphs.
type ClusterBy string

// The clusterings.
const (
	ClusterNone    ClusterBy = ""        // no clusters
	ClusterArticle ClusterBy = "article" // one box per article
	ClusterParty   ClusterBy = "party"   // one box per party with its members
)

// ParseCluster maps "", "none", "article" or "party" to a ClusterBy.
func ParseCluster(s string) (ClusterBy, error) {
	switch c := ClusterBy(strings.ToLower(strings.TrimSpace(s))); c {
	case ClusterNone, ClusterArticle, ClusterParty:
		return c, nil
	case "none":
		return ClusterNone, nil
	}
	return "", fmt.Errorf("unknown clustering %q (want article or party)", s)
}

// DOTOptions tune WriteDOT.
type DOTOptions struct {
	// Cluster groups nodes: by the article they first appear in (dated
	// articles first), or by party (the party, its members, and claims
	// said only by them).
	Cluster ClusterBy
	// Title is drawn above the graph; empty for none.
	Title string
	// NoLegend leaves out the legend of kinds and relations.
	NoLegend bool
	// URL, when set, gives each node a link (Graphviz's URL attribute,
	// an href in SVG output); a node for which it returns "" gets none.
	URL func(graph.Node) string
}

// LargeView is the node count from which WriteDOT draws a big picture:
// edge labels only where edges were merged (the legend tells relations
// apart by colour and line), a compact legend, and a layout that scales.
// Without clusters that is Graphviz's sfdp (force-directed; dot's layered
// layout turns thousands of nodes into a strip many metres long), set with
// the layout attribute, which dot -Tsvg and package render both honour;
// with clusters it stays dot with cheaper crossing minimisation.
const LargeView = 300

const dotFont = "Helvetica"

// kindStyle is how one node kind is drawn.
type kindStyle struct{ shape, fill, border string }

var kindStyles = map[graph.Kind]kindStyle{
	graph.Person:       {"ellipse", "#dbeafe", "#1d4ed8"},
	graph.Party:        {"hexagon", "#fde68a", "#b45309"},
	graph.Organization: {"box3d", "#e9d5ff", "#7e22ce"},
	graph.Place:        {"house", "#bbf7d0", "#15803d"},
	graph.Event:        {"octagon", "#fecdd3", "#be123c"},
	graph.Claim:        {"note", "#fffbeb", "#92400e"},
	graph.Article:      {"folder", "#e5e7eb", "#374151"},
}

var unknownKindStyle = kindStyle{"box", "#ffffff", "#000000"}

// relStyle is how one relation is drawn.
type relStyle struct {
	color, style string
	width        float64
}

var relStyles = map[graph.Rel]relStyle{
	graph.Said:     {"#1f2937", "solid", 1.2},
	graph.MemberOf: {"#6b7280", "dashed", 1.2},
	graph.About:    {"#b8b8b8", "solid", 0.8},
	graph.Disputes: {"#dc2626", "solid", 1.8},
	graph.Supports: {"#16a34a", "solid", 1.8},
	graph.Mentions: {"#cfcfcf", "dotted", 0.8},
}

var unknownRelStyle = relStyle{"#000000", "solid", 1}

func styleOfKind(k graph.Kind) kindStyle {
	if s, ok := kindStyles[k]; ok {
		return s
	}
	return unknownKindStyle
}

func styleOfRel(r graph.Rel) relStyle {
	if s, ok := relStyles[r]; ok {
		return s
	}
	return unknownRelStyle
}

// WriteDOT writes v as a Graphviz digraph that dot lays out left to right:
// one shape and colour per node kind, claims as wrapped, shortened text
// with the full text as tooltip, one line per (from, rel, to) with edges
// from several articles merged and counted ("said ×2"), relations told
// apart by colour and line style, a legend, and optional clusters. The
// output is deterministic.
func WriteDOT(w io.Writer, v *View, opt DOTOptions) error {
	d := &dotWriter{w: bufio.NewWriterSize(w, 64<<10), v: v, opt: opt}
	d.large = len(v.nodes) >= LargeView
	d.header()
	switch {
	case opt.NoLegend:
	case d.large:
		d.legendTable()
	default:
		d.legend()
	}
	clusters, member := d.clusters()
	for i, c := range clusters {
		d.cluster(i+1, c)
	}
	for _, n := range v.nodes {
		if _, ok := member[n.ID]; !ok {
			d.node("  ", n)
		}
	}
	for _, g := range groupEdges(v.edges) {
		d.edge(g)
	}
	d.line("}")
	if d.err == nil {
		d.err = d.w.Flush()
	}
	if d.err != nil {
		return fmt.Errorf("export dot: %w", d.err)
	}
	return nil
}

type dotWriter struct {
	w     *bufio.Writer
	v     *View
	opt   DOTOptions
	large bool
	err   error
}

func (d *dotWriter) line(parts ...string) {
	if d.err != nil {
		return
	}
	for _, p := range parts {
		d.w.WriteString(p)
	}
	_, d.err = d.w.WriteString("\n")
}

func (d *dotWriter) header() {
	nn, ne := d.v.Len()
	d.line("// claimgraph DOT export: ", strconv.Itoa(nn), " nodes, ", strconv.Itoa(ne), " edges")
	d.line(`digraph "claimgraph" {`)
	attrs := []string{"rankdir=LR", "fontname=" + dotQuote(dotFont), "fontsize=12",
		"nodesep=0.25", "ranksep=0.6"}
	title := "claimgraph"
	if d.opt.Title != "" {
		title = d.opt.Title
		attrs = append(attrs, "labelloc=t", "fontsize=16", "label="+dotQuote(d.opt.Title))
	}
	attrs = append(attrs, "tooltip="+dotQuote(title))
	switch {
	case d.large && d.opt.Cluster == ClusterNone:
		attrs = append(attrs, "layout=sfdp", "overlap=prism", "splines=false", "outputorder=edgesfirst")
	case d.large:
		attrs = append(attrs, "mclimit=0.1", "nslimit=1", "searchsize=10")
	}
	d.line("  graph [", strings.Join(attrs, ", "), "];")
	d.line("  node [fontname=", dotQuote(dotFont), ", fontsize=10, penwidth=1.2, margin=\"0.08,0.04\"];")
	d.line("  edge [fontname=", dotQuote(dotFont), ", fontsize=8, arrowsize=0.7];")
}

// present returns the kinds and relations in the view, in the order of
// graph.Kinds and graph.Rels.
func (d *dotWriter) present() ([]graph.Kind, []graph.Rel) {
	var kinds []graph.Kind
	for _, n := range d.v.nodes {
		if !slices.Contains(kinds, n.Kind) {
			kinds = append(kinds, n.Kind)
		}
	}
	var rels []graph.Rel
	for _, e := range d.v.edges {
		if !slices.Contains(rels, e.Rel) {
			rels = append(rels, e.Rel)
		}
	}
	slices.SortFunc(kinds, func(a, b graph.Kind) int { return orderOf(graph.Kinds, a) - orderOf(graph.Kinds, b) })
	slices.SortFunc(rels, func(a, b graph.Rel) int { return orderOf(graph.Rels, a) - orderOf(graph.Rels, b) })
	return kinds, rels
}

// legend draws, in a cluster, one sample node per kind and one sample edge
// per relation present in the view.
func (d *dotWriter) legend() {
	kinds, rels := d.present()
	if len(kinds) == 0 {
		return
	}
	d.line(`  subgraph "cluster_legend" {`)
	d.line(`    label="Legend"; fontsize=10; style="rounded"; color="#cbd5e1"; tooltip="Legend";`)
	for _, k := range kinds {
		s := styleOfKind(k)
		d.line("    ", dotID("legend/kind/"+string(k)), " [label=", dotQuote(string(k)), ", tooltip=",
			dotQuote("node kind "+string(k)), ", shape=", s.shape, `, fontsize=9, style="filled", fillcolor="`,
			s.fill, `", color="`, s.border, `"];`)
	}
	for _, r := range rels {
		s := styleOfRel(r)
		from, to := dotID("legend/rel/"+string(r)+"/from"), dotID("legend/rel/"+string(r)+"/to")
		for _, id := range []string{from, to} {
			d.line("    ", id, ` [label="", shape=point, width=0.04, color="#94a3b8", tooltip=`, dotQuote(string(r)), "];")
		}
		d.line("    ", from, " -> ", to, " [label=", dotQuote(string(r)), ", fontsize=9, color=\"", s.color,
			`", style="`, s.style, `", penwidth=`, fmtWidth(s.width), ", tooltip=", dotQuote("relation "+string(r)), "];")
	}
	d.line("  }")
}

// legendTable draws the legend as one table node, which any layout keeps
// in one piece.
func (d *dotWriter) legendTable() {
	kinds, rels := d.present()
	if len(kinds) == 0 {
		return
	}
	var b strings.Builder
	b.WriteString(`<<TABLE BORDER="1" COLOR="#cbd5e1" CELLBORDER="0" CELLSPACING="0" CELLPADDING="3">`)
	b.WriteString(`<TR><TD COLSPAN="2">Legend</TD></TR>`)
	for _, k := range kinds {
		s := styleOfKind(k)
		fmt.Fprintf(&b, `<TR><TD BGCOLOR="%s"><FONT COLOR="%s">%s</FONT></TD><TD ALIGN="LEFT">%s</TD></TR>`,
			s.fill, s.border, k, s.shape)
	}
	for _, r := range rels {
		s := styleOfRel(r)
		fmt.Fprintf(&b, `<TR><TD><FONT COLOR="%s">%s</FONT></TD><TD ALIGN="LEFT">%s line</TD></TR>`,
			labelColor(s.color), r, s.style)
	}
	b.WriteString(`</TABLE>>`)
	d.line(`  "legend/table" [shape=plaintext, margin=0, tooltip="Legend", label=`, b.String(), "];")
}

func orderOf[T comparable](list []T, x T) int {
	if i := slices.Index(list, x); i >= 0 {
		return i
	}
	return len(list)
}

// node writes one node statement with its kind's style.
func (d *dotWriter) node(indent string, n graph.Node) {
	s := styleOfKind(n.Kind)
	link := ""
	if d.opt.URL != nil {
		if u := d.opt.URL(n); u != "" {
			link = ", URL=" + dotQuote(u)
		}
	}
	d.line(indent, dotID(n.ID), " [label=", dotQuote(strings.Join(nodeLabel(n), "\n")),
		", tooltip=", dotQuote(nodeTooltip(n)), link, ", shape=", s.shape, `, style="filled", fillcolor="`,
		s.fill, `", color="`, s.border, `"];`)
}

// nodeLabel is the text drawn in a node, line by line.
func nodeLabel(n graph.Node) []string {
	switch n.Kind {
	case graph.Claim:
		text := n.Text
		if text == "" {
			text = n.Name
		}
		if n.Direct {
			text = "“" + strings.Join(strings.Fields(text), " ") + "”"
		}
		return wrapText(text, 40, 3)
	case graph.Article:
		name := displayName(n)
		if n.Title == "" && name == n.Source && n.Source != "" {
			name = path.Base(name) // the tooltip has the whole path
		}
		lines := wrapText(name, 30, 2)
		if n.Date != "" {
			lines = append(lines, shorten(n.Date, 20))
		}
		return lines
	}
	lines := wrapText(displayName(n), 24, 2)
	if a := acronym(n); a != "" {
		lines = append(lines, "("+a+")")
	}
	return lines
}

// acronym returns the first alias that looks like an acronym ("PRF"), for
// parties and organisations.
func acronym(n graph.Node) string {
	if n.Kind != graph.Party && n.Kind != graph.Organization {
		return ""
	}
	for _, a := range n.Aliases {
		if len(a) >= 2 && len(a) <= 10 && strings.ToUpper(a) == a && strings.ContainsFunc(a, isUpperLetter) {
			return a
		}
	}
	return ""
}

func isUpperLetter(r rune) bool { return r >= 'A' && r <= 'Z' }

// nodeTooltip is the full description shown when hovering a node.
func nodeTooltip(n graph.Node) string {
	var parts []string
	switch n.Kind {
	case graph.Claim:
		parts = append(parts, shorten(n.Text, 2000))
	case graph.Article:
		parts = append(parts, displayName(n))
		for _, f := range []string{n.Date, n.Author, n.Source, n.URL} {
			if f != "" {
				parts = append(parts, shorten(f, 300))
			}
		}
	default:
		parts = append(parts, displayName(n))
		if len(n.Aliases) > 0 {
			parts = append(parts, "also: "+shorten(strings.Join(n.Aliases, ", "), 300))
		}
	}
	return strings.Join(append(parts, n.ID), "\n")
}

// edgeGroup is the edges of one (from, rel, to), from one or more articles.
type edgeGroup []graph.Edge

// groupEdges groups sorted edges by (from, rel, to).
func groupEdges(edges []graph.Edge) []edgeGroup {
	var out []edgeGroup
	for i := 0; i < len(edges); {
		j := i + 1
		for j < len(edges) && edges[j].From == edges[i].From && edges[j].Rel == edges[i].Rel && edges[j].To == edges[i].To {
			j++
		}
		out = append(out, edgeGroup(edges[i:j]))
		i = j
	}
	return out
}

func (d *dotWriter) edge(g edgeGroup) {
	e := g[0]
	s := styleOfRel(e.Rel)
	attrs := []string{}
	if label := d.edgeLabel(g); label != "" {
		attrs = append(attrs, "label="+dotQuote(label), "fontcolor="+strconv.Quote(labelColor(s.color)))
	}
	width := s.width
	if len(g) > 1 {
		width += 0.4 * float64(min(len(g)-1, 5))
	}
	attrs = append(attrs, "tooltip="+dotQuote(d.edgeTooltip(g)), "color="+strconv.Quote(s.color),
		"style="+strconv.Quote(s.style), "penwidth="+fmtWidth(width))
	d.line("  ", dotID(e.From), " -> ", dotID(e.To), " [", strings.Join(attrs, ", "), "];")
}

// labelColor darkens the pale relation colours so that labels stay legible.
func labelColor(c string) string {
	switch c {
	case relStyles[graph.About].color, relStyles[graph.Mentions].color:
		return "#8a8a8a"
	}
	return c
}

func (d *dotWriter) edgeLabel(g edgeGroup) string {
	count := ""
	if len(g) > 1 {
		count = " ×" + strconv.Itoa(len(g))
	}
	if d.large {
		if count == "" {
			return ""
		}
		return strings.TrimSpace(count)
	}
	label := string(g[0].Rel) + count
	for _, e := range g {
		if e.Role != "" {
			return label + "\n(" + shorten(e.Role, 30) + ")"
		}
	}
	return label
}

// edgeTooltip names the relation and lists each article's evidence.
func (d *dotWriter) edgeTooltip(g edgeGroup) string {
	e := g[0]
	lines := []string{d.shortName(e.From) + " " + string(e.Rel) + " " + d.shortName(e.To)}
	const maxItems = 8
	for i, x := range g {
		if i == maxItems {
			lines = append(lines, fmt.Sprintf("… and %d more", len(g)-maxItems))
			break
		}
		lines = append(lines, d.provenance(x))
	}
	return strings.Join(lines, "\n")
}

func (d *dotWriter) shortName(id string) string {
	if n, ok := d.v.Node(id); ok {
		return shorten(displayName(n), 60)
	}
	return id
}

// provenance is one line: "• DATE TITLE: evidence".
func (d *dotWriter) provenance(e graph.Edge) string {
	src := e.Article
	if n, ok := d.v.Node(e.Article); ok {
		src = strings.TrimSpace(n.Date + " " + shorten(displayName(n), 60))
	}
	if src == "" {
		src = "no article"
	}
	if e.Evidence == "" {
		return "• " + src
	}
	return "• " + src + ": " + shorten(e.Evidence, 160)
}

func fmtWidth(f float64) string { return strconv.FormatFloat(f, 'f', 1, 64) }
