package ask_test

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/ask"
	"github.com/claimgraph/claimgraph/graph/mem"
)

// saidKey is a row as "speaker claim article", in fixture names.
func saidKey(r ask.SaidRow) string {
	return short(r.Speaker.ID) + " " + short(r.Claim.ID) + " " + short(r.Article.ID)
}

func TestSaidSelectsRows(t *testing.T) {
	g := fixture(t)
	marshRows := []string{"Marsh budget art1", "Marsh bridge art1", "Marsh bridge art2", "Marsh taxes art2"}
	tests := []struct {
		name string
		q    ask.SaidQuery
		want []string
	}{
		{"by a canonical name lists every claim of the speaker", ask.SaidQuery{By: "Lena Marsh"}, marshRows},
		{"by a lower-case alias lists the same claims", ask.SaidQuery{By: "marsh"}, marshRows},
		{"by an ID lists the same claims", ask.SaidQuery{By: marsh}, marshRows},
		{"by a party's acronym lists the party's claims", ask.SaidQuery{By: "fup"},
			[]string{"FUP port art1", "FUP fares art2"}},
		{"by an ambiguous alias keeps only the speakers", ask.SaidQuery{By: "Vale"},
			[]string{"Vale fiction art3"}},
		{"about an organization lists claims about it by anyone", ask.SaidQuery{About: "Harbour Board"},
			[]string{"Marsh budget art1", "FUP port art1", "FUP fares art2", "Vale fiction art3"}},
		{"about a party's acronym lists claims about the party", ask.SaidQuery{About: "FUP"},
			[]string{"FUP port art1", "Marsh taxes art2"}},
		{"by and about together keep the claims that are both", ask.SaidQuery{By: "Marsh", About: "FUP"},
			[]string{"Marsh taxes art2"}},
		{"by and about may name the same entity", ask.SaidQuery{By: "FUP", About: "FUP"},
			[]string{"FUP port art1"}},
		{"by and about with nothing in common give no rows", ask.SaidQuery{By: "Vale", About: "FUP"}, nil},
		{"since is inclusive", ask.SaidQuery{By: "Marsh", Since: "2024-03-15"},
			[]string{"Marsh bridge art2", "Marsh taxes art2"}},
		{"until is inclusive", ask.SaidQuery{By: "Marsh", Until: "2024-03-01"},
			[]string{"Marsh budget art1", "Marsh bridge art1"}},
		{"since and until on one day give that day", ask.SaidQuery{By: "Marsh", Since: "2024-03-01", Until: "2024-03-01"},
			[]string{"Marsh budget art1", "Marsh bridge art1"}},
		{"a range between the articles gives no rows", ask.SaidQuery{By: "Marsh", Since: "2024-03-02", Until: "2024-03-14"}, nil},
		{"a month as until includes the whole month", ask.SaidQuery{By: "Marsh", Until: "2024-03"}, marshRows},
		{"a date bound leaves out undated articles", ask.SaidQuery{About: "Harbour Board", Since: "2024-01-01"},
			[]string{"Marsh budget art1", "FUP port art1", "FUP fares art2"}},
		{"an article filter keeps that article's rows", ask.SaidQuery{Article: art2},
			[]string{"Marsh bridge art2", "Marsh taxes art2", "FUP fares art2"}},
		{"an article filter combines with by", ask.SaidQuery{By: "Marsh", Article: art1},
			[]string{"Marsh budget art1", "Marsh bridge art1"}},
		{"an unknown article gives no rows", ask.SaidQuery{Article: "article/0000000000000000"}, nil},
		{"no filter lists every said edge", ask.SaidQuery{},
			[]string{"Marsh budget art1", "Marsh bridge art1", "Marsh bridge art2", "Marsh taxes art2",
				"FUP port art1", "FUP fares art2", "Vale fiction art3"}},
		{"since alone filters every said edge", ask.SaidQuery{Since: "2024-03-15"},
			[]string{"Marsh bridge art2", "Marsh taxes art2", "FUP fares art2"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, r := range collect(t, ask.Said(context.Background(), g, tt.q)) {
				got = append(got, saidKey(r))
			}
			equalLists(t, "rows", sorted(got), sorted(tt.want))
		})
	}
}

func TestSaidRowsComeInIndexOrder(t *testing.T) {
	g := fixture(t)
	for _, q := range []ask.SaidQuery{{By: "Marsh"}, {}} {
		rows := collect(t, ask.Said(context.Background(), g, q))
		if !slices.IsSortedFunc(rows, func(a, b ask.SaidRow) int {
			return cmp.Or(cmp.Compare(a.Speaker.ID, b.Speaker.ID), cmp.Compare(a.Claim.ID, b.Claim.ID),
				cmp.Compare(a.Article.ID, b.Article.ID))
		}) {
			t.Errorf("Said(%+v) rows are not in (speaker, claim, article) order", q)
		}
	}
}

func TestSaidRowsCarryArticleAndEvidence(t *testing.T) {
	g := fixture(t)
	rows := collect(t, ask.Said(context.Background(), g, ask.SaidQuery{By: "Marsh", About: "FUP"}))
	if len(rows) != 1 {
		t.Fatalf("got %d rows, want 1", len(rows))
	}
	r := rows[0]
	checks := []struct {
		what      string
		got, want string
	}{
		{"speaker name", r.Speaker.Name, "Lena Marsh"},
		{"claim text", r.Claim.Text, taxesText},
		{"article ID", r.Article.ID, art2},
		{"article date", r.Article.Date, "2024-03-15"},
		{"article title", r.Article.Title, "Bridge and taxes"},
		{"article text (rows never carry it)", r.Article.Text, ""},
		{"evidence", r.Edge.Evidence, `"Taxes will not rise this year," the governor said of the FUP's plans.`},
		{"span", textMarch15[r.Edge.Start:r.Edge.End], "Taxes"},
	}
	for _, c := range checks {
		if c.got != c.want {
			t.Errorf("%s = %q, want %q", c.what, c.got, c.want)
		}
	}
}

func TestSaidGivesOneRowPerArticleOfAClaim(t *testing.T) {
	g := fixture(t)
	var dates []string
	for _, r := range collect(t, ask.Said(context.Background(), g, ask.SaidQuery{By: "Marsh"})) {
		if r.Claim.ID == cBridge {
			dates = append(dates, r.Article.Date)
			if !strings.Contains(strings.ToLower(r.Edge.Evidence), "the bridge will open in may") {
				t.Errorf("evidence %q does not hold the claim", r.Edge.Evidence)
			}
		}
	}
	equalLists(t, "dates of the bridge claim", dates, []string{"2024-03-01", "2024-03-15"})
}

func TestSaidReportsUnknownNames(t *testing.T) {
	g := fixture(t)
	tests := []struct {
		name    string
		q       ask.SaidQuery
		wantMsg string
	}{
		{"an unknown speaker", ask.SaidQuery{By: "Nobody"}, `no person, party or organization named "Nobody"`},
		{"a place as speaker", ask.SaidQuery{By: "Port Elm"}, `no person, party or organization named "Port Elm"`},
		{"an unknown subject", ask.SaidQuery{About: "Nowhere"}, `no node named "Nowhere"`},
		{"an unknown subject with a known speaker", ask.SaidQuery{By: "Marsh", About: "Nowhere"}, `no node named "Nowhere"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rows, err := firstError(ask.Said(context.Background(), g, tt.q))
			if len(rows) != 0 {
				t.Errorf("got %d rows before the error", len(rows))
			}
			if !errors.Is(err, ask.ErrNoMatch) || err.Error() != tt.wantMsg {
				t.Errorf("error %v, want %q wrapping ErrNoMatch", err, tt.wantMsg)
			}
		})
	}
}

// prolific returns a graph where one speaker says n claims, each in its own
// article and about one organization.
func prolific(t *testing.T, n int) *mem.Graph {
	t.Helper()
	speaker := graph.EntityID(graph.Person, "Nadia Prell")
	council := graph.EntityID(graph.Organization, "Quay Council")
	var subs []graph.Subgraph
	for i := range n {
		text := fmt.Sprintf("Prell said the quay will reopen in week %d.", i)
		art := graph.ArticleID([]byte(text))
		claim := graph.ClaimID(fmt.Sprintf("the quay will reopen in week %d", i))
		subs = append(subs, graph.Subgraph{Article: art,
			Nodes: []graph.Node{
				{ID: art, Kind: graph.Article, Name: "Quay", Date: fmt.Sprintf("2024-%02d-01", 1+i%12), Text: text},
				{ID: speaker, Kind: graph.Person, Name: "Nadia Prell", Aliases: []string{"Prell"}},
				{ID: council, Kind: graph.Organization, Name: "Quay Council"},
				{ID: claim, Kind: graph.Claim, Name: text, Text: text},
			},
			Edges: []graph.Edge{
				{From: speaker, Rel: graph.Said, To: claim, Article: art, Evidence: text},
				{From: claim, Rel: graph.About, To: council, Article: art, Evidence: text},
			}})
	}
	g := mem.New()
	if _, err := g.Write(context.Background(), subs); err != nil {
		t.Fatal(err)
	}
	return g
}

func TestSaidReadsLittleWhenTheCallerStopsEarly(t *testing.T) {
	g := prolific(t, 200)
	tests := []struct {
		name string
		q    ask.SaidQuery
	}{
		{"by a speaker", ask.SaidQuery{By: "Prell"}},
		{"about an entity", ask.SaidQuery{About: "Quay Council"}},
		{"with no filter", ask.SaidQuery{}},
		{"with a date filter", ask.SaidQuery{By: "Prell", Since: "2024-01-01"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := &countingReader{Reader: g}
			n := 0
			for _, err := range ask.Said(context.Background(), c, tt.q) {
				if err != nil {
					t.Fatal(err)
				}
				n++
				break
			}
			if n != 1 {
				t.Fatalf("got %d rows, want 1", n)
			}
			if e, s, r := c.edges.Load(), c.scanned.Load(), c.nodeReads.Load(); e > 4 || s > 4 || r > 8 {
				t.Errorf("read %d edges, scanned %d nodes and read %d nodes for one row of 200", e, s, r)
			}
		})
	}
}
