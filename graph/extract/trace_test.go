package extract

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/claimgraph/claimgraph/graph"
)

func TestTraceMarksSpansAndChains(t *testing.T) {
	const text = "Marta Quill, the leader of the Harbour Progress Party, toured the docks on Monday.\n\n" +
		"Quill spent the morning with crane operators. She said that the new terminal would be finished before the winter storms.\n\n" +
		"\"The port deal will create jobs,\" Quill told the workers.\n\n" +
		"Tobias Renn said the harbour levy would raise money for schools.\n"
	cases := []struct {
		name    string
		claim   string // a word of the claim's text
		rule    string // prefix of the rule
		cue     string
		source  string
		content string
		chain   []string // how:text
	}{
		{"a pronoun resolves through the surname to the full name", "terminal", "reported/that-clause", "said", "She",
			"the new terminal would be finished before the winter storms",
			[]string{"pronoun:She", "surname:Quill", "full name:Marta Quill"}},
		{"a surname resolves to the full name", "port deal", "direct-quote/", "told", "Quill", "The port deal will create jobs",
			[]string{"surname:Quill", "full name:Marta Quill"}},
		{"a full name needs no chain but itself", "levy", "reported/", "said", "Tobias Renn",
			"the harbour levy would raise money for schools", []string{"full name:Tobias Renn"}},
	}
	art := graph.Node{ID: graph.ArticleID([]byte(text)), Kind: graph.Article, Text: text}
	traces := Trace(art)
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var tr *EdgeTrace
			for i := range traces {
				if strings.Contains(traces[i].Content.Text, c.claim) {
					tr = &traces[i]
				}
			}
			if tr == nil {
				t.Fatalf("no trace of the claim with %q among %d", c.claim, len(traces))
			}
			if !strings.HasPrefix(tr.Edge.Rule, c.rule) || tr.Edge.Rel != graph.Said || tr.Edge.Article != art.ID {
				t.Errorf("edge %+v, want a said edge by rule %s…", tr.Edge, c.rule)
			}
			for _, s := range []struct {
				name string
				sp   Span
				want string
			}{{"cue", tr.Cue, c.cue}, {"source", tr.Source, c.source}, {"content", tr.Content, c.content}} {
				if s.sp.Text != s.want || text[s.sp.Start:s.sp.End] != s.want {
					t.Errorf("%s = %q at %d-%d, want %q", s.name, s.sp.Text, s.sp.Start, s.sp.End, s.want)
				}
			}
			var chain []string
			for _, l := range tr.Chain {
				chain = append(chain, l.How+":"+l.Text)
				if text[l.Start:l.End] != l.Text {
					t.Errorf("chain link %q has span %d-%d holding %q", l.Text, l.Start, l.End, text[l.Start:l.End])
				}
			}
			if strings.Join(chain, " -> ") != strings.Join(c.chain, " -> ") {
				t.Errorf("chain %v, want %v", chain, c.chain)
			}
		})
	}
}

func TestTraceMatchesExtract(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "*.txt"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no test articles: %v", err)
	}
	for _, f := range files {
		name := filepath.Base(f)
		t.Run(name, func(t *testing.T) {
			art := readArticle(t, name)
			want := map[graph.EdgeKey]graph.Edge{}
			for _, e := range Extract(art).Edges {
				if e.Rel == graph.Said {
					want[e.Key()] = e
				}
			}
			got := Trace(art)
			if len(got) != len(want) {
				t.Errorf("Trace gives %d said edges, Extract %d", len(got), len(want))
			}
			for _, tr := range got {
				if w, ok := want[tr.Edge.Key()]; !ok || w != tr.Edge {
					t.Errorf("traced edge %+v is not Extract's %+v", tr.Edge, w)
				}
			}
		})
	}
}
