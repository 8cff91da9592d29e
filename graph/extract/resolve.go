package extract

import (
	"slices"
	"strings"

	"github.com/claimgraph/claimgraph/graph"
)

// resolveEntities turns raw mentions into entities: full names first, then
// surnames, acronyms and single words resolved to them.
func (d *document) resolveEntities(raw []rawMention) *entities {
	e := &entities{byKey: map[string]int{}, mentAt: make([]int32, len(d.toks))}
	for i := range e.mentAt {
		e.mentAt[i] = -1
	}
	byName := map[string][]int{}
	e.firstNames = map[string][]int{}
	e.strongSeen = map[strongKey]int{}
	resolved := make([]int, len(raw))
	for i := range raw {
		resolved[i] = -1
		if d.strong(raw[i]) {
			resolved[i] = e.addStrong(d, raw[i], byName)
		}
	}
	for i, m := range raw {
		if resolved[i] >= 0 {
			e.addRaw(d, m, resolved[i])
		}
	}
	kinds := d.wordKinds(raw)
	for i, m := range raw {
		if resolved[i] >= 0 {
			continue
		}
		if ent := e.resolveWeak(d, m, byName, kinds); ent >= 0 {
			e.addRaw(d, m, ent)
		}
	}
	return e
}

// addRaw records the mentions a resolved raw mention makes: the name, a
// defined acronym, a handle, and the title written before the name.
func (e *entities) addRaw(d *document, m rawMention, ent int) {
	k := e.list[ent].kind
	e.addMention(d, mention{from: m.from, to: m.to, ent: ent, kind: k, titleFrom: m.titleFrom})
	if m.acronym >= 0 {
		e.addMention(d, mention{from: m.acronym, to: m.acronym + 1, ent: ent, kind: k, titleFrom: -1})
	}
	if m.handle >= 0 {
		e.addMention(d, mention{from: m.handle, to: m.handle + 1, ent: ent, kind: k, titleFrom: -1})
	}
	if m.titleFrom >= 0 {
		e.addTitle(ent, d.plainWord(titleHead(d, m)))
	}
	e.addOutletTitles(d, m, ent)
}

// addOutletTitles lets "the newspaper" and "the paper" refer back to an
// outlet introduced as "the daily Jang" or "the Courier newspaper".
func (e *entities) addOutletTitles(d *document, m rawMention, ent int) {
	for _, k := range []int{m.from - 1, m.to} {
		if k < 0 || k >= len(d.toks) || d.toks[k].kind != tWord || d.toks[k].cap || !outletNouns[d.tokLow(k)] {
			continue
		}
		w := d.tokLow(k)
		e.addTitle(ent, w)
		if w == "daily" || w == "weekly" || w == "tabloid" || w == "newspaper" || w == "paper" {
			e.addTitle(ent, "newspaper")
			e.addTitle(ent, "paper")
		}
	}
}

// titleHead returns the token index of the last title word of a titled run.
func titleHead(d *document, m rawMention) int {
	k := m.titleFrom
	for i := m.titleFrom; i < m.from; i++ {
		if titleWords[d.plainWord(i)] {
			k = i
		}
	}
	return k
}

// strong reports whether a raw mention names an entity on its own: a full
// name, an organisation, party, place or event, or an acronym definition.
func (d *document) strong(m rawMention) bool {
	if m.headline || m.kind == kindUnknown {
		return m.acronym >= 0 || m.handle >= 0
	}
	n := m.to - m.from
	switch m.kind {
	case graph.Person:
		return n >= 2 || m.handle >= 0
	case graph.Organization:
		return n >= 2 || m.acronym >= 0
	case graph.Place:
		return n >= 2 || places[d.tokLow(m.from)]
	case graph.Party:
		// "Tehreek-e-Adl": one hyphenated token of three parts.
		return n >= 2 || m.acronym >= 0 || strings.Count(d.tokText(m.from), "-") >= 2
	}
	return true
}

// canonical returns the canonical name of a mention's tokens: the text
// with line breaks and runs of space collapsed.
func (d *document) canonical(from, to int) string {
	return collapseSpace(d.runText(from, to))
}

// mentionName returns the name a raw mention gives.
func (d *document) mentionName(m rawMention) string {
	if m.name != "" {
		return m.name
	}
	return d.canonical(m.from, m.to)
}

// addStrong adds (or finds) the entity a strong mention names.
func (e *entities) addStrong(d *document, m rawMention, byName map[string][]int) int {
	if m.handle >= 0 {
		m.kind = graph.Person
		for m.to-m.from > 2 && !d.plainName(m.to-1, m.to) {
			m.to--
		}
	}
	name := d.mentionName(m)
	// The same plain name again (no acronym, handle or gender news): the
	// entity is already known.
	key := strongKey{m.kind, name}
	if idx, ok := e.strongSeen[key]; ok && m.acronym < 0 && m.handle < 0 && (m.gender == 0 || e.list[idx].gender != 0) {
		return idx
	}
	idx := e.addStrongSlow(d, m, name, byName)
	if m.acronym < 0 && m.handle < 0 {
		e.strongSeen[key] = idx
	}
	return idx
}

// strongKey identifies a strong mention by kind and name as written.
type strongKey struct {
	kind graph.Kind
	name string
}

// addStrongSlow finds or creates the entity of a strong mention named
// name, recording its aliases.
func (e *entities) addStrongSlow(d *document, m rawMention, name string, byName map[string][]int) int {
	var aliases []string
	if m.acronym >= 0 {
		acr := d.tokText(m.acronym)
		aliases = append(aliases, name)
		name = acr
	}
	if m.handle >= 0 {
		aliases = append(aliases, d.tokText(m.handle))
	}
	// The names an existing entity may be known by: not a surname alone
	// ("Omar Khan" is not "Asfandyar Khan").
	lookup := slices.Clone(aliases)
	if m.kind == graph.Person {
		if s := surname(name); s != name {
			aliases = append(aliases, s)
		}
	}
	// "O’Neill" is also written "O'Neill": keep both spellings.
	if strings.ContainsRune(name, '’') {
		for _, a := range append([]string{name}, aliases...) {
			aliases = append(aliases, strings.ReplaceAll(a, "’", "'"))
		}
	}
	// Known under another form already (the long name of an acronym)?
	if idx, ok := e.lookupKind(m.kind, name, lookup); ok {
		ent := &e.list[idx]
		ent.aliases = graph.MergeAliases(ent.name, ent.aliases, aliases, []string{name})
		for _, a := range append([]string{name}, aliases...) {
			e.index(idx, a, byName)
		}
		if m.gender != 0 && ent.gender == 0 {
			ent.gender = m.gender
		}
		return idx
	}
	idx := len(e.list)
	e.list = append(e.list, entity{kind: m.kind, name: name, aliases: graph.MergeAliases(name, aliases), gender: m.gender,
		firstStart: -1})
	if f := strings.Fields(name); m.kind == graph.Person && len(f) >= 2 && len(f[0]) > 2 {
		k := normName(f[0])
		e.firstNames[k] = append(e.firstNames[k], idx)
	}
	if m.acronym >= 0 {
		e.list[idx].acronym = name
		// "PML-N" is also written "PMLN".
		if strings.Contains(name, "-") {
			e.index(idx, strings.ReplaceAll(name, "-", ""), byName)
		}
	}
	e.index(idx, name, byName)
	for _, a := range aliases {
		e.index(idx, a, byName)
	}
	return idx
}

// lookupKind finds an entity of kind k known by name or one of aliases.
func (e *entities) lookupKind(k graph.Kind, name string, aliases []string) (int, bool) {
	for _, n := range append([]string{name}, aliases...) {
		if idx, ok := e.byKey[entKey(k, n)]; ok {
			return idx, true
		}
	}
	// An acronym or long name first seen with a different kind guess.
	if k == graph.Party || k == graph.Organization {
		other := graph.Organization
		if k == graph.Organization {
			other = graph.Party
		}
		for _, n := range append([]string{name}, aliases...) {
			if idx, ok := e.byKey[entKey(other, n)]; ok {
				if k == graph.Party {
					e.list[idx].kind = graph.Party
				}
				return idx, true
			}
		}
	}
	return 0, false
}

// index records that entity idx is known as name.
func (e *entities) index(idx int, name string, byName map[string][]int) {
	k := entKey(e.list[idx].kind, name)
	if _, ok := e.byKey[k]; !ok {
		e.byKey[k] = idx
	}
	n := normName(name)
	for _, x := range byName[n] {
		if x == idx {
			return
		}
	}
	byName[n] = append(byName[n], idx)
}

// surname returns the last word of a person's name, skipping suffixes such
// as Jr.
func surname(name string) string {
	f := strings.Fields(name)
	for len(f) > 1 {
		l := strings.ToLower(strings.TrimSuffix(f[len(f)-1], "."))
		if l == "jr" || l == "sr" || l == "ii" || l == "iii" || l == "iv" {
			f = f[:len(f)-1]
			continue
		}
		break
	}
	return f[len(f)-1]
}

// wordKinds decides the kind of each one-word name (not in the gazetteer)
// from all its contexts in the article: the subject of a cue verb is a
// person ("Brafman said"), a name before an organisation noun or a title
// ("a Jang newspaper", "Facebook's vice president") an organisation, one
// after "in" or "from" a place. Organisation beats person beats place.
func (d *document) wordKinds(raw []rawMention) map[string]graph.Kind {
	type flags struct{ party, org, person, place, placeStrong bool }
	ev := map[string]*flags{}
	for _, m := range raw {
		if m.to-m.from != 1 || m.headline || d.toks[m.from].acro || places[d.tokLow(m.from)] {
			continue
		}
		if m.kind != kindUnknown && m.kind != graph.Place && m.kind != graph.Organization && m.kind != graph.Party {
			continue
		}
		n := normName(d.tokText(m.from))
		f := ev[n]
		if f == nil {
			f = &flags{}
			ev[n] = f
		}
		switch m.kind {
		case graph.Party:
			f.party = true
		case graph.Organization:
			f.org = true
		case graph.Place:
			f.place = true
			if d.strongPlaceContext(m.from, m.to) {
				f.placeStrong = true
			}
		}
		if d.cueSubject(m.from, m.to) {
			f.person = true
		}
		if m.to+1 < len(d.toks) && d.toks[m.to].kind == tPoss && d.toks[m.to+1].kind == tWord && !d.toks[m.to+1].cap &&
			(titleWords[d.tokLow(m.to+1)] || seniorityWords[d.tokLow(m.to+1)]) {
			f.org = true
		}
	}
	out := make(map[string]graph.Kind, len(ev))
	for n, f := range ev {
		switch {
		case f.party:
			out[n] = graph.Party
		case f.org:
			out[n] = graph.Organization
		case f.placeStrong:
			// "in Kelburg", "the governor of Eastmark": a place, even
			// where it stands before a verb ("Kelburg believes").
			out[n] = graph.Place
		case f.person:
			out[n] = graph.Person
		case f.place:
			out[n] = graph.Place
		}
	}
	return out
}

// placeContextWords are prepositions after which a name is a place and
// hardly ever a person: "in Kelburg", "across Ohio". "from" and "to" are
// left out ("a letter from Smith", "according to Smith").
var placeContextWords = setOf(`in across throughout near outside inside toward towards`)

// strongPlaceContext reports whether the one-word name [from,to) is used
// as a place: after "in" or "across" (and not followed by a possessive, as
// in "in Smith's view"), or after "TITLE of" ("the governor of Eastmark").
func (d *document) strongPlaceContext(from, to int) bool {
	if to < len(d.toks) && d.toks[to].kind == tPoss {
		return false
	}
	if from > 0 && d.toks[from-1].kind == tWord && !d.toks[from-1].cap && placeContextWords[d.tokLow(from-1)] && !d.pieceIn(from) {
		return true
	}
	return from > 1 && d.isWord(from-1, "of") && d.toks[from-2].kind == tWord && titleWords[d.tokLow(from-2)]
}

// cueSubject reports whether the name [from,to) is the subject of a cue
// verb ("Brafman said") or follows one at a sentence end ("…, said
// Brafman.").
func (d *document) cueSubject(from, to int) bool {
	j := to
	for j < len(d.toks) && j-to < 3 && d.toks[j].kind == tWord && linkingAdverbs[d.tokLow(j)] {
		j++
	}
	if j < len(d.toks) && d.toks[j].kind == tWord && !d.isPunct(j+1, ":") {
		if c, ok := cueForms[d.tokLow(j)]; ok && !c.ing {
			return true
		}
	}
	if from >= 2 && d.toks[from-1].kind == tWord {
		if c, ok := cueForms[d.tokLow(from-1)]; ok && c.past && c.class == cueSpeech && d.isPunct(to, ".") {
			return true
		}
	}
	return false
}

// resolveWeak resolves a surname, a bare acronym or an unknown single word
// to an entity, creating one only on good evidence.
func (e *entities) resolveWeak(d *document, m rawMention, byName map[string][]int, kinds map[string]graph.Kind) int {
	name := d.mentionName(m)
	n := normName(name)
	if cands := byName[n]; len(cands) > 0 {
		idx := e.nearest(d, cands, m.from)
		// "Ms. Whitfield": the honorific of a later mention tells the gender.
		if m.gender != 0 && e.list[idx].gender == 0 && e.list[idx].kind == graph.Person {
			e.list[idx].gender = m.gender
		}
		// "PMLN" for "PML-N": another spelling of the acronym is an alias.
		if ent := &e.list[idx]; m.to-m.from == 1 && d.toks[m.from].acro && name != ent.name && !slices.Contains(ent.aliases, name) {
			ent.aliases = graph.MergeAliases(ent.name, ent.aliases, []string{name})
		}
		return idx
	}
	if m.surnameOnly {
		return -1
	}
	if cands := e.firstNames[n]; len(cands) > 0 && m.to-m.from == 1 && (m.kind == kindUnknown || m.kind == graph.Person) {
		return e.nearest(d, cands, m.from)
	}
	if m.to-m.from == 1 && d.toks[m.from].acro {
		if idx := e.byInitials(name); idx >= 0 {
			e.list[idx].aliases = graph.MergeAliases(e.list[idx].name, e.list[idx].aliases, []string{name})
			e.index(idx, name, byName)
			return idx
		}
	}
	if m.headline {
		return -1
	}
	kind := m.kind
	if k, ok := kinds[n]; ok && m.to-m.from == 1 {
		kind = k
	}
	if kind == kindUnknown {
		return -1
	}
	idx := len(e.list)
	e.list = append(e.list, entity{kind: kind, name: name, gender: m.gender, firstStart: -1})
	e.index(idx, name, byName)
	return idx
}

// nearest picks, among candidate entities, the one mentioned last before
// token i (or the first candidate when none was).
func (e *entities) nearest(d *document, cands []int, i int) int {
	if len(cands) == 1 {
		return cands[0]
	}
	best, bestPos := cands[0], -1
	for _, c := range cands {
		p := e.lastMentionBefore(c, i)
		if p > bestPos {
			best, bestPos = c, p
		}
	}
	return best
}

// lastMentionBefore returns the token index of entity c's last mention
// before token i, or -1.
func (e *entities) lastMentionBefore(c, i int) int {
	p := -1
	if c >= len(e.byEnt) {
		return p
	}
	for _, mi := range e.byEnt[c] {
		if m := e.ments[mi]; m.from < i && m.from > p {
			p = m.from
		}
	}
	return p
}

// addMention records a resolved mention.
func (e *entities) addMention(d *document, m mention) {
	for k := m.from; k < m.to; k++ {
		if e.mentAt[k] >= 0 {
			return
		}
	}
	idx := int32(len(e.ments))
	e.ments = append(e.ments, m)
	for len(e.byEnt) <= m.ent {
		e.byEnt = append(e.byEnt, nil)
	}
	e.byEnt[m.ent] = append(e.byEnt[m.ent], idx)
	for k := m.from; k < m.to; k++ {
		e.mentAt[k] = idx
	}
	ent := &e.list[m.ent]
	s, t := d.toks[m.from].start, d.toks[m.to-1].end
	if ent.firstStart < 0 || s < ent.firstStart {
		ent.firstStart, ent.firstEnd = s, t
	}
}

// titleAbbrevs expands abbreviated titles: Sen. -> senator.
var titleAbbrevs = map[string]string{"sen": "senator", "gov": "governor", "rep": "representative", "gen": "general",
	"lt": "lieutenant", "col": "colonel", "capt": "captain", "sgt": "sergeant", "prof": "professor", "pres": "president",
	"sec": "secretary", "atty": "attorney", "supt": "superintendent", "adm": "admiral", "cmdr": "commander"}

// addTitle records a role word for entity idx.
func (e *entities) addTitle(idx int, t string) {
	t = strings.ToLower(strings.TrimSpace(strings.TrimSuffix(t, ".")))
	if full, ok := titleAbbrevs[t]; ok {
		t = full
	}
	if t == "" {
		return
	}
	for _, x := range e.list[idx].titles {
		if x == t {
			return
		}
	}
	e.list[idx].titles = append(e.list[idx].titles, t)
}

// lookupOrAdd returns the entity of kind k named name, adding it when new.
func (e *entities) lookupOrAdd(k graph.Kind, name string) int {
	if idx, ok := e.byKey[entKey(k, name)]; ok {
		return idx
	}
	idx := len(e.list)
	e.list = append(e.list, entity{kind: k, name: name, firstStart: -1})
	e.byKey[entKey(k, name)] = idx
	return idx
}

// byInitials finds the party or organisation whose name's initials spell
// the acronym acr exactly (GHL for Green Harbour League), or -1.
func (e *entities) byInitials(acr string) int {
	a := lettersOf(acr)
	if len(a) < 2 {
		return -1
	}
	found := -1
	for i, ent := range e.list {
		if ent.kind != graph.Party && ent.kind != graph.Organization || strings.IndexByte(ent.name, ' ') < 0 {
			continue
		}
		if initialsOf(ent.name) == a {
			if found >= 0 {
				return -1
			}
			found = i
		}
	}
	return found
}
