package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/claimgraph/claimgraph/graph"
)

// kindUnknown marks a name whose kind is not yet decided.
const kindUnknown graph.Kind = ""

// entity is one thing the article names, with every form it takes.
type entity struct {
	kind    graph.Kind
	name    string
	aliases []string
	// titles are lower-case role words seen with a person ("governor").
	titles []string
	// gender is 'm', 'f' or 0 when unknown.
	gender byte
	// first is the byte span of the first mention.
	firstStart, firstEnd int
	// acronym is the entity's acronym when one was defined.
	acronym string
	dropped bool
}

// mention is one occurrence of a name in the text.
type mention struct {
	from, to int // token range of the name itself
	ent      int // index into entities.list, -1 when unresolved
	kind     graph.Kind
	// titleFrom is the first token of a title written before the name
	// inside the same capitalised run (Eastmark Governor Victor Hale), or
	// -1.
	titleFrom int
}

// entities holds the names of one article and their resolution.
type entities struct {
	list []entity
	// byKey finds an entity by kind and normalised name or alias.
	byKey map[string]int
	ments []mention
	// mentAt maps a token index to the mention covering it, or -1.
	mentAt []int32
	// firstNames finds people by their first name, as a last resort.
	firstNames map[string][]int
	// byEnt lists the mentions of each entity.
	byEnt [][]int32
	// strongSeen caches the entity of each strong name already resolved.
	strongSeen map[strongKey]int
}

func entKey(k graph.Kind, name string) string { return string(k) + "|" + normName(name) }

// normName is graph.NormalizeName with a fast path for ASCII text, which
// it normalises identically without allocating more than the result.
func normName(s string) string {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return graph.NormalizeName(s)
		}
	}
	var b strings.Builder // its String does not copy: one allocation
	b.Grow(len(s))
	space := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case 'A' <= c && c <= 'Z':
			c += 'a' - 'A'
		case 'a' <= c && c <= 'z', '0' <= c && c <= '9', c == '-', c == '\'', c == '&':
		default:
			space = true
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteByte(c)
	}
	return b.String()
}

// run is a candidate capitalised name: tokens [from,to).
type run struct{ from, to int }

// findRuns returns the capitalised name sequences of sentence s.
func (d *document) findRuns(s int) []run {
	sp := d.sents[s]
	var out []run
	i := sp.from
	for i < sp.to {
		if !d.nameToken(i) {
			i++
			continue
		}
		j := d.extendRun(i, sp.to)
		out = append(out, run{i, j})
		i = j
	}
	return out
}

// nameToken reports whether token i can be part of a name.
func (d *document) nameToken(i int) bool {
	t := d.toks[i]
	if t.kind != tWord {
		return false
	}
	return t.cap || t.handle
}

// nameParticles join capitalised words inside a person's name.
var nameParticles = setOf("de la del van von der bin al da di du le ibn ul ud ur")

// extendRun extends a name run that starts at token i, up to limit.
func (d *document) extendRun(i, limit int) int {
	j := i + 1
	for j < limit {
		switch {
		case d.nameToken(j) && !d.toks[j].para:
			j++
		case d.isPunct(j, ".") && !d.toks[j].spaceBefore && j+1 < limit && d.nameToken(j+1) && d.isAbbrevBefore(j):
			j += 2
		case d.toks[j].kind == tWord && !d.toks[j].cap && j+1 < limit && d.nameToken(j+1) && d.joinsName(j):
			j++
		case d.isWord(j, "of") && j+2 < limit && d.isWord(j+1, "the") && d.nameToken(j+2) && d.headWord(j-1):
			j += 2
		case d.isPunct(j, "&") && j+1 < limit && d.nameToken(j+1):
			j++
		case d.toks[j].kind == tPoss && j+1 < limit && d.nameToken(j+1) && possNameWords[d.tokLow(j-1)]:
			j++
		case d.toks[j].kind == tQuote && !d.toks[j].spaceBefore && j+1 < limit && d.nameToken(j+1) && possNameWords[d.tokLow(j-1)] &&
			(d.toks[j].quote == qSingleClose || d.toks[j].quote == qSingleStraight):
			// Workers' Party: a plural possessive inside a name.
			j++
		default:
			return j
		}
	}
	return j
}

// joinsName reports whether the lower-case word at j (of, for, de) joins
// the capitalised words around it into one name.
func (d *document) joinsName(j int) bool {
	w := d.tokLow(j)
	if nameParticles[w] {
		return true
	}
	if w == "of" || w == "for" || w == "on" {
		return d.headWord(j - 1)
	}
	if w == "and" {
		return d.andJoinsName(j)
	}
	return false
}

// andJoinsName reports whether the "and" at j lies inside a party or
// organisation name defined by an acronym: "Justice and Development Party
// (JDP)". The capitalised words after it must end in a party or
// organisation word followed by "(ACR)" whose letters fit the whole name.
func (d *document) andJoinsName(j int) bool {
	// a head word before "and" ends a name of its own ("the Commission
	// and Court (CC)" is two bodies)
	if j == 0 || !d.nameToken(j-1) || orgWords[d.tokLow(j-1)] || partyWords[d.tokLow(j-1)] {
		return false
	}
	from := j - 1
	for from > 0 && d.nameToken(from-1) && !d.toks[from].para {
		from--
	}
	to := j + 1
	for to < len(d.toks) && d.nameToken(to) {
		to++
	}
	if to == j+1 || !partyWords[d.tokLow(to-1)] && !orgWords[d.tokLow(to-1)] {
		return false
	}
	if !d.isPunct(to, "(") || to+2 >= len(d.toks) || !d.toks[to+1].acro || !d.isPunct(to+2, ")") {
		return false
	}
	// the name may start after a sentence-initial "The"
	for f := j - 1; f >= from; f-- {
		if acronymFits(d.tokText(to+1), d.runText(f, to)) {
			return true
		}
	}
	return false
}

// headWord reports whether token i is an organisation, party, place or
// title head that takes an "of" complement (Bank of, Party of, Secretary of).
func (d *document) headWord(i int) bool {
	if i < 0 || d.toks[i].kind != tWord {
		return false
	}
	w := d.tokLow(i)
	return orgWords[w] || partyWords[w] || (titleWords[w] && w != "leader") || w == "university" || w == "republic" || w == "kingdom" || w == "state" || w == "states"
}

// sentenceFirstWord returns the index of the first word of sentence s,
// after any opening quotes or brackets.
func (d *document) sentenceFirstWord(s int) int {
	sp := d.sents[s]
	for i := sp.from; i < sp.to; i++ {
		if d.toks[i].kind == tWord || d.toks[i].kind == tNum {
			return i
		}
	}
	return -1
}

// isTitleCase reports whether sentence s looks like a headline: most of
// its words capitalised.
func (d *document) isTitleCase(s int) bool {
	sp := d.sents[s]
	if !d.toks[sp.from].para || (sp.to < len(d.toks) && !d.toks[sp.to].para) {
		return false
	}
	words, lower := 0, 0
	for i := sp.from; i < sp.to; i++ {
		if d.toks[i].kind != tWord || d.toks[i].acro {
			continue
		}
		w := d.tokLow(i)
		if len(w) <= 3 || commonWords[w] {
			continue
		}
		words++
		if !d.toks[i].cap {
			lower++
		}
	}
	return words >= 4 && words <= 25 && lower == 0
}

// lowerWords collects, among the given words, those that also occur in
// lower case somewhere in the article.
func (d *document) lowerWords(cands map[string]bool) map[string]bool {
	found := map[string]bool{}
	if len(cands) == 0 {
		return found
	}
	for i, t := range d.toks {
		if t.kind != tWord || t.cap {
			continue
		}
		w := d.tokLow(i)
		if cands[w] {
			found[w] = true
		}
	}
	return found
}

// stripInitial drops a sentence-initial common word from a run:
// "Despite Smith" -> "Smith"; a run of only such a word disappears.
func (d *document) stripInitial(r run, first int, lower map[string]bool) run {
	// A run that opens a quote or follows a colon starts a sentence of
	// its own: "said “The State Department …".
	if r.from > 0 && r.from != first && (d.toks[r.from-1].kind == tQuote || d.isPunct(r.from-1, ":")) {
		first = r.from
	}
	for r.from < r.to && r.from == first {
		w := d.tokLow(r.from)
		// "Minister of Finance Jane Roe said": a title opening the
		// sentence stays for splitTitle; so does a modal that is a name
		// ("Will wrote").
		if titleWords[w] && r.to-r.from >= 3 && d.isWord(r.from+1, "of") || d.modalName(r.from) {
			break
		}
		if commonWords[w] || lower[w] || months[w] || weekdays[w] || commonNounSubject(w) || pastCue(w) {
			r.from++
			first = -1
			continue
		}
		break
	}
	return r
}

// pastCue reports whether w is only a past form of a cue verb ("Stated
// Roe:", "Added Roe, …"), which opens a sentence before a name but is
// never part of it.
func pastCue(w string) bool {
	info, ok := cueForms[w]
	return ok && info.past && !info.base
}

// commonNounSubject reports whether a capitalised sentence-initial word is
// a plural or group common noun ("Analysts", "Officials", "Critics",
// "Voters") rather than a name. Bodies that speak as one ("Police",
// "Republicans") stay names.
func commonNounSubject(w string) bool {
	if institutions[w] {
		return false
	}
	if groupNouns[w] || titleWords[w] {
		return true
	}
	if s, ok := strings.CutSuffix(w, "s"); ok && (groupNouns[s] || titleWords[s]) {
		return true
	}
	return false
}

// initialCandidates collects the capitalised words that start sentences.
func initialCandidates(d *document) map[string]bool {
	c := map[string]bool{}
	for s := range d.sents {
		f := d.sentenceFirstWord(s)
		if f >= 0 && d.toks[f].kind == tWord && d.toks[f].cap && !d.toks[f].acro {
			c[d.tokLow(f)] = true
		}
	}
	return c
}

// plainWord returns the lower-cased text of token i without a final dot.
func (d *document) plainWord(i int) string { return strings.TrimSuffix(d.tokLow(i), ".") }

// runText returns the text of tokens [from,to) as written.
func (d *document) runText(from, to int) string {
	if from >= to {
		return ""
	}
	return d.text[d.toks[from].start:d.toks[to-1].end]
}

// initialsOf returns the capital initials of the words (and hyphen parts)
// of a name: "National Renewal Party" -> "NRP".
func initialsOf(name string) string {
	var b strings.Builder
	start := true
	for _, r := range name {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if start && (unicode.IsUpper(r) || unicode.IsDigit(r)) {
				b.WriteRune(r)
			}
			start = false
			continue
		}
		if r == '\'' || r == '’' {
			continue
		}
		start = true
	}
	return b.String()
}

// lettersOf returns the upper-case letters and digits of an acronym.
func lettersOf(acr string) string {
	var b strings.Builder
	for _, r := range acr {
		if unicode.IsUpper(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// acronymFits reports whether acr can abbreviate name: its letters are the
// name's initials, or a subsequence of them starting with the first.
func acronymFits(acr, name string) bool {
	a, in := lettersOf(acr), initialsOf(name)
	if len(a) < 2 || in == "" || a[0] != in[0] {
		return false
	}
	if a == in {
		return true
	}
	k := 0
	for i := 0; i < len(in) && k < len(a); i++ {
		if in[i] == a[k] {
			k++
		}
	}
	return k == len(a) && len(a)*2 >= len(in)
}
