package mem_test

import (
	"testing"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/graphtest"
	"github.com/claimgraph/claimgraph/graph/mem"
)

func TestConformance(t *testing.T) {
	graphtest.Run(t, func(*testing.T) graph.Store { return mem.New() })
}
