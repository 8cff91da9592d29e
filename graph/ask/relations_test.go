package ask_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/ask"
)

// disputeKey is a row as "from rel to article [speakers]", in fixture names.
func disputeKey(r ask.DisputeRow) string {
	var sp []string
	for _, s := range r.Speakers {
		sp = append(sp, short(s.ID))
	}
	return short(r.From.ID) + " " + string(r.Edge.Rel) + " " + short(r.To.ID) + " " +
		short(r.Article.ID) + " [" + strings.Join(sp, ",") + "]"
}

func TestDisputesFindsBothDirections(t *testing.T) {
	g := fixture(t)
	const (
		valePort    = "Vale disputes port art2 [FUP]"
		valeFares   = "Vale disputes fares art2 [FUP]"
		fictionBudg = "fiction disputes budget art3 [Marsh]"
		quillBridge = "Quill supports bridge art2 [Marsh]"
	)
	tests := []struct {
		name string
		who  string
		rel  graph.Rel
		want []string
	}{
		{"a person's disputes of a party's claims are listed under the person", "Oskar Vale", graph.Disputes,
			[]string{valePort, valeFares}},
		{"the same disputes are listed under the disputed party", "FUP", graph.Disputes,
			[]string{valePort, valeFares}},
		{"a claim disputing a speaker's claim is listed under the speaker", "Marsh", graph.Disputes,
			[]string{fictionBudg}},
		{"a disputed claim's ID lists what disputes it", cBudget, graph.Disputes, []string{fictionBudg}},
		{"a disputing claim's ID lists what it disputes", cFiction, graph.Disputes, []string{fictionBudg}},
		{"an ambiguous alias unites its nodes' disputes", "Vale", graph.Disputes,
			[]string{valePort, valeFares}},
		{"someone in no dispute gives no rows", "Quill", graph.Disputes, nil},
		{"an empty name lists every dispute", "", graph.Disputes,
			[]string{valePort, valeFares, fictionBudg}},
		{"supports lists the supporter's support", "Quill", graph.Supports, []string{quillBridge}},
		{"supports lists support of a speaker's claim, each speaker once", "Lena Marsh", graph.Supports,
			[]string{quillBridge}},
		{"an empty name lists every support", "", graph.Supports, []string{quillBridge}},
		{"supports of someone only disputed gives no rows", "FUP", graph.Supports, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, r := range collect(t, ask.Disputes(context.Background(), g, tt.who, tt.rel)) {
				got = append(got, disputeKey(r))
				if r.Edge.Evidence == "" || (r.Article.Date == "" && r.Article.ID != art3) {
					t.Errorf("row %s lacks its evidence or date", disputeKey(r))
				}
			}
			equalLists(t, "rows", sorted(got), sorted(tt.want))
		})
	}
}

func TestDisputesReportsUnknownNames(t *testing.T) {
	_, err := firstError(ask.Disputes(context.Background(), fixture(t), "Nobody", graph.Disputes))
	if !errors.Is(err, ask.ErrNoMatch) || err.Error() != `no node named "Nobody"` {
		t.Fatalf("error %v, want no node named \"Nobody\"", err)
	}
}

func TestMembersListsRoles(t *testing.T) {
	g := fixture(t)
	tests := []struct {
		name  string
		group string
		want  []string
	}{
		{"a party's acronym lists its members with their roles", "FUP",
			[]string{"Marsh provincial chair art1", "Quill  art2"}},
		{"a party's name lists the same members", "forward union party",
			[]string{"Marsh provincial chair art1", "Quill  art2"}},
		{"a party's ID lists its member", civic, []string{"Vale deputy leader art2"}},
		{"an organization without members gives no rows", "Harbour Board", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, r := range collect(t, ask.Members(context.Background(), g, tt.group)) {
				got = append(got, short(r.From.ID)+" "+r.Edge.Role+" "+short(r.Article.ID))
				if r.Edge.Rel != graph.MemberOf || r.Edge.Evidence == "" || r.Article.Text != "" {
					t.Errorf("row %+v: want a member-of edge with evidence and no article text", r.Edge)
				}
			}
			equalLists(t, "members", sorted(got), sorted(tt.want))
		})
	}
}

func TestMembersWantsAPartyOrOrganization(t *testing.T) {
	_, err := firstError(ask.Members(context.Background(), fixture(t), "Marsh"))
	if !errors.Is(err, ask.ErrNoMatch) || err.Error() != `no party or organization named "Marsh"` {
		t.Fatalf("error %v, want no party or organization named \"Marsh\"", err)
	}
}

// TestIteratorsStopWhenAsked ranges over each iterator and breaks after the
// first row: an iterator that yielded again would make range panic.
func TestIteratorsStopWhenAsked(t *testing.T) {
	g := fixture(t)
	ctx := context.Background()
	tests := []struct {
		name  string
		count func() int
	}{
		{"said", func() int { return first(ask.Said(ctx, g, ask.SaidQuery{})) }},
		{"disputes of everyone", func() int { return first(ask.Disputes(ctx, g, "", graph.Disputes)) }},
		{"disputes of a party", func() int { return first(ask.Disputes(ctx, g, "FUP", graph.Disputes)) }},
		{"members", func() int { return first(ask.Members(ctx, g, "FUP")) }},
		{"neighbors", func() int { return first(ask.Neighbors(ctx, g, "Marsh", 3)) }},
		{"search", func() int { return first(ask.Search(ctx, g, fakeSearcher{g}, "budget")) }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if n := tt.count(); n != 1 {
				t.Errorf("got %d rows before breaking, want 1", n)
			}
		})
	}
}

// first ranges over seq until its first row or error and counts the rows.
func first[T any](seq func(func(T, error) bool)) int {
	n := 0
	for _, err := range seq {
		if err != nil {
			return -1
		}
		n++
		break
	}
	return n
}

func TestCancelledContextEndsEveryQuestion(t *testing.T) {
	g := fixture(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	tests := []struct {
		name string
		run  func() error
	}{
		{"said by", func() error { _, err := firstError(ask.Said(ctx, g, ask.SaidQuery{By: "Marsh"})); return err }},
		{"said by anyone", func() error { _, err := firstError(ask.Said(ctx, g, ask.SaidQuery{})); return err }},
		{"disputes", func() error { _, err := firstError(ask.Disputes(ctx, g, "FUP", graph.Disputes)); return err }},
		{"members", func() error { _, err := firstError(ask.Members(ctx, g, "FUP")); return err }},
		{"neighbors", func() error { _, err := firstError(ask.Neighbors(ctx, g, "Marsh", 2)); return err }},
		{"timeline", func() error { _, err := ask.Timeline(ctx, g, "Marsh"); return err }},
		{"path", func() error { _, err := ask.Path(ctx, g, "Marsh", "Oskar Vale", ask.PathOptions{}); return err }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if err := tt.run(); !errors.Is(err, context.Canceled) {
				t.Errorf("error %v, want context.Canceled", err)
			}
		})
	}
}
