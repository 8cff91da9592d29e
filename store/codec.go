package store

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"

	"github.com/klauspost/compress/s2"

	"github.com/claimgraph/claimgraph/graph"
)

var (
	errShortKey   = errors.New("truncated key")
	errShortValue = errors.New("truncated value")
)

// Node record fields present, as a uvarint bit mask at the front of the
// record. The flags claims use are in the low 7 bits so that a claim's
// mask is one byte.
const (
	nName       = 1 << iota // Name follows
	nAliases                // alias count and aliases follow
	nText                   // Text follows (last)
	nNameIsText             // Name equals Text and is not stored twice
	nDirect                 // Direct is true
	nTextS2                 // Text is S2-compressed
	nDate
	nTitle
	nSource
	nURL
	nAuthor
	nVerdict
)

// compressMin is the shortest article text worth compressing; maxTextLen
// bounds what a (possibly damaged) compressed text may claim to expand to.
const (
	compressMin = 512
	maxTextLen  = 1 << 30
)

// encodeNode appends the record of n: a field mask, then Name, Aliases,
// Date, Title, Source, URL, Author and Verdict as length-prefixed strings, then Text
// (S2-compressed for long article texts). ID and Kind are in the key.
func encodeNode(dst []byte, n *graph.Node) []byte {
	var mask uint64
	strs := [...]struct {
		bit uint64
		s   string
	}{{nDate, n.Date}, {nTitle, n.Title}, {nSource, n.Source}, {nURL, n.URL}, {nAuthor, n.Author}, {nVerdict, n.Verdict}}
	for _, f := range strs {
		if f.s != "" {
			mask |= f.bit
		}
	}
	switch {
	case n.Name != "" && n.Name == n.Text:
		mask |= nNameIsText
	case n.Name != "":
		mask |= nName
	}
	if len(n.Aliases) > 0 {
		mask |= nAliases
	}
	if n.Direct {
		mask |= nDirect
	}
	var text []byte
	if n.Text != "" {
		mask |= nText
		if n.Kind == graph.Article && len(n.Text) >= compressMin {
			c := s2.Encode(nil, []byte(n.Text))
			if len(c) < len(n.Text)-len(n.Text)/8 {
				mask |= nTextS2
				text = c
			}
		}
		if text == nil {
			text = []byte(n.Text)
		}
	}
	dst = binary.AppendUvarint(dst, mask)
	if mask&nName != 0 {
		dst = appendStr(dst, n.Name)
	}
	if mask&nAliases != 0 {
		dst = binary.AppendUvarint(dst, uint64(len(n.Aliases)))
		for _, a := range n.Aliases {
			dst = appendStr(dst, a)
		}
	}
	for _, f := range strs {
		if mask&f.bit != 0 {
			dst = appendStr(dst, f.s)
		}
	}
	if mask&nText != 0 {
		dst = append(binary.AppendUvarint(dst, uint64(len(text))), text...)
	}
	return dst
}

// decodeNode decodes the record v of the node id.
func decodeNode(id string, v []byte) (graph.Node, error) {
	n := graph.Node{ID: id, Kind: graph.KindOfID(id)}
	r := reader{b: v}
	mask := r.uvarint()
	if mask&nName != 0 {
		n.Name = r.str()
	}
	if mask&nAliases != 0 {
		c := r.count()
		n.Aliases = make([]string, 0, c)
		for range c {
			n.Aliases = append(n.Aliases, r.str())
		}
	}
	for _, f := range [...]struct {
		bit uint64
		dst *string
	}{{nDate, &n.Date}, {nTitle, &n.Title}, {nSource, &n.Source}, {nURL, &n.URL}, {nAuthor, &n.Author}, {nVerdict, &n.Verdict}} {
		if mask&f.bit != 0 {
			*f.dst = r.str()
		}
	}
	if mask&nText != 0 {
		t := r.bytes()
		if mask&nTextS2 != 0 && r.err == nil {
			if n, err := s2.DecodedLen(t); err != nil || n > maxTextLen {
				return graph.Node{}, fmt.Errorf("node %q: bad compressed text", id)
			}
			d, err := s2.Decode(nil, t)
			if err != nil {
				return n, fmt.Errorf("node %q: text: %w", id, err)
			}
			t = d
		}
		n.Text = string(t)
	}
	if mask&nNameIsText != 0 {
		n.Name = n.Text
	}
	n.Direct = mask&nDirect != 0
	if err := r.done(); err != nil {
		return n, fmt.Errorf("node %q: %w", id, err)
	}
	return n, nil
}

// decodeText decodes only the Text of a node record.
func decodeText(v []byte) (string, error) {
	r := reader{b: v}
	mask := r.uvarint()
	if mask&nName != 0 {
		r.bytes()
	}
	if mask&nAliases != 0 {
		for range r.count() {
			r.bytes()
		}
	}
	for _, bit := range [...]uint64{nDate, nTitle, nSource, nURL, nAuthor, nVerdict} {
		if mask&bit != 0 {
			r.bytes()
		}
	}
	if mask&nText == 0 {
		return "", r.err
	}
	t := r.bytes()
	if r.err != nil || mask&nTextS2 == 0 {
		return string(t), r.err
	}
	if n, err := s2.DecodedLen(t); err != nil || n > maxTextLen {
		return "", errors.New("bad compressed text")
	}
	d, err := s2.Decode(nil, t)
	return string(d), err
}

// Edge value fields present, as the first byte of an o key's value.
const (
	eRole     = 1 << iota // Role follows
	eEvInline             // Evidence follows as a string
	eEvRef                // Evidence is a span of the article's text
	eProfile              // a provenance profile (rule, confidence) ID follows
)

// evidenceRef is where an edge's evidence sits in its article's text.
type evidenceRef struct {
	off, n int
	ok     bool
}

// encodeEdge appends the value of e's o key: a field mask, Start, End as a
// signed delta from Start, then Role, the evidence (inline or as a signed
// offset from Start and a length in the article text) and the profile ID.
func encodeEdge(dst []byte, e *graph.Edge, ref evidenceRef, profile uint32) []byte {
	var mask byte
	if e.Role != "" {
		mask |= eRole
	}
	switch {
	case ref.ok:
		mask |= eEvRef
	case e.Evidence != "":
		mask |= eEvInline
	}
	if profile != 0 {
		mask |= eProfile
	}
	dst = append(dst, mask)
	dst = binary.AppendUvarint(dst, uint64(e.Start))
	dst = binary.AppendVarint(dst, int64(e.End-e.Start))
	if mask&eRole != 0 {
		dst = appendStr(dst, e.Role)
	}
	switch {
	case mask&eEvRef != 0:
		dst = binary.AppendVarint(dst, int64(e.Start-ref.off))
		dst = binary.AppendUvarint(dst, uint64(ref.n))
	case mask&eEvInline != 0:
		dst = appendStr(dst, e.Evidence)
	}
	if mask&eProfile != 0 {
		dst = binary.AppendUvarint(dst, uint64(profile))
	}
	return dst
}

// edgeValue is a decoded o key value whose evidence and profile may still
// need resolving against the article text and the profile dictionary.
type edgeValue struct {
	start, end int
	role       string
	evidence   string
	ref        evidenceRef
	profile    uint32
}

// decodeEdgeValue decodes the value of an o key.
func decodeEdgeValue(v []byte) (edgeValue, error) {
	r := reader{b: v}
	mask := r.byte()
	var ev edgeValue
	ev.start = int(r.uvarint())
	ev.end = ev.start + int(r.varint())
	if mask&eRole != 0 {
		ev.role = r.str()
	}
	switch {
	case mask&eEvRef != 0:
		ev.ref.off = ev.start - int(r.varint())
		ev.ref.n = int(r.uvarint())
		ev.ref.ok = true
	case mask&eEvInline != 0:
		ev.evidence = r.str()
	}
	if mask&eProfile != 0 {
		ev.profile = uint32(r.uvarint())
	}
	return ev, r.done()
}

// profile is what many edges share: the rule that produced them and its
// confidence.
type profile struct {
	rule string
	conf float64
}

func encodeProfile(p profile) []byte {
	b := appendStr(nil, p.rule)
	return binary.BigEndian.AppendUint64(b, math.Float64bits(p.conf))
}

func decodeProfile(v []byte) (profile, error) {
	r := reader{b: v}
	p := profile{rule: r.str()}
	p.conf = math.Float64frombits(r.uint64())
	return p, r.done()
}

// articleIndex is what one write transaction recorded for an article: the
// nodes its subgraph touched and the edges it added with the article as
// provenance. Edges refer to nodes by their position in Nodes.
type articleIndex struct {
	Nodes []indexedNode
	Edges []indexedEdge
}

// indexedNode is a node in an article index entry.
type indexedNode struct {
	ID      string
	Created bool     // the article's subgraph created the node
	Touched bool     // the node was in the subgraph (not only an edge's end)
	Added   []string // names and aliases the subgraph added to the node
}

// indexedEdge is an edge in an article index entry.
type indexedEdge struct {
	From, To int
	Rel      graph.Rel
}

const (
	aiCreated = 1 << iota
	aiTouched
)

// encodeArticleIndex appends the value of an a key.
func encodeArticleIndex(dst []byte, ai *articleIndex) []byte {
	dst = binary.AppendUvarint(dst, uint64(len(ai.Nodes)))
	for _, n := range ai.Nodes {
		dst, _ = appendID(dst, n.ID)
		var f byte
		if n.Created {
			f |= aiCreated
		}
		if n.Touched {
			f |= aiTouched
		}
		dst = append(dst, f)
		dst = binary.AppendUvarint(dst, uint64(len(n.Added)))
		for _, a := range n.Added {
			dst = appendStr(dst, a)
		}
	}
	dst = binary.AppendUvarint(dst, uint64(len(ai.Edges)))
	for _, e := range ai.Edges {
		dst = binary.AppendUvarint(dst, uint64(e.From))
		dst = append(dst, relCode(e.Rel))
		dst = binary.AppendUvarint(dst, uint64(e.To))
	}
	return dst
}

// decodeArticleIndex decodes the value of an a key.
func decodeArticleIndex(v []byte) (articleIndex, error) {
	r := reader{b: v}
	var ai articleIndex
	nn := r.count()
	for range nn {
		id := r.id()
		f := r.byte()
		n := indexedNode{ID: id, Created: f&aiCreated != 0, Touched: f&aiTouched != 0}
		for range r.count() {
			n.Added = append(n.Added, r.str())
		}
		ai.Nodes = append(ai.Nodes, n)
	}
	ne := r.count()
	for range ne {
		e := indexedEdge{From: int(r.uvarint())}
		e.Rel = codeRel(r.byte())
		e.To = int(r.uvarint())
		if r.err == nil && (e.Rel == "" || e.From >= len(ai.Nodes) || e.To >= len(ai.Nodes)) {
			r.err = errors.New("bad edge in article index")
		}
		ai.Edges = append(ai.Edges, e)
	}
	return ai, r.done()
}

// decodePostings splits a token posting list into claim IDs.
func decodePostings(v []byte) ([]string, error) {
	var ids []string
	for len(v) > 0 {
		id, n, err := decodeID(v)
		if err != nil {
			return ids, fmt.Errorf("posting list: %w", err)
		}
		ids = append(ids, id)
		v = v[n:]
	}
	return ids, nil
}

func appendStr(dst []byte, s string) []byte {
	return append(binary.AppendUvarint(dst, uint64(len(s))), s...)
}

// reader decodes a record field by field and remembers the first error, so
// that decoders read straight through and check once.
type reader struct {
	b   []byte
	err error
}

func (r *reader) fail(err error) {
	if r.err == nil {
		r.err = err
	}
	r.b = nil
}

func (r *reader) uvarint() uint64 {
	v, n := binary.Uvarint(r.b)
	if n <= 0 {
		r.fail(errShortValue)
		return 0
	}
	r.b = r.b[n:]
	return v
}

func (r *reader) varint() int64 {
	v, n := binary.Varint(r.b)
	if n <= 0 {
		r.fail(errShortValue)
		return 0
	}
	r.b = r.b[n:]
	return v
}

// count reads a uvarint that counts items of at least one byte each, so a
// corrupt count cannot make a decoder allocate more than the record holds.
func (r *reader) count() int {
	c := r.uvarint()
	if c > uint64(len(r.b)) {
		r.fail(errShortValue)
		return 0
	}
	return int(c)
}

func (r *reader) byte() byte {
	if len(r.b) == 0 {
		r.fail(errShortValue)
		return 0
	}
	c := r.b[0]
	r.b = r.b[1:]
	return c
}

func (r *reader) uint64() uint64 {
	if len(r.b) < 8 {
		r.fail(errShortValue)
		return 0
	}
	v := binary.BigEndian.Uint64(r.b)
	r.b = r.b[8:]
	return v
}

func (r *reader) bytes() []byte {
	n := r.uvarint()
	if n > uint64(len(r.b)) {
		r.fail(errShortValue)
		return nil
	}
	s := r.b[:n]
	r.b = r.b[n:]
	return s
}

func (r *reader) str() string { return string(r.bytes()) }

func (r *reader) id() string {
	if r.err != nil {
		return ""
	}
	id, n, err := decodeID(r.b)
	if err != nil {
		r.fail(err)
		return ""
	}
	r.b = r.b[n:]
	return id
}

// done returns the first error, or an error if bytes are left over.
func (r *reader) done() error {
	if r.err == nil && len(r.b) > 0 {
		return fmt.Errorf("%d unexpected bytes at the end of a record", len(r.b))
	}
	return r.err
}
