package extract

import "strings"

// ruleConfidence is the precision of each extraction rule measured on the
// PolNeAR training split with internal/eval: the share of the rule's
// claims that matched an annotated attribution with the speaker right (or
// not judged). Rules measured on fewer than 20 claims fall back to their
// family ("reported/that-clause:vow" to "reported/that-clause"); rules the
// corpus cannot measure (member-of, about, mentions, stances) have 0,
// which means unknown. Regenerate after changing rules: run the PolNeAR
// train split with Verbose and count OK / (OK + SPEAKER + FALSE) per rule.
var ruleConfidence = map[string]float64{
	"direct-quote/continuation":        0.45, // n=73
	"direct-quote/cue-speaker-after":   0.96, // n=725
	"direct-quote/previous-sentence":   0.79, // n=62
	"direct-quote/shared-subject":      0.82, // n=67
	"direct-quote/speaker-after":       0.93, // n=1365
	"direct-quote/speaker-before":      0.92, // n=385
	"direct-quote/split":               0.99, // n=891
	"reported/according-to":            0.82, // n=179
	"reported/cue-speaker-after":       0.57, // n=58
	"reported/noun-that":               0.45, // n=111
	"reported/quote-verb":              0.66, // n=211
	"reported/shared-subject":          0.71, // n=1167
	"reported/shared-subject:add":      0.69, // n=42
	"reported/shared-subject:argue":    0.96, // n=27
	"reported/shared-subject:ask":      0.65, // n=20
	"reported/shared-subject:call":     0.76, // n=66
	"reported/shared-subject:cite":     0.86, // n=21
	"reported/shared-subject:note":     0.82, // n=33
	"reported/shared-subject:refer":    0.74, // n=38
	"reported/shared-subject:say":      0.81, // n=260
	"reported/shared-subject:state":    0.25, // n=20
	"reported/shared-subject:suggest":  0.75, // n=28
	"reported/shared-subject:tell":     0.73, // n=30
	"reported/speaker-after":           0.57, // n=348
	"reported/stance-object":           0.70, // n=223
	"reported/stance-object:endorse":   0.42, // n=24
	"reported/stance-object:support":   0.52, // n=33
	"reported/that-clause":             0.78, // n=4913
	"reported/that-clause:accuse":      0.87, // n=31
	"reported/that-clause:acknowledge": 0.85, // n=39
	"reported/that-clause:add":         0.78, // n=58
	"reported/that-clause:agree":       0.74, // n=34
	"reported/that-clause:announce":    0.83, // n=71
	"reported/that-clause:appear":      0.66, // n=50
	"reported/that-clause:argue":       0.92, // n=62
	"reported/that-clause:ask":         0.63, // n=93
	"reported/that-clause:attack":      0.50, // n=26
	"reported/that-clause:believe":     0.66, // n=38
	"reported/that-clause:blame":       0.88, // n=26
	"reported/that-clause:blast":       0.71, // n=21
	"reported/that-clause:call":        0.81, // n=199
	"reported/that-clause:cite":        0.82, // n=28
	"reported/that-clause:claim":       0.81, // n=21
	"reported/that-clause:consider":    0.62, // n=21
	"reported/that-clause:criticize":   0.83, // n=36
	"reported/that-clause:declare":     0.48, // n=21
	"reported/that-clause:decline":     0.83, // n=41
	"reported/that-clause:defend":      0.86, // n=21
	"reported/that-clause:describe":    0.87, // n=47
	"reported/that-clause:endorse":     0.51, // n=35
	"reported/that-clause:expect":      0.77, // n=47
	"reported/that-clause:feel":        0.55, // n=22
	"reported/that-clause:find":        0.60, // n=62
	"reported/that-clause:hope":        0.82, // n=34
	"reported/that-clause:insist":      0.90, // n=30
	"reported/that-clause:know":        0.60, // n=48
	"reported/that-clause:mention":     0.59, // n=22
	"reported/that-clause:note":        0.97, // n=90
	"reported/that-clause:offer":       0.55, // n=44
	"reported/that-clause:plan":        0.63, // n=35
	"reported/that-clause:pledge":      0.77, // n=22
	"reported/that-clause:post":        0.52, // n=23
	"reported/that-clause:praise":      0.74, // n=23
	"reported/that-clause:promise":     0.73, // n=22
	"reported/that-clause:propose":     0.91, // n=22
	"reported/that-clause:refuse":      0.56, // n=32
	"reported/that-clause:report":      0.75, // n=80
	"reported/that-clause:respond":     0.60, // n=55
	"reported/that-clause:say":         0.91, // n=1546
	"reported/that-clause:see":         0.71, // n=48
	"reported/that-clause:seek":        0.63, // n=54
	"reported/that-clause:seem":        0.72, // n=68
	"reported/that-clause:show":        0.68, // n=84
	"reported/that-clause:speak":       0.35, // n=65
	"reported/that-clause:state":       0.41, // n=46
	"reported/that-clause:suggest":     0.91, // n=78
	"reported/that-clause:support":     0.47, // n=51
	"reported/that-clause:talk":        0.75, // n=20
	"reported/that-clause:tell":        0.84, // n=171
	"reported/that-clause:think":       0.81, // n=42
	"reported/that-clause:tweet":       0.70, // n=30
	"reported/that-clause:vow":         0.92, // n=24
	"reported/that-clause:want":        0.64, // n=86
	"reported/that-clause:warn":        0.64, // n=22
	"reported/that-clause:write":       0.74, // n=54
}

// confidenceOf returns the measured precision of a rule, or of its family.
func confidenceOf(rule string) float64 {
	if c, ok := ruleConfidence[rule]; ok {
		return c
	}
	if i := strings.IndexByte(rule, ':'); i >= 0 {
		return ruleConfidence[rule[:i]]
	}
	return 0
}
