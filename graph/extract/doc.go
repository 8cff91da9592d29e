// Package extract turns the plain text of one news article into the part of
// the claim graph it contributes: people, parties, organisations, places and
// events it names, the claims it reports (verbatim quotes and reported
// speech) with who made them, and the member-of, about, disputes, supports
// and mentions relations between them, each edge carrying the byte span and
// sentence it was read from.
//
// The extractor is built from rules and word lists only (cue verbs in every
// tense, titles, honorifics, party and organisation words); it knows no names
// of particular people or parties. It works in passes over one immutable
// token stream:
//
//  1. tokenize: words, numbers, punctuation and quotation marks with byte
//     offsets; a leading "date YYYY-MM-DD" header line is skipped;
//  2. sentences: boundaries that survive abbreviations, initials and numbers;
//  3. quotes: paired quotation marks, nested single quotes, quotes left open
//     at a paragraph's end and reopened in the next;
//  4. entities: capitalised name sequences, titles, acronym definitions,
//     handles, events, and coreference of surnames, acronyms, titles and
//     pronouns;
//  5. attributions: direct quotes with the speaker before, after or inside
//     them, and reported speech around cue verbs;
//  6. relations: member-of from appositions and possessives, about, disputes
//     and supports, mentions.
//
// Extract has no shared mutable state and is safe for concurrent use.
package extract
