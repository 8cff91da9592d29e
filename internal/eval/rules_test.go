package eval

import (
	"bytes"
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/claimgraph/claimgraph/graph"
)

// withRules gives fakeExtract's said edges rules: claim/1 (right speaker)
// "reported/that-clause", claim/2 (wrong speaker) "direct-quote/split".
func withRules(a graph.Node) graph.Subgraph {
	sg := fakeExtract(a)
	for i, e := range sg.Edges {
		switch e.To {
		case "claim/1":
			sg.Edges[i].Rule = "reported/that-clause"
		case "claim/2":
			sg.Edges[i].Rule = "direct-quote/split"
		}
	}
	return sg
}

func TestRunCountsEachRulesClaims(t *testing.T) {
	var out bytes.Buffer
	sc, err := Run(context.Background(), filepath.Join("testdata", "mini"), &out, Options{Extract: withRules, Rules: true})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		rule string
		want RuleCount
	}{
		{"reported/that-clause", RuleCount{Claims: 1, OK: 1, Judged: 1, JudgedOK: 1}},
		{"direct-quote/split", RuleCount{Claims: 1, WrongSpeaker: 1, Judged: 1}},
		{"unattributed", RuleCount{Claims: 3, OK: 1, Unmatched: 2}},
	}
	for _, tt := range tests {
		if got := sc.Rules[tt.rule]; got != tt.want {
			t.Errorf("rule %s: got %+v, want %+v", tt.rule, got, tt.want)
		}
	}
	for _, w := range []string{"rule ", "precision", "reported/that-clause", "unattributed"} {
		if !strings.Contains(out.String(), w) {
			t.Errorf("--rules table lacks %q:\n%s", w, out.String())
		}
	}
}

func TestPooledRulesFallBackToFamilyAndKind(t *testing.T) {
	rt := ruleTally{
		"reported/that-clause:say": {Claims: 30, OK: 27},
		"reported/that-clause:vow": {Claims: 5, OK: 1},
		"reported/that-clause":     {Claims: 4, OK: 4},
		"direct-quote/split":       {Claims: 10, OK: 9},
		"unattributed":             {Claims: 50, OK: 10},
	}
	p := rt.pooled()
	tests := []struct {
		name   string
		claims int
		ok     bool
	}{
		{"reported/that-clause:say", 30, true},
		{"reported/that-clause:vow", 0, false},
		{"reported/that-clause", 39, true},
		{"reported", 39, true},
		{"direct-quote/split", 0, false},
		{"direct-quote", 0, false},
		{"unattributed", 0, false},
	}
	for _, tt := range tests {
		c, ok := p[tt.name]
		if ok != tt.ok || c.Claims != tt.claims {
			t.Errorf("pooled[%q] = %+v, %v; want %d claims, present %v", tt.name, c, ok, tt.claims, tt.ok)
		}
	}
	var out bytes.Buffer
	rt.writeConfidenceGo(&out)
	if want := "\t\"reported/that-clause:say\": 0.88, // 27 of 30\n"; !strings.Contains(out.String(), want) {
		t.Errorf("Go table lacks %q:\n%s", want, out.String())
	}
}

func TestConfidenceIsSmoothedPrecision(t *testing.T) {
	c := RuleCount{Claims: 20, OK: 20}
	if c.Precision() != 1 || c.Confidence() >= 1 || c.Confidence() < 0.95 {
		t.Errorf("20 of 20: precision %v, confidence %v", c.Precision(), c.Confidence())
	}
	if (RuleCount{}).Confidence() != 0.5 {
		t.Error("no claims should give 0.5")
	}
}
