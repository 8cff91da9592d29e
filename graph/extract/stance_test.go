package extract

import (
	"slices"
	"strings"
	"testing"

	"github.com/claimgraph/claimgraph/graph"
)

// stanceLines lists the disputes and supports edges of sg as "FROM -rel->
// TARGET TEXT", where FROM is an entity ID or "claim:" and the claim's
// text.
func stanceLines(sg graph.Subgraph) []string {
	nodes := map[string]graph.Node{}
	for _, n := range sg.Nodes {
		nodes[n.ID] = n
	}
	var out []string
	for _, e := range sg.Edges {
		if e.Rel != graph.Disputes && e.Rel != graph.Supports {
			continue
		}
		from := e.From
		if n := nodes[e.From]; n.Kind == graph.Claim {
			from = "claim:" + n.Text
		}
		out = append(out, from+" -"+string(e.Rel)+"-> "+nodes[e.To].Text)
	}
	slices.Sort(out)
	return out
}

func TestStances(t *testing.T) {
	for _, tc := range []struct {
		name string
		text string
		want []string // stance lines that must be there
		not  []string // stance lines that must not
		none bool     // no stance edge at all
		// claims: said lines ("speaker | text") that must be there;
		// noClaims: claim texts that must not be.
		claims   []string
		noClaims []string
	}{
		{name: "backing someone's account supports what they alleged",
			text:     "Castell alleged that the tally sheets had been forged.\n\nRoe backed Castell's account.",
			want:     []string{"person/jane-roe -supports-> the tally sheets had been forged"},
			noClaims: []string{"Castell's account", "backed Castell's account"}},
		{name: "backing a speaker supports what they said last",
			text:     "Castell said the count had been fair. Castell later said the observers had left early.\n\nThe CRP backed Castell.",
			want:     []string{"party/crp -supports-> the observers had left early"},
			not:      []string{"party/crp -supports-> the count had been fair"},
			noClaims: []string{"Castell", "backed Castell"}},
		{name: "confirming a clause that says an earlier claim again supports it",
			text: "The CRP claimed that the tally sheets in Valdora had been forged.\n\nCastell confirmed that tally sheets in Valdora were forged by officials.",
			want: []string{
				"person/omar-castell -supports-> the tally sheets in Valdora had been forged",
				"claim:tally sheets in Valdora were forged by officials -supports-> the tally sheets in Valdora had been forged",
			}},
		{name: "confirming a clause about something else supports nothing",
			text: "The CRP claimed that the tally sheets had been forged.\n\nCastell confirmed that the observers had arrived late.",
			none: true},
		{name: "echoing the allegations supports every allegation before",
			text: "The CRP claimed that the recount was rigged. Roe alleged that ballots were burned.\n\nCastell echoed the allegations.",
			want: []string{
				"person/omar-castell -supports-> the recount was rigged",
				"person/omar-castell -supports-> ballots were burned",
			},
			noClaims: []string{"the allegations", "echoed the allegations"}},
		{name: "backing a thing supports the first claim that named it",
			text:     "Castell said the recount would start on Monday.\n\nRoe backed the recount.",
			want:     []string{"person/jane-roe -supports-> the recount would start on Monday"},
			noClaims: []string{"the recount", "backed the recount"}},
		{name: "backing a thing no claim named makes no edge",
			text:   "Castell said the observers had left early.\n\nRoe backed the recount.",
			none:   true,
			claims: []string{"person/jane-roe | backed the recount"}},
		{name: "rejecting someone's claims disputes each of them",
			text: "Roe alleged that the count was rigged. Roe said the observers had been bribed.\n\nCastell rejected Roe's claims.",
			want: []string{
				"person/omar-castell -disputes-> the count was rigged",
				"person/omar-castell -disputes-> the observers had been bribed",
			},
			noClaims: []string{"Roe's claims", "rejected Roe's claims"}},
		{name: "a denial of this and the clause that goes on both dispute the last claim",
			text:     "The CRP alleged that ballots had been burned in Valdora.\n\nThe ministry denied this, saying no ballots had been lost.",
			want:     []string{"claim:no ballots had been lost -disputes-> ballots had been burned in Valdora"},
			noClaims: []string{"this, saying no ballots had been lost", "this"}},
		{name: "a denial of a noun phrase keeps its verb in the claim",
			text:     "The CRP denied any wrongdoing.",
			claims:   []string{"party/crp | denied any wrongdoing"},
			noClaims: []string{"any wrongdoing"}},
		{name: "backing a speaker and denying a clause are two stances",
			text:     "Castell said the talks had failed.\n\nThe CRP backed Castell and denied that it had asked for any ministry.",
			want:     []string{"party/crp -supports-> the talks had failed"},
			claims:   []string{"party/crp | it had asked for any ministry"},
			noClaims: []string{"Castell and denied that it had asked for any ministry"}},
		{name: "an organisation named by the head word of its name",
			text:     "The Valdora Election Commission said it had found no fraud.\n\nRoe backed the commission, saying its staff had done their jobs.",
			want:     []string{"person/jane-roe -supports-> it had found no fraud", "claim:its staff had done their jobs -supports-> it had found no fraud"},
			noClaims: []string{"the commission", "backed the commission"}},
		{name: "rejecting any suggestion of a thing disputes the allegations before",
			text: "Castell alleged that the count had been rigged.\n\nThe CRP rejected any suggestion of fraud.",
			want: []string{"party/crp -disputes-> the count had been rigged"}},
		{name: "rejecting the criticism disputes the last allegation before",
			text:     "Castell said the vote was late. Castell alleged that the board had hidden the audit.\n\nRoe rejected the criticism.",
			want:     []string{"person/jane-roe -disputes-> the board had hidden the audit"},
			not:      []string{"person/jane-roe -disputes-> the vote was late"},
			noClaims: []string{"rejected the criticism", "the criticism"}},
		{name: "rejecting someone's allegations as something is a claim that disputes them",
			text: "The CRP alleged that ballot boxes had been opened.\n\nCastell rejected the CRP's allegations as “a desperate fiction”.",
			want: []string{
				"person/omar-castell -disputes-> ballot boxes had been opened",
				"claim:“a desperate fiction” -disputes-> ballot boxes had been opened",
			},
			claims:   []string{"person/omar-castell | “a desperate fiction” (direct)"},
			noClaims: []string{"the CRP's allegations as “a desperate fiction”"}},
		{name: "an apposition naming someone's denial disputes the claim before it",
			text: "The CRP alleged that the ballots were burned, a charge Castell has repeatedly denied. Castell said the count was fair, a claim that the CRP disputes.",
			want: []string{
				"person/omar-castell -disputes-> the ballots were burned",
				"party/crp -disputes-> the count was fair",
			},
			noClaims: []string{"the ballots were burned, a charge Castell has repeatedly denied", "the CRP disputes"}},
		{name: "an owner that said nothing makes no edge to someone else",
			text: "Castell said the count was fair.\n\nRoe backed the commission's decision.",
			none: true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			text := intro + tc.text
			sg := Extract(articleNode(text))
			checkSpans(t, text, sg)
			got := stanceLines(sg)
			if tc.none && len(got) > 0 {
				t.Errorf("want no stance edge, got:\n  %s", strings.Join(got, "\n  "))
			}
			for _, w := range tc.want {
				if !slices.Contains(got, w) {
					t.Errorf("missing %q\n got:\n  %s", w, strings.Join(got, "\n  "))
				}
			}
			for _, w := range tc.not {
				if slices.Contains(got, w) {
					t.Errorf("unexpected %q", w)
				}
			}
			lines := said(sg)
			for _, w := range tc.claims {
				if !slices.Contains(lines, w) {
					t.Errorf("missing claim %q\n got:\n  %s", w, strings.Join(lines, "\n  "))
				}
			}
			for _, n := range sg.Nodes {
				if n.Kind == graph.Claim && slices.Contains(tc.noClaims, n.Text) {
					t.Errorf("unexpected claim %q", n.Text)
				}
			}
		})
	}
}

func TestBareObjectIsANounPhraseWithoutAVerb(t *testing.T) {
	for _, tc := range []struct {
		text string
		want bool
	}{
		{"the recount", true},
		{"calls from the opposition for a snap election", true},
		{"Kovac's decision in a short statement", true},
		{"the voices were genuine", false},
		{"he had met officials", false},
		{"the “rigged” count", false},
	} {
		t.Run(tc.text, func(t *testing.T) {
			x := newExtraction(articleNode(tc.text))
			x.run()
			if got := x.bareObject(0, len(x.d.toks)); got != tc.want {
				t.Errorf("bareObject(%q) = %v, want %v", tc.text, got, tc.want)
			}
		})
	}
}
