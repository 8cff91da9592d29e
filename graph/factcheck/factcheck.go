package factcheck

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/ask"
)

// The rules recorded on the edges Link makes.
const (
	RuleExact    = "factcheck/exact"     // reviews: same normalised text
	RuleSpeaker  = "factcheck/speaker"   // reviews: near-duplicate of a claim the claimant said
	RuleIndex    = "factcheck/index"     // reviews: near-duplicate found through the word index
	RuleOwnClaim = "factcheck/own-claim" // reviews: the review's text kept as a claim of its own
	RuleClaimant = "factcheck/claimant"  // said: the claimant named by the review
)

// Default similarity thresholds (similar.Score of word shingles).
const (
	DefaultSpeakerThreshold = 0.5
	DefaultIndexThreshold   = 0.7
)

// maxIndexWords and maxIndexCandidates bound the word-index fallback: the
// longest words of the review are looked up, and each yields at most this
// many claims.
const (
	maxIndexWords      = 3
	maxIndexCandidates = 200
)

// Review is one fact-checker's rating of a claim, as the linker needs it.
type Review struct {
	ClaimText    string
	Claimant     string
	ClaimantType string // "Person", "Organization" or "" (unknown: a person)
	Appearances  []string
	Publisher    string
	URL          string
	ReviewDate   string // YYYY-MM-DD or ""
	Rating       string // as published
	Verdict      string // normalised: true, mostly-true, mixed, mostly-false, false, unrated
}

// Options tunes Link. Zero thresholds take the defaults.
type Options struct {
	SpeakerThreshold float64
	IndexThreshold   float64
}

// Status says what Link did with a review.
type Status string

// The statuses.
const (
	Linked  Status = "linked"    // a reviews edge to a claim that was there
	Created Status = "new-claim" // the review's text became a claim of its own
)

// Outcome is what Link did with one review.
type Outcome struct {
	Review    Review
	Factcheck graph.Node
	Claim     graph.Node
	// Speaker is the claimant as resolved or created; zero when the review
	// names none.
	Speaker graph.Node
	Status  Status
	Rule    string  // the reviews edge's rule
	Score   float64 // similarity of the review's text and the claim's
	// Stored is true when the factcheck node was already in the graph.
	Stored bool
}

// Plan is what Link decided: one Outcome per review, and the subgraph that
// stores them all.
type Plan struct {
	Links    []Outcome
	Subgraph graph.Subgraph
}

// FactcheckID returns "factcheck/" and 16 hex digits of SHA-256 over the
// review's URL and normalised claim text (the publisher's name instead of
// the URL when there is none), so one review page rating several claims is
// several factchecks and importing a review twice finds the same node.
func FactcheckID(r Review) string {
	key := r.URL
	if key == "" {
		key = "publisher:" + r.Publisher
	}
	sum := sha256.Sum256([]byte(key + "\n" + graph.NormalizeText(r.ClaimText)))
	return string(graph.Factcheck) + "/" + hex.EncodeToString(sum[:8])
}

// FactcheckNode returns the node that records r: Name "<publisher>:
// <rating>", Author the publisher, URL the review, Date the review date,
// Title the rating as published, Verdict the normalised rating, Text the
// claim as reviewed, Source the claim's first appearance.
func FactcheckNode(r Review) graph.Node {
	pub := firstOf(r.Publisher, "unknown publisher")
	rating := firstOf(r.Rating, r.Verdict, "unrated")
	n := graph.Node{
		ID: FactcheckID(r), Kind: graph.Factcheck, Name: pub + ": " + rating,
		Author: r.Publisher, URL: r.URL, Date: r.ReviewDate, Title: r.Rating,
		Verdict: firstOf(r.Verdict, "unrated"), Text: r.ClaimText,
	}
	if len(r.Appearances) > 0 {
		n.Source = r.Appearances[0]
	}
	return n
}

// Link decides, for each review, which claim it rates, reading r (and s,
// when not nil, for the word-index fallback). It writes nothing.
func Link(ctx context.Context, r graph.Reader, s graph.Searcher, reviews []Review, opt Options) (*Plan, error) {
	if opt.SpeakerThreshold <= 0 {
		opt.SpeakerThreshold = DefaultSpeakerThreshold
	}
	if opt.IndexThreshold <= 0 {
		opt.IndexThreshold = DefaultIndexThreshold
	}
	l := &linker{r: r, s: s, opt: opt, plan: &Plan{}, nodes: map[string]graph.Node{},
		said: map[string][]string{}, saidBy: map[string][]string{}, edges: map[graph.EdgeKey]bool{}, created: map[string]bool{}}
	for i, rv := range reviews {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		if strings.TrimSpace(rv.ClaimText) == "" {
			return nil, fmt.Errorf("review %d: no claim text", i+1)
		}
		if err := l.link(ctx, rv); err != nil {
			return nil, fmt.Errorf("review %d (%s): %w", i+1, firstOf(rv.URL, rv.Publisher), err)
		}
	}
	return l.plan, nil
}

// linker holds one Link call's state: the nodes and said edges it has
// planned, so that later reviews in the batch see them.
type linker struct {
	r       graph.Reader
	s       graph.Searcher
	opt     Options
	plan    *Plan
	nodes   map[string]graph.Node  // planned nodes by ID
	said    map[string][]string    // planned: speaker ID -> claim IDs
	saidBy  map[string][]string    // planned: claim ID -> speaker IDs
	edges   map[graph.EdgeKey]bool // planned edges
	created map[string]bool        // claims made from reviews' texts
}

func (l *linker) link(ctx context.Context, rv Review) error {
	fc := FactcheckNode(rv)
	stored, err := l.exists(ctx, fc.ID)
	if err != nil {
		return err
	}
	speakers, err := l.resolve(ctx, rv.Claimant)
	if err != nil {
		return err
	}
	m, err := l.match(ctx, rv, speakers)
	if err != nil {
		return err
	}
	lk := Outcome{Review: rv, Factcheck: fc, Stored: stored, Claim: m.claim, Score: m.score, Rule: m.rule, Status: Linked}
	switch {
	case m.claim.ID == "":
		lk.Status, lk.Rule, lk.Score = Created, RuleOwnClaim, 1
		lk.Claim = graph.Node{ID: graph.ClaimID(rv.ClaimText), Kind: graph.Claim, Name: rv.ClaimText, Text: rv.ClaimText}
		l.created[lk.Claim.ID] = true
	case l.created[m.claim.ID]:
		// A claim an earlier review of this batch created.
		lk.Status = Created
	}
	if rv.Claimant != "" {
		lk.Speaker = pickSpeaker(speakers, rv)
		if err := l.addClaimant(ctx, &lk); err != nil {
			return err
		}
	}
	l.addNode(fc)
	l.addNode(lk.Claim)
	l.addEdge(graph.Edge{From: fc.ID, Rel: graph.Reviews, To: lk.Claim.ID, Evidence: rv.ClaimText, Rule: lk.Rule})
	l.plan.Links = append(l.plan.Links, lk)
	return nil
}

// addClaimant adds the said edge from the claimant to a claim that it
// created, or to a matched claim that had no speaker.
func (l *linker) addClaimant(ctx context.Context, lk *Outcome) error {
	if lk.Status == Linked {
		spk, err := l.speakersOf(ctx, lk.Claim.ID)
		if err != nil || len(spk) > 0 {
			return err
		}
	}
	l.addNode(lk.Speaker)
	l.addEdge(graph.Edge{From: lk.Speaker.ID, Rel: graph.Said, To: lk.Claim.ID, Evidence: lk.Review.ClaimText, Rule: RuleClaimant})
	l.said[lk.Speaker.ID] = append(l.said[lk.Speaker.ID], lk.Claim.ID)
	l.saidBy[lk.Claim.ID] = append(l.saidBy[lk.Claim.ID], lk.Speaker.ID)
	return nil
}

func (l *linker) addNode(n graph.Node) {
	if old, ok := l.nodes[n.ID]; ok {
		old.Merge(n)
		l.nodes[n.ID] = old
		for i := range l.plan.Subgraph.Nodes {
			if l.plan.Subgraph.Nodes[i].ID == n.ID {
				l.plan.Subgraph.Nodes[i] = old
			}
		}
		return
	}
	l.nodes[n.ID] = n
	l.plan.Subgraph.Nodes = append(l.plan.Subgraph.Nodes, n)
}

func (l *linker) addEdge(e graph.Edge) {
	if l.edges[e.Key()] {
		return
	}
	l.edges[e.Key()] = true
	l.plan.Subgraph.Edges = append(l.plan.Subgraph.Edges, e)
}

// exists reports whether id is stored or planned.
func (l *linker) exists(ctx context.Context, id string) (bool, error) {
	if _, ok := l.nodes[id]; ok {
		return false, nil
	}
	_, err := l.r.Node(ctx, id)
	switch {
	case err == nil:
		return true, nil
	case errors.Is(err, graph.ErrNotFound):
		return false, nil
	default:
		return false, fmt.Errorf("read %s: %w", id, err)
	}
}

// node reads a stored or planned node.
func (l *linker) node(ctx context.Context, id string) (graph.Node, bool, error) {
	if n, ok := l.nodes[id]; ok {
		return n, true, nil
	}
	n, err := l.r.Node(ctx, id)
	switch {
	case err == nil:
		return n, true, nil
	case errors.Is(err, graph.ErrNotFound):
		return graph.Node{}, false, nil
	default:
		return graph.Node{}, false, fmt.Errorf("read %s: %w", id, err)
	}
}

// speakersOf returns the IDs of the speakers of a claim, stored or planned.
func (l *linker) speakersOf(ctx context.Context, claim string) ([]string, error) {
	out := slices.Clone(l.saidBy[claim])
	for e, err := range l.r.Neighbors(ctx, claim, graph.In, graph.Said) {
		if err != nil {
			return nil, fmt.Errorf("speakers of %s: %w", claim, err)
		}
		out = append(out, e.From)
	}
	return out, nil
}

// speakerKinds are the kinds a claimant may resolve to, in the order a
// claim of its own is given to one of several.
var speakerKinds = []graph.Kind{graph.Person, graph.Party, graph.Organization}

// resolve finds the claimant's nodes through the alias index: the name as
// given, then its part before a comma or parenthesis, then that part
// without its leading words one by one ("Governor Victor Hale" -> "Victor
// Hale" -> "Hale"). No match is no speakers, not an error.
func (l *linker) resolve(ctx context.Context, claimant string) ([]graph.Node, error) {
	for _, name := range nameForms(claimant) {
		nodes, err := ask.Resolve(ctx, l.r, name, speakerKinds...)
		if errors.Is(err, ask.ErrNoMatch) {
			continue
		}
		if err != nil {
			return nil, err
		}
		return nodes, nil
	}
	return nil, nil
}

// nameForms lists the forms of a claimant's name to look up, most
// specific first.
func nameForms(claimant string) []string {
	claimant = strings.TrimSpace(claimant)
	if claimant == "" {
		return nil
	}
	forms := []string{claimant}
	short := claimant
	if i := strings.IndexAny(short, ",(;"); i > 0 {
		short = strings.TrimSpace(short[:i])
		forms = append(forms, short)
	}
	words := strings.Fields(short)
	for i := 1; i < len(words); i++ {
		forms = append(forms, strings.Join(words[i:], " "))
	}
	return forms
}

// claimantName is the name a new speaker node gets: the claimant before
// any ", description".
func claimantName(claimant string) string {
	if i := strings.IndexAny(claimant, ",(;"); i > 0 {
		return strings.TrimSpace(claimant[:i])
	}
	return strings.TrimSpace(claimant)
}

// pickSpeaker chooses the speaker of a review's claim among the resolved
// nodes (persons, then parties, then organizations, by ID), or makes a new
// one from the claimant's name.
func pickSpeaker(speakers []graph.Node, rv Review) graph.Node {
	for _, k := range speakerKinds {
		for _, n := range speakers {
			if n.Kind == k {
				return n
			}
		}
	}
	k := graph.Person
	if rv.ClaimantType == "Organization" {
		k = graph.Organization
	}
	name := claimantName(rv.Claimant)
	return graph.Node{ID: graph.EntityID(k, name), Kind: k, Name: name}
}

func firstOf(ss ...string) string {
	for _, s := range ss {
		if s != "" {
			return s
		}
	}
	return ""
}
