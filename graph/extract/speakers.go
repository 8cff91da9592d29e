package extract

import (
	"strings"

	"github.com/claimgraph/claimgraph/graph"
)

// npStop are words that cannot be inside a speaker's noun phrase: clause
// boundaries and verbs that would belong to another clause.
var npStop = setOf(`that which who whom whose and but or nor because when while if as after before since so than
	where whether although though unless until is was were are be been has have had will would can could should
	may might must do does did not also then`)

// npBefore returns the noun phrase that ends right before token end
// (exclusive), not reaching before lo: "the governor", "UWM senior deputy
// leader Oskar Lind", "he". It stops at punctuation, quotes and clause
// words, and is at most 12 tokens long.
func (d *document) npBefore(end, lo int) (int, int) {
	i := end - 1
	for i >= lo && i >= end-12 {
		t := d.toks[i]
		switch t.kind {
		case tWord:
			w := d.tokLow(i)
			if !t.cap && (npStop[w] || isCue(w) && !d.nounHead(i, end, lo)) {
				return i + 1, end
			}
			if personPronouns[w] || w == "it" {
				return i, end
			}
		case tNum, tPoss:
		case tPunct:
			s := d.tokText(i)
			if !(s == "." && d.isAbbrevBefore(i)) && s != "&" && s != "-" {
				return i + 1, end
			}
		default:
			return i + 1, end
		}
		if t.para && i < end-1 {
			return i, end
		}
		i--
	}
	return i + 1, end
}

// npAfter returns the noun phrase that starts at token from, not reaching
// hi: "the governor of Eastmark", "Smith". It stops at punctuation, quotes and
// clause words.
func (d *document) npAfter(from, hi int) (int, int) {
	i := from
	for i < hi && i < from+12 {
		t := d.toks[i]
		if t.para && i > from {
			break
		}
		switch t.kind {
		case tWord:
			w := d.tokLow(i)
			if !t.cap && (npStop[w] || isCue(w)) {
				return from, i
			}
		case tNum, tPoss:
		case tPunct:
			s := d.tokText(i)
			if !(s == "." && d.isAbbrevBefore(i)) && s != "&" && s != "-" {
				return from, i
			}
		default:
			return from, i
		}
		i++
	}
	return from, i
}

// isCue reports whether the lower-cased word is a form of a cue verb.
func isCue(w string) bool {
	_, ok := cueForms[w]
	return ok
}

// speakerIn resolves the noun phrase [from,to) to a speaker entity: the
// name at its end (UWM senior deputy leader Oskar Lind), the name
// after "for"/"of" (a spokesman for the campaign), a pronoun's antecedent,
// or the holder of a title (the governor). It returns -1 when the phrase
// names no one it can resolve.
func (x *extraction) speakerIn(from, to int) int {
	d, e := x.d, x.e
	if from >= to {
		return -1
	}
	// "Jane Roe for the Courier", "Senator Jane Roe of the Harbour Party":
	// a person named (after a title) before a preposition is the head.
	lead := from
	for lead < to-1 && lead < from+4 && e.mentAt[lead] < 0 && d.toks[lead].kind == tWord && (titleWords[d.plainWord(lead)] || honorifics[d.tokLow(lead)] || seniorityWords[d.plainWord(lead)] ||
		!d.toks[lead].cap && !determiners[d.tokLow(lead)] && titleWords[d.plainWord(lead+1)]) {
		lead++
	}
	if m := e.mentAt[lead]; m >= 0 && e.list[e.ments[m].ent].kind == graph.Person {
		if k := e.ments[m].to; k < to && d.toks[k].kind == tWord && !d.toks[k].cap && prepositions[d.tokLow(k)] {
			return e.ments[m].ent
		}
	}
	// A name at the end of the phrase is its head.
	if m := e.mentAt[to-1]; m >= 0 && e.list[e.ments[m].ent].kind.IsSpeaker() {
		return e.ments[m].ent
	}
	// "Clinton's campaign", "Smith's aides": the campaign or team speaks.
	if ent := x.possessiveGroup(from, to); ent >= 0 {
		return ent
	}
	// "Smith's spokesman", "a spokesman for Smith", "the head of X".
	first := -1
	for i := from; i < to; i++ {
		m := e.mentAt[i]
		if m < 0 || !e.list[e.ments[m].ent].kind.IsSpeaker() {
			continue
		}
		if first < 0 {
			first = e.ments[m].ent
		}
	}
	if first >= 0 {
		return first
	}
	if to-from == 1 && d.toks[from].kind == tWord {
		w := d.tokLow(from)
		if personPronouns[w] || w == "it" {
			return x.pronoun(from, w)
		}
	}
	if ent := x.byDescription(from, to); ent >= 0 {
		return ent
	}
	if ent := x.byHeadWord(from, to); ent >= 0 {
		return ent
	}
	if ent := x.institutionSpeaker(from, to); ent >= 0 {
		return ent
	}
	return x.newSpeaker(from, to)
}

// byHeadWord resolves "the association", "the party" or "the medical
// association" to the party or organisation named earlier whose name
// ends in that word ("Norvale Medical Association"), the most recently
// mentioned first; -1 when none does.
func (x *extraction) byHeadWord(from, to int) int {
	d := x.d
	h := to - 1
	if to-from < 2 || to-from > 3 || !d.isWord(from, "the") || d.toks[h].kind != tWord || d.toks[h].cap {
		return -1
	}
	w := d.tokLow(h)
	if !orgWords[w] && !partyWords[w] {
		return -1
	}
	return x.lastOrg(from, func(ent *entity) bool { return nameEndsIn(ent, w) })
}

// nameEndsIn reports whether the entity's name or an alias ends in the
// word w.
func nameEndsIn(ent *entity, w string) bool {
	for _, n := range append([]string{ent.name}, ent.aliases...) {
		f := strings.Fields(n)
		if len(f) > 1 && strings.EqualFold(f[len(f)-1], w) {
			return true
		}
	}
	return false
}

// institutionHeads are the public bodies that speak as "the ministry",
// "the interior ministry", "the police" without a capitalised name.
var institutionHeads = setOf(`ministry department government police commission agency court council committee
	embassy army military`)

// institutionSpeaker makes an organisation of a speaker phrase "the
// [modifiers] ministry" that names no entity: "the interior ministry"
// becomes "interior ministry", and a bare "the ministry" takes the
// longest such name with the same head said earlier in the article. It
// returns -1 for any other phrase.
func (x *extraction) institutionSpeaker(from, to int) int {
	d, e := x.d, x.e
	h := to - 1
	if to-from < 2 || to-from > 4 || !d.isWord(from, "the") && !d.isWord(from, "The") || d.toks[h].kind != tWord || !institutionHeads[d.tokLow(h)] {
		return -1
	}
	for i := from + 1; i <= h; i++ {
		if d.toks[i].kind != tWord || d.toks[i].cap || e.mentAt[i] >= 0 {
			return -1
		}
	}
	nameFrom := from + 1
	if nameFrom == h {
		// the longest "the X ministry" before it
		for j := from - 1; j > 0 && j > from-3000; j-- {
			if d.toks[j].kind == tWord && d.tokLow(j) == d.tokLow(h) && j-1 > 0 && d.toks[j-1].kind == tWord && !d.toks[j-1].cap &&
				!determiners[d.tokLow(j-1)] && d.isWord(j-2, "the") && !x.inQuote(j) {
				idx := e.lookupOrAdd(graph.Organization, d.tokLow(j-1)+" "+d.tokLow(h))
				e.addMention(d, mention{from: from + 1, to: to, ent: idx, kind: graph.Organization, titleFrom: -1})
				return idx
			}
		}
		return -1
	}
	var b strings.Builder
	for i := nameFrom; i <= h; i++ {
		if i > nameFrom {
			b.WriteByte(' ')
		}
		b.WriteString(d.tokLow(i))
	}
	idx := e.lookupOrAdd(graph.Organization, b.String())
	e.addMention(d, mention{from: nameFrom, to: to, ent: idx, kind: graph.Organization, titleFrom: -1})
	return idx
}

// newSpeaker makes an entity for the capitalised name at the end of a
// speaker phrase that resolved to nothing known: "Cleveland police",
// "Adelson". It returns -1 when the phrase has no such name.
func (x *extraction) newSpeaker(from, to int) int {
	d, e := x.d, x.e
	head := ""
	end := to
	if t := d.toks[to-1]; t.kind == tWord && !t.cap && (orgNouns[d.tokLow(to-1)] || groupNouns[d.tokLow(to-1)]) {
		head = d.tokLow(to - 1)
		end = to - 1
	}
	start := end
	for start > from && d.toks[start-1].kind == tWord && d.toks[start-1].cap && e.mentAt[start-1] < 0 {
		start--
	}
	for start < end && (start == d.sents[d.sentOf[start]].from || d.toks[start].para) && commonWords[d.tokLow(start)] {
		start++
	}
	if start >= end || end-start > 4 || d.deskName(start, end) {
		return -1
	}
	for i := start; i < end; i++ {
		w := d.plainWord(i)
		if institutions[w] && end-start == 1 {
			continue
		}
		if commonWords[w] || titleWords[w] || months[w] || weekdays[w] || groupNouns[w] || honorifics[w] {
			return -1
		}
	}
	name := d.canonical(start, end)
	kind := graph.Person
	switch k := d.kindOfName(start, end); {
	case head != "":
		kind = graph.Organization
		if !groupNouns[head] || orgNouns[head] {
			name += " " + head
		}
	case k == graph.Party || k == graph.Organization:
		kind = k
	case k == graph.Event || d.isPlaceName(start, end):
		return -1
	case d.toks[start].acro || institutions[d.plainWord(start)]:
		kind = graph.Organization
		if partyWords[d.plainWord(start)] {
			kind = graph.Party
		}
	}
	idx := e.lookupOrAdd(kind, name)
	e.addMention(d, mention{from: start, to: end, ent: idx, kind: kind, titleFrom: -1})
	return idx
}

// pronoun resolves a pronoun at token i to the nearest compatible entity
// mentioned before it: a person for he/she (of the right gender when
// known), a party or organisation for it/they/we.
func (x *extraction) pronoun(i int, w string) int {
	d, e := x.d, x.e
	want := func(k graph.Kind, g byte) bool {
		switch w {
		case "he", "his", "him":
			return k == graph.Person && g != 'f'
		case "she", "her":
			return k == graph.Person && g != 'm'
		case "it", "its":
			return k == graph.Party || k == graph.Organization
		case "they", "we", "their":
			return k == graph.Party || k == graph.Organization || k == graph.Person
		}
		return false
	}
	if w == "it" && x.itIsAThing(i) {
		return -1
	}
	// In the pronoun's own sentence, the nearest name before it; in earlier
	// sentences, the first (subject) name of the nearest sentence with one.
	s := d.sentOf[i]
	for j := i - 1; j >= d.sents[s].from; j-- {
		if m := e.mentAt[j]; m >= 0 {
			mm := e.ments[m]
			j = mm.from
			// "Roe is upbeat about Castell's chances because he …": an
			// owner before a possessive gives way to an earlier name.
			if mm.to < i && d.toks[mm.to].kind == tPoss && x.laterMentionWanted(d.sents[s].from, j, want) {
				continue
			}
			if !x.inQuote(j) && !x.excluded[j] && want(e.list[mm.ent].kind, e.list[mm.ent].gender) {
				x.noteAntecedent(i, m)
				return mm.ent
			}
		}
	}
	for ps := s - 1; ps >= 0 && s-ps <= 6; ps-- {
		sp := d.sents[ps]
		// "The mayor, who …, has faced questions. She said …": a
		// description heading the sentence is its subject.
		if ent := x.descriptionSubject(sp.from, sp.to); ent >= 0 && want(e.list[ent].kind, e.list[ent].gender) {
			return ent
		}
		for j := sp.from; j < sp.to; j++ {
			m := e.mentAt[j]
			if m < 0 {
				continue
			}
			mm := e.ments[m]
			j = mm.to - 1
			if x.inQuote(mm.from) || x.excluded[mm.from] {
				continue
			}
			// "Rauf's lawyer, Saima Hashmi, told the court. She …": an
			// owner before a possessive is not the sentence's subject.
			if mm.to < sp.to && d.toks[mm.to].kind == tPoss && x.laterMentionWanted(mm.to, sp.to, want) {
				continue
			}
			if want(e.list[mm.ent].kind, e.list[mm.ent].gender) {
				x.noteAntecedent(i, m)
				return mm.ent
			}
		}
	}
	return -1
}

// laterMentionWanted reports whether a mention that want accepts starts
// in [from,to) outside quotes.
func (x *extraction) laterMentionWanted(from, to int, want func(graph.Kind, byte) bool) bool {
	e := x.e
	for j := from; j < to; j++ {
		if m := e.mentAt[j]; m >= 0 && !x.inQuote(j) && want(e.list[e.ments[m].ent].kind, e.list[e.ments[m].ent].gender) {
			return true
		}
	}
	return false
}

// descriptionSubject resolves a description that opens the sentence
// [from,to) ("The governor", "The former mayor") to the entity holding
// that title, or -1.
func (x *extraction) descriptionSubject(from, to int) int {
	d := x.d
	if !d.isWord(from, "the") {
		return -1
	}
	for h := from + 1; h < to && h <= from+3; h++ {
		t := d.toks[h]
		if t.kind != tWord || x.e.mentAt[h] >= 0 {
			return -1
		}
		if titleWords[d.plainWord(h)] {
			if h+1 < to && d.toks[h+1].kind == tWord && !d.isWord(h+1, "who") && (d.isWord(h+1, "of") || titleWords[d.plainWord(h+1)] || d.toks[h+1].cap) {
				return -1 // "the governor of Sindh", "the Senate leader X"
			}
			return x.byDescription(from, h+1)
		}
	}
	return -1
}

// byDescription resolves "the governor", "the senior deputy leader" or
// "the newspaper" to the entity that holds that title in the article,
// preferring the most recently mentioned.
func (x *extraction) byDescription(from, to int) int {
	d, e := x.d, x.e
	head := -1
	for i := to - 1; i >= from; i-- {
		if d.toks[i].kind == tWord {
			head = i
			break
		}
	}
	if head < 0 {
		return -1
	}
	w := d.plainWord(head)
	if !titleWords[w] && !orgNouns[w] && !partyNouns[w] {
		return -1
	}
	best, bestPos := -1, -1
	for idx := range e.list {
		ent := &e.list[idx]
		ok := false
		for _, t := range ent.titles {
			if t == w {
				ok = true
			}
		}
		if !ok {
			continue
		}
		if p := e.lastMentionBefore(idx, from); p > bestPos || best < 0 {
			best, bestPos = idx, p
		}
	}
	return best
}

// prepositions that put a name in a modifier rather than a subject.
var prepositions = setOf(`in on at with of for from by to about over into onto under after before during
	against among between through without within via per like unlike than`)

// clauseSubject returns the subject of the clause that runs from lo to
// hi: the first speaker-kind name or personal pronoun outside quotes and
// not governed by a preposition. "In the audio, Lind confirmed …, but
// dismissed them" -> Lind.
func (x *extraction) clauseSubject(lo, hi int) int {
	lo = x.d.skipDateline(lo, hi)
	// "Republicans chimed in, with Lind tweeting that … and asking, “…”":
	// the name of an absolute phrase is the subject of its -ing verbs.
	if sp := x.withSubject(lo, hi); sp >= 0 {
		return sp
	}
	// "In an interview with Lind, Roe said …, adding …": a subject after
	// an opening phrase goes first.
	if k := x.openingPhraseEnd(lo, hi); k > lo {
		if sp := x.firstSubject(k, hi); sp >= 0 {
			return sp
		}
	}
	return x.firstSubject(lo, hi)
}

// withSubject returns the speaker named in "with Lind tweeting" inside
// [lo,hi), or -1.
func (x *extraction) withSubject(lo, hi int) int {
	d, e := x.d, x.e
	for k := lo; k+2 < hi; k++ {
		if !d.isWord(k, "with") || x.inQuote(k) {
			continue
		}
		m := e.mentAt[k+1]
		if m < 0 || !e.list[e.ments[m].ent].kind.IsSpeaker() {
			continue
		}
		if t := e.ments[m].to; t < hi && x.ingCueAt(t) {
			return e.ments[m].ent
		}
	}
	return -1
}

// openingWords open an adverbial phrase or clause before a sentence's
// subject: "In an interview with Lind, …", "When asked, …", "Speaking to
// reporters, …".
var openingWords = setOf(`in on at with after before during when while if as although though since because
	despite following unlike like alongside amid asked speaking responding writing talking pressed told`)

// openingPhraseEnd returns the token after the comma that ends an opening
// phrase of the clause [lo,hi) ("In a radio interview with Lind, Roe
// said"), or lo when the clause opens with no such phrase.
func (x *extraction) openingPhraseEnd(lo, hi int) int {
	d := x.d
	if lo >= hi || d.toks[lo].kind != tWord || !openingWords[d.tokLow(lo)] {
		return lo
	}
	first := lo
	for k := lo + 1; k < hi && k < lo+30; k++ {
		if x.inQuote(k) || !d.isPunct(k, ",") {
			continue
		}
		// "In a wide-ranging, in-prison interview with X, Roe said":
		// the phrase ends at a comma before a name or pronoun, else at
		// its first comma.
		if k+1 < hi && d.toks[k+1].kind == tWord && (d.toks[k+1].cap || personPronouns[d.tokLow(k+1)]) {
			return k + 1
		}
		if first == lo {
			first = k + 1
		}
	}
	return first
}

// firstSubject returns the first speaker-kind name or personal pronoun of
// [lo,hi) outside quotes and not governed by a preposition.
func (x *extraction) firstSubject(lo, hi int) int {
	d, e := x.d, x.e
	for i := lo; i < hi; i++ {
		if x.inQuote(i) {
			continue
		}
		t := d.toks[i]
		if t.kind != tWord {
			continue
		}
		prep := i > lo && d.toks[i-1].kind == tWord && prepositions[d.tokLow(i-1)]
		if m := e.mentAt[i]; m >= 0 {
			mm := e.ments[m]
			poss := mm.to < hi && d.toks[mm.to].kind == tPoss
			if !prep && !poss && e.list[mm.ent].kind.IsSpeaker() {
				// "CRP chairman Jane Roe": the party modifies the person.
				if p := x.titledPersonAfter(mm.to, hi); p >= 0 {
					return p
				}
				return mm.ent
			}
			// "Roe's campaign shrugged off the comments, telling …": the
			// campaign speaks.
			if h := mm.to + 1; !prep && poss && h < hi && d.toks[h].kind == tWord && groupHeads[d.tokLow(h)] {
				if ent := x.possessiveGroup(mm.from, h+1); ent >= 0 {
					return ent
				}
			}
			i = mm.to - 1
			continue
		}
		w := d.tokLow(i)
		if !prep && (personPronouns[w] || w == "it") {
			return x.pronoun(i, w)
		}
	}
	return -1
}

// titledPersonAfter returns the person named after lower-case title words
// that start at k ("chairman Jane Roe", "senior deputy leader X"), or -1.
func (x *extraction) titledPersonAfter(k, hi int) int {
	d, e := x.d, x.e
	j, title := k, false
	for j < hi && d.toks[j].kind == tWord && !d.toks[j].cap && (titleWords[d.plainWord(j)] || seniorityWords[d.plainWord(j)]) {
		title = title || titleWords[d.plainWord(j)]
		j++
	}
	if !title || j >= hi || e.mentAt[j] < 0 {
		return -1
	}
	if ent := e.ments[e.mentAt[j]].ent; e.list[ent].kind == graph.Person {
		return ent
	}
	return -1
}

// plausibleSubject reports whether the phrase [from,to) can be the source
// of a claim: a name, a pronoun, a title, or a group or document noun
// (officials, the report).
func (x *extraction) plausibleSubject(from, to int) bool {
	d, e := x.d, x.e
	// "the Harbour Trust (HT)": the acronym after the name.
	if to-from > 3 && d.isPunct(to-1, ")") && d.isPunct(to-3, "(") {
		to -= 3
	}
	if from >= to {
		return false
	}
	h := to - 1
	if m := e.mentAt[h]; m >= 0 {
		k := e.list[e.ments[m].ent].kind
		if k != graph.Place && k != graph.Event {
			return true
		}
		// "Ann Kell of Columbia, South Carolina": a speaker named before
		// a preposition heads the phrase; so does a title or person noun
		// ("The senator from Vermont").
		p := e.ments[m].from - 1
		if p-1 >= from && d.toks[p].kind == tWord && prepositions[d.tokLow(p)] && d.toks[p-1].kind == tWord {
			if w := d.plainWord(p - 1); titleWords[w] || personNouns[w] || groupNouns[w] {
				return true
			}
		}
		return x.speakerBeforePrep(from, e.ments[m].from)
	}
	t := d.toks[h]
	if t.kind == tNum && strings.HasSuffix(d.tokLow(h), "-year-old") {
		// "said the 46-year-old"
		return x.determined(from, h)
	}
	if t.kind != tWord {
		return false
	}
	w := d.plainWord(h)
	return t.cap || personPronouns[w] || w == "it" || w == "you" || titleWords[w] || orgNouns[w] || groupNouns[w] || x.byHeadWord(from, to) >= 0 ||
		documentNouns[w] || strings.HasSuffix(w, "ers") || strings.HasSuffix(w, "ists") ||
		personNouns[w] && x.determined(from, h)
}

// determined reports whether the noun phrase [from,h] opens with a
// determiner or "one" ("the designer", "one former staffer"): a bare
// singular noun ("British diplomat praises …") is a headline's, whose
// speaker the body names.
func (x *extraction) determined(from, h int) bool {
	d := x.d
	if from >= h || d.toks[from].kind != tWord {
		return false
	}
	w := d.tokLow(from)
	return determiners[w] || w == "one"
}

// personNouns are singular nouns for a person that heads a speaker
// phrase with no name: "wrote one commenter", "a woman in the crowd
// said".
var personNouns = setOf(`commenter reader viewer listener caller attendee participant man woman person mother father
	son daughter wife husband student teacher worker veteran protester demonstrator user writer blogger neighbor
	neighbour retiree owner farmer nurse doctor employee witness bystander onlooker passerby resident voter supporter
	member friend spectator customer shopper parent staffer designer diplomat actor actress singer artist author
	volunteer donor insider critic fan follower guest juror victim survivor citizen immigrant refugee banker
	investor lobbyist journalist historian scholar researcher scientist physician pastor priest`)

// documentNouns are texts and voices that say things without a person
// named: "the email said", "says a narrator", "the report found".
var documentNouns = setOf(`narrator voiceover voice email e-mail report statement letter memo ad message post tweet
	release filing document poll survey study announcer caller petition`)

// subjectBefore returns the subject phrase that ends right before token
// end (a cue verb), reaching no further back than lo. It looks past an
// apposition or relative clause set off by commas: in "Jane Roe, the
// party's leader, said" or "Roe, who spoke first, said" the subject is
// Jane Roe.
func (x *extraction) subjectBefore(end, lo int) (int, int) {
	d := x.d
	// A time phrase between subject and verb: "Roe at the time said",
	// "Roe on Tuesday said", "Roe last week said".
	end = d.skipTimeBefore(end, lo)
	// "Roe in his announcement speech called …", "Roe on Twitter said":
	// a short prepositional phrase between a named subject and the verb.
	if f, t, ok := x.nameBeforePrepPhrase(end, lo); ok {
		return f, t
	}
	// A parenthesis between subject and verb: "Jane Roe (CRP) said".
	if end-1 > lo && d.isPunct(end-1, ")") {
		for k := end - 2; k > lo && k >= end-10; k-- {
			if d.isPunct(k, "(") {
				end = k
				break
			}
		}
	}
	// "Jason Roe — a teacher from Eastmark — says": an apposition set
	// off by dashes.
	if end-1 > lo && isAppositionDash(d.tokText(end-1)) && d.toks[end-1].kind == tPunct {
		for k := end - 2; k > lo && k >= end-25; k-- {
			if d.toks[k].kind == tQuote || d.isPunct(k, ".") && !d.isAbbrevBefore(k) {
				break
			}
			if d.toks[k].kind == tPunct && isAppositionDash(d.tokText(k)) {
				// "A former candidate -- John Roe, who lost in 2008 --
				// said": the name inside the dashes is the speaker.
				if m := x.e.mentAt[k+1]; m >= 0 && x.e.list[x.e.ments[m].ent].kind == graph.Person {
					return x.e.ments[m].from, x.e.ments[m].to
				}
				if f, t := d.npBefore(k, lo); t > f && x.plausibleSubject(f, t) {
					return f, t
				}
				break
			}
		}
	}
	if end-1 < lo || !d.isPunct(end-1, ",") {
		f, t := d.npBefore(end, lo)
		// "Ann Kell of Columbia, South Carolina says": a state after a
		// town, with no closing comma, belongs to the phrase before.
		if t > f && f-2 > lo && d.isPunct(f-1, ",") && x.placeAt(f, t) && x.placeAt(d.npBefore(f-1, lo)) {
			if f2, t2 := d.npBefore(f-1, lo); x.plausibleSubject(f2, t2) {
				return f2, t2
			}
		}
		return f, t
	}
	// Find the comma that opens the apposition; an age or a party tag
	// (", 35,", ", R-Ky.,") before it is part of the apposition too.
	list := false
	for c := end - 2; c >= lo && c >= end-45; c-- {
		t := d.toks[c]
		if t.kind == tQuote && (x.quoteOf[c] >= 0 || t.quote.double()) || t.para && c < end-1 ||
			d.isPunct(c, ".") && !d.isAbbrevBefore(c) && !d.partyTag(c-1) || d.isPunct(c, ";") {
			break
		}
		if !d.isPunct(c, ",") {
			continue
		}
		// "…, assistant secretary for population, refugees, and
		// migration, said": the items of a list inside the apposition.
		if x.listItem(c, end-1, list) {
			list = true
			continue
		}
		if c+1 < end-1 && !x.appositionStart(c+1) {
			return end, end
		}
		// "her senior adviser, Jake Sullivan, said": the name between the
		// commas is the speaker.
		if m := x.e.mentAt[c+1]; m >= 0 && x.e.ments[m].to == end-1 && x.e.list[x.e.ments[m].ent].kind == graph.Person {
			return c + 1, end - 1
		}
		f, t2 := d.npBefore(c, lo)
		// "… and its ally, the GHL (GHL), both said": a party or
		// organisation in apposition to a description that names no one
		// is the subject.
		if g := x.appositeOrg(c+1, end-1); g >= 0 && (t2 <= f || x.speakerIn(f, t2) < 0 || !d.toks[t2-1].cap) {
			return g, end - 1
		}
		// "X, 30, of Raleigh, N.C., who …, said": a place after a comma,
		// or after "of" or "from", is part of the apposition, not the
		// speaker phrase.
		if t2 > f && f-1 >= lo && d.isPunct(f-1, ",") && (x.placeTag(f, t2) || t2 > f+1 && (d.isWord(f, "of") || d.isWord(f, "from"))) {
			c = f
			continue
		}
		if t2 > f && x.plausibleSubject(f, t2) && !(t2-f == 1 && d.toks[f].kind == tNum) && !d.partyTag(f) {
			return f, t2
		}
		// An age, a party tag or a place (", 35,", ", R-Ky.,", ", Ohio,")
		// is part of a longer apposition: look further back.
		if t2 > f && f-1 >= lo && d.isPunct(f-1, ",") {
			c = f
			continue
		}
		break
	}
	return end, end
}

// placeTag reports whether [from,to) is a place or a dotted state
// abbreviation (N.C., D.C.) rather than someone who speaks.
func (x *extraction) placeTag(from, to int) bool {
	if m := x.e.mentAt[to-1]; m >= 0 && x.e.ments[m].from == from && x.e.list[x.e.ments[m].ent].kind == graph.Place {
		return true
	}
	w := x.d.tokText(from)
	return to-from == 1 && len(w) <= 6 && x.d.toks[from].acro && strings.HasSuffix(w, ".") && strings.Count(w, ".") >= 2
}

// placeAt reports whether [f,t) ends in a place's name.
func (x *extraction) placeAt(f, t int) bool {
	if t <= f {
		return false
	}
	m := x.e.mentAt[t-1]
	return m >= 0 && x.e.list[x.e.ments[m].ent].kind == graph.Place
}

// listItem reports whether the words after the comma at c, up to the next
// comma before hi, are an item of a list in lower case: "and migration"
// (the last item) or, once the last has been seen (inList), "refugees".
func (x *extraction) listItem(c, hi int, inList bool) bool {
	d := x.d
	k := c + 1
	if d.isWord(k, "and") || d.isWord(k, "or") {
		inList = true
		k++
	}
	if !inList {
		return false
	}
	n := 0
	for ; k < hi && !d.isPunct(k, ","); k++ {
		if d.toks[k].kind != tWord || d.toks[k].cap {
			return false
		}
		n++
	}
	return n >= 1 && n <= 3
}

// relativeAntecedent returns the noun phrase that the relative pronoun at
// token w refers to, not reaching before lo: "Omar Castell" in "said Omar
// Castell, who said …" or "a post from Omar Castell who wrote …".
func (x *extraction) relativeAntecedent(w, lo int) (int, int) {
	d := x.d
	end := w
	if end-1 >= lo && d.isPunct(end-1, ",") {
		end--
	}
	return d.npBefore(end, lo)
}

// clauseOpeners may stand right before a clause's subject.
var clauseOpeners = setOf(`when and but that while as after before because since though although`)

// phrasePreps open the short phrases that may stand between a named
// subject and its verb.
var phrasePreps = setOf(`in on during at via`)

// nameBeforePrepPhrase finds a speaker's name right before a phrase of a
// preposition and at most five lower-case or capitalised words that ends
// at end ("Roe in his announcement speech", "Roe on Twitter").
func (x *extraction) nameBeforePrepPhrase(end, lo int) (int, int, bool) {
	d, e := x.d, x.e
	for p := end - 2; p > lo && p >= end-6; p-- {
		if d.toks[p].kind != tWord {
			return 0, 0, false
		}
		if !phrasePreps[d.tokLow(p)] || d.toks[p].cap {
			continue
		}
		m := e.mentAt[p-1]
		if m < 0 || e.ments[m].to != p || !e.list[e.ments[m].ent].kind.IsSpeaker() || e.ments[m].from < lo {
			return 0, 0, false
		}
		// the name opens its clause: the sentence's start, or after
		// "when", "and", "but", "that" (not the object of a preposition)
		if b := e.ments[m].from - 1; b >= lo && !(d.toks[b].kind == tWord && clauseOpeners[d.tokLow(b)]) {
			return 0, 0, false
		}
		for k := p + 1; k < end; k++ {
			if d.toks[k].kind != tWord && d.toks[k].kind != tPoss || isCue(d.tokLow(k)) {
				return 0, 0, false
			}
		}
		return e.ments[m].from, p, true
	}
	return 0, 0, false
}

// appositeOrg returns the start of a party or organisation mention that
// fills [from,to) after an optional "the" and before an optional
// "(ACR)", or -1.
func (x *extraction) appositeOrg(from, to int) int {
	d, e := x.d, x.e
	start := from
	if d.isWord(from, "the") {
		from++
	}
	if from >= to {
		return -1
	}
	m := e.mentAt[from]
	if m < 0 || e.ments[m].from != from {
		return -1
	}
	if k := e.list[e.ments[m].ent].kind; k != graph.Party && k != graph.Organization {
		return -1
	}
	end := e.ments[m].to
	if d.isPunct(end, "(") && d.isPunct(end+2, ")") {
		end += 3
	}
	if end != to {
		return -1
	}
	return start
}

// partyTag reports whether token i is a US party-and-state tag such as
// R-Ky or D-Calif.
func (d *document) partyTag(i int) bool {
	if i < 0 || i >= len(d.toks) || d.toks[i].kind != tWord {
		return false
	}
	w := d.tokText(i)
	return len(w) >= 3 && (w[0] == 'R' || w[0] == 'D' || w[0] == 'I') && w[1] == '-'
}

// appositionStart reports whether token i can begin an apposition or a
// relative clause: who, which, a determiner, a number (71-year-old), a
// lower-case word or a title.
func (x *extraction) appositionStart(i int) bool {
	d := x.d
	t := d.toks[i]
	if t.kind == tNum {
		return true
	}
	if t.kind != tWord {
		return false
	}
	w := d.plainWord(i)
	return relativeStarters[w] || determiners[w] || titleWords[w] || seniorityWords[w] || !t.cap || x.e.mentAt[i] >= 0 ||
		d.partyTag(i)
}

// groupHeads are nouns after a possessive name that make a speaking
// organisation of their own: Roe's campaign, Roe's aides.
var groupHeads = setOf(`campaign team camp staff aides advisers advisors allies lawyers attorneys office
	spokesman spokeswoman spokesperson spokespeople administration`)

// possessiveGroup resolves "Roe's campaign" (a name, a possessive and a
// group noun ending the phrase) to an organisation named as written, and
// "Roe's former campaign strategist" (a role after up to three lower-case
// modifiers) to a person named as written: the words of someone who
// works for Roe are not Roe's.
func (x *extraction) possessiveGroup(from, to int) int {
	d, e := x.d, x.e
	h := to - 1
	if h-2 < from || d.toks[h].kind != tWord {
		return -1
	}
	kind := graph.Organization
	p := h - 1
	if !groupHeads[d.tokLow(h)] {
		// "Roe's former campaign strategist": a role of the named
		// person's, after lower-case modifiers, is a person of its own.
		if !titleWords[d.tokLow(h)] || d.toks[h].cap {
			return -1
		}
		for p > from && d.toks[p].kind == tWord && !d.toks[p].cap && h-p < 4 {
			p--
		}
		kind = graph.Person
	}
	if p-1 < from || d.toks[p].kind != tPoss {
		return -1
	}
	m := e.mentAt[p-1]
	if m < 0 || !e.list[e.ments[m].ent].kind.IsSpeaker() {
		return -1
	}
	start := e.ments[m].from
	name := d.canonical(start, to)
	idx := e.lookupOrAdd(kind, name)
	e.addMention(d, mention{from: h, to: to, ent: idx, kind: kind, titleFrom: -1})
	if e.list[idx].firstStart < 0 || d.toks[start].start < e.list[idx].firstStart {
		e.list[idx].firstStart, e.list[idx].firstEnd = d.toks[start].start, d.toks[h].end
	}
	return idx
}

// skipDateline returns where a sentence's own words begin after a news
// dateline such as "WASHINGTON (AFP) —" or "PARIS, Nov. 19 (UPI) --".
func (d *document) skipDateline(lo, hi int) int {
	for i := lo; i < hi && i < lo+12; i++ {
		if t := d.tokText(i); d.toks[i].kind == tPunct && (t == "—" || t == "–" || t == "--" || t == "-") &&
			i > lo && (d.isPunct(i-1, ")") || d.toks[i-1].acro) {
			return i + 1
		}
	}
	return lo
}

// timeUnits end a time phrase after last/this/next: "last week".
var timeUnits = setOf(`week month year night weekend morning evening afternoon time summer spring fall winter`)

// skipTimeBefore returns the start of a short time phrase that ends right
// before token end ("at the time", "on Tuesday", "last week", "Tuesday
// night"), or end when there is none. The phrase must follow a word.
func (d *document) skipTimeBefore(end, lo int) int {
	w := func(i int) string {
		if i < lo || i >= len(d.toks) || d.toks[i].kind != tWord {
			return ""
		}
		return d.tokLow(i)
	}
	k := end
	switch {
	case w(k-1) == "time" && w(k-2) == "the" && w(k-3) == "at":
		k -= 3
	case weekdays[w(k-1)] && w(k-2) == "on":
		k -= 2
	case timeUnits[w(k-1)] && (w(k-2) == "last" || w(k-2) == "this" || w(k-2) == "earlier" || weekdays[w(k-2)]):
		k -= 2
	case weekdays[w(k-1)]:
		k--
	default:
		return end
	}
	// "Roe, who …, on Friday said": the phrase may follow the comma that
	// closes an apposition, or a parenthesis ("Roe (CRP) on Friday said").
	if k-1 < lo || d.toks[k-1].kind != tWord && !d.isPunct(k-1, ",") && !d.isPunct(k-1, ")") {
		return end
	}
	return k
}

// skipTimeAfter returns the token after a short time phrase that starts at
// token k ("Tuesday", "Wednesday morning", "last week", "earlier this
// month", "yesterday"), or k when there is none.
func (d *document) skipTimeAfter(k, hi int) int {
	w := func(i int) string {
		if i >= hi || d.toks[i].kind != tWord {
			return ""
		}
		return d.tokLow(i)
	}
	switch {
	case weekdays[w(k)] && timeUnits[w(k+1)]:
		return k + 2
	case weekdays[w(k)] || w(k) == "yesterday" || w(k) == "today":
		return k + 1
	case w(k) == "earlier" && w(k+1) == "this" && timeUnits[w(k+2)]:
		return k + 3
	case (w(k) == "last" || w(k) == "this" || w(k) == "earlier") && timeUnits[w(k+1)]:
		return k + 2
	case w(k) == "earlier":
		return k + 1
	}
	return k
}

// itIsAThing reports whether "it" opening a sentence refers to the thing
// the sentence before is about: that sentence's subject is a common noun
// that no entity holds ("The petition argues …. It cites …"), so "it" is
// not the nearest organisation.
func (x *extraction) itIsAThing(i int) bool {
	d, e := x.d, x.e
	s := d.sentOf[i]
	if s == 0 || d.sents[s].from != i {
		return false
	}
	ps := d.sents[s-1]
	f := ps.from
	if f+1 >= ps.to || !determiners[d.tokLow(f)] || d.toks[f+1].kind != tWord || d.toks[f+1].cap {
		return false
	}
	// the head: the last lower-case word before a verb, comma or name
	h := f + 1
	for h+1 < ps.to && d.toks[h+1].kind == tWord && !d.toks[h+1].cap && !aux[d.tokLow(h+1)] && !isCue(d.tokLow(h+1)) && !prepositions[d.tokLow(h+1)] {
		h++
	}
	w := d.tokLow(h)
	return e.mentAt[h] < 0 && !orgNouns[w] && !orgWords[w] && !partyNouns[w] && !titleWords[w] && !groupNouns[w] && !institutions[w]
}

// nounHead reports whether the cue form at token i, the last word before
// end, is the noun heading a subject ("the email said", "the
// congressional report said", "a statement read"): a determiner or an
// adjective comes before it.
func (d *document) nounHead(i, end, lo int) bool {
	if i != end-1 || i-1 < lo || d.toks[i-1].kind != tWord {
		return false
	}
	p := d.tokLow(i - 1)
	// "The email said": a determiner opening the sentence is capitalised.
	if determiners[p] {
		return true
	}
	if d.toks[i-1].cap {
		return false
	}
	return !npStop[p] && !isCue(p) && !aux[p] && i-2 >= lo && d.toks[i-2].kind == tWord && determiners[d.tokLow(i-2)]
}

// speakerBeforePrep reports whether [from,to) holds a speaker's name
// followed by a preposition: "Ann Kell of Columbia".
func (x *extraction) speakerBeforePrep(from, to int) bool {
	d, e := x.d, x.e
	for i := from; i < to; i++ {
		m := e.mentAt[i]
		if m < 0 || !e.list[e.ments[m].ent].kind.IsSpeaker() {
			continue
		}
		k := e.ments[m].to
		if k < to && d.toks[k].kind == tWord && !d.toks[k].cap && prepositions[d.tokLow(k)] {
			return true
		}
		i = k - 1
	}
	return false
}

// isAppositionDash reports whether s is a dash that can set off an
// apposition: an em or en dash, or a double hyphen.
func isAppositionDash(s string) bool {
	return s == "—" || s == "–" || s == "--"
}

// frameSubject returns the speaker of a frame that ends right before the
// comma at token comma, itself set off by a comma from what comes before:
// in "Ryan and Lind will meet next week, Roe said, adding, “…”" and
// "…, said Roe, adding …" the -ing clause is Roe's, not the sentence's
// first subject's. It returns -1 when there is no such frame.
func (x *extraction) frameSubject(comma, lo int) int {
	d := x.d
	if comma-1 <= lo || !d.isPunct(comma, ",") {
		return -1
	}
	// "…, Roe said, adding": subject and cue.
	c := d.skipTimeBefore(comma, lo) - 1
	if info, ok := x.cueAt(c); ok && !info.ing && info.class == cueSpeech && !info.objContent {
		f, t := x.subjectBefore(c, lo)
		if t > f && f > lo && x.afterComma(f) && x.plausibleSubject(f, t) {
			return x.speakerIn(f, t)
		}
		return -1
	}
	// "…, said Roe, adding": cue and subject.
	f, t := d.npBefore(comma, lo)
	if t > f && f-1 > lo {
		if info, ok := x.cueAt(f - 1); ok && !info.ing && info.class == cueSpeech && !info.objContent && !info.noQuote && x.afterComma(f-1) && d.toks[f].cap {
			return x.speakerIn(f, t)
		}
	}
	return -1
}
