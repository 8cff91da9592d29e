package graph

import (
	"strings"
	"testing"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

func TestNormalizeTextKeepsWordsPercentAndDollars(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"“100% Fake,” he said.", "100% fake he said"},
		{"  Costs rose by $3bn -- again!  ", "costs rose by $3bn again"},
		{"Don’t DO it", "don t do it"},
		{"Ünïcödé ÀND ascii", "ünïcödé ànd ascii"},
		{"ＦＵＬＬ　ｗｉｄｔｈ％", "full width%"}, // NFKC first
		{"x\u212Ay", "xky"},      // Kelvin sign: a letter whose lower case is ASCII
		{"٣ apples", "٣ apples"}, // a digit outside ASCII
		{"", ""},
		{"...", ""},
	} {
		if got := NormalizeText(tt.in); got != tt.want {
			t.Errorf("NormalizeText(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// normalizeTextRunes is NormalizeText as it was written first, rune by
// rune through the Unicode tables; the ASCII fast path must agree with it.
func normalizeTextRunes(s string) string {
	s = norm.NFKC.String(s)
	var b strings.Builder
	space := false
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) || r == '%' || r == '$' {
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(unicode.ToLower(r))
			continue
		}
		space = true
	}
	return b.String()
}

func FuzzNormalizeTextMatchesTheRuneLoop(f *testing.F) {
	for _, s := range []string{"“100% Fake,” he said.", "Ünïcödé ÀND $5", "ＦＵＬＬ", "x\u212Ay\xff\xfe", "A-b_c"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := NormalizeText(s), normalizeTextRunes(s); got != want {
			t.Fatalf("NormalizeText(%q) = %q, the rune loop gives %q", s, got, want)
		}
	})
}
