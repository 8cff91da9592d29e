package gen

// refPos is the grammatical position a person is mentioned in; it decides
// which forms are allowed.
type refPos int

const (
	posSubj  refPos = iota // sentence subject: any form, trailing comma after a post-apposition
	posEnd                 // ends the sentence: no pronoun, post-apposition without trailing comma
	posObj                 // object: pronoun him/her, no post-apposition
	posNamed               // inside a clause: always named, no post-apposition
	posPoss                // possessive: "Roe's", "his"
)

// fill writes the value of one slot.
func (a *art) fill(s slot) {
	switch {
	case s <= slotTS:
		a.fillPerson(s)
	case s <= slotPAPER:
		a.fillBody(s)
	case s <= slotEVN:
		a.fillPlaceEvent(s)
	case s <= slotDAY:
		a.fillNumber(s)
	default:
		a.fillQuote(s)
	}
}

func (a *art) fillPerson(s slot) {
	c := &a.c
	switch s {
	case slotS:
		a.person(c.s, posSubj)
	case slotSN:
		a.person(c.s, posEnd)
	case slotSO:
		a.person(c.s, posObj)
	case slotSP:
		a.person(c.s, posPoss)
	case slotT:
		a.person(c.t, posNamed)
	case slotTP:
		a.person(c.t, posPoss)
	case slotTS:
		a.quotedName(c.t)
	}
}

func (a *art) fillBody(s slot) {
	c := &a.c
	switch s {
	case slotSPTY:
		a.partyNP(c.sp)
	case slotSPTYA:
		a.partyBare(c.sp)
	case slotSPTYL:
		a.partyWithLeader(c.sp)
	case slotPTY:
		a.partyNP(c.tp)
	case slotPTYA:
		a.partyBare(c.tp)
	case slotPTYL:
		a.partyWithLeader(c.tp)
	case slotPTYQ:
		a.put("the " + a.w.parties[c.tp].acr)
	case slotPTY2:
		a.partyNP(c.tp2)
	case slotPTY2A:
		a.partyBare(c.tp2)
	case slotPTY2Q:
		a.put("the " + a.w.parties[c.tp2].acr)
	case slotORG:
		a.orgNP(c.o)
	case slotORG2:
		a.orgNP(c.o2)
	case slotORGQ:
		o := &a.w.orgs[c.o]
		if o.acr != "" {
			a.put("the " + o.acr)
		} else {
			a.put("the " + o.long)
		}
	case slotPAPER:
		a.put(a.w.media[a.r.IntN(len(a.w.media))])
	}
}

func (a *art) fillPlaceEvent(s slot) {
	c, w := &a.c, a.w
	switch s {
	case slotPL:
		a.put(w.places[c.pl])
	case slotPL2:
		a.put(w.places[c.pl2])
	case slotASM:
		a.assembly()
	case slotEV:
		a.event(c.evPast, 75)
	case slotEVQ:
		a.event(c.evPast, 50)
	case slotEVN:
		a.event(c.evNext, 90)
	}
}

func (a *art) fillNumber(s slot) {
	r := a.r
	switch s {
	case slotN:
		a.buf = appendInt(a.buf, 2+r.IntN(148))
	case slotN2:
		a.buf = appendInt(a.buf, 2+r.IntN(11))
	case slotPCT:
		a.buf = appendInt(a.buf, 3+r.IntN(95))
	case slotAMT:
		a.amount()
	case slotYR:
		a.buf = appendInt(a.buf, a.c.year-1-r.IntN(8))
	case slotMON:
		a.put(monthNames[r.IntN(12)])
	case slotDAY:
		a.put(weekdayNames[r.IntN(7)])
	}
}

func (a *art) fillQuote(s slot) {
	switch s {
	case slotO:
		a.put(a.mark("“", `"`))
	case slotC:
		a.put(a.mark("”", `"`))
	case slotOS:
		a.put(a.mark("‘", "'"))
	case slotCS:
		a.put(a.mark("’", "'"))
	case slotQA:
		a.quoteClause()
	case slotQS:
		a.quoteSentences(".")
	case slotQSC:
		a.quoteSentences(",")
	case slotQB:
		a.put(conjunctions[a.r.IntN(len(conjunctions))])
		a.expand(pick(a.r, quoteCores()))
	case slotQQ:
		start := len(a.buf)
		a.expand(pick(a.r, quoteQuestions()))
		capFirst(a.buf, start)
	case slotCL:
		a.expand(pick(a.r, reportedClauses()))
	case slotSCARE:
		a.expand(pick(a.r, scarePhrases()))
	}
}

func (a *art) mark(curly, straight string) string {
	if a.curly {
		return curly
	}
	return straight
}

func (a *art) amount() {
	r := a.r
	switch r.IntN(3) {
	case 0:
		a.buf = appendInt(a.buf, 1+r.IntN(40))
		a.put(" billion")
	case 1:
		a.buf = appendInt(a.buf, 10+r.IntN(890))
		a.put(" million")
	default:
		a.buf = appendInt(a.buf, 1+r.IntN(9))
		a.put(".")
		a.buf = appendInt(a.buf, 1+r.IntN(9))
		a.put(" billion")
	}
}

func (a *art) assembly() {
	switch n := a.r.IntN(100); {
	case n < 40:
		a.put("the National Assembly")
	case n < 55:
		a.put("the Senate")
	case n < 80:
		a.put("the " + a.w.places[a.c.pl] + " Assembly")
	default:
		a.put("the " + a.w.places[a.c.pl] + " Provincial Assembly")
	}
}

// event writes an event's name, or with probability 100-pct percent its
// alias.
func (a *art) event(i, pct int) {
	e := &a.w.events[i]
	if a.r.IntN(100) < pct {
		a.put(e.name)
	} else {
		a.put(e.alias)
	}
}

// signatureLines is how many lines each person repeats across articles.
const signatureLines = 8

// quoteClause writes a capitalised quote clause without final
// punctuation; one in twelve is a signature line of the speaker.
func (a *art) quoteClause() {
	if !a.sig && a.r.IntN(12) == 0 {
		a.signature()
		return
	}
	start := len(a.buf)
	a.expand(pick(a.r, quoteOpeners()))
	a.expand(pick(a.r, quoteCores()))
	a.expand(pick(a.r, quoteTails()))
	capFirst(a.buf, start)
}

// quoteSentences writes one to three quoted sentences, the last ending in
// end ("." or ",").
func (a *art) quoteSentences(end string) {
	a.quoteClause()
	switch n := a.r.IntN(100); {
	case n < 30:
		a.put(". ")
		a.expand(pick(a.r, quoteExtras()))
		if end != "." {
			a.buf = a.buf[:len(a.buf)-1]
			a.put(end)
		}
		return
	case n < 45:
		a.put(". ")
		a.quoteClause()
	}
	a.put(end)
}

// signature writes one of the speaker's signature lines: a quote
// drawn from a stream seeded by (seed, speaker, line), with its own
// entities, so that it reads the same in every article.
func (a *art) signature() {
	saved, savedR := a.c, a.r
	line := uint64(a.r.IntN(signatureLines))
	a.sigPCG.Seed(mix(a.w.seed^0x0051_6e47_0000_0000), mix(uint64(a.c.s)<<8|line))
	a.r, a.sig = a.sigR, true
	w, r, c := a.w, a.sigR, &a.c
	c.t = draw(r, w.peopleCDF)
	c.tp = draw(r, w.partyCDF)
	for c.tp == w.people[c.s].party {
		c.tp = draw(r, w.partyCDF)
	}
	c.tp2 = draw(r, w.partyCDF)
	c.o = draw(r, w.orgCDF)
	c.pl, c.pl2 = draw(r, w.placeCDF), draw(r, w.placeCDF)
	c.evPast, _ = w.eventsAround(r.IntN(spanDays))
	c.year = w.start.Year() + 2
	a.quoteClause()
	a.c, a.r, a.sig = saved, savedR, false
}

// person writes a mention of person p: the introduction the first time,
// then a surname, honorific, role or pronoun.
func (a *art) person(p int, pos refPos) {
	if indexOf(a.introP, p) < 0 {
		a.introP = append(a.introP, p)
		a.introduce(p, pos)
	} else {
		a.backRef(p, pos)
	}
	a.last = p
	if pos == posSubj {
		a.lastSubj = p
	}
}

func (a *art) introduce(p int, pos refPos) {
	pe := &a.w.people[p]
	n := a.r.IntN(100)
	post := pos == posSubj || pos == posEnd
	switch {
	case n < 15:
		a.put(pe.full)
	case post && (n >= 60 || a.needsPartyIntro(p)):
		a.put(pe.full)
		a.postRole(p, pos == posSubj)
		a.roleKnown = append(a.roleKnown, p)
	default:
		a.preRole(p)
		a.put(" " + pe.full)
		a.roleKnown = append(a.roleKnown, p)
	}
	if pos == posPoss {
		a.put("'s")
	}
}

// needsPartyIntro reports whether p holds a party role in a party not yet
// introduced, which a post-apposition can introduce.
func (a *art) needsPartyIntro(p int) bool {
	pe := &a.w.people[p]
	return roles[pe.role].kind == partyRole && indexOf(a.introParty, pe.party) < 0
}

// preRole writes the role as it stands before a name: "FNP spokesperson",
// "Interior Minister", "Ashmere Governor", "Senator".
func (a *art) preRole(p int) {
	pe := &a.w.people[p]
	ro := &roles[pe.role]
	switch ro.kind {
	case partyRole:
		a.partyBare(pe.party)
		a.put(" " + ro.title)
	case govRole:
		a.put(ro.pre)
	case placeRole:
		if pe.role != lastPlace { // a senator is "Senator", not "Ashmere Senator"
			a.put(a.w.places[pe.place] + " ")
		}
		a.put(ro.pre)
	case orgRole:
		o := &a.w.orgs[pe.org]
		if o.acr != "" && indexOf(a.introOrg, pe.org) >= 0 {
			a.put(o.acr)
		} else {
			a.put(o.long)
		}
		a.put(" " + ro.title)
	}
}

// postRole writes an apposition after a name: ", the governor of Ashmere,"
// or " of the Federal National Party (FNP)". comma closes the apposition.
func (a *art) postRole(p int, comma bool) {
	pe := &a.w.people[p]
	ro := &roles[pe.role]
	switch ro.kind {
	case partyRole:
		if indexOf(a.introParty, pe.party) < 0 && a.r.IntN(2) == 0 {
			a.put(" of ")
			a.partyNP(pe.party)
			return
		}
		a.put(", " + ofPhrase(ro.title))
		a.partyNP(pe.party)
	case govRole:
		a.put(", the " + ro.title)
	case placeRole:
		if pe.role == lastPlace {
			a.put(", a senator from ")
		} else {
			a.put(", the " + ro.title + " of ")
		}
		a.put(a.w.places[pe.place])
	case orgRole:
		a.put(", " + ofPhrase(ro.title))
		a.orgNP(pe.org)
	}
	if comma {
		a.put(",")
	}
}

// ofPhrase links a title to its party or organisation.
func ofPhrase(title string) string {
	switch title {
	case "spokesperson":
		return "a spokesperson for "
	case "lawmaker":
		return "a lawmaker from "
	}
	return "the " + title + " of "
}

// backRef writes a later mention of p.
func (a *art) backRef(p int, pos refPos) {
	pe := &a.w.people[p]
	if a.pronounFits(p, pos) {
		a.pronoun(pe.female, pos)
		return
	}
	switch n := a.r.IntN(100); {
	case n < 55:
		a.put(pe.last)
	case n < 67:
		a.put(honorific(pe.female) + pe.last)
	case n < 85 && a.titleUnique(p):
		a.backTitle(p)
	default:
		a.put(pe.full)
	}
	if pos == posPoss {
		a.put("'s")
	}
}

// pronounFits decides whether the later mention of p in pos is a pronoun:
// only when p was the last person named and the last subject, most often
// for a possessive right after p's own subject mention.
func (a *art) pronounFits(p int, pos refPos) bool {
	if a.last != p || a.lastSubj != p {
		return false
	}
	switch pos {
	case posSubj, posObj:
		return a.r.IntN(100) < 55
	case posPoss:
		return a.r.IntN(100) < 90
	}
	return false
}

func honorific(female bool) string {
	if female {
		return "Ms "
	}
	return "Mr "
}

func (a *art) pronoun(female bool, pos refPos) {
	forms := [...][2]string{posSubj: {"he", "she"}, posObj: {"him", "her"}, posPoss: {"his", "her"}}
	i := 0
	if female {
		i = 1
	}
	a.put(forms[pos][i])
}

// backTitle writes the role as a definite back-reference: "the governor",
// "the FNP spokesperson".
func (a *art) backTitle(p int) {
	pe := &a.w.people[p]
	ro := &roles[pe.role]
	if ro.kind == partyRole && indexOf(a.introParty, pe.party) >= 0 {
		a.put("the " + a.w.parties[pe.party].acr + " " + ro.title)
		return
	}
	a.put(ro.back)
}

// titleUnique reports whether p's role has been stated and no other cast
// member could be meant by p's back-reference title.
func (a *art) titleUnique(p int) bool {
	if indexOf(a.roleKnown, p) < 0 {
		return false
	}
	pe := &a.w.people[p]
	back := roles[pe.role].back
	for _, q := range a.people {
		qe := &a.w.people[q]
		if q == p || roles[qe.role].back != back {
			continue
		}
		if roles[pe.role].kind != partyRole || qe.party == pe.party {
			return false
		}
	}
	return true
}

// quotedName writes how a speaker names someone inside a quote; it
// introduces nobody.
func (a *art) quotedName(p int) {
	pe := &a.w.people[p]
	switch n := a.r.IntN(100); {
	case n < 60:
		a.put(pe.last)
	case n < 85:
		a.put(honorific(pe.female) + pe.last)
	default:
		a.put(pe.full)
	}
}

// partyNP writes "the Federal National Party (FNP)" the first time, then
// "the FNP".
func (a *art) partyNP(i int) {
	pa := &a.w.parties[i]
	if indexOf(a.introParty, i) < 0 {
		a.introParty = append(a.introParty, i)
		a.put("the " + pa.long + " (" + pa.acr + ")")
		return
	}
	a.put("the " + pa.acr)
}

// partyBare writes the acronym once the party is introduced (or inside a
// signature quote), else the long name without defining the acronym.
func (a *art) partyBare(i int) {
	pa := &a.w.parties[i]
	if a.sig || indexOf(a.introParty, i) >= 0 {
		a.put(pa.acr)
		return
	}
	a.put(pa.long)
}

// partyWithLeader writes "Jane Roe's Federal National Party (FNP)" the
// first time, then "Roe's FNP"; when the leader's surname is shared by a
// cast member, it falls back to partyNP.
func (a *art) partyWithLeader(i int) {
	pa := &a.w.parties[i]
	ld := &a.w.people[pa.leader]
	if a.surnameTaken(pa.leader) {
		a.partyNP(i)
		return
	}
	if indexOf(a.introP, pa.leader) < 0 {
		a.introP = append(a.introP, pa.leader)
		a.put(ld.full)
	} else {
		a.put(ld.last)
	}
	a.put("'s ")
	a.last = pa.leader
	if indexOf(a.introParty, i) < 0 {
		a.introParty = append(a.introParty, i)
		a.put(pa.long + " (" + pa.acr + ")")
		return
	}
	a.put(pa.acr)
}

// orgNP writes an organisation: with its acronym in parentheses the first
// time, then the acronym or "the commission".
func (a *art) orgNP(i int) {
	o := &a.w.orgs[i]
	if indexOf(a.introOrg, i) < 0 {
		a.introOrg = append(a.introOrg, i)
		a.put("the " + o.long)
		if o.acr != "" {
			a.put(" (" + o.acr + ")")
		}
		return
	}
	switch {
	case o.acr != "" && a.r.IntN(100) < 70:
		a.put("the " + o.acr)
	case a.r.IntN(2) == 0 && a.headUnique(i):
		a.put("the " + o.head)
	default:
		a.put("the " + o.long)
	}
}

// headUnique reports whether no other organisation of the cast shares
// organisation i's back-reference noun.
func (a *art) headUnique(i int) bool {
	for _, j := range a.orgs {
		if j != i && a.w.orgs[j].head == a.w.orgs[i].head {
			return false
		}
	}
	return true
}

// conjunctions join the two halves of a split quote.
var conjunctions = [...]string{"and ", "but ", "so "}

// surnameTaken reports whether someone other than p in the cast, or already
// named, has p's surname.
func (a *art) surnameTaken(p int) bool {
	last := a.w.people[p].last
	for _, xs := range [2][]int{a.people, a.introP} {
		for _, q := range xs {
			if q != p && a.w.people[q].last == last {
				return true
			}
		}
	}
	return false
}
