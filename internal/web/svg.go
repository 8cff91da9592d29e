package web

import (
	"bytes"
	"context"
	"encoding/xml"
	"errors"
	"fmt"
	"html"
	"io"
	"strings"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/export"
	"github.com/claimgraph/claimgraph/graph/export/picture"
)

// graphRels are the relations drawn in a page's neighbourhood picture:
// all but mentions, which would add every article that names the node.
var graphRels = []graph.Rel{graph.Said, graph.MemberOf, graph.About, graph.Disputes, graph.Supports}

// errTooLarge is wrapped by the error for a selection too big to draw.
var errTooLarge = errors.New("too many nodes to draw")

// drawView renders v as sanitised SVG whose nodes link to their pages.
func (s *server) drawView(ctx context.Context, v *export.View, title string) ([]byte, error) {
	if n, _ := v.Len(); n > s.opt.MaxGraphNodes {
		return nil, fmt.Errorf("%w: %d nodes, more than the %d this server draws; narrow it with focus and depth",
			errTooLarge, n, s.opt.MaxGraphNodes)
	}
	var dot bytes.Buffer
	opt := export.DOTOptions{Title: title, NoLegend: true, URL: func(n graph.Node) string { return nodeURL(n.ID) }}
	if err := export.WriteDOT(&dot, v, opt); err != nil {
		return nil, err
	}
	img, _, err := picture.Render(ctx, dot.Bytes(), picture.SVG, picture.Options{Use: s.opt.Renderer, Builtin: s.opt.Builtin})
	if err != nil {
		return nil, err
	}
	return sanitizeSVG(img)
}

// neighbourhood selects the nodes one hop from id over graphRels.
func (s *server) neighbourhood(ctx context.Context, id string) (*export.View, error) {
	return export.Select(ctx, s.r, export.Filter{Focus: []string{id}, Depth: 1, Rels: graphRels})
}

// svgElements are the SVG elements kept by sanitizeSVG: what Graphviz
// draws with, and nothing that runs code, loads anything or holds markup
// of another language.
var svgElements = map[string]bool{
	"svg": true, "g": true, "title": true, "a": true, "path": true, "polygon": true,
	"polyline": true, "ellipse": true, "circle": true, "rect": true, "line": true,
	"text": true, "tspan": true, "defs": true, "lineargradient": true,
	"radialgradient": true, "stop": true,
}

// svgAttrs are the attributes kept by sanitizeSVG; href is kept only for
// a path on this server (see localHref).
var svgAttrs = map[string]bool{
	"id": true, "class": true, "width": true, "height": true, "viewbox": true,
	"transform": true, "fill": true, "fill-opacity": true, "stroke": true,
	"stroke-width": true, "stroke-dasharray": true, "stroke-opacity": true,
	"points": true, "d": true, "cx": true, "cy": true, "rx": true, "ry": true,
	"r": true, "x": true, "y": true, "x1": true, "y1": true, "x2": true, "y2": true,
	"dx": true, "dy": true, "text-anchor": true, "font-family": true,
	"font-size": true, "font-weight": true, "font-style": true,
	"text-decoration": true, "opacity": true, "offset": true, "stop-color": true,
	"stop-opacity": true, "gradientunits": true, "preserveaspectratio": true,
}

// sanitizeSVG re-serialises an SVG document keeping only allow-listed
// elements (with their content) and attributes: no scripts, no event
// handlers, no foreign content, no links off this server, no comments,
// doctype or entities. Text and attribute values are escaped anew. An
// <a> with a title (Graphviz's tooltip) gets it as a <title> child, which
// browsers show on hover. The result stands alone as an SVG file and can
// be embedded in an HTML page.
func sanitizeSVG(src []byte) ([]byte, error) {
	d := xml.NewDecoder(bytes.NewReader(src))
	d.Strict = false
	d.Entity = xml.HTMLEntity
	var out bytes.Buffer
	skip := 0 // depth inside a dropped element
	root := true
	for {
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("read SVG: %w", err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			name := strings.ToLower(t.Name.Local)
			if skip > 0 || !svgElements[name] || (root && name != "svg") {
				skip++
				continue
			}
			writeStart(&out, t, name, root)
			root = false
		case xml.EndElement:
			if skip > 0 {
				skip--
				continue
			}
			out.WriteString("</" + strings.ToLower(t.Name.Local) + ">")
		case xml.CharData:
			if skip == 0 && !root {
				out.WriteString(html.EscapeString(string(t)))
			}
		}
	}
	if root {
		return nil, errors.New("read SVG: no <svg> element")
	}
	return out.Bytes(), nil
}

// writeStart writes a start tag with the attributes sanitizeSVG keeps.
func writeStart(out *bytes.Buffer, t xml.StartElement, name string, root bool) {
	out.WriteString("<" + name)
	if root {
		out.WriteString(` xmlns="http://www.w3.org/2000/svg"`)
	}
	title := ""
	for _, a := range t.Attr {
		key := strings.ToLower(a.Name.Local)
		switch {
		case key == "href" && name == "a":
			if localHref(a.Value) {
				writeAttr(out, "href", a.Value)
			}
		case key == "title" && name == "a":
			title = a.Value
		case a.Name.Space == "" && svgAttrs[key]:
			writeAttr(out, a.Name.Local, a.Value)
		}
	}
	out.WriteString(">")
	if title != "" {
		out.WriteString("<title>" + html.EscapeString(title) + "</title>")
	}
}

func writeAttr(out *bytes.Buffer, name, value string) {
	out.WriteString(" " + name + `="` + html.EscapeString(value) + `"`)
}

// localHref reports whether u is a path on this server: it starts with
// one slash and holds no backslash, control character or space, so that
// no browser reads it as a link elsewhere or as script.
func localHref(u string) bool {
	if !strings.HasPrefix(u, "/") || strings.HasPrefix(u, "//") {
		return false
	}
	for _, r := range u {
		if r == '\\' || r <= ' ' || r == 0x7f {
			return false
		}
	}
	return true
}
