package article

import (
	"errors"
	"strings"
	"testing"
)

// pathological are inputs built to trip quadratic or recursive code: long
// runs of syntax that opens but never closes, deep nesting, many records.
func pathological(n int) []struct{ name, file, data string } {
	return []struct{ name, file, data string }{
		{"unclosed link brackets", "a.md", strings.Repeat("[", n)},
		{"unclosed link targets", "a.md", strings.Repeat("[a](", n/4)},
		{"backtick runs of every length", "a.md", strings.Repeat("` ``", n/4) + "x"},
		{"alternating emphasis stars", "a.md", strings.Repeat("*a", n/2)},
		{"underscores between words", "a.md", strings.Repeat("_a ", n/3)},
		{"unclosed angle brackets", "a.md", strings.Repeat("<a ", n/3)},
		{"escaped stars", "a.md", strings.Repeat("\\*", n/2)},
		{"block markers on every line", "a.md", strings.Repeat("> - # a\n", n/8)},
		{"a huge front matter", "a.md", "---\n" + strings.Repeat("a: b\n", n/5) + "---\nx"},
		{"a long quoted front-matter value", "a.md", "---\ntitle: \"" + strings.Repeat("\\\\", n/2) + "\"\n---\nx"},
		{"line breaks only", "a.html", strings.Repeat("<br>", n/4) + "x"},
		{"unclosed paragraphs", "a.html", strings.Repeat("<p>a", n/4)},
		{"unclosed table cells", "a.html", "<table>" + strings.Repeat("<td>a", n/5)},
		{"nested formatting just under the parser's limit", "a.html", strings.Repeat("<span>", 500) + "x"},
		{"many bad records", "a.jsonl", strings.Repeat("{x\n", n/3) + `{"text":"y"}`},
		{"deeply nested JSON", "a.jsonl", strings.Repeat("[", n) + "\n" + `{"text":"y"}`},
		{"nested curly quotes", "a.txt", strings.Repeat("“", n/3) + "x" + strings.Repeat("”", 3)},
		{"newlines only before text", "a.txt", strings.Repeat("\n", n) + "x"},
	}
}

func TestPathologicalInputsAreReadOrRefusedCleanly(t *testing.T) {
	for _, tt := range pathological(64 << 10) {
		t.Run(tt.name, func(t *testing.T) {
			checkParse(t, tt.file, []byte(tt.data), Options{})
			_, _, err := Parse(tt.file, []byte(tt.data), Options{})
			if err != nil && !errors.Is(err, ErrEmpty) {
				t.Errorf("unexpected fatal error: %v", err)
			}
		})
	}
}

func BenchmarkPathological(b *testing.B) {
	for _, tt := range pathological(1 << 20) {
		b.Run(strings.ReplaceAll(tt.name, " ", "-"), func(b *testing.B) {
			b.SetBytes(int64(len(tt.data)))
			for b.Loop() {
				_, _, _ = Parse(tt.file, []byte(tt.data), Options{})
			}
		})
	}
}
