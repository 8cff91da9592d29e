package extract

import "strings"

// claimCand is a claim found in the text before it becomes a node.
type claimCand struct {
	// parts are the token ranges of the claim's words; a quote split around
	// its speaker has two.
	parts  []tspan
	direct bool
	// speaker is the entity that made the claim, or -1.
	speaker int
	// also are further speakers of a coordinated subject ("the CRP and
	// the GHL said …").
	also []int
	// cue is the token of the cue verb, or -1.
	cue  int
	rule string
	// stance is set when the speaker's cue disputes or supports earlier
	// claims (dismissed them as ...).
	stance cueClass
}

// attribution is what a frame around a quote says about who spoke.
type attribution struct {
	cue      int // cue token
	speaker  int // entity, or -1
	npFrom   int // speaker phrase tokens
	npTo     int
	rule     string
	frameEnd int // first token after the frame
}

// findDirect attributes every quote to a speaker: named after the quote
// ("…," he said), before it (X said: “…”), or around a split quote
// (“…,” X said, “…”). Within a paragraph, quotes that fill their own
// sentence join the attributed quote next to them (the news habit of
// “…,” X said. “…”); a quoted paragraph with no cue joins the direct
// quote of the paragraph before. Other unattributed quotes are scare
// quotes or partial quotes, left to reported speech.
func (x *extraction) findDirect() {
	lastSpeaker, lastPara := -1, -2
	for i := 0; i < len(x.quotes); {
		para := x.paraOf(x.quotes[i].open)
		j := i
		for j < len(x.quotes) && x.paraOf(x.quotes[j].open) == para {
			j++
		}
		sp, ok := x.directInParagraph(i, j, lastSpeaker, para == lastPara+1)
		if ok {
			lastSpeaker, lastPara = sp, para
		}
		i = j
	}
}

// directInParagraph builds the direct claims of quotes [from,to), which
// share a paragraph. prevSpeaker is the speaker of the last quote of the
// paragraph before when adjacent is set. It returns the speaker of the
// paragraph's last direct claim.
func (x *extraction) directInParagraph(from, to, prevSpeaker int, adjacent bool) (int, bool) {
	attrs := make([]attribution, to-from)
	has := make([]bool, to-from)
	for qi := from; qi < to; qi++ {
		if x.quoteClaim[qi] >= 0 || x.namedTitle(qi) {
			continue
		}
		a, ok := x.attributeAfter(qi)
		if ok && x.framesNextQuote(qi, a) {
			ok = false
		}
		// "Roe replied, “…?” Lind then wrote back, “…”": a quote with a
		// frame of its own before it leaves the frame after it, which
		// introduces the next quote, to that quote.
		if ok && x.introducesNext(qi, a) {
			if b, okb := x.attributeBefore(qi); okb && x.d.toks[x.quotes[qi].open-1].kind == tPunct {
				a = b
			}
		}
		// “…!” after "telling her," : a frame before the quote in its own
		// sentence beats one in the sentence after a question or
		// exclamation.
		if ok && x.frameInNextSentence(qi, a) {
			if b, okb := x.attributeBefore(qi); okb && b.speaker >= 0 {
				a = b
			}
		}
		if ok && x.inThatClause(qi) {
			ok = false
		}
		if !ok {
			a, ok = x.attributeBefore(qi)
		}
		if !ok {
			a, ok = x.attributeColon(qi)
		}
		if !ok {
			a, ok = x.attributePrevious(qi)
		}
		if !ok {
			a, ok = x.attributeDashLine(qi)
		}
		attrs[qi-from], has[qi-from] = a, ok
	}
	last, lastSpeaker := -1, -1
	var pending []int // standalone quotes waiting for a claim to join
	for qi := from; qi < to; qi++ {
		q := x.quotes[qi]
		if x.quoteClaim[qi] >= 0 {
			continue
		}
		// A quote reopening one left open at the end of the paragraph
		// before goes on with it, unless its paragraph has a frame of
		// its own (“… ¶ “…,” she said.): annotators keep that apart.
		if q.cont && q.prev >= 0 && x.quoteClaim[q.prev] >= 0 && (x.onlyQuotes(q.open) || !has[qi-from]) {
			ci := x.quoteClaim[q.prev]
			x.claims[ci].parts = append(x.claims[ci].parts, tspan{q.from, q.to})
			x.quoteClaim[qi] = ci
			last, lastSpeaker = ci, x.claims[ci].speaker
			continue
		}
		if !has[qi-from] {
			switch {
			case last >= 0 && x.splitAfterFrame(last, qi):
				// “…,” said Roe, an economist who studies wages, “…”
				x.joinQuote(last, qi)
				x.claims[last].rule = "direct-quote/split"
			case last >= 0 && x.opensSentence(qi) && x.framedLater(qi):
				// left to reported speech: “…” to drive up the price, she said.
			case last >= 0 && x.opensSentence(qi) && x.sentenceBetween(last, qi):
				// “A,” Roe said. She said the board wants a vote. “B.”:
				// B goes on with the sentence before it (a reported
				// claim there takes it, see joinTrailingQuotes), not A.
			case last >= 0 && x.opensSentence(qi):
				x.joinQuote(last, qi)
			case !x.standalone(qi):
			default:
				pending = append(pending, qi)
			}
			continue
		}
		a := attrs[qi-from]
		if last >= 0 && a.cue >= 0 && x.claims[last].cue == a.cue && !x.d.isPunct(q.open-1, ":") {
			x.joinQuote(last, qi)
			x.claims[last].rule = "direct-quote/split"
			continue
		}
		ci := x.addDirect(qi, a)
		x.widenPartial(ci, qi, a)
		// Standalone quotes before it join it, back to a whole sentence
		// of the reporter's own between them.
		for i := len(pending) - 1; i >= 0; i-- {
			p := pending[i]
			if x.plainSentenceBetween(x.quotes[p].open, q.open) {
				break
			}
			x.prependQuote(ci, p)
		}
		// A quote that reopens paragraphs left open: the earlier
		// paragraphs are the start of this claim.
		for p := q.prev; q.cont && p >= 0 && x.quoteClaim[p] < 0; p = x.quotes[p].prev {
			x.prependQuote(ci, p)
			if !x.quotes[p].cont {
				break
			}
		}
		pending = nil
		last, lastSpeaker = ci, a.speaker
	}
	// Standalone quotes of a paragraph with no cue join the direct quote
	// of the paragraph before when its speaker spoke last.
	if len(pending) > 0 && last < 0 && adjacent && prevSpeaker >= 0 && x.opensParagraph(pending[0]) {
		n := 0
		for _, p := range pending {
			n += x.words(x.quotes[p])
		}
		// Annotators join a cue-less quoted paragraph to the quote of
		// the paragraph before it, unless the paragraph goes on in the
		// reporter's own words (“…” The crowd booed.).
		if pc := x.prevClaim(from); n >= 3 && pc >= 0 && x.claims[pc].direct && x.claims[pc].speaker == prevSpeaker && x.onlyQuotes(x.quotes[from].open) {
			for _, p := range pending {
				x.joinQuote(pc, p)
			}
			return prevSpeaker, true
		}
		// Otherwise they stay unattributed: a claim of their own with the
		// last speaker was right for 1 of 6 such paragraphs on train (a
		// reported claim before them may still take them, see
		// joinTrailingQuotes).
	}
	return lastSpeaker, last >= 0
}

// opensParagraph reports whether quote qi is the first thing in its
// paragraph: "Clinton touted her record. “…”" is no cue-less quoted
// paragraph.
func (x *extraction) opensParagraph(qi int) bool {
	o := x.quotes[qi].open
	return o == 0 || x.paraOf(o-1) != x.paraOf(o)
}

// widenPartial widens the content of claim ci when its quote qi is only
// part of the speaker's sentence: "The plan may be “strategic,” said Roe"
// takes the words before the quote, and "Roe said “it makes me angry”
// every time …" (the cue right before the mark, the quote starting in
// lower case) the words after it up to the end of the sentence. Annotators mark the whole clause as the
// content in both cases. When a speech cue comes before a quote that runs
// on inside its clause ("…, calling Roe “a paper tiger,” Castell said"),
// the clause starts after that cue (or a later "that" or comma).
func (x *extraction) widenPartial(ci, qi int, a attribution) {
	d := x.d
	q := x.quotes[qi]
	if q.close < 0 || q.cont {
		return
	}
	s := d.sents[d.sentOf[q.open]]
	switch a.rule {
	case "direct-quote/speaker-after", "direct-quote/cue-speaker-after":
		if x.relaysSentence(a) {
			x.widenToSentence(ci, qi)
			return
		}
		lo := s.from
		list := false
		if qi > 0 && x.quotes[qi-1].close >= lo {
			// "words like “maybe” and “perhaps”, he said": a list of
			// quotes is one unit of the clause.
			if list = x.quoteClaim[qi-1] < 0 && x.listGap(x.quotes[qi-1].close+1, q.open); !list {
				lo = x.quotes[qi-1].close + 1
			}
		}
		lo = d.skipDateline(lo, q.open)
		// "Roe seemed irritated: “…,” she said": the clause starts after
		// a colon, a semicolon or an opening parenthesis ("drew
		// complaints (“…,” wrote X)").
		for k := q.open - 1; k > lo; k-- {
			if d.isPunct(k, ":") || d.isPunct(k, ";") || d.isPunct(k, "(") {
				lo = k + 1
				break
			}
		}
		if x.cueWithin(lo, q.open) {
			if c := x.lastClause(lo, q.open); c < q.open {
				lo = c
			} else if x.embedded(qi) {
				lo = x.afterLastCue(lo, q.open)
			}
		}
		if x.countWords(lo, q.open) == 0 || x.cueWithin(lo, q.open) {
			return
		}
		x.claims[ci].parts[0].from, _ = x.trimContent(lo, q.open)
		// the content now holds the opening mark: hold the closing one
		if p := &x.claims[ci].parts[0]; p.to == q.to && q.close >= q.to {
			p.to = q.close + 1
		}
		if list && x.claims[ci].parts[0].from <= x.quotes[qi-1].open {
			x.quoteClaim[qi-1] = ci
		}
	case "direct-quote/speaker-before", "direct-quote/shared-subject":
		if a.rule == "direct-quote/speaker-before" && x.widenParenthetical(ci, qi, a) {
			return
		}
		// "…, saying “on her worst day” she'd be …": only a saying
		// cue; a chant ("chanting “no peace” after …") is an utterance.
		if a.rule == "direct-quote/shared-subject" && (a.cue < 0 || cueForms[d.tokLow(a.cue)].lemma != "say") {
			return
		}
		if a.cue != q.open-1 || d.sentOf[q.close] != d.sentOf[q.open] {
			return
		}
		// "He said “The Hispanics” and swears …": a quote opening with
		// a capital is an utterance of its own, not the start of the
		// speaker's clause.
		if q.from < q.to && d.toks[q.from].cap {
			return
		}
		hi := s.to
		// The clause runs on over a later quote of its own ("“…”
		// because “…”"), not one that has a claim, a cue or a capital.
		if qi+1 < len(x.quotes) && x.quotes[qi+1].open < hi && (x.quoteClaim[qi+1] >= 0 || x.quotes[qi+1].close < 0 || x.quotes[qi+1].close >= hi || d.toks[x.quotes[qi+1].from].cap || x.cueWithin(q.close+1, x.quotes[qi+1].open)) {
			hi = x.quotes[qi+1].open
		}
		if x.countWords(q.close+1, hi) == 0 {
			return
		}
		hi = x.cutAfterQuote(q.from, hi)
		_, x.claims[ci].parts[0].to = x.trimContent(q.from, hi)
	}
}

// relaysSentence reports whether frame a is a reporter's ("…,” the
// Courier reported): annotators give the reporter the whole sentence,
// with the frame of the person quoted in it ("Roe said: “No comment,” the
// Courier reported").
func (x *extraction) relaysSentence(a attribution) bool {
	if a.cue < 0 {
		return false
	}
	info, ok := cueForms[x.d.tokLow(a.cue)]
	return ok && info.lemma == "report"
}

// widenToSentence starts the content of claim ci, whose quote qi a
// reporter's frame follows, at the start of the sentence, taking the
// unclaimed quotes before qi with it. It leaves the claim alone when an
// earlier quote of the sentence belongs to another claim.
func (x *extraction) widenToSentence(ci, qi int) {
	d := x.d
	q := x.quotes[qi]
	lo := d.skipDateline(d.sents[d.sentOf[q.open]].from, q.open)
	if x.countWords(lo, q.open) == 0 {
		return
	}
	first := qi
	for first > 0 && x.quotes[first-1].open >= lo {
		if x.quoteClaim[first-1] >= 0 {
			return
		}
		first--
	}
	x.claims[ci].parts[0].from, _ = x.trimContent(lo, q.open)
	for p := first; p < qi; p++ {
		x.quoteClaim[p] = ci
	}
}

// inThatClause reports whether quote qi opens right after "that" following
// a speech cue of its sentence ("Roe claimed on Tuesday that “…,” one of
// the prosecutors said …"): the quote is part of that reported clause,
// whatever frame follows it.
func (x *extraction) inThatClause(qi int) bool {
	d := x.d
	o := x.quotes[qi].open
	if !d.isWord(o-1, "that") {
		return false
	}
	lo := d.sents[d.sentOf[o]].from
	for k := o - 2; k >= lo && k >= o-8; k-- {
		if d.toks[k].kind == tPunct || x.inQuote(k) {
			return false
		}
		if info, ok := x.cueAt(k); ok && info.class == cueSpeech && (info.past || strings.HasSuffix(d.tokLow(k), "s")) {
			return true
		}
	}
	return false
}

// frameInNextSentence reports whether the frame a found after quote qi
// lies in the sentence after the quote's end ("“Why?” Roe asked.").
func (x *extraction) frameInNextSentence(qi int, a attribution) bool {
	q := x.quotes[qi]
	return q.close >= 0 && a.cue >= 0 && x.d.sentOf[a.cue] != x.d.sentOf[q.close]
}

// framesNextQuote reports whether the frame a found after quote qi
// belongs to the next quote instead: the frame ends in a colon right
// before that quote and qi sits inside its sentence ("After Roe said the
// plan was “a gift,” Castell said: “…”"), or the frame is in the
// sentence after a question and ends in a comma before that quote
// ("“…?” Roe then writes back, “…”"). A quote that opens its sentence
// keeps a colon frame ("“A,” X said: “B”").
func (x *extraction) framesNextQuote(qi int, a attribution) bool {
	d := x.d
	q := x.quotes[qi]
	if qi+1 >= len(x.quotes) || a.cue < 0 {
		return false
	}
	next := x.quotes[qi+1].open
	if next <= a.cue || next-a.cue > 8 {
		return false
	}
	// “…?” Roe then writes back, “…”: a frame in the sentence after a
	// question introduces the quote that follows it.
	if q.close >= 0 && d.sentOf[a.cue] != d.sentOf[q.close] && d.sentOf[a.cue] == d.sentOf[next] && d.isPunct(next-1, ",") {
		return true
	}
	if !d.isPunct(next-1, ":") {
		return false
	}
	s := d.sents[d.sentOf[q.open]]
	return x.countWords(s.from, q.open) > 0
}

// introducesNext reports whether frame a found after quote qi ends in a
// comma or colon right before the next quote, in a sentence of its own.
func (x *extraction) introducesNext(qi int, a attribution) bool {
	d := x.d
	if a.cue < 0 || d.sentOf[a.cue] == d.sentOf[x.quotes[qi].open] {
		return false
	}
	if qi+1 < len(x.quotes) {
		next := x.quotes[qi+1].open
		if next > a.cue && next-a.cue <= 4 && (d.isPunct(next-1, ",") || d.isPunct(next-1, ":")) {
			return true
		}
	}
	// "… telling her, “…!” She replied to him that …": the next
	// sentence's cue has a content of its own.
	s := d.sents[d.sentOf[a.cue]]
	return x.countWords(a.cue+1, s.to) > 2
}

// lastClause returns where the last coordinated clause of [from,to)
// starts: after ", and", ", but", a semicolon or a colon ("they rank their
// choices, and the group is less likely to be “…,” X said" keeps only the
// group's clause). It returns to when there is none.
func (x *extraction) lastClause(from, to int) int {
	d := x.d
	for k := to - 1; k > from; k-- {
		if d.isPunct(k, ";") || d.isPunct(k, ":") {
			return k + 1
		}
		if d.isPunct(k-1, ",") && (d.isWord(k, "and") || d.isWord(k, "but")) {
			return k + 1
		}
	}
	return to
}

// countWords counts the word and number tokens of [from,to).
func (x *extraction) countWords(from, to int) int {
	n := 0
	for k := from; k < to; k++ {
		if x.d.toks[k].kind == tWord || x.d.toks[k].kind == tNum {
			n++
		}
	}
	return n
}

// cueWithin reports whether [from,to) holds a cue verb of speech (not of
// belief or intention: "Roe plans to fund the buses with “a new levy,”
// Castell said" is Castell's whole clause) outside quotes.
func (x *extraction) cueWithin(from, to int) bool {
	for k := from; k < to; k++ {
		if info, ok := x.cueAt(k); ok && info.class != cueBelief {
			return true
		}
	}
	return false
}

// joinQuote appends quote qi to claim ci.
func (x *extraction) joinQuote(ci, qi int) {
	q := x.quotes[qi]
	x.claims[ci].parts = append(x.claims[ci].parts, tspan{q.from, q.to})
	x.claims[ci].direct = x.claims[ci].direct || x.quoteDirect(qi)
	x.quoteClaim[qi] = ci
}

// prependQuote puts quote qi before the parts of claim ci.
func (x *extraction) prependQuote(ci, qi int) {
	q := x.quotes[qi]
	x.claims[ci].parts = append([]tspan{{q.from, q.to}}, x.claims[ci].parts...)
	x.claims[ci].direct = x.claims[ci].direct || x.quoteDirect(qi)
	x.quoteClaim[qi] = ci
}

// quoteDirect reports whether quote qi is marked with double quotation
// mark characters, which is what makes a claim direct.
func (x *extraction) quoteDirect(qi int) bool {
	q := x.quotes[qi]
	return !q.single && x.d.toks[q.open].quote.trueDouble()
}

// addDirect records a claim for quote qi and returns its index.
func (x *extraction) addDirect(qi int, a attribution) int {
	q := x.quotes[qi]
	ci := len(x.claims)
	x.claims = append(x.claims, claimCand{parts: []tspan{{q.from, q.to}}, direct: x.quoteDirect(qi), speaker: a.speaker, cue: a.cue, rule: a.rule})
	x.quoteClaim[qi] = ci
	if a.cue >= 0 {
		x.cueUsed[a.cue] = true
	}
	return ci
}

// words counts the word tokens of a quote.
func (x *extraction) words(q quote) int {
	n := 0
	for i := q.from; i < q.to; i++ {
		if x.d.toks[i].kind == tWord || x.d.toks[i].kind == tNum {
			n++
		}
	}
	return n
}

// standalone reports whether quote qi fills its sentence (or paragraph):
// nothing but punctuation outside it.
func (x *extraction) standalone(qi int) bool {
	d := x.d
	q := x.quotes[qi]
	s := d.sents[d.sentOf[q.open]]
	for i := s.from; i < q.open; i++ {
		if d.toks[i].kind == tWord || d.toks[i].kind == tNum {
			return false
		}
	}
	end := q.close
	if end < 0 {
		return true
	}
	s = d.sents[d.sentOf[end]]
	for i := end + 1; i < s.to; i++ {
		if d.toks[i].kind == tWord || d.toks[i].kind == tNum {
			return false
		}
	}
	return true
}

// namedTitle reports whether quote qi is the title of a show, paper or
// book after a preposition or possessive ("on MSNBC's “Morning Joe,”",
// "in “The Art of the Deal”"): no speech of its own.
func (x *extraction) namedTitle(qi int) bool {
	d := x.d
	o := x.quotes[qi].open
	if o == 0 || !x.titleLike(qi) {
		return false
	}
	p := o - 1
	return d.toks[p].kind == tPoss || d.toks[p].kind == tWord && !d.toks[p].cap && prepositions[d.tokLow(p)]
}

// opensSentence reports whether quote qi starts its sentence: nothing but
// punctuation before its opening mark. Such a quote with no cue of its
// own goes on with the quote before it in the paragraph, even when the
// sentence runs on after it.
func (x *extraction) opensSentence(qi int) bool {
	d := x.d
	q := x.quotes[qi]
	for i := d.sents[d.sentOf[q.open]].from; i < q.open; i++ {
		if d.toks[i].kind == tWord || d.toks[i].kind == tNum {
			return false
		}
	}
	return true
}

// announceNouns name the words a sentence ending in a colon announces:
// "Roe released the following statement:", "her message to supporters:".
var announceNouns = setOf(`statement statements following message remarks words note email e-mail letter tweet tweets post memo`)

// holdsQuote reports whether tokens [from,to) hold a double quotation
// mark: a sentence that quotes someone is the frame of its own quote, not
// the introduction of the next one ("“…,” Roe told the paper on Monday.
// “…”" is one claim).
func (x *extraction) holdsQuote(from, to int) bool {
	for k := from; k < to; k++ {
		if x.inQuote(k) {
			return true
		}
	}
	return false
}

// phrasalBackParticles make "back" a phrasal verb: "back down".
var phrasalBackParticles = setOf(`down off away out`)

// cueAt returns the cue verb at token i, if any, outside quotes. A form
// that follows a determiner (a report, the alleged) or precedes a finite
// verb (the report quoted, claims were) is a noun or adjective, not a cue.
func (x *extraction) cueAt(i int) (cueInfo, bool) {
	d := x.d
	if i < 0 || i >= len(d.toks) || d.toks[i].kind != tWord || d.toks[i].cap && i != d.sents[d.sentOf[i]].from {
		return cueInfo{}, false
	}
	if x.inQuote(i) {
		return cueInfo{}, false
	}
	info, ok := cueForms[d.tokLow(i)]
	if !ok {
		return info, false
	}
	if info.particle != "" && !d.isWord(i+1, info.particle) {
		return info, false
	}
	// "Water dispute: …", "Budget row: …": a headline's topic before a
	// colon, not a verb.
	if info.base && d.isPunct(i+1, ":") && i > 0 && i-1 == d.sents[d.sentOf[i]].from && d.toks[i-1].cap {
		return info, false
	}
	// "back down", "backed off": a phrasal verb, not a stance.
	if info.lemma == "back" && i+1 < len(d.toks) && d.toks[i+1].kind == tWord && phrasalBackParticles[d.tokLow(i+1)] {
		return info, false
	}
	if i > 0 && (d.toks[i-1].kind == tPoss || d.toks[i-1].kind == tWord && determiners[d.tokLow(i-1)] && d.tokLow(i-1) != "that") {
		return info, false
	}
	// "secretary of state", "a matter of record": a base form after
	// "of" is a noun.
	if info.base && !info.past && d.isWord(i-1, "of") {
		return info, false
	}
	// "four states", "the March states", "an NBC show": a noun after a
	// quantifier, or after a capitalised modifier that a determiner
	// opens ("the Saudis state" keeps its plural subject).
	if info.base && i > 1 && d.toks[i-1].kind == tWord {
		w, p := d.tokLow(i), d.tokLow(i-1)
		plural := strings.HasSuffix(w, "s")
		if plural && quantifiers[p] || d.toks[i-1].cap && (plural || !strings.HasSuffix(p, "s")) && d.toks[i-2].kind == tWord && (determiners[d.tokLow(i-2)] && d.tokLow(i-2) != "that" || plural && quantifiers[d.tokLow(i-2)]) {
			return info, false
		}
	}
	if info.base && x.singularNounBefore(i) {
		return info, false
	}
	// "her recovered emails", "the leaked tweets": a form after a
	// determiner and a participle is a noun.
	if i > 1 && d.toks[i-1].kind == tWord && !d.toks[i-1].cap && strings.HasSuffix(d.tokLow(i-1), "ed") &&
		d.toks[i-2].kind == tWord && determiners[d.tokLow(i-2)] && d.tokLow(i-2) != "that" {
		return info, false
	}
	// "the state's party convention": a form with a possessive is a noun.
	if i+1 < len(d.toks) && d.toks[i+1].kind == tPoss {
		return info, false
	}
	if info.base && i+1 < len(d.toks) && d.toks[i+1].kind == tWord {
		n := d.tokLow(i + 1)
		if verbFollowers[n] {
			return info, false
		}
		if ni, ok := cueForms[n]; ok && ni.past && !ni.base {
			return info, false
		}
	}
	return info, true
}

// nameWord reports whether token i is a capitalised word of a name, which
// is never the auxiliary or adverb its lower-case form would be ("“…,”
// Will wrote").
func (x *extraction) nameWord(i int) bool {
	return x.d.toks[i].cap && x.e.mentAt[i] >= 0
}

// modals stand between a speaker and the rest of a frame's verb group:
// "“…?” a reporter can be heard asking".
var modals = setOf(`can could will would may might must should`)

// paraOf returns a paragraph number for token i (count of paragraph starts
// up to it).
func (x *extraction) paraOf(i int) int { return x.paraNum[i] }

// splitAfterFrame reports whether quote qi is the second half of a quote
// split by the frame of claim ci: the quote before it belongs to ci, both
// share a sentence, ci's cue lies between them, and a comma or dash opens
// qi ("“…,” said Roe, an economist who studies wages, “…”"; "“…,” she
// said of the new rules, “…”"). A colon before qi introduces a claim of
// its own and is left to the other rules, and so does a "that" in the
// frame: in "“…,” Roe said, noting that she and her deputy, Ann Kell,
// “…”" the second quote is part of the noted clause.
func (x *extraction) splitAfterFrame(ci, qi int) bool {
	d := x.d
	if qi == 0 || x.quoteClaim[qi-1] != ci {
		return false
	}
	prev, q := x.quotes[qi-1], x.quotes[qi]
	cue := x.claims[ci].cue
	if prev.close < 0 || cue <= prev.close || cue >= q.open || q.open-prev.close > 30 {
		return false
	}
	if d.sentOf[prev.close] != d.sentOf[q.open] && !(d.sentOf[prev.close]+1 == d.sentOf[q.open] && !d.isPunct(q.open-1, ".")) {
		return false
	}
	for i := prev.close + 1; i < q.open; i++ {
		if d.toks[i].para || d.isPunct(i, ".") && !d.isAbbrevBefore(i) || d.isPunct(i, ";") || d.isPunct(i, ":") {
			return false
		}
		if i > cue && d.isWord(i, "that") {
			return false
		}
	}
	p := q.open - 1
	return d.isPunct(p, ",") || d.isPunct(p, "—") || d.isPunct(p, "–")
}

// endsInQuery reports whether quote qi's last word is followed by a
// question or exclamation mark inside the quote.
func (x *extraction) endsInQuery(qi int) bool {
	q := x.quotes[qi]
	k := q.close - 1
	for k > q.open && x.d.toks[k].kind == tQuote {
		k--
	}
	if k <= q.open {
		return false
	}
	if x.d.isPunct(k, "?") || x.d.isPunct(k, "!") {
		return true
	}
	// “… missing.” Roe said. — a short frame sentence of its own.
	a := q.close + 1
	if !x.d.isPunct(k, ".") && !x.d.isPunct(k, "…") || a >= len(x.d.toks) || x.d.toks[a].para {
		return false
	}
	s := x.d.sents[x.d.sentOf[a]]
	return s.from == a && s.to-a <= 6 && x.d.isPunct(s.to-1, ".")
}

// prevClaim returns the claim of the quote before quote qi, or -1.
func (x *extraction) prevClaim(qi int) int {
	if qi == 0 {
		return -1
	}
	return x.quoteClaim[qi-1]
}

// haveForms are auxiliaries that cannot stand right before an -ing cue
// of a frame: "the “problems” Roe had answering questions" is no frame.
var haveForms = setOf(`have has had having`)

// framedLater reports whether the sentence of quote qi goes on after the
// quote to a cue of speech of its own: "“You squeezed the workers” to
// drive up the price, she said." Reported speech takes the sentence.
func (x *extraction) framedLater(qi int) bool {
	d := x.d
	q := x.quotes[qi]
	if q.close < 0 {
		return false
	}
	hi := d.sents[d.sentOf[q.close]].to
	if qi+1 < len(x.quotes) && x.quotes[qi+1].open < hi {
		hi = x.quotes[qi+1].open
	}
	return x.countWords(q.close+1, hi) > 0 && x.cueWithin(q.close+1, hi)
}

// endsInPunct reports whether quote qi ends in punctuation, inside its
// closing mark or right after it: speech before its frame does ("“…,”
// Roe said"); a quoted name that modifies the next word does not ("the
// “Avatar” star posted").
func (x *extraction) endsInPunct(qi int) bool {
	d := x.d
	q := x.quotes[qi]
	if q.close < 0 {
		return true
	}
	k := q.close - 1
	for k > q.open && d.toks[k].kind == tQuote {
		k--
	}
	if k > q.open && d.toks[k].kind == tPunct {
		return true
	}
	a := q.close + 1
	return a >= len(d.toks) || d.toks[a].kind == tPunct || d.toks[a].para
}

// quantifiers come before a plural noun, never before a verb.
var quantifiers = setOf(`two three four five six seven eight nine ten dozen dozens hundreds thousands millions many
	several few both all other various numerous`)

// listGap reports whether tokens [from,to) between two quotes only join
// them into a list: "and", "or", a comma.
func (x *extraction) listGap(from, to int) bool {
	d := x.d
	if from >= to || to-from > 3 {
		return false
	}
	for k := from; k < to; k++ {
		if !(d.isWord(k, "and") || d.isWord(k, "or") || d.isPunct(k, ",")) {
			return false
		}
	}
	return true
}

// sentenceBetween reports whether a whole sentence without quotes lies
// between the end of claim ci (its last quote or its cue) and quote qi.
func (x *extraction) sentenceBetween(ci, qi int) bool {
	c := x.claims[ci]
	end := c.parts[len(c.parts)-1].to - 1
	if c.cue > end {
		end = c.cue
	}
	return x.plainSentenceBetween(end, x.quotes[qi].open)
}

// embedded reports whether quote qi runs on inside its clause: it opens
// in lower case right after a word ("calling Roe “a buffoon”"), not after
// a comma, colon or dash.
func (x *extraction) embedded(qi int) bool {
	d := x.d
	q := x.quotes[qi]
	return q.open > 0 && q.from < q.to && d.toks[q.open-1].kind == tWord && d.toks[q.from].kind == tWord && !d.toks[q.from].cap
}

// afterLastCue returns where the clause holding an embedded quote starts
// when a speech cue comes before it in [from,to): after the last cue, or
// after a later "that" or comma ("… said on Monday that Roe “…”").
func (x *extraction) afterLastCue(from, to int) int {
	d := x.d
	for k := to - 1; k >= from; k-- {
		if d.isWord(k, "that") || d.isPunct(k, ",") {
			return k + 1
		}
		if info, ok := x.cueAt(k); ok && info.class != cueBelief {
			return k + 1
		}
	}
	return from
}

// widenParenthetical handles a frame set off inside its sentence before a
// quote that goes on with the sentence's clause: in "The economy, he said,
// “could stall” next year" the words before the frame open the clause the
// quote completes, and annotators mark them and the quote as one content.
// The quote must open in lower case right after the frame's comma.
func (x *extraction) widenParenthetical(ci, qi int, a attribution) bool {
	d := x.d
	q := x.quotes[qi]
	s := d.sents[d.sentOf[q.open]]
	if a.npFrom <= s.from || !d.isPunct(a.npFrom-1, ",") || !d.isPunct(q.open-1, ",") || a.cue+2 != q.open {
		return false
	}
	if q.from >= q.to || d.toks[q.from].kind != tWord || d.toks[q.from].cap {
		return false
	}
	lo := d.skipDateline(s.from, a.npFrom-1)
	if qi > 0 && x.quotes[qi-1].close >= lo {
		return false
	}
	if x.countWords(lo, a.npFrom-1) < 2 || x.cueWithin(lo, a.npFrom-1) {
		return false
	}
	from, to := x.trimContent(lo, a.npFrom-1)
	c := &x.claims[ci]
	c.parts = append([]tspan{{from, to}}, c.parts...)
	return true
}

// onlyQuotes reports whether the paragraph holding token i has no words
// outside quotes: a quoted paragraph that continues the speaker of the
// paragraph before, not one that goes on in the reporter's voice.
func (x *extraction) onlyQuotes(i int) bool {
	d := x.d
	p := x.paraOf(i)
	for k := i; k >= 0 && x.paraOf(k) == p; k-- {
		if (d.toks[k].kind == tWord || d.toks[k].kind == tNum) && !x.inQuote(k) {
			return false
		}
	}
	for k := i + 1; k < len(d.toks) && x.paraOf(k) == p; k++ {
		if (d.toks[k].kind == tWord || d.toks[k].kind == tNum) && !x.inQuote(k) {
			return false
		}
	}
	return true
}

// plainSentenceBetween reports whether a whole sentence without quotes
// lies between the sentences of tokens a and b.
func (x *extraction) plainSentenceBetween(a, b int) bool {
	d := x.d
	for s := d.sentOf[a] + 1; s < d.sentOf[b]; s++ {
		sp := d.sents[s]
		if !x.holdsQuote(sp.from, sp.to) && x.countWords(sp.from, sp.to) > 0 {
			return true
		}
	}
	return false
}

// conjunctions join clauses or predicates: "the event and want to".
var conjunctions = setOf(`and or but nor yet so then`)

// pluralNouns are plurals that do not end in s.
var pluralNouns = setOf(`people men women children police staff media`)

// singularNounBefore reports whether the bare form at token i ("email",
// "post", not "says") follows a singular common noun that a determiner
// opens: in "when the private server email story broke" the form is a
// noun, since a bare present verb cannot follow a singular subject.
func (x *extraction) singularNounBefore(i int) bool {
	d := x.d
	if strings.HasSuffix(d.tokLow(i), "s") {
		return false
	}
	for k := i - 1; k >= 0 && k >= i-3; k-- {
		t := d.toks[k]
		w := d.tokLow(k)
		if t.kind != tWord || t.cap && !nounAcronyms[w] {
			return false
		}
		if determiners[w] {
			return k < i-1
		}
		if strings.HasSuffix(w, "s") || strings.HasSuffix(w, "ly") || pluralNouns[w] || personPronouns[w] || aux[w] || modalWords[w] ||
			prepositions[w] || conjunctions[w] || quantifiers[w] || isCue(w) {
			return false
		}
	}
	return false
}

// nounAcronyms are acronyms of common nouns, written in capitals but no
// names: "the reality TV show".
var nounAcronyms = setOf("tv dvd pc atm")

// settingPreps open the setting of a speech act right after its cue
// ("said in an op-ed piece before a hearing, “…”").
var settingPreps = setOf("in on at during before after")
