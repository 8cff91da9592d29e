package extract

import "strings"

// The word lists below are immutable after package initialisation. Keys are
// lower case (ASCII folding only, like the lowered copy of the text), with
// curly apostrophes left as they are.

// cueClass tells what a cue verb introduces.
type cueClass uint8

const (
	cueNone    cueClass = iota
	cueSpeech           // said, told, wrote: quotes and that-clauses
	cueBelief           // thinks, hopes, wants: reported content only
	cueDispute          // denied, dismissed, rejected: speech that disputes
	cueSupport          // confirmed, backed, echoed: speech that supports
)

// cueInfo describes one inflected form of a cue verb.
type cueInfo struct {
	class cueClass
	lemma string
	// ing marks the -ing form (saying), which needs a finite verb or a
	// comma before it to introduce a claim.
	ing bool
	// past marks a form that can be a past participle (said, told), used
	// in "is quoted as saying", "was heard saying".
	past bool
	// takesObj marks verbs whose object, the listener, comes before the
	// content: told reporters that, asked the crowd, urged voters to.
	takesObj bool
	// objContent marks verbs whose object is part of the content: called
	// it “shameful”, described the plan as a failure, endorsed the bill.
	objContent bool
	// particles lists prepositions that may follow the verb before its
	// content: talked about, called for, referred to.
	particles string
	// directOnly marks verbs that introduce quotes but, without one, too
	// rarely report speech: "he continued, “…”" but "it continued to fall".
	directOnly bool
	// noQuote marks verbs that rarely introduce a verbatim quote.
	noQuote bool
	// particle is a word that must follow the verb: point out.
	particle string
	// base marks the base or third-person form (say, says), which can
	// also be a noun (a report, the claims).
	base bool
}

// verb is one cue verb with its irregular forms (empty ones are regular).
type verb struct {
	base, third, past, ing string
	class                  cueClass
	takesObj, noQuote      bool
	particle               string
	objContent             bool
	particles              string
	directOnly             bool
}

var cueVerbList = []verb{
	// speech
	{base: "say", third: "says", past: "said", class: cueSpeech},
	{base: "tell", past: "told", class: cueSpeech, takesObj: true},
	{base: "add", class: cueSpeech},
	{base: "state", class: cueSpeech},
	{base: "write", past: "wrote", class: cueSpeech},
	{base: "tweet", class: cueSpeech},
	{base: "retweet", class: cueSpeech},
	{base: "post", class: cueSpeech},
	{base: "claim", class: cueSpeech},
	{base: "allege", class: cueSpeech},
	{base: "insist", class: cueSpeech},
	{base: "warn", class: cueSpeech, takesObj: true, particles: "about of against"},
	{base: "argue", class: cueSpeech, particles: "for against"},
	{base: "note", class: cueSpeech},
	{base: "recall", class: cueSpeech},
	{base: "explain", class: cueSpeech},
	{base: "ask", class: cueSpeech, takesObj: true},
	{base: "reply", class: cueSpeech},
	{base: "respond", class: cueSpeech},
	{base: "continue", class: cueSpeech, directOnly: true},
	{base: "declare", class: cueSpeech},
	{base: "announce", class: cueSpeech},
	{base: "acknowledge", class: cueSpeech},
	{base: "admit", past: "admitted", ing: "admitting", class: cueSpeech},
	{base: "suggest", class: cueSpeech},
	{base: "concede", class: cueSpeech},
	{base: "counter", class: cueSpeech},
	{base: "observe", class: cueSpeech},
	{base: "remark", class: cueSpeech},
	{base: "stress", third: "stresses", class: cueSpeech},
	{base: "emphasize", class: cueSpeech},
	{base: "emphasise", class: cueSpeech},
	{base: "maintain", class: cueSpeech},
	{base: "predict", class: cueSpeech},
	{base: "promise", class: cueSpeech},
	{base: "vow", class: cueSpeech},
	{base: "pledge", class: cueSpeech},
	{base: "testify", class: cueSpeech},
	{base: "report", class: cueSpeech},
	{base: "joke", class: cueSpeech, particles: "about"},
	{base: "quip", past: "quipped", ing: "quipping", class: cueSpeech},
	{base: "boast", class: cueSpeech, particles: "about of"},
	{base: "brag", past: "bragged", ing: "bragging", class: cueSpeech},
	{base: "complain", class: cueSpeech, particles: "about"},
	{base: "charge", class: cueSpeech},
	{base: "contend", class: cueSpeech},
	{base: "assert", class: cueSpeech},
	{base: "affirm", class: cueSpeech},
	{base: "conclude", class: cueSpeech},
	{base: "agree", class: cueSpeech},
	{base: "urge", class: cueSpeech, takesObj: true},
	{base: "caution", class: cueSpeech},
	{base: "lament", class: cueSpeech},
	{base: "muse", class: cueSpeech},
	{base: "shout", class: cueSpeech},
	{base: "yell", class: cueSpeech},
	{base: "wonder", class: cueSpeech},
	{base: "reveal", class: cueSpeech},
	{base: "disclose", class: cueSpeech},
	{base: "repeat", class: cueSpeech},
	{base: "reiterate", class: cueSpeech},
	{base: "scoff", class: cueSpeech},
	{base: "retort", class: cueSpeech},
	{base: "exclaim", class: cueSpeech},
	{base: "proclaim", class: cueSpeech},
	{base: "opine", class: cueSpeech},
	{base: "speculate", class: cueSpeech},
	{base: "hint", class: cueSpeech},
	{base: "indicate", class: cueSpeech},
	{base: "estimate", class: cueSpeech},
	{base: "point", class: cueSpeech, particle: "out"},
	{base: "inform", class: cueSpeech, takesObj: true},
	{base: "assure", class: cueSpeech, takesObj: true},
	{base: "remind", class: cueSpeech, takesObj: true},
	{base: "advise", class: cueSpeech, takesObj: true},
	{base: "whisper", class: cueSpeech},
	{base: "mutter", class: cueSpeech},
	{base: "chant", class: cueSpeech},
	{base: "sing", past: "sang", class: cueSpeech},
	{base: "read", past: "read", class: cueSpeech},
	// Verbs that introduce a quote but rarely report speech without one.
	{base: "answer", class: cueSpeech, directOnly: true},
	{base: "elaborate", class: cueSpeech, directOnly: true},
	{base: "surmise", class: cueSpeech, directOnly: true},
	{base: "email", class: cueSpeech, directOnly: true},
	{base: "gush", third: "gushes", class: cueSpeech, directOnly: true},
	{base: "thunder", class: cueSpeech, directOnly: true},
	{base: "snap", past: "snapped", ing: "snapping", class: cueSpeech, directOnly: true},
	{base: "fire", class: cueSpeech, directOnly: true, particle: "back"},
	{base: "shoot", past: "shot", class: cueSpeech, directOnly: true, particle: "back"},
	{base: "put", past: "put", ing: "putting", class: cueSpeech, directOnly: true, particle: "it"},
	{base: "go", third: "goes", past: "went", ing: "going", class: cueSpeech, directOnly: true, particle: "on"},
	{base: "bark", class: cueSpeech, directOnly: true},
	{base: "boom", class: cueSpeech, directOnly: true},
	{base: "scream", class: cueSpeech, directOnly: true},
	{base: "roar", class: cueSpeech, directOnly: true},
	{base: "growl", class: cueSpeech, directOnly: true},
	{base: "interject", class: cueSpeech, directOnly: true},
	{base: "sigh", class: cueSpeech, directOnly: true},
	{base: "deadpan", past: "deadpanned", ing: "deadpanning", class: cueSpeech, directOnly: true},
	{base: "tease", class: cueSpeech, directOnly: true},
	{base: "huff", class: cueSpeech, directOnly: true},
	{base: "grumble", class: cueSpeech, directOnly: true},
	{base: "fume", class: cueSpeech, directOnly: true},
	{base: "plead", class: cueSpeech, directOnly: true},
	{base: "marvel", past: "marveled", ing: "marveling", class: cueSpeech, directOnly: true},
	{base: "gripe", class: cueSpeech, directOnly: true},
	{base: "chuckle", class: cueSpeech, directOnly: true},
	{base: "holler", class: cueSpeech, directOnly: true},
	{base: "blurt", class: cueSpeech, directOnly: true, particle: "out"},
	{base: "beam", class: cueSpeech, directOnly: true},
	{base: "exhort", class: cueSpeech, directOnly: true},
	{base: "recount", class: cueSpeech, directOnly: true},
	{base: "confess", third: "confesses", class: cueSpeech, directOnly: true},
	{base: "describe", class: cueSpeech, noQuote: true, objContent: true},
	{base: "quote", class: cueSpeech},
	{base: "cite", class: cueSpeech, noQuote: true, objContent: true},
	{base: "accuse", class: cueDispute, objContent: true},
	{base: "blame", class: cueDispute, objContent: true},
	{base: "criticize", class: cueDispute, objContent: true},
	{base: "criticise", class: cueDispute, objContent: true},
	{base: "deny", third: "denies", past: "denied", class: cueDispute, objContent: true},
	{base: "dismiss", third: "dismisses", class: cueDispute, objContent: true},
	{base: "reject", class: cueDispute, objContent: true},
	{base: "dispute", class: cueDispute, objContent: true},
	{base: "rebut", past: "rebutted", ing: "rebutting", class: cueDispute},
	{base: "refute", class: cueDispute},
	{base: "contradict", class: cueDispute},
	{base: "challenge", class: cueDispute, objContent: true},
	{base: "question", class: cueDispute, objContent: true},
	{base: "slam", past: "slammed", ing: "slamming", class: cueDispute, objContent: true},
	{base: "confirm", class: cueSupport},
	{base: "echo", third: "echoes", class: cueSupport},
	{base: "back", class: cueSupport, noQuote: true, objContent: true},
	{base: "endorse", class: cueSupport, noQuote: true, objContent: true},
	{base: "support", class: cueSupport, noQuote: true, objContent: true},
	{base: "praise", third: "praises", class: cueSupport, objContent: true},
	{base: "corroborate", class: cueSupport},
	// belief and intention
	{base: "think", past: "thought", class: cueBelief, noQuote: true},
	{base: "believe", class: cueBelief, noQuote: true},
	{base: "feel", past: "felt", class: cueBelief, noQuote: true},
	{base: "hope", class: cueBelief, noQuote: true},
	{base: "fear", class: cueBelief, noQuote: true},
	{base: "expect", class: cueBelief, noQuote: true},
	{base: "worry", third: "worries", past: "worried", class: cueBelief, noQuote: true},
	{base: "doubt", class: cueBelief, noQuote: true},
	{base: "know", past: "knew", class: cueBelief, noQuote: true},
	{base: "suspect", class: cueBelief, noQuote: true},
	{base: "assume", class: cueBelief, noQuote: true},
	{base: "reckon", class: cueBelief, noQuote: true},
	{base: "want", class: cueBelief, noQuote: true},
	{base: "plan", past: "planned", ing: "planning", class: cueBelief, noQuote: true},
	{base: "intend", class: cueBelief, noQuote: true},
	{base: "find", past: "found", class: cueBelief, noQuote: true},
	{base: "show", class: cueBelief, noQuote: true},
	{base: "see", past: "saw", class: cueBelief, noQuote: true},
	{base: "seem", class: cueBelief, noQuote: true},
	{base: "appear", class: cueBelief, noQuote: true},
	{base: "understand", past: "understood", class: cueBelief, noQuote: true},
	{base: "recognize", class: cueBelief, noQuote: true},
	{base: "realize", class: cueBelief, noQuote: true},
	{base: "demand", class: cueSpeech, noQuote: true, objContent: true},
	{base: "propose", class: cueSpeech, noQuote: true, objContent: true},
	{base: "call", class: cueSpeech, objContent: true, particles: "for on"},
	{base: "signal", past: "signaled", ing: "signaling", class: cueSpeech, noQuote: true},
	{base: "imply", third: "implies", past: "implied", class: cueSpeech, noQuote: true},
	// stances and topics: the object is the content
	{base: "portray", class: cueSpeech, objContent: true},
	{base: "label", past: "labeled", ing: "labeling", class: cueSpeech, objContent: true},
	{base: "dub", past: "dubbed", ing: "dubbing", class: cueSpeech, objContent: true},
	{base: "brand", class: cueSpeech, objContent: true},
	{base: "characterize", class: cueSpeech, objContent: true},
	{base: "mock", class: cueDispute, objContent: true},
	{base: "attack", class: cueDispute, objContent: true},
	{base: "blast", class: cueDispute, objContent: true},
	{base: "condemn", class: cueDispute, objContent: true},
	{base: "denounce", class: cueDispute, objContent: true},
	{base: "oppose", class: cueDispute, noQuote: true, objContent: true},
	{base: "defend", class: cueSupport, objContent: true},
	{base: "hail", class: cueSupport, objContent: true},
	{base: "applaud", class: cueSupport, objContent: true},
	{base: "welcome", class: cueSupport, objContent: true},
	{base: "tout", class: cueSpeech, objContent: true},
	{base: "highlight", class: cueSpeech, objContent: true},
	{base: "mention", class: cueSpeech, noQuote: true, objContent: true},
	{base: "discuss", third: "discusses", class: cueSpeech, noQuote: true, objContent: true},
	{base: "talk", class: cueSpeech, noQuote: true, particle: "about", particles: "about"},
	{base: "speak", past: "spoke", class: cueSpeech, noQuote: true, particles: "about of out against"},
	{base: "refer", past: "referred", ing: "referring", class: cueSpeech, noQuote: true, particles: "to"},
	{base: "comment", class: cueSpeech, noQuote: true, particles: "on"},
	{base: "push", third: "pushes", class: cueSpeech, noQuote: true, particle: "for", particles: "for"},
	{base: "seek", past: "sought", class: cueBelief, noQuote: true, objContent: true},
	{base: "decline", class: cueSpeech, noQuote: true},
	{base: "refuse", class: cueSpeech, noQuote: true},
	{base: "offer", class: cueSpeech, noQuote: true, objContent: true},
	{base: "consider", class: cueBelief, noQuote: true, objContent: true},
	{base: "prefer", past: "preferred", ing: "preferring", class: cueBelief, noQuote: true, objContent: true},
}

// cueForms maps every inflected form of a cue verb to what it is.
var cueForms = buildCueForms()

func buildCueForms() map[string]cueInfo {
	m := make(map[string]cueInfo, len(cueVerbList)*4)
	for _, v := range cueVerbList {
		third, past, ing := v.third, v.past, v.ing
		if third == "" {
			third = regularThird(v.base)
		}
		if past == "" {
			past = regularPast(v.base)
		}
		if ing == "" {
			ing = regularIng(v.base)
		}
		info := cueInfo{class: v.class, lemma: v.base, takesObj: v.takesObj, noQuote: v.noQuote, particle: v.particle,
			objContent: v.objContent, particles: v.particles, directOnly: v.directOnly}
		for _, f := range []string{v.base, third} {
			if _, ok := m[f]; !ok {
				bi := info
				bi.base = true
				m[f] = bi
			}
		}
		pi := info
		pi.past = true
		m[past] = pi
		ii := info
		ii.ing = true
		m[ing] = ii
	}
	for f, past := range map[string]string{"written": "write", "shown": "show", "known": "know", "thought": "think", "sung": "sing"} {
		if info, ok := m[past]; ok {
			info.past = true
			m[f] = info
		}
	}
	return m
}

func regularThird(b string) string {
	switch {
	case strings.HasSuffix(b, "y") && !strings.HasSuffix(b, "ay") && !strings.HasSuffix(b, "ey") && !strings.HasSuffix(b, "oy"):
		return b[:len(b)-1] + "ies"
	case strings.HasSuffix(b, "s") || strings.HasSuffix(b, "sh") || strings.HasSuffix(b, "ch") || strings.HasSuffix(b, "x") || strings.HasSuffix(b, "o"):
		return b + "es"
	}
	return b + "s"
}

func regularPast(b string) string {
	switch {
	case strings.HasSuffix(b, "e"):
		return b + "d"
	case strings.HasSuffix(b, "y") && !strings.HasSuffix(b, "ay") && !strings.HasSuffix(b, "ey") && !strings.HasSuffix(b, "oy"):
		return b[:len(b)-1] + "ied"
	}
	return b + "ed"
}

func regularIng(b string) string {
	if strings.HasSuffix(b, "e") && !strings.HasSuffix(b, "ee") {
		return b[:len(b)-1] + "ing"
	}
	return b + "ing"
}

// setOf builds a lookup set from space-separated words.
func setOf(words ...string) map[string]bool {
	m := map[string]bool{}
	for _, ws := range words {
		for _, w := range strings.Fields(ws) {
			m[w] = true
		}
	}
	return m
}

// honorifics precede a name and are dropped from it (Mr. Smith -> Smith).
var honorifics = setOf("mr mr. mrs mrs. ms ms. miss dr dr. sir dame lord lady mx mx. rev rev. hon hon. sheikh prof prof. messrs messrs. maulana mufti allama begum")

// femaleHonorifics and maleHonorifics tell a person's gender for pronouns.
var (
	femaleHonorifics = setOf("mrs mrs. ms ms. miss dame lady begum")
	maleHonorifics   = setOf("mr mr. sir lord messrs messrs. maulana mufti allama")
)

// titleWords are job titles and roles that precede or describe a person.
var titleWords = setOf(`president vice president-elect senator sen sen. representative rep rep. congressman
	congresswoman congressperson governor gov gov. mayor minister premier secretary chairman chairwoman chairperson
	chair speaker leader deputy spokesman spokeswoman spokesperson director chief ceo founder co-founder candidate
	nominee adviser advisor aide strategist manager official ambassador judge justice attorney lawyer general gen gen.
	lt lt. col col. colonel captain capt capt. sgt sgt. sergeant commissioner sheriff chancellor king queen prince
	princess pope bishop cardinal imam rabbi professor economist analyst editor publisher reporter columnist
	correspondent anchor host commentator pollster activist businessman businesswoman billionaire lawmaker legislator
	treasurer delegate operative surrogate chairman. superintendent commander admiral marshal councilman councilwoman
	councillor councilor assemblyman assemblywoman prosecutor counsel head president. whip minority majority leader.
	recorder clerk auditor comptroller assessor coroner registrar advocate administrator inspector trustee alderman
	alderwoman solicitor magistrate
	physician doctor scientist researcher author writer historian president-elect`)

// seniorityWords modify a title: senior deputy leader, former governor.
var seniorityWords = setOf(`senior junior deputy vice assistant associate acting interim former then-former
	executive chief general national state federal top longtime longstanding former then outgoing incoming
	provincial regional local party campaign press communications policy foreign finance interior defense defence
	prime presidential`)

// partyWords mark a capitalised name as a political party.
var partyWords = setOf(`party league movement front congress alliance tehreek jamaat jamiat ittehad democrats republicans tories labour
	conservatives socialists greens dal sena`)

// orgWords mark a capitalised name as an organisation.
var orgWords = setOf(`committee council commission agency department ministry bureau office service services
	university college institute institution foundation center centre association union federation corporation corp
	corp. inc inc. co co. company companies group bank fund court assembly senate house parliament times post news
	journal herald tribune telegraph gazette press network channel radio tv television media magazine review daily
	weekly society club board authority administration army navy police force forces organization organisation
	trust cabinet government tribunal school hospital church campaign pac watch lab labs airlines motors systems
	technologies holdings partners capital ventures studios records pictures caucus coalition foundation guard
	academy council observer monitor reuters broadcasting enterprises industries insurance bureau network
	academy institute center hq newspaper commission department agency llc ltd ltd. plc courier chronicle
	examiner inquirer sentinel dispatch register globe mirror express standard guardian independent bulletin
	ledger beacon gazette`)

// orgNouns are lower-case nouns that make the capitalised word before them
// an organisation (a Jang newspaper report, the Trump campaign).
var orgNouns = setOf(`newspaper paper daily channel network agency company firm group organization organisation
	campaign committee website magazine outlet broadcaster station tv administration government team office
	foundation institute think-tank union`)

// outletNouns name an outlet before its one-word name: "the daily Jang".
var outletNouns = setOf(`newspaper paper daily weekly channel network broadcaster station magazine tabloid website outlet agency`)

// partyNouns are lower-case nouns that make the capitalised word before them
// a party.
var partyNouns = setOf(`party`)

// placeWords end a capitalised name that is a place.
var placeWords = setOf(`city county province island islands street avenue valley mountains river lake bay sea ocean
	region district territory coast beach square airport hill heights village town kingdom republic state states
	emirates peninsula gulf`)

// placePreps are prepositions after which an unknown name is a place.
var placePreps = setOf(`in from across near throughout outside inside to visited toward towards via`)

// eventWords end a phrase that names an event: the February 8 elections.
var eventWords = setOf(`election elections polls primary primaries caucus caucuses convention debate debates
	referendum summit war inauguration runoff by-election by-elections olympics games championship`)

// months and weekdays are never entities on their own.
var months = setOf(`january february march april may june july august september october november december jan jan.
	feb feb. mar mar. apr apr. jun jun. jul jul. aug aug. sep sep. sept sept. oct oct. nov nov. dec dec.`)

var weekdays = setOf(`monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thurs fri sat sun`)

// pronouns that can name a speaker, and what they agree with.
var personPronouns = setOf(`he she i we they`)

// commonWords are words that, capitalised at the start of a sentence, are
// not names. Together with the per-article test (the word also appears in
// lower case) they keep "Despite", "Today" or "The" out of the entities.
var commonWords = setOf(`a an the this that these those there here it its it's he she his her hers him they them
	their theirs we us our ours i me my mine you your yours who whom whose which what where when why how whether
	if then than and or but nor so yet for of in on at by with from to into onto upon about above below under over
	after before since until while during despite although though because as like unlike without within among
	between against toward towards through throughout across along around behind beyond near off out up down
	all any some many much more most few fewer less least each every both either neither no none not nothing
	one two three four five six seven eight nine ten first second third last next new old other another such
	same own only just also even still already again ever never always often sometimes now today yesterday
	tomorrow tonight later earlier soon once meanwhile however moreover furthermore nevertheless nonetheless
	instead indeed thus therefore hence otherwise perhaps maybe certainly clearly surely actually really
	according asked speaking following including regarding given based amid amidst per via yes well oh
	please thanks thank let let's here's there's that's what's it's i'm we're they're you're he's she's
	can could will would shall should may might must do does did done is are was were be been being have has had
	having get got make made say said says tell told is isn't wasn't don't doesn't didn't can't won't
	ahead although overall sadly unfortunately fortunately interestingly notably importantly ultimately finally
	first firstly secondly lastly similarly likewise recently currently previously initially eventually
	apparently reportedly allegedly purportedly leaked exclusive breaking update updated read watch see
	editor note photo video image source sources related advertisement`)

// abbreviations end with a dot that does not end the sentence.
var abbreviations = setOf(`mr mrs ms dr st jr sr gov sen rep gen lt col capt sgt prof rev hon no nos vol vols vs
	etc inc corp co ltd jan feb mar apr jun jul aug sep sept oct nov dec ave blvd mt ft pp p fig approx est dept
	univ assn bros messrs mx adm cmdr maj pres supt sec cong u.s u.k u.n e.g i.e a.m p.m rs`)

// strongStarters are words that begin a sentence after an ambiguous
// abbreviation dot (in the U.S. The ...).
var strongStarters = setOf(`the he she it they we i but and this that these those in on at a an his her their
	its our when while after before if as so there here what who why how however meanwhile`)

// relativeStarters begin a relative or subordinate clause after a name.
var relativeStarters = setOf(`who which that whose whom where when`)

// linkingAdverbs may stand between a speaker and a cue verb: "he also said".
var linkingAdverbs = setOf(`also later then again further previously earlier once recently reportedly
	publicly privately repeatedly frequently often initially ultimately simply just only even still has have
	had is was were are will would could might may should did does do been being allegedly apparently
	separately flatly openly quickly angrily bluntly jokingly sarcastically succinctly eventually already never
	not firmly strongly directly immediately subsequently correctly falsely wrongly rightly famously
	once long since`)

// aux are auxiliaries before a past participle: "is heard saying",
// "was quoted as saying".
var aux = setOf(`is was were are be been being has have had`)

// possNameWords may take a possessive inside a name: People's Party.
var possNameWords = setOf(`people women workers children veterans farmers citizens men students`)

// determiners before a cue form make it a noun or adjective: "a report",
// "the alleged illegitimacy".
var determiners = setOf(`a an the this that these those his her its their our my your another each every no some any
	such whose which what`)

// verbFollowers after a base or third-person cue form make it a noun: "a
// report quoted", "claims were".
var verbFollowers = setOf(`is was were are has have had will would could can may might should must`)

// groupNouns head a speaker phrase that names no one: "officials said".
var groupNouns = setOf(`officials official critics sources source experts expert analysts analyst aides aide advisers
	adviser advisors advisor supporters supporter opponents opponent voters voter people residents resident lawmakers
	members member leaders observers observer democrats republicans conservatives liberals progressives
	polls poll surveys survey report reports study studies document documents data records emails email memo
	letter statement book article story ad ads video audio recording recordings filing complaint lawsuit
	campaign spokesman spokeswoman spokesperson researchers scientists economists republican democrat others
	many some most few both all everyone everybody someone somebody nobody anyone insiders strategists
	allies ally friends friend colleagues family aide staff staffers team organizers protesters demonstrators
	activists candidates candidate rivals rival newspaper site website outlet network paper magazine
	pollsters pollster authorities investigators prosecutors police court judge jury panel agency department
	administration government ministry group groups party parties committee commission council
	organization organisation company firm account accounts website release transcript filings tweet tweets
	post posts message messages press spokespeople representatives representative presidents governors board publication nonprofit non-profit piece narrator`)

// nameSuffixes end a person's name: Jr., III.
var nameSuffixes = setOf(`jr jr. sr sr. ii iii iv`)

// postNominals follow a name but are not part of it: Jane Roe MP.
var postNominals = setOf(`mp mep mla mna mpa msp phd md esq esq. qc kc`)

// institutions are plural or collective nouns that, capitalised as a
// sentence's subject, name a body that speaks: "Police said".
var institutions = setOf(`police prosecutors investigators authorities republicans democrats`)

// lyNouns end in -ly but are no adverbs.
var lyNouns = setOf(`family rally ally supply reply assembly monopoly anomaly italy july bully jelly belly tally
	only early daily weekly monthly yearly holy ugly silly lonely friendly elderly costly likely unlikely homily butterfly`)

// adverbAt reports whether word token i is an adverb that may stand
// between a subject and its verb: a linking adverb (also, later) or a
// lower-case -ly adverb of manner (gingerly, loudly).
func (d *document) adverbAt(i int) bool {
	w := d.tokLow(i)
	if d.modalName(i) {
		return false
	}
	return linkingAdverbs[w] || !d.toks[i].cap && len(w) > 4 && strings.HasSuffix(w, "ly") && !lyNouns[w]
}
