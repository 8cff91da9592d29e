package graphtest

import (
	"strings"

	"github.com/claimgraph/claimgraph/graph"
)

// The fixture articles are invented. Their texts hold every quote and
// evidence sentence, and edge spans point at the quotes, as the extractor's
// would.
const (
	textHarbour = "date 2024-03-01\n" +
		"Port Avalon mayor Dana Okafor said the new bridge was \"a waste of money\". " +
		"Okafor is the deputy leader of the Harbour Party (HP). " +
		"Councillor Milo Brandt called the mayor's claim \"completely false\"."
	textBudget = "date 2024-03-09\n" +
		"The Harbour Party (HP) said the budget \"protects every school\". " +
		"D. Okafor repeated that the bridge was \"a waste of money\"."
	textQuiet = "date 2024-04-02\nNothing was said in Port Avalon today."
)

// Node IDs of the fixtures.
var (
	Okafor       = graph.EntityID(graph.Person, "Dana Okafor")
	Brandt       = graph.EntityID(graph.Person, "Milo Brandt")
	HarbourParty = graph.EntityID(graph.Party, "Harbour Party")
	PortAvalon   = graph.EntityID(graph.Place, "Port Avalon")
	Waste        = graph.ClaimID("a waste of money")
	False        = graph.ClaimID("completely false")
	Schools      = graph.ClaimID("protects every school")
	ArtHarbour   = graph.ArticleID([]byte(textHarbour))
	ArtBudget    = graph.ArticleID([]byte(textBudget))
	ArtQuiet     = graph.ArticleID([]byte(textQuiet))
)

// builder assembles a subgraph from an article text.
type builder struct {
	text string
	sub  graph.Subgraph
}

func newArticle(text, title, date string) *builder {
	id := graph.ArticleID([]byte(text))
	b := &builder{text: text, sub: graph.Subgraph{Article: id}}
	b.sub.Nodes = append(b.sub.Nodes, graph.Node{ID: id, Kind: graph.Article, Name: title,
		Title: title, Date: date, Source: "testdata/" + graph.Slug(title) + ".txt", Text: text})
	return b
}

func (b *builder) entity(k graph.Kind, name string, aliases ...string) *builder {
	b.sub.Nodes = append(b.sub.Nodes, graph.Node{ID: graph.EntityID(k, name), Kind: k, Name: name, Aliases: aliases})
	b.edge(graph.Edge{From: b.sub.Article, Rel: graph.Mentions, To: graph.EntityID(k, name)}, name)
	return b
}

func (b *builder) claim(text string, direct bool) *builder {
	b.sub.Nodes = append(b.sub.Nodes, graph.Node{ID: graph.ClaimID(text), Kind: graph.Claim,
		Name: text, Text: text, Direct: direct})
	return b
}

// edge adds e with its article, its span at the first occurrence of at in
// the text, and the sentence around it as evidence.
func (b *builder) edge(e graph.Edge, at string) *builder {
	e.Article = b.sub.Article
	if i := strings.Index(b.text, at); i >= 0 {
		e.Start, e.End = i, i+len(at)
		e.Evidence = sentence(b.text, i)
	}
	b.sub.Edges = append(b.sub.Edges, e)
	return b
}

// sentence returns the sentence of text around byte i.
func sentence(text string, i int) string {
	start := strings.LastIndexAny(text[:i], ".\n") + 1
	end := strings.IndexAny(text[i:], ".")
	if end < 0 {
		end = len(text) - i
	} else {
		end++
	}
	return strings.TrimSpace(text[start : i+end])
}

// SubHarbour returns the subgraph of the first fixture article: a mayor's
// quote, her party, and a councillor disputing her.
func SubHarbour() graph.Subgraph {
	b := newArticle(textHarbour, "Bridge row in Port Avalon", "2024-03-01")
	b.entity(graph.Person, "Dana Okafor", "Okafor").
		entity(graph.Person, "Milo Brandt", "Brandt").
		entity(graph.Party, "Harbour Party", "HP").
		entity(graph.Place, "Port Avalon").
		claim("a waste of money", true).
		claim("completely false", true)
	b.edge(graph.Edge{From: Okafor, Rel: graph.Said, To: Waste, Rule: "quote-cue", Confidence: 0.9}, "a waste of money").
		edge(graph.Edge{From: Okafor, Rel: graph.MemberOf, To: HarbourParty, Role: "deputy leader", Rule: "role-of"}, "deputy leader").
		edge(graph.Edge{From: Brandt, Rel: graph.Said, To: False, Rule: "quote-cue", Confidence: 0.9}, "completely false").
		edge(graph.Edge{From: Brandt, Rel: graph.Disputes, To: Waste, Rule: "dispute-cue", Confidence: 0.6}, "called the mayor's claim").
		edge(graph.Edge{From: False, Rel: graph.About, To: Waste}, "completely false").
		edge(graph.Edge{From: Waste, Rel: graph.About, To: PortAvalon}, "a waste of money")
	return b.sub
}

// SubBudget returns the second fixture article: the party's own claim, and
// Okafor again under a new alias repeating her claim.
func SubBudget() graph.Subgraph {
	b := newArticle(textBudget, "Harbour Party budget", "2024-03-09")
	b.entity(graph.Party, "Harbour Party", "HP").
		entity(graph.Person, "Dana Okafor", "D. Okafor").
		claim("protects every school", true).
		claim("a waste of money", false)
	b.edge(graph.Edge{From: HarbourParty, Rel: graph.Said, To: Schools, Rule: "quote-cue", Confidence: 0.9}, "protects every school").
		edge(graph.Edge{From: Okafor, Rel: graph.Said, To: Waste, Rule: "reported-cue", Confidence: 0.7}, "a waste of money")
	return b.sub
}

// SubQuiet returns an article that names a place and nothing else, whose
// article node carries an author and URL that the others lack.
func SubQuiet() graph.Subgraph {
	b := newArticle(textQuiet, "A quiet day", "2024-04-02")
	b.sub.Nodes[0].URL = "https://news.example/quiet"
	b.sub.Nodes[0].Author = "Staff"
	b.entity(graph.Place, "Port Avalon", "Avalon")
	return b.sub
}
