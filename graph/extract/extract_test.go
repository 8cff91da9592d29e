package extract

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/claimgraph/claimgraph/graph"
)

// said lists "speaker-id | claim text" for every said edge, and
// "- | claim text" for claims nobody said; direct claims end in " (direct)".
func said(sg graph.Subgraph) []string {
	nodes := map[string]graph.Node{}
	for _, n := range sg.Nodes {
		nodes[n.ID] = n
	}
	var out []string
	spoken := map[string]bool{}
	for _, e := range sg.Edges {
		if e.Rel != graph.Said {
			continue
		}
		spoken[e.To] = true
		out = append(out, claimLine(e.From, nodes[e.To]))
	}
	for _, n := range sg.Nodes {
		if n.Kind == graph.Claim && !spoken[n.ID] {
			out = append(out, claimLine("-", n))
		}
	}
	slices.Sort(out)
	return out
}

func claimLine(speaker string, c graph.Node) string {
	s := speaker + " | " + c.Text
	if c.Direct {
		s += " (direct)"
	}
	return s
}

// intro names the people and parties the attribution cases refer to.
const intro = "Jane Roe, the leader of the Citizens Renewal Party (CRP), and Omar Castell, the governor of Valdora, met on Monday.\n\n"

func TestAttribution(t *testing.T) {
	for _, tc := range []struct {
		name string
		text string
		want []string // lines that must be among said(...)
		not  []string // lines that must not
	}{
		{"a quote with the speaker after it",
			"“We will win the recount,” Roe said.",
			[]string{"person/jane-roe | We will win the recount (direct)"}, nil},
		{"a cue verb with a particle that changes its meaning says nothing",
			"Castell showed off the “Ferry Forward” cap his staff had given him. The CRP called off the “harbour march” after the storm.",
			nil,
			[]string{"person/omar-castell | off the “Ferry Forward” cap his staff had given him (direct)", "party/crp | off the “harbour march” after the storm (direct)"}},
		{"known as names and says nothing",
			"Dan Shore, known online as “Harbourmaster,” was arrested in Valdora on Monday.",
			nil, []string{"person/dan-shore | online as “Harbourmaster,” was arrested in Valdora on Monday (direct)"}},
		{"a verb of any kind with up before a preposition frames no quote",
			"Castell showed up in the “brown beret” gear of a nationalist group.",
			nil, []string{"person/omar-castell | up in the “brown beret” gear of a nationalist group (direct)"}},
		{"a subject whose apposition opens with of speaks the clause after the cue",
			"Tariq Quill, of the Citizens Renewal Party (CRP), said the recount was a formality.",
			[]string{"person/tariq-quill | the recount was a formality"},
			[]string{"- | Tariq Quill, of the Citizens Renewal Party (CRP"}},
		{"adding that after a partial quote whose comma sits inside the marks is the subject's claim",
			"CRP treasurer Tariq Quill dismissed the audit as “a fishing trip,” adding that the party “has nothing to fear”.",
			[]string{"person/tariq-quill | the party “has nothing to fear” (direct)"},
			[]string{"party/crp | the party “has nothing to fear” (direct)"}},
		{"an outlet introduced as the daily X is the newspaper named later",
			"The daily Ledger reported that the count was late. The newspaper said the vote was close.",
			[]string{"organization/ledger | the count was late", "organization/ledger | the vote was close"}, nil},
		{"an acronym after the object of ask belongs to the object",
			"Roe said the CRP would ask the Federal Audit Office (FAO) to examine the ballots.",
			[]string{"person/jane-roe | the CRP would ask the Federal Audit Office (FAO) to examine the ballots"},
			[]string{"party/crp | FAO) to examine the ballots", "- | FAO) to examine the ballots"}},
		{"a titled person of a party speaks, not the party",
			"Senator Tariq Quill of the Harbour Unity Party said the count was late. Senator Nasreen Amin of the Harbour Unity Party (HUP) on Tuesday said it was fair.",
			[]string{"person/tariq-quill | the count was late", "person/nasreen-amin | it was fair"},
			[]string{"party/harbour-unity-party | the count was late", "party/hup | it was fair", "- | it was fair"}},
		{"a description before a name in apposition is no content",
			"The treasurer, Tariq Quill, said the audit was late. Her senior adviser, Nasreen Amin, said the audit had been sent to the board on Monday.",
			[]string{"person/tariq-quill | the audit was late", "person/nasreen-amin | the audit had been sent to the board on Monday"},
			[]string{"person/tariq-quill | The treasurer", "- | Her senior adviser, Nasreen Amin"}},
		{"a name with initials after an honorific keeps its initials",
			"Dr. A. Q. Sheikhani, the treasurer, said the audit was late.",
			[]string{"person/a-q-sheikhani | the audit was late"}, nil},
		{"an honorific on a later mention tells the pronoun's gender",
			"Claire Whitfield met Tariq Quill. Asked whether he had met Ms. Whitfield again, he said: “Not yet.”",
			[]string{"person/tariq-quill | Not yet. (direct)"}, []string{"person/claire-whitfield | Not yet. (direct)"}},
		{"a partial quote after a passive cue stays in the reported claim",
			"Castell said the talks were at “a very early stage” and that the board would be informed “at the right time”.",
			[]string{"person/omar-castell | the talks were at “a very early stage” and that the board would be informed “at the right time” (direct)"},
			[]string{"- | at the right time (direct)"}},
		{"a pronoun skips an owner named before a possessive",
			"“The audit is a vendetta,” Castell's lawyer, Nasreen Amin, told the court. She argued that the board had “not produced a single document”.",
			[]string{"person/nasreen-amin | the board had “not produced a single document” (direct)"},
			[]string{"person/omar-castell | the board had “not produced a single document” (direct)"}},
		{"back down is no stance cue",
			"‘We will not back down’: the party vows to continue the sit-in.",
			nil, []string{"- | down’: the party vows to continue the sit-in", "party/crp | down’: the party vows to continue the sit-in", "person/jane-roe | down’: the party vows to continue the sit-in"}},
		{"a content keeps the parenthesis that closes an acronym",
			"Castell said the board would take the dispute to the Harbour Appeals Council (HAC).",
			[]string{"person/omar-castell | the board would take the dispute to the Harbour Appeals Council (HAC)"}, nil},
		{"the words before a frame set off by commas open the content",
			"Castell spoke on Monday. The bridge, he said, had been approved by the council in 2023.",
			[]string{"person/omar-castell | The bridge had been approved by the council in 2023"}, nil},
		{"an unnamed group walking out with a quoted reason makes a claim without a speaker",
			"Opposition lawmakers walked out of the session, saying the board had “no plan at all” for the shortage.",
			[]string{"- | the board had “no plan at all” for the shortage (direct)"}, nil},
		{"two parties joined by and both speak the claim",
			"The Harbour Unity Party (HUP) and the Valley League (VL) said the count was rigged. The Dock Workers' Party (DWP) and its ally, the Farmers' Front (FF), both said the recount was “a farce”.",
			[]string{"party/hup | the count was rigged", "party/vl | the count was rigged",
				"party/dwp | the recount was “a farce” (direct)", "party/ff | the recount was “a farce” (direct)"}, nil},
		{"an organisation in apposition to a description is the subject",
			"The board's auditor, the Harbour Trust (HT), said it would pay.",
			[]string{"organization/ht | it would pay"}, []string{"organization/ht | The board's auditor, the Harbour Trust (HT)"}},
		{"an accusation after and is the object and its of clause",
			"In a statement, the CRP said the audit was late and accused Castell's office of hiding the ledgers.",
			[]string{"party/crp | Castell's office of hiding the ledgers"}, []string{"party/crp | accused Castell's office of hiding the ledgers"}},
		{"a lower-case role before a titled name of a party",
			"In a post on Friday, opposition leader Tariq Quill of the Harbour Unity Party urged the board to “stop issuing statements”.",
			[]string{"person/tariq-quill | “stop issuing statements” (direct)"}, []string{"party/harbour-unity-party | “stop issuing statements” (direct)"}},
		{"a short phrase between a named subject and its verb",
			"The rift was complete when Castell in his opening speech called the auditors “vandals”.",
			[]string{"person/omar-castell | the auditors “vandals” (direct)"}, nil},
		{"a cue noun after a determiner in the frame's tail is no second verb",
			"“Boots on the ground” would be wise, Castell said after the attacks.",
			[]string{"person/omar-castell | “Boots on the ground” would be wise (direct)"}, nil},
		{"an -ing clause after the frame's tail is a frame of its own",
			"The levy is “a disgrace,” Roe said Tuesday in Valdora, noting the board “makes you want to weep.”",
			[]string{"person/jane-roe | The levy is “a disgrace,” (direct)", "person/jane-roe | the board “makes you want to weep.” (direct)"}, nil},
		{"a title before a place heads the speaker phrase",
			"The senator from Valdora said the ferry contract was “corrupt,” and left.",
			[]string{"- | the ferry contract was “corrupt,” and left (direct)"}, nil},
		{"a party in apposition to a person's party speaks",
			"Former mayor Tariq Quill's party, the Harbour Reform Front, said it would not “legitimise a rigged count”.",
			[]string{"party/harbour-reform-front | it would not “legitimise a rigged count” (direct)"},
			[]string{"person/tariq-quill | it would not “legitimise a rigged count” (direct)"}},
		{"a time phrase before the that-clause is no part of the content",
			"The CRP alleged last week that ballots were burned. Castell said Tuesday that the count was fair.",
			[]string{"party/crp | ballots were burned", "person/omar-castell | the count was fair"},
			[]string{"party/crp | last week that ballots were burned", "person/omar-castell | Tuesday that the count was fair"}},
		{"having not commented is no claim",
			"The CRP has not commented on the audit.",
			nil, []string{"party/crp | the audit"}},
		{"not responding to a request for comment is no claim",
			"The CRP did not respond to a request for comment. Castell responded to the charges by saying that the count was fair.",
			[]string{"person/omar-castell | the count was fair"},
			[]string{"party/crp | to a request for comment", "party/crp | a request for comment"}},
		{"a currency abbreviation does not end the sentence",
			"According to the budget papers, the bridge will cost Rs. 2.4 billion over five years.",
			[]string{"- | the bridge will cost Rs. 2.4 billion over five years"}, nil},
		{"a quote with the cue before the speaker after it",
			"“We will win the recount,” said Jane Roe.",
			[]string{"person/jane-roe | We will win the recount (direct)"}, nil},
		{"a quote introduced by its speaker and a colon",
			"Roe told reporters: “We will win the recount.”",
			[]string{"person/jane-roe | We will win the recount. (direct)"}, nil},
		{"a quote split around its speaker is one claim",
			"“We will win the recount,” Roe said, “and then we will govern.”",
			[]string{"person/jane-roe | We will win the recount and then we will govern. (direct)"}, nil},
		{"a quote that goes on in the next sentence joins the first",
			"“We will win the recount,” Roe said. “Then we will govern.”",
			[]string{"person/jane-roe | We will win the recount Then we will govern. (direct)"}, nil},
		{"the present tense says",
			"“The count was fair,” Castell says.",
			[]string{"person/omar-castell | The count was fair (direct)"}, nil},
		{"is heard saying with a title for the speaker",
			"“We did not win a single ward,” the governor is heard saying.",
			[]string{"person/omar-castell | We did not win a single ward (direct)"}, nil},
		{"a report quoted someone as saying",
			"“All we get is one ministry,” a Courier report quoted Castell as saying.",
			[]string{"person/omar-castell | All we get is one ministry (direct)"}, nil},
		{"a report quoted someone as saying that, in reported speech",
			"A Courier report quoted Castell as saying that the tapes had been “cut and spliced”.",
			[]string{"person/omar-castell | the tapes had been “cut and spliced” (direct)"}, nil},
		{"a report quoted someone with an apposition as saying that",
			"A Courier report quoted Jane Roe, the CRP leader, as saying that the recount would settle it.",
			[]string{"person/jane-roe | the recount would settle it"}, nil},
		{"is heard saying that is reported speech of the title holder",
			"In the audio, the governor is heard saying that the numbers were settled early.",
			[]string{"person/omar-castell | the numbers were settled early"}, nil},
		{"a passive cue verb gives its subject no claim",
			"The CRP had been promised more seats. Roe is expected to announce a decision.",
			nil, []string{"party/crp | more seats", "person/jane-roe | to announce a decision"}},
		{"the agent of a passive cue speaks the question or clause after it",
			"Castell was asked by Jane Roe whether the levy would stay. Later he was asked by a caller why the port had closed.",
			[]string{"person/jane-roe | whether the levy would stay", "- | why the port had closed"},
			[]string{"person/omar-castell | whether the levy would stay"}},
		{"a clause after a semicolon is not part of the claim",
			"Roe said the count was late; Castell has since said it was on time.",
			[]string{"person/jane-roe | the count was late", "person/omar-castell | it was on time"}, nil},
		{"a participle after a noun is no cue: the named speaker after it speaks",
			"In a written statement read outside the court, Roe said the party would “answer every question”.",
			[]string{"person/jane-roe | the party would “answer every question” (direct)"}, nil},
		{"a verb whose object is its content takes no content before the comma",
			"The CRP and the governor's office, partners in the talks, both welcomed the appointment.",
			nil, []string{"- | The CRP and the governor's office, partners in the talks"}},
		{"a plural common noun as speaker is nobody",
			"Analysts said the deadlock could force a second vote.",
			[]string{"- | the deadlock could force a second vote"}, nil},
		{"a show title in quotes is no claim of the host",
			"Roe hosts “Morning With Jane Roe” on Sundays.",
			nil, []string{"person/jane-roe | “Morning With Jane Roe” on Sundays (direct)"}},
		{"according to someone before a quote",
			"According to Roe, “the ballots were never counted.”",
			[]string{"person/jane-roe | the ballots were never counted. (direct)"}, nil},
		{"a pronoun speaker resolves to the last person",
			"Roe arrived late. “Sorry,” she said, “the trains were cancelled.”",
			[]string{"person/jane-roe | Sorry the trains were cancelled. (direct)"}, nil},
		{"reported speech with claimed that, by a party",
			"The CRP claimed that the March 3 elections were rigged.",
			[]string{"party/crp | the March 3 elections were rigged"}, nil},
		{"reported speech with alleged and no that",
			"Castell alleged the count had been tampered with.",
			[]string{"person/omar-castell | the count had been tampered with"}, nil},
		{"reported speech with the speaker after the clause",
			"The ballots were counted twice, Roe insisted.",
			[]string{"person/jane-roe | The ballots were counted twice"}, nil},
		{"according to someone after the clause",
			"The turnout was the lowest in decades, according to Castell.",
			[]string{"person/omar-castell | The turnout was the lowest in decades"}, nil},
		{"allegations attributed to a party",
			"The audio supported allegations by the CRP that the vote was stolen.",
			[]string{"party/crp | the vote was stolen"}, nil},
		{"a scare quote inside reported speech is part of the claim",
			"Roe said the plan was a “disaster” for the city.",
			[]string{"person/jane-roe | the plan was a “disaster” for the city (direct)"},
			[]string{"- | disaster (direct)"}},
		{"warned in the past tense",
			"Castell warned that the coalition would collapse.",
			[]string{"person/omar-castell | the coalition would collapse"}, nil},
		{"has said in the perfect tense",
			"Roe has said that she will not stand again.",
			[]string{"person/jane-roe | she will not stand again"}, nil},
		{"tweeted",
			"Castell tweeted that the results were fake.",
			[]string{"person/omar-castell | the results were fake"}, nil},
		{"a saying clause shares the subject of its sentence",
			"Castell voiced doubts about his mandate, saying that it was “entirely manufactured”.",
			[]string{"person/omar-castell | it was “entirely manufactured” (direct)"}, nil},
		{"a short scare quote with no speaker is no claim",
			"The so-called “reform” package passed on Tuesday.",
			nil, []string{"- | reform (direct)"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			text := intro + tc.text
			checkSaid(t, text, tc.want, tc.not)
		})
	}
}

func TestDismissalDisputesTheAllegations(t *testing.T) {
	text := intro + "The CRP claimed that the count was rigged.\n\n" +
		"Castell confirmed the audio was real but dismissed them as tired accusations from rivals."
	g := indexSubgraph(Extract(articleNode(text)))
	target, ok := g.claimWith("the count was rigged")
	if !ok {
		t.Fatal("no claim about the rigged count")
	}
	dismissal, ok := g.claimWith("tired accusations from rivals")
	if !ok {
		t.Fatal("no claim for the dismissal")
	}
	for _, from := range []string{"person/omar-castell", dismissal.ID} {
		if !g.has(from, graph.Disputes, target.ID) {
			t.Errorf("%s does not dispute %q", from, target.Text)
		}
	}
	if g.has("person/omar-castell", graph.Supports, target.ID) {
		t.Errorf("confirming the audio should not support %q", target.Text)
	}
}

func TestTweetAuthorLine(t *testing.T) {
	text := "The audio spread fast online.\n\n" +
		"'Stolen vote': The truth always comes out in the end. pic.twitter.com/Ab12Cd34 Lena Brandt MP (@LenaBrandtMP) March 11, 2024\n\n" +
		"Brandt later deleted the post."
	sg := Extract(articleNode(text))
	g := indexSubgraph(sg)
	c, ok := g.claimWith("The truth always comes out in the end.")
	if !ok {
		t.Fatalf("no claim for the tweet; claims: %v", said(sg))
	}
	if !slices.Contains(g.speakers[c.ID], "person/lena-brandt") {
		t.Errorf("tweet said by %v, want person/lena-brandt", g.speakers[c.ID])
	}
	if n := g.nodes["person/lena-brandt"]; !slices.Contains(n.Aliases, "@LenaBrandtMP") {
		t.Errorf("aliases %v lack the handle", n.Aliases)
	}
	if strings.Contains(c.Text, "pic.twitter.com") {
		t.Errorf("tweet text keeps its picture link: %q", c.Text)
	}
}

func ExampleExtract() {
	text := "date 2024-03-12\n\nJane Roe, the leader of the Citizens Renewal Party (CRP), spoke on Monday.\n\n" +
		"“We will win the recount,” Roe said."
	sg := Extract(graph.Node{ID: graph.ArticleID([]byte(text)), Kind: graph.Article, Text: text})
	for _, e := range sg.Edges {
		if e.Rel == graph.Said || e.Rel == graph.MemberOf {
			fmt.Printf("%s -%s-> %s %q [%d,%d) %s\n", e.From, e.Rel, e.To, e.Role, e.Start, e.End, e.Rule)
		}
	}
	// Output:
	// person/jane-roe -member-of-> party/crp "leader" [17,67) member-of/apposition
	// person/jane-roe -said-> claim/e2374bb164b4779b "" [96,119) direct-quote/speaker-after
}

func TestTweetAuthorLineInItsOwnParagraph(t *testing.T) {
	for _, tc := range []struct{ name, text string }{
		{"the author line after a blank line",
			"Roe answered online:\n\nA fair count is a right. See you at the ballot box.\n\n— Jane Roe (@JaneRoeCRP) March 16, 2025\n\nThe post was shared widely."},
		{"a claim word inside the tweet is no claim of its own",
			"Roe answered online:\n\nThe governor of Valdora admits what we have said since March. The count was theatre.\n\n— Jane Roe (@JaneRoeCRP) March 16, 2025"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			sg := Extract(articleNode(tc.text))
			checkSpans(t, tc.text, sg)
			lines := said(sg)
			n := 0
			for _, l := range lines {
				if strings.HasPrefix(l, "person/jane-roe | ") && !strings.Contains(l, "answered") {
					n++
				}
				if strings.Contains(l, "what we have said") && !strings.HasPrefix(l, "person/jane-roe | ") {
					t.Errorf("a claim inside the tweet has its own speaker: %q", l)
				}
				if strings.HasPrefix(l, "place/") {
					t.Errorf("a place said something: %q", l)
				}
			}
			if n != 1 {
				t.Errorf("want one claim of the tweet's author, got %d: %v", n, lines)
			}
		})
	}
}
