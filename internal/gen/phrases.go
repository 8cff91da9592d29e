package gen

// Sentence templates (see tmpl.go for the template language), compiled on
// first use so that commands which never generate pay nothing at start-up.
// They are read-only afterwards.

// quoteCores are the bodies of direct quotes: lower case, no final
// punctuation; the article capitalises them.
var quoteCores = lazyCompileAll(
	"[the|these] [elections|polls|results] [were|have been] [rigged|manipulated|engineered|stolen] [in favour of {PTYQ}|by {PTYQ}|from the very start|in {PL}]",
	"{EVQ} [proved|showed] that [{PTYQ} has no support in {PL}|the people of {PL} want change|our message is working|the system is broken]",
	"the mandate {PTYQ} claims [in {PL}|in {ASM}|after {EVQ}] is [borrowed|fabricated|{PCT} percent invented|worth nothing]",
	"we were not given [a single vote|a fair count|one honest tally|a hearing] in {PL}",
	"{PTYQ} [has broken faith with its|has turned its back on its|no longer listens to its] voters in {PL}",
	"{N} seats in {ASM} were [stolen|taken from us|handed to {PTYQ}|decided before a single vote was cast]",
	"{TS} [knows nothing about|knows exactly what happened with|knows more than anyone admits about] the [deal|recordings|missing ballots|contracts] in {PL}",
	"{ORGQ} [has been captured by|is working for|is protecting|has been silenced by] {PTYQ}",
	"the [budget|tax plan|reform bill|pension scheme|water project|ports deal|fuel subsidy] will [cost|save] {PL} {AMT}",
	"[inflation|unemployment|crime|the deficit] in {PL} [has doubled|has fallen by {PCT} percent|is the highest in {N2} years|is finally under control] [since {YR}|under {PTYQ}|this year]",
	"[no one|nobody] in {PL} [believes|trusts|accepts] [these|the official] [results|figures|numbers]",
	"{PTYQ} [promised|pledged] {N} new [schools|hospitals|bridges|clinics] in {PL} and [delivered none|built only {N2}|built nothing]",
	"our [candidates|workers|supporters|polling agents] in {PL} [were|have been] [harassed|arrested|threatened|followed] [by the police|by {PTYQ} workers|for weeks]",
	"we [will|are going to] [challenge|contest|appeal] the [results|ruling|decision] in {PL} [in court|before {ORGQ}|in every constituency|within {N2} days]",
	"this government has [failed|abandoned|ignored] the [farmers|workers|teachers|families|young people] of {PL}",
	"there is [no|not a shred of] evidence [of fraud|that any votes were stolen|to support these claims|of any deal] in {PL}",
	"the [audio|recording|letter|report] [from {PL}|about {TS}|sent to {ORGQ}] is [doctored|genuine|authentic|a forgery|{PCT} percent invented]",
	"{TS} [met|spoke to|struck a deal with] [{PTYQ}|the {PTY2A} leadership] [in secret|behind closed doors|before {EVQ}]",
	"the [people|voters] of {PL} [will decide|have spoken|deserve better|will not forget this]",
	"{PTYQ} and {PTY2Q} [cobbled together|stitched up|patched together] [a coalition|this government] [to sideline us|against the will of the people|behind closed doors]",
	"the [ministry|commission|council] [spent|wasted|lost] {AMT} on [consultants|a project that never existed|empty promises] [in {PL}|last year]",
	"we [have|now have] [enough votes|the numbers|a clear majority] in {ASM} to [govern alone|form the next government|pass the {MON} budget]",
	"every [vote|ballot|result] in {PL} [will be|must be|was] [counted|recounted|audited] [twice|by hand|in front of observers]",
	"{PTYQ} [is|has always been] [a party of|run by] [landlords|cronies|old men|dynasties] [from {PL}|who fear the voters]",
	"[prices|rents|fuel costs|electricity bills] in {PL} [rose|went up|climbed] by {PCT} percent [last year|under {PTYQ}|in {MON}]",
	"{N} [families|farmers|traders|workers] in {PL} [lost their homes|lost their jobs|are still waiting for help|have not been paid] [since {YR}|since {MON}|this year]",
	"[our|this] [government|party] [built|opened|funded] {N} [schools|clinics|roads|wells] in {PL} [last year|since {YR}|in {MON}]",
	"{PTYQ} [wants|is trying|has decided] to [delay|cancel|postpone] the [count|audit|inquiry] in {PL}",
)

// quoteOpeners and quoteTails frame a core; empty ones make plain quotes
// more common.
var quoteOpeners = lazyCompileAll(
	"", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "",
	"", "", "", "", "", "", "today, ", "let me be clear: ", "the truth is that ",
	"frankly, ", "everyone knows that ", "we have proof that ",
	"I can tell you that ", "once again, ",
)

var quoteTails = lazyCompileAll(
	"", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "",
	"", "", "", "", "", "", "", "", " and we will prove it",
	", and everyone in {PL} knows it", ", whatever they say",
	" and the record shows it",
)

// quoteExtras are whole sentences added after a core.
var quoteExtras = lazyCompileAll(
	"We will not accept this.", "This is not democracy.",
	"The evidence is there for everyone to see.", "We have written to {ORGQ}.",
	"Nobody is above the law.", "The truth is coming out.",
	"They cannot hide forever.", "We will see them in court.",
	"It is as simple as that.", "Our voters know the truth.",
	"I have said this before and I will say it again.",
	"Let the courts decide.", "The numbers speak for themselves.",
	"The people of {PL} deserve an answer.",
	"We will keep asking until we get one.",
)

// quoteQuestions are quoted questions, without the question mark.
var quoteQuestions = lazyCompileAll(
	"who gave {PTYQ} the right to [decide|speak] for {PL}",
	"where did the {N} missing ballot boxes go",
	"why is {ORGQ} [silent about|hiding the figures from|refusing to answer questions about] {EVQ}",
	"how can {PTYQ} [claim a mandate|talk about honesty] after what happened in {PL}",
	"what is {TS} afraid of in {PL}",
	"who is paying for the {N2} [rallies|adverts|buses] in {PL}",
)

// scarePhrases are short phrases quoted inside reported speech.
var scarePhrases = lazyCompileAll(
	"a stolen mandate", "a stitched-up count", "a farce", "engineered results",
	"the politics of revenge", "an insult to voters", "a cover-up",
	"daylight robbery", "a rigged system", "managed democracy",
	"a puppet show", "{PCT}% invented", "a circus", "pure fiction",
)

// quoteFrames place a quote and its speaker in a sentence.
var quoteFrames = lazyCompileAll(
	"{O}{QA},{C} {S} said.",
	"{O}{QA},{C} {S} said.",
	"{O}{QA},{C} said {SN}.",
	"{O}{QSC}{C} {S} said.",
	"{S} said: {O}{QS}{C}",
	"{S} said, {O}{QS}{C}",
	"{O}{QA},{C} {S} said, {O}{QB}.{C}",
	"{O}{QA},{C} {S} said, {O}{QB}.{C}",
	"{O}{QA},{C} {S} [added|continued]. {O}{QS}{C}",
	"{O}{QA},{C} {S} told reporters [in {PL}|on {DAY}|after the meeting].",
	"{O}{QA},{C} {S} said in a statement.",
	"{O}{QA},{C} a {PAPER} report quoted {SO} as saying.",
	"{O}{QA},{C} {S} is heard saying in the [recording|audio|clip].",
	"{S} told the {PAPER}: {O}{QS}{C}",
	"{S} wrote on social media: {O}{QS}{C}",
	"{O}{QA},{C} {S} says in the [audio|video].",
	"{S} [said|claimed|insisted] that {CL}, calling it {O}{SCARE}{C}.",
	"{O}{QQ}?{C} {S} asked.",
	"{O}{QQ}?{C} asked {SN}.",
	"[Speaking|Addressing a rally] in {PL} on {DAY}, {S} said: {O}{QS}{C}",
)

// quoteFollowups continue a paragraph with the same speaker; the first
// speakerFirst of them name the speaker before any quote, for use after a
// sentence that ends in a quote.
var quoteFollowups = lazyCompileAll(
	"{S} added: {O}{QS}{C}",
	"{S} [also|later] said that {CL}.",
	"{O}{QSC}{C} {S} [added|said].",
	"{O}{QA},{C} {S} added.",
)

const speakerFirst = 2

// reportedClauses are the content of reported speech, in the past tense.
var reportedClauses = lazyCompileAll(
	"{EV} had been [rigged|manipulated|engineered]",
	"[its|their] {N} seats in {ASM} had been [lost|handed to rivals|given away] [through fraud|to {PTY}|in a rigged count]",
	"{PTY} had [bought|intimidated|misled] voters in {PL}",
	"the mandate claimed by {PTY} was [fabricated|borrowed|worthless]",
	"{ORG2} had [ignored|suppressed|sat on] [complaints|evidence|warnings] from {PL}",
	"{PTYA} candidates in {PL} had [finished|come] [third|fourth|last] in most constituencies",
	"the [budget|ports deal|fuel subsidy|water project] would cost {PL} {AMT}",
	"[police|officials|unidentified men] had [harassed|detained|threatened] [its|the party's] [candidates|polling agents|supporters] in {PL}",
	"{T} had [met|struck a deal with|lobbied] [officials of|leaders of] {PTY2} [in secret|before {EV}]",
	"[turnout|support for the {PTYA}|inflation] in {PL} had [fallen|risen] by {PCT} percent",
	"the [recording|audio|letter|report] was [doctored|a forgery|genuine]",
	"{PTY} was [trying|planning] to [take control of the governorship of {PL}|sideline the {SPTYA}|delay {EVN}]",
	"{N} [polling stations|ballot boxes|tally sheets] in {PL} had gone missing",
	"the government had [failed|refused] to [pay|compensate|protect] {N} [farmers|traders|families] in {PL}",
	"{T} [was|had been] [behind|aware of] the [deal|leak|contracts] [from the start|for months]",
	"{PTY} owed its seats in {PL} to [a deal with|pressure from|money from] [{ORG2}|local landlords|business leaders in {PL2}]",
)

// reportedSentences attribute a reported clause, or a claim folded into a
// verb ("accused X of …"), to a speaker.
var reportedSentences = lazyCompileAll(
	"{S} [claimed|alleged|insisted|argued|maintained|said] that {CL}.",
	"{S} [claimed|alleged|insisted|argued|maintained|said] that {CL}.",
	"{S} [told reporters|told the {PAPER}|said in a statement|wrote on social media] that {CL}.",
	"{SPTY} [claimed|alleged|said] that {CL}.",
	"According to {SN}, {CL}.",
	"{S} accused {PTY} of [rigging|manipulating|stealing] {EV}.",
	"{S} accused {T} of [lying|misleading voters|hiding the figures|doing deals behind closed doors].",
	"In a statement, {ORG} said {CL}.",
	"{ORG} [said|reported|warned] that {CL}.",
	"{S} [also|later] [claimed|alleged] that {CL}, [calling it|describing it as] {O}{SCARE}{C}.",
	"[Speaking|Addressing a rally] in {PL} on {DAY}, {S} [claimed|said] that {CL}.",
)

// disputeSentences have a speaker deny or reject a claim.
var disputeSentences = lazyCompileAll(
	"{S} dismissed the [claims|allegations|accusations] as [baseless|politically motivated|a smear campaign|fabricated|old accusations recycled by rivals|a desperate distraction].",
	"{S} denied [the allegations|the claims|any wrongdoing|that {CL}].",
	"{S} rejected {TP} claim that {CL}.",
	"{SPTY} [rejected|disputed] the [figures|claims|allegations], calling them {O}{SCARE}{C}.",
	"{S} acknowledged that the [recording|letter|report] was genuine, but dismissed [its contents|the claims] as [old news|a distraction|taken out of context].",
	"{ORG} [denied|rejected] the [claims|report], saying {CL}.",
	"{S} called {TP} remarks [false|misleading|irresponsible|a lie].",
	"{S} [disputed|contested] {TP} account, [insisting|saying] that {CL}.",
)

// supportSentences have a speaker confirm or back a claim.
var supportSentences = lazyCompileAll(
	"{S} [confirmed|backed|endorsed|supported] {TP} [claims|account|allegations].",
	"{S} [backed|echoed|supported] the [allegations|claims], saying {CL}.",
	"[Leaked documents have backed|The recordings appear to support|Purported audio recordings have supported|A new report by {ORG} lends weight to] allegations by {SPTYL} that {CL}.",
	"{SPTY} [welcomed|backed] the [ruling|report|findings], saying {CL}.",
	"{S} said {SP} party [stood by|fully supported] {TP} [statement|account].",
	"{S} confirmed that {CL}.",
)

// narrativeSentences are background without a claim.
var narrativeSentences = lazyCompileAll(
	"{SPTYA}-backed candidates took {N} seats in {ASM} in {EV}, [ahead of|behind] {PTYL} and {PTY2}.",
	"[Since then|After the vote], the {PTYA} and the {PTY2A} have [governed together|shared power] [in {PL}|at the centre], leaving the {SPTYA} in opposition.",
	"The {PTYA} won {N} seats in {ASM} [in {PL}|at the last election].",
	"{S} [pointed to|looked back on] the {YR} elections, in which the {SPTYA} [won|took] {N} seats in {PL}.",
	"{S} joined the {SPTYA} in {YR} after [two terms on the council of {PL}|a career in law|years as a teacher in {PL}].",
	"{ORG} is expected to [rule|report|meet] on the matter [next week|in {MON}|before {EVN}].",
	"The dispute comes [weeks|days|months] before {EVN}.",
	"{S} [visited|toured|addressed a rally in] {PL} on {DAY}.",
	"The {PTYA} has [governed|led the council in] {PL} since {YR}.",
	"Turnout in {PL} was {PCT} percent in {EV}.",
	"{S} [met|held talks with] {T} in {PL} on {DAY}.",
	"[Protests|Rallies|Marches] were held in {PL} and {PL2} on {DAY}.",
	"The {PAPER} could not independently verify the [recording|letter|figures].",
	"{PL} has [{N2} seats|{N} seats] in {ASM}.",
	"The {PTYA} has [held|lost] {N2} seats in {PL} since the {YR} elections, when turnout [fell|rose] to {PCT} percent.",
	"{PL}, a [district|province|city] of about {N} thousand voters, has [long been|never been] a stronghold of the {PTYA}.",
	"The [row|dispute|controversy] [began|erupted] in {MON}, when {ORG} [published|released] [figures|a report|an audit] on [spending|turnout|contracts] in {PL}.",
	"Parliament is due to [debate|vote on] the [budget|reform bill|pension scheme|ports deal] in {MON}.",
	"{ASM} has {N} members, of whom {N2} sit with the {PTYA}.",
	"{SPTYA} supporters gathered outside the offices of {ORG} in {PL} on {DAY}.",
	"Results from {N2} polling stations in {PL} have yet to be [published|certified].",
	"The {PTYA} and the {PTY2A} [fought|contested] {EV} as [rivals|allies], winning {N} seats between them.",
	"Neither {ORG} nor the {PTYA} responded to requests for comment [on {DAY}|by the time of publication].",
	"{S} [has represented|has lived in] {PL} [for {N2} years|since {YR}].",
	"{S} grew up in {PL} and [studied law|trained as an engineer|worked as a teacher] in {PL2}.",
	"The vote in {PL} was [delayed|held] [for {N2} days|twice|under heavy security] after [clashes|floods|a court order] in {MON}.",
)

// leadSentences open an article; they introduce its main speaker, parties
// and event.
var leadSentences = lazyCompileAll(
	"{S} [claimed|alleged] on {DAY} that {CL}.",
	"[Leaked documents have backed|Purported audio recordings appear to support|A new report by {ORG} lends weight to] allegations by {SPTYL} that {CL}.",
	"{S} accused {PTY} of [rigging|manipulating|stealing] {EV}, [saying|claiming] that {CL}.",
	"{SPTY} [claimed|alleged] on {DAY} that {CL}, [deepening|reviving] a row over {EV}.",
	"{S} [told the {PAPER}|told reporters in {PL}] that {CL}.",
)

// embedTexts are the text of an embedded social-media post.
var embedTexts = lazyCompileAll(
	"{OS}{SCARE}{CS}: [Leaked audio|New footage|A leaked letter] [shows|suggests|proves] the {PTYA} [knew all along|planned it in advance|was behind the count in {PL}]. [The truth always comes out.|Nobody should be surprised.|Remember this on polling day.|Read it and decide for yourself.]",
)
