package factcheck

import (
	"context"
	"iter"
	"slices"
	"strings"
	"testing"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/mem"
)

const (
	quist = "person/mara-quist"
	renn  = "person/tobias-renn"
	a1    = "article/00000000000000a1"
	a2    = "article/00000000000000a2"
)

var (
	schools = "The harbour tax will pay for every new school in Port Aldren, and there will be money left over"
	crime   = "Crime in the old town has doubled in two years"
	ferry   = "the night ferry will run to Kell Island from May"
	bridge  = "We will build the bridge before the winter"
)

// fixture is a small graph: Quist said the schools claim in a1, Renn the
// crime and bridge claims in a2, and the ferry claim has no speaker.
func fixture(t *testing.T) *mem.Graph {
	t.Helper()
	g := mem.New()
	claim := func(text string) graph.Node {
		return graph.Node{ID: graph.ClaimID(text), Kind: graph.Claim, Name: text, Text: text}
	}
	sub := graph.Subgraph{
		Nodes: []graph.Node{
			{ID: quist, Kind: graph.Person, Name: "Mara Quist", Aliases: []string{"Quist"}},
			{ID: renn, Kind: graph.Person, Name: "Tobias Renn", Aliases: []string{"Renn"}},
			{ID: "party/harbour-party", Kind: graph.Party, Name: "Harbour Party"},
			{ID: a1, Kind: graph.Article, Name: "One", Title: "One", Date: "2025-03-10"},
			{ID: a2, Kind: graph.Article, Name: "Two", Title: "Two", Date: "2025-03-14"},
			claim(schools), claim(crime), claim(ferry), claim(bridge),
		},
		Edges: []graph.Edge{
			{From: quist, Rel: graph.Said, To: graph.ClaimID(schools), Article: a1},
			{From: renn, Rel: graph.Said, To: graph.ClaimID(crime), Article: a2},
			{From: renn, Rel: graph.Said, To: graph.ClaimID(bridge), Article: a2},
			{From: quist, Rel: graph.Said, To: graph.ClaimID(schools), Article: a2},
		},
	}
	if _, err := g.Write(context.Background(), []graph.Subgraph{sub}); err != nil {
		t.Fatal(err)
	}
	return g
}

// scanSearcher answers SearchClaims by scanning the claims, as the
// store's word index would answer.
type scanSearcher struct{ r graph.Reader }

func (s scanSearcher) SearchClaims(ctx context.Context, query string) iter.Seq2[string, error] {
	return func(yield func(string, error) bool) {
		words := strings.Fields(graph.NormalizeText(query))
		for n, err := range s.r.NodesOfKind(ctx, graph.Claim) {
			if err != nil {
				yield("", err)
				return
			}
			have := strings.Fields(graph.NormalizeText(n.Text))
			if !slices.ContainsFunc(words, func(w string) bool { return !slices.Contains(have, w) }) && !yield(n.ID, nil) {
				return
			}
		}
	}
}

func TestLinkFindsTheClaimAReviewRates(t *testing.T) {
	cases := []struct {
		name       string
		review     Review
		status     Status
		rule       string
		claim      string // text of the claim linked; "" for the review's own text
		speaker    string
		saidByFact bool // a factcheck/claimant said edge is planned
	}{
		{"a quote with curly quotes and no comma links to the speaker's claim",
			Review{ClaimText: "“The harbour tax will pay for every new school in Port Aldren”", Claimant: "Mara Quist"},
			Linked, RuleSpeaker, schools, quist, false},
		{"a claimant with a title and a description resolves through the alias index",
			Review{ClaimText: "Says crime in the old town has doubled in two years.", Claimant: "Councillor Renn, Civic League"},
			Linked, RuleSpeaker, crime, renn, false},
		{"the same words link exactly whoever is named",
			Review{ClaimText: "We will build the bridge before the winter!", Claimant: "Someone Else"},
			Linked, RuleExact, bridge, "person/someone-else", false},
		{"a near copy of another speaker's claim is not given to the claimant",
			Review{ClaimText: "The harbour tax will pay for every new school in Port Aldren", Claimant: "Tobias Renn"},
			Created, RuleOwnClaim, "", renn, true},
		{"an unattributed claim found through the word index gets the claimant",
			Review{ClaimText: "The night ferry will run to Kell Island from May.", Claimant: "Quist"},
			Linked, RuleExact, ferry, quist, true},
		{"a paraphrase of an unattributed claim is found through the word index",
			Review{ClaimText: "The night ferry will run to Kell Island from May onwards", Claimant: "Quist"},
			Linked, RuleIndex, ferry, quist, true},
		{"a review naming nobody links through the word index to anyone's claim",
			Review{ClaimText: "crime in the old town has doubled in just two years"},
			Linked, RuleIndex, crime, "", false},
		{"another claim of the speaker is not mistaken for the reviewed one",
			Review{ClaimText: "Port Aldren has the lowest rents on the coast.", Claimant: "Mara Quist"},
			Created, RuleOwnClaim, "", quist, true},
		{"an unknown claimant becomes a new person",
			Review{ClaimText: "The moon is made of cheese.", Claimant: "Viral post"},
			Created, RuleOwnClaim, "", "person/viral-post", true},
		{"an unknown organisation claimant becomes an organization",
			Review{ClaimText: "The moon is made of cheese.", Claimant: "Cheese Board", ClaimantType: "Organization"},
			Created, RuleOwnClaim, "", "organization/cheese-board", true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			g := fixture(t)
			plan, err := Link(context.Background(), g, scanSearcher{g}, []Review{c.review}, Options{})
			if err != nil {
				t.Fatal(err)
			}
			o := plan.Links[0]
			want := c.claim
			if want == "" {
				want = c.review.ClaimText
			}
			if o.Status != c.status || o.Rule != c.rule || o.Claim.ID != graph.ClaimID(want) || o.Speaker.ID != c.speaker {
				t.Errorf("got %s by %s to %q (%s), want %s by %s to %q (%s)", o.Status, o.Rule, o.Claim.Text, o.Speaker.ID,
					c.status, c.rule, want, c.speaker)
			}
			said := slices.ContainsFunc(plan.Subgraph.Edges, func(e graph.Edge) bool { return e.Rule == RuleClaimant })
			if said != c.saidByFact {
				t.Errorf("claimant said edge planned: %v, want %v", said, c.saidByFact)
			}
			if !slices.ContainsFunc(plan.Subgraph.Edges, func(e graph.Edge) bool {
				return e.Rel == graph.Reviews && e.From == o.Factcheck.ID && e.To == o.Claim.ID
			}) {
				t.Errorf("no reviews edge %s -> %s in %+v", o.Factcheck.ID, o.Claim.ID, plan.Subgraph.Edges)
			}
		})
	}
}

func TestLinkTwiceChangesNothing(t *testing.T) {
	ctx := context.Background()
	g := fixture(t)
	reviews := []Review{
		{ClaimText: "Crime in the old town has doubled.", Claimant: "Renn", URL: "https://a.example/1", Rating: "False", Verdict: "false"},
		{ClaimText: "Rents are the lowest on the coast.", Claimant: "Quist", URL: "https://a.example/2", Verdict: "unrated"},
		{ClaimText: "Rents are the lowest on the coast", Claimant: "Quist", URL: "https://b.example/9", Verdict: "mostly-false"},
	}
	plan, err := Link(ctx, g, scanSearcher{g}, reviews, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if got := plan.Links[2].Status; got != Created {
		t.Errorf("a second review of a claim made in the same batch is %s, want %s", got, Created)
	}
	st, err := g.Write(ctx, []graph.Subgraph{plan.Subgraph})
	if err != nil || st.Nodes != 4 || st.Edges != 4 {
		t.Fatalf("first write: %+v, %v; want 4 nodes (3 factchecks, 1 claim) and 4 edges", st, err)
	}
	again, err := Link(ctx, g, scanSearcher{g}, reviews, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, o := range again.Links {
		if !o.Stored {
			t.Errorf("review %s not recognised as stored", o.Review.URL)
		}
	}
	st, err = g.Write(ctx, []graph.Subgraph{again.Subgraph})
	if err != nil || st.Nodes != 0 || st.Edges != 0 {
		t.Errorf("second write: %+v, %v; want nothing new", st, err)
	}
}

func TestFactcheckIDIsStableAndPerClaim(t *testing.T) {
	a := Review{ClaimText: "Crime doubled.", URL: "https://a.example/1"}
	b := Review{ClaimText: "“Crime doubled”", URL: "https://a.example/1"}
	c := Review{ClaimText: "Rents fell.", URL: "https://a.example/1"}
	if FactcheckID(a) != FactcheckID(b) {
		t.Error("quotes and punctuation change the ID")
	}
	if FactcheckID(a) == FactcheckID(c) {
		t.Error("two claims reviewed on one page share an ID")
	}
	if id := FactcheckID(a); graph.KindOfID(id) != graph.Factcheck || len(id) != len("factcheck/")+16 {
		t.Errorf("ID %q", id)
	}
	n := FactcheckNode(Review{ClaimText: "x", Publisher: "Desk", Rating: "Pants on Fire", Verdict: "false", Appearances: []string{"https://p.example"}})
	if n.Name != "Desk: Pants on Fire" || n.Verdict != "false" || n.Source != "https://p.example" || n.Author != "Desk" {
		t.Errorf("node %+v", n)
	}
}

func TestVerdictsTallyASpeakersReviews(t *testing.T) {
	ctx := context.Background()
	g := fixture(t)
	reviews := []Review{
		{ClaimText: "The harbour tax will pay for every new school", Claimant: "Quist", URL: "https://a.example/1", Rating: "Misleading", Verdict: "mostly-false"},
		{ClaimText: "The harbour tax will pay for every new school in Port Aldren", Claimant: "Quist", URL: "https://b.example/1", Rating: "False", Verdict: "false"},
		{ClaimText: "Rents are the lowest on the coast", Claimant: "Quist", URL: "https://a.example/2", Appearances: []string{"https://social.example/1"}, Verdict: "unrated"},
		{ClaimText: crime, Claimant: "Renn", URL: "https://a.example/3", Verdict: "false"},
	}
	plan, err := Link(ctx, g, scanSearcher{g}, reviews, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := g.Write(ctx, []graph.Subgraph{plan.Subgraph}); err != nil {
		t.Fatal(err)
	}
	rows, tally, err := Verdicts(ctx, g, "Mara Quist")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, r := range rows {
		got = append(got, r.Factcheck.Verdict+" "+r.First.Date+" "+r.Factcheck.URL)
	}
	want := []string{
		"mostly-false 2025-03-10 https://a.example/1",
		"false 2025-03-10 https://b.example/1",
		"unrated  https://a.example/2",
	}
	if !slices.Equal(got, want) {
		t.Errorf("rows\n got %q\nwant %q", got, want)
	}
	counts := map[string]int{}
	for _, x := range tally {
		counts[x.Verdict] = x.Count
	}
	if len(tally) != len(VerdictOrder) || counts["false"] != 1 || counts["mostly-false"] != 1 || counts["unrated"] != 1 || counts["true"] != 0 {
		t.Errorf("tally %+v", tally)
	}
	if _, _, err := Verdicts(ctx, g, "Nobody At All"); err == nil {
		t.Error("an unknown name gave no error")
	}
}

func TestComparableDropsOnlyASummaryOpening(t *testing.T) {
	cases := []struct {
		name, text, claimant, want string
	}{
		{"Says at the start is dropped", "Says the count was fair.", "Mara Quist", "the count was fair"},
		{"the claimant's name and claims that are dropped", "Mara Quist claims that the count was fair", "Mara Quist", "the count was fair"},
		{"a pronoun and says are dropped", "She said the count was fair", "Mara Quist", "the count was fair"},
		{"a quote whose subject is not the claimant is kept", "Nobody says the count was fair", "Mara Quist", "nobody says the count was fair"},
		{"a cue followed by too little is kept", "Says no", "", "says no"},
		{"a text without a cue is kept", "The count was fair", "", "the count was fair"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := comparable(c.text, c.claimant); got != c.want {
				t.Errorf("comparable(%q, %q) = %q, want %q", c.text, c.claimant, got, c.want)
			}
		})
	}
	if got := indexWords("they would have said that the harbour levy doubled"); !slices.Equal(got, []string{"harbour", "doubled", "levy"}) {
		t.Errorf("indexWords = %q", got)
	}
}
