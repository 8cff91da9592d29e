// Package factcheck links fact-checkers' reviews (schema.org ClaimReview)
// to the claims of a graph.
//
// Each review becomes a factcheck node with a reviews edge to the claim it
// rates. The claim is found in this order:
//
//  1. exact: a stored claim with the same normalised text (graph.ClaimID);
//  2. speaker: the claimant is resolved through the alias index (a name,
//     surname, acronym or ID, also after dropping a leading title or a
//     trailing ", description"), and the review's text is compared with the
//     claims that speaker said — their said edges, O(degree) — by word
//     shingles (similar.Score); the best claim at or above
//     Options.SpeakerThreshold wins;
//  3. index: claims found through the store's word index
//     (graph.Searcher.SearchClaims, one posting list per word for the
//     review's longest words), kept only at or above the stricter
//     Options.IndexThreshold and only when the claim has no speaker or the
//     review names none;
//  4. own claim: otherwise the review's text becomes a claim of its own,
//     said by the claimant (resolved, or a new person or organization) with
//     a said edge whose Rule is RuleClaimant and no article.
//
// A claim that had no speaker and is matched by a review with a claimant
// gets the same said edge. Nothing here reads every claim. Link only reads;
// it returns one subgraph for the caller to write, so that a batch of
// reviews is stored in one atomic write and writing it twice changes
// nothing.
package factcheck
