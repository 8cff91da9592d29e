// Package contradict finds contradiction candidates: pairs of a speaker's
// claims about the same entity (a shared "about" target) where one seems to
// say the opposite of the other. Three signals are looked for, each only
// when the rest of the two texts is alike (word-shingle Score of the texts
// with the signal words masked at least MinCore):
//
//   - negation: one text negates the statement the other makes (not,
//     never, no, n't, …: the parity of negators differs);
//   - reversal: a verdict word is swapped for its opposite (won/lost,
//     true/false, support/oppose, increase/cut, …);
//   - number: the numbers differ (40 million against 25 million).
//
// The result is a list of candidates for a human to judge, never a
// verdict: a speaker may have changed their mind, been misquoted, or be
// describing two different things with similar words.
package contradict
