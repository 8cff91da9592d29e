package extract

// places is a small gazetteer of countries, US states, world regions and
// large cities: general geography, not names from any particular article.
// A name found here is a place; a name ending in one (East Jerusalem) is
// one too.
var places = setOf(`afghanistan albania algeria argentina armenia australia austria azerbaijan bahrain bangladesh
	belarus belgium bolivia bosnia brazil bulgaria burma cambodia cameroon canada chile china colombia congo croatia
	cuba cyprus czechia denmark ecuador egypt england eritrea estonia ethiopia finland france georgia germany ghana
	greece guatemala haiti honduras hungary iceland india indonesia iran iraq ireland israel italy jamaica japan
	jordan kazakhstan kenya korea kosovo kuwait kyrgyzstan laos latvia lebanon liberia libya lithuania luxembourg
	macedonia madagascar malaysia mali malta mexico moldova mongolia montenegro morocco mozambique myanmar namibia
	nepal netherlands nicaragua niger nigeria norway oman pakistan palestine panama paraguay peru philippines poland
	portugal qatar romania russia rwanda scotland senegal serbia singapore slovakia slovenia somalia spain sudan
	sweden switzerland syria taiwan tajikistan tanzania thailand tunisia turkey turkmenistan uganda ukraine uruguay
	uzbekistan venezuela vietnam wales yemen zambia zimbabwe britain u.s. u.k. usa america europe asia africa
	antarctica oceania australia eurasia scandinavia balkans caribbean arctic
	alabama alaska arizona arkansas california colorado connecticut delaware florida hawaii idaho illinois
	indiana iowa kansas kentucky louisiana maine maryland massachusetts michigan minnesota mississippi missouri
	montana nebraska nevada ohio oklahoma oregon pennsylvania tennessee texas utah vermont virginia washington
	wisconsin wyoming
	london paris berlin moscow beijing tokyo delhi mumbai karachi lahore islamabad dhaka cairo baghdad damascus
	tehran kabul jerusalem beirut istanbul ankara athens rome madrid lisbon brussels amsterdam vienna warsaw
	prague budapest kiev kyiv dublin edinburgh geneva zurich stockholm oslo copenhagen helsinki toronto montreal
	vancouver ottawa sydney melbourne seoul pyongyang shanghai manila jakarta bangkok hanoi singapore nairobi
	lagos johannesburg havana caracas bogota lima santiago mexico chicago houston philadelphia phoenix boston
	seattle denver atlanta miami dallas detroit baltimore cleveland pittsburgh brooklyn manhattan queens bronx
	orlando tampa charlotte nashville memphis louisville milwaukee minneapolis omaha sacramento portland
	cincinnati columbus indianapolis austin richmond raleigh charleston savannah anchorage honolulu tucson
	albuquerque harlem hollywood macau riyadh dubai doha tripoli benghazi mosul aleppo raqqa gaza
	crimea kashmir balochistan tibet siberia normandy bavaria catalonia quebec ontario
	n.h. n.j. n.m. n.y. n.c. n.d. s.c. s.d. r.i. w.va. d.c.`)

// multiPlaces are places of several words.
var multiPlaces = setOf(`new-york new-jersey new-hampshire new-mexico new-orleans new-delhi los-angeles las-vegas
	san-francisco san-diego san-antonio san-jose st.-louis salt-lake-city north-carolina south-carolina
	north-dakota south-dakota west-virginia rhode-island united-states united-kingdom south-africa north-korea
	south-korea saudi-arabia middle-east new-zealand sri-lanka hong-kong el-paso des-moines kansas-city
	oklahoma-city fort-worth long-island silicon-valley wall-street capitol-hill puerto-rico latin-america
	south-america north-america central-america east-asia southeast-asia west-bank gaza-strip persian-gulf
	soviet-union european-union washington-d.c. district-of-columbia`)

// placePrefixes start multi-word place names: Fort Worth, Lake Tahoe.
var placePrefixes = setOf(`fort mount mt. lake port san santa los las st. saint east west north south northern southern
	eastern western upper lower greater`)
