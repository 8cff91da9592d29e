package extract

import (
	"slices"
	"testing"
)

// tokensOf returns the text of each token, possessives marked "POSS".
func tokensOf(text string) []string {
	d := newDocument(text)
	var out []string
	for i, t := range d.toks {
		if t.kind == tPoss {
			out = append(out, "POSS")
			continue
		}
		out = append(out, d.tokText(i))
	}
	return out
}

func TestTokenize(t *testing.T) {
	for _, tc := range []struct {
		name string
		text string
		want []string
	}{
		{"a possessive is split off its word", "Khan's party", []string{"Khan", "POSS", "party"}},
		{"a curly possessive too", "Khan’s party", []string{"Khan", "POSS", "party"}},
		{"contractions and names with apostrophes stay whole", "don't O'Brien", []string{"don't", "O'Brien"}},
		{"dotted abbreviations are one word", "the U.S. and a.m.", []string{"the", "U.S.", "and", "a.m."}},
		{"hyphenated names and acronyms are one word", "Tehreek-e-Insaf MQM-P NA-241", []string{"Tehreek-e-Insaf", "MQM-P", "NA-241"}},
		{"numbers keep separators and percent signs", "1,200 3.5% 8th", []string{"1,200", "3.5%", "8th"}},
		{"handles and links are one token", "@LenaBrandt pic.twitter.com/Ab12", []string{"@LenaBrandt", "pic.twitter.com/Ab12"}},
		{"quotation marks are tokens of their own", "“yes” ''no''", []string{"“", "yes", "”", "''", "no", "''"}},
		{"a dash and an ellipsis are single tokens", "so -- then...", []string{"so", "--", "then", "..."}},
		{"a letter garbled by a Latin-1 reading stays in its word", "Ana TomÃ©s and RenA\u0303©e said",
			[]string{"Ana", "TomÃ©s", "and", "RenA\u0303©e", "said"}},
		{"invalid bytes do not stop the scan", "a\xffb", []string{"a", "\xff", "b"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := tokensOf(tc.text); !slices.Equal(got, tc.want) {
				t.Errorf("tokens of %q:\n got %q\nwant %q", tc.text, got, tc.want)
			}
		})
	}
}
