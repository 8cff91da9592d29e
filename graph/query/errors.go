package query

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// Error is a fault in a query, located in its source text.
type Error struct {
	// Line and Col are 1-based; Col counts characters (runes), not bytes.
	Line, Col int
	// Offset is the byte offset of the fault in the parsed script.
	Offset int
	// Msg says what is wrong.
	Msg string
	// Hint, when set, suggests a fix ("did you mean RETURN?").
	Hint string
	// Src is the source line that holds the fault, without its newline.
	Src string
}

// Error prints the position, the message and hint, then the source line
// with a caret under the fault:
//
//	line 1, column 17: unknown keyword RETRUN (did you mean RETURN?)
//	  MATCH (p:Persn) RETRUN p
//	                  ^
func (e *Error) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "line %d, column %d: %s", e.Line, e.Col, e.Msg)
	if e.Hint != "" {
		fmt.Fprintf(&b, " (%s)", e.Hint)
	}
	if e.Src != "" || e.Col > 0 {
		b.WriteString("\n  ")
		b.WriteString(e.Src)
		b.WriteString("\n  ")
		b.WriteString(caretPad(e.Src, e.Col))
		b.WriteByte('^')
	}
	return b.String()
}

// caretPad returns the blanks that put a caret under column col of line,
// keeping tabs so the caret lines up in a terminal.
func caretPad(line string, col int) string {
	var b strings.Builder
	n := 1
	for _, r := range line {
		if n >= col {
			break
		}
		if r == '\t' {
			b.WriteByte('\t')
		} else {
			b.WriteByte(' ')
		}
		n++
	}
	for ; n < col; n++ {
		b.WriteByte(' ')
	}
	return b.String()
}

// errAt builds an Error located at byte offset off of src.
func errAt(src string, off int, hint string, format string, args ...any) *Error {
	if off < 0 {
		off = 0
	}
	if off > len(src) {
		off = len(src)
	}
	start := strings.LastIndexByte(src[:off], '\n') + 1
	end := strings.IndexByte(src[off:], '\n')
	if end < 0 {
		end = len(src)
	} else {
		end += off
	}
	line := strings.Count(src[:start], "\n") + 1
	return &Error{
		Line:   line,
		Col:    utf8.RuneCountInString(src[start:off]) + 1,
		Offset: off,
		Msg:    fmt.Sprintf(format, args...),
		Hint:   hint,
		Src:    strings.TrimRight(src[start:end], "\r"),
	}
}

// didYouMean returns "did you mean X?" for the candidate nearest to word,
// or "" when none is close enough. show formats the candidate.
func didYouMean(word string, candidates []string, show func(string) string) string {
	best, ok := nearest(word, candidates)
	if !ok {
		return ""
	}
	if show != nil {
		best = show(best)
	}
	return "did you mean " + best + "?"
}

// nearest returns the candidate with the smallest edit distance to word,
// compared case-insensitively with '_' and '-' alike, if that distance is
// small for the word's length.
func nearest(word string, candidates []string) (string, bool) {
	w := foldName(word)
	n := utf8.RuneCountInString(w)
	limit := min(1+n/4, 3)
	if n <= 2 {
		limit = 0 // too short to guess from
	}
	best, bestD := "", limit+1
	for _, c := range candidates {
		d := editDistance(w, foldName(c))
		if d < bestD {
			best, bestD = c, d
		}
	}
	return best, bestD <= limit && best != ""
}

func foldName(s string) string {
	return strings.ReplaceAll(strings.ToLower(s), "_", "-")
}

// editDistance is the optimal-string-alignment distance between a and b:
// insertions, deletions, substitutions and transpositions of neighbours
// each cost one.
func editDistance(a, b string) int {
	x, y := []rune(a), []rune(b)
	if len(x) > 64 || len(y) > 64 {
		return 1 << 20
	}
	prev2 := make([]int, len(y)+1)
	prev := make([]int, len(y)+1)
	cur := make([]int, len(y)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(x); i++ {
		cur[0] = i
		for j := 1; j <= len(y); j++ {
			cost := 1
			if x[i-1] == y[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && x[i-1] == y[j-2] && x[i-2] == y[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(y)]
}
