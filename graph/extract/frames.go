package extract

import (
	"strings"

	"github.com/claimgraph/claimgraph/graph"
)

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
