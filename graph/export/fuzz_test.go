package export

import (
	"bytes"
	"context"
	"errors"
	"os"
	"strings"
	"testing"
)

// FuzzWriters feeds hostile names, texts and evidence to every writer and
// parses each output with the format's parser (encoding/json,
// encoding/csv, encoding/xml, the N-Quads and DOT parsers in
// parsers_test.go).
func FuzzWriters(f *testing.F) {
	seeds := [][3]string{
		{"Jane Roe", "The audio is 100% fake.", `"The audio is 100% fake," Roe said.`},
		{hostile, hostile, hostile},
		{`C:\path\`, `ends with a backslash \`, `\"`},
		{"<script>alert(1)</script>", "a & b &amp; c &#92;", "]]> <!-- --> <?xml ?>"},
		{"line\nbreak", "cr\rlf\r\n", "tab\tnul\x00"},
		{"\xff\xfe", "\xe2\x82", "\xed\xa0\x80"},
		{"“curly” ‘quotes’", "— dash … ellipsis", "\u2028\u2029\ufeff"},
		{"a;b;c", "x,y,\"z\"", "=SUM(A1)"},
		{"", "", ""},
		{"{}[];,=->", "digraph { a -> b }", "subgraph cluster_x { }"},
		{"_:blank", "<http://x.example/>", "\"lit\"^^<xsd:int> ."},
	}
	for _, s := range seeds {
		f.Add(s[0], s[1], s[2])
	}
	f.Fuzz(func(t *testing.T, name, text, evidence string) {
		checkFormats(t, hostileGraph(t, name, text, evidence))
	})
}

// FuzzReadJSONL feeds arbitrary input to the JSONL reader: it must not
// panic, must report bad lines as *LineError, and what it reads must write
// back to a line that reads the same.
func FuzzReadJSONL(f *testing.F) {
	if golden, err := os.ReadFile("testdata/small.jsonl"); err == nil {
		f.Add(golden)
		for _, line := range bytes.SplitAfter(golden, []byte("\n")) {
			f.Add(line)
		}
	}
	for _, s := range []string{
		`{"type":"node","id":"person/a","kind":"person","name":"A","aliases":["B","B",""]}`,
		`{"type":"edge","from":"a","rel":"said","to":"b","start":1,"end":2,"confidence":0.5}`,
		`{"type":"node","id":7}`, `[1]`, `null`, `{"type":"edge","from":"a","rel":"said","to":"b","start":-1}`,
		"\xef\xbb\xbf{\"type\":\"node\",\"id\":\"place/x\",\"kind\":\"place\",\"name\":\"\\ud800\"}\r\n",
		`{"type":"node","id":"claim/x","kind":"claim","name":"","title":"T","TYPE":"edge"}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		ctx := context.Background()
		for rec, err := range ReadJSONL(ctx, bytes.NewReader(data), "fuzz.jsonl") {
			if err != nil {
				var le *LineError
				if !errors.As(err, &le) || !strings.HasPrefix(err.Error(), "fuzz.jsonl:") {
					t.Fatalf("error %v is not a line error naming the file", err)
				}
				continue
			}
			if (rec.Node == nil) == (rec.Edge == nil) {
				t.Fatalf("record %+v is not exactly one of node and edge", rec)
			}
			once := encodeRecord(t, rec)
			again := readOne(t, once)
			if twice := encodeRecord(t, again); !bytes.Equal(once, twice) {
				t.Fatalf("a record does not read back the same:\n%s\n%s", once, twice)
			}
		}
	})
}

func encodeRecord(t *testing.T, rec Record) []byte {
	t.Helper()
	var v any
	if rec.Node != nil {
		v = toNodeRecord(*rec.Node)
	} else {
		v = toEdgeRecord(*rec.Edge)
	}
	b, err := newRecordEncoder().encode(v)
	if err != nil {
		t.Fatal(err)
	}
	return bytes.Clone(b)
}

func readOne(t *testing.T, line []byte) Record {
	t.Helper()
	var out []Record
	for rec, err := range ReadJSONL(context.Background(), bytes.NewReader(line), "again") {
		if err != nil {
			t.Fatalf("written record does not read: %v\n%s", err, line)
		}
		out = append(out, rec)
	}
	if len(out) != 1 {
		t.Fatalf("written record reads as %d records: %s", len(out), line)
	}
	return out[0]
}
