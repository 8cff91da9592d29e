package export

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestQuoteSelectorTakesContextOnRuneBoundaries(t *testing.T) {
	text := "Überall sagte Quill: „Der Hafen wird wachsen“ und ging."
	start := len("Überall sagte Quill: „")
	end := start + len("Der Hafen wird wachsen")
	cases := []struct {
		name               string
		start, end         int
		ok                 bool
		exact, pre, suffix string
	}{
		{"a span in the middle", start, end, true, "Der Hafen wird wachsen", "Überall sagte Quill: „", "“ und ging."},
		{"a span splitting a rune is refused", 1, 4, false, "", "", ""},
		{"an empty span is refused", 3, 3, false, "", "", ""},
		{"a span past the end is refused", 0, len(text) + 1, false, "", "", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s, ok := QuoteSelector(text, c.start, c.end)
			if ok != c.ok || s.Exact != c.exact || s.Prefix != c.pre || s.Suffix != c.suffix {
				t.Errorf("QuoteSelector = %+v %v", s, ok)
			}
			if ok && s.Type != "TextQuoteSelector" {
				t.Errorf("type %q", s.Type)
			}
		})
	}
	long := "0123456789012345678901234567890123456789XY0123456789012345678901234567890123456789"
	s, _ := QuoteSelector(long, 40, 42)
	if utf8.RuneCountInString(s.Prefix) != SelectorContext || utf8.RuneCountInString(s.Suffix) != SelectorContext {
		t.Errorf("prefix %q and suffix %q are not %d runes", s.Prefix, s.Suffix, SelectorContext)
	}
}

// FuzzQuoteSelector checks that a selector, when given, quotes the span
// exactly and that prefix+exact+suffix is a substring of the text.
func FuzzQuoteSelector(f *testing.F) {
	f.Add("Quill said the port would grow.", 11, 30)
	f.Add("„ü“", 0, 3)
	f.Fuzz(func(t *testing.T, text string, start, end int) {
		s, ok := QuoteSelector(text, start, end)
		if !ok || !utf8.ValidString(text) {
			return
		}
		if s.Exact != text[start:end] {
			t.Errorf("exact %q, span holds %q", s.Exact, text[start:end])
		}
		if whole := s.Prefix + s.Exact + s.Suffix; !strings.Contains(text, whole) {
			t.Errorf("%q is not in the text", whole)
		}
	})
}
