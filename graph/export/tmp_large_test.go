package export

import (
	"context"
	"os"
	"testing"
)

func TestTmpLarge(t *testing.T) {
	g := synthGraph(t, 2000, 7)
	v, _ := Select(context.Background(), g, Filter{})
	f, _ := os.Create("/tmp/dottest/large.dot")
	WriteDOT(f, v, DOTOptions{})
	f.Close()
	g2 := synthGraph(t, 20, 7)
	v2, _ := Select(context.Background(), g2, Filter{})
	f2, _ := os.Create("/tmp/dottest/twenty.dot")
	WriteDOT(f2, v2, DOTOptions{Cluster: ClusterArticle})
	f2.Close()
	t.Log(v.Len())
	t.Log(v2.Len())
}
