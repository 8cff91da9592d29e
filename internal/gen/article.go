package gen

import (
	"math/rand/v2"
	"strings"
	"time"
)

// Article size bounds in bytes, header included.
const (
	minArticle  = 2100
	meanArticle = 4000
	sdArticle   = 850
	maxArticle  = 6000
)

// ctx is what the slots of one sentence refer to.
type ctx struct {
	s, t           int // speaker and target person (world.people)
	sp, tp, tp2    int // the speaker's, the target and a third party
	o, o2          int // two organisations
	pl, pl2        int // two places
	evPast, evNext int // the latest past and the next event
	year           int // the article's year
}

// art writes one article at a time; a worker reuses one for many articles.
// Nothing in it outlives an article but its buffers.
type art struct {
	w   *world
	pcg *rand.PCG
	r   *rand.Rand
	// sigPCG and sigR draw a speaker's signature quotes.
	sigPCG *rand.PCG
	sigR   *rand.Rand
	sig    bool

	buf   []byte
	day   int
	date  time.Time
	curly bool

	// The cast: people (index 0 is the main speaker), parties, organisations
	// and places the article is about.
	people, parties, orgs, places []int
	// Entities introduced so far, for first and later mentions; roleKnown
	// lists the people whose role the article has stated.
	introP, introParty, introOrg, roleKnown []int
	// last is the person named last, lastSubj the last person who was a
	// subject; a pronoun is used only when both are the same person.
	last, lastSubj int

	c ctx
}

func newArt(w *world) *art {
	a := &art{w: w, pcg: rand.NewPCG(0, 0), sigPCG: rand.NewPCG(0, 0)}
	a.r = rand.New(a.pcg)
	a.sigR = rand.New(a.sigPCG)
	return a
}

// generate returns the text of article i of n. The returned slice is reused
// by the next call.
func (a *art) generate(i, n int) []byte {
	a.pcg.Seed(mix(a.w.seed), mix(uint64(i)^0x51a7_e0ff_a3b1_c2d4))
	a.reset()
	a.day = articleDay(a.r, i, n)
	a.date = a.w.start.AddDate(0, 0, a.day)
	a.curly = a.r.IntN(4) != 0
	a.pickCast()
	a.setContext(true)

	a.put("date ")
	a.buf = a.date.AppendFormat(a.buf, "2006-01-02")
	a.put("\n\n")
	a.headline()
	a.put("\n\n")
	a.sentence(pick(a.r, leadSentences()))
	a.body(a.targetSize())
	a.put("\n")
	return a.buf
}

func (a *art) reset() {
	a.buf = a.buf[:0]
	a.people, a.parties, a.orgs, a.places = a.people[:0], a.parties[:0], a.orgs[:0], a.places[:0]
	a.introP, a.introParty, a.introOrg = a.introP[:0], a.introParty[:0], a.introOrg[:0]
	a.roleKnown = a.roleKnown[:0]
	a.last, a.lastSubj = -1, -1
	a.sig = false
}

// articleDay spreads articles over spanDays in index order, jittered by a
// few days.
func articleDay(r *rand.Rand, i, n int) int {
	d := int(int64(i)*spanDays/int64(max(n, 1))) + r.IntN(7) - 3
	return min(max(d, 0), spanDays-1)
}

// targetSize draws a length of about meanArticle bytes.
func (a *art) targetSize() int {
	s := int(meanArticle + a.r.NormFloat64()*sdArticle)
	return min(max(s, minArticle), maxArticle-200)
}

// Paragraph kinds and their weights out of 100.
const (
	paraQuote = iota
	paraReported
	paraDispute
	paraSupport
	paraNarrative
	paraEmbed
)

var paraWeights = [...]int{26, 15, 9, 6, 42, 2}

// body adds paragraphs until the article reaches target bytes; a paragraph
// that would push it past maxArticle is dropped.
func (a *art) body(target int) {
	embedded := false
	for len(a.buf) < target {
		mark := len(a.buf)
		a.put("\n\n")
		kind := a.paraKind()
		if kind == paraEmbed && embedded {
			kind = paraNarrative
		}
		embedded = embedded || kind == paraEmbed
		a.paragraph(kind)
		if len(a.buf)+1 > maxArticle { // +1 for the final newline
			a.buf = a.buf[:mark]
			return
		}
	}
}

func (a *art) paraKind() int {
	n := a.r.IntN(100)
	for k, w := range paraWeights {
		if n < w {
			return k
		}
		n -= w
	}
	return paraNarrative
}

func (a *art) paragraph(kind int) {
	a.setContext(false)
	switch kind {
	case paraQuote:
		a.sentence(pick(a.r, quoteFrames()))
		a.maybeFollowup(25)
	case paraReported:
		a.sentence(pick(a.r, reportedSentences()))
		a.maybeFollowup(20)
	case paraDispute:
		a.sentence(pick(a.r, disputeSentences()))
		a.maybeFollowup(35)
	case paraSupport:
		a.sentence(pick(a.r, supportSentences()))
		a.maybeFollowup(30)
	case paraNarrative:
		a.preferPartyMember()
		a.narrative(2 + a.r.IntN(2))
	case paraEmbed:
		a.embed()
	}
}

// narrative writes n different background sentences.
func (a *art) narrative(n int) {
	k := a.r.IntN(len(narrativeSentences()))
	for j := range n {
		if j > 0 {
			a.put(" ")
			k = (k + 1 + a.r.IntN(len(narrativeSentences())/n)) % len(narrativeSentences())
		}
		a.sentence(narrativeSentences()[k])
	}
}

// maybeFollowup adds, with probability pct percent, a sentence by the same
// speaker, when the sentence before had that speaker as its subject.
func (a *art) maybeFollowup(pct int) {
	if a.r.IntN(100) >= pct || a.lastSubj != a.c.s {
		return
	}
	fs := quoteFollowups()
	if endsInQuote(a.buf) {
		fs = fs[:speakerFirst]
	}
	a.put(" ")
	a.sentence(pick(a.r, fs))
}

// sentence expands a template and capitalises its first letter.
func (a *art) sentence(t tmpl) {
	start := len(a.buf)
	a.expand(t)
	capFirst(a.buf, start)
}

func (a *art) expand(t tmpl) {
	for i := range t {
		sg := &t[i]
		switch {
		case sg.alts != nil:
			a.expand(sg.alts[a.r.IntN(len(sg.alts))])
		case sg.slot != slotNone:
			a.fill(sg.slot)
		default:
			a.buf = append(a.buf, sg.lit...)
		}
	}
}

// endsInQuote reports whether b ends with a closing quote mark.
func endsInQuote(b []byte) bool {
	return len(b) > 0 && b[len(b)-1] == '"' || len(b) >= 3 && string(b[len(b)-3:]) == "”"
}

func pick(r *rand.Rand, ts []tmpl) tmpl { return ts[r.IntN(len(ts))] }

func (a *art) put(s string) { a.buf = append(a.buf, s...) }

// capFirst upper-cases the first ASCII letter at or after start, skipping
// quote marks; it stops at a digit or capital.
func capFirst(b []byte, start int) {
	for i := start; i < len(b) && i < start+8; i++ {
		switch c := b[i]; {
		case c >= 'a' && c <= 'z':
			b[i] = c - 'a' + 'A'
			return
		case c >= 'A' && c <= 'Z', c >= '0' && c <= '9':
			return
		}
	}
}

// pickCast chooses the article's people (Zipf-distributed, no two sharing a
// surname), their parties, organisations and places, and its events.
func (a *art) pickCast() {
	w := a.w
	want := 3 + a.r.IntN(4)
	for tries := 0; len(a.people) < want && tries < 60; tries++ {
		a.addPerson(draw(a.r, w.peopleCDF))
	}
	for p := 0; len(a.people) < 2; p++ {
		a.addPerson(p)
	}
	for _, p := range a.people {
		pe := &w.people[p]
		if pe.party >= 0 {
			a.parties = addUnique(a.parties, pe.party)
		}
		if pe.org >= 0 {
			a.orgs = addUnique(a.orgs, pe.org)
		}
		if pe.place >= 0 {
			a.places = addUnique(a.places, pe.place)
		}
	}
	for len(a.parties) < 3 {
		a.parties = addUnique(a.parties, draw(a.r, w.partyCDF))
	}
	for len(a.orgs) < 2 {
		a.orgs = addUnique(a.orgs, draw(a.r, w.orgCDF))
	}
	for len(a.places) < 3 {
		a.places = addUnique(a.places, draw(a.r, w.placeCDF))
	}
	a.c.evPast, a.c.evNext = w.eventsAround(a.day)
	a.c.year = a.date.Year()
}

func (a *art) addPerson(p int) {
	last := a.w.people[p].last
	for _, q := range a.people {
		if q == p || a.w.people[q].last == last {
			return
		}
	}
	a.people = append(a.people, p)
}

func addUnique(xs []int, x int) []int {
	for _, y := range xs {
		if y == x {
			return xs
		}
	}
	return append(xs, x)
}

// setContext picks the speaker, target and the other entities the next
// paragraph's slots refer to; main forces the main speaker.
func (a *art) setContext(main bool) {
	c, w, r := &a.c, a.w, a.r
	c.s = a.people[0]
	if !main && r.IntN(100) >= 40 {
		c.s = a.people[1+r.IntN(len(a.people)-1)]
	}
	c.t = a.pickTarget(c.s)
	c.sp = w.people[c.s].party
	if c.sp < 0 {
		c.sp = a.parties[r.IntN(len(a.parties))]
	}
	c.tp = w.people[c.t].party
	if c.tp < 0 || c.tp == c.sp {
		c.tp = a.otherParty(c.sp, -1)
	}
	c.tp2 = a.otherParty(c.sp, c.tp)
	k := r.IntN(len(a.orgs))
	c.o, c.o2 = a.orgs[k], a.orgs[(k+1)%len(a.orgs)]
	c.pl = a.places[r.IntN(len(a.places))]
	c.pl2 = a.places[r.IntN(len(a.places))]
	if c.pl2 == c.pl {
		c.pl2 = a.places[(indexOf(a.places, c.pl)+1)%len(a.places)]
	}
}

// preferPartyMember makes a cast member with a party the speaker when the
// current one has none, since background sentences speak of the speaker's
// party as theirs.
func (a *art) preferPartyMember() {
	w := a.w
	if w.people[a.c.s].party >= 0 {
		return
	}
	for _, p := range a.people {
		if pa := w.people[p].party; pa >= 0 && p != a.c.t {
			a.c.s, a.c.sp = p, pa
			if a.c.tp == pa || a.c.tp2 == pa {
				a.c.tp = a.otherParty(pa, -1)
				a.c.tp2 = a.otherParty(pa, a.c.tp)
			}
			return
		}
	}
}

// pickTarget returns a cast member other than s, preferring one from
// another party.
func (a *art) pickTarget(s int) int {
	off := a.r.IntN(len(a.people))
	fallback := -1
	for k := range a.people {
		p := a.people[(off+k)%len(a.people)]
		if p == s {
			continue
		}
		if a.w.people[p].party != a.w.people[s].party {
			return p
		}
		if fallback < 0 {
			fallback = p
		}
	}
	return fallback
}

// otherParty returns a cast party that is neither x nor y, drawing more
// parties into the cast if needed.
func (a *art) otherParty(x, y int) int {
	off := a.r.IntN(len(a.parties))
	for k := range a.parties {
		if p := a.parties[(off+k)%len(a.parties)]; p != x && p != y {
			return p
		}
	}
	for {
		if p := draw(a.r, a.w.partyCDF); p != x && p != y {
			a.parties = append(a.parties, p)
			return p
		}
	}
}

func indexOf(xs []int, x int) int {
	for i, y := range xs {
		if y == x {
			return i
		}
	}
	return -1
}

// headline writes a headline (no final punctuation) from plain names, so
// that it introduces nobody.
func (a *art) headline() {
	c, w := &a.c, a.w
	who := w.people[c.s].last
	sp, tp := w.parties[c.sp].acr, w.parties[c.tp].acr
	ev := strings.TrimPrefix(w.events[c.evPast].name, "the ")
	next := strings.TrimPrefix(w.events[c.evNext].name, "the ")
	switch a.r.IntN(7) {
	case 0:
		a.put(sp + " accuses " + tp + " of rigging " + ev)
	case 1:
		a.put(who + " rejects " + tp + " claims over " + ev)
	case 2:
		a.put("Row over " + ev + " deepens as " + who + " hits back")
	case 3:
		a.put("Leaked audio: " + who + " says " + tp + " mandate is fabricated")
	case 4:
		a.put(sp + " and " + tp + " trade accusations ahead of " + next)
	case 5:
		a.put(who + " vows to challenge results in " + w.places[c.pl])
	default:
		a.put(tp + " denies " + who + "'s allegations")
	}
}

// embed writes an embedded social-media post by someone outside the cast.
func (a *art) embed() {
	start := len(a.buf)
	a.expand(embedTexts()[a.r.IntN(len(embedTexts()))])
	capFirst(a.buf, start)
	a.put(" pic.twitter.com/")
	const alnum = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
	for range 10 {
		a.buf = append(a.buf, alnum[a.r.IntN(len(alnum))])
	}
	p := a.outsider()
	pe := &a.w.people[p]
	a.put(" " + pe.full + " (@" + pe.first + pe.last + ") ")
	a.put(monthNames[a.date.Month()-1] + " ")
	a.buf = appendInt(a.buf, a.date.Day())
	a.put(", ")
	a.buf = appendInt(a.buf, a.date.Year())
}

// outsider returns a person outside the cast whose surname no cast member
// shares.
func (a *art) outsider() int {
	for {
		p := numParties + a.r.IntN(numPeople-numParties)
		ok := true
		for _, q := range a.people {
			ok = ok && a.w.people[q].last != a.w.people[p].last
		}
		if ok {
			return p
		}
	}
}
