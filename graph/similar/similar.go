package similar

import (
	"hash/fnv"
	"slices"
	"strings"

	"github.com/claimgraph/claimgraph/graph"
)

// DefaultK is the shingle length used by Texts: two-word shingles keep
// short quotes comparable while word order still counts.
const DefaultK = 2

// Words returns the words of s as graph.NormalizeText sees them.
func Words(s string) []string {
	return strings.Fields(graph.NormalizeText(s))
}

// Shingles returns the sorted, distinct 64-bit hashes of the k-word runs of
// words. A text shorter than k words is one shingle of all its words; an
// empty text has none. k below 1 counts as 1.
func Shingles(words []string, k int) []uint64 {
	if k < 1 {
		k = 1
	}
	if len(words) == 0 {
		return nil
	}
	if len(words) < k {
		k = len(words)
	}
	out := make([]uint64, 0, len(words)-k+1)
	for i := 0; i+k <= len(words); i++ {
		out = append(out, hashWords(words[i:i+k]))
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// Of returns the DefaultK shingles of a text.
func Of(text string) []uint64 { return Shingles(Words(text), DefaultK) }

func hashWords(ws []string) uint64 {
	h := fnv.New64a()
	for i, w := range ws {
		if i > 0 {
			h.Write([]byte{' '})
		}
		h.Write([]byte(w))
	}
	return h.Sum64()
}

// shared counts the elements two sorted sets have in common.
func shared(a, b []uint64) int {
	n, i, j := 0, 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i] == b[j]:
			n++
			i++
			j++
		case a[i] < b[j]:
			i++
		default:
			j++
		}
	}
	return n
}

// Resemblance is the Jaccard index of two sorted shingle sets: shared
// shingles over all distinct shingles, in [0,1]; 0 when both are empty.
func Resemblance(a, b []uint64) float64 {
	s := shared(a, b)
	u := len(a) + len(b) - s
	if u == 0 {
		return 0
	}
	return float64(s) / float64(u)
}

// Containment is the share of the smaller set's shingles that the other set
// holds, in [0,1]; 0 when either is empty. A trimmed quote is contained in
// its longer version.
func Containment(a, b []uint64) float64 {
	m := min(len(a), len(b))
	if m == 0 {
		return 0
	}
	return float64(shared(a, b)) / float64(m)
}

// Score combines both measures into one similarity in [0,1]: the mean of
// Resemblance and Containment, so that a trimmed copy scores high without
// letting a three-word fragment match every long text that holds it.
func Score(a, b []uint64) float64 {
	return (Resemblance(a, b) + Containment(a, b)) / 2
}
