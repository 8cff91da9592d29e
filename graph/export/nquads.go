package export

import (
	"bufio"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"net/url"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/claimgraph/claimgraph/graph"
)

// DefaultBaseIRI is the IRI prefix of every resource and predicate in the
// RDF export unless the caller picks another: nodes are BASE+"id/"+ID, edge
// resources BASE+"edge/"+hash, predicates BASE+"p/"+name.
const DefaultBaseIRI = "https://claimgraph.example/"

const (
	xsdInt     = "http://www.w3.org/2001/XMLSchema#int"
	xsdBoolean = "http://www.w3.org/2001/XMLSchema#boolean"
	xsdDouble  = "http://www.w3.org/2001/XMLSchema#double"
)

// rdfVocab holds the IRIs derived from a base.
type rdfVocab struct{ base string }

func newRDFVocab(base string) (rdfVocab, error) {
	if base == "" {
		base = DefaultBaseIRI
	}
	u, err := url.Parse(base)
	if err != nil || u.Scheme == "" || u.Host == "" || u.RawQuery != "" || u.Fragment != "" ||
		strings.ContainsAny(base, " <>\"{}|^`\\") {
		return rdfVocab{}, fmt.Errorf("base IRI %q: want an absolute http(s) IRI such as %s", base, DefaultBaseIRI)
	}
	if !strings.HasSuffix(base, "/") {
		base += "/"
	}
	return rdfVocab{base: base}, nil
}

func (v rdfVocab) node(id string) string { return "<" + v.base + "id/" + escapeIRIPath(id) + ">" }
func (v rdfVocab) pred(name string) string {
	return "<" + v.base + "p/" + name + ">"
}

// edge returns the IRI of the resource describing one edge, derived from
// its key so that the same edge always gets the same IRI.
func (v rdfVocab) edge(k graph.EdgeKey) string {
	sum := sha256.Sum256([]byte(k.From + "\x00" + string(k.Rel) + "\x00" + k.To + "\x00" + k.Article))
	return "<" + v.base + "edge/" + hex.EncodeToString(sum[:8]) + ">"
}

// WriteNQuads writes src as RDF N-Quads (every statement a triple: no graph
// term, no blank nodes, no Dgraph facets), which W3C parsers and Dgraph's
// live and bulk loaders both accept. base is the IRI prefix (empty for
// DefaultBaseIRI).
//
// A node becomes <BASE/id/ID> with literal predicates id, kind, name, alias
// (one per alias), text, direct, date, title, source, url, author. An edge
// becomes a direct triple <from> <BASE/p/REL> <to> (once per from, rel, to),
// so that plain traversals work, and a resource <BASE/edge/HASH> carrying
// its provenance: kind "edge", from, rel, to, article, start, end, role,
// evidence, rule, confidence. It streams.
func WriteNQuads(ctx context.Context, w io.Writer, src Source, base string) error {
	v, err := newRDFVocab(base)
	if err != nil {
		return fmt.Errorf("export rdf: %w", err)
	}
	q := &quadWriter{w: bufio.NewWriterSize(w, 64<<10), v: v}
	err = eachNode(ctx, src, func(n graph.Node) error { q.node(n); return q.err })
	if err == nil {
		var last graph.EdgeKey
		first := true
		err = eachEdge(ctx, src, func(e graph.Edge) error {
			k := e.Key()
			if first || k.From != last.From || k.Rel != last.Rel || k.To != last.To {
				q.triple(v.node(e.From), v.pred(string(e.Rel)), v.node(e.To))
			}
			first, last = false, k
			q.edge(e)
			return q.err
		})
	}
	if err == nil {
		err = q.flush()
	}
	if err != nil {
		return fmt.Errorf("export rdf: %w", err)
	}
	return nil
}

type quadWriter struct {
	w   *bufio.Writer
	v   rdfVocab
	err error
}

func (q *quadWriter) triple(s, p, o string) {
	if q.err == nil {
		_, q.err = q.w.WriteString(s + " " + p + " " + o + " .\n")
	}
}

// str writes a plain string literal, or nothing for an empty value.
func (q *quadWriter) str(s, pred, val string) {
	if val != "" {
		q.triple(s, q.v.pred(pred), quoteLiteral(val))
	}
}

func (q *quadWriter) typed(s, pred, val, datatype string) {
	q.triple(s, q.v.pred(pred), quoteLiteral(val)+"^^<"+datatype+">")
}

func (q *quadWriter) node(n graph.Node) {
	s := q.v.node(n.ID)
	q.str(s, "id", n.ID)
	q.str(s, "kind", string(n.Kind))
	q.str(s, "name", displayName(n))
	for _, a := range n.Aliases {
		q.str(s, "alias", a)
	}
	q.str(s, "text", n.Text)
	if n.Direct {
		q.typed(s, "direct", "true", xsdBoolean)
	}
	for _, f := range [][2]string{{"date", n.Date}, {"title", n.Title}, {"source", n.Source}, {"url", n.URL}, {"author", n.Author}} {
		q.str(s, f[0], f[1])
	}
}

func (q *quadWriter) edge(e graph.Edge) {
	s := q.v.edge(e.Key())
	q.str(s, "kind", "edge")
	q.triple(s, q.v.pred("from"), q.v.node(e.From))
	q.str(s, "rel", string(e.Rel))
	q.triple(s, q.v.pred("to"), q.v.node(e.To))
	if e.Article != "" {
		q.triple(s, q.v.pred("article"), q.v.node(e.Article))
	}
	q.typed(s, "start", strconv.Itoa(e.Start), xsdInt)
	q.typed(s, "end", strconv.Itoa(e.End), xsdInt)
	q.str(s, "role", e.Role)
	q.str(s, "evidence", e.Evidence)
	q.str(s, "rule", e.Rule)
	if e.Confidence != 0 {
		q.typed(s, "confidence", strconv.FormatFloat(e.Confidence, 'g', -1, 64), xsdDouble)
	}
}

func (q *quadWriter) flush() error {
	if q.err != nil {
		return q.err
	}
	return q.w.Flush()
}

// quoteLiteral returns s as an N-Triples string literal. Quotes,
// backslashes, line breaks and other control characters are escaped with
// the escapes N-Triples and Go's strconv.Unquote (which Dgraph uses) both
// read; other characters stay as UTF-8; invalid UTF-8 becomes U+FFFD.
func quoteLiteral(s string) string {
	var b strings.Builder
	b.Grow(len(s) + 2)
	b.WriteByte('"')
	for _, r := range strings.ToValidUTF8(s, "\uFFFD") {
		switch {
		case r == '"':
			b.WriteString(`\"`)
		case r == '\\':
			b.WriteString(`\\`)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\r':
			b.WriteString(`\r`)
		case r == '\t':
			b.WriteString(`\t`)
		case r < 0x20 || r == 0x7f || r == '\u2028' || r == '\u2029' || r == '\uFEFF':
			fmt.Fprintf(&b, `\u%04X`, r)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// escapeIRIPath percent-encodes every byte of id that is not an unreserved
// character or '/', so that any node ID makes a valid IRI.
func escapeIRIPath(id string) string {
	var b strings.Builder
	for i := 0; i < len(id); i++ {
		c := id[i]
		if c < utf8.RuneSelf && (isAlnum(c) || strings.IndexByte("-._~/", c) >= 0) {
			b.WriteByte(c)
			continue
		}
		fmt.Fprintf(&b, "%%%02X", c)
	}
	return b.String()
}

func isAlnum(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}
