package extract

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/claimgraph/claimgraph/graph"
)

// FuzzExtract feeds arbitrary text to the extractor: it must not panic,
// every edge span must lie inside the text on UTF-8 boundaries, and every
// edge must point at nodes of the subgraph.
func FuzzExtract(f *testing.F) {
	for _, s := range []string{
		"", "date 2024-01-01\n", "“", "”", "\"", "''", "' '", "“a” b “c", "Mr. . . U.S.", "(@x)", "(ACR)",
		"“We won,” Roe said. “Again.”", "Jane Roe's Citizens Renewal Party (CRP) claimed that it won.",
		"x said \xff\xfe \"bad \xc3\x28 bytes\" in text.", "“\n\n“\n\n”", "According to ,", "said said said",
		"A (@b) March 1, 2024", "'x'''y'\"z\"", "The March 3 polls. The 2019 elections.",
	} {
		f.Add(s)
	}
	files, _ := filepath.Glob(filepath.Join("testdata", "*.txt"))
	for _, p := range files {
		if b, err := os.ReadFile(p); err == nil {
			f.Add(string(b))
		}
	}
	f.Fuzz(func(t *testing.T, text string) {
		sg := Extract(articleNode(text))
		checkSpans(t, text, sg)
		ids := map[string]bool{}
		for _, n := range sg.Nodes {
			if n.ID == "" || !n.Kind.Valid() {
				t.Fatalf("node %+v has no ID or an invalid kind", n)
			}
			ids[n.ID] = true
		}
		for _, e := range sg.Edges {
			if !ids[e.From] || !ids[e.To] {
				t.Fatalf("edge %s -%s-> %s points outside the subgraph", e.From, e.Rel, e.To)
			}
			if !e.Rel.Valid() {
				t.Fatalf("edge with invalid relation %q", e.Rel)
			}
		}
		if sg.Nodes[0].Kind != graph.Article || sg.Nodes[0].Text != text {
			t.Fatal("the article node is not first or was changed")
		}
	})
}

// TestHostileInputs runs inputs built to defeat per-sentence and
// per-quote passes (no sentence stops, thousands of cues or marks); each
// must finish with valid spans. The benchmark and the fuzzer cover speed.
func TestHostileInputs(t *testing.T) {
	for _, tc := range []struct{ name, unit string }{
		{"cue verbs without a full stop", "Roe said "},
		{"appositions and titles without a stop", "Jane Roe, the governor of Valdora, said the governor said "},
		{"author lines in one paragraph", "A (@b) March "},
		{"noun claims without a stop", "allegations by Roe that "},
		{"unclosed quotes on every line", "“x\n"},
		{"commas before cues", ", said"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			text := strings.Repeat(tc.unit, 20000/len(tc.unit)*10)
			checkSpans(t, text, Extract(articleNode(text)))
		})
	}
}
