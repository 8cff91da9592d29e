package gen

// Word lists the invented world is built from. They are read-only after
// package initialisation.

var maleFirstNames = []string{
	"Adam", "Adrian", "Albert", "Aldo", "Anton", "Arjun", "Bruno", "Caleb",
	"Carlos", "Cyrus", "Damian", "Dario", "Edgar", "Elias", "Emil", "Felix",
	"Gideon", "Hamid", "Hugo", "Idris", "Ivan", "Jonas", "Julian", "Karim",
	"Lars", "Leon", "Lucas", "Malik", "Marco", "Matteo", "Milan", "Nabil",
	"Nikolai", "Omar", "Oskar", "Pablo", "Rafael", "Ravi", "Rohan", "Samir",
	"Silas", "Stefan", "Tariq", "Teodor", "Tobias", "Viktor", "Yusuf", "Zane",
	"Anders", "Bram", "Cedric", "Dmitri", "Emre", "Farid", "Goran", "Henrik",
	"Ilias", "Jasper", "Kofi", "Nils",
}

var femaleFirstNames = []string{
	"Ada", "Aisha", "Alma", "Amara", "Anika", "Beatrix", "Camila", "Clara",
	"Dalia", "Daria", "Elena", "Elif", "Esme", "Farah", "Freya", "Greta",
	"Hana", "Helena", "Ines", "Iris", "Jana", "Leila", "Lena", "Lidia",
	"Lucia", "Mara", "Marta", "Maya", "Mina", "Nadia", "Nora", "Olga",
	"Petra", "Priya", "Rania", "Rosa", "Sabine", "Sana", "Selma", "Sofia",
	"Tamara", "Thea", "Vera", "Yara", "Zara", "Zofia", "Astrid", "Bianca",
	"Carmen", "Dina", "Edith", "Fatima", "Gloria", "Ilse", "Joanna", "Kira",
	"Linnea", "Noor", "Paula", "Rhea",
}

var surnames = []string{
	"Abernethy", "Achterberg", "Albescu", "Aldana", "Amsel", "Arkwell",
	"Baranyi", "Belcourt", "Benedek", "Berisha", "Blackwood", "Bolander",
	"Brannigan", "Castellano", "Cerny", "Cordova", "Dalca", "Darrow",
	"Delmonte", "Drazic", "Ekwueme", "Elsner", "Falconer", "Farrokh",
	"Fenwick", "Ferrante", "Galloway", "Garstang", "Haddad", "Halloran",
	"Hartigan", "Holmqvist", "Ibarra", "Ilunga", "Jaramillo", "Jovanovic",
	"Kadir", "Karlsson", "Kovalenko", "Lachance", "Lindqvist", "Lombardi",
	"Lundgren", "Madrigal", "Maretti", "Medina", "Mirza", "Moravec",
	"Nakamura", "Navarro", "Nyberg", "Obradovic", "Okafor", "Olander",
	"Ortega", "Pacheco", "Petrakis", "Pomeroy", "Quaresma", "Quintero",
	"Radu", "Rasmussen", "Renwick", "Rossetti", "Sadiq", "Salazar",
	"Sandoval", "Sarkis", "Sefton", "Sorensen", "Stavros", "Szabo",
	"Talbot", "Tamura", "Tervo", "Thackeray", "Toivonen", "Uberti",
	"Umarov", "Valdez", "Varga", "Vasquez", "Voss", "Wainwright",
	"Waller", "Whitlock", "Yilmaz", "Zaleski", "Zamora", "Zeller",
	"Zubair", "Brennan", "Calloway", "Dunmore", "Eriksen", "Fairbairn",
	"Gorski", "Hallberg", "Iversen", "Kaminski", "Lennox", "Mancini",
	"Novak", "Oyelaran", "Pellegrini", "Rahimi", "Soltani", "Trevino",
	"Usman", "Vukovic", "Wendell", "Yamada", "Acheampong", "Bertrand",
	"Chaudry", "Demir", "Esposito", "Ferreira", "Grimaldi", "Hosseini",
}

// Places are compounds of a prefix and a suffix, some with a leading word.
var placePrefixes = []string{
	"North", "South", "East", "West", "Ash", "Bel", "Bram", "Cal", "Dun",
	"Elm", "Fair", "Glen", "Hart", "Kings", "Lang", "Mar", "Oak", "Pen",
	"Red", "Ross", "Stan", "Thorn", "Wex", "Yar", "Zel", "Cor", "Hal",
	"Mor", "Tal", "Vel",
}

var placeSuffixes = []string{
	"vale", "mere", "ford", "bury", "wick", "haven", "field", "moor",
	"gate", "stead", "ton", "brook", "ridge", "holm", "dale",
}

var placeLeads = []string{"Port", "New", "Upper", "Lake", "Fort"}

// Party names: [qualifier] [middle] head [suffix].
var partyQualifiers = []string{
	"United", "Federal", "People's", "New", "Progressive", "Free", "Popular",
	"Civic", "Green", "Workers'", "Farmers'", "Liberal", "Conservative",
	"Social", "Republican", "Independent", "Reform", "Justice", "Unity",
	"Patriotic",
}

var partyMiddles = []string{
	"National", "Democratic", "Labour", "Citizens'", "Socialist", "Regional",
	"Agrarian", "Radical", "Moderate", "Federal", "Popular", "Christian",
}

var partyHeads = []string{
	"Party", "League", "Movement", "Front", "Alliance", "Congress", "Union",
	"Bloc",
}

// Faction suffixes give hyphenated acronyms such as "DL-R".
var partyFactions = []string{
	"Renewal", "Nationalist", "Unity", "Reform", "Progressive", "Heritage",
}

// National organisations: a qualifier that suits the body, the body, and
// the noun that refers back to it.
var orgBodies = []struct {
	name, head string
	quals      []string
}{
	{"Election Commission", "commission", []string{"National", "Federal", "Independent", "Central"}},
	{"Audit Office", "audit office", []string{"National", "Federal", "Supreme", "State"}},
	{"Anti-Corruption Bureau", "bureau", []string{"National", "Federal", "Central", "Independent"}},
	{"Human Rights Commission", "commission", []string{"National", "Federal", "Independent"}},
	{"Broadcasting Authority", "authority", []string{"National", "Federal", "Independent", "State"}},
	{"Revenue Board", "board", []string{"National", "Federal", "Central", "State"}},
	{"Statistics Office", "statistics office", []string{"National", "Federal", "Central", "State"}},
	{"Accountability Bureau", "bureau", []string{"National", "Federal", "Central"}},
	{"Court", "court", []string{"Supreme", "Federal", "Constitutional"}},
	{"Bank", "bank", []string{"Central", "National", "State"}},
	{"Police Service", "police", []string{"National", "Federal", "State"}},
	{"Ports Authority", "authority", []string{"National", "Federal", "State"}},
	{"Energy Regulator", "regulator", []string{"National", "Federal", "Independent"}},
	{"Planning Council", "council", []string{"National", "Federal", "Central", "State"}},
	{"Medical Association", "association", []string{"National"}},
}

// Place-bound organisations: "<Place> Chamber of Commerce".
var localBodies = []struct{ name, head string }{
	{"Chamber of Commerce", "chamber"},
	{"Bar Council", "council"},
	{"Teachers' Union", "union"},
	{"University", "university"},
	{"Water Board", "board"},
	{"Transport Workers' Union", "union"},
	{"Farmers' Cooperative", "cooperative"},
	{"High Court", "court"},
	{"Traders' Association", "association"},
}

// Civil-society bodies with fixed names.
var civicBodies = []struct{ name, head string }{
	{"Coalition for Fair Elections", "coalition"},
	{"Free Press Watch", "group"},
	{"Transparency Forum", "forum"},
	{"Council of Small Traders", "council"},
	{"Federation of Rural Cooperatives", "federation"},
	{"Institute for Electoral Integrity", "institute"},
	{"Centre for Budget Studies", "centre"},
	{"League of Women Voters of the Republic", "league"},
	{"Association of Municipal Workers", "association"},
	{"Network of Election Observers", "network"},
}

// Newspapers and broadcasters, always written with "the".
var mediaNames = []string{
	"Daily Meridian", "Morning Ledger", "Evening Courier", "Weekly Beacon",
	"National Observer", "Republic Tribune", "Coastal Gazette",
	"Capital Dispatch", "Sunday Chronicle", "Frontier Post",
}

var monthNames = []string{
	"January", "February", "March", "April", "May", "June", "July",
	"August", "September", "October", "November", "December",
}

var weekdayNames = []string{
	"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
	"Saturday",
}

// roleKind says how a role is written next to a name.
type roleKind int

const (
	partyRole roleKind = iota // "FNP senior deputy leader Jane Roe"
	govRole                   // "Interior Minister Jane Roe"
	placeRole                 // "Ashmere Governor Jane Roe", "the governor of Ashmere"
	orgRole                   // "Election Commission spokesperson Jane Roe"
)

// role is a title a person holds for good.
type role struct {
	kind  roleKind
	title string // lower case: "senior deputy leader", "governor"
	pre   string // before a name, for gov and place roles: "Interior Minister", "Governor"
	back  string // definite back-reference: "the minister"
}

// Roles are referred to by index in roles.
var roles = []role{
	{partyRole, "leader", "", "the party leader"},
	{partyRole, "senior deputy leader", "", "the deputy leader"},
	{partyRole, "deputy leader", "", "the deputy leader"},
	{partyRole, "secretary general", "", "the secretary general"},
	{partyRole, "spokesperson", "", "the spokesperson"},
	{partyRole, "information secretary", "", "the information secretary"},
	{partyRole, "parliamentary leader", "", "the parliamentary leader"},
	{partyRole, "vice president", "", "the vice president"},
	{partyRole, "lawmaker", "", "the lawmaker"},
	{govRole, "prime minister", "Prime Minister", "the prime minister"},
	{govRole, "interior minister", "Interior Minister", "the minister"},
	{govRole, "finance minister", "Finance Minister", "the minister"},
	{govRole, "foreign minister", "Foreign Minister", "the minister"},
	{govRole, "health minister", "Health Minister", "the minister"},
	{govRole, "law minister", "Law Minister", "the minister"},
	{govRole, "information minister", "Information Minister", "the minister"},
	{govRole, "energy minister", "Energy Minister", "the minister"},
	{govRole, "planning minister", "Planning Minister", "the minister"},
	{placeRole, "governor", "Governor", "the governor"},
	{placeRole, "chief minister", "Chief Minister", "the chief minister"},
	{placeRole, "mayor", "Mayor", "the mayor"},
	{placeRole, "senator", "Senator", "the senator"},
	{orgRole, "spokesperson", "", "the spokesperson"},
	{orgRole, "chair", "", "the chair"},
	{orgRole, "director", "", "the director"},
	{orgRole, "chief executive", "", "the chief executive"},
}

// Indexes into roles used when assigning them.
const (
	roleLeader   = 0
	rolePM       = 9
	firstParty   = 1
	lastParty    = 8
	firstMinistr = 10
	lastMinistr  = 17
	firstPlace   = 18
	lastPlace    = 21
	firstOrg     = 22
	lastOrg      = 25
)
