package extract

import (
	"strings"

	"github.com/claimgraph/claimgraph/graph"
)

// eventMods are lower-case words allowed inside an event's name.
var eventMods = setOf(`presidential general parliamentary midterm local national provincial state federal municipal
	mayoral gubernatorial congressional legislative senate by presidential-primary special snap`)

// findEvents finds phrases such as "the February 8 elections" or "the 2018
// elections": an event word preceded by a date, a year or a capitalised
// modifier.
func (d *document) findEvents() []rawMention {
	var out []rawMention
	for i, t := range d.toks {
		if t.kind != tWord || !eventWords[d.tokLow(i)] {
			continue
		}
		j := i - 1
		anchor := false
		for j >= 0 && i-j <= 5 && !d.toks[j+1].para {
			tj := d.toks[j]
			w := d.tokLow(j)
			switch {
			case tj.kind == tNum:
				anchor = true
			case tj.kind == tWord && months[strings.TrimSuffix(w, ".")]:
				anchor = true
			case tj.kind == tWord && tj.cap && !commonWords[w] && !titleWords[w] && j != d.sents[d.sentOf[j]].from:
				if ew := d.tokLow(i); ew != "polls" && ew != "poll" {
					anchor = true
				}
			case tj.kind == tWord && eventMods[w]:
			default:
				goto done
			}
			j--
		}
	done:
		from := j + 1
		for from < i && d.toks[from].kind == tWord && eventMods[d.tokLow(from)] {
			from++
		}
		if !anchor || from >= i {
			continue
		}
		name := strings.Join(strings.Fields(d.runText(from, i)), " ")
		ew := d.tokLow(i)
		if ew == "polls" || ew == "poll" {
			ew = "elections"
		}
		if ew == "election" {
			ew = "elections"
		}
		out = append(out, rawMention{from: from, to: i + 1, kind: graph.Event, titleFrom: -1, modFrom: -1, acronym: -1,
			handle: -1, name: name + " " + ew, sent: d.sentOf[i]})
	}
	return out
}

// findTweets finds embedded tweets: a paragraph ending in an author line
// "Name (@handle) Month D, YYYY". The tweet's text is a claim of its
// author. It is not flagged direct: flagging it added a direct claim on
// PolNeAR dev that the annotation does not count as a direct quote.
func (x *extraction) findTweets() {
	d, e := x.d, x.e
	for h, t := range d.toks {
		if !t.handle || !d.isPunct(h-1, "(") || !d.isPunct(h+1, ")") || h+2 >= len(d.toks) ||
			!months[strings.TrimSuffix(d.tokLow(h+2), ".")] {
			continue
		}
		m := e.mentAt[h]
		if m < 0 || e.list[e.ments[m].ent].kind != graph.Person {
			continue
		}
		ent := e.ments[m].ent
		// The author's name ends right before "(": find where it starts.
		nameStart := h - 1
		for nameStart > 0 && d.toks[nameStart-1].kind == tWord && (d.toks[nameStart-1].cap || d.toks[nameStart-1].kind == tNum) && !d.toks[nameStart].para {
			nameStart--
		}
		end := nameStart
		for end > 0 && (isLink(d.tokLow(end-1)) || d.isPunct(end-1, "—") || d.isPunct(end-1, "-") || d.isPunct(end-1, "–")) {
			end--
		}
		// The author line ends the tweet's paragraph, or stands alone
		// after it (a blank line between them, as in a rendered page).
		from := end
		if from > 0 && from < len(d.toks) && d.toks[from].para {
			from--
		}
		for from > 0 && !d.toks[from].para && end-from < maxSentence {
			from--
		}
		if !d.toks[from].para {
			continue
		}
		if end-from < 2 {
			continue
		}
		for k := from; k < h+6 && k < len(d.toks); k++ {
			x.excluded[k] = true
		}
		ci := len(x.claims)
		x.claims = append(x.claims, claimCand{parts: []tspan{{from, end}}, speaker: ent, cue: -1, rule: "tweet/author-line"})
		for k := from; k < end; k++ {
			if qi := x.quoteOf[k]; qi >= 0 && x.quotes[qi].open == k {
				x.quoteClaim[qi] = ci
			}
		}
	}
}

// isLink reports whether a word is a web or picture link.
func isLink(w string) bool {
	return strings.HasPrefix(w, "pic.twitter.com") || strings.HasPrefix(w, "http") || strings.HasPrefix(w, "www.") ||
		strings.Contains(w, ".com/") || strings.HasPrefix(w, "t.co")
}

// findMemberships reads member-of relations and titles from appositions:
// "UWM senior deputy leader Oskar Lind", "Eastmark Governor X",
// "X, the leader of Y", "Y's leader X", "X's Party", "X of the Y party".
func (x *extraction) findMemberships() {
	d, e := x.d, x.e
	for mi := range e.ments {
		m := e.ments[mi]
		if m.kind != graph.Person {
			continue
		}
		x.titleBefore(m)
		x.appositionBefore(m)
		x.appositionAfter(m)
		x.possessiveAfter(m)
		// X of the Y party; X, of the Y party,
		if of := m.to + b2i(d.isPunct(m.to, ",")); d.isWord(of, "of") {
			k := of + 1
			if d.isWord(k, "the") {
				k++
			}
			if o := x.orgAt(k); o >= 0 {
				x.members = append(x.members, membership{person: m.ent, org: o, from: m.from, to: e.mentEnd(k), rule: "member-of/of-party"})
			}
		}
	}
}

// b2i is 1 for true and 0 for false.
func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// orgAt returns the party or organisation mentioned at token k, or -1.
func (x *extraction) orgAt(k int) int {
	e := x.e
	if k < 0 || k >= len(e.mentAt) || e.mentAt[k] < 0 {
		return -1
	}
	ent := e.ments[e.mentAt[k]].ent
	if k2 := e.list[ent].kind; k2 == graph.Party || k2 == graph.Organization {
		return ent
	}
	return -1
}

// mentEnd returns the end token of the mention at k.
func (e *entities) mentEnd(k int) int {
	if e.mentAt[k] < 0 {
		return k + 1
	}
	return e.ments[e.mentAt[k]].to
}

// titleBefore handles a title written before a name: in the same
// capitalised run (UWM Chairman X, Eastmark Governor X) or in lower case
// (UWM senior deputy leader X, presidential candidate X).
func (x *extraction) titleBefore(m mention) {
	d, e := x.d, x.e
	start := m.from
	if m.titleFrom >= 0 {
		start = m.titleFrom
	}
	j := start
	hasTitle := m.titleFrom >= 0
	for j > 0 && start-j < 5 && d.toks[j-1].kind == tWord && !d.toks[j-1].cap {
		w := d.tokLow(j - 1)
		if !titleWords[w] && !seniorityWords[w] {
			break
		}
		if titleWords[w] {
			hasTitle = true
		}
		j--
	}
	if !hasTitle {
		// "the CRP's Jane Roe": a party's person.
		if k := m.from - 1; k > 0 && d.toks[k].kind == tPoss {
			if o := x.orgAt(k - 1); o >= 0 && o != m.ent && e.list[o].kind == graph.Party {
				x.members = append(x.members, membership{person: m.ent, org: o, from: e.ments[e.mentAt[k-1]].from, to: m.to, rule: "member-of/possessive"})
			}
		}
		return
	}
	role := strings.ToLower(strings.Join(strings.Fields(d.runText(j, m.from)), " "))
	role = strings.TrimSpace(role)
	for _, w := range strings.Fields(role) {
		if titleWords[strings.TrimSuffix(w, ".")] {
			e.addTitle(m.ent, w)
		}
	}
	// The organisation right before the title: in the run (modifier) or a
	// mention or possessive before the lower-case title.
	k := j - 1
	if k >= 0 && d.toks[k].kind == tPoss {
		k--
	}
	if o := x.orgAt(k); o >= 0 && o != m.ent {
		x.members = append(x.members, membership{person: m.ent, org: o, role: role, from: e.ments[e.mentAt[k]].from, to: m.to, rule: "member-of/apposition"})
		return
	}
	if m.titleFrom > 0 {
		if o := x.orgByText(d.runTextBefore(m)); o >= 0 && o != m.ent {
			x.members = append(x.members, membership{person: m.ent, org: o, role: role, from: j, to: m.to, rule: "member-of/apposition"})
		}
	}
}

// runTextBefore returns the modifier text of a titled run (UWM in
// "UWM Chairman X"), or "".
func (d *document) runTextBefore(m mention) string {
	s := m.titleFrom
	for s > 0 && d.toks[s-1].kind == tWord && d.toks[s-1].cap && !d.toks[s-1].para {
		s--
	}
	if s == m.titleFrom {
		return ""
	}
	return d.canonical(s, m.titleFrom)
}

// orgByText finds a party or organisation by one of its names.
func (x *extraction) orgByText(name string) int {
	if name == "" {
		return -1
	}
	for _, k := range []graph.Kind{graph.Party, graph.Organization} {
		if idx, ok := x.e.byKey[entKey(k, name)]; ok {
			return idx
		}
	}
	return -1
}

// appositionAfter handles "X, the governor of Eastmark," and "X, a senior
// NRP leader,".
func (x *extraction) appositionAfter(m mention) {
	d, e := x.d, x.e
	if !d.isPunct(m.to, ",") {
		return
	}
	i := m.to + 1
	if d.isWord(i, "the") || d.isWord(i, "a") || d.isWord(i, "an") {
		i++
	}
	var role, mods []string
	roleDone := false
	org := -1
	end := i
	// up to 20 words: "the leader of the opposition in the city council
	// and a senior figure in the Awami Reform Party"
	for k := i; k < len(d.toks) && k < i+20; k++ {
		t := d.toks[k]
		if t.kind == tPunct || t.kind == tQuote || t.para && k > i {
			break
		}
		end = k + 1
		if o := x.orgAt(k); o >= 0 && org < 0 {
			org = o
			k = e.mentEnd(k) - 1
			end = k + 1
			continue
		}
		if t.kind != tWord {
			continue
		}
		w := strings.TrimSuffix(d.tokLow(k), ".")
		switch {
		case titleWords[w] || seniorityWords[w]:
			// The role is the first run of title words: in "the governor
			// of Eastmark and a senior figure in the UWM" it is
			// "governor", not "governor senior".
			if !roleDone {
				if len(role) == 0 && titleWords[w] {
					role = append(role, mods...)
				}
				role = append(role, w)
			}
		case w == "of" || w == "for" || w == "at" || w == "the" || t.kind == tPoss:
			roleDone = len(role) > 0
		case e.mentAt[k] >= 0:
			roleDone = len(role) > 0
			k = e.mentEnd(k) - 1
		default:
			// "X, the CRP parliamentary leader,": a modifier between the
			// party and the title.
			if len(role) == 0 && (org < 0 || k > i+3) {
				return
			}
			if len(role) == 0 {
				mods = append(mods, w)
			}
			roleDone = len(role) > 0
		}
	}
	hasTitle := false
	for _, w := range role {
		if titleWords[w] {
			hasTitle = true
			e.addTitle(m.ent, w)
		}
	}
	if !hasTitle || org < 0 || org == m.ent {
		return
	}
	x.members = append(x.members, membership{person: m.ent, org: org, role: strings.Join(role, " "), from: m.from, to: end, rule: "member-of/apposition"})
}

// appositionBefore handles a description set off before the name: "The
// CRP treasurer, Jane Roe, said …", "the party's treasurer, Jane Roe,".
func (x *extraction) appositionBefore(m mention) {
	d, e := x.d, x.e
	c := m.from - 1
	if c < 2 || !d.isPunct(c, ",") || !d.isPunct(m.to, ",") {
		return
	}
	// the title words right before the comma, then the party
	j := c
	for j > 0 && c-j < 4 && d.toks[j-1].kind == tWord && !d.toks[j-1].cap &&
		(titleWords[d.plainWord(j-1)] || seniorityWords[d.plainWord(j-1)]) {
		j--
	}
	if j == c || !titleWords[d.plainWord(c-1)] {
		return
	}
	k := j - 1
	if k >= 0 && d.toks[k].kind == tPoss {
		k--
	}
	o := x.orgAt(k)
	if o < 0 || o == m.ent {
		return
	}
	role := strings.ToLower(strings.Join(strings.Fields(d.runText(j, c)), " "))
	e.addTitle(m.ent, d.plainWord(c-1))
	x.members = append(x.members, membership{person: m.ent, org: o, role: role, from: e.ments[e.mentAt[k]].from, to: m.to, rule: "member-of/apposition"})
}

// possessiveAfter handles "Helena Marsh's National Renewal Party": a person's
// party or organisation.
func (x *extraction) possessiveAfter(m mention) {
	d := x.d
	if m.to >= len(d.toks) || d.toks[m.to].kind != tPoss {
		return
	}
	if o := x.orgAt(m.to + 1); o >= 0 && o != m.ent {
		x.members = append(x.members, membership{person: m.ent, org: o, from: m.from, to: x.e.mentEnd(m.to + 1), rule: "member-of/possessive"})
		return
	}
	// "Naveed Chaudhry's party, the Reform Front,"
	k := m.to + 1
	if d.isWord(k, "party") && d.isPunct(k+1, ",") {
		j := k + 2
		if d.isWord(j, "the") {
			j++
		}
		if o := x.orgAt(j); o >= 0 && o != m.ent && x.e.list[o].kind == graph.Party {
			x.members = append(x.members, membership{person: m.ent, org: o, from: m.from, to: x.e.mentEnd(j), rule: "member-of/possessive"})
		}
	}
}

// claimEntities returns the entities a claim's words mention, in order.
func (x *extraction) claimEntities(c claimCand) []int {
	e := x.e
	var out []int
	seen := map[int]bool{}
	for _, p := range c.parts {
		for k := p.from; k < p.to; k++ {
			m := e.mentAt[k]
			if m < 0 {
				continue
			}
			ent := e.ments[m].ent
			if !seen[ent] {
				seen[ent] = true
				out = append(out, ent)
			}
			k = e.ments[m].to - 1
		}
	}
	return out
}
