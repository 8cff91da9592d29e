package extract

import (
	"strings"

	"github.com/claimgraph/claimgraph/graph"
)

// claimNouns introduce a claim as a noun: "allegations by X that …",
// "X's claim that …".
var claimNouns = setOf(`allegation allegations claim claims accusation accusations assertion assertions charge
	charges argument arguments belief beliefs warning warnings statement statements suggestion suggestions
	insistence contention view views position promise promises pledge pledges assurance assurances`)

// findReported finds reported speech around cue verbs that no quote used:
// "X claimed that …", "…, X said.", "according to X, …", "allegations by
// X that …", "X dismissed them as …".
func (x *extraction) findReported() {
	d := x.d
	for s := range d.sents {
		sp := d.sents[s]
		for c := sp.from; c < sp.to; c++ {
			if x.cueUsed[c] || x.inQuote(c) || x.excluded[c] || d.toks[c].kind != tWord {
				continue
			}
			if d.isWord(c, "according") && d.isWord(c+1, "to") {
				x.accordingTo(s, c)
				continue
			}
			if claimNouns[d.tokLow(c)] {
				x.nounClaim(s, c)
				continue
			}
			if info, ok := x.cueAt(c); ok && !info.directOnly && !(x.insideClaim(c) && (info.class == cueBelief || info.objContent)) {
				x.verbClaim(s, c, info)
			}
		}
	}
	x.chantedQuotes()
	x.quoteVerbs()
}

// sentenceOpeners may come before a sentence's subject.
var sentenceOpeners = setOf(`but and so yet still then also now later instead meanwhile however`)

// quoteVerbs handles sentences that quote someone with a verb not in the
// cue lists ("Roe mocked the plan as “a fantasy”", "She called it
// “shameful”"): when the sentence starts with a name or pronoun and a verb,
// and holds a quote no claim has taken, the rest of the sentence is a
// claim of the subject (or only the quote, when it is a whole utterance
// set off after a comma or colon: see introducedUtterance).
func (x *extraction) quoteVerbs() {
	d := x.d
	for s := range d.sents {
		sp := d.sents[s]
		free := -1
		for k := sp.from; k < sp.to; k++ {
			if d.toks[k].kind == tQuote && d.toks[k].quote.trueDouble() {
				if q := x.quoteOf[k]; q >= 0 && x.quoteClaim[q] < 0 && x.quotes[q].open == k && !x.titleLike(int(q)) {
					free = k
					break
				}
			}
		}
		if free < 0 {
			continue
		}
		i := d.skipDateline(sp.from, free)
		for i < sp.to && (d.toks[i].kind == tPunct || d.toks[i].kind == tWord && sentenceOpeners[d.tokLow(i)]) {
			i++
		}
		speaker, j := x.subjectAt(i, free)
		if speaker < 0 {
			// "Senate Majority Leader Mitch Roe delivered …": titles
			// before the name.
			speaker, j = x.personAfterTitles(speaker, i, free)
		}
		if speaker < 0 {
			// "In an interview on Monday, Roe called it “…”": the subject
			// comes after an opening phrase.
			for k := i; k < free && k < i+12; k++ {
				if d.isPunct(k, ",") {
					speaker, j = x.subjectAt(k+1, free)
					break
				}
			}
		}
		described := false
		if speaker < 0 {
			// "The judge pointed to a case to say that …": a described
			// subject that names no one.
			if k := x.describedSubjectEnd(i, free); k > 0 {
				speaker = x.speakerIn(i, k)
				// A title that resolves to no one ("The candidate") is
				// someone the article names: left alone.
				described = speaker >= 0 || !titleWords[d.plainWord(k-1)]
				j = k
			}
		}
		if speaker < 0 && !described {
			x.colonUtterance(sp.from, free)
			continue
		}
		// "Roe, the party's leader, called it …": skip the apposition.
		if d.isPunct(j, ",") {
			for k := j + 1; k < free && k < j+15; k++ {
				if d.isPunct(k, ",") {
					j = k + 1
					break
				}
			}
		}
		for j < free && d.toks[j].kind == tWord && (d.adverbAt(j) || aux[d.tokLow(j)]) {
			j++
		}
		if j >= free || d.toks[j].kind != tWord || d.toks[j].cap || prepositions[d.tokLow(j)] || determiners[d.tokLow(j)] || npStop[d.tokLow(j)] {
			continue
		}
		// "Roe showed up in the “…” gear": no object, nothing said.
		if d.isWord(j+1, "up") && x.phrasalParticleAt(j+1, free) {
			continue
		}
		from, to := j+1, sp.to
		if qi := int(x.quoteOf[free]); x.introducedUtterance(qi) && x.quotes[qi].close > 0 {
			from, to = free, x.quotes[qi].close+1
		} else {
			from = x.afterInnerSay(from, free)
		}
		x.addReported(from, to, speaker, j, "reported/quote-verb", cueSpeech)
	}
}

// afterInnerSay returns where a quote-verb content begins when a form of
// "say" stands between its start and the quote at free: the words after
// it, past a "that" ("went on to say he's “confident” …", "in saying that
// the “90 to 95 percent” figure …"); otherwise from.
func (x *extraction) afterInnerSay(from, free int) int {
	d := x.d
	for k := free - 1; k >= from; k-- {
		if d.toks[k].kind != tWord {
			continue
		}
		switch d.tokLow(k) {
		case "say", "says", "said", "saying":
			// '“…,” said one owner': an inverted frame, not a clause.
			if k == from || d.toks[k-1].kind != tWord {
				return from
			}
			if d.isWord(k+1, "that") {
				k++
			}
			if k+1 < free {
				return k + 1
			}
			return from
		}
	}
	return from
}

// describedSubjectEnd returns the token after a described subject that
// opens the clause at i, before free: "the" or "a", at most two lower-case
// modifiers and a person, title or group noun ("The judge", "The news
// service"), or -1.
func (x *extraction) describedSubjectEnd(i, free int) int {
	d := x.d
	if !d.isWord(i, "the") && !d.isWord(i, "a") && !d.isWord(i, "an") {
		return -1
	}
	for k := i + 1; k < free && k <= i+3; k++ {
		if d.toks[k].kind != tWord || d.toks[k].cap {
			return -1
		}
		if w := d.plainWord(k); personNouns[w] || titleWords[w] || groupNouns[w] {
			if k+1 >= free || d.toks[k+1].kind != tWord {
				return -1
			}
			return k + 1
		}
	}
	return -1
}

// introducedUtterance reports whether quote qi is a whole utterance set
// off in its sentence: it follows a comma, a colon or an -ing cue ("ended
// the speech with a line for the crowd: “…”", "sent an email saying
// “…”") and opens with a capital or ends in its own full stop, question
// or exclamation mark, or is set off by commas on both sides ("coined a
// new phrase, “…,” to describe"). Annotators mark such a quote alone as
// the content of a quote-verb sentence, not the words around it.
func (x *extraction) introducedUtterance(qi int) bool {
	d := x.d
	q := x.quotes[qi]
	p := q.open - 1
	if p < 0 || q.close < 0 {
		return false
	}
	intro := d.isPunct(p, ",") || d.isPunct(p, ":")
	if info, ok := cueForms[d.tokLow(p)]; ok && info.ing && d.toks[p].kind == tWord {
		intro = true
	}
	if !intro {
		return false
	}
	k := q.close - 1
	for k > q.open && d.toks[k].kind == tQuote {
		k--
	}
	return q.from < q.to && d.toks[q.from].cap || k > q.open && (d.isPunct(k, ".") || d.isPunct(k, "!") || d.isPunct(k, "?") || d.isPunct(k, ",") && d.isPunct(p, ","))
}

// titleLike reports whether quote qi looks like the title of a show, book
// or slogan rather than speech: at most eight words, every word of four
// letters or more capitalised or a preposition, numbers allowed ("This
// Week With George Stephanopoulos", “Carlos Danger”, "Evenings with Dana
// Kell", "Harbour 2: Into the Fog").
func (x *extraction) titleLike(qi int) bool {
	d := x.d
	q := x.quotes[qi]
	words, caps := 0, 0
	for k := q.from; k < q.to; k++ {
		t := d.toks[k]
		if t.kind != tWord && t.kind != tNum {
			continue
		}
		words++
		if words > 8 {
			return false
		}
		if t.kind == tNum || t.cap || len(d.tokText(k)) < 4 || prepositions[d.tokLow(k)] {
			caps++
		}
	}
	return words > 0 && caps == words && d.toks[q.from].cap
}

// subjectAt returns the speaker named at token i (a name or a personal
// pronoun) and the token after it, or -1.
func (x *extraction) subjectAt(i, hi int) (int, int) {
	d, e := x.d, x.e
	if i >= hi || d.toks[i].kind != tWord {
		return -1, i
	}
	if m := e.mentAt[i]; m >= 0 && e.list[e.ments[m].ent].kind.IsSpeaker() {
		return e.ments[m].ent, e.ments[m].to
	}
	if w := d.tokLow(i); personPronouns[w] {
		return x.pronoun(i, w), i + 1
	}
	return -1, i
}

// insideClaim reports whether token i lies in the content of a claim
// already found: a cue there belongs to reported speech within reported
// speech, which is part of the outer claim.
func (x *extraction) insideClaim(i int) bool {
	for k := len(x.claims) - 1; k >= 0 && k >= len(x.claims)-4; k-- {
		for _, p := range x.claims[k].parts {
			if i >= p.from && i < p.to {
				return true
			}
		}
	}
	return false
}

// quotedElsewhere reports whether the quote mark at k belongs to a quote
// that an earlier claim already holds: a direct-quote claim ("… — which
// she added “is deeply regrettable.”") or a reported one of the same
// sentence ("said Tuesday that Castell was “a total lightweight”" read
// both after 'said' and as a quote-verb sentence). A reported content
// around it repeats those words rather than quoting them again.
func (x *extraction) quotedElsewhere(k int) bool {
	q := x.quoteOf[k]
	return q >= 0 && x.quoteClaim[q] >= 0
}

// afterQuoteStops are words that, right after a comma that follows a
// partial quote, start a clause of the reporter's own: "… “a prayer,”
// which …", "… “fantastic,” while …".
var afterQuoteStops = setOf(`which who whom while whereas before after as though although even despite prompting`)

// saidInNouns are the media a reporter names after a quote: "in an
// interview", "in a statement".
var saidInNouns = setOf(`interview interviews statement statements tweet tweets speech speeches post email letter op-ed`)

// mediumAt reports whether tokens from k are a determiner and, within
// three words, a medium of speech ("a statement", "an interview with").
func (x *extraction) mediumAt(k, to int) bool {
	d := x.d
	if k >= to || !determiners[d.tokLow(k)] {
		return false
	}
	for j := k + 1; j < to && j <= k+3; j++ {
		if d.toks[j].kind != tWord {
			return false
		}
		if saidInNouns[d.tokLow(j)] {
			return true
		}
	}
	return false
}

// pronounClauseAt reports whether token k opens a clause whose subject is
// a personal pronoun followed by a lower-case word ("he faces", "she
// didn't") and that holds no quote of its own up to token to (a second
// quoted charge, "… and he is a “bully”", stays in the content).
func (x *extraction) pronounClauseAt(k, to int) bool {
	d := x.d
	if k+1 >= to || d.toks[k].kind != tWord || d.toks[k+1].kind != tWord || d.toks[k+1].cap || !personPronouns[d.tokLow(k)] {
		return false
	}
	for i := k; i < to; i++ {
		if d.toks[i].kind == tQuote || x.inQuote(i) {
			return false
		}
	}
	return true
}

// secondPredicateAdverbs after "and" open a second predicate of the
// speaker's: "… to expand “the league” and also address …".
var secondPredicateAdverbs = setOf(`also then later`)

// clauseOfItsOwnAt reports whether token k opens a main clause with a
// subject of its own: a determiner, at most three lower-case words and an
// auxiliary ("… “unpatriotic,” and his administration has made …").
func (x *extraction) clauseOfItsOwnAt(k, to int) bool {
	d := x.d
	if k >= to || d.toks[k].kind != tWord || d.toks[k].cap || !determiners[d.tokLow(k)] || d.tokLow(k) == "that" || x.inQuote(k) {
		return false
	}
	for j := k + 2; j < to && j <= k+4; j++ {
		if d.toks[j-1].kind != tWord || d.toks[j-1].cap || x.inQuote(j-1) {
			return false
		}
		w := d.tokLow(j)
		if beForms[w] || haveForms[w] || modals[w] {
			return true
		}
	}
	return false
}

// phrasalParticleAt reports whether token k, right after a cue verb, is a
// particle that makes the verb mean something else than speech: "showed
// off the hat", "was shouted down", "called off the deal", "showed up at
// the rally" ("offered up a sound bite" keeps its object).
func (x *extraction) phrasalParticleAt(k, to int) bool {
	d := x.d
	if k >= to || d.toks[k].kind != tWord || d.toks[k].cap {
		return false
	}
	switch d.tokLow(k) {
	case "off", "down":
		return true
	case "up":
		return k+1 >= to || d.toks[k+1].kind == tPunct || prepositions[d.tokLow(k+1)]
	}
	return false
}

// knownAs reports whether token c is "known" before "as" (at most two
// words apart): "X, known online as “…”, was …" names, it says nothing.
func (x *extraction) knownAs(c, to int) bool {
	d := x.d
	if !d.isWord(c, "known") {
		return false
	}
	for k := c + 1; k < to && k <= c+3; k++ {
		if d.isWord(k, "as") {
			return true
		}
		if d.toks[k].kind != tWord {
			return false
		}
	}
	return false
}

// accordingTo handles "according to X, …" and "…, according to X".
func (x *extraction) accordingTo(s, c int) {
	d := x.d
	sp := d.sents[s]
	f, t := d.npAfter(c+2, sp.to)
	if t <= f {
		return
	}
	speaker := x.speakerIn(f, t)
	if d.isPunct(t, ",") && t+1 < sp.to && c-sp.from <= 2 {
		x.addReported(t+1, sp.to, speaker, c, "reported/according-to", cueSpeech)
		return
	}
	if c > sp.from && d.isPunct(c-1, ",") {
		x.addReported(sp.from, c-1, speaker, c, "reported/according-to", cueSpeech)
		return
	}
	// "“…,” according to the Courier.": the comma closes the quote.
	if c > sp.from && x.afterComma(c) {
		x.addReported(sp.from, c, speaker, c, "reported/according-to", cueSpeech)
	}
}

// descriptionHead reports whether [from,to) is a short description that a
// name in apposition follows ("The spokesman, Jake Roe, said …", "Her
// senior adviser, Jake Roe, said …"): a determiner or possessive, then
// at most four words with no verb of speech and no comma.
func (x *extraction) descriptionHead(from, to int) bool {
	d := x.d
	if to-from < 2 || to-from > 5 || !determiners[d.tokLow(from)] {
		return false
	}
	for i := from + 1; i < to; i++ {
		t := d.toks[i]
		if t.kind != tWord && t.kind != tPoss || t.kind == tWord && (isCue(d.tokLow(i)) || aux[d.tokLow(i)]) {
			return false
		}
	}
	return true
}

// nounClaim handles "allegations by X that …" and "X's claim that …".
func (x *extraction) nounClaim(s, c int) {
	d := x.d
	sp := d.sents[s]
	// "…, a claim that Roe disputes": an apposition naming a stance.
	if c > 1 && d.isPunct(c-2, ",") && x.deniedNoun(c-1, sp.to) >= 0 {
		return
	}
	speaker := -1
	k := c + 1
	if d.isWord(k, "by") || d.isWord(k, "from") {
		f, t := d.npAfter(k+1, sp.to)
		// a name that holds a stop word ("Justice and Development Party")
		for t > f && t < sp.to && x.e.mentAt[t] >= 0 && x.e.mentAt[t] == x.e.mentAt[t-1] {
			t++
		}
		speaker = x.speakerIn(f, t)
		for t < sp.to && (d.isPunct(t, "(") || d.isPunct(t, ")") || (x.e.mentAt[t] >= 0 && d.isPunct(t-1, "("))) {
			t++
		}
		k = t
	} else if p := d.possessiveBefore(c, sp.from); p >= 0 {
		speaker = x.speakerIn(p-1, p)
	} else {
		speaker = x.clauseSubject(sp.from, c)
	}
	if !d.isWord(k, "that") {
		return
	}
	x.addReported(k+1, sp.to, speaker, c, "reported/noun-that", cueSpeech)
}

// verbClaim handles a cue verb outside quotes.
func (x *extraction) verbClaim(s, c int, info cueInfo) {
	d := x.d
	sp := d.sents[s]
	if info.lemma == "quote" && x.quotedAsSaying(s, c) {
		return
	}
	if x.phrasalParticleAt(c+1, sp.to) || x.knownAs(c, sp.to) {
		return
	}
	end := c
	for end > sp.from && d.toks[end-1].kind == tWord && !x.nameWord(end-1) && !d.modalName(end-1) && (linkingAdverbs[d.tokLow(end-1)] || aux[d.tokLow(end-1)] || d.isWord(end-1, "both") ||
		info.ing && hearVerbs[d.tokLow(end-1)]) {
		end--
	}
	if x.passive(c, end, info) {
		x.passiveAgent(s, c, info)
		return
	}
	// "The NEA has not commented on the transfer": no comment is no claim.
	if info.lemma == "comment" && x.negatedGroup(end, c) {
		return
	}
	// "the governor is heard saying that …", "she has been arguing
	// that …": an -ing form after an auxiliary is a finite verb.
	finite := !info.ing || end < c && (aux[d.tokLow(end)] || hearVerbs[d.tokLow(c-1)])
	f, t := x.subjectBefore(end, sp.from)
	// "…, X said." / "…, X told reporters." — the content comes first.
	// Not for verbs whose object is the content ("…, both welcomed the
	// appointment").
	// "In a statement, the league said it …" opens with an adverbial
	// phrase, not a content.
	opener := prepositions[d.tokLow(sp.from)] && f-1-sp.from <= 6 || x.descriptionHead(sp.from, f-1)
	if f > sp.from && d.isPunct(f-1, ",") && t > f && !opener && x.tailOnly(c+1, sp.to) && !info.ing && !info.objContent && x.plausibleSubject(f, t) {
		x.addReported(sp.from, f-1, x.speakerIn(f, t), c, "reported/speaker-after", info.class)
		return
	}
	// "…, said X." — cue first after a comma; not when a subject and its
	// apposition end at that comma ("Jane Roe, of the CRP, said the …").
	appositive := t > f && t < end-1 && d.isPunct(t, ",") && x.plausibleSubject(f, t) ||
		t > f && f > sp.from && d.isPunct(f-1, ",") && x.descriptionHead(sp.from, f-1)
	if end == c && d.isPunct(c-1, ",") && !info.ing && !appositive {
		f2, t2 := d.npAfter(c+1, sp.to)
		// The speaker follows the cue at once: in "X, the party's
		// leader, spoke to reporters" the cue is X's and says nothing.
		if t2 > f2 && !prepositions[d.tokLow(c+1)] && x.frameTail(t2, sp.to, true) && d.toks[f2].kind == tWord && x.plausibleSubject(f2, t2) {
			x.addReported(sp.from, c-1, x.speakerIn(f2, t2), c, "reported/cue-speaker-after", info.class)
			return
		}
	}
	speaker, rule := -1, "reported/that-clause"
	switch {
	case t <= f && d.isWord(end-1, "to") && end-1 > sp.from:
		// "Roe was prompted to say that …", "went on to argue …"
		speaker = x.clauseSubject(sp.from, end-1)
		if speaker < 0 {
			return
		}
		rule = "reported/shared-subject"
	case t > f && finite && x.plausibleSubject(f, t):
		speaker = x.speakerIn(f, t)
	case info.ing && end == c && t > f+1 && d.isWord(f, "with") && x.plausibleSubject(f+1, t):
		// "…, with Sen. Jake Roe calling it “a mess”": the noun before
		// the -ing cue speaks.
		speaker, rule = x.speakerIn(f+1, t), "reported/with-subject"
	case info.ing && end == c && x.statementBefore(c, sp.from) >= 0:
		// "The town released a statement Wednesday saying …": the
		// statement's sender speaks, named or not.
		speaker, rule = x.clauseSubject(sp.from, x.statementBefore(c, sp.from)), "reported/shared-subject"
	case (t <= f || info.ing) && end > sp.from && (x.afterComma(end) || d.isWord(end-1, "and") || d.isWord(end-1, "but") || info.ing && ingPreps[d.tokLow(end-1)]):
		// "…, saying that …", "X confirmed …, but dismissed them as …",
		// "X responded by saying …", "… after telling reporters …": the
		// subject of the sentence speaks, past a subordinate clause
		// that opens it ("When she ran in 2010, Roe attacked Castell by
		// reminding voters …").
		if speaker = x.frameSubject(end-1, sp.from); speaker < 0 {
			speaker = x.coordinateSubject(sp.from, end)
		}
		if speaker < 0 {
			speaker = x.clauseSubject(x.mainClauseStart(sp.from, end), end)
		}
		// "The ministry denied this, saying …": the clause after a
		// stance is a claim even when its unnamed subject is no one known.
		// "Opposition lawmakers walked out, saying the government had “no
		// plan”": a clause holding a quote is a claim of its unnamed
		// subject too.
		if speaker < 0 && x.stanceVia[c] == 0 && !(info.ing && x.holdsQuote(end, sp.to) && x.groupSubject(x.openingPhraseEnd(sp.from, end), end)) {
			return
		}
		rule = "reported/shared-subject"
	case t <= f && finite && end-1 > sp.from && d.isWord(end-1, "who"):
		// "…, said Weaver, who said …": the relative's antecedent speaks.
		// Only a relative set off by a comma or after a name: "anyone
		// who knows …" and "a woman who has accused …" restrict their
		// noun and are the subject of a verb of their own.
		f2, t2 := x.relativeAntecedent(end-1, sp.from)
		if t2 <= f2 || !x.plausibleSubject(f2, t2) || !d.isPunct(end-2, ",") && !x.personEndsAt(end-1) {
			return
		}
		speaker, rule = x.speakerIn(f2, t2), "reported/relative"
	default:
		return
	}
	k, ok := x.contentStart(c, info, sp.to)
	if !ok {
		return
	}
	if k >= sp.to || d.toks[k].kind == tQuote && x.quoteOf[k] >= 0 && x.quoteClaim[x.quoteOf[k]] >= 0 {
		return
	}
	// "rejected the allegations", "backed Lind", "denied any wrongdoing":
	// the object names what the speaker takes a stance towards; it is no
	// claim of its own.
	// "accused the government of using …": the accusation is the claim.
	accusation := info.lemma == "accuse" && x.ofAfterObject(k, sp.to)
	if (info.class == cueDispute || info.class == cueSupport) && !accusation {
		switch x.stanceObject(speaker, c, k, sp.to, info) {
		case objRef:
			// "rejected the NJL's allegations as “recycled theories”":
			// the characterisation after "as" is the speaker's claim,
			// and it disputes what the object refers to.
			as := x.asAfterObject(k, sp.to)
			if as < 0 {
				return
			}
			if x.addReported(as+1, sp.to, speaker, c, "reported/stance-as:"+info.lemma, info.class) {
				x.stanceRefs[len(x.stanceRefs)-1].claim = len(x.claims) - 1
			}
			return
		case objBare:
			k = x.verbGroupStart(c, sp.from)
			rule = "reported/stance-object"
		}
	}
	// "cited allegations by X that …": the object is someone else's claim.
	// Not after "call" when the noun ends the object: "calling Roe's
	// charge “pathetic”" characterises the claim it names ("called her
	// assertion of …" still holds a claim of its own).
	if n := x.claimNounAt(k, sp.to); info.objContent && !d.isWord(k-1, "as") && n >= 0 && !(info.lemma == "call" && x.nounEndsObject(n)) {
		return
	}
	if speaker < 0 && x.stanceVia[c] == 0 && x.namedCueWithin(k, sp.to) {
		// "In a statement read outside the court, Lind said …": the
		// named speaker's own cue further on takes the content.
		return
	}
	to := sp.to
	if rule == "reported/relative" {
		to = x.relativeEnd(k, to)
	}
	if x.addReported(k, to, speaker, c, rule+":"+info.lemma, info.class) {
		if r := x.stanceVia[c]; r > 0 {
			x.stanceRefs[r-1].claim = len(x.claims) - 1
		}
		x.joinLeadIn(sp.from, f, c, k)
		if speaker >= 0 && t > f {
			x.claims[len(x.claims)-1].also = x.coSpeakers(f, sp.from, speaker)
		}
	}
}

// coSpeakers returns the speakers joined by "and" to the subject phrase
// that starts at f, not reaching before lo: "The CRP (CRP) and the GHL
// said", "The CRP and its ally, the GHL, both said".
func (x *extraction) coSpeakers(f, lo, speaker int) []int {
	d, e := x.d, x.e
	j := f - 1
	// "and its ally, the GHL": a short description set off by a comma.
	if d.isPunct(j, ",") {
		k := j - 1
		for k > lo && j-k <= 3 && d.toks[k].kind == tWord && !d.toks[k].cap && !d.isWord(k, "and") {
			k--
		}
		if !d.isWord(k, "and") {
			return nil
		}
		j = k
	}
	if !d.isWord(j, "and") {
		return nil
	}
	j--
	// "(CRP)" after the first name
	if d.isPunct(j, ")") && j-2 > lo && d.isPunct(j-2, "(") {
		j -= 3
	}
	if j < lo || j < 0 {
		return nil
	}
	m := e.mentAt[j]
	if m < 0 || e.ments[m].to != j+1 {
		return nil
	}
	if ent := e.ments[m].ent; ent != speaker && e.list[ent].kind.IsSpeaker() && e.list[ent].kind != graph.Person {
		return []int{ent}
	}
	return nil
}

// ofAfterObject reports whether an "of" follows the object that starts
// at k within a few words: "accused Roe's government of …".
func (x *extraction) ofAfterObject(k, hi int) bool {
	d := x.d
	for j := k + 1; j < hi && j < k+8; j++ {
		if d.isWord(j, "of") {
			return true
		}
		if d.toks[j].kind != tWord && d.toks[j].kind != tPoss {
			return false
		}
	}
	return false
}

// findDeniedCharges records, for each claim followed by an apposition
// such as ", a charge Roe has denied", Roe's stance on that claim.
func (x *extraction) findDeniedCharges() {
	d := x.d
	for ci, c := range x.claims {
		if len(c.parts) == 0 {
			continue
		}
		k := c.parts[len(c.parts)-1].to
		for k < len(d.toks) && d.toks[k].kind == tQuote {
			k++
		}
		if !d.isPunct(k, ",") {
			continue
		}
		hi := d.sents[d.sentOf[k]].to
		cue := x.deniedNoun(k+1, hi)
		if cue < 0 {
			continue
		}
		end := cue
		for end > k+1 && d.toks[end-1].kind == tWord && (aux[d.tokLow(end-1)] || d.adverbAt(end-1)) {
			end--
		}
		f, t := x.subjectBefore(end, k+1)
		sp := x.speakerIn(f, t)
		if sp < 0 || sp == c.speaker {
			continue
		}
		info := cueForms[d.tokLow(cue)]
		x.deniedBy = append(x.deniedBy, stance{from: sp, fromClaim: -1, to: ci, rel: stanceRel(info.class),
			rule: "stance/" + string(stanceRel(info.class)), start: d.toks[k+1].start, end: d.toks[cue].end})
	}
}

// negatedGroup reports whether the verb group [from,c) holds a negation:
// "has not commented", "did not immediately comment", "never commented".
func (x *extraction) negatedGroup(from, c int) bool {
	for k := from; k < c; k++ {
		if w := x.d.tokLow(k); w == "not" || w == "n't" || w == "never" {
			return true
		}
	}
	return false
}

// asAfterObject returns the "as" that follows a short object starting at k
// ("the party's allegations as …", "the claims as …"), or -1.
func (x *extraction) asAfterObject(k, hi int) int {
	d := x.d
	for j := k + 1; j < hi && j < k+6; j++ {
		switch {
		case d.isWord(j, "as"):
			if j+1 < hi && (d.toks[j+1].kind == tWord || d.toks[j+1].kind == tQuote) {
				return j
			}
			return -1
		case d.toks[j].kind != tWord && d.toks[j].kind != tPoss:
			return -1
		}
	}
	return -1
}

// personEndsAt reports whether the name of a person ends right before
// token i.
func (x *extraction) personEndsAt(i int) bool {
	e := x.e
	if i < 1 {
		return false
	}
	m := e.mentAt[i-1]
	return m >= 0 && e.ments[m].to == i && e.list[e.ments[m].ent].kind == graph.Person
}

// statementBefore returns the token of the statement noun that the -ing
// cue at c qualifies ("released a statement saying", "sent an email on
// Monday saying"), past a comma and a time phrase, or -1.
func (x *extraction) statementBefore(c, lo int) int {
	d := x.d
	k := c
	if d.isPunct(k-1, ",") {
		k--
	}
	k = d.skipTimeBefore(k, lo)
	if k-2 < lo || !sentTexts[d.tokLow(k-1)] {
		return -1
	}
	if w := d.tokLow(k - 2); w != "a" && w != "an" {
		return -1
	}
	return k - 1
}

// sentTexts are the texts an -ing cue may qualify: "a statement
// saying …".
var sentTexts = setOf(`statement email letter tweet release`)

// beForms make a following past participle passive: "was promised",
// "is expected to".
var beForms = setOf(`is was were are be been being am 's`)

// passive reports whether the cue at c, whose verb group starts at end,
// is a passive past participle ("the party had been promised more
// seats", "Roe is expected to announce"): its subject did not speak.
func (x *extraction) passive(c, end int, info cueInfo) bool {
	d := x.d
	if !info.past || info.ing || end == c {
		return false
	}
	for k := c - 1; k >= end; k-- {
		w := d.tokLow(k)
		if beForms[w] {
			return true
		}
		if aux[w] {
			return false
		}
	}
	return false
}

// agentContent opens the content after a passive cue's agent: "was
// asked by a caller why …", "was warned by the ministry that …".
var agentContent = setOf(`that whether why if how what about`)

// passiveAgent handles a passive cue with its agent after "by": "Roe was
// asked by host Ann Kell whether …" and "was pressed by the paper's
// editor, Ann Kell, about …" are the agent's claims (the subject only
// heard them). The agent may be a description that names no one.
func (x *extraction) passiveAgent(s, c int, info cueInfo) {
	d := x.d
	sp := d.sents[s]
	if !d.isWord(c+1, "by") {
		return
	}
	f := c + 2
	k := f
	for k < sp.to && k < f+10 && !x.inQuote(k) && (d.toks[k].kind == tWord && (d.toks[k].cap || !agentContent[d.tokLow(k)]) || d.toks[k].kind == tPoss) {
		k++
	}
	t := k
	// "by the paper's editor, Ann Kell, about …": an apposition names
	// the agent.
	if d.isPunct(k, ",") {
		a, b := d.npAfter(k+1, sp.to)
		if b <= a || !d.isPunct(b, ",") {
			return
		}
		f, t, k = a, b, b+1
	}
	if t <= f || k >= sp.to || !agentContent[d.tokLow(k)] || d.toks[k].cap {
		return
	}
	x.addReported(k, sp.to, x.speakerIn(f, t), c, "reported/passive-agent", info.class)
}

// hearVerbs stand between an auxiliary and an -ing cue: "the governor is
// heard saying that …", "was seen telling".
var hearVerbs = setOf(`heard seen caught recorded filmed quoted overheard`)

// quotedAsSaying handles "a report quoted X as saying (that) …" at the
// cue "quoted" (token c): the content is X's claim. It reports whether the
// pattern was found (with or without a claim long enough to keep).
func (x *extraction) quotedAsSaying(s, c int) bool {
	d := x.d
	sp := d.sents[s]
	f, t := d.npAfter(c+1, sp.to)
	if t <= f {
		return false
	}
	as := t
	// "quoted Oskar Lind, the party's deputy leader, as saying": skip
	// the apposition.
	if d.isPunct(t, ",") {
		for k := t + 1; k < sp.to && k < t+15; k++ {
			if d.isPunct(k, ",") && d.isWord(k+1, "as") {
				as = k + 1
				break
			}
		}
	}
	if !d.isWord(as, "as") || !d.isWord(as+1, "saying") {
		return false
	}
	x.addReported(as+2, sp.to, x.speakerIn(f, t), c, "reported/quoted-as-saying", cueSpeech)
	return true
}

// namedCueWithin reports whether tokens [from,to) hold a cue verb, not yet
// used, whose subject is a name ("…, Lind said the party would …").
func (x *extraction) namedCueWithin(from, to int) bool {
	e := x.e
	for k := from + 1; k < to; k++ {
		if x.inQuote(k) || x.cueUsed[k] {
			continue
		}
		info, ok := x.cueAt(k)
		if !ok || info.ing || info.class == cueBelief {
			continue
		}
		if m := e.mentAt[k-1]; m >= 0 && e.list[e.ments[m].ent].kind.IsSpeaker() {
			return true
		}
		// "Joe Roe, a host considered one of the best, said that …": a
		// named subject before an apposition.
		if x.d.isPunct(k-1, ",") {
			if f, t := x.subjectBefore(k, x.d.sents[x.d.sentOf[k]].from); t > f {
				if m := e.mentAt[t-1]; m >= 0 && e.list[e.ments[m].ent].kind.IsSpeaker() {
					return true
				}
			}
		}
	}
	return false
}

// listenerBeforeThat reports whether token k is "to" followed by a
// listener (a determiner, a name or an object pronoun), not an infinitive.
func (x *extraction) listenerBeforeThat(k, hi int) bool {
	d := x.d
	if !d.isWord(k, "to") || k+1 >= hi || d.toks[k+1].kind != tWord {
		return false
	}
	w := d.tokLow(k + 1)
	return w != "that" && (determiners[w] || d.toks[k+1].cap || w == "him" || w == "them" || w == "reporters")
}

// objectPronouns stand for an object the reader cannot see in the claim
// ("dismissed them as …"): the content starts after "as".
var objectPronouns = setOf(`them it this that these those him her`)

// joinTrailingQuotes appends to a reported claim the quote that follows
// it as a sentence of its own, with no cue, in the same paragraph or at
// the start of the next: "Roe added that the board wants a vote soon.
// “They will not wait for the audit.”" Annotators mark the reported
// clause and the quote as one content. The claim must end its sentence
// and have a speaker; a quote of fewer than three words or one that
// looks like a title stays apart.
func (x *extraction) joinTrailingQuotes() {
	d := x.d
	for qi, q := range x.quotes {
		if x.quoteClaim[qi] >= 0 || !x.quoteDirect(qi) || q.cont || !x.standalone(qi) {
			continue
		}
		if x.titleLike(qi) || x.words(q) < 3 {
			continue
		}
		s := d.sentOf[q.open]
		if s == 0 {
			continue
		}
		ps := d.sents[s-1]
		for ci := len(x.claims) - 1; ci >= 0; ci-- {
			c := &x.claims[ci]
			end := c.parts[len(c.parts)-1].to
			if end > ps.to || end <= ps.from {
				continue
			}
			if ps.to-end > 1 || c.speaker < 0 {
				break
			}
			x.joinQuote(ci, qi)
			break
		}
	}
}

// moveTrailingQuotes hands a quote sentence joined to the direct claim
// before it over to a reported clause of the same speaker that ends the
// frame sentence between them: in "“A,” Roe said, adding that she had
// fought for the bill. “B.”" annotators join B to the added clause, not
// to A.
func (x *extraction) moveTrailingQuotes() {
	d := x.d
	for qi := 1; qi < len(x.quotes); qi++ {
		ci := x.quoteClaim[qi]
		if ci < 0 || ci != x.quoteClaim[qi-1] || !x.claims[ci].direct || !x.opensSentence(qi) {
			continue
		}
		c := &x.claims[ci]
		pi := -1
		for k, p := range c.parts {
			if p.from == x.quotes[qi].from {
				pi = k
			}
		}
		if pi <= 0 {
			continue
		}
		s := d.sentOf[x.quotes[qi].open]
		if s == 0 {
			continue
		}
		ps := d.sents[s-1]
		prev := x.quotes[qi-1]
		if prev.close < ps.from || prev.close >= ps.to {
			continue
		}
		rc := -1
		for k := len(x.claims) - 1; k >= 0; k-- {
			end := x.claims[k].parts[len(x.claims[k].parts)-1].to
			if k != ci && end <= ps.to && end > prev.close && ps.to-end <= 1 {
				rc = k
				break
			}
		}
		if rc < 0 || x.claims[rc].speaker != c.speaker || !x.handsOver(rc) {
			continue
		}
		moved := c.parts[pi:]
		c.parts = c.parts[:pi:pi]
		r := &x.claims[rc]
		r.parts = append(r.parts, moved...)
		r.direct = true
		for k := qi; k < len(x.quotes) && x.quoteClaim[k] == ci; k++ {
			x.quoteClaim[k] = rc
		}
	}
}

// handsOver reports whether reported claim rc is a clause that a
// following quote continues: its cue is "add" (adding that …, and added
// …). On the training split other speech verbs (saying, noting,
// referring to) were as often kept apart by the annotators as joined.
func (x *extraction) handsOver(rc int) bool {
	c := x.claims[rc]
	if c.cue < 0 {
		return false
	}
	info, ok := cueForms[x.d.tokLow(c.cue)]
	return ok && info.lemma == "add"
}

// nounEndsObject reports whether the claim noun at n ends its noun phrase:
// no "of", "that" or "by" phrase tells what was claimed or by whom.
func (x *extraction) nounEndsObject(n int) bool {
	d := x.d
	return !d.isWord(n+1, "of") && !d.isWord(n+1, "that") && !d.isWord(n+1, "by")
}

// groupSubject reports whether the clause starting at from opens with a
// group, person or title noun phrase as its subject ("Opposition lawmakers
// walked out …", "the justice sounded off …"), before token end.
func (x *extraction) groupSubject(from, end int) bool {
	d := x.d
	for k := from; k < end && k < from+4; k++ {
		if d.toks[k].kind != tWord || isCue(d.tokLow(k)) {
			return false
		}
		// "Hundreds of Roe supporters": a name in the phrase is for the
		// chant rule, which leaves such groups alone.
		if k > from && d.toks[k].cap {
			return false
		}
		if w := d.plainWord(k); groupNouns[w] || personNouns[w] || titleWords[w] {
			// "The senator from Vermont": a phrase naming a place or
			// body is a source the reader can name; it is left alone.
			return k+1 < end && d.toks[k+1].kind == tWord && !d.toks[k+1].cap && !(titleWords[w] && prepositions[d.tokLow(k+1)])
		}
	}
	return false
}

// creditReporters gives a claim whose frame goes on with ", according to
// X" to X: in "“…,” Roe said, according to the Courier." and "Roe said
// the plan was “dead,” according to a pool report." annotators credit the
// account that relays the words, not the person quoted in it. A phrase
// that names no one leaves the claim without a speaker.
func (x *extraction) creditReporters() {
	d := x.d
	for ci := range x.claims {
		c := &x.claims[ci]
		if c.cue < 0 || strings.HasPrefix(c.rule, "reported/according-to") {
			continue
		}
		if k := x.accordingAfter(c.cue); k >= 0 {
			sp := d.sents[d.sentOf[c.cue]]
			f, t := d.npAfter(k+2, sp.to)
			c.speaker = x.speakerIn(f, t)
			continue
		}
		if p := x.pollBefore(c.cue); p >= 0 {
			c.speaker = x.speakerIn(x.pollPhraseStart(p), p+1)
		}
	}
}

// pollPhraseStart returns the first token of the phrase that ends in poll
// noun p, after "in", a comma or a determiner: "a national Courier/Roe
// poll".
func (x *extraction) pollPhraseStart(p int) int {
	d := x.d
	lo := d.sents[d.sentOf[p]].from
	k := p
	for k > lo && k > p-8 && !d.isPunct(k-1, ",") && !d.isWord(k-1, "in") && !d.isWord(k-1, "to") {
		k--
	}
	return k
}

// pollNouns name the surveys whose respondents speak in "In a Courier
// poll, 40 percent of voters said …".
var pollNouns = setOf(`poll polls survey surveys`)

// pollBefore returns the poll noun of "In a Courier poll released Monday,
// 31 percent of voters said …" or "Some 20 percent of people in a recent
// poll said …" before cue c, or -1: annotators credit the poll, not the
// share of respondents that is the verb's subject. The share must head
// the subject (no punctuation between it and the cue) and the poll phrase
// sit right before it, set off by one comma, or inside it.
func (x *extraction) pollBefore(c int) int {
	d := x.d
	sp := d.sents[d.sentOf[c]]
	poll, share, commas := -1, -1, 0
	for k := sp.from; k < c; k++ {
		t := d.toks[k]
		switch {
		case x.inQuote(k) || t.kind == tQuote:
			continue
		case t.kind == tWord && pollNouns[d.tokLow(k)]:
			poll, commas = k, 0
		case t.kind == tWord && d.tokLow(k) == "percent" || t.kind == tNum && strings.HasSuffix(d.tokText(k), "%"):
			if share < 0 {
				share = k
			}
		case t.kind == tPunct && poll >= 0 && share >= 0 && d.isPunct(k, ";"):
			// "…, 8 percent said …; 1 percent said …": the next share.
			share = -1
		case t.kind == tPunct && poll >= 0 && !d.isPunct(k, "-") && !d.isPunct(k, "/"):
			if share >= 0 || !d.isPunct(k, ",") || commas > 0 {
				return -1
			}
			commas++
		}
	}
	if share < 0 || poll < 0 {
		return -1
	}
	return poll
}

// accordingAfter returns the token of "according" in ", according to"
// after cue c in its sentence and outside quotes, or -1. One that opens
// the content ("reported that, according to …") or ends a relative
// clause (", which stood at 263, according to …") is part of the
// content.
func (x *extraction) accordingAfter(c int) int {
	d := x.d
	sp := d.sents[d.sentOf[c]]
	for k := c + 1; k+2 < sp.to; k++ {
		if d.isPunct(k-1, ",") && relativeWords[d.tokLow(k)] && !x.inQuote(k) {
			return -1
		}
		if d.isWord(k, "according") && d.isWord(k+1, "to") && x.afterComma(k) && !x.inQuote(k) {
			if d.isWord(k-2, "that") {
				return -1
			}
			return k
		}
	}
	return -1
}

// relativeWords open a relative clause after a comma.
var relativeWords = setOf(`which who whose whom where`)

// joinsSubjects reports whether "and" at token k may join two subjects:
// a name or pronoun comes right before it ("both he and Roe promised").
func (x *extraction) joinsSubjects(k int) bool {
	d := x.d
	if k == 0 {
		return false
	}
	return x.e.mentAt[k-1] >= 0 || d.toks[k-1].kind == tWord && personPronouns[d.tokLow(k-1)]
}

// subordinators open a clause that a comma ends before the main clause of
// the same content: "argued that although Roe confessed, he showed …".
var subordinators = setOf(`although though while whereas after before when whenever if unless because since as once despite until sometime`)

// personAfterTitles passes over titles and the names of organisations
// from token j to the person they name ("Senate Majority Leader Mitch
// Roe delivered …", "CRP chairman Jane Roe told …"). It returns the
// speaker and the token after the name, unchanged when no person is named
// within six tokens or another word comes first.
func (x *extraction) personAfterTitles(speaker, j, hi int) (int, int) {
	d, e := x.d, x.e
	for k := j; k < hi && k < j+6 && d.toks[k].kind == tWord; k++ {
		if m := e.mentAt[k]; m >= 0 {
			mm := e.ments[m]
			switch kind := e.list[mm.ent].kind; {
			case kind == graph.Person:
				if mm.to < hi && d.toks[mm.to].kind == tPoss {
					return speaker, j
				}
				// "Former Obama spokesman Robert Gibbs": the person
				// after the title speaks.
				if p := x.titledPersonAfter(mm.to, hi); p >= 0 {
					for t := mm.to; t < hi && t < mm.to+8; t++ {
						if m2 := e.mentAt[t]; m2 >= 0 && e.ments[m2].ent == p {
							return p, e.ments[m2].to
						}
					}
				}
				return mm.ent, mm.to
			case kind == graph.Organization || kind == graph.Party:
				k = mm.to - 1
				continue
			}
			return speaker, j
		}
		// A title's own capitalised words ("Majority Leader") pass;
		// a determiner or subordinator opening the sentence does not.
		w := d.plainWord(k)
		if !titleWords[w] && !seniorityWords[w] && (!d.toks[k].cap || determiners[w] || subordinators[w] || prepositions[w] || commonWords[w] || sentenceOpeners[w]) {
			return speaker, j
		}
	}
	return speaker, j
}

// colonUtterance makes a claim of a whole utterance that a colon sets off
// in a sentence with no speaker at its head ("A footnote in the report
// makes that clear: “…”", "The rally had one message: “…”"); its
// speaker is the clause's subject when that is someone, else no one.
func (x *extraction) colonUtterance(from, open int) {
	d := x.d
	qi := int(x.quoteOf[open])
	if open-1 <= from || !d.isPunct(open-1, ":") || !x.introducedUtterance(qi) || x.words(x.quotes[qi]) < 3 {
		return
	}
	q := x.quotes[qi]
	speaker := x.clauseSubject(from, open-1)
	if speaker >= 0 && !x.namedNear(speaker, from, open-1) {
		// "After the Group of 20 met, the questioners were hostile:
		// “…”": a name deep in the clause is not its subject.
		return
	}
	if speaker < 0 && x.namesSomeone(from, open-1) {
		// "Respondents are obliged to disclose: “…”", "the Board was
		// conclusive: “…”": a source named but not known is no one's.
		return
	}
	x.addReported(q.open, q.close+1, speaker, open-1, "direct-quote/colon-utterance", cueSpeech)
}

// namesSomeone reports whether tokens [from,to) hold a capitalised word
// other than a common word opening the sentence.
func (x *extraction) namesSomeone(from, to int) bool {
	d := x.d
	for k := from; k < to; k++ {
		if d.toks[k].kind != tWord || !d.toks[k].cap || x.inQuote(k) {
			continue
		}
		if k == from && (commonWords[d.tokLow(k)] || determiners[d.tokLow(k)] || sentenceOpeners[d.tokLow(k)]) {
			continue
		}
		return true
	}
	return false
}

// namedNear reports whether entity ent is named among the first six
// tokens from token from (before to), where a sentence's subject stands.
func (x *extraction) namedNear(ent, from, to int) bool {
	e := x.e
	from = x.d.skipDateline(from, to)
	for k := from; k < to && k < from+6; k++ {
		if m := e.mentAt[k]; m >= 0 && e.ments[m].ent == ent {
			return true
		}
	}
	return false
}

// chantWords are the words of a crowd's chant: "protesters chanting
// “…”", "to chants of “…”".
var chantWords = setOf(`chant chants chanted chanting chorus`)

// chantedQuotes makes claims of the chants no claim holds yet (see
// chantedQuote); a chant is often a slogan that looks like a title.
func (x *extraction) chantedQuotes() {
	for qi, q := range x.quotes {
		if x.quoteClaim[qi] < 0 && !q.single && q.close > q.open && x.d.toks[q.open].quote.trueDouble() {
			x.chantedQuote(x.d.sents[x.d.sentOf[q.open]].from, q.open)
		}
	}
}

// chantedQuote makes a claim of no one of a quote that a chant word
// introduces ("about 200 protesters gathered, chanting “…”", "their
// chants of “…”"), when no capitalised word stands between the last comma
// and the chant word: the chanters are a crowd, not a named source
// ("Some chanted …", "Sanders supporters chanted …" are left alone).
func (x *extraction) chantedQuote(from, open int) {
	d := x.d
	c := open - 1
	for c > from && (d.isWord(c, "of") || d.isPunct(c, ",")) {
		c--
	}
	if c < from || d.toks[c].kind != tWord || !chantWords[d.tokLow(c)] || x.quoteOf[open] < 0 {
		return
	}
	// The chanters: the words since the last comma, or for a participle
	// right after a comma ("…, chanting") the whole sentence before it.
	seg := c
	for seg > from && !d.isPunct(seg-1, ",") {
		seg--
	}
	if seg == c {
		seg = from
	}
	if x.namesSomeone(seg, c) || seg == from && (c == from+1 || d.toks[from].cap && !commonWords[d.tokLow(from)] && !sentenceOpeners[d.tokLow(from)]) {
		// "Some chanted …": a bare subject word is the source's name.
		return
	}
	q := x.quotes[x.quoteOf[open]]
	if q.close < 0 {
		return
	}
	x.addReported(q.open, q.close+1, -1, c, "direct-quote/chant", cueSpeech)
}

// mainClauseStart returns where the main clause of a sentence starting at
// from begins: after the comma that ends a subordinate clause or a
// participle phrase opening the sentence ("Although Roe is no candidate,
// Castell …", "Speaking to the Courier, Castell …"), else from.
func (x *extraction) mainClauseStart(from, hi int) int {
	d := x.d
	if from >= hi || d.toks[from].kind != tWord {
		return from
	}
	// "Speaking to the Courier on Monday, Roe …", "Asked about it,
	// Roe …": a participle phrase opens the sentence.
	w := d.tokLow(from)
	participle := len(w) > 5 && (strings.HasSuffix(w, "ing") || strings.HasSuffix(w, "ed"))
	if !subordinators[w] && !participle {
		return from
	}
	for k := from + 1; k < hi; k++ {
		if d.isPunct(k, ",") && !x.inQuote(k) {
			return k + 1
		}
	}
	return from
}

// ingPreps introduce an -ing cue whose subject is the sentence's: "by
// saying …", "after telling …", "while praising …" ("in", "when" and
// "without" were tried: they added as many wrong speakers as claims).
var ingPreps = setOf(`by after while before`)

// coordinateOpeners open a clause with a subject of its own inside a
// sentence.
var coordinateOpeners = setOf(`while whereas but when`)

// coordinateSubject returns the subject of the last clause opened inside
// [lo,end) by "while", "whereas", "but" or "when" whose verb follows it
// there: a later predicate of that clause ("…, while Jane Roe, the former
// mayor, proposed … and said …", "…, but Roe was there, telling …") shares
// that subject, not the sentence's first one. It returns -1 when no such
// clause comes before end.
func (x *extraction) coordinateSubject(lo, end int) int {
	d := x.d
	for k := end - 2; k > lo; k-- {
		if x.inQuote(k) || d.toks[k].kind != tWord || !coordinateOpeners[d.tokLow(k)] || d.toks[k].cap {
			continue
		}
		for v := k + 2; v < end && v < k+16; v++ {
			if x.inQuote(v) || d.toks[v].kind == tQuote {
				break
			}
			if !x.predicateAt(v) && !(finiteAux[d.tokLow(v)] && !d.toks[v].cap) {
				continue
			}
			f, t := x.subjectBefore(v, k+1)
			if f < k+1 || t <= f || !x.plausibleSubject(f, t) {
				return -1
			}
			return x.speakerIn(f, t)
		}
		return -1
	}
	return -1
}

// finiteAux are finite auxiliaries that may open a clause's verb group.
var finiteAux = setOf(`has have had is was are were`)

// quoteClaimSpeaker returns the speaker of the claim that holds the quote
// opening at token k, or -1.
func (x *extraction) quoteClaimSpeaker(k int) int {
	return x.claims[x.quoteClaim[x.quoteOf[k]]].speaker
}

// possessiveBefore returns the possessive mark that the noun at c belongs
// to, right before it or past at most three lower-case modifiers ("Roe's
// claim", "Roe's recent evidence-free assertion"), or -1.
func (d *document) possessiveBefore(c, lo int) int {
	for k := c - 1; k > lo && k >= c-4; k-- {
		t := d.toks[k]
		if t.kind == tPoss {
			return k
		}
		if t.kind != tWord || t.cap || determiners[d.tokLow(k)] || isCue(d.tokLow(k)) || prepositions[d.tokLow(k)] || conjunctions[d.tokLow(k)] {
			return -1
		}
	}
	return -1
}

// thatClauseCalling reports whether an -ing cue whose object is part of
// the content ("calling it …", "offering …") ends a content that opens
// right after "that": it goes on the clause's own subject ("said that
// Republicans rejected his attempts, calling it an “area of contention”")
// and stays in the content.
func (x *extraction) thatClauseCalling(from int, info cueInfo) bool {
	return info.objContent && from > 0 && x.d.isWord(from-1, "that")
}

// mainClauseSubjects are words that open the main clause after a
// sentence's opening subordinate clause: "…, it would seem …", "…, she
// said …".
var mainClauseSubjects = setOf(`he she i we they it there`)
