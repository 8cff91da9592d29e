// Package gen writes a deterministic synthetic corpus of news articles, the
// input for claimgraph's speed and scale measurements (issue 6).
//
// # Use
//
//	stats, err := gen.Generate(ctx, gen.Options{Articles: 250000, Seed: 7, Out: dir}, os.Stderr)
//
// writes Articles plain-text files under Out, at most 1,000 per directory:
// Out/0000/000000.txt … Out/0249/249999.txt (the widths grow for a million
// articles or more). The same (Articles, Seed, Start) gives byte-identical
// files on every run and at any degree of parallelism: each article is
// drawn from its own PCG stream seeded from (Seed, index), the invented
// world from Seed alone, and nothing reads the clock or iterates a map. (The
// Zipf tables use floating point, so a CPU architecture that rounds
// differently could in principle pick another person at a boundary.)
// 250,000 articles (1.02 GB) take about 30 s of CPU, most of it the kernel
// creating files; generation alone runs at 60–90 MB/s per core.
//
// # The invented world
//
// Built once per seed: 3,000 people (first names crossed with surnames,
// each with a gender, one party or organisation and one role), 40 parties
// with long names made of party words and unique acronyms ("Unity Federal
// Bloc (UFB)", "Popular Bloc-Nationalist (PB-N)", "Moderate Party of
// Langbury (MPL)"), 100 organisations (90 commissions, courts, bureaus,
// unions, chambers and civic groups, most with acronyms, and 10
// newspapers), 200 places (compounds such as "Langridge" or "Port
// Calmere") and a calendar of events (general elections, by-elections,
// referendums, budget votes, summits). People are drawn for each article
// from a Zipf distribution with s = 1.1 by popularity rank, parties,
// organisations and places with s = 1; the first 40 people lead the 40
// parties and the very first is prime minister. So a few hub entities recur
// everywhere: the first-ranked person appears in more than half of all
// articles and, at 250,000 articles, says tens of thousands of claims.
//
// # The shape of an article
//
//	date 2022-03-14
//	<blank>
//	Headline without final punctuation
//	<blank>
//	paragraph, blank line, paragraph, …
//
// Files are 2–6 KB (mean about 4.1 KB) of English news prose in 10–45
// short paragraphs, with some 10 direct quotes and 8 reported claims. The
// headline has no final punctuation, so internal/article takes it for the
// title. Each article uses one quoting style: curly (“ ” and ‘ ’) three
// times in four, straight (" and ') otherwise. Besides background
// sentences without a claim ("The FNP won 74 seats in the National Assembly
// at the last election.", "The dispute comes days before the Ashmere
// by-election.") the paragraphs hold:
//
//   - direct quotes with the speaker after (“…,” Roe said. / “…,” said the
//     governor.), before (Roe said: “…” / Roe told the Daily Meridian: “…”),
//     splitting the quote (“…,” she said, “and …”), quoted by a newspaper
//     (“…,” a Daily Meridian report quoted Roe as saying.), heard in a
//     recording (“…,” the governor is heard saying in the audio.), written
//     on social media, as questions (“…?” Roe asked.), as partial quotes
//     (…, calling it “a stitched-up count”), and follow-ups by the same
//     speaker (She added: “…” / “…,” Roe added.);
//   - reported speech: "X claimed/alleged/insisted/argued/maintained/said
//     that …", "According to X, …", "X told reporters that …", "X accused
//     the FNP of …", "The FNP claimed that …", "In a statement, the NEC
//     said …";
//   - disputes: "X dismissed the claims as …", "X denied …", "X rejected
//     Roe's claim that …", "X disputed Roe's account, saying that …", "The
//     FNP disputed the figures, calling them “…”", "X called Roe's remarks
//     misleading";
//   - supports: "X confirmed/backed/endorsed Roe's account", "X echoed the
//     allegations, saying …", "X confirmed that …", "Leaked documents have
//     backed allegations by Jane Roe's Federal National Party (FNP) that …";
//   - an occasional embedded social-media post ending in a pic.twitter.com
//     link, the author's name, handle and date.
//
// People are introduced once per article with their full name, usually with
// a role: before the name ("FNP senior deputy leader Jane Roe", "Ashmere
// Governor Jane Roe", "Interior Minister Jane Roe", "Senator Jane Roe",
// "National Election Commission spokesperson Jane Roe") or after it ("Jane
// Roe, the governor of Ashmere,", "Jane Roe, a senator from Ashmere,", "Jane
// Roe of the Federal National Party (FNP)"). Later they are the surname,
// Mr or Ms and the surname, their role once it has been stated ("the
// governor", "the minister", "the FNP spokesperson"), the full name again,
// or he/she/him/her/his — a pronoun only when that person was the last one
// named and the last subject. Inside quotes people are "Roe", "Ms Roe" or
// "Jane Roe" and parties "the FNP", possibly before the article introduces
// them. Parties and organisations are spelt out with their acronym in
// parentheses at first mention ("the Federal National Party (FNP)", or
// possessive: "Jane Roe's Federal National Party (FNP)", then "Roe's FNP"),
// then the acronym ("the FNP", "FNP-backed") or, for organisations, their
// head noun ("the commission") when no other organisation in the article
// shares it. No two people in one article share a surname. Events read "the
// March 3 elections", "the March 3 polls", "the Ashmere by-election", "the
// by-election in Ashmere", "the 2021 budget vote".
//
// Quotes are composed from phrase templates with entity, number and place
// slots, so most claims are distinct; one quote clause in twelve is instead
// one of its speaker's eight signature lines, repeated word for word across
// articles (a hub's lines recur in thousands of them).
package gen
