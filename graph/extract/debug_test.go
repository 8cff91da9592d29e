package extract

import (
	"fmt"
	"os"
	"testing"

	"github.com/claimgraph/claimgraph/graph"
)

func TestDebugDump(t *testing.T) {
	p := os.Getenv("DUMP")
	if p == "" {
		t.Skip("DUMP not set")
	}
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	sg := Extract(graph.Node{ID: graph.ArticleID(b), Kind: graph.Article, Text: string(b)})
	for _, n := range sg.Nodes[1:] {
		fmt.Printf("NODE %s %q %v direct=%v\n", n.ID, n.Name, n.Aliases, n.Direct)
	}
	for _, e := range sg.Edges {
		if e.Rel == graph.Mentions {
			continue
		}
		fmt.Printf("EDGE %s -%s-> %s [%d,%d] %s role=%q\n", e.From, e.Rel, e.To, e.Start, e.End, e.Rule, e.Role)
	}
}

func TestDebugMentions(t *testing.T) {
	p := os.Getenv("DUMP")
	if p == "" {
		t.Skip("DUMP not set")
	}
	b, _ := os.ReadFile(p)
	d := newDocument(string(b))
	for _, m := range d.findMentions() {
		fmt.Printf("RAW %q kind=%s title=%d acr=%d\n", d.runText(m.from, m.to), m.kind, m.titleFrom, m.acronym)
	}
}
