package export

import (
	"bufio"
	"cmp"
	"context"
	"fmt"
	"io"
	"iter"
	"slices"
	"strings"

	"github.com/claimgraph/claimgraph/graph"
)

// claimReview is a schema.org ClaimReview skeleton: the claim, who said it,
// when and where, and no rating yet. Field order is the key order.
type claimReview struct {
	Context       string      `json:"@context"`
	Type          string      `json:"@type"`
	ClaimReviewed string      `json:"claimReviewed"`
	ItemReviewed  reviewClaim `json:"itemReviewed"`
}

type reviewClaim struct {
	Type            string         `json:"@type"`
	Identifier      string         `json:"identifier"`
	Author          *reviewAuthor  `json:"author,omitempty"`
	DatePublished   string         `json:"datePublished,omitempty"`
	FirstAppearance *creativeWork  `json:"firstAppearance,omitempty"`
	Appearance      []creativeWork `json:"appearance,omitempty"`
}

type reviewAuthor struct {
	Type string `json:"@type"`
	Name string `json:"name"`
}

type creativeWork struct {
	Type          string `json:"@type"`
	URL           string `json:"url,omitempty"`
	Headline      string `json:"headline,omitempty"`
	DatePublished string `json:"datePublished,omitempty"`
	Identifier    string `json:"identifier,omitempty"`
}

// kindLister is a Source that can list one kind from an index.
type kindLister interface {
	NodesOfKind(ctx context.Context, k graph.Kind) iter.Seq2[graph.Node, error]
}

// WriteClaimReview writes every claim of src as a schema.org ClaimReview
// skeleton for a fact-checker to complete with a rating: one JSON-LD array
// (one object per line, claims in ID order) of
//
//	{"@context":"https://schema.org","@type":"ClaimReview","claimReviewed":TEXT,
//	 "itemReviewed":{"@type":"Claim","identifier":CLAIM_ID,
//	   "author":{"@type":"Person"|"Organization","name":SPEAKER},
//	   "datePublished":DATE,"firstAppearance":WORK,"appearance":[WORK...]}}
//
// where each WORK is {"@type":"CreativeWork","url","headline",
// "datePublished","identifier"} for an article that quotes the claim. The
// author is the speaker of the earliest article, datePublished its date.
// Speakers and articles are read from r through each claim's in-coming
// said edges, so src may be a filtered View that holds only claims.
func WriteClaimReview(ctx context.Context, w io.Writer, src Source, r graph.Reader) error {
	bw := bufio.NewWriterSize(w, 64<<10)
	enc := newRecordEncoder()
	c := &reviewCache{r: r, nodes: map[string]graph.Node{}}
	n := 0
	for claim, err := range claimsOf(ctx, src) {
		if err != nil {
			return fmt.Errorf("export claimreview: read claims: %w", err)
		}
		doc, err := c.skeleton(ctx, claim)
		if err != nil {
			return fmt.Errorf("export claimreview: %w", err)
		}
		b, err := enc.encode(doc)
		if err != nil {
			return fmt.Errorf("export claimreview: %w", err)
		}
		sep := ",\n"
		if n == 0 {
			sep = "[\n"
		}
		n++
		bw.WriteString(sep)
		bw.Write(b[:len(b)-1])
	}
	end := "\n]\n"
	if n == 0 {
		end = "[]\n"
	}
	bw.WriteString(end)
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("export claimreview: %w", err)
	}
	return ctx.Err()
}

// claimsOf yields the claims of src, from the kind index when it has one.
func claimsOf(ctx context.Context, src Source) iter.Seq2[graph.Node, error] {
	if kl, ok := src.(kindLister); ok {
		return kl.NodesOfKind(ctx, graph.Claim)
	}
	return func(yield func(graph.Node, error) bool) {
		for n, err := range src.Nodes(ctx) {
			if err != nil || n.Kind == graph.Claim {
				if !yield(n, err) || err != nil {
					return
				}
			}
		}
	}
}

// reviewCache reads speakers and articles once, without article texts.
type reviewCache struct {
	r     graph.Reader
	nodes map[string]graph.Node
}

func (c *reviewCache) node(ctx context.Context, id string) (graph.Node, error) {
	if n, ok := c.nodes[id]; ok {
		return n, nil
	}
	n, err := c.r.Node(ctx, id)
	if err != nil {
		return graph.Node{}, fmt.Errorf("read %s: %w", id, err)
	}
	n.Text = ""
	c.nodes[id] = n
	return n, nil
}

// saying is one said edge into a claim with its speaker and article.
type saying struct {
	speaker graph.Node
	article graph.Node // zero when the edge has no article
}

func (c *reviewCache) skeleton(ctx context.Context, claim graph.Node) (claimReview, error) {
	var says []saying
	for e, err := range c.r.Neighbors(ctx, claim.ID, graph.In, graph.Said) {
		if err != nil {
			return claimReview{}, fmt.Errorf("speakers of %s: %w", claim.ID, err)
		}
		var s saying
		if s.speaker, err = c.node(ctx, e.From); err != nil {
			return claimReview{}, err
		}
		if e.Article != "" {
			if s.article, err = c.node(ctx, e.Article); err != nil {
				return claimReview{}, err
			}
		}
		says = append(says, s)
	}
	slices.SortStableFunc(says, compareSayings)
	item := reviewClaim{Type: "Claim", Identifier: claim.ID}
	if len(says) > 0 {
		first := says[0]
		item.Author = &reviewAuthor{Type: schemaType(first.speaker.Kind), Name: validUTF8(first.speaker.Name)}
		item.DatePublished = first.article.Date
	}
	seen := map[string]bool{}
	for _, s := range says {
		if s.article.ID == "" || seen[s.article.ID] {
			continue
		}
		seen[s.article.ID] = true
		item.Appearance = append(item.Appearance, work(s.article))
	}
	if err := c.reviewedAt(ctx, claim.ID, &item, seen); err != nil {
		return claimReview{}, err
	}
	if len(item.Appearance) > 0 {
		item.FirstAppearance = &item.Appearance[0]
	}
	return claimReview{Context: "https://schema.org", Type: "ClaimReview",
		ClaimReviewed: validUTF8(firstNonEmpty(claim.Text, claim.Name)), ItemReviewed: item}, nil
}

// reviewedAt adds, after the articles, the places where fact-checks of the
// claim say it appeared (a factcheck's Source).
func (c *reviewCache) reviewedAt(ctx context.Context, claim string, item *reviewClaim, seen map[string]bool) error {
	for e, err := range c.r.Neighbors(ctx, claim, graph.In, graph.Reviews) {
		if err != nil {
			return fmt.Errorf("reviews of %s: %w", claim, err)
		}
		fc, err := c.node(ctx, e.From)
		if err != nil {
			return err
		}
		if fc.Source != "" && !seen[fc.Source] {
			seen[fc.Source] = true
			item.Appearance = append(item.Appearance, creativeWork{Type: "CreativeWork", URL: validUTF8(fc.Source)})
		}
	}
	return nil
}

// compareSayings orders said edges by article date (undated and
// article-less last), then article and speaker ID.
func compareSayings(a, b saying) int {
	ad, bd := a.article.Date, b.article.Date
	switch {
	case ad != "" && bd == "":
		return -1
	case ad == "" && bd != "":
		return 1
	}
	return cmp.Or(cmp.Compare(ad, bd), cmp.Compare(a.article.ID, b.article.ID), cmp.Compare(a.speaker.ID, b.speaker.ID))
}

// work describes an article as a CreativeWork: its URL (or its source
// when that is a URL), headline, date and claimgraph ID.
func work(a graph.Node) creativeWork {
	u := a.URL
	if u == "" && (strings.HasPrefix(a.Source, "http://") || strings.HasPrefix(a.Source, "https://")) {
		u = a.Source
	}
	return creativeWork{Type: "CreativeWork", URL: validUTF8(u), Headline: validUTF8(a.Title),
		DatePublished: a.Date, Identifier: a.ID}
}

// schemaType is the schema.org type of a speaker: Person or Organization
// (parties included).
func schemaType(k graph.Kind) string {
	if k == graph.Person {
		return "Person"
	}
	return "Organization"
}

func firstNonEmpty(ss ...string) string {
	for _, s := range ss {
		if s != "" {
			return s
		}
	}
	return ""
}
