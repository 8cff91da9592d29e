package extract

import (
	"slices"
	"strings"
	"testing"
)

// quotesOf returns the text of each quote found in text; a quote that
// continues an earlier one is prefixed with "+", one left open with a
// trailing "…".
func quotesOf(text string) []string {
	d := newDocument(text)
	var out []string
	for _, q := range findQuotes(d) {
		a, b := q.contentSpan(d)
		s := strings.TrimSpace(d.text[a:b])
		if q.cont {
			s = "+" + s
		}
		if q.close < 0 {
			s += "…"
		}
		if q.single {
			s = "'" + s + "'"
		}
		out = append(out, s)
	}
	return out
}

func TestFindQuotes(t *testing.T) {
	for _, tc := range []struct {
		name string
		text string
		want []string
	}{
		{"curly double quotes",
			"“We will win,” she said.", []string{"We will win,"}},
		{"straight double quotes",
			`He said "no deal" twice.`, []string{"no deal"}},
		{"nested single quotes belong to the outer quote",
			"“They told us ‘never again’ and meant it,” he said.", []string{"They told us ‘never again’ and meant it,"}},
		{"single quotes outside double quotes are quotes of their own",
			"'Fake mandate': the audio leaked.", []string{"'Fake mandate'"}},
		{"an apostrophe is not a quote",
			"The party's leader didn't come. Voters' anger grew.", nil},
		{"a quote runs over several sentences",
			"“We met them. They said no. We left,” Roe said.", []string{"We met them. They said no. We left,"}},
		{"a paragraph left open is continued by the next",
			"“First part.\n\n“Second part,” Roe said.", []string{"First part.…", "+Second part,"}},
		{"two apostrophes used as a double quote",
			"''It is over,'' Mr. Roe said.", []string{"It is over,"}},
		{"an unclosed quote ends at its paragraph",
			"“This never closes\n\nNext paragraph.", []string{"This never closes…"}},
		{"a stray closing mark is ignored",
			"Nothing” happens here.", nil},
		{"curly quotes inside a straight quote belong to it",
			`"Residents call it “the ferry tax” and want it gone," Roe said.`, []string{"Residents call it “the ferry tax” and want it gone,"}},
		{"curly quotes inside a straight quote left open end with its paragraph",
			"\"The levy is “temporary,” they said. It never was.\n\nNext paragraph.", []string{"The levy is “temporary,” they said. It never was.…"}},
		{"a left curly mark right after a straight one is a doubled mark",
			"\"“We will win,” Roe said.", []string{"We will win,"}},
		{"a curly quote inside a curly quote belongs to it",
			"“Residents call it “the ferry tax” and want it gone,” Roe said.", []string{"Residents call it “the ferry tax” and want it gone,"}},
		{"a left mark with one right mark after it restarts the quote",
			"“We lost the vote. Roe said later: “We will win next time.”", []string{"We will win next time."}},
		{"a straight quote inside a straight quote belongs to it",
			`Roe wrote, "They shouted "Long live the port!" at the mayor."`, []string{`They shouted "Long live the port!" at the mayor.`}},
		{"with an odd number of straight marks after it an opening-looking mark closes the quote",
			`"We lost the vote. Roe said "we will win" later.`, []string{"We lost the vote. Roe said"}},
		{"a second opening mark restarts an unclosed quote",
			"“one “two three” four.", []string{"two three"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := quotesOf(tc.text); !slices.Equal(got, tc.want) {
				t.Errorf("quotes of %q:\n got %q\nwant %q", tc.text, got, tc.want)
			}
		})
	}
}

// TestManyOpeningQuotesStayLinear checks that a hostile run of opening
// marks is handled in linear time without a panic.
func TestManyOpeningQuotesStayLinear(t *testing.T) {
	text := strings.Repeat("“", 200000) + strings.Repeat("x", 100) + "”””"
	d := newDocument(text)
	qs := findQuotes(d)
	if len(qs) != 1 {
		t.Fatalf("got %d quotes, want 1", len(qs))
	}
	sg := Extract(articleNode(text))
	checkSpans(t, text, sg)
}
