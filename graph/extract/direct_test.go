package extract

import (
	"testing"
)

// TestDirectQuoteRules pins down the direct-quote rules tuned on the
// training split: grouping of quotes around a speaker, partial quotes
// widened to their clause, reported contents that end at the quote or run
// on to its closing mark, and quotes that are titles.
func TestDirectQuoteRules(t *testing.T) {
	for _, tc := range []struct {
		name string
		text string
		want []string // lines that must be among said(...)
		not  []string // lines that must not
	}{
		{"a quote after a sentence that framed the quote before joins that quote",
			"“The count is late,” Roe told the Courier before the debate. “It will be fixed.”",
			[]string{"person/jane-roe | The count is late It will be fixed. (direct)"}, nil},
		{"a quote opening its sentence joins the quote before even when the sentence runs on",
			"“The count is late,” Roe said. “It will be fixed” by the end of the week, her office hopes.",
			[]string{"person/jane-roe | The count is late It will be fixed (direct)"}, nil},
		{"a partial quote with the speaker after it takes the words before it",
			"The recount may be “a formality,” said Jane Roe.",
			[]string{"person/jane-roe | The recount may be “a formality (direct)"},
			[]string{"person/jane-roe | a formality (direct)"}},
		{"a quote right after the cue takes the rest of the sentence",
			"Castell said “it makes me angry” every time the buses are late.",
			[]string{"person/omar-castell | it makes me angry” every time the buses are late (direct)"}, nil},
		{"a reported content ends at a participle clause after its quote",
			"Roe said the plan was “a disaster,” adding that she would vote against it.",
			[]string{"person/jane-roe | the plan was “a disaster,” (direct)"},
			[]string{"person/jane-roe | the plan was “a disaster,” adding that she would vote against it (direct)"}},
		{"a reported content ends at but after its quote",
			"Castell said he would offer “a prayer” for the winner but did not name one.",
			[]string{"person/omar-castell | he would offer “a prayer” for the winner (direct)"}, nil},
		{"a reported content runs on to the closing mark of a quote of several sentences",
			"Roe did not name her rivals, but told supporters that “the city is in trouble. We must fix it.”",
			[]string{"person/jane-roe | “the city is in trouble. We must fix it.” (direct)"}, nil},
		{"a quote after but and a cue with no subject is the sentence subject's",
			"Roe did not name her rivals, but told supporters, “the city is in trouble. We must fix it.”",
			[]string{"person/jane-roe | the city is in trouble. We must fix it. (direct)"}, nil},
		{"fired back introduces a quote",
			"“That is simply false,” Castell fired back.",
			[]string{"person/omar-castell | That is simply false (direct)"}, nil},
		{"a show title after a possessive is no quote of its own",
			"“We will win,” Roe said on the Courier's “Morning Report.”",
			[]string{"person/jane-roe | We will win (direct)"},
			[]string{"person/jane-roe | We will win Morning Report. (direct)"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			text := intro + tc.text
			checkSaid(t, text, tc.want, tc.not)
		})
	}
}
