package store

import (
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"slices"
	"strings"

	"github.com/claimgraph/claimgraph/graph"
)

// The key schema, also in docs/STORAGE.md with the bytes a typical article
// writes. Every key starts with one prefix byte naming its family. Node IDs
// inside keys are written in the compact, self-delimiting form of
// appendID (a kind code byte, then 8 raw bytes for canonical claim and
// article hashes or the slug and a 0x00 terminator), relations as one code
// byte. Both codings keep the order of the strings they stand for, so a
// scan in key order is a scan in ID order.
//
//	v                                 -> schema version (uvarint)
//	    checked at Open so that an old binary never misreads a newer layout.
//	n id                              -> node record (see encodeNode)
//	    the record of every node. Node IDs begin with their kind, so the
//	    node keys of one kind are one contiguous range: this is the kind
//	    index, at no extra key per node.
//	o from rel to article             -> edge provenance (see encodeEdge)
//	    out-adjacency and the one copy of an edge's provenance. Neighbors
//	    out of a node is the prefix scan "o from", and "o from rel" narrows it
//	    to one relation: O(degree), never a full scan, even on hub nodes.
//	i to rel from article             -> empty
//	    in-adjacency, the mirror of the o key with the ends swapped, so that
//	    edges into a hub are a prefix scan too. Provenance is fetched from the
//	    o key, so it is stored once.
//	i entity mentions article article -> edge provenance
//	    an article's own mention of an entity (from the article, with the
//	    article as provenance; a third of an article's edges) has no o key:
//	    its i key holds the provenance and the article index lists it, so
//	    the article's out-edges are still found without a scan.
//	l name 0x00 id                    -> empty
//	    the name index: graph.NormalizeName of an entity's name and of each
//	    alias. Lookup is the prefix scan "l name 0x00". Claims and articles
//	    are not indexed by name (claims have the token index).
//	t token 0x00 seq(8)               -> claim IDs (appendID form, sorted)
//	    the token index for SearchClaims: the words of each new claim's
//	    text (graph.NormalizeText, stopwords dropped), one posting list per
//	    token per write transaction (seq), so a batch of articles writes one
//	    key per distinct word rather than one per word and claim.
//	a article seq(8)                  -> what the article contributed
//	    the article index (see encodeArticleIndex): the nodes the article's
//	    subgraph touched (created or not, names it added) and the edges whose
//	    provenance is the article, so that forgetting an article needs no
//	    scan.
//	p id(4)                           -> a provenance profile (rule, confidence)
//	    edges name their rule and confidence through this small dictionary
//	    instead of repeating them.
//	c k kind | c r rel | c s          -> counters (uvarint)
//	    node counts per kind, edge counts per relation, and the last
//	    write-transaction sequence; updated in every write transaction so
//	    Stats reads a dozen keys instead of scanning.
//	m a from                          -> the ID from was merged into (key form)
//	m u from                          -> what the merge changed (see merge.go)
//	    merge decisions (DB.Merge): from is now an alias of the entity it was
//	    merged into. Writes map incoming node IDs through the m a keys, so
//	    that later ingests of from land on its target; DB.Split undoes a
//	    merge from its m u record.
const (
	pfxVersion  = 'v'
	pfxNode     = 'n'
	pfxOut      = 'o'
	pfxIn       = 'i'
	pfxName     = 'l'
	pfxToken    = 't'
	pfxArticle  = 'a'
	pfxProfile  = 'p'
	pfxCounter  = 'c'
	pfxMerge    = 'm'
	mrgAlias    = 'a'
	mrgUndo     = 'u'
	ctrKind     = 'k'
	ctrRel      = 'r'
	ctrSeq      = 's'
	schemaVer   = 2
	noArticle   = 0x00 // the article field of an edge without provenance
	idTerm      = 0x00 // ends a generic (slug) ID
	packedBytes = 8    // raw bytes of a canonical claim or article hash
)

// Kind codes, in the alphabetical order of the kind names so that key order
// is ID order. Claims and articles have a packed code (the 16 hex digits of
// ClaimID/ArticleID as 8 bytes) and a generic one for any other suffix;
// generic IDs of those two kinds therefore sort after the canonical ones.
// New kinds must get new codes; changing a code needs a schema version bump.
const (
	codeArticlePacked byte = 0x02 + iota
	codeArticle
	codeClaimPacked
	codeClaim
	codeEvent
	codeFactcheck
	codeOrganization
	codeParty
	codePerson
	codePlace
)

// kindCodes maps a kind to its generic code and, for claims and articles,
// its packed code (0 for other kinds).
func kindCodes(k graph.Kind) (generic, packed byte) {
	switch k {
	case graph.Article:
		return codeArticle, codeArticlePacked
	case graph.Claim:
		return codeClaim, codeClaimPacked
	case graph.Event:
		return codeEvent, 0
	case graph.Factcheck:
		return codeFactcheck, 0
	case graph.Organization:
		return codeOrganization, 0
	case graph.Party:
		return codeParty, 0
	case graph.Person:
		return codePerson, 0
	case graph.Place:
		return codePlace, 0
	}
	return 0, 0
}

// codeKind is the inverse of kindCodes.
func codeKind(c byte) (k graph.Kind, packed bool) {
	switch c {
	case codeArticlePacked:
		return graph.Article, true
	case codeArticle:
		return graph.Article, false
	case codeClaimPacked:
		return graph.Claim, true
	case codeClaim:
		return graph.Claim, false
	case codeEvent:
		return graph.Event, false
	case codeFactcheck:
		return graph.Factcheck, false
	case codeOrganization:
		return graph.Organization, false
	case codeParty:
		return graph.Party, false
	case codePerson:
		return graph.Person, false
	case codePlace:
		return graph.Place, false
	}
	return "", false
}

// kindRange returns the smallest and largest code of kind k: its node
// records are the keys from "n lo" to "n hi".
func kindRange(k graph.Kind) (lo, hi byte) {
	g, p := kindCodes(k)
	if p != 0 {
		return p, g
	}
	return g, g
}

// Relation codes, in the alphabetical order of the relation names so that
// scans yield relations in the order of graph.Rel strings.
var relByCode = [...]graph.Rel{0: "", 1: graph.About, 2: graph.Disputes, 3: graph.MemberOf,
	4: graph.Mentions, 5: graph.Reviews, 6: graph.Said, 7: graph.Supports}

// relCode returns the code of r, or 0 if r is unknown.
func relCode(r graph.Rel) byte {
	for c := 1; c < len(relByCode); c++ {
		if relByCode[c] == r {
			return byte(c)
		}
	}
	return 0
}

// codeRel returns the relation of a code, or "" if the code is unknown.
func codeRel(c byte) graph.Rel {
	if int(c) < len(relByCode) {
		return relByCode[c]
	}
	return ""
}

// checkID reports why id cannot be stored, or nil: it must be "kind/rest"
// with a known kind, a non-empty rest and no NUL byte.
func checkID(id string) error {
	i := strings.IndexByte(id, '/')
	if i < 0 || graph.KindOfID(id) == "" {
		return fmt.Errorf("ID %q does not start with a known kind (kind/name)", id)
	}
	if i == len(id)-1 {
		return fmt.Errorf("ID %q has nothing after its kind", id)
	}
	if strings.IndexByte(id, 0) >= 0 {
		return fmt.Errorf("ID %q contains a NUL byte", id)
	}
	return nil
}

// appendID appends the key form of id to dst. ok is false when id cannot be
// stored (see checkID); callers looking an ID up treat that as not found.
func appendID(dst []byte, id string) (out []byte, ok bool) {
	i := strings.IndexByte(id, '/')
	if i <= 0 || i == len(id)-1 {
		return dst, false
	}
	generic, packed := kindCodes(graph.Kind(id[:i]))
	if generic == 0 {
		return dst, false
	}
	rest := id[i+1:]
	if packed != 0 && isHashHex(rest) {
		out, err := hex.AppendDecode(append(dst, packed), []byte(rest))
		return out, err == nil
	}
	if strings.IndexByte(rest, 0) >= 0 {
		return dst, false
	}
	dst = append(dst, generic)
	dst = append(dst, rest...)
	return append(dst, idTerm), true
}

// isHashHex reports whether s is 16 lower-case hex digits, the suffix of
// graph.ClaimID and graph.ArticleID.
func isHashHex(s string) bool {
	if len(s) != 2*packedBytes {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if (c < '0' || c > '9') && (c < 'a' || c > 'f') {
			return false
		}
	}
	return true
}

// decodeID reads one ID in key form from the front of b and returns it with
// the number of bytes used.
func decodeID(b []byte) (string, int, error) {
	if len(b) == 0 {
		return "", 0, errShortKey
	}
	k, packed := codeKind(b[0])
	if k == "" {
		return "", 0, fmt.Errorf("unknown kind code 0x%02x", b[0])
	}
	if packed {
		if len(b) < 1+packedBytes {
			return "", 0, errShortKey
		}
		buf := make([]byte, 0, len(k)+1+2*packedBytes)
		buf = append(append(buf, k...), '/')
		buf = hex.AppendEncode(buf, b[1:1+packedBytes])
		return string(buf), 1 + packedBytes, nil
	}
	end := indexByte(b[1:], idTerm)
	if end <= 0 {
		return "", 0, errShortKey
	}
	return string(k) + "/" + string(b[1:1+end]), end + 2, nil
}

// idLen returns the length of the key-form ID at the front of b without
// decoding it, or -1 if b does not start with one.
func idLen(b []byte) int {
	if len(b) == 0 {
		return -1
	}
	k, packed := codeKind(b[0])
	switch {
	case k == "":
		return -1
	case packed:
		if len(b) < 1+packedBytes {
			return -1
		}
		return 1 + packedBytes
	}
	end := indexByte(b[1:], idTerm)
	if end <= 0 {
		return -1
	}
	return end + 2
}

func indexByte(b []byte, c byte) int {
	for i, x := range b {
		if x == c {
			return i
		}
	}
	return -1
}

// nodeKey returns the key of id's node record.
func nodeKey(id string) ([]byte, bool) {
	return appendID(append(make([]byte, 0, len(id)+2), pfxNode), id)
}

// edgeKey builds an o key (out) or i key (in): pfx, near end, rel, far end,
// article. ok is false when an ID cannot be stored.
func edgeKey(dst []byte, pfx byte, near string, rel graph.Rel, far, article string) ([]byte, bool) {
	// an ID packs into at most its length plus one byte: one allocation
	dst = slices.Grow(dst, len(near)+len(far)+len(article)+5)
	dst = append(dst, pfx)
	var ok bool
	if dst, ok = appendID(dst, near); !ok {
		return dst, false
	}
	c := relCode(rel)
	if c == 0 {
		return dst, false
	}
	dst = append(dst, c)
	if dst, ok = appendID(dst, far); !ok {
		return dst, false
	}
	if article == "" {
		return append(dst, noArticle), true
	}
	return appendID(dst, article)
}

// outKey returns the o key of e.
func outKey(dst []byte, e graph.Edge) ([]byte, bool) {
	return edgeKey(dst, pfxOut, e.From, e.Rel, e.To, e.Article)
}

// inKey returns the i key of e.
func inKey(dst []byte, e graph.Edge) ([]byte, bool) {
	return edgeKey(dst, pfxIn, e.To, e.Rel, e.From, e.Article)
}

// edgeFromKey decodes an o or i key into the identity of its edge.
func edgeFromKey(k []byte) (graph.Edge, error) {
	if len(k) < 2 || (k[0] != pfxOut && k[0] != pfxIn) {
		return graph.Edge{}, fmt.Errorf("not an edge key: %q", k)
	}
	near, n, err := decodeID(k[1:])
	if err != nil {
		return graph.Edge{}, fmt.Errorf("edge key %q: %w", k, err)
	}
	rest := k[1+n:]
	if len(rest) < 2 {
		return graph.Edge{}, fmt.Errorf("edge key %q: %w", k, errShortKey)
	}
	rel := codeRel(rest[0])
	if rel == "" {
		return graph.Edge{}, fmt.Errorf("edge key %q: unknown relation code 0x%02x", k, rest[0])
	}
	far, n, err := decodeID(rest[1:])
	if err != nil {
		return graph.Edge{}, fmt.Errorf("edge key %q: %w", k, err)
	}
	rest = rest[1+n:]
	var art string
	switch {
	case len(rest) == 1 && rest[0] == noArticle:
	default:
		a, n, err := decodeID(rest)
		if err != nil || n != len(rest) {
			return graph.Edge{}, fmt.Errorf("edge key %q: bad article", k)
		}
		art = a
	}
	e := graph.Edge{From: near, Rel: rel, To: far, Article: art}
	if k[0] == pfxIn {
		e.From, e.To = far, near
	}
	return e, nil
}

// swapEdgeKey turns an o key into its i key or back, without decoding IDs.
func swapEdgeKey(k []byte) ([]byte, bool) {
	if len(k) < 2 {
		return nil, false
	}
	n1 := idLen(k[1:])
	if n1 < 0 || len(k) < 2+n1 {
		return nil, false
	}
	rel := k[1+n1]
	rest := k[2+n1:]
	n2 := idLen(rest)
	if n2 < 0 {
		return nil, false
	}
	out := make([]byte, 0, len(k))
	switch k[0] {
	case pfxOut:
		out = append(out, pfxIn)
	case pfxIn:
		out = append(out, pfxOut)
	default:
		return nil, false
	}
	out = append(out, rest[:n2]...)
	out = append(out, rel)
	out = append(out, k[1:1+n1]...)
	return append(out, rest[n2:]...), true
}

// nameKey returns the l key of the normalised name norm for id.
func nameKey(dst []byte, norm, id string) ([]byte, bool) {
	dst = append(dst, pfxName)
	dst = append(dst, norm...)
	dst = append(dst, 0)
	return appendID(dst, id)
}

// tokenPrefix returns the prefix of every posting list of token.
func tokenPrefix(token string) []byte {
	b := make([]byte, 0, len(token)+2)
	b = append(b, pfxToken)
	b = append(b, token...)
	return append(b, 0)
}

// tokenKey returns the key of token's posting list written by the write
// transaction numbered seq.
func tokenKey(token string, seq uint64) []byte {
	return binary.BigEndian.AppendUint64(tokenPrefix(token), seq)
}

// articleIndexKey returns the a key of the article index entry written for
// article by the write transaction numbered seq.
func articleIndexKey(article string, seq uint64) ([]byte, bool) {
	b, ok := appendID([]byte{pfxArticle}, article)
	if !ok {
		return nil, false
	}
	return binary.BigEndian.AppendUint64(b, seq), true
}

// profileKey returns the p key of provenance profile id.
func profileKey(id uint32) []byte {
	return binary.BigEndian.AppendUint32([]byte{pfxProfile}, id)
}

var (
	versionKey = []byte{pfxVersion}
	seqKey     = []byte{pfxCounter, ctrSeq}
)

// kindCounterKey returns the key of the node counter of kind k.
func kindCounterKey(k graph.Kind) []byte {
	g, _ := kindCodes(k)
	return []byte{pfxCounter, ctrKind, g}
}

// relCounterKey returns the key of the edge counter of relation r.
func relCounterKey(r graph.Rel) []byte {
	return []byte{pfxCounter, ctrRel, relCode(r)}
}
