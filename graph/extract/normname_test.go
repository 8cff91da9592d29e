package extract

import (
	"testing"

	"github.com/claimgraph/claimgraph/graph"
)

func TestNormNameAgreesWithGraph(t *testing.T) {
	for _, s := range []string{"Imran Khan's", "  PML-N ", "Pakistan People's Party", "A&B  Co.", "x--y", "Über Straße", "imran khan’s", ""} {
		if got, want := normName(s), graph.NormalizeName(s); got != want {
			t.Errorf("normName(%q) = %q, graph.NormalizeName gives %q", s, got, want)
		}
	}
}
