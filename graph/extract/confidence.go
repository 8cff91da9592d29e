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
	"direct-quote":                     0.98, // 3585 of 3668
	"direct-quote/colon":               0.86, // 24 of 27
	"direct-quote/cue-speaker-after":   0.99, // 716 of 720
	"direct-quote/previous-sentence":   0.92, // 22 of 23
	"direct-quote/shared-subject":      0.92, // 91 of 98
	"direct-quote/speaker-after":       0.98, // 2221 of 2265
	"direct-quote/speaker-before":      0.95, // 392 of 412
	"direct-quote/split":               0.96, // 98 of 101
	"reported":                         0.79, // 5694 of 7188
	"reported/according-to":            0.81, // 169 of 209
	"reported/cue-speaker-after":       0.72, // 32 of 44
	"reported/noun-that":               0.53, // 55 of 104
	"reported/quote-verb":              0.80, // 135 of 168
	"reported/relative":                0.65, // 82 of 126
	"reported/relative:say":            0.92, // 21 of 22
	"reported/shared-subject":          0.77, // 918 of 1195
	"reported/shared-subject:add":      0.80, // 39 of 48
	"reported/shared-subject:argue":    0.88, // 28 of 31
	"reported/shared-subject:ask":      0.65, // 14 of 21
	"reported/shared-subject:call":     0.86, // 58 of 67
	"reported/shared-subject:cite":     0.83, // 24 of 28
	"reported/shared-subject:note":     0.89, // 33 of 36
	"reported/shared-subject:refer":    0.67, // 30 of 44
	"reported/shared-subject:say":      0.86, // 234 of 271
	"reported/shared-subject:state":    0.36, // 7 of 20
	"reported/shared-subject:suggest":  0.78, // 28 of 35
	"reported/shared-subject:tell":     0.76, // 28 of 36
	"reported/speaker-after":           0.68, // 201 of 297
	"reported/stance-object":           0.67, // 167 of 247
	"reported/stance-object:defend":    0.87, // 19 of 21
	"reported/stance-object:endorse":   0.42, // 13 of 31
	"reported/stance-object:support":   0.56, // 21 of 37
	"reported/that-clause":             0.82, // 3924 of 4781
	"reported/that-clause:accuse":      0.89, // 32 of 35
	"reported/that-clause:acknowledge": 0.87, // 38 of 43
	"reported/that-clause:add":         0.80, // 50 of 62
	"reported/that-clause:agree":       0.72, // 27 of 37
	"reported/that-clause:announce":    0.86, // 61 of 70
	"reported/that-clause:appear":      0.66, // 34 of 51
	"reported/that-clause:argue":       0.94, // 62 of 65
	"reported/that-clause:ask":         0.71, // 50 of 70
	"reported/that-clause:believe":     0.68, // 27 of 39
	"reported/that-clause:blame":       0.83, // 19 of 22
	"reported/that-clause:call":        0.82, // 182 of 222
	"reported/that-clause:cite":        0.84, // 25 of 29
	"reported/that-clause:claim":       0.81, // 20 of 24
	"reported/that-clause:consider":    0.65, // 16 of 24
	"reported/that-clause:criticize":   0.79, // 22 of 27
	"reported/that-clause:decline":     0.86, // 37 of 42
	"reported/that-clause:describe":    0.85, // 44 of 51
	"reported/that-clause:explain":     0.84, // 20 of 23
	"reported/that-clause:feel":        0.64, // 15 of 23
	"reported/that-clause:find":        0.57, // 35 of 61
	"reported/that-clause:hope":        0.77, // 32 of 41
	"reported/that-clause:insist":      0.88, // 28 of 31
	"reported/that-clause:know":        0.60, // 27 of 45
	"reported/that-clause:mention":     0.64, // 15 of 23
	"reported/that-clause:note":        0.97, // 88 of 90
	"reported/that-clause:offer":       0.60, // 29 of 48
	"reported/that-clause:plan":        0.66, // 24 of 36
	"reported/that-clause:pledge":      0.85, // 21 of 24
	"reported/that-clause:post":        0.50, // 12 of 24
	"reported/that-clause:promise":     0.81, // 20 of 24
	"reported/that-clause:propose":     0.91, // 28 of 30
	"reported/that-clause:recall":      0.82, // 17 of 20
	"reported/that-clause:refer":       0.77, // 16 of 20
	"reported/that-clause:refuse":      0.59, // 21 of 35
	"reported/that-clause:report":      0.72, // 54 of 74
	"reported/that-clause:say":         0.93, // 1486 of 1591
	"reported/that-clause:see":         0.73, // 34 of 46
	"reported/that-clause:seek":        0.60, // 42 of 70
	"reported/that-clause:seem":        0.72, // 48 of 66
	"reported/that-clause:show":        0.71, // 53 of 74
	"reported/that-clause:speak":       0.42, // 20 of 48
	"reported/that-clause:state":       0.47, // 19 of 41
	"reported/that-clause:suggest":     0.94, // 75 of 79
	"reported/that-clause:support":     0.62, // 20 of 32
	"reported/that-clause:talk":        0.71, // 21 of 29
	"reported/that-clause:tell":        0.89, // 157 of 175
	"reported/that-clause:think":       0.86, // 35 of 40
	"reported/that-clause:tweet":       0.72, // 20 of 27
	"reported/that-clause:vow":         0.87, // 25 of 28
	"reported/that-clause:want":        0.65, // 55 of 84
	"reported/that-clause:warn":        0.70, // 15 of 21
	"reported/that-clause:write":       0.78, // 41 of 52
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
