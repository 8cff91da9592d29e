package graph

import (
	"fmt"
	"slices"
	"strings"
)

// Kind is the kind of a node.
type Kind string

// The node kinds.
const (
	Person       Kind = "person"
	Party        Kind = "party"
	Organization Kind = "organization"
	Place        Kind = "place"
	Event        Kind = "event"
	Claim        Kind = "claim"
	Article      Kind = "article"
	// Factcheck is a fact-checker's review of a claim (schema.org
	// ClaimReview): Author is the publisher, URL the review, Date the review
	// date, Title the verdict as published and Verdict its normalised form.
	Factcheck Kind = "factcheck"
)

// Kinds lists every node kind in a fixed order.
var Kinds = []Kind{Person, Party, Organization, Place, Event, Claim, Article, Factcheck}

// IsEntity reports whether k names something that can be said, joined or
// mentioned: every kind but claim, article and factcheck.
func (k Kind) IsEntity() bool { return k != Claim && k != Article && k != Factcheck && k.Valid() }

// IsSpeaker reports whether a node of kind k can say a claim.
func (k Kind) IsSpeaker() bool { return k == Person || k == Party || k == Organization }

// Valid reports whether k is one of Kinds.
func (k Kind) Valid() bool { return slices.Contains(Kinds, k) }

// ParseKind maps a kind or Cypher label ("Person", "PARTY", "organisation")
// to a Kind, case-insensitively.
func ParseKind(s string) (Kind, error) {
	l := strings.ToLower(strings.TrimSpace(s))
	if l == "organisation" || l == "org" {
		l = string(Organization)
	}
	k := Kind(l)
	if !k.Valid() {
		return "", fmt.Errorf("unknown kind %q (kinds: %s)", s, joinKinds())
	}
	return k, nil
}

func joinKinds() string {
	s := make([]string, len(Kinds))
	for i, k := range Kinds {
		s[i] = string(k)
	}
	return strings.Join(s, ", ")
}

// Rel is the relation an edge expresses.
type Rel string

// The relations.
const (
	Said     Rel = "said"      // person|party|organization -> claim
	MemberOf Rel = "member-of" // person -> party|organization, with an optional role
	About    Rel = "about"     // claim -> any entity
	Disputes Rel = "disputes"  // person|party|organization|claim -> claim
	Supports Rel = "supports"  // person|party|organization|claim -> claim
	Mentions Rel = "mentions"  // article -> entity
	Reviews  Rel = "reviews"   // factcheck -> claim
)

// Rels lists every relation in a fixed order.
var Rels = []Rel{Said, MemberOf, About, Disputes, Supports, Mentions, Reviews}

// Valid reports whether r is one of Rels.
func (r Rel) Valid() bool { return slices.Contains(Rels, r) }

// ParseRel maps a relation or Cypher type ("SAID", "MEMBER_OF", "member-of")
// to a Rel, case-insensitively.
func ParseRel(s string) (Rel, error) {
	r := Rel(strings.ReplaceAll(strings.ToLower(strings.TrimSpace(s)), "_", "-"))
	if !r.Valid() {
		names := make([]string, len(Rels))
		for i, x := range Rels {
			names[i] = string(x)
		}
		return "", fmt.Errorf("unknown relation %q (relations: %s)", s, strings.Join(names, ", "))
	}
	return r, nil
}

// Node is a vertex of the claim graph. Which fields are set depends on Kind:
// entities have Name and Aliases; claims have Text (Name is the text too) and
// Direct; articles have Title, Date, Source, URL, Author and Text (the
// article's plain text, which edge spans index).
type Node struct {
	ID      string   `json:"id"`
	Kind    Kind     `json:"kind"`
	Name    string   `json:"name"`
	Aliases []string `json:"aliases,omitempty"`
	// Text is a claim's text, or an article's whole plain text.
	Text string `json:"text,omitempty"`
	// Direct marks a claim that was quoted verbatim at least once.
	Direct bool   `json:"direct,omitempty"`
	Date   string `json:"date,omitempty"` // articles: YYYY-MM-DD when known
	Title  string `json:"title,omitempty"`
	Source string `json:"source,omitempty"` // articles: the path or URL it was read from
	URL    string `json:"url,omitempty"`
	Author string `json:"author,omitempty"`
	// Verdict is a factcheck's normalised rating: true, mostly-true, mixed,
	// mostly-false, false or unrated.
	Verdict string `json:"verdict,omitempty"`
}

// Edge is a directed, typed link with its provenance: the article it was
// extracted from and the byte span [Start,End) of its evidence in that
// article's text.
type Edge struct {
	From    string `json:"from"`
	Rel     Rel    `json:"rel"`
	To      string `json:"to"`
	Article string `json:"article,omitempty"`
	Start   int    `json:"start"`
	End     int    `json:"end"`
	// Role qualifies member-of edges ("senior deputy leader").
	Role string `json:"role,omitempty"`
	// Evidence is the sentence (or sentences) the edge was read from.
	Evidence string `json:"evidence,omitempty"`
	// Rule names the extraction rule that produced the edge.
	Rule string `json:"rule,omitempty"`
	// Confidence is the rule's measured precision in [0,1]; 0 means unknown.
	Confidence float64 `json:"confidence,omitempty"`
}

// Key identifies an edge: one per (from, rel, to, article). The same claim
// said by the same speaker in two articles is two edges.
func (e Edge) Key() EdgeKey { return EdgeKey{e.From, e.Rel, e.To, e.Article} }

// EdgeKey is the identity of an edge.
type EdgeKey struct {
	From    string
	Rel     Rel
	To      string
	Article string
}

// Compare orders edge keys by From, Rel, To and Article, the order in
// which stores yield edges. It compares a field only when the ones before
// it are equal (cmp.Or would compare all four every time: sorting a
// subgraph's edges is on the ingest's hot path).
func (k EdgeKey) Compare(o EdgeKey) int {
	if n := strings.Compare(k.From, o.From); n != 0 {
		return n
	}
	if n := strings.Compare(string(k.Rel), string(o.Rel)); n != 0 {
		return n
	}
	if n := strings.Compare(k.To, o.To); n != 0 {
		return n
	}
	return strings.Compare(k.Article, o.Article)
}

// Merge folds o, a later record of the same node, into n: aliases are united
// and sorted, empty fields are filled, Direct is or-ed. The result does not
// depend on the order in which records are merged, except that a non-empty
// field is kept over a later one.
func (n *Node) Merge(o Node) {
	if n.Name == "" {
		n.Name = o.Name
	}
	n.Aliases = MergeAliases(n.Name, n.Aliases, o.Aliases, []string{o.Name})
	n.Direct = n.Direct || o.Direct
	for _, f := range []struct {
		dst *string
		src string
	}{
		{&n.Text, o.Text}, {&n.Date, o.Date}, {&n.Title, o.Title},
		{&n.Source, o.Source}, {&n.URL, o.URL}, {&n.Author, o.Author},
		{&n.Verdict, o.Verdict},
	} {
		if *f.dst == "" {
			*f.dst = f.src
		}
	}
}

// MergeAliases unites alias lists, dropping empties and names equal to the
// canonical name, and returns them sorted without duplicates.
func MergeAliases(name string, lists ...[]string) []string {
	var out []string
	for _, l := range lists {
		for _, a := range l {
			a = strings.TrimSpace(a)
			if a == "" || a == name {
				continue
			}
			out = append(out, a)
		}
	}
	slices.Sort(out)
	out = slices.Compact(out)
	if len(out) == 0 {
		return nil
	}
	return out
}

// Names returns the node's name followed by its aliases.
func (n Node) Names() []string {
	return append([]string{n.Name}, n.Aliases...)
}
