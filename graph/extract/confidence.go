package extract

import "strings"

// ruleConfidence is the calibrated confidence of each rule that makes a
// said edge: the share of the rule's claims on the PolNeAR dev split
// (84 articles) that are right end to end, as internal/eval measures it,
// smoothed as (right+1)/(claims+2) —
// the claim matched an annotated attribution (token-overlap F1 >= 0.5,
// one-to-one) and its speaker is right or the annotated source names no
// one. Claims matching no annotation count as wrong, so the values are a
// lower bound where annotators left attributions out. Rules with fewer
// than 20 claims on dev are pooled into their family
// ("reported/that-clause:vow" into "reported/that-clause") and then their
// kind ("reported"); see confidenceOf. Regenerate after changing rules:
//
//	claimgraph eval --rules-go ../shared/polnear/dev
//
// and paste its lines here; `claimgraph eval --rules` prints the table
// with the counts. PolNeAR has no gold for member-of: its two rules carry
// the same smoothed share measured by hand on the project's own sample
// articles (testdata/ARTICLES.md lists the memberships; all 21 edges the
// extractor makes there are right, 19 by apposition and 2 by possessive).
// Rules for about, mentions, disputes and supports are in no table: their
// confidence is 0, which means unknown (docs/QUALITY.md).
var ruleConfidence = map[string]float64{
	// measured on testdata/articles, not PolNeAR
	"member-of/apposition": 0.95, // 19 of 19
	"member-of/possessive": 0.75, // 2 of 2
	// PolNeAR dev: claimgraph eval --rules-go ../shared/polnear/dev
	"direct-quote":                   0.95, // 346 of 364
	"direct-quote/cue-speaker-after": 0.96, // 65 of 67
	"direct-quote/speaker-after":     0.95, // 210 of 220
	"direct-quote/speaker-before":    0.93, // 38 of 40
	"direct-quote/split":             0.83, // 18 of 21
	"reported":                       0.78, // 662 of 850
	"reported/shared-subject":        0.71, // 76 of 106
	"reported/shared-subject:say":    0.84, // 20 of 23
	"reported/speaker-after":         0.68, // 22 of 32
	"reported/stance-object":         0.71, // 16 of 22
	"reported/that-clause":           0.80, // 507 of 636
	"reported/that-clause:call":      0.78, // 38 of 48
	"reported/that-clause:note":      0.95, // 20 of 20
	"reported/that-clause:say":       0.93, // 216 of 231
	"reported/that-clause:tell":      0.86, // 18 of 20
}

// confidenceOf returns the calibrated confidence of a rule, or of its
// family, or of its kind; 0 (unknown) for rules outside the table.
func confidenceOf(rule string) float64 {
	if c, ok := ruleConfidence[rule]; ok {
		return c
	}
	if i := strings.IndexByte(rule, ':'); i >= 0 {
		if c, ok := ruleConfidence[rule[:i]]; ok {
			return c
		}
	}
	if i := strings.IndexByte(rule, '/'); i >= 0 {
		return ruleConfidence[rule[:i]]
	}
	return 0
}
