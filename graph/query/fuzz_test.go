package query

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

// FuzzParse checks that no input panics the parser, the planner or the
// executor, and that every parse error points inside the input.
func FuzzParse(f *testing.F) {
	for _, c := range parseCases {
		f.Add(c.src)
	}
	for _, c := range queryCases {
		f.Add(c.src)
	}
	for _, c := range errorCases {
		f.Add(c.src)
	}
	for _, s := range []string{"", ";", "(", "MATCH (", "RETURN [", "RETURN {a:", "'", "`", "$", "/*", "1..", "MATCH (a)-[*..]->(b) RETURN b",
		"MATCH (a)<--(b)-->(c)--(d) RETURN *", "RETURN 0x", "RETURN 1e", "RETURN \"\\u12\"", "\xff\xfe"} {
		f.Add(s)
	}
	g := testGraph(f)
	f.Fuzz(func(t *testing.T, src string) {
		sts, err := Parse(src)
		if err != nil {
			checkPosition(t, src, err)
			return
		}
		for _, st := range sts {
			_ = st.Explain()
			ctx, cancel := context.WithTimeout(context.Background(), 20*time.Millisecond)
			res, err := RunWith(ctx, g, st, Params{}, Options{MaxExpand: 1000})
			if err == nil {
				n := 0
				for _, err := range res.Rows {
					if n++; err != nil || n > 1000 {
						break
					}
				}
			}
			cancel()
		}
	})
}

// checkPosition fails unless err is an *Error whose line and column lie
// inside src (or just after its end).
func checkPosition(t *testing.T, src string, err error) {
	t.Helper()
	var qe *Error
	if !errors.As(err, &qe) {
		t.Fatalf("Parse(%q) error %v is not an *Error", src, err)
	}
	lines := strings.Split(src, "\n")
	if qe.Line < 1 || qe.Line > len(lines) {
		t.Fatalf("Parse(%q): line %d outside 1..%d", src, qe.Line, len(lines))
	}
	if n := utf8.RuneCountInString(lines[qe.Line-1]); qe.Col < 1 || qe.Col > n+1 {
		t.Fatalf("Parse(%q): column %d outside 1..%d on line %d", src, qe.Col, n+1, qe.Line)
	}
	if qe.Offset < 0 || qe.Offset > len(src) {
		t.Fatalf("Parse(%q): offset %d outside the input", src, qe.Offset)
	}
	if qe.Msg == "" || !strings.Contains(qe.Error(), "^") {
		t.Fatalf("Parse(%q): error without a message or caret: %q", src, qe.Error())
	}
}
