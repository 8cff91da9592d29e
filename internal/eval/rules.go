package eval

import (
	"cmp"
	"fmt"
	"io"
	"slices"
	"strings"
)

// minRuleClaims is the fewest claims a rule needs for a precision of its
// own; rarer rules are pooled into their family ("reported/that-clause:vow"
// into "reported/that-clause") and then their kind ("reported").
const minRuleClaims = 20

// RuleCount is how one extraction rule fared: its claims (by the rule of
// the claim's first said edge), those that matched an annotated content
// with the speaker right or not judged (OK), those that matched with a
// judged wrong speaker, and those that matched nothing.
type RuleCount struct {
	Claims, OK, WrongSpeaker, Unmatched int
	// Judged counts the matched claims whose annotated source names
	// someone; JudgedOK those among them whose speaker is right.
	Judged, JudgedOK int
}

// Precision is the share of the rule's claims that are right end to end:
// OK / Claims.
func (c RuleCount) Precision() float64 { return ratio(c.OK, c.Claims) }

// Confidence is the precision smoothed towards one half by one right and
// one wrong pseudo-claim, (OK+1)/(Claims+2): the expected share of right
// claims under a uniform prior, which never claims certainty from a few
// dozen claims.
func (c RuleCount) Confidence() float64 { return float64(c.OK+1) / float64(c.Claims+2) }

// SpeakerAccuracy is the share of judged matched claims whose speaker is
// right.
func (c RuleCount) SpeakerAccuracy() float64 { return ratio(c.JudgedOK, c.Judged) }

func (c *RuleCount) plus(o RuleCount) {
	c.Claims += o.Claims
	c.OK += o.OK
	c.WrongSpeaker += o.WrongSpeaker
	c.Unmatched += o.Unmatched
	c.Judged += o.Judged
	c.JudgedOK += o.JudgedOK
}

// ruleTally counts claims per rule over all articles.
type ruleTally map[string]*RuleCount

// add scores one article's claims per rule against all its annotations,
// with the same matching as the all-attributions tally. Claims without a
// speaker have no said edge and no rule; they count as "unattributed".
func (rt ruleTally) add(golds []gold, preds []pred) {
	m := match(bags(golds), predBags(preds), 0.5)
	gi := map[int]int{}
	for _, ij := range m {
		gi[ij[1]] = ij[0]
	}
	for j, p := range preds {
		r := p.rule
		if r == "" {
			r = "unattributed"
		}
		c := rt[r]
		if c == nil {
			c = &RuleCount{}
			rt[r] = c
		}
		c.Claims++
		i, ok := gi[j]
		if !ok {
			c.Unmatched++
			continue
		}
		j := judge(golds[i], p)
		c.Judged += count(j.judged)
		c.JudgedOK += count(j.speakerOK)
		c.OK += count(j.e2e)
		c.WrongSpeaker += count(!j.e2e)
	}
}

// pooled returns the counts of each rule with at least minRuleClaims
// claims, and of each family and kind over all its rules, keyed by the
// name confidence lookups fall back to.
func (rt ruleTally) pooled() map[string]RuleCount {
	out := map[string]RuleCount{}
	for r, c := range rt {
		if r == "unattributed" {
			continue
		}
		if c.Claims >= minRuleClaims {
			x := out[r]
			x.plus(*c)
			out[r] = x
		}
		if i := strings.IndexByte(r, ':'); i >= 0 {
			x := out[r[:i]]
			x.plus(*c)
			out[r[:i]] = x
		} else if c.Claims < minRuleClaims {
			// a family rule too rare on its own still counts for it
			x := out[r+"\x00family"]
			x.plus(*c)
			out[r+"\x00family"] = x
		}
		if i := strings.IndexByte(r, '/'); i >= 0 {
			x := out[r[:i]]
			x.plus(*c)
			out[r[:i]] = x
		}
	}
	// Merge a family's own rare claims into the family line.
	for k, c := range out {
		if name, ok := strings.CutSuffix(k, "\x00family"); ok {
			delete(out, k)
			x := out[name]
			if x.Claims > 0 || c.Claims > 0 {
				x.plus(c)
				out[name] = x
			}
		}
	}
	for k, c := range out {
		if c.Claims < minRuleClaims {
			delete(out, k)
		}
	}
	return out
}

// writeRules prints the per-rule table: every rule with its counts,
// end-to-end precision and speaker accuracy, sorted by claims.
func (rt ruleTally) writeRules(w io.Writer) {
	names := make([]string, 0, len(rt))
	for r := range rt {
		names = append(names, r)
	}
	slices.SortFunc(names, func(a, b string) int {
		return cmp.Or(cmp.Compare(rt[b].Claims, rt[a].Claims), strings.Compare(a, b))
	})
	fmt.Fprintf(w, "%-40s %6s %6s %6s %6s %9s %9s\n", "rule", "claims", "ok", "wrong", "unmat", "precision", "spk-acc")
	for _, r := range names {
		c := rt[r]
		fmt.Fprintf(w, "%-40s %6d %6d %6d %6d %9.2f %9.2f\n", r, c.Claims, c.OK, c.WrongSpeaker, c.Unmatched, c.Precision(), c.SpeakerAccuracy())
	}
}

// writeConfidenceGo prints the map entries of graph/extract's
// ruleConfidence table: rules, families and kinds with at least
// minRuleClaims claims, and their smoothed end-to-end precision.
func (rt ruleTally) writeConfidenceGo(w io.Writer) {
	p := rt.pooled()
	names := make([]string, 0, len(p))
	for r := range p {
		names = append(names, r)
	}
	slices.Sort(names)
	for _, r := range names {
		c := p[r]
		fmt.Fprintf(w, "\t%q: %.2f, // %d of %d\n", r, c.Confidence(), c.OK, c.Claims)
	}
}
