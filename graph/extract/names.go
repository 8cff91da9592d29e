package extract

import (
	"strings"

	"github.com/claimgraph/claimgraph/graph"
)

// rawMention is a name found in the text before resolution.
type rawMention struct {
	from, to  int
	kind      graph.Kind
	titleFrom int // first title token inside the run, or -1
	modFrom   int // first token of a modifier before the title (Eastmark in Eastmark Governor), or -1
	acronym   int // token index of an acronym defined after the name, or -1
	handle    int // token index of an @handle given after the name, or -1
	gender    byte
	headline  bool
	sent      int
	// name overrides the text of the tokens as the entity's name.
	name string
	// surnameOnly marks a lone common word kept as a surname ("Will
	// wrote"): it names only a person already named in full.
	surnameOnly bool
}

// findMentions finds the capitalised names of the article and guesses their
// kinds from their words and context.
func (d *document) findMentions() []rawMention {
	lower := d.lowerWords(initialCandidates(d))
	var out, held []rawMention
	var places []int // one-word places beside a cue, indexes into out
	for s := range d.sents {
		first := d.sentenceFirstWord(s)
		headline := d.isTitleCase(s)
		for _, r := range d.findRuns(s) {
			n := len(out)
			d.addRun(&out, r, first, lower, headline, s)
			if r.to-r.from != 1 || headline || !d.besideCue(r.from) {
				continue
			}
			switch {
			case len(out) == n:
				held = append(held, rawMention{from: r.from, to: r.to, kind: graph.Person, titleFrom: -1, modFrom: -1,
					acronym: -1, handle: -1, sent: s, surnameOnly: true})
			case out[n].kind == graph.Place && out[n].to-out[n].from == 1:
				places = append(places, n)
			}
		}
	}
	return append(out, knownSurnames(d, out, held, places)...)
}

// addRun classifies the capitalised run r of sentence s and appends the
// mention it makes, if any, to out.
func (d *document) addRun(out *[]rawMention, r run, first int, lower map[string]bool, headline bool, s int) {
	r = d.stripInitial(r, first, lower)
	// "Former Governor X" loses "Former", but "National Renewal
	// Party" and "Federal Election Commission" keep their first
	// word: there it is part of an organisation's name.
	for r.from < r.to-1 && seniorityWords[d.tokLow(r.from)] && !titleWords[d.tokLow(r.from)] && !d.orgLike(r.from, r.to) {
		r.from++
	}
	for r.from < r.to && d.toks[r.from].kind == tPunct {
		r.from++
	}
	// "Leader of the Opposition Jane Roe": the office ends the title, the
	// name follows.
	for r.from < r.to-2 && officeNouns[d.tokLow(r.from)] && (d.isWord(r.from-1, "the") && d.isWord(r.from-2, "of") || d.isWord(r.from-1, "of")) {
		r.from++
	}
	r.to = d.trimRunEnd(r)
	if r.from >= r.to {
		return
	}
	m, ok := d.classifyRun(r)
	if !ok {
		return
	}
	m.headline = headline
	m.sent = s
	*out = append(*out, m)
}

// besideCue reports whether the one-word run at i stands where a speaker
// does: before a past or third-person cue verb ("Will wrote", "King
// says"), or after a cue verb that ends an inverted frame ("…,” said
// Read.).
func (d *document) besideCue(i int) bool {
	if i+1 < len(d.toks) && d.toks[i+1].kind == tWord && !d.toks[i+1].cap {
		w := d.tokLow(i + 1)
		if info, ok := cueForms[w]; ok && (info.past || info.base && strings.HasSuffix(w, "s")) {
			return true
		}
	}
	if i > 0 && d.toks[i-1].kind == tWord && !d.toks[i-1].cap && (i+1 >= len(d.toks) || d.toks[i+1].kind == tPunct) {
		info, ok := cueForms[d.tokLow(i-1)]
		return ok && (info.past || info.base)
	}
	return false
}

// knownSurnames returns the held one-word mentions whose word is the last
// word of a person's full name found in the article, as that person's
// surname: a surname that is also a common word, title or month ("George
// Will … Will wrote", "Ian Read … Read said"). The one-word places of out
// at the given indexes become such surnames too ("Steve Israel … Israel
// said").
func knownSurnames(d *document, out, held []rawMention, places []int) []rawMention {
	if len(held) == 0 && len(places) == 0 {
		return nil
	}
	last := map[string]bool{}
	for _, m := range out {
		if m.kind == graph.Person && !m.headline && d.wordCount(m.from, m.to) >= 2 {
			last[d.plainWord(m.to-1)] = true
		}
	}
	for _, k := range places {
		if last[d.plainWord(out[k].from)] {
			out[k].kind, out[k].surnameOnly = graph.Person, true
		}
	}
	var keep []rawMention
	for _, m := range held {
		if w := d.plainWord(m.from); last[w] && w != "i" && !personPronouns[w] {
			keep = append(keep, m)
		}
	}
	return keep
}

// trimRunEnd drops from the end of a run what cannot end a name: a
// weekday or month ("Smith Monday") unless a cue verb follows it, a
// post-nominal (MP), and a connector left dangling when those go
// ("Supreme Court on Thursday" -> "Supreme Court"). It returns the new
// end.
func (d *document) trimRunEnd(r run) int {
	for r.to > r.from+1 {
		t := d.toks[r.to-1]
		w := d.tokLow(r.to - 1)
		// "Ai Jun wrote", "Theresa May said": a month word right before a
		// cue or a finite verb ends a name, not a date.
		if months[w] && (d.besideCue(r.to-1) || d.finiteVerbAt(r.to)) {
			break
		}
		if weekdays[w] || months[strings.TrimSuffix(w, ".")] || postNominals[w] || t.kind == tWord && !t.cap && !t.handle ||
			t.kind == tPunct || t.kind == tPoss || t.kind == tQuote {
			r.to--
			continue
		}
		break
	}
	return r.to
}

// orgLike reports whether tokens [from,to) hold a party or organisation
// word (Party, Commission, Movement), alone or as part of a hyphenated
// word, or are followed by an acronym definition "(ACR)".
func (d *document) orgLike(from, to int) bool {
	for i := from; i < to; i++ {
		if d.toks[i].kind != tWord {
			continue
		}
		for _, part := range strings.Split(d.plainWord(i), "-") {
			if partyWords[part] || orgWords[part] {
				return true
			}
		}
	}
	return d.isPunct(to, "(") && to+2 < len(d.toks) && d.toks[to+1].acro && d.isPunct(to+2, ")")
}

// classifyRun splits a title off a run and guesses the kind of the name.
func (d *document) classifyRun(r run) (rawMention, bool) {
	m := rawMention{from: r.from, to: r.to, titleFrom: -1, modFrom: -1, acronym: -1, handle: -1}
	d.splitTitle(&m)
	if m.from >= m.to {
		return m, false
	}
	// "Mr. King", "Dr. Chancellor": after an honorific or title even a
	// word that is usually a title or common word is a name.
	if m.to-m.from == 1 && (m.titleFrom < 0 || !d.toks[m.from].cap) && d.skipSingle(m.from) {
		return m, false
	}
	if d.deskName(m.from, m.to) {
		return m, false
	}
	if m.kind == kindUnknown {
		m.kind = d.kindOfName(m.from, m.to)
	}
	d.definitionAfter(&m)
	return m, true
}

// deskWords make the bylines that name no one: "Staff Reporter", "Web
// Desk", "Our Correspondent", "News Desk".
var deskWords = setOf(`staff reporter reporters correspondent correspondents desk web news our special monitoring report`)

// deskName reports whether every word of [from,to) is a desk word.
func (d *document) deskName(from, to int) bool {
	if to-from < 2 {
		return false
	}
	for i := from; i < to; i++ {
		if d.toks[i].kind != tWord || !deskWords[d.tokLow(i)] {
			return false
		}
	}
	return true
}

// skipSingle reports whether a one-word run is no name at all: a month,
// weekday, pronoun, title alone or common word.
func (d *document) skipSingle(i int) bool {
	w := d.plainWord(i)
	if d.toks[i].handle {
		return false
	}
	if d.modalName(i) {
		return false
	}
	return months[w] || weekdays[w] || (commonWords[w] && !d.toks[i].acro) || titleWords[w] || honorifics[w] || seniorityWords[w] || w == "i"
}

// modalName reports whether token i is "Will" used as a name: a modal
// takes a bare verb, so before a past or third-person form ("Will wrote",
// "Will claims") the word names someone. A title word alone before such a
// verb ("King says") is a surname, and a capitalised cue form or month is
// a name right after a quote or a comma ("“…,” Read said", "“…,” Jun
// wrote"), not at the
// end of a longer name ("the Secretary of State wants") nor opening a
// sentence ("Claims surfaced").
func (d *document) modalName(i int) bool {
	if !d.toks[i].cap || !d.finiteVerbAt(i+1) {
		return false
	}
	w := d.tokLow(i)
	if w == "will" {
		return true
	}
	if titleWords[w] && (i == 0 || d.toks[i-1].kind != tWord) {
		// "King says …", "“…,” King said": a title alone before a verb
		// is a surname.
		return true
	}
	_, cue := cueForms[w]
	return (cue || months[w]) && i > 0 && (d.toks[i-1].kind == tQuote || d.isPunct(i-1, ","))
}

// finiteVerbAt reports whether token i is a lower-case verb in the past
// tense or the third person ("wrote", "urged", "claims"), a form no modal
// takes.
func (d *document) finiteVerbAt(i int) bool {
	if i >= len(d.toks) || d.toks[i].kind != tWord || d.toks[i].cap {
		return false
	}
	w := d.tokLow(i)
	if info, ok := cueForms[w]; ok && !info.ing && w != info.lemma && (info.past || strings.HasSuffix(w, "s")) {
		return true
	}
	return len(w) > 4 && strings.HasSuffix(w, "ed")
}

// splitTitle finds the last title or honorific inside the run; the words
// after it are the person's name.
func (d *document) splitTitle(m *rawMention) {
	k := -1
	for i := m.from; i < m.to-1; i++ {
		w := d.plainWord(i)
		if d.toks[i].kind == tWord && (titleWords[w] || honorifics[w] || titleCompound(w)) {
			k = i
		}
	}
	if k < 0 {
		return
	}
	name := k + 1
	for name < m.to && (d.toks[name].kind != tWord || !d.toks[name].cap || d.isPunct(name, ".")) {
		name++
	}
	// Secretary of State John Kerry: after "of X" the name is the trailing
	// plain capitalised words.
	if d.isWord(k+1, "of") || d.isWord(k+1, "for") {
		name = m.to
		for name-1 > k+1 && d.toks[name-1].cap && !d.headWord(name-1) && !placeWords[d.tokLow(name-1)] && !officeNouns[d.tokLow(name-1)] && m.to-name < 3 {
			name--
		}
		if m.to-name < 2 {
			return
		}
	}
	// "National Justice League", "Senate Justice Committee": a title word
	// inside an organisation's name does not split a person off it.
	if name >= m.to || d.orgLike(name, m.to) {
		return
	}
	m.titleFrom = k
	for m.titleFrom > m.from && (titleWords[d.plainWord(m.titleFrom-1)] || seniorityWords[d.plainWord(m.titleFrom-1)] || honorifics[d.plainWord(m.titleFrom-1)] || d.isPunct(m.titleFrom-1, ".")) {
		m.titleFrom--
	}
	if m.titleFrom > m.from {
		m.modFrom = m.from
	}
	w := d.plainWord(k)
	switch {
	case femaleHonorifics[w]:
		m.gender = 'f'
	case maleHonorifics[w]:
		m.gender = 'm'
	}
	m.from = name
	m.kind = graph.Person
}

// kindOfName guesses a kind from the words of a name and its context.
func (d *document) kindOfName(from, to int) graph.Kind {
	n := to - from
	last := d.plainWord(to - 1)
	hasParty, hasOrg := false, false
	for i := from; i < to; i++ {
		if d.toks[i].kind != tWord {
			continue
		}
		w := d.plainWord(i)
		for w != "" {
			part := w
			if j := strings.IndexByte(w, '-'); j >= 0 {
				part, w = w[:j], w[j+1:]
			} else {
				w = ""
			}
			if partyWords[part] {
				hasParty = true
			}
			if orgWords[part] {
				hasOrg = true
			}
		}
	}
	if !hasParty && !hasOrg && d.isPlaceName(from, to) {
		// "Paris, who used to work on the Hill, said": a relative "who"
		// after the name makes it a person's (not after a preposition:
		// "Roe of Arizona, who …" is Roe).
		if n == 1 && d.isPunct(to, ",") && d.isWord(to+1, "who") && !(from > 0 && d.toks[from-1].kind == tWord && prepositions[d.tokLow(from-1)]) {
			return graph.Person
		}
		return graph.Place
	}
	switch {
	case hasParty && (n > 1 || strings.Count(last, "-") >= 2 || last == "democrats" || last == "republicans" || last == "tories" || last == "labour"):
		return graph.Party
	case eventWords[last] && n > 1:
		return graph.Event
	case hasOrg || hasParty:
		return graph.Organization
	case placeWords[last] && n > 1:
		if d.cueSubject(from, to) {
			// "The Hill pointed out": a body named like a place speaks.
			return graph.Organization
		}
		return graph.Place
	case n == 1 && d.toks[from].acro:
		return graph.Organization
	case n == 1:
		return d.kindFromContext(from)
	case d.wordCount(from, to) <= 4 && d.plainName(from, to):
		return graph.Person
	}
	return kindUnknown
}

// wordCount counts the word tokens of [from,to): the dots of initials
// ("A. Q. Khan") do not count.
func (d *document) wordCount(from, to int) int {
	n := 0
	for i := from; i < to; i++ {
		if d.toks[i].kind == tWord {
			n++
		}
	}
	return n
}

// isPlaceName reports whether [from,to) names a place from the gazetteer,
// or ends in one (East Jerusalem), or starts with a place prefix (Fort
// Worth).
func (d *document) isPlaceName(from, to int) bool {
	n := to - from
	if n == 1 {
		return places[d.tokLow(from)]
	}
	var buf [64]byte
	b := buf[:0]
	for i := from; i < to; i++ {
		if d.toks[i].kind == tPunct {
			continue
		}
		if len(b) > 0 {
			b = append(b, '-')
		}
		b = append(b, d.tokLow(i)...)
	}
	if multiPlaces[string(b)] {
		return true
	}
	if n <= 3 && places[d.tokLow(to-1)] && !d.toks[to-1].acro {
		for i := from; i < to-1; i++ {
			if w := d.tokLow(i); !placePrefixes[w] && !places[w] && !months[w] {
				return n == 2 && placePrefixes[d.tokLow(from)]
			}
		}
		return true
	}
	return n <= 3 && placePrefixes[d.tokLow(from)] && d.tokLow(from) != "east" && d.tokLow(from) != "west" &&
		d.tokLow(from) != "north" && d.tokLow(from) != "south" && d.plainName(from, to)
}

// plainName reports whether [from,to) holds only capitalised words (no
// connectors or acronyms), as a person's name does.
func (d *document) plainName(from, to int) bool {
	for i := from; i < to; i++ {
		t := d.toks[i]
		if t.kind == tPunct && d.tokText(i) == "." || i > from && i < to-1 && t.kind == tWord && nameParticles[d.tokText(i)] {
			continue
		}
		if t.kind != tWord || !t.cap || (t.acro && len(d.tokText(i)) > 2 && !nameSuffixes[d.tokLow(i)]) || t.handle {
			return false
		}
	}
	return true
}

// kindFromContext guesses the kind of a one-word name from its neighbours:
// "a Jang newspaper" (organisation), "in Karachi" (place).
func (d *document) kindFromContext(i int) graph.Kind {
	if i+1 < len(d.toks) && d.toks[i+1].kind == tWord && !d.toks[i+1].cap {
		w := d.tokLow(i + 1)
		switch {
		case partyNouns[w]:
			return graph.Party
		case orgNouns[w]:
			return graph.Organization
		}
	}
	if d.pieceIn(i) || i > 1 && d.isWord(i-1, "to") && d.isWord(i-2, "according") {
		return graph.Organization // "an article in Politico", "according to Variety"
	}
	if i > 0 && d.toks[i-1].kind == tWord && !d.toks[i-1].cap && placePreps[d.tokLow(i-1)] {
		return graph.Place
	}
	// "the daily Jang", "the broadcaster Kanal": an outlet noun before it.
	if i > 1 && d.toks[i-1].kind == tWord && !d.toks[i-1].cap && outletNouns[d.tokLow(i-1)] && d.isWord(i-2, "the") {
		return graph.Organization
	}
	if i > 1 && d.isWord(i-1, "of") && d.toks[i-2].kind == tWord && titleWords[d.tokLow(i-2)] {
		return graph.Place
	}
	return kindUnknown
}

// pieceNouns are writings that appear in an outlet: "an article in X".
var pieceNouns = setOf(`article story report piece column editorial op-ed interview essay ad profile review
	feature investigation analysis`)

// pieceIn reports whether the one-word name at i follows "<piece> in" ("a
// new article in Politico"): an outlet, not a place.
func (d *document) pieceIn(i int) bool {
	return i > 1 && d.isWord(i-1, "in") && d.toks[i-2].kind == tWord && pieceNouns[d.tokLow(i-2)] && !places[d.tokLow(i)]
}

// definitionAfter looks for "(ACRONYM)" or "(@handle)" right after a name.
func (d *document) definitionAfter(m *rawMention) {
	j := m.to
	for j < len(d.toks) && j < m.to+2 && d.toks[j].kind == tWord && postNominals[d.tokLow(j)] {
		j++
	}
	if !d.isPunct(j, "(") || j+2 >= len(d.toks) || !d.isPunct(j+2, ")") {
		return
	}
	t := d.toks[j+1]
	switch {
	case t.handle:
		m.handle = j + 1
	case t.kind == tWord && (t.acro || mixedAcronym(d.tokText(j+1))) && acronymFits(d.tokText(j+1), d.runText(m.from, m.to)):
		m.acronym = j + 1
		if m.kind == kindUnknown || m.kind == graph.Person {
			m.kind = graph.Organization
		}
	}
}

// mixedAcronym reports whether w is an acronym with single lower-case
// letters between its capitals, as party acronyms are written in
// parentheses: "TeA", "JeN", "PkMAP" (not "McCain").
func mixedAcronym(w string) bool {
	if len(w) < 3 || len(w) > 6 || w[0] < 'A' || w[0] > 'Z' {
		return false
	}
	caps := 0
	for i := 0; i < len(w); i++ {
		switch c := w[i]; {
		case c >= 'A' && c <= 'Z':
			caps++
		case c >= 'a' && c <= 'z':
			if i+1 >= len(w) || w[i+1] < 'A' || w[i+1] > 'Z' || i > 0 && w[i-1] >= 'a' && w[i-1] <= 'z' {
				return false
			}
		default:
			return false
		}
	}
	return caps >= 2
}

// officeNouns end the "of" complement of a title: "Leader of the
// Opposition Jane Roe", "Minister of Finance Jane Roe".
var officeNouns = setOf(`opposition treasury interior defence defense finance justice foreign health education
	commerce trade labour labor agriculture energy information`)

// titleCompound reports whether w is a hyphenated compound of titles:
// "secretary-treasurer", "co-chair".
func titleCompound(w string) bool {
	a, b, ok := strings.Cut(w, "-")
	return ok && titleWords[b] && (titleWords[a] || a == "co" || a == "vice")
}
