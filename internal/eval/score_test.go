package eval

import (
	"slices"
	"testing"
)

func TestWordsFollowTheRulersPattern(t *testing.T) {
	for _, tc := range []struct {
		name, in string
		want     []string
	}{
		{"plain words and numbers", "The 8 elections", []string{"The", "8", "elections"}},
		{"an apostrophe joins letters", "Khan's party don’t", []string{"Khan's", "party", "don’t"}},
		{"an apostrophe before a digit does not join", "rock'n'roll '90s 1'2", []string{"rock'n", "roll", "90s", "1", "2"}},
		{"punctuation and non-ASCII letters split words", "José—U.S.", []string{"Jos", "U", "S"}},
		{"a trailing apostrophe is dropped", "voters' anger", []string{"voters", "anger"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := words(tc.in); !slices.Equal(got, tc.want) {
				t.Errorf("words(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

func TestOverlapF1(t *testing.T) {
	for _, tc := range []struct {
		name string
		a, b string
		want float64
	}{
		{"identical texts", "We won the vote", "we won the vote", 1},
		{"quotation marks and case do not matter", "“We won,”", "we won", 1},
		{"half the words", "we won", "we won the vote", 2 * 1 * 0.5 / 1.5},
		{"nothing shared", "a b", "c d", 0},
		{"repeated words count once each side", "no no no", "no", 2 * (1.0 / 3) * 1 / (1.0/3 + 1)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := overlapF1(newBag(tc.a), newBag(tc.b)); got != tc.want {
				t.Errorf("overlapF1(%q, %q) = %v, want %v", tc.a, tc.b, got, tc.want)
			}
		})
	}
}

func TestNameMatching(t *testing.T) {
	for _, tc := range []struct {
		name   string
		names  []string
		source string
		want   bool
	}{
		{"a shared surname", []string{"Jane Roe", "Roe"}, "Ms. Roe", true},
		{"a shared acronym", []string{"CRP"}, "the CRP", true},
		{"generic words do not count", []string{"Citizens Party"}, "the party leader", false},
		{"pronouns are not names", []string{"He"}, "he", false},
		{"short capitalised words do not count", []string{"Al Bo"}, "Al Bo", false},
		{"two-letter acronyms count", []string{"UN"}, "the UN", true},
		{"a possessive is a different word", []string{"Clinton"}, "Clinton's campaign", false},
		{"no names", nil, "Roe", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := nameMatches(tc.names, tc.source); got != tc.want {
				t.Errorf("nameMatches(%q, %q) = %v, want %v", tc.names, tc.source, got, tc.want)
			}
		})
	}
}

func TestMatchIsGreedyAndOneToOne(t *testing.T) {
	gold := []bag{newBag("a b c d"), newBag("a b c d")}
	pred := []bag{newBag("a b c d"), newBag("a b c"), newBag("x y")}
	got := match(gold, pred, 0.5)
	// Both golds score 1.0 with pred 0; the larger gold index wins the tie,
	// as in Python's reverse sort of (f, i, j).
	want := [][2]int{{1, 0}, {0, 1}}
	if !slices.Equal(got, want) {
		t.Errorf("match = %v, want %v", got, want)
	}
}
