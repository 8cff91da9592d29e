package export

// Small, strict parsers for the test of each format: an N-Quads line
// parser following the W3C grammar, and a DOT tokenizer and parser
// following Graphviz's scanner and grammar.

import (
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"
)

// rdfTerm is a parsed N-Quads term.
type rdfTerm struct {
	iri      string // set for an IRI
	literal  string // the unescaped value of a literal
	datatype string
	lang     string
	isIRI    bool
}

// quad is one parsed statement.
type quad struct{ s, p, o rdfTerm }

var absoluteIRI = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9+.-]*:[^\x00-\x20<>"{}|^` + "`" + `\\]*$`)
var langTag = regexp.MustCompile(`^[a-zA-Z]+(-[a-zA-Z0-9]+)*`)

// parseNQuad parses one N-Quads line strictly: absolute IRIs only, no blank
// nodes, no graph term (the export promises both), literals per the
// STRING_LITERAL_QUOTE production.
func parseNQuad(line string) (quad, error) {
	if !utf8.ValidString(line) {
		return quad{}, errors.New("invalid UTF-8")
	}
	rest := line
	var terms []rdfTerm
	for i := 0; i < 3; i++ {
		rest = strings.TrimLeft(rest, " \t")
		var t rdfTerm
		var err error
		switch {
		case strings.HasPrefix(rest, "<"):
			t, rest, err = parseIRI(rest)
		case strings.HasPrefix(rest, `"`) && i == 2:
			t, rest, err = parseLiteral(rest)
		case strings.HasPrefix(rest, "_:"):
			err = errors.New("blank node")
		default:
			err = fmt.Errorf("term %d: unexpected %.20q", i+1, rest)
		}
		if err != nil {
			return quad{}, err
		}
		terms = append(terms, t)
	}
	rest = strings.TrimLeft(rest, " \t")
	if !strings.HasPrefix(rest, ".") {
		return quad{}, fmt.Errorf("want '.' after the object (a graph term?), got %.20q", rest)
	}
	if tail := strings.TrimSpace(rest[1:]); tail != "" && !strings.HasPrefix(tail, "#") {
		return quad{}, fmt.Errorf("junk after '.': %.20q", tail)
	}
	return quad{terms[0], terms[1], terms[2]}, nil
}

func parseIRI(s string) (rdfTerm, string, error) {
	end := strings.IndexByte(s, '>')
	if end < 0 {
		return rdfTerm{}, "", errors.New("unterminated IRI")
	}
	iri := s[1:end]
	if !absoluteIRI.MatchString(iri) {
		return rdfTerm{}, "", fmt.Errorf("not an absolute IRI: <%s>", iri)
	}
	return rdfTerm{iri: iri, isIRI: true}, s[end+1:], nil
}

func parseLiteral(s string) (rdfTerm, string, error) {
	var b strings.Builder
	i := 1
	for {
		if i >= len(s) {
			return rdfTerm{}, "", errors.New("unterminated literal")
		}
		c := s[i]
		switch c {
		case '"':
			t := rdfTerm{literal: b.String()}
			rest := s[i+1:]
			switch {
			case strings.HasPrefix(rest, "^^<"):
				dt, r, err := parseIRI(rest[2:])
				if err != nil {
					return rdfTerm{}, "", err
				}
				t.datatype, rest = dt.iri, r
			case strings.HasPrefix(rest, "@"):
				t.lang = langTag.FindString(rest[1:])
				if t.lang == "" {
					return rdfTerm{}, "", errors.New("bad language tag")
				}
				rest = rest[1+len(t.lang):]
			}
			return t, rest, nil
		case '\n', '\r':
			return rdfTerm{}, "", errors.New("raw line break in literal")
		case '\\':
			n, err := unescapeRDF(s[i:], &b)
			if err != nil {
				return rdfTerm{}, "", err
			}
			i += n
		default:
			b.WriteByte(c)
			i++
		}
	}
}

// unescapeRDF decodes the ECHAR or UCHAR at the start of s into b and
// returns its length.
func unescapeRDF(s string, b *strings.Builder) (int, error) {
	if len(s) < 2 {
		return 0, errors.New("dangling backslash")
	}
	echars := map[byte]byte{'t': '\t', 'b': '\b', 'n': '\n', 'r': '\r', 'f': '\f', '"': '"', '\'': '\'', '\\': '\\'}
	if c, ok := echars[s[1]]; ok {
		b.WriteByte(c)
		return 2, nil
	}
	width := map[byte]int{'u': 4, 'U': 8}[s[1]]
	if width == 0 || len(s) < 2+width {
		return 0, fmt.Errorf("bad escape %.6q", s)
	}
	r, err := strconv.ParseUint(s[2:2+width], 16, 32)
	if err != nil {
		return 0, fmt.Errorf("bad escape %.10q", s)
	}
	b.WriteRune(rune(r))
	return 2 + width, nil
}

// dotToken is one token of DOT source.
type dotToken struct {
	kind byte   // 'i' identifier, 'q' quoted string, 'h' HTML string, or the punctuation itself
	text string // for 'q', the string after Graphviz's scanner (only \" is an escape)
}

// tokenizeDOT splits DOT source into tokens as Graphviz's scanner does.
func tokenizeDOT(src string) ([]dotToken, error) {
	if !utf8.ValidString(src) {
		return nil, errors.New("invalid UTF-8")
	}
	var toks []dotToken
	for i := 0; i < len(src); {
		c := src[i]
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r':
			i++
		case strings.HasPrefix(src[i:], "//"):
			i += strings.IndexByte(src[i:]+"\n", '\n')
		case strings.HasPrefix(src[i:], "->"):
			toks = append(toks, dotToken{kind: '>'})
			i += 2
		case strings.IndexByte("{}[];,=", c) >= 0:
			toks = append(toks, dotToken{kind: c})
			i++
		case c == '"':
			text, n, err := scanQuoted(src[i:])
			if err != nil {
				return nil, err
			}
			toks = append(toks, dotToken{kind: 'q', text: text})
			i += n
		case c == '<':
			n, err := scanHTML(src[i:])
			if err != nil {
				return nil, err
			}
			toks = append(toks, dotToken{kind: 'h', text: src[i : i+n]})
			i += n
		case isIDByte(c):
			j := i
			for j < len(src) && isIDByte(src[j]) {
				j++
			}
			toks = append(toks, dotToken{kind: 'i', text: src[i:j]})
			i = j
		default:
			return nil, fmt.Errorf("unexpected %q at byte %d", c, i)
		}
	}
	return toks, nil
}

func isIDByte(c byte) bool {
	return c == '_' || c == '.' || c == '-' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= 0x80
}

// scanQuoted reads a quoted string as Graphviz's scanner does: \" is a
// quote, \\ is kept as two backslashes (so it cannot escape a following
// quote), every other byte is itself. A raw line break inside is refused
// (the writers never emit one).
func scanQuoted(s string) (string, int, error) {
	var b strings.Builder
	for i := 1; i < len(s); i++ {
		switch {
		case s[i] == '"':
			return b.String(), i + 1, nil
		case s[i] == '\n':
			return "", 0, errors.New("raw line break in a quoted string")
		case s[i] == '\\' && i+1 < len(s) && s[i+1] == '"':
			b.WriteByte('"')
			i++
		case s[i] == '\\' && i+1 < len(s) && s[i+1] == '\\':
			b.WriteString(`\\`)
			i++
		default:
			b.WriteByte(s[i])
		}
	}
	return "", 0, errors.New("unterminated quoted string")
}

func scanHTML(s string) (int, error) {
	depth := 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '<':
			depth++
		case '>':
			depth--
			if depth == 0 {
				return i + 1, nil
			}
		}
	}
	return 0, errors.New("unterminated HTML string")
}

// dotGraph is what parseDOT learns: node attributes by node ID and edges.
type dotGraph struct {
	nodes map[string]map[string]string
	edges []dotEdge
}

type dotEdge struct {
	from, to string
	attrs    map[string]string
}

// parseDOT parses the DOT subset the writer emits (statements, attribute
// lists, subgraphs) and fails on anything else.
func parseDOT(src string) (*dotGraph, error) {
	toks, err := tokenizeDOT(src)
	if err != nil {
		return nil, err
	}
	p := &dotParser{toks: toks, g: &dotGraph{nodes: map[string]map[string]string{}}}
	if !p.keyword("digraph") {
		return nil, errors.New("no digraph")
	}
	if p.peek('q') || p.peek('i') {
		p.pos++
	}
	if err := p.block(); err != nil {
		return nil, err
	}
	if p.pos != len(p.toks) {
		return nil, fmt.Errorf("tokens after the graph: %v", p.toks[p.pos])
	}
	return p.g, nil
}

type dotParser struct {
	toks []dotToken
	pos  int
	g    *dotGraph
}

func (p *dotParser) peek(kind byte) bool { return p.pos < len(p.toks) && p.toks[p.pos].kind == kind }

func (p *dotParser) keyword(w string) bool {
	if p.peek('i') && strings.EqualFold(p.toks[p.pos].text, w) {
		p.pos++
		return true
	}
	return false
}

func (p *dotParser) expect(kind byte) error {
	if !p.peek(kind) {
		if p.pos < len(p.toks) {
			return fmt.Errorf("want %q, got %+v at token %d", kind, p.toks[p.pos], p.pos)
		}
		return fmt.Errorf("want %q at the end", kind)
	}
	p.pos++
	return nil
}

func (p *dotParser) id() (string, error) {
	if p.peek('q') || p.peek('i') || p.peek('h') {
		p.pos++
		return p.toks[p.pos-1].text, nil
	}
	return "", fmt.Errorf("want an ID at token %d", p.pos)
}

func (p *dotParser) block() error {
	if err := p.expect('{'); err != nil {
		return err
	}
	for !p.peek('}') {
		if p.pos >= len(p.toks) {
			return errors.New("unclosed block")
		}
		if err := p.stmt(); err != nil {
			return err
		}
		if p.peek(';') {
			p.pos++
		}
	}
	p.pos++
	return nil
}

func (p *dotParser) stmt() error {
	switch {
	case p.keyword("subgraph"):
		if p.peek('q') || p.peek('i') {
			p.pos++
		}
		return p.block()
	case p.keyword("graph"), p.keyword("node"), p.keyword("edge"):
		_, err := p.attrs()
		return err
	}
	first, err := p.id()
	if err != nil {
		return err
	}
	if p.peek('=') {
		p.pos++
		_, err := p.id()
		return err
	}
	if !p.peek('>') {
		attrs, err := p.attrs()
		p.g.nodes[first] = attrs
		return err
	}
	p.pos++
	to, err := p.id()
	if err != nil {
		return err
	}
	attrs, err := p.attrs()
	p.g.edges = append(p.g.edges, dotEdge{first, to, attrs})
	return err
}

func (p *dotParser) attrs() (map[string]string, error) {
	out := map[string]string{}
	if !p.peek('[') {
		return out, nil
	}
	p.pos++
	for !p.peek(']') {
		k, err := p.id()
		if err != nil {
			return nil, err
		}
		if err := p.expect('='); err != nil {
			return nil, err
		}
		v, err := p.id()
		if err != nil {
			return nil, err
		}
		out[k] = v
		if p.peek(',') || p.peek(';') {
			p.pos++
		}
	}
	p.pos++
	return out, nil
}

// unescapeDOTLabel decodes a label or tooltip after scanning as Graphviz
// shows it: HTML entities, then \\ and \n escapes.
func unescapeDOTLabel(s string) string {
	s = strings.ReplaceAll(s, "&amp;", "&")
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' && i+1 < len(s) {
			switch s[i+1] {
			case '\\':
				b.WriteByte('\\')
			case 'n':
				b.WriteByte('\n')
			default:
				b.WriteByte(s[i+1])
			}
			i++
			continue
		}
		b.WriteByte(s[i])
	}
	return b.String()
}
