package extract

import "testing"

func TestConfidenceFallsBackToFamilyThenKind(t *testing.T) {
	tests := []struct {
		rule string
		want float64
	}{
		{"reported/that-clause:say", ruleConfidence["reported/that-clause:say"]},
		{"reported/that-clause:murmur", ruleConfidence["reported/that-clause"]},
		{"reported/no-such-rule", ruleConfidence["reported"]},
		{"direct-quote/dash-line", ruleConfidence["direct-quote"]},
		{"member-of/apposition", 0.95},
		{"member-of/of-party", ruleConfidence["member-of"]},
		{"about/mention", 0},
		{"", 0},
	}
	for _, tt := range tests {
		if got := confidenceOf(tt.rule); got != tt.want {
			t.Errorf("confidenceOf(%q) = %v, want %v", tt.rule, got, tt.want)
		}
	}
	for r, c := range ruleConfidence {
		if c <= 0 || c >= 1 {
			t.Errorf("rule %s has confidence %v outside (0,1)", r, c)
		}
	}
}
