package web

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// show renders segments as text with quotes in [brackets], their anchor
// and folded anchors after a '#', and speakers after a '@'.
func show(segs []segment) string {
	var b strings.Builder
	for _, s := range segs {
		if s.Quote == nil {
			b.WriteString(s.Text)
			continue
		}
		b.WriteString("[" + s.Text + "#" + s.Quote.Anchor)
		for _, a := range s.Quote.Also {
			b.WriteString("," + a)
		}
		for _, sp := range s.Quote.Speakers {
			b.WriteString("@" + sp.Name)
		}
		b.WriteString("]")
	}
	return b.String()
}

func span(start, end int, who ...string) quoteSpan {
	q := quoteSpan{Start: start, End: end}
	for _, w := range who {
		q.Speakers = append(q.Speakers, link{Name: w, URL: "/person/" + w})
	}
	return q
}

func TestSegmentsHighlightQuotesSafely(t *testing.T) {
	const text = `He said "yes" and "no".`
	cases := []struct {
		name  string
		text  string
		spans []quoteSpan
		want  string
	}{
		{"no spans leave the text whole", text, nil, text},
		{"one quote is marked and attributed", text, []quoteSpan{span(9, 12, "a")}, `He said "[yes#q9-12@a]" and "no".`},
		{"two quotes in order", text, []quoteSpan{span(19, 21, "b"), span(9, 12, "a")},
			`He said "[yes#q9-12@a]" and "[no#q19-21@b]".`},
		{"the same span by two speakers is one quote", text, []quoteSpan{span(9, 12, "a"), span(9, 12, "b")},
			`He said "[yes#q9-12@a@b]" and "no".`},
		{"an overlapping span folds into the first", text, []quoteSpan{span(9, 12, "a"), span(10, 21, "b")},
			`He said "[yes#q9-12,q10-21@a@b]" and "no".`},
		{"a nested span folds into the longer one", text, []quoteSpan{span(10, 11, "b"), span(8, 13, "a")},
			`He said ["yes"#q8-13,q10-11@a@b] and "no".`},
		{"a span past the end is clamped", text, []quoteSpan{span(19, 99, "a")}, `He said "yes" and "[no".#q19-99@a]`},
		{"a span wholly past the end is dropped", text, []quoteSpan{span(40, 50, "a")}, text},
		{"a negative start is clamped", text, []quoteSpan{span(-5, 2, "a")}, `[He#q-5-2@a] said "yes" and "no".`},
		{"an empty or reversed span is dropped", text, []quoteSpan{span(5, 5, "a"), span(9, 3, "b")}, text},
		{"a span inside a character widens to it", "« oui »", []quoteSpan{span(1, 4, "a")}, "[« o#q1-4@a]ui »"},
		{"hostile text stays text", "<b>x</b>", []quoteSpan{span(0, 3, "a")}, "[<b>#q0-3@a]x</b>"},
		{"invalid UTF-8 is replaced", "a\xffb", []quoteSpan{span(1, 2, "a")}, "a[\uFFFD#q1-2@a]b"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := show(segments(c.text, c.spans)); got != c.want {
				t.Errorf("got  %s\nwant %s", got, c.want)
			}
		})
	}
}

func TestHighlightInMarksTheClaimInItsSentence(t *testing.T) {
	cases := []struct {
		name, text, quote, want string
	}{
		{"the quote inside the sentence", `Roe said "it is fake".`, "it is fake", `Roe said "[it is fake#]".`},
		{"a quote not in the sentence", "Roe said nothing.", "it is fake", "Roe said nothing."},
		{"an empty quote", "Roe spoke.", " ", "Roe spoke."},
		{"an empty sentence", "", "x", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := show(highlightIn(c.text, c.quote)); got != c.want {
				t.Errorf("got %q, want %q", got, c.want)
			}
		})
	}
}

// FuzzSegments checks that any spans over any text give valid UTF-8
// pieces that, for valid text, put the text back together exactly.
func FuzzSegments(f *testing.F) {
	f.Add("He said \"yes\" and \"no\".", 9, 12, 10, 21)
	f.Add("« oui »", 1, 4, -3, 99)
	f.Add("a\xffb\xc3", 0, 3, 2, 4)
	f.Add("", 0, 0, 1, 1)
	f.Fuzz(func(t *testing.T, text string, s1, e1, s2, e2 int) {
		segs := segments(text, []quoteSpan{span(s1, e1, "a"), span(s2, e2, "b")})
		var b strings.Builder
		quotes := 0
		for _, s := range segs {
			if !utf8.ValidString(s.Text) {
				t.Fatalf("invalid UTF-8 piece %q", s.Text)
			}
			if s.Text == "" {
				t.Fatalf("empty piece in %v", segs)
			}
			if s.Quote != nil {
				quotes++
			}
			b.WriteString(s.Text)
		}
		if utf8.ValidString(text) && b.String() != text {
			t.Fatalf("pieces make %q, not %q", b.String(), text)
		}
		if quotes > 2 {
			t.Fatalf("%d quotes from 2 spans", quotes)
		}
	})
}
