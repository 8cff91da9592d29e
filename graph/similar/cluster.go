package similar

import "slices"

// Clustering parameters: signatures of SignatureSize positions cut into
// bands of BandRows rows (pairs of resemblance 0.3 become candidates with
// probability about 0.7, 0.5 with 0.99).
const (
	SignatureSize = 64
	BandRows      = 2
)

// Cluster groups texts whose Score is at least threshold, transitively
// (single linkage): candidate pairs come from shared MinHash band keys and
// are kept only when their exact Score reaches the threshold. It returns
// groups of indexes into texts, each sorted, groups ordered by their first
// index; a text like no other is a group of one. Empty texts stay alone.
func Cluster(texts []string, threshold float64) [][]int {
	sh := make([][]uint64, len(texts))
	buckets := map[uint64][]int{}
	for i, t := range texts {
		sh[i] = Of(t)
		if len(sh[i]) == 0 {
			continue
		}
		for _, k := range Sign(sh[i], SignatureSize).Bands(BandRows) {
			buckets[k] = append(buckets[k], i)
		}
	}
	uf := newUnion(len(texts))
	for _, ids := range buckets {
		for a := 0; a < len(ids); a++ {
			for b := a + 1; b < len(ids); b++ {
				i, j := ids[a], ids[b]
				if uf.find(i) != uf.find(j) && Score(sh[i], sh[j]) >= threshold {
					uf.join(i, j)
				}
			}
		}
	}
	return uf.groups()
}

// union is a disjoint-set forest over 0..n-1.
type union struct{ parent []int }

func newUnion(n int) *union {
	u := &union{parent: make([]int, n)}
	for i := range u.parent {
		u.parent[i] = i
	}
	return u
}

func (u *union) find(i int) int {
	for u.parent[i] != i {
		u.parent[i] = u.parent[u.parent[i]]
		i = u.parent[i]
	}
	return i
}

// join links the sets of i and j, keeping the smaller index as the root.
func (u *union) join(i, j int) {
	a, b := u.find(i), u.find(j)
	if a > b {
		a, b = b, a
	}
	u.parent[b] = a
}

func (u *union) groups() [][]int {
	byRoot := map[int][]int{}
	for i := range u.parent {
		r := u.find(i)
		byRoot[r] = append(byRoot[r], i)
	}
	out := make([][]int, 0, len(byRoot))
	for _, g := range byRoot {
		out = append(out, g)
	}
	slices.SortFunc(out, func(a, b []int) int { return a[0] - b[0] })
	return out
}
