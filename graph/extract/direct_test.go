package extract

import (
	"slices"
	"strings"
	"testing"
)

// TestDirectQuoteRules pins down the direct-quote rules tuned on the
// training split: grouping of quotes around a speaker, partial quotes
// widened to their clause, reported contents that end at the quote or run
// on to its closing mark, and quotes that are titles.
func TestDirectQuoteRules(t *testing.T) {
	for _, tc := range []struct {
		name string
		text string
		want []string // lines that must be among said(...)
		not  []string // lines that must not
	}{
		{"a quote after a sentence that framed the quote before joins that quote",
			"“The count is late,” Roe told the Courier before the debate. “It will be fixed.”",
			[]string{"person/jane-roe | The count is late It will be fixed. (direct)"}, nil},
		{"a quote opening its sentence joins the quote before even when the sentence runs on",
			"“The count is late,” Roe said. “It will be fixed” by the end of the week, her office hopes.",
			[]string{"person/jane-roe | The count is late It will be fixed (direct)"}, nil},
		{"a partial quote with the speaker after it takes the words before it",
			"The recount may be “a formality,” said Jane Roe.",
			[]string{"person/jane-roe | The recount may be “a formality (direct)"},
			[]string{"person/jane-roe | a formality (direct)"}},
		{"a quote right after the cue takes the rest of the sentence",
			"Castell said “it makes me angry” every time the buses are late.",
			[]string{"person/omar-castell | it makes me angry” every time the buses are late (direct)"}, nil},
		{"a reported content ends at a participle clause after its quote",
			"Roe said the plan was “a disaster,” adding that she would vote against it.",
			[]string{"person/jane-roe | the plan was “a disaster,” (direct)"},
			[]string{"person/jane-roe | the plan was “a disaster,” adding that she would vote against it (direct)"}},
		{"a reported content ends at but after its quote",
			"Castell said he would offer “a prayer” for the winner but did not name one.",
			[]string{"person/omar-castell | he would offer “a prayer” for the winner (direct)"}, nil},
		{"a reported content runs on to the closing mark of a quote of several sentences",
			"Roe did not name her rivals, but told supporters that “the city is in trouble. We must fix it.”",
			[]string{"person/jane-roe | “the city is in trouble. We must fix it.” (direct)"}, nil},
		{"a quote after but and a cue with no subject is the sentence subject's",
			"Roe did not name her rivals, but told supporters, “the city is in trouble. We must fix it.”",
			[]string{"person/jane-roe | the city is in trouble. We must fix it. (direct)"}, nil},
		{"fired back introduces a quote",
			"“That is simply false,” Castell fired back.",
			[]string{"person/omar-castell | That is simply false (direct)"}, nil},
		{"a show title after a possessive is no quote of its own",
			"“We will win,” Roe said on the Courier's “Morning Report.”",
			[]string{"person/jane-roe | We will win (direct)"},
			[]string{"person/jane-roe | We will win Morning Report. (direct)"}},
		{"a quote ending in a question mark takes the frame after it",
			"“Who pays for the buses?” Roe asked the crowd on Monday.",
			[]string{"person/jane-roe | Who pays for the buses? (direct)"}, nil},
		{"a quote ending in a full stop takes a short frame sentence after it",
			"“The buses will run again.” Castell said.",
			[]string{"person/omar-castell | The buses will run again. (direct)"}, nil},
		{"a frame with a long apposition splits one quote",
			"“The danger,” said Omar Castell, a governor who has run the province since 2019, “is that nobody will vote.”",
			[]string{"person/omar-castell | The danger is that nobody will vote. (direct)"}, nil},
		{"a colon after a speech cue keeps the second quote apart",
			"“We lost,” Roe said: “The count was fair.”",
			[]string{"person/jane-roe | We lost (direct)", "person/jane-roe | The count was fair. (direct)"}, nil},
		{"a sentence opening with said and the speaker introduces the quote",
			"Said Omar Castell, who grew up in the valley, “We were all so proud of the team.”",
			[]string{"person/omar-castell | We were all so proud of the team. (direct)"}, nil},
		{"a titled name before a colon speaks the quote",
			"The result does not surprise governor Omar Castell: “Small parties always gain late.”",
			[]string{"person/omar-castell | Small parties always gain late. (direct)"}, nil},
		{"as X put it introduces a quote",
			"As Roe put it: “Nobody will be confirmed this year.”",
			[]string{"person/jane-roe | Nobody will be confirmed this year. (direct)"}, nil},
		{"a sentence announcing a statement attributes the next paragraph's quote",
			"In response, Omar Castell issued the following statement:\n\n“Our thoughts are with the families.”",
			[]string{"person/omar-castell | Our thoughts are with the families. (direct)"}, nil},
		{"a dash line after a quoted paragraph signs it",
			"“Big firms pay no taxes at all.”\n\n- Roe.",
			[]string{"person/jane-roe | Big firms pay no taxes at all. (direct)"}, nil},
		{"a cue-less quoted paragraph joins the quote of the paragraph before",
			"“The buses are late,” Roe said.\n\n“And the trains are worse.”",
			[]string{"person/jane-roe | The buses are late And the trains are worse. (direct)"}, nil},
		{"barked is a quote cue",
			"“Sit down,” Castell barked.",
			[]string{"person/omar-castell | Sit down (direct)"}, nil},
		{"a time phrase between subject and cue",
			"Roe at the time said the buses were “a scandal.”",
			[]string{"person/jane-roe | the buses were “a scandal.” (direct)"}, nil},
		{"a partial quote's content ends at a second predicate",
			"Roe called the plan “a disaster” and accused Castell of lying.",
			[]string{"person/jane-roe | the plan “a disaster” (direct)"}, nil},
		{"a partial quote's content ends at but after a comma inside the quote",
			"Roe said the buses are “late again,” but she praised the drivers.",
			[]string{"person/jane-roe | the buses are “late again,” (direct)"}, nil},
		{"a dismissal keeps its noun object before a quoted verdict",
			"Castell dismissed the petition as “a stunt.”",
			[]string{"person/omar-castell | the petition as “a stunt.” (direct)"}, nil},
		{"a document noun that is also a cue form heads the subject",
			"“We need everyone to step up,” the email said.",
			[]string{"- | We need everyone to step up (direct)"}, nil},
		{"a narrator after the cue frames the quote",
			"“Taxes go up and jobs disappear,” says a narrator.",
			[]string{"- | Taxes go up and jobs disappear (direct)"}, nil},
		{"a party tag in parentheses between speaker and cue",
			"“The plan is a gift to the banks,” Senate Leader Omar Castell (D-Val.) said in a statement.",
			[]string{"person/omar-castell | The plan is a gift to the banks (direct)"}, nil},
		{"went on introduces a quote",
			"“You have to fight back,” Castell went on.",
			[]string{"person/omar-castell | You have to fight back (direct)"}, nil},
		{"a long complement before a colon still frames the quote",
			"Roe said in an interview with the Courier on Monday: “We are not going anywhere.”",
			[]string{"person/jane-roe | We are not going anywhere. (direct)"}, nil},
		{"a partial quote after a clause with a cue takes only its own coordinated clause",
			"Members were asked to rank the panels, and the budget panel is less likely to be “overrun with lobbyists,” Roe said.",
			[]string{"person/jane-roe | the budget panel is less likely to be “overrun with lobbyists (direct)"},
			[]string{"person/jane-roe | overrun with lobbyists (direct)"}},
		{"a frame ending in a colon before a quote does not also take a partial quote inside the sentence before it",
			"After Roe said that small firms might do better at “smaller markets,” Castell said: “I do not like what she said.”",
			[]string{"person/omar-castell | I do not like what she said. (direct)"},
			[]string{"person/omar-castell | smaller markets (direct)"}},
		{"a quote opening its sentence keeps a frame that ends in a colon",
			"“We lost,” Castell said: “The count was fair.”",
			[]string{"person/omar-castell | We lost (direct)"}, nil},
		{"a speakerless scrap of two words around a scare quote is no claim",
			"Critics called it “reckless.”",
			nil, []string{"- | it “reckless.” (direct)"}},
		{"a speakerless short quote that opens a sentence stays a claim",
			"“Not worried,” a spokesman said.",
			[]string{"- | Not worried (direct)"}, nil},
		{"a speakerless short quote ending in an exclamation stays a claim",
			"“Go home!” a protester yelled.",
			[]string{"- | Go home! (direct)"}, nil},
		{"a leader who spoke to reporters after an apposition makes no claim",
			"Omar Castell, the leader of the Harbour Party (HP), spoke to reporters on Tuesday. Castell said the count was fair.",
			[]string{"person/omar-castell | the count was fair"},
			[]string{"- | Omar Castell, the leader of the Harbour Party (HP", "person/omar-castell | to reporters on Tuesday"}},
		{"a leader who spoke at a rally after an apposition makes no claim",
			"Jane Roe, the party leader, spoke at a rally on Thursday.",
			nil, []string{"- | Jane Roe, the party leader"}},
		{"a dismissal drops a pronoun object",
			"Castell dismissed them as “a stunt.”",
			[]string{"person/omar-castell | “a stunt.” (direct)"}, nil},
		{"a capitalised quote right after the cue is not widened to the rest of the sentence",
			"Castell said “The Harbour Party” and insists the dockers back him.",
			[]string{"person/omar-castell | The Harbour Party (direct)"},
			[]string{"person/omar-castell | The Harbour Party” and insists the dockers back him (direct)"}},
		{"a cue-less quote after a reported clause joins it",
			"Roe added that the board wants a vote before the summer. “They will not wait for the audit.”",
			[]string{"person/jane-roe | the board wants a vote before the summer They will not wait for the audit. (direct)"}, nil},
		{"a cue-less quote opening the next paragraph joins the reported clause before it",
			"Castell said the harbour tolls would rise in May.\n\n“Nobody in this city wants it, but we have no choice.”",
			[]string{"person/omar-castell | the harbour tolls would rise in May Nobody in this city wants it, but we have no choice. (direct)"}, nil},
		{"a quote after a frame that goes on with adding joins the added clause",
			"“The tolls are a scandal,” Castell said, adding that he had voted against them twice. “Nobody listened to us then.”",
			[]string{"person/omar-castell | The tolls are a scandal (direct)",
				"person/omar-castell | he had voted against them twice Nobody listened to us then. (direct)"}, nil},
		{"a quote after a plain frame joins the quote before",
			"“The tolls are a scandal,” Castell said at the harbour on Friday. “Nobody listened to us then.”",
			[]string{"person/omar-castell | The tolls are a scandal Nobody listened to us then. (direct)"}, nil},
		{"a singular person noun after the cue frames the quote",
			"“The buses never come on time,” wrote one commenter.",
			[]string{"- | The buses never come on time (direct)"}, nil},
		{"a woman before the cue frames the quote",
			"“We waited two hours in the rain,” the woman said.",
			[]string{"- | We waited two hours in the rain (direct)"}, nil},
		{"a noun that looks like a cue form after a partial quote is no frame",
			"Castell said he hopes the new law can be “a fair deal,” giving states more power over the ports.",
			[]string{"person/omar-castell | he hopes the new law can be “a fair deal,” (direct)"},
			[]string{"- | a fair deal (direct)"}},
		{"a plural noun after a preposition is no cue of a frame after the quote",
			"Roe vowed to “carry the fight” to the 35 states that have not voted yet.",
			[]string{"person/jane-roe | to “carry the fight” to the 35 states that have not voted yet (direct)"},
			[]string{"- | carry the fight (direct)"}},
		{"a partial quote's content ends at a comma and a second past-tense predicate",
			"Castell said the plan was “a disgrace,” denounced the budget and left the hall.",
			[]string{"person/omar-castell | the plan was “a disgrace,” (direct)"}, nil},
		{"a partial quote's content ends at and with an -ing predicate",
			"Roe called the count “a fraud” and threatening to sue the board.",
			[]string{"person/jane-roe | the count “a fraud” (direct)"}, nil},
		{"an -ing cue after a partial quote that ends in a comma introduces the next quote",
			"In the email, Roe described the vote as a “breach of trust,” adding: “I am now informing all members of the board.”",
			[]string{"person/jane-roe | I am now informing all members of the board. (direct)"}, nil},
		{"and with a cue inside a that-clause goes on with the clause when the quote comes after it",
			"Roe noted that Castell has criticized the board for months and called its members “weak and lazy.”",
			[]string{"person/jane-roe | Castell has criticized the board for months and called its members “weak and lazy.” (direct)"}, nil},
		{"a partial quote before its frame widens over a clause with a belief verb",
			"The council plans to fund the buses with “a levy on the harbour,” Castell said on Monday.",
			[]string{"person/omar-castell | The council plans to fund the buses with “a levy on the harbour (direct)"}, nil},
		{"a partial quote before its frame widens only back to a colon",
			"Roe looked tired: “It is a public statement, just send it,” she said.",
			[]string{"person/jane-roe | It is a public statement, just send it (direct)"}, nil},
		{"an -ing word after had is no frame of the quote before it",
			"Roe is noting the “kind of trouble” Castell had answering questions about the harbour.",
			nil, []string{"person/omar-castell | kind of trouble (direct)"}},
		{"a quote opening a sentence framed at its end does not join the quote before",
			"“This is not right,” Roe said. “You squeezed the workers to the breaking point” to drive up the price, she said.",
			[]string{"person/jane-roe | This is not right (direct)",
				"person/jane-roe | “You squeezed the workers to the breaking point” to drive up the price (direct)"}, nil},
		{"an auxiliary before a cue after a quote makes no inverted frame",
			"This is not the first time that this Courier “reporter” has revealed her bias on Twitter.",
			nil, []string{"person/twitter | This is not the first time that this Courier “reporter (direct)"}},
		{"a cue followed by a preposition after a quote makes no inverted frame",
			"Castell, the star of the show “Harbour Nights,” said in an interview with the Valdora Courier that the port was dull.",
			nil, []string{"organization/valdora-courier | Castell, the star of the show “Harbour Nights (direct)"}},
		{"a cue followed by a pronoun and a verb after a quote makes no inverted frame",
			"Pollster Jane Roe is happy to be the city’s “gold standard,” says she warned about surprises.",
			nil, []string{"person/jane-roe | Pollster Jane Roe is happy to be the city’s “gold standard (direct)"}},
		{"said and a possessive speaker phrase after a quote is an inverted frame",
			"“We have a path to victory,” said his campaign manager Omar Castell.",
			[]string{"person/omar-castell | We have a path to victory (direct)"}, nil},
		{"a quoted name that modifies the next noun has no frame after it",
			"After the news spread, the “Harbour Nights” star posted a long message on her page.",
			nil, []string{"- | After the news spread, the “Harbour Nights (direct)"}},
		{"a party tag with a full stop between commas does not end the frame",
			"“We will fix the roads,” Rep. Omar Castell, D-Val., said on Monday.",
			[]string{"person/omar-castell | We will fix the roads (direct)"}, nil},
		{"a party tag with a full stop in parentheses does not end the sentence",
			"Sen. Omar Castell (D-N.Y.) said the count “was fair to everyone.”",
			[]string{"person/omar-castell | the count “was fair to everyone.” (direct)"}, nil},
		{"a person named before a preposition heads the speaker phrase",
			"“The debate changed little,” wrote Jane Roe for Harbour Consult.",
			[]string{"person/jane-roe | The debate changed little (direct)"}, nil},
		{"a role after a possessive name speaks as a person of its own",
			"“That was outrageous,” Castell’s former campaign strategist said in an interview.",
			[]string{"person/castells-former-campaign-strategist | That was outrageous (direct)"},
			[]string{"person/omar-castell | That was outrageous (direct)"}},
		{"a plural noun after a number word is no cue",
			"The first four states that vote hold few delegates, while the March states hold more and “better reflect the party,” Roe wrote.",
			[]string{"person/jane-roe | The first four states that vote hold few delegates, while the March states hold more and “better reflect the party (direct)"}, nil},
		{"a speaker named before a place phrase heads the subject",
			"Chairman Omar Castell of Valdora said he was “outraged” to hear about it.",
			[]string{"person/omar-castell | he was “outraged” to hear about it (direct)"}, nil},
		{"a short cue-less quote after a reported clause stays apart",
			"Roe said the board wants a vote before the start of the summer. “Very soon.”",
			[]string{"person/jane-roe | the board wants a vote before the start of the summer"}, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			text := intro + tc.text
			checkSaid(t, text, tc.want, tc.not)
		})
	}
}

// TestSpeakerGaps pins down speakers found on the sample articles: "it"
// after a sentence about a thing, an unnamed public body, and a headline
// that is no claim.
func TestSpeakerGaps(t *testing.T) {
	t.Run("it after a sentence about a document is nobody", func(t *testing.T) {
		checkSaid(t, intro+"The petition, filed by the CRP, argues that the count was rigged. It cites the leaked tapes of the governor.",
			[]string{"- | the leaked tapes of the governor"}, []string{"party/crp | the leaked tapes of the governor"})
	})
	t.Run("it after a sentence about a party is the party", func(t *testing.T) {
		checkSaid(t, intro+"The CRP argues that the count was rigged. It cites the leaked tapes of the governor.",
			[]string{"party/crp | the leaked tapes of the governor"}, nil)
	})
	t.Run("the ministry speaks as the interior ministry named before", func(t *testing.T) {
		checkSaid(t, intro+"Roe said the interior ministry had ordered the police out. The ministry denied this, saying officers had left on their own.",
			[]string{"organization/interior-ministry | officers had left on their own"}, nil)
	})
	t.Run("a headline repeating the title states no claim", func(t *testing.T) {
		text := "Valdora Courier\n\nThousands march as CRP demands a new vote\n\n" + intro + "Roe said the vote was rigged."
		a := articleNode(text)
		a.Title = "Thousands march as CRP demands a new vote | Valdora Courier"
		got := said(Extract(a))
		for _, l := range got {
			if strings.Contains(l, "new vote") {
				t.Errorf("headline made a claim: %q", l)
			}
		}
		if !slices.Contains(got, "person/jane-roe | the vote was rigged") {
			t.Errorf("missing the body's claim; got %q", got)
		}
	})
}
