package extract

import "strings"

// ruleConfidence is the calibrated confidence of each rule that makes a
// said edge: the share of the rule's claims on the PolNeAR train split
// (840 articles; the dev split is kept for measuring) that are right end
// to end, as internal/eval measures it,
// smoothed as (right+1)/(claims+2) —
// the claim matched an annotated attribution (token-overlap F1 >= 0.5,
// one-to-one) and its speaker is right or the annotated source names no
// one. Claims matching no annotation count as wrong, so the values are a
// lower bound where annotators left attributions out. Rules with fewer
// than 20 claims on train are pooled into their family
// ("reported/that-clause:murmur" into "reported/that-clause") and then their
// kind ("reported"); see confidenceOf. Regenerate after changing rules:
//
//	claimgraph eval --rules-go ../shared/polnear/train
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
	// PolNeAR train: claimgraph eval --rules-go ../shared/polnear/train
	"direct-quote":                     0.96, // 3479 of 3614
	"direct-quote/colon":               0.80, // 19 of 23
	"direct-quote/cue-speaker-after":   0.99, // 707 of 715
	"direct-quote/shared-subject":      0.83, // 81 of 97
	"direct-quote/speaker-after":       0.97, // 2167 of 2233
	"direct-quote/speaker-before":      0.92, // 371 of 402
	"direct-quote/split":               0.93, // 100 of 107
	"reported":                         0.77, // 5298 of 6859
	"reported/according-to":            0.82, // 151 of 183
	"reported/cue-speaker-after":       0.58, // 31 of 53
	"reported/noun-that":               0.50, // 51 of 101
	"reported/quote-verb":              0.73, // 123 of 169
	"reported/shared-subject":          0.73, // 767 of 1047
	"reported/shared-subject:add":      0.76, // 30 of 39
	"reported/shared-subject:argue":    0.93, // 26 of 27
	"reported/shared-subject:ask":      0.64, // 13 of 20
	"reported/shared-subject:call":     0.82, // 50 of 60
	"reported/shared-subject:cite":     0.84, // 20 of 23
	"reported/shared-subject:note":     0.83, // 28 of 33
	"reported/shared-subject:refer":    0.72, // 28 of 38
	"reported/shared-subject:say":      0.82, // 197 of 240
	"reported/shared-subject:state":    0.27, // 5 of 20
	"reported/shared-subject:suggest":  0.79, // 22 of 27
	"reported/shared-subject:tell":     0.72, // 22 of 30
	"reported/speaker-after":           0.64, // 201 of 313
	"reported/stance-object":           0.70, // 159 of 228
	"reported/stance-object:defend":    0.82, // 17 of 20
	"reported/stance-object:endorse":   0.45, // 12 of 27
	"reported/stance-object:support":   0.53, // 17 of 32
	"reported/that-clause":             0.80, // 3814 of 4761
	"reported/that-clause:accuse":      0.81, // 20 of 24
	"reported/that-clause:acknowledge": 0.86, // 35 of 40
	"reported/that-clause:add":         0.78, // 49 of 62
	"reported/that-clause:agree":       0.69, // 24 of 34
	"reported/that-clause:announce":    0.85, // 59 of 69
	"reported/that-clause:appear":      0.66, // 32 of 48
	"reported/that-clause:argue":       0.92, // 59 of 63
	"reported/that-clause:ask":         0.69, // 49 of 70
	"reported/that-clause:believe":     0.64, // 26 of 40
	"reported/that-clause:blame":       0.83, // 19 of 22
	"reported/that-clause:call":        0.80, // 171 of 213
	"reported/that-clause:cite":        0.83, // 24 of 28
	"reported/that-clause:claim":       0.83, // 19 of 22
	"reported/that-clause:consider":    0.63, // 16 of 25
	"reported/that-clause:criticize":   0.79, // 22 of 27
	"reported/that-clause:decline":     0.84, // 35 of 41
	"reported/that-clause:describe":    0.84, // 41 of 48
	"reported/that-clause:explain":     0.79, // 18 of 22
	"reported/that-clause:feel":        0.58, // 13 of 22
	"reported/that-clause:find":        0.56, // 34 of 60
	"reported/that-clause:hope":        0.78, // 31 of 39
	"reported/that-clause:insist":      0.85, // 28 of 32
	"reported/that-clause:know":        0.58, // 28 of 48
	"reported/that-clause:mention":     0.62, // 14 of 22
	"reported/that-clause:note":        0.97, // 86 of 88
	"reported/that-clause:offer":       0.58, // 27 of 46
	"reported/that-clause:plan":        0.62, // 24 of 38
	"reported/that-clause:pledge":      0.77, // 19 of 24
	"reported/that-clause:post":        0.54, // 12 of 22
	"reported/that-clause:promise":     0.78, // 20 of 25
	"reported/that-clause:propose":     0.90, // 27 of 29
	"reported/that-clause:refer":       0.77, // 16 of 20
	"reported/that-clause:refuse":      0.57, // 19 of 33
	"reported/that-clause:report":      0.75, // 57 of 75
	"reported/that-clause:respond":     0.58, // 32 of 55
	"reported/that-clause:say":         0.92, // 1430 of 1555
	"reported/that-clause:see":         0.69, // 32 of 46
	"reported/that-clause:seek":        0.61, // 42 of 69
	"reported/that-clause:seem":        0.68, // 44 of 64
	"reported/that-clause:show":        0.72, // 54 of 74
	"reported/that-clause:speak":       0.39, // 21 of 55
	"reported/that-clause:state":       0.46, // 20 of 44
	"reported/that-clause:suggest":     0.92, // 72 of 77
	"reported/that-clause:support":     0.59, // 19 of 32
	"reported/that-clause:talk":        0.65, // 19 of 29
	"reported/that-clause:tell":        0.87, // 154 of 176
	"reported/that-clause:think":       0.78, // 34 of 43
	"reported/that-clause:tweet":       0.71, // 21 of 29
	"reported/that-clause:vow":         0.89, // 24 of 26
	"reported/that-clause:want":        0.64, // 55 of 86
	"reported/that-clause:warn":        0.68, // 14 of 20
	"reported/that-clause:write":       0.74, // 39 of 52
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
