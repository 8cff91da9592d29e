package export

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/claimgraph/claimgraph/graph"
)

func TestWriteDOTLinksNodesOnlyWhenAskedTo(t *testing.T) {
	f := newFixture(t)
	v, err := Select(context.Background(), f.g, Filter{Focus: []string{f.voss}, Depth: 1})
	if err != nil {
		t.Fatal(err)
	}
	link := func(n graph.Node) string {
		if n.Kind == graph.Person {
			return `/node/` + n.ID + `?a="b"&c`
		}
		return ""
	}
	cases := []struct {
		name string
		opt  DOTOptions
		want []string
		not  []string
	}{
		{"no URL option writes no URL attribute", DOTOptions{}, nil, []string{"URL="}},
		{"a URL option links the nodes it returns a URL for", DOTOptions{URL: link},
			[]string{`URL="/node/` + f.voss + `?a=\"b\"&amp;c"`}, []string{`URL="/node/` + f.prf}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var b bytes.Buffer
			if err := WriteDOT(&b, v, c.opt); err != nil {
				t.Fatal(err)
			}
			for _, w := range c.want {
				if !strings.Contains(b.String(), w) {
					t.Errorf("DOT lacks %s:\n%s", w, b.String())
				}
			}
			for _, w := range c.not {
				if strings.Contains(b.String(), w) {
					t.Errorf("DOT has %s:\n%s", w, b.String())
				}
			}
		})
	}
}
