package query

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"regexp"
	"strings"
	"testing"
)

// docPath is the query guide whose examples TestDocExamples runs.
const docPath = "../../docs/QUERY.md"

// docExample is a ```cypher block of the guide and the ```text block that
// follows it, if any.
type docExample struct {
	query    string
	params   Params
	want     string
	hasWant  bool
	wantFrom int // byte span of the text block's body in the guide
	wantTo   int
}

var (
	docBlock  = regexp.MustCompile("(?s)```cypher\n(.*?)```\n(?:\\s*```text\n(.*?)```\n)?")
	docParams = regexp.MustCompile(`(?m)^// params: (.*)$`)
)

// docExamples finds the examples; a "// params: {json}" comment line in a
// query gives its parameters.
func docExamples(t *testing.T, doc string) []docExample {
	t.Helper()
	var out []docExample
	for _, m := range docBlock.FindAllStringSubmatchIndex(doc, -1) {
		ex := docExample{query: doc[m[2]:m[3]]}
		if m[4] >= 0 {
			ex.hasWant, ex.want, ex.wantFrom, ex.wantTo = true, doc[m[4]:m[5]], m[4], m[5]
		}
		if pm := docParams.FindStringSubmatch(ex.query); pm != nil {
			if err := json.Unmarshal([]byte(pm[1]), &ex.params); err != nil {
				t.Fatalf("example %q: bad params: %v", ex.query, err)
			}
			for k, v := range ex.params {
				nv, _ := normalizeValue(v)
				if f, ok := nv.(float64); ok && f == float64(int64(f)) {
					nv = int64(f)
				}
				ex.params[k] = nv
			}
		}
		out = append(out, ex)
	}
	return out
}

// TestDocExamples runs every example of docs/QUERY.md against the test
// graph and compares the output with the ```text block under it; with
// -update it rewrites those blocks.
func TestDocExamples(t *testing.T) {
	raw, err := os.ReadFile(docPath)
	if err != nil {
		t.Fatal(err)
	}
	doc := string(raw)
	g := testGraph(t)
	examples := docExamples(t, doc)
	if len(examples) < 10 {
		t.Fatalf("found %d examples in %s, want at least 10", len(examples), docPath)
	}
	var b strings.Builder
	last := 0
	for _, ex := range examples {
		got := docOutput(g, ex.query, ex.params)
		if !ex.hasWant {
			if strings.HasPrefix(got, "line ") {
				t.Errorf("example without output does not parse:\n%s\n%s", ex.query, got)
			}
			continue
		}
		if got != ex.want && !*update {
			t.Errorf("example:\n%s\ngot:\n%s\nwant:\n%s", ex.query, got, ex.want)
		}
		b.WriteString(doc[last:ex.wantFrom])
		b.WriteString(got)
		last = ex.wantTo
	}
	b.WriteString(doc[last:])
	if *update {
		if err := os.WriteFile(docPath, []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// docOutput runs a query and prints it as the guide shows results: a
// header of column names, then one line per row, values separated by
// " | ", strings bare and other values as JSON. A fault prints its error.
func docOutput(g graphReader, src string, p Params) string {
	st, err := ParseOne(src)
	if err != nil {
		return err.Error() + "\n"
	}
	res, err := Run(context.Background(), g, st, p)
	if err != nil {
		return err.Error() + "\n"
	}
	var b strings.Builder
	b.WriteString(strings.Join(res.Columns, " | ") + "\n")
	for row, err := range res.Rows {
		if err != nil {
			return b.String() + err.Error() + "\n"
		}
		cells := make([]string, len(row))
		for i, v := range row {
			if s, ok := v.(string); ok {
				cells[i] = s
				continue
			}
			cells[i] = jsonText(v)
		}
		fmt.Fprintln(&b, strings.Join(cells, " | "))
	}
	return b.String()
}

// jsonText encodes v as JSON without escaping <, > and &.
func jsonText(v any) string {
	var b strings.Builder
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return fmt.Sprintf("<%v>", err)
	}
	return strings.TrimSuffix(b.String(), "\n")
}
