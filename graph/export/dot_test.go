package export

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/claimgraph/claimgraph/graph"
)

func TestWrapTextBreaksAtSpacesAndShortens(t *testing.T) {
	cases := []struct {
		name         string
		in           string
		width, lines int
		want         []string
	}{
		{"short text stays on one line", "The audio is 100% fake.", 40, 3, []string{"The audio is 100% fake."}},
		{"long text wraps at spaces", "one two three four five six", 10, 3, []string{"one two", "three four", "five six"}},
		{"too long text ends in an ellipsis", "one two three four five six seven", 10, 2, []string{"one two", "three fou…"}},
		{"white space collapses", "  a \n\t b  ", 10, 3, []string{"a b"}},
		{"a word longer than a line is split", "abcdefghijkl mn", 5, 4, []string{"abcde", "fghij", "kl mn"}},
		{"runes are counted, not bytes", "ééééé ééééé", 5, 2, []string{"ééééé", "ééééé"}},
		{"empty text has no lines", "", 10, 3, nil},
		{"a last line that fills the width loses a rune for the ellipsis", "aaaaa bbbbb ccccc", 5, 2, []string{"aaaaa", "bbbb…"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := wrapText(c.in, c.width, c.lines)
			if strings.Join(got, "|") != strings.Join(c.want, "|") || len(got) != len(c.want) {
				t.Errorf("got %q, want %q", got, c.want)
			}
		})
	}
}

func TestDotQuoteEscapesWhatGraphvizWouldInterpret(t *testing.T) {
	cases := []struct{ name, in, want string }{
		{"plain text", "Halima Voss", `"Halima Voss"`},
		{"quotes", `say "no"`, `"say \"no\""`},
		{"a trailing backslash", `C:\temp\`, `"C:\\temp\\"`},
		{"graphviz escapes stay literal", `\N \G \l`, `"\\N \\G \\l"`},
		{"ampersands become entities", "a & b &amp;", `"a &amp; b &amp;amp;"`},
		{"line breaks become \n", "a\nb", `"a\nb"`},
		{"control characters become spaces", "a\tb\x00c\u2028d", `"a b c d"`},
		{"invalid UTF-8 becomes U+FFFD", "a\xffb", "\"a\uFFFDb\""},
		{"angle brackets and non-ASCII stay", "<b> ü 右", `"<b> ü 右"`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := dotQuote(c.in); got != c.want {
				t.Errorf("dotQuote(%q) = %s, want %s", c.in, got, c.want)
			}
		})
	}
	if got := dotID("a\\\"\n"); got != `"a\\\"\u000A"` {
		t.Errorf("dotID = %s", got)
	}
}

func TestDOTMergesParallelEdgesAndStylesRelations(t *testing.T) {
	f := newFixture(t)
	v, err := Select(context.Background(), f.g, Filter{})
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := WriteDOT(&buf, v, DOTOptions{}); err != nil {
		t.Fatal(err)
	}
	g, err := parseDOT(buf.String())
	if err != nil {
		t.Fatal(err)
	}
	edge := func(from string, rel graph.Rel, to string) map[string]string {
		for _, e := range g.edges {
			if e.from == from && e.to == to && strings.HasPrefix(unescapeDOTLabel(e.attrs["tooltip"]), shortNameOf(v, from)+" "+string(rel)) {
				return e.attrs
			}
		}
		t.Fatalf("no %s edge %s -> %s", rel, from, to)
		return nil
	}
	cases := []struct {
		name      string
		attrs     map[string]string
		key, want string
	}{
		{"two articles' said edges are one line with a count", edge(f.voss, graph.Said, f.fake), "label", "said ×2"},
		{"said is solid", edge(f.voss, graph.Said, f.fake), "style", "solid"},
		{"disputes is red", edge(f.brandt, graph.Disputes, f.freeFair), "color", "#dc2626"},
		{"supports is green", edge(f.brandt, graph.Supports, f.fake), "color", "#16a34a"},
		{"member-of is dashed", edge(f.brandt, graph.MemberOf, f.prf), "style", "dashed"},
		{"member-of shows the role", edge(f.brandt, graph.MemberOf, f.prf), "label", `member-of\n(senior deputy leader)`},
		{"about is light grey", edge(f.rigged, graph.About, f.cul), "color", "#b8b8b8"},
		{"mentions is light grey", edge(f.a1, graph.Mentions, f.cul), "color", "#cfcfcf"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := c.attrs[c.key]; got != c.want {
				t.Errorf("%s = %q, want %q", c.key, got, c.want)
			}
		})
	}
	merged := 0
	for _, e := range g.edges {
		if e.from == f.voss && e.to == f.fake {
			merged++
		}
	}
	if merged != 1 {
		t.Errorf("%d lines for the two said edges, want 1", merged)
	}
	claimNode := g.nodes[f.path]
	if label := unescapeDOTLabel(claimNode["label"]); !strings.HasPrefix(label, "“<the audio>") || claimNode["shape"] != "note" {
		t.Errorf("claim node %v", claimNode)
	}
	if tip := unescapeDOTLabel(claimNode["tooltip"]); !strings.HasPrefix(tip, `<the audio> is "fake" and a path like C:\temp\`) {
		t.Errorf("claim tooltip %q lacks the full text", tip)
	}
}

func shortNameOf(v *View, id string) string {
	n, _ := v.Node(id)
	return shorten(displayName(n), 60)
}

func TestDOTClustersHoldTheRightNodes(t *testing.T) {
	f := newFixture(t)
	v, err := Select(context.Background(), f.g, Filter{})
	if err != nil {
		t.Fatal(err)
	}
	d := &dotWriter{v: v}
	cases := []struct {
		name    string
		by      ClusterBy
		cluster string // label prefix
		members []string
		absent  []string
	}{
		{"the earlier article holds the claim both share", ClusterArticle, "Governor calls", []string{f.a1, f.fake, f.voss, f.cul}, []string{f.a2, f.brandt}},
		{"the later article holds what only it touches", ClusterArticle, "Deputy leader", []string{f.a2, f.brandt, f.path, f.commission}, []string{f.fake}},
		{"a party holds its members and their claims", ClusterParty, "People's Renewal Front (PRF)", []string{f.prf, f.voss, f.brandt, f.fake, f.path}, []string{f.freeFair}},
		{"a party holds its own claims", ClusterParty, "Civic Unity League (CUL)", []string{f.cul, f.freeFair}, []string{f.voss}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d.opt.Cluster = c.by
			clusters, _ := d.clusters()
			var members []string
			for _, cl := range clusters {
				if strings.HasPrefix(cl.label, c.cluster) {
					for _, n := range cl.nodes {
						members = append(members, n.ID)
					}
				}
			}
			for _, id := range c.members {
				if !strings.Contains(strings.Join(members, " "), id) {
					t.Errorf("cluster %q lacks %s (has %v)", c.cluster, id, members)
				}
			}
			for _, id := range c.absent {
				if strings.Contains(strings.Join(members, " "), id) {
					t.Errorf("cluster %q holds %s", c.cluster, id)
				}
			}
		})
	}
}

func TestDOTOfALargeViewScales(t *testing.T) {
	v, err := LoadView(context.Background(), synthGraph(t, 2000, 9))
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name string
		opt  DOTOptions
		want []string
	}{
		{"without clusters it asks for sfdp and a table legend", DOTOptions{}, []string{"layout=sfdp", `"legend/table"`}},
		{"with clusters it stays with dot", DOTOptions{Cluster: ClusterParty}, []string{"mclimit=0.1", `"legend/table"`}},
	} {
		t.Run(c.name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := WriteDOT(&buf, v, c.opt); err != nil {
				t.Fatal(err)
			}
			for _, w := range c.want {
				if !strings.Contains(buf.String(), w) {
					t.Errorf("no %s in the DOT", w)
				}
			}
			if strings.Contains(buf.String(), `label="said"`) {
				t.Error("single said edges are labelled in a large view")
			}
			if _, err := parseDOT(buf.String()); err != nil {
				t.Error(err)
			}
		})
	}
}

func TestNodeLabels(t *testing.T) {
	cases := []struct {
		name string
		node graph.Node
		want string
	}{
		{"a direct claim is quoted", graph.Node{Kind: graph.Claim, Text: "We  will\nwin.", Direct: true}, "“We will win.”"},
		{"a reported claim is not", graph.Node{Kind: graph.Claim, Text: "they lost"}, "they lost"},
		{"an article shows title and date", graph.Node{Kind: graph.Article, Title: "Vote day", Date: "2024-03-01"}, "Vote day|2024-03-01"},
		{"an untitled article shows its file name", graph.Node{Kind: graph.Article, Name: "/data/in/a.txt", Source: "/data/in/a.txt"}, "a.txt"},
		{"a party shows its acronym", graph.Node{Kind: graph.Party, Name: "Civic Unity League", Aliases: []string{"CUL", "the League"}}, "Civic Unity League|(CUL)"},
		{"a person shows no alias", graph.Node{Kind: graph.Person, Name: "Jane Roe", Aliases: []string{"JR"}}, "Jane Roe"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := strings.Join(nodeLabel(c.node), "|"); got != c.want {
				t.Errorf("got %q, want %q", got, c.want)
			}
		})
	}
}

func TestParseCluster(t *testing.T) {
	for in, want := range map[string]ClusterBy{"": ClusterNone, "none": ClusterNone, "Article": ClusterArticle, "party": ClusterParty} {
		if got, err := ParseCluster(in); err != nil || got != want {
			t.Errorf("ParseCluster(%q) = %q, %v", in, got, err)
		}
	}
	if _, err := ParseCluster("speaker"); err == nil {
		t.Error("an unknown clustering was accepted")
	}
}

func TestNeo4jNames(t *testing.T) {
	for k, want := range map[graph.Kind]string{graph.Person: "Person", graph.Organization: "Organization", graph.Claim: "Claim"} {
		if got := Neo4jLabel(k); got != want {
			t.Errorf("Neo4jLabel(%s) = %s", k, got)
		}
	}
	for r, want := range map[graph.Rel]string{graph.Said: "SAID", graph.MemberOf: "MEMBER_OF", graph.Mentions: "MENTIONS"} {
		if got := Neo4jType(r); got != want {
			t.Errorf("Neo4jType(%s) = %s", r, got)
		}
	}
}

func BenchmarkWriteJSONL(b *testing.B) {
	g := synthGraph(b, 5000, 4)
	ctx := context.Background()
	for b.Loop() {
		if err := WriteJSONL(ctx, discard{}, g); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkWriteDOTLarge(b *testing.B) {
	v, err := LoadView(context.Background(), synthGraph(b, 2000, 4))
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if err := WriteDOT(discard{}, v, DOTOptions{}); err != nil {
			b.Fatal(err)
		}
	}
}

type discard struct{}

func (discard) Write(p []byte) (int, error) { return len(p), nil }
