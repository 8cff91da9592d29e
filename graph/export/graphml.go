package export

import (
	"bufio"
	"context"
	"encoding/xml"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/claimgraph/claimgraph/graph"
)

// graphmlKey declares one GraphML attribute.
type graphmlKey struct {
	id, domain, name, typ string
}

// graphmlKeys are the attributes every GraphML export declares. Node
// attributes have ids "n_NAME", edge attributes "e_NAME"; "label" is the
// attribute Gephi shows.
var graphmlKeys = []graphmlKey{
	{"n_label", "node", "label", "string"},
	{"n_kind", "node", "kind", "string"},
	{"n_name", "node", "name", "string"},
	{"n_aliases", "node", "aliases", "string"},
	{"n_date", "node", "date", "string"},
	{"n_title", "node", "title", "string"},
	{"n_source", "node", "source", "string"},
	{"n_url", "node", "url", "string"},
	{"n_author", "node", "author", "string"},
	{"n_direct", "node", "direct", "boolean"},
	{"n_text", "node", "text", "string"},
	{"e_label", "edge", "label", "string"},
	{"e_rel", "edge", "rel", "string"},
	{"e_article", "edge", "article", "string"},
	{"e_start", "edge", "start", "int"},
	{"e_end", "edge", "end", "int"},
	{"e_role", "edge", "role", "string"},
	{"e_evidence", "edge", "evidence", "string"},
	{"e_rule", "edge", "rule", "string"},
	{"e_confidence", "edge", "confidence", "double"},
}

// WriteGraphML writes src as GraphML (http://graphml.graphdrawing.org/) for
// Gephi, yEd and Cytoscape: a directed graph whose nodes carry kind, name,
// aliases (joined by AliasSeparator), text and the article fields, and
// whose edges carry rel, article, start, end, role, evidence, rule and
// confidence as declared <key>s. Edge ids are e1, e2, ... in edge order.
// Article texts are not included (they are in the JSONL backup). It streams.
func WriteGraphML(ctx context.Context, w io.Writer, src Source) error {
	g := &xmlWriter{w: bufio.NewWriterSize(w, 64<<10)}
	g.raw(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	g.raw(`<graphml xmlns="http://graphml.graphdrawing.org/xmlns"` +
		` xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"` +
		` xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">` + "\n")
	for _, k := range graphmlKeys {
		g.raw(fmt.Sprintf(`  <key id="%s" for="%s" attr.name="%s" attr.type="%s"/>`+"\n", k.id, k.domain, k.name, k.typ))
	}
	g.raw(`  <graph id="claimgraph" edgedefault="directed">` + "\n")
	err := eachNode(ctx, src, func(n graph.Node) error {
		g.graphmlNode(n)
		return g.err
	})
	if err == nil {
		i := 0
		err = eachEdge(ctx, src, func(e graph.Edge) error {
			i++
			g.graphmlEdge(e, i)
			return g.err
		})
	}
	g.raw("  </graph>\n</graphml>\n")
	if err == nil {
		err = g.flush()
	}
	if err != nil {
		return fmt.Errorf("export graphml: %w", err)
	}
	return nil
}

func (g *xmlWriter) graphmlNode(n graph.Node) {
	g.raw(`    <node id="`)
	g.text(n.ID)
	g.raw(`">` + "\n")
	text := n.Text
	if n.Kind == graph.Article {
		text = ""
	}
	for _, d := range [][2]string{
		{"n_label", displayName(n)}, {"n_kind", string(n.Kind)}, {"n_name", displayName(n)},
		{"n_aliases", strings.Join(n.Aliases, AliasSeparator)}, {"n_date", n.Date},
		{"n_title", n.Title}, {"n_source", n.Source}, {"n_url", n.URL}, {"n_author", n.Author},
		{"n_direct", boolCell(n.Direct)}, {"n_text", text},
	} {
		g.data(d[0], d[1])
	}
	g.raw("    </node>\n")
}

func (g *xmlWriter) graphmlEdge(e graph.Edge, i int) {
	g.raw(`    <edge id="e` + strconv.Itoa(i) + `" source="`)
	g.text(e.From)
	g.raw(`" target="`)
	g.text(e.To)
	g.raw(`">` + "\n")
	for _, d := range [][2]string{
		{"e_label", string(e.Rel)}, {"e_rel", string(e.Rel)}, {"e_article", e.Article},
		{"e_start", strconv.Itoa(e.Start)}, {"e_end", strconv.Itoa(e.End)}, {"e_role", e.Role},
		{"e_evidence", e.Evidence}, {"e_rule", e.Rule}, {"e_confidence", floatCell(e.Confidence)},
	} {
		g.data(d[0], d[1])
	}
	g.raw("    </edge>\n")
}

// xmlWriter writes escaped XML and remembers the first error.
type xmlWriter struct {
	w   *bufio.Writer
	err error
}

func (g *xmlWriter) raw(s string) {
	if g.err == nil {
		_, g.err = g.w.WriteString(s)
	}
}

// text writes s escaped for XML character data or a quoted attribute;
// characters XML cannot hold become U+FFFD.
func (g *xmlWriter) text(s string) {
	if g.err == nil {
		g.err = xml.EscapeText(g.w, []byte(validUTF8(s)))
	}
}

// data writes <data key="key">value</data>, or nothing for an empty value.
func (g *xmlWriter) data(key, value string) {
	if value == "" {
		return
	}
	g.raw(`      <data key="` + key + `">`)
	g.text(value)
	g.raw("</data>\n")
}

func (g *xmlWriter) flush() error {
	if g.err != nil {
		return g.err
	}
	return g.w.Flush()
}
