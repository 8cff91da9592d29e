package contradict

import (
	"slices"
	"testing"
)

func TestCompareFindsOppositesAndLeavesTheRestAlone(t *testing.T) {
	cases := []struct {
		name string
		a, b string
		want []string // nil: not a candidate
	}{
		{"a negated report of a quote is a negation", "The port deal will create four thousand jobs in Dunmore by next spring",
			"the port deal would not create four thousand jobs in Dunmore by next spring", []string{Negation}},
		{"a contraction negates too", "We will win the northern seats", "We won't win the northern seats", []string{Negation}},
		{"never negates", "The mayor has met the investors", "The mayor has never met the investors", []string{Negation}},
		{"support against oppose is a reversal", "the Liberty Front supports the Dunmore bypass", "the Liberty Front opposes the Dunmore bypass", []string{Reversal}},
		{"true against false is a reversal", "the figures in the report are true", "the figures in the report are false", []string{Reversal}},
		{"a changed number is a number change", "the harbour levy would raise 40 million crowns for Dunmore schools",
			"the harbour levy would raise 25 million crowns for Dunmore schools", []string{Number}},
		{"digits and number words of the same value agree", "the deal creates 4,000 jobs in the valley", "the deal creates four thousand jobs in the valley", nil},
		{"a trimmed copy is no contradiction", "The port deal will create four thousand jobs in Dunmore by next spring",
			"The port deal will create four thousand jobs in Dunmore", nil},
		{"a will/would rewording is no contradiction", "The port deal will create jobs", "The port deal would create jobs", nil},
		{"different statements with a negation are not compared", "the harbour levy would raise 40 million crowns for Dunmore schools",
			"the harbour levy would not raise taxes for families in Dunmore", nil},
		{"double negation is no negation", "the count was not unfair and not rigged", "the count was unfair and rigged", nil},
		{"the same frame with other substance is not a reversal", "the Dunmore council won the ferry contract",
			"the Dunmore council lost the harbour accounts", nil},
		{"unrelated claims are not candidates", "Dunmore deserved a fair share of the port revenue", "the container terminal was still the right choice", nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f, ok := Compare(c.a, c.b)
			if ok != (c.want != nil) || !slices.Equal(f.Kinds, c.want) {
				t.Errorf("Compare = %v (core %.2f), ok %v; want %v", f.Kinds, f.Core, ok, c.want)
			}
			if g, _ := Compare(c.b, c.a); !slices.Equal(g.Kinds, f.Kinds) {
				t.Errorf("Compare is not symmetric: %v then %v", f.Kinds, g.Kinds)
			}
		})
	}
}

func TestNumberReadsDigitsAndWords(t *testing.T) {
	cases := []struct {
		name  string
		words []string
		want  string
		used  int
	}{
		{"digits", []string{"40"}, "40", 1},
		{"digits with a scale word", []string{"40", "million", "crowns"}, "40000000", 2},
		{"number words", []string{"four", "thousand", "jobs"}, "4000", 2},
		{"hundreds and tens", []string{"two", "hundred", "and", "fifty"}, "250", 4},
		{"a trailing and is not part of it", []string{"three", "and", "four"}, "3", 1},
		{"a word is no number", []string{"jobs"}, "", 0},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, used := number(c.words)
			if got != c.want || used != c.used {
				t.Errorf("number(%q) = %q, %d; want %q, %d", c.words, got, used, c.want, c.used)
			}
		})
	}
}

func TestNegatedCountsNegators(t *testing.T) {
	cases := []struct {
		name string
		text string
		want bool
	}{
		{"a plain statement", "the deal will create jobs", false},
		{"not", "the deal will not create jobs", true},
		{"n't", "the deal won't create jobs", true},
		{"two negators cancel", "it is not true that nobody came", false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := Negated(c.text); got != c.want {
				t.Errorf("Negated(%q) = %v, want %v", c.text, got, c.want)
			}
		})
	}
}
