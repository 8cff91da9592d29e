package extract

import (
	"slices"
	"strings"
	"testing"

	"github.com/claimgraph/claimgraph/graph"
)

// entityIDs lists the IDs of the entity nodes of a subgraph.
func entityIDs(sg graph.Subgraph) []string {
	var out []string
	for _, n := range sg.Nodes {
		if n.Kind.IsEntity() {
			out = append(out, n.ID)
		}
	}
	return out
}

// edgesOf lists "from -rel-> to (role)" for the edges of one relation.
func edgesOf(sg graph.Subgraph, rel graph.Rel) []string {
	var out []string
	for _, e := range sg.Edges {
		if e.Rel == rel {
			s := e.From + " -" + string(e.Rel) + "-> " + e.To
			if e.Role != "" {
				s += " (" + e.Role + ")"
			}
			out = append(out, s)
		}
	}
	return out
}

func TestEntities(t *testing.T) {
	for _, tc := range []struct {
		name string
		text string
		want []string // entity IDs that must be present
		not  []string // entity IDs that must be absent
	}{
		{"a full name is a person and a party word makes a party",
			"Jane Roe joined the Citizens Renewal Party in 2019.",
			[]string{"person/jane-roe", "party/citizens-renewal-party"}, nil},
		{"an acronym defined in parentheses is one entity with its long name",
			"The Northern Unity Front (NUF) won. The NUF celebrated.",
			[]string{"party/nuf"}, []string{"party/northern-unity-front", "organization/nuf"}},
		{"organisation words make an organisation",
			"The Valdora Electoral Commission published the results.",
			[]string{"organization/valdora-electoral-commission"}, nil},
		{"a name after in is a place",
			"The rally in Port Alder drew thousands.",
			[]string{"place/port-alder"}, nil},
		{"a dated election is an event",
			"In the March 3 elections, turnout fell. The 2019 elections were calmer.",
			[]string{"event/march-3-elections", "event/2019-elections"}, nil},
		{"dated polls are the same event as dated elections",
			"The March 3 polls were delayed.",
			[]string{"event/march-3-elections"}, nil},
		{"sentence-initial words, months, weekdays and pronouns are not entities",
			"Despite the rain, Jane Roe spoke. Today she spoke again. Monday was quiet. February was cold. He left.",
			[]string{"person/jane-roe"},
			[]string{"person/despite", "person/today", "person/monday", "person/february", "person/he"}},
		{"a title before a name is not part of it",
			"Governor Omar Castell and Sen. Maria Varga arrived.",
			[]string{"person/omar-castell", "person/maria-varga"}, []string{"person/governor-omar-castell"}},
		{"a surname alone is the person named in full before",
			"Omar Castell spoke first. Later Castell left.",
			[]string{"person/omar-castell"}, []string{"person/castell"}},
		{"a post-nominal is dropped from a name",
			"Lena Brandt MP voted against.",
			[]string{"person/lena-brandt"}, []string{"person/lena-brandt-mp"}},
		{"the first word of a long name before its acronym is kept",
			"Jane Roe's National Renewal Party (NRP) met. The Federal Audit Commission (FAC) spoke. The NRP left.",
			[]string{"party/nrp", "organization/fac"},
			[]string{"party/renewal-party", "organization/nrp", "organization/audit-commission", "organization/federal-audit-commission"}},
		{"a seniority word before a person's title is still dropped",
			"Former Governor Omar Castell spoke.",
			[]string{"person/omar-castell"}, []string{"person/former-governor-omar-castell"}},
		{"a name does not end in a preposition left by a weekday",
			"The Supreme Court on Thursday heard the case.",
			[]string{"organization/supreme-court"}, []string{"organization/supreme-court-on"}},
		{"a plural common noun opening a sentence is no person",
			"Analysts said the vote was close. Critics argued it was not.",
			nil, []string{"person/analysts", "person/critics"}},
		{"a name also used as a place is a place even before a verb",
			"Nobody in Port Kelvar believes it. The mayor of Dunmore spoke. Dunmore believes the count was fair.",
			[]string{"place/dunmore"}, []string{"person/dunmore", "person/kelvar"}},
		{"a place after in is a place even where it is a subject",
			"Crowds gathered in Velmora. Velmora says it was ready.",
			[]string{"place/velmora"}, []string{"person/velmora"}},
		{"maulana and begum are honorifics, not names",
			"Maulana Tariq Quill and Begum Nasreen Amin met the press on Monday.",
			[]string{"person/tariq-quill", "person/nasreen-amin"}, []string{"person/maulana-tariq-quill", "person/begum-nasreen-amin"}},
		{"a title word after an honorific is a surname",
			"Larry King hosts a show. “We need money,” Mr. King said.",
			[]string{"person/larry-king"}, []string{"person/king"}},
		{"a title word inside an organisation's name splits no person off it",
			"The Civic Justice League (CJL) met. The Senate Justice Committee heard it. Justice Minister Ali Rahim spoke.",
			[]string{"party/cjl", "organization/senate-justice-committee", "person/ali-rahim"},
			[]string{"person/league", "person/committee", "organization/cjl"}},
		{"and inside a name defined by its acronym is part of the name",
			"The Justice and Unity Party (JUP) won. Roe and Castell Party members left.",
			[]string{"party/jup"}, []string{"party/unity-party", "party/roe-and-castell-party"}},
		{"a hyphenated party name with a mixed-case acronym",
			"Supporters of the Tehreek-e-Insaaf (TeI) gathered on Friday. The TeI said it would stay.",
			[]string{"party/tei"}, []string{"person/tei", "organization/tehreek-e-insaaf"}},
		{"a name opening a quote or following a colon loses its sentence-initial The",
			"Roe said “The Harbour Trust will pay.” Castell added: The Valdora Port Authority agrees.",
			[]string{"organization/harbour-trust", "organization/valdora-port-authority"},
			[]string{"organization/the-harbour-trust", "organization/the-valdora-port-authority"}},
		{"an acronym written without its hyphen is the same party",
			"The Harbour Unity Party-Nord (HUP-N) met. Seats went to the HUPN and others.",
			[]string{"party/hup-n"}, []string{"organization/hupn", "party/hupn"}},
		{"a headline's topic before a colon is no speaker",
			"Water dispute: provinces trade accusations over the canal in Port Alder\n\nThe minister spoke on Monday.",
			nil, []string{"person/water", "organization/water"}},
		{"two people who share a surname stay two people",
			"Omar Castell opened the session. His cousin Tariq Castell spoke next. Later Castell left.",
			[]string{"person/omar-castell", "person/tariq-castell"}, nil},
		{"an office after a title of the form Leader of the Opposition is no part of the name",
			"Leader of the Opposition Tariq Quill spoke on Monday. Minister of Finance Nasreen Amin said the budget was ready. Secretary of State Omar Castell left.",
			[]string{"person/tariq-quill", "person/nasreen-amin", "person/omar-castell"},
			[]string{"person/opposition-tariq-quill", "person/finance-nasreen-amin", "person/state-omar-castell"}},
		{"desk bylines name no one",
			"By Staff Reporter\n\nWeb Desk reported that the vote in Port Alder was close. Our Correspondent said turnout was low.",
			[]string{"place/port-alder"}, []string{"person/staff-reporter", "person/web-desk", "person/our-correspondent"}},
		{"a possessive inside a party name is kept",
			"The Workers' Progress Party (WPP) met. The People's Party did not.",
			[]string{"party/wpp", "party/peoples-party"}, []string{"party/progress-party"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			sg := Extract(articleNode(tc.text))
			checkSpans(t, tc.text, sg)
			got := entityIDs(sg)
			for _, w := range tc.want {
				if !slices.Contains(got, w) {
					t.Errorf("missing %s; entities: %v", w, got)
				}
			}
			for _, w := range tc.not {
				if slices.Contains(got, w) {
					t.Errorf("unexpected %s; entities: %v", w, got)
				}
			}
		})
	}
}

func TestAcronymResolvesEveryUse(t *testing.T) {
	text := "Jane Roe's National Renewal Party (NRP) won. The NRP claimed that the count was fair. " +
		"Later the National Renewal Party said that it would appeal."
	sg := Extract(articleNode(text))
	g := indexSubgraph(sg)
	n, ok := g.nodes["party/nrp"]
	if !ok || !slices.Contains(n.Aliases, "National Renewal Party") {
		t.Fatalf("party/nrp missing or without its long name: %+v; entities %v", n, entityIDs(sg))
	}
	for _, words := range []string{"the count was fair", "it would appeal"} {
		c, ok := g.claimWith(words)
		if !ok || !slices.Contains(g.speakers[c.ID], "party/nrp") {
			t.Errorf("claim %q not said by party/nrp: %v", words, g.speakers[c.ID])
		}
	}
	for _, id := range entityIDs(sg) {
		if strings.Contains(id, "renewal") {
			t.Errorf("a second entity %s for the party", id)
		}
	}
}

func TestCurlyApostropheNameHasStraightAlias(t *testing.T) {
	g := indexSubgraph(Extract(articleNode("James O’Neill spoke first. O’Neill said the fire was out.")))
	n := g.nodes["person/james-oneill"]
	if !slices.Contains(n.Aliases, "O'Neill") || !slices.Contains(n.Aliases, "O’Neill") {
		t.Errorf("aliases %v lack one of the spellings of the surname; nodes %v", n.Aliases, g.nodes)
	}
}

func TestAliases(t *testing.T) {
	text := "Jane Roe's Citizens Renewal Party (CRP) won. Roe thanked the CRP."
	g := indexSubgraph(Extract(articleNode(text)))
	if n := g.nodes["party/crp"]; !slices.Contains(n.Aliases, "Citizens Renewal Party") {
		t.Errorf("party/crp aliases %v lack the long name", n.Aliases)
	}
	if n := g.nodes["person/jane-roe"]; !slices.Contains(n.Aliases, "Roe") {
		t.Errorf("person/jane-roe aliases %v lack the surname", n.Aliases)
	}
}

func TestMemberships(t *testing.T) {
	for _, tc := range []struct {
		name string
		text string
		want string
	}{
		{"possessive leadership of a party",
			"Jane Roe's Citizens Renewal Party (CRP) won the vote.",
			"person/jane-roe -member-of-> party/crp"},
		{"an acronym and a role written before the name",
			"The Citizens Renewal Party (CRP) met. CRP senior deputy leader John Smith spoke.",
			"person/john-smith -member-of-> party/crp (senior deputy leader)"},
		{"an apposition after the name",
			"The Citizens Renewal Party (CRP) met. John Smith, the treasurer of the CRP, spoke.",
			"person/john-smith -member-of-> party/crp (treasurer)"},
		{"a capitalised title inside the name run",
			"The Citizens Renewal Party (CRP) met. CRP Chairman John Smith spoke.",
			"person/john-smith -member-of-> party/crp (chairman)"},
		{"the role is the first title of an apposition, not every title word in it",
			"Omar Castell, the governor of Valdora and a senior figure in the Citizens Renewal Party (CRP), spoke.",
			"person/omar-castell -member-of-> party/crp (governor)"},
		{"of the party after the name",
			"Tariq Quill of the Citizens Renewal Party disagreed.",
			"person/tariq-quill -member-of-> party/citizens-renewal-party"},
		{"a description with the party before the name in commas",
			"The Citizens Renewal Party (CRP) met. The CRP treasurer, Tariq Quill, said the audit was late.",
			"person/tariq-quill -member-of-> party/crp (treasurer)"},
		{"a person's party named in apposition",
			"Former mayor Tariq Quill's party, the Harbour Reform Front, said it would not take part.",
			"person/tariq-quill -member-of-> party/harbour-reform-front"},
		{"a party's person named with a possessive",
			"The Citizens Renewal Party (CRP) met. The CRP's Tariq Quill spoke.",
			"person/tariq-quill -member-of-> party/crp"},
		{"a name with a lower-case particle",
			"Senator Raza ul Amin of the Citizens Renewal Party spoke.",
			"person/raza-ul-amin -member-of-> party/citizens-renewal-party"},
		{"an apposition with the party before a lower-case role",
			"The Citizens Renewal Party (CRP) met. “We are ready,” said Tariq Quill, the CRP parliamentary leader.",
			"person/tariq-quill -member-of-> party/crp (parliamentary leader)"},
		{"of the party set off by commas after the name",
			"Tariq Quill, of the Citizens Renewal Party (CRP), disagreed.",
			"person/tariq-quill -member-of-> party/crp"},
		{"a long apposition whose party comes after another role",
			"Tariq Quill, the head of the audit panel in the regional assembly and a senior figure in the Citizens Renewal Party (CRP), spoke.",
			"person/tariq-quill -member-of-> party/crp (head)"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := edgesOf(Extract(articleNode(tc.text)), graph.MemberOf)
			if !slices.Contains(got, tc.want) {
				t.Errorf("missing %q; member-of edges: %v", tc.want, got)
			}
		})
	}
}

func TestCoreference(t *testing.T) {
	for _, tc := range []struct {
		name string
		text string
		want string // speaker of the only claim
	}{
		{"a pronoun refers to the subject of the sentence before",
			"Maria Varga launched her campaign. She said the buses would run on time.",
			"person/maria-varga"},
		{"a surname refers to the full name",
			"Maria Varga launched her campaign. Varga said the buses would run on time.",
			"person/maria-varga"},
		{"a title refers to the person who holds it",
			"Omar Castell, the governor of Valdora, was in the audio. The governor said the vote was fake.",
			"person/omar-castell"},
		{"a pronoun refers to a description heading the sentence before",
			"Aides of city mayor Maria Varga met a donor. Party chairman Omar Castell left. The mayor, who took office in 2023, faced questions. She said the buses would run on time.",
			"person/maria-varga"},
		{"the head word of an organisation's name refers back to it",
			"The Harbour Medical Association (HMA) opened a clinic. The association warned that the cuts would close it.",
			"organization/hma"},
		{"the party refers back to the party named before",
			"Jane Roe joined the Harbour Farmers' Party in May. The party said the cuts would close the clinic.",
			"party/harbour-farmers-party"},
		{"a description refers to the holder of the title inside a name",
			"Valdora Governor Omar Castell spoke. The governor said the vote was fake.",
			"person/omar-castell"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := said(Extract(articleNode(tc.text)))
			if len(got) != 1 || !strings.HasPrefix(got[0], tc.want+" | ") {
				t.Errorf("claims %v, want one said by %s", got, tc.want)
			}
		})
	}
}

func TestAboutLinksClaimsToTheEntitiesTheyMention(t *testing.T) {
	text := "The Citizens Renewal Party (CRP) met. Omar Castell said the CRP had stolen the March 3 elections."
	got := edgesOf(Extract(articleNode(text)), graph.About)
	for _, w := range []string{"party/crp", "event/march-3-elections"} {
		found := false
		for _, e := range got {
			found = found || strings.HasSuffix(e, "-about-> "+w)
		}
		if !found {
			t.Errorf("no about edge to %s; about edges: %v", w, got)
		}
	}
}

func TestMentionsEveryEntity(t *testing.T) {
	text := "Omar Castell met Jane Roe in Port Alder."
	sg := Extract(articleNode(text))
	got := edgesOf(sg, graph.Mentions)
	for _, id := range entityIDs(sg) {
		if !slices.Contains(got, sg.Article+" -mentions-> "+id) {
			t.Errorf("no mentions edge to %s", id)
		}
	}
	for _, e := range sg.Edges {
		if e.Rel == graph.Mentions && e.To == "person/jane-roe" && text[e.Start:e.End] != "Jane Roe" {
			t.Errorf("mentions span is %q, want the first mention", text[e.Start:e.End])
		}
	}
}
