package extract

import (
	"slices"
	"strings"

	"github.com/claimgraph/claimgraph/graph"
)

// Stances: a speaker who denies, dismisses or rejects (disputes), or
// confirms, backs or echoes (supports), takes that stance towards earlier
// claims of the article. Which ones the sentence names in one of two ways:
//
//   - by an object: "rejected the allegations", "dismissed them as …",
//     "backed Lind", "rejected Marsh's claims", "backed the recount";
//     objectTargets resolves it, and the object is no claim of its own;
//   - by a that-clause that says again what an earlier claim said:
//     "confirmed that the count was rigged" (sameContent).

// statementNouns name something said or decided, so that "Y's <noun>"
// names Y's claims: "Kovac's decision", "Marsh's remarks".
var statementNouns = setOf(`account accounts version versions story stories remarks remark comments comment words
	report reports decision decisions explanation explanations testimony criticism criticisms complaint complaints`)

// saidNouns name something said as a whole: "rejected that account".
var saidNouns = setOf(`account accounts version versions story stories remarks remark comments comment words
	explanation explanations testimony`)

// criticismNouns name someone else's criticism: "rejected the criticism"
// disputes the last allegation before it.
var criticismNouns = setOf(`criticism criticisms complaint complaints`)

// statementVerbs take statements as their object: "denied this", "backed
// Lind" (what Lind said), "backed the recount" (what was announced). Other
// stance verbs ("criticized the president", "opposed the bill") more
// often take a person or a policy than a claim.
var statementVerbs = setOf(`deny dismiss reject dispute rebut refute contradict confirm echo back corroborate`)

// overlapStops are words too common to show that two claims say the same.
var overlapStops = setOf(`the and that this these those with from have has had was were are been for not but his her
	its their they them will would could should there which what when who into about than then also only any all
	she he we our you your said says say did does`)

// stanceRef is a speaker's stance towards the claims an object names.
type stanceRef struct {
	speaker  int // entity, or -1
	at       int // cue token
	from, to int // object tokens
	class    cueClass
	lemma    string
	// claim is the claim of the clause that goes on from the stance
	// ("denied this, saying …"), which shares it, or -1.
	claim int
}

// stance is a disputes or supports edge between a speaker or claim and a
// target claim.
type stance struct {
	from      int // speaker entity
	fromClaim int // or claim index, -1
	to        int // target claim index
	rel       graph.Rel
	rule      string
	start     int // byte span of the stance's words
	end       int
}

// stanceRel returns the relation of a stance class.
func stanceRel(c cueClass) graph.Rel {
	if c == cueSupport {
		return graph.Supports
	}
	return graph.Disputes
}

// stanceNounAt returns the claim noun among the first words of the
// object at k ("the allegations", "any suggestion", "that account"), or
// -1. With refs set, nouns that only refer to a statement count too.
func (x *extraction) stanceNounAt(k, hi int, refs bool) int {
	d := x.d
	isNoun := func(n int) bool {
		w := d.tokLow(n)
		return claimNouns[w] || refs && statementNouns[w]
	}
	words := 0
	for n := k; n < hi && words < 4; n++ {
		t := d.toks[n]
		switch {
		case t.kind == tPoss:
		case t.kind != tWord:
			return -1
		case isNoun(n):
			return n
		case x.e.mentAt[n] >= 0 && x.e.ments[x.e.mentAt[n]].to < hi && d.toks[x.e.ments[x.e.mentAt[n]].to].kind == tPoss:
			// "Marsh's claims": skip the owner's name.
			n = x.e.ments[x.e.mentAt[n]].to - 1
		case determiners[d.tokLow(n)] || !t.cap:
			words++
		default:
			return -1
		}
	}
	return -1
}

// claimNounAt returns the claim noun that starts the object at k, or -1.
func (x *extraction) claimNounAt(k, hi int) int {
	return x.stanceNounAt(k, hi, false)
}

// objectKind tells what the words after a stance verb are.
type objectKind uint8

const (
	objClause objectKind = iota // a clause or quote: the content of a claim
	objRef                      // an object that names earlier claims
	objBare                     // a noun phrase that names none: "denied any wrongdoing"
)

// stanceObject looks at the content of a stance verb (cue c, subject
// speaker) that starts at k. An object that names earlier claims
// ("rejected the allegations", "backed Lind", "rejected Marsh's claims",
// "denied this") is recorded as a stanceRef and makes no claim: objRef.
// A noun phrase that names no claim ("denied any wrongdoing") is objBare:
// its claim keeps the verb, or it would read as the opposite of what was
// said. Anything else is objClause.
func (x *extraction) stanceObject(speaker, c, k, hi int, info cueInfo) objectKind {
	d := x.d
	if k >= hi || d.isWord(k-1, "as") || d.toks[k].kind == tQuote || d.isPunct(k-1, ":") || d.isPunct(k-1, ",") {
		return objClause
	}
	end := x.cutAtNextCue(k, hi)
	for end > k && d.toks[end-1].kind == tPunct && !d.isPunct(end-1, ")") {
		end--
	}
	from := k
	if n := x.stanceNounAt(k, end, false); n < 0 || d.isWord(k-1, "that") {
		if !x.bareObject(k, end) {
			return objClause
		}
		if d.isWord(k-1, "that") {
			from = k - 1 // "rejected that account": a determiner
		}
		if len(x.objectTargets(speaker, from, end, c, info.lemma)) == 0 {
			return objBare
		}
	}
	x.stanceRefs = append(x.stanceRefs, stanceRef{speaker: speaker, at: c, from: from, to: end, class: info.class, lemma: info.lemma, claim: -1})
	// "…, saying …": the clause that goes on shares the stance.
	if j := end; j+1 < hi && d.isPunct(j, ",") {
		if next, ok := x.cueAt(j + 1); ok && next.ing {
			if x.stanceVia == nil {
				x.stanceVia = map[int]int{}
			}
			x.stanceVia[j+1] = len(x.stanceRefs)
		}
	}
	return objRef
}

// verbGroupStart returns the first token of the verb group that ends with
// the cue c, not before lo: "has not denied", "would never back".
func (x *extraction) verbGroupStart(c, lo int) int {
	d := x.d
	s := c
	for s > lo && d.toks[s-1].kind == tWord {
		w := d.tokLow(s - 1)
		if !linkingAdverbs[w] && !aux[w] && !modalWords[w] {
			break
		}
		s--
	}
	return s
}

// modalWords may stand in a verb group before a cue: "will not support".
var modalWords = setOf(`not never n't will would can could should may might must do does did`)

// bareObject reports whether tokens [from,to) are a noun phrase with no
// verb, clause word or quote in it: "the recount", "Kovac's decision in a
// short statement", "calls from the opposition for a snap election".
func (x *extraction) bareObject(from, to int) bool {
	d := x.d
	if to <= from || to-from > 14 {
		return false
	}
	for k := from; k < to; k++ {
		t := d.toks[k]
		switch t.kind {
		case tQuote:
			return false
		case tWord:
			w := d.tokLow(k)
			if t.cap {
				continue
			}
			if npStop[w] && w != "and" && w != "or" {
				return false
			}
			if info, ok := cueForms[w]; ok && (info.past || info.ing) {
				return false
			}
		}
	}
	return true
}

// objectTargets resolves the object [from,to) of a stance taken at cue
// token at by speaker: a pronoun, a claim noun ("the allegations", "Y's
// claims"), a possessive ("Y's decision"), a speaker ("backed Lind") or
// a thing an earlier claim names ("backed the recount"). It returns
// earlier claims of other speakers, or none when nothing fits.
func (x *extraction) objectTargets(speaker, from, to, at int, lemma string) []int {
	d := x.d
	statement := statementVerbs[lemma]
	if to-from == 1 && statement {
		switch d.tokLow(from) {
		case "this", "that", "it":
			return x.lastClaimOf(-1, speaker, at)
		case "them", "these", "those":
			// News often names the allegations a dismissal refers to
			// only after it: any allegation of the article will do.
			if t := x.allegationsBefore(speaker, len(x.d.toks)); len(t) > 0 {
				return t
			}
			return x.lastClaimOf(-1, speaker, at)
		}
	}
	if n := x.stanceNounAt(from, to, true); n >= 0 {
		// "allegations by X that …": the claim the noun introduces.
		var own []int
		for j, c := range x.claims {
			if c.cue == n {
				own = append(own, j)
			}
		}
		if len(own) > 0 {
			return own
		}
		w := d.tokLow(n)
		plural := pluralNoun(w)
		if owner, named := x.nounOwner(from, n, to); named {
			// "Marsh's claims", "the commission's decision": the owner's
			// claims, or none when the owner is unknown or said nothing.
			if owner < 0 {
				return nil
			}
			return x.claimsOf(owner, at, plural)
		}
		switch {
		case criticismNouns[w]:
			if t := x.allegationsBefore(speaker, at); len(t) > 0 {
				if plural {
					return t
				}
				return t[len(t)-1:]
			}
			return nil
		case claimNouns[w] && (plural || !x.definite(from, n)):
			return x.allegationsBefore(speaker, at)
		case claimNouns[w] || statement && saidNouns[w] && x.definite(from, n):
			// "rejected the claim", "rejected that account"
			return x.lastClaimOf(-1, speaker, at)
		}
	}
	if !statement {
		return nil
	}
	// "backed Lind", "backed the commission": what the speaker said last.
	if ent := x.speakerNamed(from, to); ent >= 0 {
		return x.claimsOf(ent, at, false)
	}
	if x.definite(from, from+1) {
		if head := x.headNoun(from, to); head >= 0 {
			return x.firstClaimNaming(d.tokLow(head), speaker, at)
		}
	}
	return nil
}

// pluralNoun reports whether a lower-case noun looks plural.
func pluralNoun(w string) bool {
	return strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss")
}

// definite reports whether the words [from,n) hold a definite determiner
// or a possessive: "the claim", "that account", "his remarks".
func (x *extraction) definite(from, n int) bool {
	d := x.d
	for k := from; k < n; k++ {
		if d.toks[k].kind == tPoss {
			return true
		}
		switch d.tokLow(k) {
		case "the", "this", "that", "these", "those", "his", "her", "its", "their":
			return true
		}
	}
	return false
}

// speakerMention returns the speaker-kind entity mentioned at token k, or
// -1.
func (x *extraction) speakerMention(k int) int {
	e := x.e
	if k < 0 || k >= len(e.mentAt) || e.mentAt[k] < 0 {
		return -1
	}
	ent := e.ments[e.mentAt[k]].ent
	if !e.list[ent].kind.IsSpeaker() {
		return -1
	}
	return ent
}

// nounOwner returns whose claims the claim noun n names: "Y's claims",
// "the claims of Y", "allegations by Y". named is false when the object
// names no owner; owner is -1 when a possessive names one that is not
// known ("the commission's decision" with no commission in the article).
func (x *extraction) nounOwner(from, n, to int) (owner int, named bool) {
	d := x.d
	for k := from + 1; k < n; k++ {
		if d.toks[k].kind == tPoss {
			return x.speakerNamed(from, k), true
		}
	}
	k := n + 1
	if k < to && (d.isWord(k, "by") || d.isWord(k, "from") || d.isWord(k, "of")) {
		e := k + 1
		for e < to && d.toks[e].kind == tWord && !prepositions[d.tokLow(e)] {
			e++
		}
		// "suggestion of fraud" names no owner; "claims by the CRP" does.
		if owner := x.speakerNamed(k+1, e); owner >= 0 {
			return owner, true
		}
	}
	return -1, false
}

// speakerNamed returns the speaker the phrase [from,to) names: a name
// ending it ("Lind", "Prime Minister Tomas Brandt"), or a party or
// organisation by the word that heads it ("the commission"), or -1.
func (x *extraction) speakerNamed(from, to int) int {
	e := x.e
	if to <= from {
		return -1
	}
	if m := e.mentAt[to-1]; m >= 0 {
		if e.ments[m].from < from {
			return -1
		}
		return x.speakerMention(to - 1)
	}
	if to-from == 2 && x.d.isWord(from, "the") {
		if ent := x.byDescription(from, to); ent >= 0 {
			return ent
		}
		return x.orgByHead(x.d.tokLow(from+1), from)
	}
	return -1
}

// orgByHead returns the party or organisation last mentioned before
// token at whose name holds the word w: "the commission" for the Federal
// Election Commission, or -1.
func (x *extraction) orgByHead(w string, at int) int {
	return x.lastOrg(at, func(ent *entity) bool { return nameHasWord(ent, w) })
}

// lastOrg returns the party or organisation that match accepts and that
// was mentioned last before token at, or -1.
func (x *extraction) lastOrg(at int, match func(*entity) bool) int {
	e := x.e
	best, bestPos := -1, -1
	for idx := range e.list {
		ent := &e.list[idx]
		if ent.dropped || ent.kind != graph.Party && ent.kind != graph.Organization || !match(ent) {
			continue
		}
		if p := e.lastMentionBefore(idx, at); p >= 0 && p > bestPos {
			best, bestPos = idx, p
		}
	}
	return best
}

// nameHasWord reports whether the name or an alias of ent holds the word
// w, ignoring case.
func nameHasWord(ent *entity, w string) bool {
	has := func(name string) bool {
		for f := range strings.FieldsSeq(name) {
			if strings.EqualFold(f, w) {
				return true
			}
		}
		return false
	}
	return has(ent.name) || slices.ContainsFunc(ent.aliases, has)
}

// headNoun returns the head of the noun phrase [from,to): its last
// lower-case word before a preposition or comma, or -1.
func (x *extraction) headNoun(from, to int) int {
	d := x.d
	head := -1
	for k := from; k < to; k++ {
		t := d.toks[k]
		if t.kind != tWord {
			if t.kind == tPunct {
				break
			}
			continue
		}
		w := d.tokLow(k)
		if prepositions[w] || w == "and" || w == "or" {
			break
		}
		if !t.cap && !determiners[w] && len(w) >= 3 {
			head = k
		}
	}
	if head >= 0 && (titleWords[d.tokLow(head)] || groupNouns[d.tokLow(head)]) {
		return -1 // a person or a body, not a thing said
	}
	return head
}

// claimPos returns where claim j starts in the text.
func (x *extraction) claimPos(j int) int {
	return x.claims[j].parts[0].from
}

// otherBefore reports whether claim j is a claim of a known speaker other
// than speaker, made before token at.
func (x *extraction) otherBefore(j, speaker, at int) bool {
	c := x.claims[j]
	return c.speaker >= 0 && c.speaker != speaker && x.claimPos(j) < at
}

// claimsOf returns the claims of owner made before token at: all of them,
// or only the latest.
func (x *extraction) claimsOf(owner, at int, all bool) []int {
	var out []int
	for j, c := range x.claims {
		if c.speaker == owner && x.claimPos(j) < at {
			out = append(out, j)
		}
	}
	if all || len(out) == 0 {
		return out
	}
	last := out[0]
	for _, j := range out[1:] {
		if x.claimPos(j) > x.claimPos(last) {
			last = j
		}
	}
	return []int{last}
}

// lastClaimOf returns the latest claim before token at by another speaker
// than speaker (owner, when not -1, must have made it).
func (x *extraction) lastClaimOf(owner, speaker, at int) []int {
	best := -1
	for j, c := range x.claims {
		if !x.otherBefore(j, speaker, at) || owner >= 0 && c.speaker != owner {
			continue
		}
		if best < 0 || x.claimPos(j) > x.claimPos(best) {
			best = j
		}
	}
	if best < 0 {
		return nil
	}
	return []int{best}
}

// allegationsBefore returns the allegations other speakers made before
// token at.
func (x *extraction) allegationsBefore(speaker, at int) []int {
	var out []int
	for j, c := range x.claims {
		if x.otherBefore(j, speaker, at) && x.isAllegation(c) {
			out = append(out, j)
		}
	}
	return out
}

// firstClaimNaming returns the first claim before token at, by another
// speaker, whose words hold the noun w: the claim that brought the thing
// into the article ("backed the recount").
func (x *extraction) firstClaimNaming(w string, speaker, at int) []int {
	d := x.d
	best := -1
	for j, c := range x.claims {
		if !x.otherBefore(j, speaker, at) || best >= 0 && x.claimPos(j) > x.claimPos(best) {
			continue
		}
		for _, p := range c.parts {
			for k := p.from; k < p.to; k++ {
				if d.toks[k].kind == tWord && d.tokLow(k) == w {
					best = j
				}
			}
		}
	}
	if best < 0 {
		return nil
	}
	return []int{best}
}

// isAllegation reports whether a claim was made as an allegation: by a
// noun such as "allegations", or with claimed, alleged or accused.
func (x *extraction) isAllegation(c claimCand) bool {
	l := x.claimCue(c)
	return c.rule == "reported/noun-that" || l == "claim" || l == "allege" || l == "accuse"
}

// claimCue returns the lemma of a claim's cue verb, or "".
func (x *extraction) claimCue(c claimCand) string {
	if c.cue < 0 {
		return ""
	}
	if info, ok := cueForms[x.d.tokLow(c.cue)]; ok {
		return info.lemma
	}
	return ""
}

// stances returns the disputes and supports edges claim ci makes: its cue
// disputes ("dismissed them as …", "denied that …") or supports ("confirmed
// that …") the claims of others that it refers to.
func (x *extraction) stances(ci int) []stance {
	c := x.claims[ci]
	if c.stance != cueDispute && c.stance != cueSupport {
		return nil
	}
	rel := stanceRel(c.stance)
	start, end := x.claimSpan(c)
	var out []stance
	for _, t := range x.stanceTargets(ci) {
		if c.speaker >= 0 {
			out = append(out, stance{from: c.speaker, fromClaim: -1, to: t, rel: rel, rule: "stance/" + string(rel), start: start, end: end})
		}
		out = append(out, stance{from: -1, fromClaim: ci, to: t, rel: rel, rule: "stance/" + string(rel), start: start, end: end})
	}
	return out
}

// stanceTargets picks the claims a disputing or supporting claim refers
// to: those its object names when the content follows "as" ("dismissed
// them as …"), else an earlier claim that its clause says again.
func (x *extraction) stanceTargets(ci int) []int {
	d := x.d
	c := x.claims[ci]
	if c.cue < 0 {
		return nil
	}
	first := c.parts[0].from
	// The content may keep its object ("dismissed them as “…”", as
	// annotators mark a quoted verdict): the object ends at its "as".
	for k := first; k < c.parts[0].to && k < first+6; k++ {
		if d.isWord(k, "as") && k > c.cue+1 {
			first = k + 1
			break
		}
	}
	if first-1 > c.cue+1 && d.isWord(first-1, "as") {
		var out []int
		for _, t := range x.objectTargets(c.speaker, c.cue+1, first-1, c.cue, x.claimCue(c)) {
			if t != ci && x.claims[t].speaker != c.speaker {
				out = append(out, t)
			}
		}
		return out
	}
	return x.sameContent(ci)
}

// sameContent returns the earlier claim of another speaker that claim ci
// says again ("X claimed the count was rigged. Y confirmed that the count
// was rigged."): the one sharing the most content words, when at least
// two and half of them are shared.
func (x *extraction) sameContent(ci int) []int {
	c := x.claims[ci]
	mine := x.contentWords(c)
	best, bestScore := -1, 0.0
	for j := range x.claims {
		if j == ci || !x.otherBefore(j, c.speaker, c.cue) {
			continue
		}
		theirs := x.contentWords(x.claims[j])
		shared := 0
		for w := range mine {
			if theirs[w] {
				shared++
			}
		}
		if shared < 2 {
			continue
		}
		score := 2 * float64(shared) / float64(len(mine)+len(theirs))
		if score >= 0.5 && score > bestScore {
			best, bestScore = j, score
		}
	}
	if best < 0 {
		return nil
	}
	return []int{best}
}

// contentWords returns the lower-case words of three letters or more of a
// claim, without common function words.
func (x *extraction) contentWords(c claimCand) map[string]bool {
	d := x.d
	out := map[string]bool{}
	for _, p := range c.parts {
		for k := p.from; k < p.to; k++ {
			if d.toks[k].kind != tWord {
				continue
			}
			w := d.tokLow(k)
			if len(w) >= 3 && !overlapStops[w] {
				out[w] = true
			}
		}
	}
	return out
}

// refStances returns the stances of stanceRefs, from the speaker and from
// the claim that shares the stance, towards the claims the object names.
func (x *extraction) refStances() []stance {
	d := x.d
	var out []stance
	for _, r := range x.stanceRefs {
		rel := stanceRel(r.class)
		start, end := d.toks[r.at].start, d.toks[r.to-1].end
		for _, t := range x.objectTargets(r.speaker, r.from, r.to, r.at, r.lemma) {
			if t == r.claim || r.speaker >= 0 && x.claims[t].speaker == r.speaker {
				continue
			}
			if r.speaker >= 0 {
				out = append(out, stance{from: r.speaker, fromClaim: -1, to: t, rel: rel, rule: "stance/" + string(rel), start: start, end: end})
			}
			if r.claim >= 0 {
				cs, ce := x.claimSpan(x.claims[r.claim])
				out = append(out, stance{from: -1, fromClaim: r.claim, to: t, rel: rel, rule: "stance/" + string(rel), start: cs, end: ce})
			}
		}
	}
	return out
}
