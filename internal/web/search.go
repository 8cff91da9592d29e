package web

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/ask"
)

// searchResult is the answer of /api/search and the search page.
type searchResult struct {
	Query    string      `json:"query"`
	Entities []entityHit `json:"entities"`
	Claims   []claimHit  `json:"claims"`
	// Truncated is set when there were more hits than were returned.
	Truncated bool `json:"truncated,omitempty"`
}

// entityHit is a node whose name or alias matches.
type entityHit struct {
	ID      string     `json:"id"`
	Kind    graph.Kind `json:"kind"`
	Name    string     `json:"name"`
	Aliases []string   `json:"aliases,omitempty"`
	URL     string     `json:"url"`
	// Match is exact (name, alias or ID), prefix (of the name or a word of
	// it) or contains.
	Match string `json:"match"`
}

// claimHit is a claim whose text holds the words searched for, with one
// of its speakers.
type claimHit struct {
	ID        string `json:"id"`
	Text      string `json:"text"`
	Direct    bool   `json:"direct"`
	URL       string `json:"url"`
	Speaker   string `json:"speaker,omitempty"`
	SpeakerID string `json:"speaker_id,omitempty"`
	Article   string `json:"article,omitempty"`
	Title     string `json:"title,omitempty"`
	Date      string `json:"date,omitempty"`
	Evidence  string `json:"evidence,omitempty"`
	QuoteURL  string `json:"quote_url,omitempty"`
}

// maxNameScan bounds the entities a search reads to match name prefixes.
const maxNameScan = 200_000

// search finds up to limit entities and limit claim rows for q.
func (s *server) search(ctx context.Context, q string, limit int) (*searchResult, error) {
	q = strings.TrimSpace(q)
	res := &searchResult{Query: q, Entities: []entityHit{}, Claims: []claimHit{}}
	if q == "" {
		return res, nil
	}
	more, err := s.searchEntities(ctx, q, limit, res)
	if err != nil {
		return nil, err
	}
	res.Truncated = more
	if s.s == nil {
		return res, nil
	}
	for row, err := range ask.Search(ctx, s.r, s.s, q) {
		if err != nil {
			return nil, err
		}
		if len(res.Claims) == limit {
			res.Truncated = true
			break
		}
		res.Claims = append(res.Claims, newClaimHit(row))
	}
	return res, nil
}

func newClaimHit(row ask.SaidRow) claimHit {
	h := claimHit{ID: row.Claim.ID, Text: displayName(row.Claim), Direct: row.Claim.Direct,
		URL: nodeURL(row.Claim.ID), Speaker: row.Speaker.Name, SpeakerID: row.Speaker.ID,
		Article: row.Edge.Article, Title: row.Article.Title, Date: row.Article.Date,
		Evidence: row.Edge.Evidence}
	if row.Edge.Article != "" {
		h.QuoteURL = quoteURL(row.Edge.Article, row.Edge.Start, row.Edge.End)
	}
	return h
}

// searchEntities adds the nodes q names exactly (ID, name, alias), then
// entities whose name or an alias starts with q or has a word that does,
// then those that contain q. It reports whether hits were left out.
func (s *server) searchEntities(ctx context.Context, q string, limit int, res *searchResult) (bool, error) {
	seen := map[string]bool{}
	exact, err := ask.Resolve(ctx, s.r, q)
	if err != nil && !errors.Is(err, ask.ErrNoMatch) {
		return false, err
	}
	for _, n := range exact {
		seen[n.ID] = true
		res.Entities = append(res.Entities, newEntityHit(n, "exact"))
	}
	norm := graph.NormalizeName(q)
	if norm == "" {
		return len(res.Entities) > limit, nil
	}
	if ni, ok := s.r.(nameIndexer); ok {
		return s.searchNameIndex(ctx, ni, norm, limit, seen, res)
	}
	var prefix, contains []entityHit
	scanned := 0
	for _, k := range graph.Kinds {
		if !k.IsEntity() {
			continue
		}
		for n, err := range s.r.NodesOfKind(ctx, k) {
			if err != nil {
				return false, err
			}
			if scanned++; scanned > maxNameScan || len(prefix) > limit {
				break
			}
			if seen[n.ID] {
				continue
			}
			switch nameMatch(n, norm) {
			case "prefix":
				prefix = append(prefix, newEntityHit(n, "prefix"))
			case "contains":
				if len(contains) <= limit {
					contains = append(contains, newEntityHit(n, "contains"))
				}
			}
		}
	}
	res.Entities = append(append(res.Entities, prefix...), contains...)
	more := len(res.Entities) > limit
	res.Entities = res.Entities[:min(limit, len(res.Entities))]
	return more, nil
}

// nameIndexer is a graph.Reader that can list its name index (store.DB):
// every entity name and alias, normalised, with the ID it names, without
// reading the entities' records.
type nameIndexer interface {
	NameIndex(ctx context.Context, fn func(norm, id string) bool) error
}

// searchNameIndex is the rest of searchEntities over a name index: the
// index's keys are matched against norm and only the entities that match
// are read, prefix matches first, each group in the order of the kinds
// and then of IDs (as a scan of the entities would give).
func (s *server) searchNameIndex(ctx context.Context, ni nameIndexer, norm string, limit int, seen map[string]bool, res *searchResult) (bool, error) {
	match := map[string]string{} // ID -> "prefix" or "contains"
	err := ni.NameIndex(ctx, func(name, id string) bool {
		switch m := nameMatchOf(name, norm); {
		case seen[id] || m == "" || match[id] == "prefix":
		default:
			match[id] = m
		}
		return true
	})
	if err != nil {
		return false, err
	}
	var groups [2][]string
	for id, m := range match {
		g := 0
		if m == "contains" {
			g = 1
		}
		groups[g] = append(groups[g], id)
	}
	for g, ids := range groups {
		slices.SortFunc(ids, byKindThenID)
		for _, id := range ids[:min(len(ids), limit+1)] {
			n, err := s.r.Node(ctx, id)
			if err != nil {
				return false, fmt.Errorf("search: %w", err)
			}
			res.Entities = append(res.Entities, newEntityHit(n, [2]string{"prefix", "contains"}[g]))
		}
	}
	more := len(res.Entities) > limit
	res.Entities = res.Entities[:min(limit, len(res.Entities))]
	return more, nil
}

// byKindThenID orders node IDs by the position of their kind in
// graph.Kinds, then by ID.
func byKindThenID(a, b string) int {
	ka := slices.Index(graph.Kinds, graph.KindOfID(a))
	kb := slices.Index(graph.Kinds, graph.KindOfID(b))
	return cmp.Or(cmp.Compare(ka, kb), cmp.Compare(a, b))
}

func newEntityHit(n graph.Node, match string) entityHit {
	return entityHit{ID: n.ID, Kind: n.Kind, Name: displayName(n), Aliases: n.Aliases, URL: nodeURL(n.ID), Match: match}
}

// nameMatch says how the normalised query norm matches one of n's names:
// "prefix" when a name or one of its words starts with it, "contains" when
// a name holds it elsewhere, "" when none does.
func nameMatch(n graph.Node, norm string) string {
	best := ""
	for _, name := range n.Names() {
		switch m := nameMatchOf(graph.NormalizeName(name), norm); m {
		case "prefix":
			return m
		case "contains":
			best = m
		}
	}
	return best
}

// nameMatchOf says how norm matches one normalised name nn (see nameMatch).
func nameMatchOf(nn, norm string) string {
	switch {
	case strings.HasPrefix(nn, norm) || strings.Contains(nn, " "+norm):
		return "prefix"
	case strings.Contains(nn, norm):
		return "contains"
	}
	return ""
}

// overview is what the front page shows: the speakers with the most
// claims and the latest articles.
type overview struct {
	Speakers []speakerCount
	Articles []datedLink
	Counts   []kindCount
}

type speakerCount struct {
	Speaker link
	Claims  int
}

// datedLink is an article with its date.
type datedLink struct {
	Article link
	Date    string
}

type kindCount struct {
	Kind  graph.Kind
	Count int
}

// overviewCache holds the overview once computed: the handler serves a
// database opened read-only, which does not change while it runs.
type overviewCache struct {
	mu sync.Mutex
	v  *overview
}

// maxOverviewScan bounds the nodes of one kind the overview reads.
const maxOverviewScan = 100_000

func (s *server) overview(ctx context.Context) (*overview, error) {
	s.over.mu.Lock()
	defer s.over.mu.Unlock()
	if s.over.v != nil {
		return s.over.v, nil
	}
	o := &overview{}
	if err := s.countAll(ctx, o); err != nil {
		return nil, err
	}
	s.over.v = o
	return o, nil
}

// countAll counts the nodes of each kind and the said edges of each
// speaker, and keeps the ten top speakers and eight latest articles.
func (s *server) countAll(ctx context.Context, o *overview) error {
	var arts []datedLink
	for _, k := range graph.Kinds {
		kc := kindCount{Kind: k}
		for n, err := range s.r.NodesOfKind(ctx, k) {
			if err != nil {
				return err
			}
			if kc.Count++; kc.Count > maxOverviewScan {
				break
			}
			switch {
			case k.IsSpeaker():
				c, err := s.countSaid(ctx, n.ID)
				if err != nil {
					return err
				}
				if c > 0 {
					o.Speakers = append(o.Speakers, speakerCount{Speaker: linkTo(n), Claims: c})
				}
			case k == graph.Article:
				arts = append(arts, datedLink{linkTo(n), n.Date})
			}
		}
		o.Counts = append(o.Counts, kc)
	}
	slices.SortStableFunc(o.Speakers, func(a, b speakerCount) int {
		return cmp.Or(cmp.Compare(b.Claims, a.Claims), cmp.Compare(a.Speaker.Name, b.Speaker.Name))
	})
	o.Speakers = o.Speakers[:min(10, len(o.Speakers))]
	slices.SortStableFunc(arts, func(a, b datedLink) int { return cmp.Compare(b.Date, a.Date) })
	o.Articles = arts[:min(8, len(arts))]
	return nil
}

func (s *server) countSaid(ctx context.Context, id string) (int, error) {
	n := 0
	for _, err := range s.r.Neighbors(ctx, id, graph.Out, graph.Said) {
		if err != nil {
			return 0, err
		}
		n++
	}
	return n, nil
}
