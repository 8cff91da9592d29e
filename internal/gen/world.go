package gen

import (
	"math"
	"math/rand/v2"
	"sort"
	"strings"
	"time"
)

// Sizes of the invented world.
const (
	numPeople   = 3000
	numParties  = 40
	numPlaces   = 200
	numNational = 40 // national bodies: "National Election Commission"
	numLocal    = 40 // place-bound bodies: "Ashmere Chamber of Commerce"
	spanDays    = 4 * 365
	personZipf  = 1.1
	otherZipf   = 1.0
)

// defaultStart is the date of the first article when Options.Start is zero.
var defaultStart = time.Date(2020, time.January, 1, 0, 0, 0, 0, time.UTC)

// person is an invented person with a fixed party (or organisation) and role.
type person struct {
	first, last, full string
	female            bool
	party             int // index into world.parties, or -1
	org               int // index into world.orgs when party is -1, else -1
	role              int // index into roles
	place             int // for place roles, index into world.places, else -1
}

// party is an invented party; leader is the index of its leader.
type party struct {
	long, acr string
	leader    int
}

// org is an invented organisation; acr may be empty; head is the noun that
// refers back to it ("the commission").
type org struct {
	long, acr, head string
}

// event is a dated occurrence articles refer to; day counts from the first
// article date; vote marks elections, by-elections and referendums, the
// events claims of rigging are about.
type event struct {
	day         int
	name, alias string
	vote        bool
}

// world is the invented population every article of one seed draws from.
// It is built once and only read afterwards.
type world struct {
	start   time.Time
	people  []person
	parties []party
	orgs    []org
	media   []string
	places  []string
	events  []event
	// Cumulative distributions for Zipf-like draws, index 0 most likely.
	peopleCDF, partyCDF, orgCDF, placeCDF []float64
	seed                                  uint64
}

// newWorld builds the world for a seed; start is the first article's date.
func newWorld(seed int64, start time.Time) *world {
	r := rand.New(rand.NewPCG(mix(uint64(seed)), 0x5eed_0f_a_0001d))
	w := &world{start: start, seed: uint64(seed)}
	w.places = makePlaces(r)
	w.placeCDF = zipfCDF(len(w.places), otherZipf)
	acrs := make(map[string]bool)
	w.parties = makeParties(r, w.places, acrs)
	w.partyCDF = zipfCDF(len(w.parties), otherZipf)
	w.orgs = makeOrgs(r, w, acrs)
	w.orgCDF = zipfCDF(len(w.orgs), otherZipf)
	w.media = mediaNames
	w.makePeople(r)
	w.peopleCDF = zipfCDF(len(w.people), personZipf)
	w.events = makeEvents(r, w)
	return w
}

// mix is the SplitMix64 finaliser; it decorrelates nearby seeds.
func mix(x uint64) uint64 {
	x += 0x9e3779b97f4a7c15
	x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9
	x = (x ^ (x >> 27)) * 0x94d049bb133111eb
	return x ^ (x >> 31)
}

// zipfCDF returns the cumulative distribution of P(k) ∝ 1/(k+1)^s.
func zipfCDF(n int, s float64) []float64 {
	cdf := make([]float64, n)
	sum := 0.0
	for k := range n {
		sum += 1 / math.Pow(float64(k+1), s)
		cdf[k] = sum
	}
	for k := range cdf {
		cdf[k] /= sum
	}
	cdf[n-1] = 1
	return cdf
}

// draw samples an index from a cumulative distribution.
func draw(r *rand.Rand, cdf []float64) int {
	i := sort.SearchFloat64s(cdf, r.Float64())
	return min(i, len(cdf)-1)
}

func makePlaces(r *rand.Rand) []string {
	all := make([]string, 0, len(placePrefixes)*len(placeSuffixes))
	for _, p := range placePrefixes {
		for _, s := range placeSuffixes {
			if p[len(p)-1] != s[0] { // no "Rossstead"
				all = append(all, p+s)
			}
		}
	}
	r.Shuffle(len(all), func(i, j int) { all[i], all[j] = all[j], all[i] })
	places := all[:numPlaces:numPlaces]
	for i := range places {
		if r.IntN(100) < 12 {
			places[i] = placeLeads[r.IntN(len(placeLeads))] + " " + places[i]
		}
	}
	return places
}

func makeParties(r *rand.Rand, places []string, acrs map[string]bool) []party {
	parties := make([]party, 0, numParties)
	names := make(map[string]bool)
	for len(parties) < numParties {
		long := partyName(r, places)
		acr := acronym(long)
		if names[long] || acrs[acr] || len(acr) < 2 {
			continue
		}
		names[long], acrs[acr] = true, true
		parties = append(parties, party{long: long, acr: acr, leader: -1})
	}
	return parties
}

func partyName(r *rand.Rand, places []string) string {
	var words []string
	q, m := "", ""
	if r.IntN(100) < 70 {
		q = partyQualifiers[r.IntN(len(partyQualifiers))]
	}
	if q == "" || r.IntN(100) < 75 {
		m = partyMiddles[r.IntN(len(partyMiddles))]
	}
	for _, x := range []string{q, m} {
		if x != "" && (len(words) == 0 || words[0] != x) {
			words = append(words, x)
		}
	}
	words = append(words, partyHeads[r.IntN(len(partyHeads))])
	name := strings.Join(words, " ")
	switch n := r.IntN(100); {
	case n < 12:
		name += " of " + places[r.IntN(40)]
	case n < 27:
		name += "-" + partyFactions[r.IntN(len(partyFactions))]
	}
	return name
}

// acronym takes the initials of the capitalised words of a name. A
// hyphenated last word keeps its hyphen ("Democratic League-Renewal" ->
// "DL-R"); other hyphenated words give both initials ("Anti-Corruption
// Bureau" -> "ACB").
func acronym(name string) string {
	var b strings.Builder
	words := strings.Fields(name)
	for k, w := range words {
		for i, part := range strings.Split(w, "-") {
			if part == "" || part[0] < 'A' || part[0] > 'Z' {
				continue
			}
			if i > 0 && k == len(words)-1 {
				b.WriteByte('-')
			}
			b.WriteByte(part[0])
		}
	}
	return b.String()
}

func makeOrgs(r *rand.Rand, w *world, acrs map[string]bool) []org {
	var orgs []org
	names := make(map[string]bool)
	add := func(long, head string, wantAcr bool) {
		if names[long] {
			return
		}
		names[long] = true
		o := org{long: long, head: head}
		if a := acronym(long); wantAcr && len(a) >= 3 && !acrs[a] {
			o.acr, acrs[a] = a, true
		}
		orgs = append(orgs, o)
	}
	for len(orgs) < numNational {
		b := orgBodies[r.IntN(len(orgBodies))]
		add(b.quals[r.IntN(len(b.quals))]+" "+b.name, b.head, true)
	}
	for len(orgs) < numNational+numLocal {
		b := localBodies[r.IntN(len(localBodies))]
		add(w.places[draw(r, w.placeCDF)]+" "+b.name, b.head, r.IntN(100) < 30)
	}
	for _, b := range civicBodies {
		add(b.name, b.head, true)
	}
	return orgs
}

// makePeople crosses first names with surnames, keeps numPeople of them in
// a seeded order (index = popularity rank) and gives each a party or
// organisation and a role. The first numParties people lead the parties;
// the first of all is prime minister.
func (w *world) makePeople(r *rand.Rand) {
	type cand struct {
		first  string
		female bool
		last   string
	}
	all := make([]cand, 0, (len(maleFirstNames)+len(femaleFirstNames))*len(surnames))
	for _, l := range surnames {
		for _, f := range maleFirstNames {
			all = append(all, cand{f, false, l})
		}
		for _, f := range femaleFirstNames {
			all = append(all, cand{f, true, l})
		}
	}
	r.Shuffle(len(all), func(i, j int) { all[i], all[j] = all[j], all[i] })
	w.people = make([]person, numPeople)
	for i := range w.people {
		c := all[i]
		p := person{first: c.first, last: c.last, full: c.first + " " + c.last,
			female: c.female, party: -1, org: -1, place: -1}
		w.assignRole(r, i, &p)
		w.people[i] = p
	}
}

func (w *world) assignRole(r *rand.Rand, i int, p *person) {
	switch {
	case i < len(w.parties):
		p.party, p.role = i, roleLeader
		w.parties[i].leader = i
		if i == 0 {
			p.role = rolePM
		}
	case r.IntN(100) < 12:
		p.org = draw(r, w.orgCDF)
		p.role = firstOrg + r.IntN(lastOrg-firstOrg+1)
	default:
		p.party = draw(r, w.partyCDF)
		switch n := r.IntN(100); {
		case p.party < 2 && n < 25:
			p.role = firstMinistr + r.IntN(lastMinistr-firstMinistr+1)
		case n < 55:
			p.role = firstPlace + r.IntN(lastPlace-firstPlace+1)
			p.place = draw(r, w.placeCDF)
		default:
			p.role = firstParty + r.IntN(lastParty-firstParty+1)
		}
	}
}

// makeEvents lays out a calendar from two years before the first article to
// half a year after the last, sorted by day.
func makeEvents(r *rand.Rand, w *world) []event {
	var evs []event
	y0 := w.start.Year()
	for y := y0 - 2; y <= y0+spanDays/365+1; y++ {
		if (y-y0)%2 == 0 {
			evs = append(evs, w.datedEvent(y, 2+r.IntN(9), 1+r.IntN(28), "elections", "polls"))
		}
		if (y-y0)%3 == 1 {
			evs = append(evs, w.datedEvent(y, 1+r.IntN(12), 1+r.IntN(28), "referendum", ""))
		}
		evs = append(evs, event{day: w.dayOf(y, 6, 1+r.IntN(28)),
			name: "the " + itoa(y) + " budget vote", alias: "the budget vote"})
		for range 3 {
			pl := w.places[draw(r, w.placeCDF)]
			evs = append(evs, event{day: w.dayOf(y, 1+r.IntN(12), 1+r.IntN(28)),
				name: "the " + pl + " by-election", alias: "the by-election in " + pl, vote: true})
		}
		pl := w.places[r.IntN(40)]
		evs = append(evs, event{day: w.dayOf(y, 1+r.IntN(12), 1+r.IntN(28)),
			name: "the " + pl + " summit", alias: "the summit in " + pl})
	}
	sort.SliceStable(evs, func(i, j int) bool { return evs[i].day < evs[j].day })
	return evs
}

func (w *world) datedEvent(y, m, d int, noun, aliasNoun string) event {
	md := monthNames[m-1] + " " + itoa(d)
	e := event{day: w.dayOf(y, m, d), name: "the " + md + " " + noun, alias: "the " + noun, vote: true}
	if aliasNoun != "" {
		e.alias = "the " + md + " " + aliasNoun
	}
	return e
}

// dayOf counts days from the first article date to y-m-d.
func (w *world) dayOf(y, m, d int) int {
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	s := time.Date(w.start.Year(), w.start.Month(), w.start.Day(), 0, 0, 0, 0, time.UTC)
	return int(t.Sub(s).Hours() / 24)
}

// eventsAround returns the index of the last vote on or before day (or the
// first vote) and of the first event of any kind after day (or the last).
func (w *world) eventsAround(day int) (past, next int) {
	next = sort.Search(len(w.events), func(i int) bool { return w.events[i].day > day })
	past = next - 1
	for past >= 0 && !w.events[past].vote {
		past--
	}
	if past < 0 {
		past = 0
		for !w.events[past].vote {
			past++
		}
	}
	return past, min(next, len(w.events)-1)
}

// itoa formats a small non-negative integer.
func itoa(n int) string {
	var b [20]byte
	return string(appendInt(b[:0], n))
}

func appendInt(b []byte, n int) []byte {
	if n < 0 {
		b = append(b, '-')
		n = -n
	}
	var d [20]byte
	i := len(d)
	for {
		i--
		d[i] = byte('0' + n%10)
		n /= 10
		if n == 0 {
			break
		}
	}
	return append(b, d[i:]...)
}
