package claimreview

import "fmt"

// Verdict is a normalised rating.
type Verdict string

// The verdicts, from true to false, and unrated for anything that is not a
// rating of truth (satire, opinion, unproven) or could not be read.
const (
	True        Verdict = "true"
	MostlyTrue  Verdict = "mostly-true"
	Mixed       Verdict = "mixed"
	MostlyFalse Verdict = "mostly-false"
	False       Verdict = "false"
	Unrated     Verdict = "unrated"
)

// Verdicts lists every verdict in display order.
var Verdicts = []Verdict{True, MostlyTrue, Mixed, MostlyFalse, False, Unrated}

// Valid reports whether v is one of Verdicts.
func (v Verdict) Valid() bool {
	for _, x := range Verdicts {
		if v == x {
			return true
		}
	}
	return false
}

// Shape names the form a file was in.
type Shape string

// The shapes Parse reads.
const (
	JSONLD     Shape = "json-ld"          // ClaimReview objects, an array or a @graph
	FactCheck  Shape = "factcheck-tools"  // Google Fact Check Tools claims:search
	DataCommon Shape = "datacommons-feed" // Data Commons DataFeed
)

// Review is one fact-checker's rating of one claim. Parse guarantees that
// ClaimText is not empty, that Verdict is valid, that ClaimDate and
// ReviewDate are "" or YYYY-MM-DD, and that no string has leading or
// trailing space.
type Review struct {
	// ClaimText is the claim as the fact-checker quotes it (claimReviewed).
	ClaimText string `json:"claim"`
	// Claimant is who made the claim ("" when not given).
	Claimant string `json:"claimant,omitempty"`
	// ClaimantType is the schema.org type of the claimant when the file
	// says: "Person" or "Organization"; "" when unknown.
	ClaimantType string `json:"claimant_type,omitempty"`
	// ClaimDate is when the claim was made, YYYY-MM-DD, or "".
	ClaimDate string `json:"claim_date,omitempty"`
	// Appearances are URLs where the claim appeared, first appearance first.
	Appearances []string `json:"appearances,omitempty"`
	// Publisher is the fact-checking organisation.
	Publisher string `json:"publisher,omitempty"`
	// URL is the review's address.
	URL string `json:"url,omitempty"`
	// ReviewDate is when the review was published, YYYY-MM-DD, or "".
	ReviewDate string `json:"review_date,omitempty"`
	// Rating is the verdict as published ("Pants on Fire", "4/5").
	Rating string `json:"rating,omitempty"`
	// Verdict is Rating normalised.
	Verdict Verdict `json:"verdict"`
	// Language is the review's language code when given.
	Language string `json:"language,omitempty"`
	// Index is the 1-based position of the review in its file.
	Index int `json:"index"`
}

// Skip is a review Parse could not use, with the reason.
type Skip struct {
	File   string
	Index  int // 1-based position of the review in the file
	Reason string
}

// Error returns "FILE: review N: reason".
func (s Skip) Error() string { return fmt.Sprintf("%s: review %d: %s", s.File, s.Index, s.Reason) }

// Result is what Parse found in one file.
type Result struct {
	Shape   Shape
	Reviews []Review
	// Skipped are ClaimReview objects without the text of the claim they
	// rate, which cannot be linked or kept.
	Skipped []Skip
}
