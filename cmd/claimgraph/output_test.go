package main

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"strings"
	"testing"
)

func TestRecordWriterFormats(t *testing.T) {
	cols := []string{"p.name", "n"}
	rows := [][]any{{"Jane <Roe> & co", int64(2)}, {"line\nbreak", nil}}
	tests := []struct {
		name   string
		format string
		check  func(t *testing.T, out string)
	}{
		{"json is one array of objects keyed by column", fmtJSON, func(t *testing.T, out string) {
			var got []map[string]any
			if err := json.Unmarshal([]byte(out), &got); err != nil {
				t.Fatalf("not a JSON array: %v\n%s", err, out)
			}
			if len(got) != 2 || got[0]["p.name"] != "Jane <Roe> & co" || got[0]["n"] != float64(2) || got[1]["n"] != nil {
				t.Errorf("rows = %v", got)
			}
			if strings.Contains(out, `\u003c`) {
				t.Errorf("HTML characters are escaped: %s", out)
			}
		}},
		{"jsonl is one object per line", fmtJSONL, func(t *testing.T, out string) {
			lines := strings.Split(strings.TrimSpace(out), "\n")
			if len(lines) != 2 {
				t.Fatalf("want 2 lines, got %q", out)
			}
			for _, l := range lines {
				var m map[string]any
				if err := json.Unmarshal([]byte(l), &m); err != nil {
					t.Errorf("line %q: %v", l, err)
				}
			}
		}},
		{"csv has a header and quotes what needs it", fmtCSV, func(t *testing.T, out string) {
			recs, err := csv.NewReader(strings.NewReader(out)).ReadAll()
			if err != nil {
				t.Fatal(err)
			}
			if len(recs) != 3 || recs[0][0] != "p.name" || recs[2][0] != "line\nbreak" {
				t.Errorf("records = %q", recs)
			}
		}},
		{"tsv separates with tabs", fmtTSV, func(t *testing.T, out string) {
			if !strings.HasPrefix(out, "p.name\tn\n") {
				t.Errorf("header = %q", out)
			}
		}},
		{"table keeps each row on one line", fmtTable, func(t *testing.T, out string) {
			lines := strings.Split(strings.TrimSpace(out), "\n")
			if len(lines) != 3 || !strings.HasPrefix(lines[0], "P.NAME") || !strings.Contains(lines[2], "line break") {
				t.Errorf("table = %q", out)
			}
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var b bytes.Buffer
			w := newRecordWriter(&b, tc.format, cols, false)
			for _, r := range rows {
				if err := w.Write(r); err != nil {
					t.Fatal(err)
				}
			}
			if err := w.Close(); err != nil {
				t.Fatal(err)
			}
			tc.check(t, b.String())
		})
	}
}

func TestEmptyJSONIsAnEmptyArray(t *testing.T) {
	var b bytes.Buffer
	w := newRecordWriter(&b, fmtJSON, []string{"a"}, false)
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	if b.String() != "[]\n" {
		t.Errorf("got %q, want []", b.String())
	}
}

func TestTruncateCutsLongCellsWithAnEllipsis(t *testing.T) {
	tests := []struct {
		in   string
		n    int
		want string
	}{
		{"short", 10, "short"},
		{"exactly10!", 10, "exactly10!"},
		{"a longer sentence", 8, "a longe…"},
		{"“curly” quotes", 5, "“cur…"},
	}
	for _, tc := range tests {
		if got := truncate(tc.in, tc.n); got != tc.want {
			t.Errorf("truncate(%q, %d) = %q, want %q", tc.in, tc.n, got, tc.want)
		}
	}
}
