package ask_test

import (
	"context"
	"errors"
	"testing"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/ask"
)

func TestResolveFindsNodes(t *testing.T) {
	g := fixture(t)
	tests := []struct {
		name  string
		query string
		kinds []graph.Kind
		want  []string
	}{
		{"an entity ID finds its node", marsh, nil, []string{marsh}},
		{"a claim ID finds the claim", cBudget, nil, []string{cBudget}},
		{"an article ID finds the article", art1, nil, []string{art1}},
		{"the canonical name finds the entity", "Lena Marsh", nil, []string{marsh}},
		{"a surname alias finds the entity", "Marsh", nil, []string{marsh}},
		{"an alias matches case-insensitively", "mArSh", nil, []string{marsh}},
		{"an acronym alias finds the party", "FUP", nil, []string{fup}},
		{"a lower-case acronym finds the party", "fup", nil, []string{fup}},
		{"a name in upper case finds the party", "FORWARD UNION PARTY", nil, []string{fup}},
		{"surrounding space is ignored", "  Marsh \t", nil, []string{marsh}},
		{"an ambiguous alias finds every node, by ID", "Vale", nil, []string{vale, valePl}},
		{"a kind filter keeps the person of an ambiguous alias", "Vale", []graph.Kind{graph.Person}, []string{vale}},
		{"a kind filter keeps the place of an ambiguous alias", "vale", []graph.Kind{graph.Place}, []string{valePl}},
		{"several kinds may be wanted", "Vale", []graph.Kind{graph.Party, graph.Place}, []string{valePl}},
		{"a kind filter applies to IDs too", fup, []graph.Kind{graph.Party}, []string{fup}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			nodes, err := ask.Resolve(context.Background(), g, tt.query, tt.kinds...)
			if err != nil {
				t.Fatalf("Resolve(%q): %v", tt.query, err)
			}
			var got []string
			for _, n := range nodes {
				got = append(got, n.ID)
			}
			equalLists(t, "nodes", got, tt.want)
		})
	}
}

func TestResolveReportsNoMatch(t *testing.T) {
	g := fixture(t)
	speakers := []graph.Kind{graph.Person, graph.Party, graph.Organization}
	tests := []struct {
		name    string
		query   string
		kinds   []graph.Kind
		wantMsg string
	}{
		{"an unknown name matches no node", "Nobody Atall", nil, `no node named "Nobody Atall"`},
		{"an unknown speaker names the speaker kinds", "X", speakers,
			`no person, party or organization named "X"`},
		{"a place is not a speaker", "Port Elm", speakers,
			`no person, party or organization named "Port Elm"`},
		{"one wanted kind is named alone", "Marsh", []graph.Kind{graph.Party}, `no party named "Marsh"`},
		{"two wanted kinds are joined by or", "Marsh", []graph.Kind{graph.Party, graph.Organization},
			`no party or organization named "Marsh"`},
		{"an unknown ID falls back to the name index and fails", "person/nobody", nil,
			`no node named "person/nobody"`},
		{"an empty name matches nothing", "   ", nil, `no node named ""`},
		{"a claim's text is not a name", budgetText, nil, `no node named "` + budgetText + `"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			nodes, err := ask.Resolve(context.Background(), g, tt.query, tt.kinds...)
			if err == nil {
				t.Fatalf("Resolve(%q) = %v, want an error", tt.query, nodes)
			}
			if !errors.Is(err, ask.ErrNoMatch) {
				t.Errorf("errors.Is(%v, ErrNoMatch) = false", err)
			}
			var nm *ask.NoMatchError
			if !errors.As(err, &nm) {
				t.Fatalf("error %T is not a *NoMatchError", err)
			}
			if err.Error() != tt.wantMsg {
				t.Errorf("message %q, want %q", err.Error(), tt.wantMsg)
			}
		})
	}
}

func TestResolvePassesOnReaderErrors(t *testing.T) {
	_, err := ask.Resolve(context.Background(), failingReader{fixture(t)}, "Marsh")
	if !errors.Is(err, errBroken) {
		t.Fatalf("error %v does not wrap the reader's error", err)
	}
	if errors.Is(err, ask.ErrNoMatch) {
		t.Errorf("a failing reader is reported as no match: %v", err)
	}
}
