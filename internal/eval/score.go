package eval

import (
	"cmp"
	"slices"
	"strings"
	"unicode/utf8"
)

// The ruler's lists, copied from score-polnear.py so that the numbers agree.
var (
	// pronouns never count as a speaker's name.
	pronouns = setOf("he she they it we i you his her their its him them who which that this these those one")
	// generic words are too common in names to tell two entities apart.
	generic = setOf("the pakistan party people peoples national league movement democratic united states president " +
		"minister government new former senior leader")
)

func setOf(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

// words returns the ruler's words of s: runs of ASCII letters and digits,
// optionally followed by an apostrophe (straight or curly) and letters —
// the regular expression [A-Za-z0-9]+(?:['’][A-Za-z]+)? — as written.
func words(s string) []string {
	var out []string
	i := 0
	for i < len(s) {
		if !alnum(s[i]) {
			i++
			continue
		}
		j := i
		for j < len(s) && alnum(s[j]) {
			j++
		}
		// An apostrophe followed by at least one letter joins the word.
		if k, ok := apostropheAt(s, j); ok && k < len(s) && alpha(s[k]) {
			j = k
			for j < len(s) && alpha(s[j]) {
				j++
			}
		}
		out = append(out, s[i:j])
		i = j
	}
	return out
}

func alnum(c byte) bool { return alpha(c) || '0' <= c && c <= '9' }
func alpha(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }

// apostropheAt reports whether an apostrophe (' or ’) starts at j and
// returns the offset after it.
func apostropheAt(s string, j int) (int, bool) {
	if j < len(s) && s[j] == '\'' {
		return j + 1, true
	}
	if strings.HasPrefix(s[j:], "’") {
		return j + len("’"), true
	}
	return 0, false
}

// toks returns the lower-cased words of s with curly apostrophes
// straightened, as the ruler's toks does.
func toks(s string) []string {
	w := words(s)
	for i, x := range w {
		w[i] = strings.ReplaceAll(strings.ToLower(x), "’", "'")
	}
	return w
}

// bag is a multiset of words with its total size.
type bag struct {
	n int
	m map[string]int
}

func newBag(s string) bag {
	b := bag{m: map[string]int{}}
	for _, w := range toks(s) {
		b.m[w]++
		b.n++
	}
	return b
}

// overlapF1 is the token-overlap F1 of two bags, computed in the same
// order of floating-point operations as the ruler.
func overlapF1(a, b bag) float64 {
	common := 0
	for w, ca := range a.m {
		if cb := b.m[w]; cb > 0 {
			common += min(ca, cb)
		}
	}
	if common == 0 {
		return 0
	}
	p := float64(common) / float64(a.n)
	r := float64(common) / float64(b.n)
	return 2 * p * r / (p + r)
}

// nameWords returns the capitalised words of three letters or more and the
// acronyms of s, lower-cased, less pronouns and generic words.
func nameWords(s string) map[string]bool {
	out := map[string]bool{}
	for _, w := range words(s) {
		r, _ := utf8.DecodeRuneInString(w)
		upper := 'A' <= r && r <= 'Z'
		if n := utf8.RuneCountInString(w); (n >= 3 && upper) || (isUpper(w) && n >= 2) {
			l := strings.ToLower(w)
			if !pronouns[l] && !generic[l] {
				out[l] = true
			}
		}
	}
	return out
}

// isUpper mirrors Python's str.isupper: at least one cased character and
// no lower-case one.
func isUpper(w string) bool {
	cased := false
	for i := 0; i < len(w); i++ {
		c := w[i]
		switch {
		case 'a' <= c && c <= 'z':
			return false
		case 'A' <= c && c <= 'Z':
			cased = true
		}
	}
	// A curly apostrophe is not cased; the letters after it are ASCII.
	return cased
}

// nameMatches reports whether one of names shares a name word with a gold
// source.
func nameMatches(names []string, gold string) bool {
	g := nameWords(gold)
	for _, n := range names {
		for w := range nameWords(n) {
			if g[w] {
				return true
			}
		}
	}
	return false
}

// pair is a candidate match of gold i and prediction j.
type pair struct {
	f    float64
	i, j int
}

// match pairs gold and predicted claim texts one to one, greedily by
// descending token-overlap F1 (ties broken like Python's reverse tuple
// sort: larger gold index, then larger prediction index).
func match(gold, pred []bag, thresh float64) [][2]int {
	var pairs []pair
	for i, g := range gold {
		for j, p := range pred {
			if f := overlapF1(g, p); f >= thresh {
				pairs = append(pairs, pair{f, i, j})
			}
		}
	}
	slices.SortFunc(pairs, func(a, b pair) int {
		return cmp.Or(cmp.Compare(b.f, a.f), cmp.Compare(b.i, a.i), cmp.Compare(b.j, a.j))
	})
	gi, pj := map[int]bool{}, map[int]bool{}
	var m [][2]int
	for _, p := range pairs {
		if gi[p.i] || pj[p.j] {
			continue
		}
		gi[p.i], pj[p.j] = true, true
		m = append(m, [2]int{p.i, p.j})
	}
	return m
}
