package store

import "github.com/claimgraph/claimgraph/graph"

// Synthetic returns n synthetic articles (see synth) for the external tests.
func Synthetic(n int) []graph.Subgraph {
	s := newSynth(11)
	out := make([]graph.Subgraph, n)
	for i := range out {
		out[i] = s.article()
	}
	return out
}
