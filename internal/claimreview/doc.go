// Package claimreview reads schema.org ClaimReview, the markup fact-checkers
// publish with each verdict, in the three shapes it is found in:
//
//   - JSON-LD: one object whose @type is (or includes) ClaimReview, an array
//     of such objects, or an object with a @graph that holds them;
//   - the Google Fact Check Tools claims:search response: {"claims": [...]}
//     with text, claimant, claimDate and claimReview[] (publisher, url,
//     title, reviewDate, textualRating, languageCode);
//   - the Data Commons ClaimReview feed: a DataFeed whose
//     dataFeedElement[].item[] are ClaimReview objects.
//
// A review page in HTML is read for the JSON-LD of its
// <script type="application/ld+json"> blocks.
//
// Parse turns a file into Reviews: the claim text, its claimant, the claim's
// date and appearances, the publisher, the review's URL and date, the rating
// as published and its normalised Verdict (true, mostly-true, mixed,
// mostly-false, false or unrated). NormalizeRating and ScaleRating map
// textual and numeric ratings to verdicts.
package claimreview
