package store_test

import (
	"testing"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/graphtest"
	"github.com/claimgraph/claimgraph/store"
)

// testMemTable is the memtable size of test databases: small ones open
// faster.
const testMemTable = 8 << 20

// openTemp opens a fresh database in a test directory, closed at cleanup.
func openTemp(t testing.TB, opts store.Options) *store.DB {
	t.Helper()
	if opts.MemTableSize == 0 {
		opts.MemTableSize = testMemTable
	}
	db, err := store.Open(t.TempDir(), opts)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() {
		if err := db.Close(); err != nil {
			t.Errorf("Close: %v", err)
		}
	})
	return db
}

func TestConformance(t *testing.T) {
	graphtest.Run(t, func(t *testing.T) graph.Store { return openTemp(t, store.Options{}) })
}
