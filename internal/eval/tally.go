package eval

import (
	"fmt"
	"io"
)

// tally accumulates counts like the ruler's Tally.
type tally struct {
	gold, pred, tp, spkN, spkOK, e2e int
}

// add scores one article's gold and predicted claims.
func (t *tally) add(golds []gold, preds []pred) {
	m := match(bags(golds), predBags(preds), 0.5)
	t.gold += len(golds)
	t.pred += len(preds)
	t.tp += len(m)
	for _, ij := range m {
		j := judge(golds[ij[0]], preds[ij[1]])
		t.spkN += count(j.judged)
		t.spkOK += count(j.speakerOK)
		t.e2e += count(j.e2e)
	}
}

// judgement is how a claim matched to an annotation fares: its speaker is
// judged when the annotated source holds a name, right when a name of the
// claim's speaker shares a word or acronym with it, and the claim counts
// end to end when its speaker is right or not judged. The overall and the
// per-rule tallies both judge with it.
type judgement struct{ judged, speakerOK, e2e bool }

func judge(g gold, p pred) judgement {
	ok := nameMatches(p.names, g.source)
	return judgement{judged: g.named, speakerOK: g.named && ok, e2e: !g.named || ok}
}

// count is 1 for true, 0 for false.
func count(b bool) int {
	if b {
		return 1
	}
	return 0
}

func bags(golds []gold) []bag {
	out := make([]bag, len(golds))
	for i, g := range golds {
		out[i] = newBag(g.text)
	}
	return out
}

func predBags(preds []pred) []bag {
	out := make([]bag, len(preds))
	for i, p := range preds {
		out[i] = newBag(p.text)
	}
	return out
}

// ratio returns a/b, or 0 when b is 0.
func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// f1 returns the harmonic mean of p and r, or 0.
func f1(p, r float64) float64 {
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

// report prints the ruler's line for the tally and returns its metrics.
func (t *tally) report(w io.Writer, label string) Metrics {
	m := Metrics{Gold: t.gold, Pred: t.pred, Matched: t.tp, SpeakerN: t.spkN, SpeakerOK: t.spkOK, E2E: t.e2e}
	m.P, m.R = ratio(t.tp, t.pred), ratio(t.tp, t.gold)
	m.F1 = f1(m.P, m.R)
	m.E2EP, m.E2ER = ratio(t.e2e, t.pred), ratio(t.e2e, t.gold)
	m.E2EF1 = f1(m.E2EP, m.E2ER)
	m.SpeakerAcc = ratio(t.spkOK, t.spkN)
	fmt.Fprintf(w, "%s: claims P=%.3f R=%.3f F1=%.3f | speaker acc=%.3f (n=%d) | end-to-end P=%.3f R=%.3f F1=%.3f | gold=%d pred=%d\n",
		label, m.P, m.R, m.F1, m.SpeakerAcc, t.spkN, m.E2EP, m.E2ER, m.E2EF1, t.gold, t.pred)
	return m
}
