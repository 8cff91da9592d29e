package extract

import "strings"

// addReported records a reported claim over the token range [from,to)
// unless it is too short or already covered by a quote claim.
func (x *extraction) addReported(from, to, speaker, cue int, rule string, stance cueClass) bool {
	d := x.d
	to = x.cutAtNextCue(from, to)
	to = x.cutAtMainClause(from, to)
	to = x.cutAfterQuote(from, to)
	to = x.extendToQuoteClose(from, to)
	from, to = x.trimContent(from, to)
	n := 0
	for k := from; k < to; k++ {
		if d.toks[k].kind == tWord || d.toks[k].kind == tNum {
			n++
		}
	}
	if n < 2 {
		return false
	}
	// A content that is wholly one attributed quote is that quote, also
	// after the -ing cue that frames it ("said, adding, “…”").
	if q := x.quoteOf[x.skipIngCue(from, to)]; q >= 0 && x.quoteClaim[q] >= 0 && x.quotes[q].close == to-1 {
		return false
	}
	direct := false
	for k := from; k < to; k++ {
		if d.toks[k].kind == tQuote && d.toks[k].quote.trueDouble() && !x.quotedElsewhere(k) {
			direct = true
		}
		if q := x.quoteOf[k]; q >= 0 && !x.quotes[q].single {
			if ci := x.quoteClaim[q]; ci >= 0 && x.claims[ci].speaker != speaker {
				return false
			}
		}
	}
	x.claims = append(x.claims, claimCand{parts: []tspan{{from, to}}, direct: direct, speaker: speaker, cue: cue, rule: rule, stance: stance})
	x.cueUsed[cue] = true
	for k := from; k < to; k++ {
		if q := x.quoteOf[k]; q >= 0 && x.quoteClaim[q] < 0 {
			x.quoteClaim[q] = len(x.claims) - 1
		}
	}
	return true
}

// skipIngCue returns the token after an -ing cue and its comma or colon
// that open [from,to) ("adding, “…”"), or from.
func (x *extraction) skipIngCue(from, to int) int {
	d := x.d
	if from+2 >= to || d.toks[from].kind != tWord {
		return from
	}
	if info, ok := cueForms[d.tokLow(from)]; !ok || !info.ing {
		return from
	}
	if d.isPunct(from+1, ",") || d.isPunct(from+1, ":") {
		return from + 2
	}
	return from + 1
}

// cutAtNextCue ends a content where the sentence goes on to a second
// attribution by the same speaker: "…, saying …", "… and said …",
// "… but argues …", or by a named one after a comma, a closing mark or
// "but" ("…, and Castell vowed …"; not "both she and Castell promised").
// The second one becomes its own claim.
func (x *extraction) cutAtNextCue(from, to int) int {
	d := x.d
	for k := from + 1; k < to-1; k++ {
		if x.inQuote(k) {
			continue
		}
		t := d.toks[k]
		switch {
		case d.isPunct(k, ";"):
			// "…; Hale has since said …": a new clause of its own.
			return k
		case d.isPunct(k, ",") && x.deniedNoun(k+1, to) >= 0:
			// "…, a charge Roe has repeatedly denied": the reporter's
			// apposition names someone else's stance.
			return k
		case (d.isPunct(k, "-") || d.isPunct(k, "—") || d.isPunct(k, "–")) && x.claimedQuoteAt(k+1) && x.quoteClaimSpeaker(k+1) >= 0:
			// "Roe suggested that the plan was unserious - “We need
			// details,” she said - and …": a quote set off by dashes
			// with a frame of its own is a claim of its own.
			return k
		case d.isPunct(k, ":") && x.claimedQuoteAt(k+1) && !x.cueNear(k, from):
			// "Roe asserted that the city had lost its way: “It is
			// no longer ours,” she said.": the quote after the colon is
			// a claim of its own.
			return k
		case d.isPunct(k, ","):
			if info, ok := x.cueAt(k + 1); ok && info.ing && !x.thatClauseCalling(from, info) {
				return k
			}
			// not in a content that opens the sentence ("On Monday, Roe
			// said …, according to the Courier")
			if x.namedFrameAt(k+1, to) && from > d.sents[d.sentOf[from]].from {
				return k
			}
			if info, ok := x.cueAt(k + 1); ok && k-from > 3 && info.past && !info.base && info.objContent && !d.isWord(k+2, "by") {
				// "suggested her tone was to blame, called her
				// “third-rate”": a second predicate of the subject.
				return k
			}
			if x.subjectClauseAt(k+1, to) && !subordinators[d.tokLow(from)] && from > d.sents[d.sentOf[from]].from {
				// "…, Rubio said only that …", "…, he actually thinks
				// …": a main clause with a speaker and cue of its own.
				// Not in a content that opens the sentence ("On Monday,
				// Roe said …, according to the Courier").
				return k
			}
			if d.isWord(k+1, "which") && x.subjectClauseAt(k+2, to) {
				// "…, which he called “a cartel”": a relative clause
				// with a speaker of its own is a claim of its own.
				return k
			}
		case t.kind == tWord && (d.tokLow(k) == "while" || d.tokLow(k) == "whereas" || (d.tokLow(k) == "and" || d.tokLow(k) == "but") && !x.joinsSubjects(k)) && x.namedFrameAt(k+1, to):
			// "…, while Roe said that …": a second speaker's claim.
			if d.isPunct(k-1, ",") {
				return k - 1
			}
			return k
		case t.kind == tWord && (d.tokLow(k) == "and" || d.tokLow(k) == "but"):
			j := k + 1
			for j < to && d.toks[j].kind == tWord && linkingAdverbs[d.tokLow(j)] {
				j++
			}
			if (d.isPunct(k-1, ",") || d.isWord(k, "but") || x.closingMark(k-1)) && x.namedClauseAt(j, to) {
				// "… “glow in the dark,” and Castell vowed to …": a
				// new clause with a speaker of its own.
				if d.isPunct(k-1, ",") {
					return k - 1
				}
				return k
			}
			if info, ok := x.cueAt(j); ok && !info.ing && (info.past || !info.base || d.tokLow(j) == "says" || strings.HasSuffix(d.tokLow(j), "s")) {
				// "noted that Roe has criticized the board and called
				// it “weak”": inside a that-clause, "and" + verb goes
				// on with the clause's own subject when the quote comes
				// after it; not after a comma or before a colon ("noted
				// that …, and added: “…”" is a second predicate).
				if d.isWord(k, "and") && (d.isWord(from-1, "that") || d.isWord(from, "that")) && !d.isPunct(k-1, ",") && !d.isPunct(j+1, ":") && !x.holdsQuote(from, k) && x.holdsQuote(k, to) {
					continue
				}
				if d.isPunct(k-1, ",") {
					return k - 1
				}
				return k
			}
		}
	}
	return to
}

// extendToQuoteClose carries a content whose last quote opens inside it
// but closes after it (a quote running over several sentences: "Roe told
// supporters that “the plan failed. We will fix it.”") on to that
// quote's closing mark, within the paragraph.
func (x *extraction) extendToQuoteClose(from, to int) int {
	if to <= from || to >= len(x.d.toks) {
		return to
	}
	q := x.quoteOf[to-1]
	if q < 0 || x.quotes[q].single || x.quotes[q].open < from {
		return to
	}
	end := x.quotes[q].close
	if end < 0 {
		end = x.quotes[q].to - 1
	}
	if end+1 > to && x.paraOf(end) == x.paraOf(to-1) {
		return end + 1
	}
	return to
}

// cutAfterQuote ends a content that holds a partial quote where the
// sentence goes on past the quote with a clause of its own: "he has
// “expanded the party,” claiming …", "he would offer “a prayer” for the
// nominee but did not …", "… “extreme carelessness,” which …", "… “a
// fantasy” — a remark that …", "… “very flexible,” a nod to …" (a noun
// phrase of the reporter's own after a comma inside the closing mark, not
// a list of quoted nouns: "a “liar,” a “cheat”"). Only words after the
// first closing mark are looked at, so the reported clause before the
// quote stays whole.
func (x *extraction) cutAfterQuote(from, to int) int {
	d := x.d
	k := from
	for k < to && !x.closingMark(k) {
		k++
	}
	for k++; k < to-1; k++ {
		if x.inQuote(k) && !x.closingMark(k) {
			continue
		}
		t := d.toks[k]
		switch {
		case t.kind == tPunct && (d.tokText(k) == "—" || d.tokText(k) == "–" || d.tokText(k) == "--"):
			return k
		case t.kind == tWord && !t.cap && x.afterComma(k):
			// The comma may sit inside the quote: “… a disaster,” adding …
			w := d.tokLow(k)
			if strings.HasSuffix(w, "ing") && len(w) > 5 || afterQuoteStops[w] || w == "but" || w == "and" && (x.predicateAt(k+1) || x.clauseOfItsOwnAt(k+1, to)) || prepositions[w] && d.isWord(k+1, "which") || (w == "a" || w == "an") && x.closingMark(k-1) && !x.quoteAfter(k+1, to) {
				return k
			}
			// “… disgrace,” denounced her record …: a second predicate,
			// not a participle before a preposition ("compared to").
			if x.predicateAt(k) && !(k+1 < to && d.toks[k+1].kind == tWord && prepositions[d.tokLow(k+1)]) {
				return k
			}
		case t.kind == tWord && t.cap && x.closingMark(k-1) && x.afterComma(k) && x.namedPredicateAt(k, to):
			// "… a clip that Roe called “distasteful,” Castell
			// expressed …": a main clause of its own after the quote.
			return k
		case t.kind == tWord && !t.cap && (d.tokLow(k) == "but" || d.tokLow(k) == "while"):
			return k
		case d.isWord(k, "in") && (x.closingMark(k-1) || x.afterComma(k)) && x.mediumAt(k+1, to):
			// "… “that crap,” in an interview with …", "… “economy” in
			// a statement following the news": where it was said.
			return k
		case x.closingMark(k-1) && (d.isWord(k, "as") || d.isWord(k, "and")) && x.pronounClauseAt(k+1, to):
			// "… “excited where we stand” as he faces a test …", "… a
			// “nice guy” and he didn't say …": a clause of the reporter's.
			return k
		case d.isWord(k, "and") && (x.predicateAt(k+1) || x.ingAt(k+1) || secondPredicateAdverbs[d.tokLow(k+1)] && k+2 < to && !d.toks[k+1].cap && d.toks[k+2].kind == tWord && !d.toks[k+2].cap):
			// "called him a “stiff” and accused him of …": a second
			// predicate of the speaker's, not part of the content.
			return k
		}
	}
	return to
}

// predicateAt reports whether token k starts a verb phrase of its own: a
// cue verb in the past tense or -ing form, or a lower-case word ending in
// -ed ("… “a mistake” and likened it to …", "… and accusing him …").
func (x *extraction) predicateAt(k int) bool {
	w, ok := x.plainWordAt(k)
	if !ok {
		return false
	}
	if info, ok := cueForms[w]; ok && (info.past || info.ing) {
		return true
	}
	return len(w) > 4 && strings.HasSuffix(w, "ed")
}

// closingMark reports whether token k is the closing mark of a double
// quote.
func (x *extraction) closingMark(k int) bool {
	q := x.quoteOf[k]
	return q >= 0 && !x.quotes[q].single && x.quotes[q].close == k
}

// afterComma reports whether word k follows a comma, directly or through
// a closing quotation mark (“…,” adding).
func (x *extraction) afterComma(k int) bool {
	d := x.d
	if k > 0 && d.isPunct(k-1, ",") {
		return true
	}
	return k > 1 && x.closingMark(k-1) && d.isPunct(k-2, ",")
}

// closesParen reports whether token i is a ")" that closes a "(" opened
// in [from,i): "… to the Council of Common Interests (CCI)" keeps it.
func (x *extraction) closesParen(from, i int) bool {
	d := x.d
	if !d.isPunct(i, ")") {
		return false
	}
	depth := 0
	for k := i - 1; k >= from; k-- {
		switch {
		case d.isPunct(k, ")"):
			depth++
		case d.isPunct(k, "("):
			if depth == 0 {
				return true
			}
			depth--
		}
	}
	return false
}

// trimContent drops leading "that" and punctuation and trailing
// punctuation from a content range.
func (x *extraction) trimContent(from, to int) (int, int) {
	d := x.d
	for from < to && (d.toks[from].kind == tPunct || d.isWord(from, "that")) {
		from++
	}
	for to > from && d.toks[to-1].kind == tPunct && !x.closesParen(from, to-1) {
		to--
	}
	// Balance a quote mark left dangling at either end.
	if to > from && d.toks[to-1].kind == tQuote && x.quoteOf[to-1] >= 0 && x.quotes[x.quoteOf[to-1]].open < from {
		to--
	}
	for to > from && d.toks[to-1].kind == tPunct && !x.closesParen(from, to-1) {
		to--
	}
	return from, to
}

// deniedNoun returns the cue of an apposition that starts at token j and
// names a stance on the clause before it: "a charge Roe has repeatedly
// denied", "an allegation the party rejects", "a claim that he disputes".
// It returns -1 when there is none before hi.
func (x *extraction) deniedNoun(j, hi int) int {
	d := x.d
	if d.isWord(j, "a") || d.isWord(j, "an") || d.isWord(j, "the") {
		j++
	}
	if j >= hi || d.toks[j].kind != tWord || !claimNouns[d.tokLow(j)] && !criticismNouns[d.tokLow(j)] {
		return -1
	}
	j++
	if d.isWord(j, "that") || d.isWord(j, "which") {
		j++
	}
	if j >= hi || d.toks[j].kind != tWord {
		return -1
	}
	if m := x.e.mentAt[j]; m >= 0 && x.e.ments[m].from == j {
		j = x.e.ments[m].to
	} else if d.isWord(j, "the") && j+1 < hi && d.toks[j+1].kind == tWord {
		j += 2
	} else if personPronouns[d.tokLow(j)] {
		j++
	} else {
		return -1
	}
	for k := j; k < hi && k < j+4; k++ {
		// cueForms, not cueAt: "the CRP rejects" is a verb after a name
		if info, ok := cueForms[d.tokLow(k)]; ok && d.toks[k].kind == tWord && !d.toks[k].cap && (info.class == cueDispute || info.class == cueSupport) {
			return k
		}
		if d.toks[k].kind != tWord || !aux[d.tokLow(k)] && !d.adverbAt(k) {
			return -1
		}
	}
	return -1
}

// joinLeadIn adds to the last claim the words before a frame set off by
// commas inside the sentence: in "The project, she said, had been
// approved in 2023" the claim is "The project … had been approved in
// 2023". f is the frame's subject, c its cue and k the content's start.
func (x *extraction) joinLeadIn(from, f, c, k int) {
	d := x.d
	if f-1 <= from+1 || !d.isPunct(f-1, ",") || !d.isPunct(c+1, ",") || k != c+2 || x.holdsQuote(from, f-1) {
		return
	}
	for i := from; i < f-1; i++ {
		if d.toks[i].kind != tWord && d.toks[i].kind != tPoss && d.toks[i].kind != tNum {
			return
		}
	}
	cl := &x.claims[len(x.claims)-1]
	if len(cl.parts) == 0 || cl.parts[0].from != k {
		return
	}
	cl.parts = append([]tspan{{from, f - 1}}, cl.parts...)
}

// relativeEnd returns where the content of a relative clause starting at
// token k ends, not reaching to: at a comma followed by the main clause's
// verb ("Roe, who endorsed Castell, said …"), else at to.
func (x *extraction) relativeEnd(k, to int) int {
	d := x.d
	for i := k + 1; i < to-1; i++ {
		if x.inQuote(i) && !x.closingMark(i) || !x.afterComma(i+1) || d.toks[i+1].kind != tWord || d.toks[i+1].cap {
			continue
		}
		w := d.tokLow(i + 1)
		if _, ok := cueForms[w]; ok || x.predicateAt(i+1) || beForms[w] || aux[w] {
			return i
		}
	}
	return to
}

// contentStart returns where the content of cue verb c begins: after
// "that", after the listener of "told reporters", after a particle
// ("talked about"), or right after the verb; ok is false when the words
// after the verb are no content (a bare adverbial phrase).
func (x *extraction) contentStart(c int, info cueInfo, hi int) (int, bool) {
	d := x.d
	k := c + 1
	if info.particle != "" {
		k++
	}
	if k < hi && d.toks[k].kind == tWord && info.particles != "" && strings.Contains(" "+info.particles+" ", " "+d.tokLow(k)+" ") {
		return k + 1, true
	}
	if info.takesObj {
		if _, ot := d.npAfter(k, hi); ot > k && !d.isWord(k, "that") && !d.isWord(k, "to") {
			k = ot
			// "asked the Federal Audit Office (FAO) to …": the acronym
			// belongs to the object.
			if d.isPunct(k, "(") && k+2 < hi && d.toks[k+1].acro && d.isPunct(k+2, ")") {
				k += 3
			}
		}
	}
	// "said Wednesday morning on the Courier's show": a time phrase before
	// an adverbial phrase is part of it.
	if t := d.skipTimeAfter(k, hi); t > k && (t >= hi || d.toks[t].kind == tWord && prepositions[d.tokLow(t)] || d.toks[t].kind == tPunct) {
		k = t
	}
	// "said on Sunday that …", "said in a statement that …": skip the
	// adverbial phrase to the that-clause; without one there is no claim.
	// "spoke to reporters", "talked to the press": whom one speaks to is
	// no claim either, nor what one responds to ("did not respond to a
	// request for comment"; "responded by saying that …" still is).
	toListener := d.isWord(k, "to") && (info.lemma == "speak" || info.lemma == "talk" || info.lemma == "respond" || info.lemma == "reply")
	if k < hi && d.toks[k].kind == tWord && prepositions[d.tokLow(k)] && (!d.isWord(k, "to") || toListener) {
		k = x.skipToThat(k, hi)
		if k < 0 {
			return 0, false
		}
	}
	// "groused to a crowd in Town that …", "admitted to the paper that
	// …": the listener before the that-clause is no content.
	if x.listenerBeforeThat(k, hi) {
		if t := x.skipToThat(k, hi); t > k {
			k = t
		}
	}
	// "alleged last week that …": a time phrase before the that-clause.
	if t := d.skipTimeAfter(k, hi); t > k && d.isWord(t, "that") {
		k = t
	}
	switch {
	case d.isWord(k, "that"):
		return k + 1, true
	case info.objContent:
		// "dismissed them as …", "rejected the claim as …": the content is
		// what follows "as".
		for j := k; j < hi && j < k+4; j++ {
			if d.isWord(j, "as") && j > k {
				if (info.class == cueDispute || info.class == cueSupport) && (!x.quoteAfter(j+1, hi) || j == k+1 && objectPronouns[d.tokLow(k)]) {
					return j + 1, true
				}
				break
			}
			if d.toks[j].kind != tWord {
				break
			}
		}
		return k, true
	case d.isPunct(k, ",") && x.ingCueAt(k+1):
		// "Roe said, adding …": the -ing cue has the content.
		return 0, false
	case d.isPunct(k, ":") || d.isPunct(k, ","):
		return k + 1, info.class != cueBelief
	}
	return k, true
}

// skipToThat returns the token after the "that" that follows an adverbial
// phrase starting at k, or -1 when none follows within a few words.
func (x *extraction) skipToThat(k, hi int) int {
	d := x.d
	for i := k; i < hi && i < k+12; i++ {
		if d.isWord(i, "that") {
			return i
		}
		// "said on the Courier's “Morning Report” that …": the name of
		// a show is part of the phrase.
		if q := x.quoteOf[i]; d.toks[i].kind == tQuote && q >= 0 && x.quotes[q].open == i && x.quotes[q].close > i && x.namedTitle(int(q)) {
			i = x.quotes[q].close
			continue
		}
		if d.toks[i].kind == tQuote || d.isPunct(i, ".") && !d.isAbbrevBefore(i) {
			return -1
		}
	}
	return -1
}

// tailOnly reports whether tokens [from,to) are only the tail of an
// attribution: an object or adverbial phrase and final punctuation, with
// no quote.
func (x *extraction) tailOnly(from, to int) bool {
	return x.frameTail(from, to, false)
}

// frameTail is tailOnly; with appos set, a relative clause inside an
// apposition that follows the name ("…, said Roe, director of the union,
// a group that has broken away …") describes the speaker and ends the
// check.
func (x *extraction) frameTail(from, to int, appos bool) bool {
	d := x.d
	n := 0
	appos = appos && d.isPunct(from, ",")
	for k := from; k < to; k++ {
		t := d.toks[k]
		// "…, Roe said Tuesday, noting …": the -ing clause after a comma
		// is a frame of its own.
		if d.isPunct(k, ",") && x.ingCueAt(k+1) {
			break
		}
		if t.kind == tQuote {
			return false
		}
		// A relative clause inside the apposition runs to the next comma
		// or the sentence end; what comes after that comma is checked
		// again ("The paradox, says Roe, a historian who …, is that …").
		if appos && k > from+1 && (relativeWords[d.tokLow(k)] || d.tokLow(k) == "that") && t.kind == tWord && !d.isPunct(k-1, ",") {
			for k+1 < to && !d.isPunct(k+1, ",") {
				k++
			}
			appos = false
			continue
		}
		// A capitalised cue form is a name's word ("the Cook Political
		// Report"), and one after a determiner a noun ("after the
		// attacks"), not a verb.
		if t.kind == tWord && (d.tokLow(k) == "that" || isCue(d.tokLow(k)) && !t.cap && !(k > from && determiners[d.tokLow(k-1)])) {
			return false
		}
		if t.kind == tWord || t.kind == tNum {
			n++
		}
	}
	return n <= 10
}

// quoteAfter reports whether a double quotation mark opens within three
// tokens from k (before hi): "dismissed the fuss as “absurd”" keeps its
// object, as annotators do for a quoted verdict.
func (x *extraction) quoteAfter(k, hi int) bool {
	for i := k; i < hi && i < k+3; i++ {
		if x.d.toks[i].kind == tQuote && x.d.toks[i].quote.trueDouble() {
			return true
		}
	}
	return false
}

// ingAt reports whether token k is a lower-case -ing word outside quotes:
// "… “fraud” over delegate selection and threatening to …" goes on with
// a second predicate.
func (x *extraction) ingAt(k int) bool {
	w, ok := x.plainWordAt(k)
	return ok && len(w) > 5 && strings.HasSuffix(w, "ing")
}

// plainWordAt returns token k in lower case when it is a lower-case word
// outside quotes, the shape of a verb the reporter goes on with.
func (x *extraction) plainWordAt(k int) (string, bool) {
	d := x.d
	if k >= len(d.toks) || d.toks[k].kind != tWord || d.toks[k].cap || x.inQuote(k) {
		return "", false
	}
	return d.tokLow(k), true
}

// namedClauseAt reports whether a clause with a named subject and a
// finite cue verb starts at token j ("Roe vowed", "Jane Roe says").
func (x *extraction) namedClauseAt(j, to int) bool {
	e := x.e
	if j >= to || x.d.toks[j].kind != tWord || !x.d.toks[j].cap {
		return false
	}
	m := e.mentAt[j]
	if m < 0 || !e.list[e.ments[m].ent].kind.IsSpeaker() {
		return false
	}
	c := e.ments[m].to
	info, ok := x.cueAt(c)
	return ok && c < to && !info.ing && (info.past || strings.HasSuffix(x.d.tokLow(c), "s"))
}

// ingCueAt reports whether token k is the -ing form of a cue verb.
func (x *extraction) ingCueAt(k int) bool {
	info, ok := x.cueAt(k)
	return ok && info.ing
}

// speakerNameEnd returns the end of the name of a speaker (a person,
// party or organisation) that starts at token k, or -1.
func (x *extraction) speakerNameEnd(k int) int {
	e := x.e
	m := e.mentAt[k]
	if m < 0 || e.ments[m].from != k || !e.list[e.ments[m].ent].kind.IsSpeaker() {
		return -1
	}
	return e.ments[m].to
}

// namedFrameAt reports whether a name at token k is the subject of a
// speech cue right after it that has words of its own after it: in "In a
// year when Lind is talking about tolls, Roe said the plan …" the
// content of "talking about" ends before "Roe said".
func (x *extraction) namedFrameAt(k, to int) bool {
	d := x.d
	c := x.speakerNameEnd(k)
	if c < 0 {
		return false
	}
	info, ok := x.cueAt(c)
	if !ok || info.ing || info.class != cueSpeech || c+1 >= to {
		return false
	}
	return d.toks[c+1].kind == tWord
}

// subjectClauseAt reports whether a clause with a subject of its own (a
// name or a personal pronoun) and a finite cue verb that goes on to a
// content starts at token j: "Roe said only that …", "he actually thinks
// …". A frame set off as an aside ("…, he said, …") does not count.
func (x *extraction) subjectClauseAt(j, to int) bool {
	d, e := x.d, x.e
	if j >= to || d.toks[j].kind != tWord || x.inQuote(j) {
		return false
	}
	c := j + 1
	if m := e.mentAt[j]; m >= 0 && d.toks[j].cap && e.list[e.ments[m].ent].kind.IsSpeaker() {
		c = e.ments[m].to
	} else if !personPronouns[d.tokLow(j)] || d.tokLow(j) == "i" || d.tokLow(j) == "we" {
		return false
	}
	for c < to && d.toks[c].kind == tWord && linkingAdverbs[d.tokLow(c)] {
		if beForms[d.tokLow(c)] {
			// "which they had been assured …": a passive cue.
			return false
		}
		c++
	}
	info, ok := x.cueAt(c)
	if !ok || c+1 >= to || info.ing || info.class != cueSpeech || !(info.past || strings.HasSuffix(d.tokLow(c), "s")) {
		return false
	}
	return d.toks[c+1].kind != tPunct
}

// cueNear reports whether a cue verb stands among the six tokens before
// token k (not before lo): "Roe said of her rival:" is a frame.
func (x *extraction) cueNear(k, lo int) bool {
	for i := k - 1; i >= lo && i >= k-6; i-- {
		if _, ok := x.cueAt(i); ok {
			return true
		}
	}
	return false
}

// claimedQuoteAt reports whether token k opens a double quote that a
// claim already holds.
func (x *extraction) claimedQuoteAt(k int) bool {
	if k >= len(x.quoteOf) || x.d.toks[k].kind != tQuote {
		return false
	}
	q := x.quoteOf[k]
	return q >= 0 && !x.quotes[q].single && x.quotes[q].open == k && x.quoteClaim[q] >= 0
}

// namedPredicateAt reports whether a name that can speak starts at token
// k and is followed by a finite verb of its own ("Castell expressed",
// "Jane Roe later warned"), not an -ing form.
func (x *extraction) namedPredicateAt(k, to int) bool {
	d := x.d
	c := x.speakerNameEnd(k)
	if c < 0 {
		return false
	}
	for c < to && d.toks[c].kind == tWord && linkingAdverbs[d.tokLow(c)] && !beForms[d.tokLow(c)] {
		c++
	}
	return c < to && x.predicateAt(c) && !x.ingAt(c)
}

// cutAtMainClause ends a content whose cue stands in a subordinate clause
// opening its sentence at the comma where the main clause begins:
// "Although in May she said the plan was a mistake, at the hearing she
// said …", "If he says he intends to “win” everywhere, it would seem …".
func (x *extraction) cutAtMainClause(from, to int) int {
	d := x.d
	if from >= to {
		return to
	}
	lo := d.sents[d.sentOf[from]].from
	if from <= lo+1 || !subordinators[d.tokLow(lo)] || d.toks[lo].kind != tWord {
		return to
	}
	for k := lo; k < from; k++ {
		if d.isPunct(k, ",") {
			return to
		}
	}
	for k := from + 1; k < to-1; k++ {
		if !d.isPunct(k, ",") || x.inQuote(k) && !x.closingMark(k+1) {
			continue
		}
		j := k + 1
		if x.closingMark(j) {
			j++
		}
		if j < to && d.toks[j].kind == tWord && mainClauseSubjects[d.tokLow(j)] {
			return k
		}
	}
	return to
}
