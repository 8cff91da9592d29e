package extract

import (
	"strings"

	"github.com/claimgraph/claimgraph/graph"
)

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

// namedApposition returns the person's name set off by a comma at token t
// after up to three lower-case role words ("…, actress Dana Kell."), when
// the name ends the frame (at hi or a punctuation mark), or t, t.
func (x *extraction) namedApposition(t, hi int) (int, int) {
	d, e := x.d, x.e
	if t >= hi || !d.isPunct(t, ",") {
		return t, t
	}
	k := t + 1
	for k < hi && k < t+4 && d.toks[k].kind == tWord && !d.toks[k].cap {
		k++
	}
	if k >= hi {
		return t, t
	}
	m := e.mentAt[k]
	if m < 0 || e.ments[m].from != k || e.list[e.ments[m].ent].kind != graph.Person {
		return t, t
	}
	if u := e.ments[m].to; u == hi || u < len(d.toks) && d.toks[u].kind == tPunct {
		return k, u
	}
	return t, t
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

// appositiveName returns the person named right after the description
// [f,t) that follows an inverted cue, set off by a comma and perhaps
// opened by a lower-case title ("said the bureau's director, James B.
// Comey, on Monday", "exhorted Roe's introducer, actress Ann Kell"), and
// the token after the name; -1 when the description ends in a name
// itself or no name follows.
func (x *extraction) appositiveName(f, t, hi int) (int, int) {
	d, e := x.d, x.e
	if t+1 >= hi || !d.isPunct(t, ",") || e.mentAt[t-1] >= 0 {
		return -1, t
	}
	k := t + 1
	for k < hi && k < t+3 && d.toks[k].kind == tWord && !d.toks[k].cap && e.mentAt[k] < 0 {
		k++
	}
	m := e.mentAt[k]
	if m < 0 || e.ments[m].from != k || e.list[e.ments[m].ent].kind != graph.Person {
		return -1, t
	}
	end := e.ments[m].to
	if end < hi && d.toks[end].kind != tPunct {
		return -1, t
	}
	return e.ments[m].ent, end
}

// describedName reports whether tokens [a,f) are a description and a
// comma right before a person named at f: "another friend, Jane Roe".
func (x *extraction) describedName(a, f int) bool {
	d, e := x.d, x.e
	if f-1 <= a || !d.isPunct(f-1, ",") {
		return false
	}
	if m := e.mentAt[f]; m < 0 || e.list[e.ments[m].ent].kind != graph.Person {
		return false
	}
	nf, nt := d.npBefore(f-1, a)
	if nf != a || nt != f-1 || d.toks[a].cap || d.toks[f-2].kind != tWord {
		return false
	}
	h := d.tokLow(f - 2)
	return personNouns[h] || titleWords[h]
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

// attributeAfter looks for the speaker in the frame after quote qi:
// “…,” Smith said. / “…,” said Smith. / “…,” the governor is heard saying.
// “…,” a report quoted Smith as saying.
func (x *extraction) attributeAfter(qi int) (attribution, bool) {
	d := x.d
	q := x.quotes[qi]
	if q.close < 0 {
		return attribution{}, false
	}
	a := q.close + 1
	hi := x.frameLimit(qi, a)
	for a < hi && d.toks[a].kind == tPunct && (d.tokText(a) == "," || d.tokText(a) == "—" || d.tokText(a) == "–" || d.tokText(a) == "-") {
		a++
	}
	if a >= hi {
		return attribution{}, false
	}
	// Cue first: said Smith, said the governor of Eastmark.
	c := a
	for c < hi && c < a+2 && d.toks[c].kind == tWord && linkingAdverbs[d.tokLow(c)] && !x.nameWord(c) && !d.modalName(c) {
		c++
	}
	if info, ok := x.cueAt(c); ok && info.class != cueBelief && !info.ing {
		f, t := d.npAfter(c+1, hi)
		// "said Roe's introducer, actress Dana Kell.": the name set off
		// after a description speaks.
		if g, u := x.namedApposition(t, hi); t > f && u > g && !x.personEndsAt(t) {
			f, t = g, u
		}
		// "“…,” read the email.": a cue form after a determiner that ends
		// the frame is the text that speaks.
		if t > f && t < hi && determiners[d.tokLow(t-1)] && d.toks[t].kind == tWord && (groupNouns[d.tokLow(t)] || documentNouns[d.tokLow(t)]) &&
			(t+1 >= hi || d.toks[t+1].kind == tPunct) {
			t++
		}
		if t > f && !x.invertedFrame(a, c, f, t, hi) {
			t = f
		}
		if t > f {
			sp := x.speakerIn(f, t)
			// "said the bureau's director, James B. Comey": the name in
			// apposition to a description is the speaker.
			if ent, nt := x.appositiveName(f, t, hi); ent >= 0 {
				sp, t = ent, nt
			}
			if sp >= 0 || d.toks[f].cap || x.plausibleSubject(f, t) || x.oneOfMany(f, t) || x.headBeforePrep(f, t) {
				return attribution{cue: c, speaker: sp, npFrom: f, npTo: t, rule: "direct-quote/cue-speaker-after", frameEnd: x.frameEnd(t, hi)}, true
			}
		}
	}
	// Speaker first: Smith said, he added, the governor is heard saying,
	// Jane Roe, the party's leader, said.
	for c := a; c < hi && c < a+30; c++ {
		// "X (D-Nev.) said": a parenthesis is passed whole.
		if d.isPunct(c, "(") {
			for k := c + 1; k < hi && k < c+7; k++ {
				if d.isPunct(k, ")") {
					c = k
					break
				}
			}
			continue
		}
		if p := d.tokText(c); d.toks[c].kind == tPunct && p != "." && p != "-" && p != "&" && p != "," && p != "(" && p != ")" {
			break
		}
		if d.isPunct(c, ".") && !d.isAbbrevBefore(c) {
			break
		}
		info, ok := x.cueAt(c)
		if !ok || info.class == cueBelief {
			continue
		}
		// "“Quiet,” he demanded, as …": a verb that rarely quotes frames a
		// quote that ends in punctuation when nothing follows the verb.
		if (info.objContent || info.noQuote) && !(x.endsInPunct(qi) && x.bareFrameEnd(c+1, hi)) {
			continue
		}
		// a report quoted Smith as saying
		if info.lemma == "quote" {
			f, t := d.npAfter(c+1, hi)
			if t < hi && d.isWord(t, "as") && t > f {
				sp := x.speakerIn(f, t)
				return attribution{cue: c, speaker: sp, npFrom: f, npTo: t, rule: "direct-quote/quoted-as-saying", frameEnd: x.frameEnd(t, hi)}, true
			}
			continue
		}
		end := c
		for end > a && d.toks[end-1].kind == tWord && !x.nameWord(end-1) && !d.modalName(end-1) && (d.adverbAt(end-1) || aux[d.tokLow(end-1)] || modals[d.tokLow(end-1)] ||
			d.tokLow(end-1) == "heard" || d.tokLow(end-1) == "quoted" || d.tokLow(end-1) == "seen") {
			end--
		}
		if info.ing && end == c {
			continue
		}
		if info.ing && haveForms[d.tokLow(c-1)] {
			continue
		}
		f, t := x.subjectBefore(end, a)
		// "experts Ann Kell and Dan Shore wrote": two names.
		if f > a+1 && t > f && d.isWord(f-1, "and") && x.personEndsAt(f-1) {
			if f2, _ := d.npBefore(f-1, a); f2 == a {
				f = a
			}
		}
		// "“…,” the party's nominee, Jane Roe, said": a description
		// before the name set off by commas.
		start := f
		if f > a+1 && t > f && d.isPunct(f-1, ",") && x.endsInPunct(qi) && x.personEndsAt(t) {
			if g, u := d.npAfter(a, f-1); g == a && u == f-1 && x.plausibleSubject(g, u) {
				start = a
			}
		}
		// "“…,” another friend, Jane Roe told the paper": a description
		// and a name set off by one comma.
		if f > a && t > f && x.describedName(a, f) {
			start = a
		}
		// "“…,” the bespectacled, 71-year-old diplomat said": adjectives
		// set off by a comma inside the description.
		if f > a+1 && t > f && x.adjectiveLead(a, f-1) && (!d.toks[f].cap || x.plausibleSubject(f, t)) {
			start = a
		}
		if start != a || t <= f {
			if c-a > 12 {
				break
			}
			continue
		}
		sp := x.speakerIn(f, t)
		if sp < 0 && !x.endsInPunct(qi) && d.toks[a].kind == tWord && !d.toks[a].cap {
			// "the “Avatar” star posted …": the quote names the star.
			break
		}
		if sp < 0 && x.notSubject(f, t) {
			if c-a > 12 {
				break
			}
			continue
		}
		return attribution{cue: c, speaker: sp, npFrom: f, npTo: t, rule: "direct-quote/speaker-after", frameEnd: x.frameEnd(c+1, hi)}, true
	}
	return attribution{}, false
}

// frameLimit returns the end (exclusive) of the frame after quote qi that
// starts at token a: the next quote or the end of the sentence, whichever
// comes first.
func (x *extraction) frameLimit(qi, a int) int {
	d := x.d
	hi := len(d.toks)
	if a < len(d.toks) {
		hi = d.sents[d.sentOf[min(a, len(d.toks)-1)]].to
	}
	if a < len(d.toks) && d.toks[a].para {
		return a
	}
	// A quote that ends its sentence has no frame after it, unless it
	// ends in a question or exclamation mark: "“Why not?” Roe asked."
	// The sentence splitter ends the sentence at the mark; the frame is
	// the start of the next one.
	if a < len(d.toks) && a > 0 && d.sentOf[a] != d.sentOf[a-1] {
		if !x.endsInQuery(qi) {
			return a
		}
		hi = d.sents[d.sentOf[a]].to
	}
	if qi+1 < len(x.quotes) && x.quotes[qi+1].open < hi {
		hi = x.quotes[qi+1].open
	}
	return hi
}

// frameEnd skips from t over the tail of an attribution frame (the cue's
// complement up to a comma) and returns the token after it, so that a
// quote starting there can be recognised as the second half of a split
// quote.
func (x *extraction) frameEnd(t, hi int) int {
	d := x.d
	for i := t; i < hi && i < t+8; i++ {
		if d.toks[i].kind == tPunct {
			s := d.tokText(i)
			if s == "," || s == ":" || s == "—" || s == "–" {
				return i + 1
			}
			if s == "." {
				return 0
			}
		}
	}
	return hi
}

// attributeBefore looks for the speaker before quote qi: Smith said: “…”,
// Smith told reporters, “…”, According to Smith, “…”.
func (x *extraction) attributeBefore(qi int) (attribution, bool) {
	d := x.d
	q := x.quotes[qi]
	b := q.open - 1
	if b < 0 || d.toks[q.open].para {
		return attribution{}, false
	}
	lo := d.sents[d.sentOf[q.open]].from
	if qi > 0 && x.quotes[qi-1].close >= lo {
		lo = x.quotes[qi-1].close + 1
	}
	for b >= lo && d.toks[b].kind == tPunct && (d.tokText(b) == "," || d.tokText(b) == ":" || d.tokText(b) == "—" || d.tokText(b) == "–") {
		b--
	}
	marked := b < q.open-1
	if b >= lo && d.isWord(b, "that") {
		return attribution{}, false
	}
	if a, ok := x.saidInverted(qi, lo, b); ok {
		return a, true
	}
	// Up to six words of complement between the cue and the quote:
	// told reporters on Tuesday, said in a statement. Without a colon or
	// comma before the quote, words between cue and quote make it a
	// partial quote inside reported speech.
	// After a colon the complement may be longer: "said in an interview
	// with the paper on Monday: “…”".
	// After a comma, a cue followed by a preposition of setting may stand
	// further off: "said in an op-ed piece before a Senate hearing, “…”".
	reach, far := 6, 6
	switch {
	case d.isPunct(q.open-1, ":"):
		reach, far = 12, 12
	case d.isPunct(q.open-1, ","):
		far = 12
	}
	for c := b; c >= lo && c >= b-far; c-- {
		if c < b && !marked {
			break
		}
		if d.toks[c].kind == tPunct && !(d.isPunct(c, ".") && d.isAbbrevBefore(c)) {
			break
		}
		if c >= b-reach && d.isWord(c, "according") && d.isWord(c+1, "to") {
			f, t := d.npAfter(c+2, q.open)
			if t > f {
				return attribution{cue: c, speaker: x.speakerIn(f, t), npFrom: f, npTo: t, rule: "direct-quote/according-to"}, true
			}
		}
		info, ok := x.cueAt(c)
		if !ok || info.class == cueBelief || info.noQuote || info.objContent {
			continue
		}
		if c < b-reach && !(d.toks[c+1].kind == tWord && settingPreps[d.tokLow(c+1)]) {
			break
		}
		end := c
		for end > lo && d.toks[end-1].kind == tWord && !x.nameWord(end-1) && (d.adverbAt(end-1) || aux[d.tokLow(end-1)] || d.tokLow(end-1) == "heard") {
			end--
		}
		// "parliament would be informed “at the right time”": a passive
		// cue's subject says nothing.
		if x.passive(c, end, info) {
			return attribution{}, false
		}
		if info.ing && end == c {
			// "X …, saying: “…”": the subject of the sentence speaks.
			// The comma may close the quote before: "… as a “breach of
			// trust,” adding: “…”".
			if end-1 >= lo && (d.isPunct(end-1, ",") || d.isWord(end-1, "and")) || x.afterComma(end) {
				from := d.sents[d.sentOf[c]].from
				sp := x.frameSubject(end-1, from)
				if sp < 0 {
					sp = x.coordinateSubject(from, end)
				}
				if sp < 0 {
					sp = x.sharedSubject(from, c)
				}
				if sp >= 0 {
					return attribution{cue: c, speaker: sp, npFrom: c, npTo: c, rule: "direct-quote/shared-subject"}, true
				}
			}
			continue
		}
		// "Roe was prompted to say, “…”": the subject of the clause speaks.
		if d.isWord(end-1, "to") {
			if sp := x.clauseSubject(d.sents[d.sentOf[c]].from, end-1); sp >= 0 {
				return attribution{cue: c, speaker: sp, npFrom: c, npTo: c, rule: "direct-quote/shared-subject"}, true
			}
			continue
		}
		f, t := x.subjectBefore(end, lo)
		// "Roe said Fox executives were calling “…”": the verb belongs to
		// reported speech; the reported pass takes the whole clause.
		if t > f && f-1 >= lo && d.toks[f-1].kind == tWord && isCue(d.tokLow(f-1)) {
			return attribution{}, false
		}
		// "Obama said he expected that Americans will say “no”": the
		// same, after "that".
		if t > f && f-2 >= lo && d.isWord(f-1, "that") && d.toks[f-2].kind == tWord && isCue(d.tokLow(f-2)) {
			return attribution{}, false
		}
		if t <= f {
			// said Smith: “…”
			f2, t2 := d.npAfter(c+1, q.open)
			if t2 > f2 && d.toks[f2].cap {
				return attribution{cue: c, speaker: x.speakerIn(f2, t2), npFrom: f2, npTo: t2, rule: "direct-quote/cue-speaker-before"}, true
			}
			// "Roe did not name her rivals, but told supporters, “…”":
			// the subject of the sentence speaks.
			if marked && end-1 > lo && (d.isWord(end-1, "but") || d.isWord(end-1, "and")) {
				if sp := x.sharedSubject(d.sents[d.sentOf[c]].from, end-1); sp >= 0 {
					return attribution{cue: c, speaker: sp, npFrom: c, npTo: c, rule: "direct-quote/shared-subject"}, true
				}
			}
			continue
		}
		sp := x.speakerIn(f, t)
		// "when the server email story broke, “…”": a bare base form
		// whose subject names no one is a noun; look further back.
		if sp < 0 && info.base && !info.past && !strings.HasSuffix(d.tokLow(c), "s") && !x.plausibleSubject(f, t) {
			continue
		}
		return attribution{cue: c, speaker: sp, npFrom: f, npTo: t, rule: "direct-quote/speaker-before"}, true
	}
	return attribution{}, false
}

// sharedSubject returns the speaker of a cue that goes on from an earlier
// speech verb of its sentence ("…, Spicer said, adding, “…”"; "Lazar said
// he welcomed it and added, “…”"): the named subject of the nearest
// speech cue before hi, else the subject of the sentence.
func (x *extraction) sharedSubject(lo, hi int) int {
	d := x.d
	for k := hi - 1; k > lo && k >= hi-40; k-- {
		if x.inQuote(k) {
			continue
		}
		info, ok := x.cueAt(k)
		if !ok || info.class != cueSpeech || info.ing || info.noQuote || info.objContent ||
			!info.past && !strings.HasSuffix(d.tokLow(k), "s") {
			continue
		}
		end := k
		for end > lo && d.toks[end-1].kind == tWord && !x.nameWord(end-1) && (linkingAdverbs[d.tokLow(end-1)] || aux[d.tokLow(end-1)]) {
			end--
		}
		if m := x.e.mentAt[end-1]; end > lo && m >= 0 && x.e.ments[m].to == end && x.e.list[x.e.ments[m].ent].kind == graph.Person {
			return x.e.ments[m].ent
		}
		break
	}
	return x.clauseSubject(lo, hi)
}

// attributeColon handles a name introducing a quote with a colon, with no
// cue verb: "Jane Roe: “…”".
func (x *extraction) attributeColon(qi int) (attribution, bool) {
	d, e := x.d, x.e
	q := x.quotes[qi]
	c := q.open - 1
	if c < 1 || !d.isPunct(c, ":") || d.toks[q.open].para {
		return attribution{}, false
	}
	n := c - 1
	if d.isPunct(n, ")") {
		// "Rep. Dan Shore (R-S.C.): “…”": a party tag before the colon.
		for k := n - 1; k > 0 && k >= n-7; k-- {
			if d.isPunct(k, "(") {
				n = k - 1
				break
			}
		}
	}
	m := e.mentAt[n]
	if m < 0 || !e.list[e.ments[m].ent].kind.IsSpeaker() {
		return attribution{}, false
	}
	f := e.ments[m].from
	for f > 0 && !d.toks[f].para && d.toks[f-1].kind == tWord && !d.toks[f-1].cap && (titleWords[d.tokLow(f-1)] || seniorityWords[d.tokLow(f-1)]) {
		f--
	}
	if f != d.sents[d.sentOf[f]].from && !x.introducedName(f, int(m)) {
		return attribution{}, false
	}
	return attribution{cue: c, speaker: e.ments[m].ent, npFrom: e.ments[m].from, npTo: c, rule: "direct-quote/colon"}, true
}

// attributePrevious handles a quote that opens its sentence right after a
// sentence that ends in an attribution: "Roe said in a statement: “…”" or
// "Roe told reporters. “…”".
func (x *extraction) attributePrevious(qi int) (attribution, bool) {
	d := x.d
	q := x.quotes[qi]
	s := d.sentOf[q.open]
	if q.open != d.sents[s].from || s == 0 {
		return attribution{}, false
	}
	ps := d.sents[s-1]
	last := ps.to - 1
	colon := d.isPunct(last, ":")
	if d.toks[q.open].para && !colon {
		return attribution{}, false
	}
	if !colon && !d.isPunct(last, ".") {
		return attribution{}, false
	}
	if x.quoteOf[last] >= 0 || x.holdsQuote(ps.from, last) {
		return attribution{}, false
	}
	for c := last - 1; c >= ps.from && c >= last-6; c-- {
		if d.toks[c].kind == tQuote || d.toks[c].kind == tPunct && !d.isPunct(c, ".") {
			break
		}
		info, ok := x.cueAt(c)
		if !ok || info.class == cueBelief || info.noQuote || x.cueUsed[c] {
			continue
		}
		end := c
		for end > ps.from && d.toks[end-1].kind == tWord && !x.nameWord(end-1) && (d.adverbAt(end-1) || aux[d.tokLow(end-1)]) {
			end--
		}
		if info.ing && end == c {
			if !colon {
				return attribution{}, false
			}
			sp := x.clauseSubject(ps.from, c)
			return attribution{cue: c, speaker: sp, npFrom: c, npTo: c, rule: "direct-quote/previous-sentence"}, sp >= 0
		}
		f, t := x.subjectBefore(end, ps.from)
		if t <= f && c == ps.from && colon {
			// "Continued Roe:" opening the sentence, the name after it.
			if f2, t2 := d.npAfter(c+1, last); t2 == last && t2 > f2 && x.personEndsAt(t2) {
				return attribution{cue: c, speaker: x.speakerIn(f2, t2), npFrom: f2, npTo: t2, rule: "direct-quote/previous-sentence"}, true
			}
		}
		if t <= f || !x.plausibleSubject(f, t) {
			return attribution{}, false
		}
		return attribution{cue: c, speaker: x.speakerIn(f, t), npFrom: f, npTo: t, rule: "direct-quote/previous-sentence"}, true
	}
	// "As Roe reported after the hearing:" opening a colon sentence:
	// the words that follow are Roe's.
	if colon && d.isWord(ps.from, "as") {
		if f, t := d.npAfter(ps.from+1, last); t > f && d.toks[f].cap {
			if info, ok := x.cueAt(t); ok && info.class == cueSpeech && info.past {
				if sp := x.speakerIn(f, t); sp >= 0 {
					return attribution{cue: t, speaker: sp, npFrom: f, npTo: t, rule: "direct-quote/previous-sentence"}, true
				}
			}
		}
	}
	// "Roe issued the following statement:" with no cue verb: a
	// sentence that announces words of its subject's.
	if colon {
		for k := ps.from; k < last; k++ {
			if d.toks[k].kind == tWord && announceNouns[d.tokLow(k)] {
				if sp := x.clauseSubject(ps.from, k); sp >= 0 {
					return attribution{cue: k, speaker: sp, npFrom: k, npTo: k, rule: "direct-quote/previous-sentence"}, true
				}
				break
			}
		}
	}
	return attribution{}, false
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

// adjectiveLead reports whether [a,comma) is a determiner and one or two
// lower-case modifiers ending at a comma that splits a description: "the
// bespectacled, 71-year-old diplomat".
func (x *extraction) adjectiveLead(a, comma int) bool {
	d := x.d
	if !d.isPunct(comma, ",") || comma-a < 2 || comma-a > 3 || !d.isWord(a, "the") && !d.isWord(a, "a") && !d.isWord(a, "an") {
		return false
	}
	for k := a + 1; k < comma; k++ {
		if d.toks[k].kind != tWord || d.toks[k].cap || isCue(d.tokLow(k)) {
			return false
		}
	}
	return true
}

// oneOfMany reports whether the phrase [from,to) after an inverted cue is
// "one" or "another" standing for one of a group named before: "“…,”
// read one", "“…,” tweeted yet another".
func (x *extraction) oneOfMany(from, to int) bool {
	d := x.d
	if to-from > 2 || !d.isWord(to-1, "one") && !d.isWord(to-1, "another") {
		return false
	}
	return to-from == 1 || d.isWord(from, "yet")
}

// headBeforePrep reports whether the phrase [from,to) after an inverted
// cue is a determined person phrase followed by a preposition: "said one
// owner of a shop", "said one of two witnesses".
func (x *extraction) headBeforePrep(from, to int) bool {
	d := x.d
	for k := from + 1; k < to && k < from+5; k++ {
		if d.toks[k].kind != tWord || !prepositions[d.tokLow(k)] {
			continue
		}
		if k == from+1 && d.isWord(k, "of") && (d.isWord(from, "one") || d.isWord(from, "another")) {
			return true
		}
		return personNouns[d.plainWord(k-1)] && x.determined(from, k-1)
	}
	return false
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

// introducedName reports whether mention m, which ends right before a
// colon and a quote, is introduced by a title or role word, a dash or
// a verb's object position ("does not surprise pollster Dan Shore: “…”",
// "Pollsters agree - Ann Kell: “…”"): a person or organisation named
// last before the quote's colon speaks it. f is the first token of the
// name with its title words.
func (x *extraction) introducedName(f, m int) bool {
	d, e := x.d, x.e
	if e.list[e.ments[m].ent].kind != graph.Person {
		return false
	}
	if f < 1 || d.toks[f].para {
		return true
	}
	p := f - 1
	switch {
	case d.isPunct(p, "-") || d.isPunct(p, "—") || d.isPunct(p, "–"):
		return true
	case f < e.ments[m].from:
		// a title or role word before the name: pollster Dan Shore
		return true
	case d.titleBefore(f) && !d.isTitleCase(d.sentOf[f]):
		// "Mayor Dan Shore: “…”", "Rep. Dan Shore (R-S.C.): “…”", but
		// not in a headline
		return true
	case d.isWord(p, "from") && (p < 1 || d.toks[p].para || d.isWord(p-1, "more") || d.isPunct(p-1, "-") || d.isPunct(p-1, "—") || d.isPunct(p-1, "–")):
		// "Red states gain - More from Ann Kell: “…”": a digest line
		// quoting its source.
		return true
	case d.isWord(p, "and") && p > 0:
		// "- Ann Kell and Dan Shore: “…”": the first of two names.
		if m2 := e.mentAt[p-1]; m2 >= 0 && int(m2) != m && e.ments[m2].to == p {
			return x.introducedName(e.ments[m2].from, int(m2))
		}
	}
	return false
}

// titleBefore reports whether a title or honorific, capitalised or not
// and with or without its abbreviation dot, ends right before token f.
func (d *document) titleBefore(f int) bool {
	p := f - 1
	if d.isPunct(p, ".") {
		p--
	}
	if p < 0 || d.toks[p].kind != tWord {
		return false
	}
	w := d.plainWord(p)
	return titleWords[w] || honorifics[w]
}

// saidInverted handles a sentence that opens with its cue and speaker
// before the quote: "Said Ann Kell, who grew up nearby, “…”". lo is the
// first token of the frame and b the last one before the quote's mark.
func (x *extraction) saidInverted(qi, lo, b int) (attribution, bool) {
	d := x.d
	s := d.sentOf[x.quotes[qi].open]
	c := d.sents[s].from
	if c < lo || b-c > 30 || !d.isPunct(b+1, ",") && !d.isPunct(b+1, ":") {
		return attribution{}, false
	}
	info, ok := x.cueAt(c)
	if !ok || info.class != cueSpeech || info.ing || !d.toks[c].cap {
		return attribution{}, false
	}
	f, t := d.npAfter(c+1, b+1)
	if t <= f || !d.toks[f].cap {
		return attribution{}, false
	}
	sp := x.speakerIn(f, t)
	if sp < 0 {
		return attribution{}, false
	}
	return attribution{cue: c, speaker: sp, npFrom: f, npTo: t, rule: "direct-quote/cue-speaker-before"}, true
}

// prevClaim returns the claim of the quote before quote qi, or -1.
func (x *extraction) prevClaim(qi int) int {
	if qi == 0 {
		return -1
	}
	return x.quoteClaim[qi-1]
}

// attributeDashLine handles a quoted paragraph signed by the next one, a
// dash and a name: "“…”" then "- Jane Roe, in a debate." (lists of
// quotes in fact checks and round-ups).
func (x *extraction) attributeDashLine(qi int) (attribution, bool) {
	d, e := x.d, x.e
	q := x.quotes[qi]
	if q.close < 0 {
		return attribution{}, false
	}
	a := q.close + 1
	for a < len(d.toks) && !d.toks[a].para && d.toks[a].kind == tPunct {
		a++
	}
	if a+1 >= len(d.toks) || !d.toks[a].para || !(d.isPunct(a, "-") || d.isPunct(a, "—") || d.isPunct(a, "–")) {
		return attribution{}, false
	}
	m := e.mentAt[a+1]
	if m < 0 || !e.list[e.ments[m].ent].kind.IsSpeaker() {
		return attribution{}, false
	}
	return attribution{cue: a, speaker: e.ments[m].ent, npFrom: a + 1, npTo: e.ments[m].to, rule: "direct-quote/dash-line"}, true
}

// notSubject reports whether the phrase [f,t) before a cue form cannot be
// its subject: it opens with a preposition, an -ing verb or a participle
// before a preposition ("giving states more power", "to the 35 states",
// "compared to what the port charges"), so the form is a noun, not a
// verb.
func (x *extraction) notSubject(f, t int) bool {
	d := x.d
	if d.toks[f].kind != tWord || d.toks[f].cap {
		return false
	}
	w := d.tokLow(f)
	return prepositions[w] || len(w) > 5 && strings.HasSuffix(w, "ing") || len(w) > 4 && strings.HasSuffix(w, "ed") && prepositions[d.tokLow(f+1)]
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

// invertedFrame reports whether "cue NP" after a quote, with the cue at c
// and the phrase at [f,t), reads as an inverted frame ("“…,” said Roe",
// "“…,” says a narrator"): no auxiliary before the cue ("“reporter” has
// revealed her bias"), a phrase that opens with neither a preposition
// nor an object pronoun ("said in an interview with …"), and a pronoun
// that no verb follows ("says she warned about …" is the cue of a
// reported clause).
func (x *extraction) invertedFrame(a, c, f, t, hi int) bool {
	d := x.d
	for k := a; k < c; k++ {
		if aux[d.tokLow(k)] {
			return false
		}
	}
	w := d.tokLow(f)
	if d.toks[f].kind == tWord && !d.toks[f].cap && (prepositions[w] || w == "him" || w == "them" || w == "us" || w == "me") {
		return false
	}
	if t-f == 1 && personPronouns[w] && t < hi && d.toks[t].kind == tWord && !d.toks[t].cap && !prepositions[d.tokLow(t)] && !linkingAdverbs[d.tokLow(t)] {
		return false
	}
	return true
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

// bareFrameEnd reports whether a frame's verb ends at token k: the
// sentence or the frame stops there, or a comma starts a clause of its
// own ("he demanded, as Bush went on").
func (x *extraction) bareFrameEnd(k, hi int) bool {
	d := x.d
	if k >= hi || k >= len(d.toks) || d.toks[k].para {
		return true
	}
	return d.toks[k].kind == tPunct && (d.isPunct(k, ".") || d.isPunct(k, ",") || d.isPunct(k, ";"))
}

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
