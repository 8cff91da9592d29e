package web

import (
	"slices"
	"testing"
)

func TestNodeURLEscapesEachSegment(t *testing.T) {
	cases := []struct{ id, want string }{
		{"person/jane-roe", "/person/jane-roe"},
		{"claim/0123abcd", "/claim/0123abcd"},
		{`person/odd"<id>?#x`, "/person/odd%22%3Cid%3E%3F%23x"},
		{"person/a/b c", "/person/a/b%20c"},
		{"nokind", "/node/nokind"},
		{"robot/x", "/node/robot/x"},
	}
	for _, c := range cases {
		if got := nodeURL(c.id); got != c.want {
			t.Errorf("nodeURL(%q) = %q, want %q", c.id, got, c.want)
		}
	}
}

func TestPageIDsReadsEveryPathConvention(t *testing.T) {
	cases := []struct {
		name, path string
		want       []string
	}{
		{"kind and slug", "/person/jane-roe", []string{"person/jane-roe"}},
		{"node prefix", "/node/person/jane-roe", []string{"person/jane-roe"}},
		{"entity prefix", "/entity/party/unity", []string{"party/unity"}},
		{"kind prefix before a whole ID", "/claim/claim/ab12", []string{"claim/ab12", "claim/claim/ab12"}},
		{"article prefix", "/article/cd34", []string{"article/cd34"}},
		{"a slug with slashes", "/person/a/b", []string{"person/a/b"}},
		{"no slug", "/person/", nil},
		{"no kind", "/static2/x", nil},
		{"one segment", "/person", nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := pageIDs(c.path); !slices.Equal(got, c.want) {
				t.Errorf("pageIDs(%q) = %q, want %q", c.path, got, c.want)
			}
		})
	}
}

func TestPageIDsUndoNodeURL(t *testing.T) {
	for _, id := range []string{"person/jane-roe", "claim/ab12", "article/cd34", "place/x/y"} {
		if got := pageIDs(nodeURL(id)); len(got) == 0 || got[0] != id {
			t.Errorf("pageIDs(nodeURL(%q)) = %q", id, got)
		}
	}
}
