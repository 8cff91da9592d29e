package extract

import (
	"slices"
	"testing"
)

// sentencesOf splits text and returns each sentence's text.
func sentencesOf(text string) []string {
	d := newDocument(text)
	var out []string
	for s := range d.sents {
		out = append(out, d.sentsText(s, s))
	}
	return out
}

func TestSentenceSplitting(t *testing.T) {
	for _, tc := range []struct {
		name string
		text string
		want []string
	}{
		{"a full stop followed by a capital ends a sentence",
			"The vote was close. Turnout was high.",
			[]string{"The vote was close.", "Turnout was high."}},
		{"titles and honorifics keep their dots",
			"Mr. Roe met Dr. Sato and Gov. Brandt. They talked.",
			[]string{"Mr. Roe met Dr. Sato and Gov. Brandt.", "They talked."}},
		{"an abbreviated month does not end the sentence",
			"The talks began on Feb. 4 in Valdora. Nothing was agreed.",
			[]string{"The talks began on Feb. 4 in Valdora.", "Nothing was agreed."}},
		{"U.S. inside a sentence does not end it",
			"The U.S. delegation arrived late. It left early.",
			[]string{"The U.S. delegation arrived late.", "It left early."}},
		{"U.S. before a strong sentence starter ends the sentence",
			"She studied in the U.S. The rest is history.",
			[]string{"She studied in the U.S.", "The rest is history."}},
		{"a dotted abbreviation before a spaced quote opening on a capital ends the sentence",
			"Roe spoke at 5 p.m. “It is late,” she said. He lived in the U.S. “strategic” zone.",
			[]string{"Roe spoke at 5 p.m.", "“It is late,” she said.", "He lived in the U.S. “strategic” zone."}},
		{"initials stay inside a name",
			"John F. Kennedy spoke. Then he left.",
			[]string{"John F. Kennedy spoke.", "Then he left."}},
		{"decimal numbers and thousands separators do not split",
			"Spending rose 3.5% to 1,200 million. Critics were unhappy.",
			[]string{"Spending rose 3.5% to 1,200 million.", "Critics were unhappy."}},
		{"a closing quote stays with its sentence",
			"“We won.” The crowd cheered.",
			[]string{"“We won.”", "The crowd cheered."}},
		{"a question inside a quote followed by lower case does not split",
			"“Why now?” she asked. Nobody knew.",
			[]string{"“Why now?” she asked.", "Nobody knew."}},
		{"a line break always ends a sentence",
			"Headline without a stop\nThe story starts here.",
			[]string{"Headline without a stop", "The story starts here."}},
		{"a date header line is skipped",
			"date 2024-02-28\n\nThe story starts here.",
			[]string{"The story starts here."}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := sentencesOf(tc.text); !slices.Equal(got, tc.want) {
				t.Errorf("sentences of %q:\n got %q\nwant %q", tc.text, got, tc.want)
			}
		})
	}
}

func TestBodyStart(t *testing.T) {
	for _, tc := range []struct {
		name string
		text string
		want int
	}{
		{"a date header is skipped with its line break", "date 2024-01-01\nBody", 16},
		{"a header after leading blank space is skipped", " date 2024-02-28 \n\nBody", 18},
		{"text without a header starts at zero", "Body text", 0},
		{"a header alone leaves nothing", "date 2024-01-01", 15},
		{"a long first line starting with date is not a header", "date night plans were announced by the mayor of Port Alder today\nBody", 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := bodyStart(tc.text); got != tc.want {
				t.Errorf("bodyStart(%q) = %d, want %d", tc.text, got, tc.want)
			}
		})
	}
}
