package contradict

import (
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/claimgraph/claimgraph/graph/similar"
)

// MinCore is the least similarity of two texts, once negators, verdict
// words and numbers are masked, for a difference in those to count as a
// contradiction: below it the two claims say different things anyway.
// Chosen on the project's test articles (docs/QUALITY.md): trimmed and
// lightly reworded statements score 0.6–1.0, different statements about
// the same entity by the same speaker 0.1–0.45.
const MinCore = 0.55

// MinWords is the least share of the shorter core's content words that
// the longer core must hold: a trimmed quote keeps its words, while "the
// council won the ferry contract" against "the council lost the harbour
// accounts" (alike in frame, not in substance) does not.
const MinWords = 0.9

// The kinds of signal.
const (
	Negation = "negation"
	Reversal = "reversal"
	Number   = "number"
)

// Finding says why two texts may contradict each other.
type Finding struct {
	Kinds []string // Negation, Reversal and/or Number, in that order
	Core  float64  // Score of the masked texts, in [0,1]
}

// Compare reports whether texts a and b look like a statement and its
// opposite. ok is false when their masked cores are less alike than
// MinCore or when no signal differs.
func Compare(a, b string) (Finding, bool) {
	pa, pb := parse(a), parse(b)
	f := Finding{Core: similar.Score(similar.Shingles(pa.core, similar.DefaultK), similar.Shingles(pb.core, similar.DefaultK))}
	if f.Core < MinCore || wordsContained(pa.core, pb.core) < MinWords {
		return f, false
	}
	if pa.neg%2 != pb.neg%2 {
		f.Kinds = append(f.Kinds, Negation)
	}
	if reversed(pa.verdicts, pb.verdicts) {
		f.Kinds = append(f.Kinds, Reversal)
	}
	if len(pa.numbers) > 0 && len(pb.numbers) > 0 && !slices.Equal(pa.numbers, pb.numbers) {
		f.Kinds = append(f.Kinds, Number)
	}
	return f, len(f.Kinds) > 0
}

// reversed reports whether some verdict pair appears in both texts with
// opposite polarity.
func reversed(a, b map[string]int) bool {
	for k, pa := range a {
		if pb, ok := b[k]; ok && pa != pb {
			return true
		}
	}
	return false
}

// parsed is a text split into its comparable core and its signals.
type parsed struct {
	core     []string       // words with negators dropped, verdict words and numbers masked
	neg      int            // negators seen
	verdicts map[string]int // verdict pair -> +1 or -1 (the last seen)
	numbers  []string       // numeric values, in order
}

func parse(s string) parsed {
	p := parsed{verdicts: map[string]int{}}
	words := tokens(s)
	for i := 0; i < len(words); i++ {
		w := words[i]
		if negators[w] {
			p.neg++
			continue
		}
		if v, ok := verdictWords[w]; ok {
			p.verdicts[v.pair] = v.polarity
			p.core = append(p.core, "<"+v.pair+">")
			continue
		}
		if n, used := number(words[i:]); used > 0 {
			p.numbers = append(p.numbers, n)
			p.core = append(p.core, "<n>")
			i += used - 1
			continue
		}
		if m, ok := modals[w]; ok {
			w = m
		}
		p.core = append(p.core, w)
	}
	return p
}

// tokens lower-cases s and splits it into words, expanding contractions
// ("won't" -> will not, "isn't" -> is not) and keeping decimal numbers
// ("4,000", "2.5") whole.
func tokens(s string) []string {
	var out []string
	var b strings.Builder
	flush := func() {
		if b.Len() == 0 {
			return
		}
		out = append(out, expand(b.String())...)
		b.Reset()
	}
	rs := []rune(strings.ToLower(s))
	for i, r := range rs {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r) || r == '%':
			b.WriteRune(r)
		case (r == '\'' || r == '’') && b.Len() > 0 && i+1 < len(rs) && unicode.IsLetter(rs[i+1]):
			b.WriteRune('\'')
		case (r == ',' || r == '.') && b.Len() > 0 && i > 0 && unicode.IsDigit(rs[i-1]) && i+1 < len(rs) && unicode.IsDigit(rs[i+1]):
			if r == '.' {
				b.WriteRune('.')
			}
		default:
			flush()
		}
	}
	flush()
	return out
}

// expand splits a contraction into its words: "won't" -> [will not],
// "can't" -> [can not], "isn't" -> [is not], "party's" -> [party].
func expand(w string) []string {
	switch w {
	case "won't":
		return []string{"will", "not"}
	case "can't", "cannot":
		return []string{"can", "not"}
	case "shan't":
		return []string{"shall", "not"}
	}
	if base, ok := strings.CutSuffix(w, "n't"); ok && base != "" {
		return []string{base, "not"}
	}
	if i := strings.IndexByte(w, '\''); i > 0 {
		return []string{w[:i]}
	}
	return []string{w}
}

// number reads a number at the start of words: digits ("4000", "2.5",
// "40%") or number words ("four thousand", "twenty-five" is two words
// here: twenty five). It returns the value as a canonical string and how
// many words it used, 0 when words does not start with a number.
func number(words []string) (string, int) {
	if len(words) == 0 {
		return "", 0
	}
	w := words[0]
	if w != "" && unicode.IsDigit(rune(w[0])) {
		v, err := strconv.ParseFloat(strings.TrimSuffix(w, "%"), 64)
		if err != nil {
			return "", 0
		}
		used := 1
		if len(words) > 1 {
			if m, ok := scales[words[1]]; ok {
				v *= m
				used = 2
			}
		}
		return strconv.FormatFloat(v, 'f', -1, 64), used
	}
	total, cur, used, afterScale := 0.0, 0.0, 0, false
	for _, x := range words {
		v, small := smallNumbers[x]
		m, scale := scales[x]
		switch {
		case small:
			cur += v
		case scale && used > 0 && m == 100:
			cur *= m
		case scale && used > 0:
			total += cur * m
			cur = 0
		case x == "and" && afterScale: // "two hundred and fifty"
		default:
			return finishNumber(words, total+cur, used)
		}
		afterScale = scale
		used++
	}
	return finishNumber(words, total+cur, used)
}

// finishNumber returns the value of the used words, dropping a trailing
// "and".
func finishNumber(words []string, v float64, used int) (string, int) {
	if used == 0 {
		return "", 0
	}
	if words[used-1] == "and" {
		used--
	}
	return strconv.FormatFloat(v, 'f', -1, 64), used
}

// negators negate the statement they stand in.
var negators = setOf(`not no never nothing none nobody neither nor without`)

// modals maps forms that reported speech shifts (will -> would) to one
// form, so that a quote and its report compare alike.
var modals = map[string]string{"would": "will", "could": "can", "should": "shall", "was": "is", "were": "are",
	"had": "has", "have": "has"}

// verdict is one side of a pair of opposite verdict words.
type verdict struct {
	pair     string
	polarity int
}

// verdictWords maps each word of a pair of opposites to the pair and its
// side.
var verdictWords = func() map[string]verdict {
	pairs := [][2]string{
		{"won win wins winning", "lost lose loses losing"},
		{"true correct right accurate", "false wrong incorrect untrue inaccurate"},
		{"support supports supported supporting back backs backed", "oppose opposes opposed opposing reject rejects rejected"},
		{"increase increases increased raise raises raised rise rises rose", "cut cuts decrease decreases decreased lower lowers lowered fall falls fell"},
		{"more higher", "less fewer lower"},
		{"legal lawful", "illegal unlawful"},
		{"guilty", "innocent"},
		{"safe", "unsafe dangerous"},
		{"yes", "no"},
		{"up", "down"},
		{"always", "never"},
	}
	m := map[string]verdict{}
	for i, p := range pairs {
		key := strconv.Itoa(i)
		for side, words := range p {
			for _, w := range strings.Fields(words) {
				if _, dup := m[w]; !dup && !negators[w] {
					m[w] = verdict{pair: key, polarity: 1 - 2*side}
				}
			}
		}
	}
	return m
}()

var smallNumbers = func() map[string]float64 {
	m := map[string]float64{}
	for i, w := range strings.Fields(`zero one two three four five six seven eight nine ten eleven twelve thirteen
		fourteen fifteen sixteen seventeen eighteen nineteen`) {
		m[w] = float64(i)
	}
	for i, w := range strings.Fields(`twenty thirty forty fifty sixty seventy eighty ninety`) {
		m[w] = float64(20 + 10*i)
	}
	return m
}()

var scales = map[string]float64{"hundred": 100, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}

func setOf(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

// wordsContained returns the share of the content words (stopwords
// dropped) of the core with fewer of them that the other core holds; 1
// when it has none.
func wordsContained(a, b []string) float64 {
	sa, sb := contentWords(a), contentWords(b)
	if len(sa) > len(sb) {
		sa, sb = sb, sa
	}
	if len(sa) == 0 {
		return 1
	}
	n := 0
	for w := range sa {
		if sb[w] {
			n++
		}
	}
	return float64(n) / float64(len(sa))
}

// contentWords returns the set of words of core that are not stopwords.
func contentWords(core []string) map[string]bool {
	m := map[string]bool{}
	for _, w := range core {
		if !stopwords[w] {
			m[w] = true
		}
	}
	return m
}

// stopwords carry no substance of their own for wordsContained.
var stopwords = setOf(`a an the of in on at to for by with from and or but that this these those it its is are
	be been has will can shall do does did we they he she i you our their his her`)
