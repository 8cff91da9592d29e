package extract

import (
	"slices"
	"testing"

	"github.com/claimgraph/claimgraph/graph"
)

// TestSeedStyleArticles checks, on three articles written in the style of
// regional political news (curly and straight quotes, acronyms defined in
// parentheses, titles and descriptions that refer back, an embedded
// tweet), the behaviours each was written to show.
func TestSeedStyleArticles(t *testing.T) {
	type said struct{ words, speaker string }
	type edge struct {
		from string
		rel  graph.Rel
		to   string
	}
	for _, tc := range []struct {
		file    string
		said    []said
		members []edge
		nodes   []string
		absent  []string
		aliases map[string]string
	}{
		{file: "leaked-messages.txt",
			said: []said{
				{"rigged in favour of the ruling coalition", "party/njl"},
				{"arranged well before the count", "person/farida-oyelaran"},
				{"We won these seats door by door", "person/farida-oyelaran"},
				{"We have nothing to hide", "person/tomasz-wierzba"},
				{"taken from a phone that was stolen", "person/tomasz-wierzba"},
				{"people of Kestral voted for change", "person/aldo-serrano"},
				{"recycled conspiracy theories", "person/pieter-vos"},
				{"full answers within days", "person/dina-marsh"},
			},
			members: []edge{{"person/aldo-serrano", graph.MemberOf, "party/njl"}, {"person/tomasz-wierzba", graph.MemberOf, "party/puf"}},
			nodes:   []string{"event/october-30-by-elections", "organization/eck", "party/kfp"},
			absent:  []string{"person/league"},
			aliases: map[string]string{"party/njl": "National Justice League", "party/puf": "Progressive Unity Front"},
		},
		{file: "contract-clip.txt",
			said: []said{
				{"decided in a drawing room", "person/imtiaz-warsi"},
				{"The contract is yours", "person/saleem-chaudhry"},
				{"I have never met this donor", "person/rukhsana-bhatti"},
				{"denied any link to the recording", "person/rukhsana-bhatti"},
				{"This is not about one clip", "person/imtiaz-warsi"},
				{"will not be blackmailed", "person/asad-gilani"},
				{"politically motivated", "person/rukhsana-bhatti"},
				{"signed before the vote", ""},
			},
			members: []edge{{"person/rukhsana-bhatti", graph.MemberOf, "party/pca"}, {"person/asad-gilani", graph.MemberOf, "party/pca"},
				{"person/imtiaz-warsi", graph.MemberOf, "party/arp"}},
			nodes:  []string{"organization/awaz", "organization/fia"},
			absent: []string{"person/awaz"},
		},
		{file: "budget-walkout.txt",
			said: []said{
				{"Nobody in this house has seen the final numbers", "person/bilal-ahmed-soomro"},
				{"tabled again on Friday", "person/ayesha-karim"},
				{"not been cut by a single rupee", "person/ayesha-karim"},
				{"until the minister publishes every page", "person/bilal-ahmed-soomro"},
				{"catastrophic for rural clinics", "organization/nma"},
			},
			members: []edge{{"person/bilal-ahmed-soomro", graph.MemberOf, "party/jwp-n"}},
			nodes:   []string{"event/2021-general-elections", "party/adp", "party/npf"},
		},
		{file: "ceasefire-talks.txt",
			said: []said{
				{"keeping parliament in the dark", "person/raza-ul-haq"},
				{"We are not against dialogue", "person/raza-ul-haq"},
				{"ignored three written requests", "person/shireen-baloch"},
				{"a very early stage", "person/junaid-khattak"},
				{"Parliament is not a rubber stamp", "person/hamid-lodhi"},
				{"tired of funerals", "person/abdul-sattar"},
			},
			members: []edge{{"person/raza-ul-haq", graph.MemberOf, "party/qip"}, {"person/shireen-baloch", graph.MemberOf, "party/qip"},
				{"person/hamid-lodhi", graph.MemberOf, "party/ail"}, {"person/nasreen-qadri", graph.MemberOf, "party/ail"}},
			absent: []string{"person/maulana-abdul-sattar"},
		},
		{file: "sit-in.txt",
			said: []said{
				{"industrial-scale rigging", "person/sohail-afridi"},
				{"beaten and thrown out", "person/mehreen-kazmi"},
				{"maximum restraint", "person/zahid-leghari"},
				{"an attempt to", "party/map"},
				{"an attempt to", "party/jen"},
				{"I stand with the workers", "person/mehreen-kazmi"},
			},
			members: []edge{{"person/sohail-afridi", graph.MemberOf, "party/tea"}},
			absent:  []string{"person/tea"},
			aliases: map[string]string{"party/tea": "Tehreek-e-Adl", "party/jen": "Jamaat-e-Nizam"},
		},
		{file: "graft-case.txt",
			said: []said{
				{"political vendetta", "person/saima-hashmi"},
				{"not produced a single document", "person/saima-hashmi"},
				{"personally approved", "person/imran-bhatti"},
				{"fully independent", "person/sadia-anwar"},
				{"part of a pattern of harassment", "party/paf"},
			},
			members: []edge{{"person/khalid-rauf", graph.MemberOf, "party/paf"}, {"person/imran-bhatti", graph.MemberOf, "organization/nao"}},
		},
	} {
		t.Run(tc.file, func(t *testing.T) {
			art := readArticle(t, tc.file)
			sg := Extract(art)
			checkSpans(t, art.Text, sg)
			g := indexSubgraph(sg)
			for _, s := range tc.said {
				c, ok := g.claimWith(s.words)
				switch {
				case !ok:
					t.Errorf("no claim holds %q", s.words)
				case s.speaker == "" && len(g.speakers[c.ID]) > 0:
					t.Errorf("claim %q: speakers %v, want none", c.Text, g.speakers[c.ID])
				case s.speaker != "" && !slices.Contains(g.speakers[c.ID], s.speaker):
					t.Errorf("claim %q: speakers %v, want %s", c.Text, g.speakers[c.ID], s.speaker)
				}
			}
			for _, e := range tc.members {
				if !g.has(e.from, e.rel, e.to) {
					t.Errorf("no %s %s %s", e.from, e.rel, e.to)
				}
			}
			for _, id := range tc.nodes {
				if _, ok := g.nodes[id]; !ok {
					t.Errorf("no node %s", id)
				}
			}
			for _, id := range tc.absent {
				if _, ok := g.nodes[id]; ok {
					t.Errorf("unexpected node %s", id)
				}
			}
			for id, alias := range tc.aliases {
				if n := g.nodes[id]; !slices.Contains(n.Aliases, alias) {
					t.Errorf("%s aliases %v lack %q", id, n.Aliases, alias)
				}
			}
		})
	}
}
