package article

import (
	"errors"
	"strings"
	"testing"
)

func TestJSONLReadsGoodLinesAndReportsBadOnes(t *testing.T) {
	data := strings.Join([]string{
		`{"title":"One","date":"2025-03-25","url":"u1","text":"First “text”."}`,
		``,
		`{not json`,
		`{"title":"No text"}`,
		`{"text":42}`,
		`{"text":"   "}`,
		`[1,2]`,
		`{"text":"x","date":"2025-02-30"}`,
		`{"text":"x","author":{"n":1}}`,
		`{"text":"x\u0000y"}`,
		`null`,
		`{"text":"a"} {"text":"b"}`,
		"{\"text\":\"Second.\",\"source\":\"Wire\",\"author\":\"A\",\"date\":\"2025-04-02T11:00:00Z\",\"extra\":[1]}\r",
		`{"text":"Third.","title":null}`,
	}, "\n")
	arts, errs, err := Parse("w.jsonl", []byte(data), Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := []Article{
		{Source: "w.jsonl:1", Title: "One", Date: "2025-03-25", URL: "u1", Text: "First “text”.", Line: 1},
		{Source: "Wire", Author: "A", Date: "2025-04-02", Text: "Second.", Line: 13},
		{Source: "w.jsonl:14", Text: "Third.", Line: 14},
	}
	if len(arts) != len(want) {
		t.Fatalf("got %d articles, want %d: %+v", len(arts), len(want), arts)
	}
	for i := range want {
		if arts[i] != want[i] {
			t.Errorf("article %d = %+v\nwant %+v", i, arts[i], want[i])
		}
	}
	wantErrs := []string{
		`w.jsonl:3:2: bad record: invalid JSON: invalid character 'n' looking for beginning of object key string`,
		`w.jsonl:4: bad record: missing "text"`,
		`w.jsonl:5: bad record: "text" is a number, want a string`,
		`w.jsonl:6: bad record: empty "text"`,
		`w.jsonl:7:1: bad record: expected a JSON object, got array`,
		`w.jsonl:8: bad record: invalid date "2025-02-30" (want YYYY-MM-DD or an RFC 3339 timestamp)`,
		`w.jsonl:9: bad record: "author" is an object, want a string`,
		`w.jsonl:10: bad record: "text" holds a NUL character`,
		`w.jsonl:11: bad record: expected a JSON object, got null`,
		`w.jsonl:12:15: bad record: invalid JSON: invalid character '{' after top-level value`,
	}
	if len(errs) != len(wantErrs) {
		t.Fatalf("got %d errors, want %d:\n%s", len(errs), len(wantErrs), strings.Join(messages(errs), "\n"))
	}
	for i, e := range errs {
		if e.Error() != wantErrs[i] {
			t.Errorf("error %d = %q\nwant      %q", i, e, wantErrs[i])
		}
		var le *LineError
		if !errors.Is(e, ErrBadRecord) || !errors.As(e, &le) {
			t.Errorf("error %q is not a *LineError wrapping ErrBadRecord", e)
		}
	}
	if !errors.Is(errs[5], ErrBadDate) {
		t.Errorf("the date error does not wrap ErrBadDate")
	}
}

func TestJSONLReadsATenMegabyteLine(t *testing.T) {
	text := strings.Repeat("word ", 2<<20) // 10 MiB
	data := `{"text":"` + text + `"}` + "\n" + `{"text":"after"}`
	arts, errs, err := Parse("big.jsonl", []byte(data), Options{})
	if err != nil || len(errs) != 0 {
		t.Fatalf("Parse: %v %v", err, errs)
	}
	if len(arts) != 2 || len(arts[0].Text) != len(text) || arts[1].Line != 2 {
		t.Errorf("got %d articles, first text %d bytes", len(arts), len(arts[0].Text))
	}
}

func TestJSONLWithOnlyBadLinesReturnsNoFatalError(t *testing.T) {
	arts, errs, err := Parse("b.jsonl", []byte("{bad\n"), Options{})
	if err != nil || len(arts) != 0 || len(errs) != 1 {
		t.Errorf("got %v, %v, %v; want no articles, one record error, no fatal error", arts, errs, err)
	}
}

func TestJSONLListsAtMostMaxRecordErrors(t *testing.T) {
	data := strings.Repeat("{bad\n", MaxRecordErrors+5) + `{"text":"ok"}`
	arts, errs, err := Parse("g.jsonl", []byte(data), Options{})
	if err != nil || len(arts) != 1 {
		t.Fatalf("got %d articles, %v", len(arts), err)
	}
	if len(errs) != MaxRecordErrors+1 {
		t.Fatalf("got %d errors, want %d", len(errs), MaxRecordErrors+1)
	}
	last := errs[len(errs)-1]
	if want := "g.jsonl: bad record: 5 more bad lines not listed (105 in all)"; last.Error() != want || !errors.Is(last, ErrBadRecord) {
		t.Errorf("last error = %q, want %q", last, want)
	}
}
