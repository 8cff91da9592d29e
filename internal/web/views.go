package web

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"html/template"
	"path"
	"path/filepath"
	"slices"
	"strings"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/ask"
)

// link is a node as pages and the API point at it.
type link struct {
	ID   string     `json:"id"`
	Kind graph.Kind `json:"kind"`
	Name string     `json:"name"`
	URL  string     `json:"url"`
}

func linkTo(n graph.Node) link {
	if n.ID == "" {
		return link{}
	}
	return link{ID: n.ID, Kind: n.Kind, Name: displayName(n), URL: nodeURL(n.ID)}
}

// displayName is what a page calls a node: an article's title (else its
// source's file name or URL, else its date), a claim's text, an entity's name; the ID when
// there is nothing else.
func displayName(n graph.Node) string {
	var s string
	switch n.Kind {
	case graph.Article:
		s = n.Title
		if s == "" && n.Source != "" {
			s = n.Source
			if !strings.Contains(s, "://") {
				s = path.Base(filepath.ToSlash(s))
			}
		}
		if s == "" && n.Date != "" {
			s = "Article of " + n.Date
		}
	case graph.Claim:
		s = cmp.Or(n.Text, n.Name)
	default:
		s = n.Name
	}
	return cmp.Or(strings.TrimSpace(s), n.ID)
}

// claimRow is a said edge as a page lists it.
type claimRow struct {
	Date     string
	Role     string // "by" or "about" in a timeline
	Speaker  link
	Claim    link
	Direct   bool
	Article  link
	QuoteURL string
	Evidence []segment
	// Start and End are the quote's byte span in the article's text.
	Start, End int
}

func newClaimRow(r ask.SaidRow, role string) claimRow {
	return claimRow{
		Date: r.Article.Date, Role: role, Speaker: linkTo(r.Speaker), Claim: linkTo(r.Claim),
		Direct: r.Claim.Direct, Article: linkTo(r.Article),
		QuoteURL: quoteURL(r.Edge.Article, r.Edge.Start, r.Edge.End),
		Evidence: highlightIn(r.Edge.Evidence, cmp.Or(r.Claim.Text, r.Claim.Name)),
		Start:    r.Edge.Start, End: r.Edge.End,
	}
}

// relRow is a disputes or supports edge as a page lists it.
type relRow struct {
	Rel      graph.Rel
	From     link
	To       link
	Speakers []link // who said the claim disputed or supported
	Article  link
	Date     string
	Evidence string
}

func newRelRow(e ask.EdgeRow, speakers []graph.Node) relRow {
	row := relRow{Rel: e.Edge.Rel, From: linkTo(e.From), To: linkTo(e.To), Article: linkTo(e.Article),
		Date: e.Article.Date, Evidence: e.Edge.Evidence}
	for _, s := range speakers {
		row.Speakers = append(row.Speakers, linkTo(s))
	}
	return row
}

// membership is the member-of edges of one member, group and role, from
// every article that reports it.
type membership struct {
	Member  link
	Group   link
	Role    string
	Sources []source
}

// source is an article that reports an edge, with the sentence.
type source struct {
	Article  link
	Date     string
	Evidence string
}

// addMembership files e under the membership with its member, group and
// role, starting one when there is none.
func addMembership(list *capped[membership], limit int, e ask.EdgeRow) {
	src := source{Article: linkTo(e.Article), Date: e.Article.Date, Evidence: e.Edge.Evidence}
	for i := range list.Items {
		m := &list.Items[i]
		if m.Member.ID == e.From.ID && m.Group.ID == e.To.ID && m.Role == e.Edge.Role {
			m.Sources = append(m.Sources, src)
			slices.SortStableFunc(m.Sources, func(a, b source) int { return cmp.Compare(a.Date, b.Date) })
			return
		}
	}
	list.add(limit, membership{Member: linkTo(e.From), Group: linkTo(e.To), Role: e.Edge.Role, Sources: []source{src}})
}

// capped is a list cut at a limit, with how many were left out.
type capped[T any] struct {
	Items []T
	More  int
}

func (c *capped[T]) add(limit int, x T) {
	if len(c.Items) < limit {
		c.Items = append(c.Items, x)
		return
	}
	c.More++
}

// entityView is what an entity's page shows.
type entityView struct {
	Node        graph.Node
	Memberships capped[membership]
	Members     capped[membership]
	Timeline    capped[claimRow]
	DisputesBy  capped[relRow] // claims the entity disputes
	DisputedBy  capped[relRow] // disputes of the entity's claims
	SupportsBy  capped[relRow]
	SupportedBy capped[relRow]
	Articles    capped[link]  // articles that mention it
	Graph       template.HTML // sanitised SVG of the neighbourhood
	GraphNote   string        // why there is no graph
}

func (s *server) entityView(ctx context.Context, n graph.Node) (*entityView, error) {
	v := &entityView{Node: n}
	limit := s.pageRows()
	steps := []func() error{
		func() error { return s.memberships(ctx, v, limit) },
		func() error { return s.timeline(ctx, v, limit) },
		func() error {
			return s.relations(ctx, n.ID, graph.Disputes, limit, &v.DisputesBy, &v.DisputedBy)
		},
		func() error {
			return s.relations(ctx, n.ID, graph.Supports, limit, &v.SupportsBy, &v.SupportedBy)
		},
		func() error { return s.mentionedIn(ctx, n.ID, limit, &v.Articles) },
	}
	for _, step := range steps {
		if err := step(); err != nil {
			return nil, err
		}
	}
	v.Graph, v.GraphNote = s.graphOf(ctx, n.ID)
	return v, nil
}

// pageRows is the longest list a page shows.
func (s *server) pageRows() int { return min(s.opt.MaxRows, 500) }

func (s *server) memberships(ctx context.Context, v *entityView, limit int) error {
	nodes := map[string]graph.Node{v.Node.ID: v.Node}
	get := func(id string) (graph.Node, error) {
		if n, ok := nodes[id]; ok {
			return n, nil
		}
		n, err := s.r.Node(ctx, id)
		if err != nil {
			return n, fmt.Errorf("read %s: %w", id, err)
		}
		if n.Kind == graph.Article {
			n.Text = ""
		}
		nodes[id] = n
		return n, nil
	}
	for e, err := range s.r.Neighbors(ctx, v.Node.ID, graph.Out, graph.MemberOf) {
		if err != nil {
			return err
		}
		row, err := edgeRowOf(e, get)
		if err != nil {
			return err
		}
		addMembership(&v.Memberships, limit, row)
	}
	if v.Node.Kind != graph.Party && v.Node.Kind != graph.Organization {
		return nil
	}
	for row, err := range ask.Members(ctx, s.r, v.Node.ID) {
		if err != nil {
			return err
		}
		addMembership(&v.Members, limit, row)
	}
	return nil
}

// edgeRowOf reads the nodes of e through get.
func edgeRowOf(e graph.Edge, get func(string) (graph.Node, error)) (ask.EdgeRow, error) {
	row := ask.EdgeRow{Edge: e}
	var err error
	if row.From, err = get(e.From); err != nil {
		return row, err
	}
	if row.To, err = get(e.To); err != nil {
		return row, err
	}
	if e.Article != "" {
		row.Article, err = get(e.Article)
	}
	return row, err
}

func (s *server) timeline(ctx context.Context, v *entityView, limit int) error {
	rows, err := ask.Timeline(ctx, s.r, v.Node.ID)
	if err != nil {
		return err
	}
	for _, r := range rows {
		v.Timeline.add(limit, newClaimRow(r.SaidRow, r.Role))
	}
	return nil
}

// relations splits the rel edges around id into those id makes and those
// against (or for) id's claims.
func (s *server) relations(ctx context.Context, id string, rel graph.Rel, limit int, by, of *capped[relRow]) error {
	for row, err := range ask.Disputes(ctx, s.r, id, rel) {
		if err != nil {
			return err
		}
		if row.From.ID == id {
			by.add(limit, newRelRow(row.EdgeRow, row.Speakers))
		} else {
			of.add(limit, newRelRow(row.EdgeRow, row.Speakers))
		}
	}
	return nil
}

func (s *server) mentionedIn(ctx context.Context, id string, limit int, out *capped[link]) error {
	for e, err := range s.r.Neighbors(ctx, id, graph.In, graph.Mentions) {
		if err != nil {
			return err
		}
		if out.More > 0 || len(out.Items) >= limit {
			out.More++
			continue
		}
		a, err := s.r.Node(ctx, e.From)
		if err != nil {
			return fmt.Errorf("read %s: %w", e.From, err)
		}
		out.add(limit, linkTo(a))
	}
	return nil
}

// graphOf draws the neighbourhood of id, or says why it did not. The
// drawing is trusted as HTML only because sanitizeSVG rewrote it.
func (s *server) graphOf(ctx context.Context, id string) (template.HTML, string) {
	v, err := s.neighbourhood(ctx, id)
	if err != nil {
		return "", "The graph could not be drawn: " + err.Error()
	}
	if n, _ := v.Len(); n <= 1 {
		return "", "Nothing links to this node yet."
	}
	svg, err := s.drawView(ctx, v, "")
	switch {
	case errors.Is(err, errTooLarge):
		return "", "The neighbourhood is too large to draw here (" + err.Error() + ")."
	case err != nil:
		s.opt.Log.Warn("draw graph", "id", id, "err", err)
		return "", "The graph could not be drawn: " + err.Error()
	}
	return template.HTML(svg), ""
}

// claimView is what a claim's page shows.
type claimView struct {
	Node        graph.Node
	Said        capped[claimRow]
	About       []link
	DisputedBy  capped[relRow]
	SupportedBy capped[relRow]
	Disputes    capped[relRow] // claims this claim disputes
	Supports    capped[relRow]
}

func (s *server) claimView(ctx context.Context, n graph.Node) (*claimView, error) {
	v := &claimView{Node: n}
	limit := s.pageRows()
	nodes := map[string]graph.Node{n.ID: n}
	get := func(id string) (graph.Node, error) {
		if x, ok := nodes[id]; ok {
			return x, nil
		}
		x, err := s.r.Node(ctx, id)
		if err != nil {
			return x, fmt.Errorf("read %s: %w", id, err)
		}
		if x.Kind == graph.Article {
			x.Text = ""
		}
		nodes[id] = x
		return x, nil
	}
	for e, err := range s.r.Neighbors(ctx, n.ID, graph.Both) {
		if err != nil {
			return nil, err
		}
		row, err := edgeRowOf(e, get)
		if err != nil {
			return nil, err
		}
		s.addClaimEdge(v, row, limit)
	}
	slices.SortStableFunc(v.Said.Items, func(a, b claimRow) int { return cmp.Compare(a.Date, b.Date) })
	return v, nil
}

// addClaimEdge files one edge at a claim under its section.
func (s *server) addClaimEdge(v *claimView, row ask.EdgeRow, limit int) {
	e := row.Edge
	in := e.To == v.Node.ID
	switch {
	case e.Rel == graph.Said && in:
		v.Said.add(limit, newClaimRow(ask.SaidRow{Speaker: row.From, Claim: v.Node, Article: row.Article, Edge: e}, ""))
	case e.Rel == graph.About && !in:
		if !slices.ContainsFunc(v.About, func(l link) bool { return l.ID == e.To }) {
			v.About = append(v.About, linkTo(row.To))
		}
	case e.Rel == graph.Disputes && in:
		v.DisputedBy.add(limit, newRelRow(row, nil))
	case e.Rel == graph.Supports && in:
		v.SupportedBy.add(limit, newRelRow(row, nil))
	case e.Rel == graph.Disputes:
		v.Disputes.add(limit, newRelRow(row, nil))
	case e.Rel == graph.Supports:
		v.Supports.add(limit, newRelRow(row, nil))
	}
}

// articleView is what an article's page shows.
type articleView struct {
	Node     graph.Node
	Text     []segment
	Quotes   []claimRow
	Mentions []link
}

func (s *server) articleView(ctx context.Context, n graph.Node) (*articleView, error) {
	v := &articleView{Node: n}
	var spans []quoteSpan
	for e, err := range s.r.Neighbors(ctx, n.ID, graph.Out, graph.Mentions) {
		if err != nil {
			return nil, err
		}
		ent, err := s.r.Node(ctx, e.To)
		if err != nil {
			return nil, fmt.Errorf("read %s: %w", e.To, err)
		}
		v.Mentions = append(v.Mentions, linkTo(ent))
		if !ent.Kind.IsSpeaker() {
			continue
		}
		for row, err := range ask.Said(ctx, s.r, ask.SaidQuery{By: ent.ID, Article: n.ID}) {
			if err != nil {
				return nil, err
			}
			v.Quotes = append(v.Quotes, newClaimRow(row, ""))
			spans = append(spans, quoteSpan{Start: row.Edge.Start, End: row.Edge.End,
				Speakers: []link{linkTo(row.Speaker)}, Claim: linkTo(row.Claim)})
		}
	}
	slices.SortStableFunc(v.Quotes, func(a, b claimRow) int {
		return cmp.Or(cmp.Compare(a.Start, b.Start), cmp.Compare(a.End, b.End), cmp.Compare(a.Speaker.Name, b.Speaker.Name))
	})
	slices.SortFunc(v.Mentions, func(a, b link) int { return cmp.Or(cmp.Compare(a.Kind, b.Kind), cmp.Compare(a.Name, b.Name)) })
	v.Text = segments(n.Text, spans)
	return v, nil
}
