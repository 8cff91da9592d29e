package claimreview

import (
	"math"
	"slices"
	"strconv"
	"strings"
	"unicode"
)

// ratingWords maps normalised rating phrases (lower case, words joined by
// single spaces, punctuation dropped) to verdicts. The phrases are those of
// the rating scales fact-checkers publish in ClaimReview, in English and a
// few other languages.
var ratingWords = map[string]Verdict{
	// true
	"true": True, "correct": True, "accurate": True, "verified": True, "confirmed": True,
	"fact": True, "factual": True, "right": True, "geppetto checkmark": True,
	"true story": True, "entirely true": True, "completely true": True,
	"vrai": True, "verdadero": True, "verdadeiro": True, "wahr": True, "richtig": True,
	"vero": True, "waar": True, "correcto": True,
	// mostly true
	"mostly true": MostlyTrue, "mostly correct": MostlyTrue, "mostly accurate": MostlyTrue,
	"largely true": MostlyTrue, "largely accurate": MostlyTrue, "largely correct": MostlyTrue,
	"broadly true": MostlyTrue, "broadly correct": MostlyTrue, "mostly right": MostlyTrue,
	"one pinocchio": MostlyTrue, "plutôt vrai": MostlyTrue, "casi verdadero": MostlyTrue,
	"accurate with consideration": MostlyTrue,
	// mixed
	"half true": Mixed, "half right": Mixed, "mixture": Mixed, "mixed": Mixed,
	"partly true": Mixed, "partially true": Mixed, "partly correct": Mixed,
	"partially correct": Mixed, "two pinocchios": Mixed, "missing context": Mixed,
	"needs context": Mixed, "lacks context": Mixed, "half truth": Mixed,
	"true but misleading": Mixed, "mixed evidence": Mixed,
	"cherry picks": Mixed, "cherry picked": Mixed, "verdad a medias": Mixed,
	// mostly false
	"mostly false": MostlyFalse, "misleading": MostlyFalse, "largely false": MostlyFalse,
	"partly false": MostlyFalse, "partially false": MostlyFalse, "mostly inaccurate": MostlyFalse,
	"three pinocchios": MostlyFalse, "exaggerated": MostlyFalse, "exaggeration": MostlyFalse,
	"out of context": MostlyFalse, "distorts the facts": MostlyFalse, "spins the facts": MostlyFalse,
	"mostly incorrect": MostlyFalse, "trompeur": MostlyFalse, "engañoso": MostlyFalse,
	"enganoso": MostlyFalse, "irreführend": MostlyFalse, "plutôt faux": MostlyFalse,
	"casi falso": MostlyFalse,
	// false
	"false": False, "pants on fire": False, "incorrect": False, "wrong": False,
	"fake": False, "fabricated": False, "four pinocchios": False, "bottomless pinocchio": False,
	"hoax": False, "altered": False, "not true": False, "untrue": False, "baseless": False,
	"debunked": False, "inaccurate": False, "totally false": False, "completely false": False,
	"wholly false": False, "entirely false": False, "manipulated": False, "fake news": False,
	"scam": False, "faux": False, "falso": False, "falsch": False, "onwaar": False,
	"false claim": False, "no basis": False,
	// not a rating of truth
	"satire": Unrated, "opinion": Unrated, "unproven": Unrated, "unverified": Unrated,
	"unsupported": Unrated, "no evidence": Unrated, "unsubstantiated": Unrated,
	"explainer": Unrated, "research in progress": Unrated, "legend": Unrated,
	"full flop": Unrated, "half flip": Unrated, "no flip": Unrated, "not rated": Unrated, "unrated": Unrated,
	"in dispute": Unrated, "undetermined": Unrated, "too early to tell": Unrated,
}

// phrases are the keys of ratingWords, longest (in words) first, so that
// "mostly false" is found before "false" and "not true" before "true".
var phrases = func() []string {
	out := make([]string, 0, len(ratingWords))
	for k := range ratingWords {
		out = append(out, k)
	}
	slices.SortFunc(out, func(a, b string) int {
		if d := strings.Count(b, " ") - strings.Count(a, " "); d != 0 {
			return d
		}
		if d := len(b) - len(a); d != 0 {
			return d
		}
		return strings.Compare(a, b)
	})
	return out
}()

// maxPhraseWords bounds the ratings searched for a known phrase: a long
// text is an explanation, not a rating, and guessing from it is unsafe.
const maxPhraseWords = 8

// NormalizeRating maps a rating as published to a verdict: first the whole
// rating as a known phrase ("Pants on Fire!", "Four Pinocchios", "Half
// True"), then, for ratings of at most eight words, the longest known
// phrase inside it ("The claim is mostly false."). Anything else is
// Unrated.
func NormalizeRating(rating string) Verdict {
	norm := normalizeWords(rating)
	if norm == "" {
		return Unrated
	}
	if v, ok := ratingWords[norm]; ok {
		return v
	}
	if strings.Count(norm, " ") >= maxPhraseWords {
		return Unrated
	}
	padded := " " + norm + " "
	for _, p := range phrases {
		if strings.Contains(padded, " "+p+" ") {
			return ratingWords[p]
		}
	}
	return Unrated
}

// normalizeWords lower-cases s and joins its words (letters and digits,
// with apostrophes dropped) by single spaces; hyphens separate words.
func normalizeWords(s string) string {
	var b strings.Builder
	space := false
	for _, r := range s {
		switch {
		case r == '\'' || r == '’':
			continue
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(unicode.ToLower(r))
		default:
			space = true
		}
	}
	return b.String()
}

// ScaleRating maps a numeric rating between worst and best (schema.org's
// defaults 1 and 5 when empty) to a verdict by its position on the scale:
// the top tenth is true, then mostly-true to 65%, mixed to 35%,
// mostly-false to 10%, and false below. A scale may run either way (best
// below worst). ok is false when value is not a number, the scale is empty
// or value lies outside it.
func ScaleRating(value, best, worst string) (v Verdict, ok bool) {
	x, err := strconv.ParseFloat(strings.TrimSpace(value), 64)
	if err != nil {
		return Unrated, false
	}
	hi, lo := 5.0, 1.0
	if best != "" {
		if hi, err = strconv.ParseFloat(strings.TrimSpace(best), 64); err != nil {
			return Unrated, false
		}
	}
	if worst != "" {
		if lo, err = strconv.ParseFloat(strings.TrimSpace(worst), 64); err != nil {
			return Unrated, false
		}
	}
	if hi == lo || math.IsNaN(x) || math.IsInf(x, 0) || math.IsInf(hi-lo, 0) || math.IsNaN(hi-lo) {
		return Unrated, false
	}
	p := (x - lo) / (hi - lo)
	if math.IsNaN(p) || p < -1e-9 || p > 1+1e-9 {
		return Unrated, false
	}
	switch {
	case p >= 0.9:
		return True, true
	case p >= 0.65:
		return MostlyTrue, true
	case p >= 0.35:
		return Mixed, true
	case p >= 0.1:
		return MostlyFalse, true
	default:
		return False, true
	}
}
