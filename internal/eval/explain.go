package eval

import (
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

// explain prints one article's misses for tuning: annotated claims no
// extracted claim matched (MISS), extracted claims that matched nothing
// (FALSE), and matched claims whose speaker was judged wrong (SPEAKER).
//
// all, when not nil, holds every extracted claim of the article while
// preds holds only some (the direct ones): a miss then also names the
// nearest claim of any kind (ANY), which tells a claim not found from one
// found but not marked direct.
func explain(w io.Writer, base string, golds []gold, preds, all []pred) {
	m := match(bags(golds), predBags(preds), 0.5)
	gm, pm := map[int]int{}, map[int]bool{}
	for _, ij := range m {
		gm[ij[0]] = ij[1]
		pm[ij[1]] = true
	}
	fmt.Fprintf(w, "== %s: gold=%d pred=%d matched=%d\n", base, len(golds), len(preds), len(m))
	for i, g := range golds {
		j, ok := gm[i]
		switch {
		case !ok:
			fmt.Fprintf(w, "MISS    d=%v src=%q cue=%q %q\n", g.direct, g.source, g.cue, short(g.text))
			if b, f := bestOverlap(g, preds); f > 0 {
				fmt.Fprintf(w, "  NEAR  f=%.2f taken=%v rule=%s %q\n", f, pm[b], preds[b].rule, short(preds[b].text))
			}
			if b, r := bestCover(g, preds); r >= 0.8 {
				fmt.Fprintf(w, "  IN    recall=%.2f words=%d rule=%s %q\n", r, newBag(preds[b].text).n, preds[b].rule, short(preds[b].text))
			}
			if b, f := bestOverlap(g, all); all != nil && f > 0 {
				fmt.Fprintf(w, "  ANY   f=%.2f d=%v by=%q rule=%s %q\n", f, all[b].direct, all[b].names, all[b].rule, short(all[b].text))
			}
		case g.named && !nameMatches(preds[j].names, g.source):
			fmt.Fprintf(w, "SPEAKER src=%q got=%q rule=%s %q\n", g.source, preds[j].names, preds[j].rule, short(g.text))
		default:
			fmt.Fprintf(w, "OK      d=%v rule=%s %q\n", preds[j].direct, preds[j].rule, short(preds[j].text))
		}
	}
	for j, p := range preds {
		if !pm[j] {
			fmt.Fprintf(w, "FALSE   d=%v by=%q rule=%s %q\n", p.direct, p.names, p.rule, short(p.text))
		}
	}
}

// short collapses white space and cuts s to 160 bytes.
func short(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if len(s) > 160 {
		i := 160
		for i > 0 && !utf8.RuneStart(s[i]) {
			i--
		}
		s = s[:i] + "…"
	}
	return s
}

// bestOverlap returns the prediction that overlaps gold g most, with its
// token-overlap F1.
func bestOverlap(g gold, preds []pred) (int, float64) {
	gb := newBag(g.text)
	best, bf := -1, 0.0
	for j, p := range preds {
		if f := overlapF1(gb, newBag(p.text)); f > bf {
			best, bf = j, f
		}
	}
	return best, bf
}

// bestCover returns the prediction that holds the largest share of gold
// g's words, with that share: a miss inside a longer claim (quotes joined
// that the annotation keeps apart) shows up here.
func bestCover(g gold, preds []pred) (int, float64) {
	gb := newBag(g.text)
	if gb.n == 0 {
		return -1, 0
	}
	best, br := -1, 0.0
	for j, p := range preds {
		pb := newBag(p.text)
		common := 0
		for w, c := range gb.m {
			common += min(c, pb.m[w])
		}
		if r := float64(common) / float64(gb.n); r > br {
			best, br = j, r
		}
	}
	return best, br
}
