// Package similar measures how alike two claim texts are, for linking a
// fact-check to the claim it rates and for joining near-duplicate claims
// (the same quote trimmed, re-punctuated or lightly paraphrased across
// outlets) into clusters.
//
// Texts are compared as sets of word shingles: the k-word runs of their
// words after graph.NormalizeText (lower case, punctuation and quotation
// marks dropped), hashed to 64 bits. Two measures are offered: Resemblance
// (Jaccard: shared shingles over all shingles) and Containment (shared
// shingles over the smaller set), which stays high when one text is a
// trimmed copy of the other. MinHash signatures and their LSH band keys
// find candidate pairs without comparing every pair; candidates are then
// verified with the exact measures.
package similar
