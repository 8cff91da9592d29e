package store

import (
	"context"
	"encoding/binary"
	"errors"
	"fmt"

	"github.com/dgraph-io/badger/v4"

	"github.com/claimgraph/claimgraph/graph"
)

// counters is the value of the c keys: node counts by kind code, edge
// counts by relation code, and the sequence number of the last write
// transaction.
type counters struct {
	nodes [16]int64
	edges [8]int64
	seq   uint64
}

// addDeltas adds what a contributes.
func (c *counters) addDeltas(a *artWrite) {
	for i, d := range a.nodes {
		c.nodes[i] += d
	}
	for i, d := range a.edges {
		c.edges[i] += d
	}
}

// write sets the counters that differ from old, and the sequence.
func (c *counters) write(set func(k, v []byte) error, old *counters) error {
	for _, k := range graph.Kinds {
		g, _ := kindCodes(k)
		if c.nodes[g] != old.nodes[g] {
			if err := set(kindCounterKey(k), binary.AppendUvarint(nil, uint64(c.nodes[g]))); err != nil {
				return err
			}
		}
	}
	for _, r := range graph.Rels {
		rc := relCode(r)
		if c.edges[rc] != old.edges[rc] {
			if err := set(relCounterKey(r), binary.AppendUvarint(nil, uint64(c.edges[rc]))); err != nil {
				return err
			}
		}
	}
	return set(seqKey, binary.AppendUvarint(nil, c.seq))
}

// readCounters reads the c keys (a dozen point reads, no scan).
func (db *DB) readCounters() (counters, error) {
	var c counters
	err := db.bdb.View(func(txn *badger.Txn) error {
		get := func(k []byte) (uint64, error) {
			item, err := txn.Get(k)
			if errors.Is(err, badger.ErrKeyNotFound) {
				return 0, nil
			}
			if err != nil {
				return 0, err
			}
			var v uint64
			err = item.Value(func(b []byte) error {
				var n int
				v, n = binary.Uvarint(b)
				if n <= 0 {
					return fmt.Errorf("bad counter %q", k)
				}
				return nil
			})
			return v, err
		}
		for _, k := range graph.Kinds {
			v, err := get(kindCounterKey(k))
			if err != nil {
				return err
			}
			g, _ := kindCodes(k)
			c.nodes[g] = int64(v)
		}
		for _, r := range graph.Rels {
			v, err := get(relCounterKey(r))
			if err != nil {
				return err
			}
			c.edges[relCode(r)] = int64(v)
		}
		v, err := get(seqKey)
		c.seq = v
		return err
	})
	if err != nil {
		return c, fmt.Errorf("read counters: %w", err)
	}
	return c, nil
}

// Stats is what a database holds, from counters kept up to date by every
// write (no scan).
type Stats struct {
	Nodes map[graph.Kind]int // nodes by kind (every kind present)
	Edges map[graph.Rel]int  // edges by relation (every relation present)
}

// TotalNodes returns the number of nodes of all kinds.
func (s Stats) TotalNodes() int {
	t := 0
	for _, n := range s.Nodes {
		t += n
	}
	return t
}

// TotalEdges returns the number of edges of all relations.
func (s Stats) TotalEdges() int {
	t := 0
	for _, n := range s.Edges {
		t += n
	}
	return t
}

// Stats returns node counts by kind and edge counts by relation.
func (db *DB) Stats(ctx context.Context) (Stats, error) {
	if err := ctx.Err(); err != nil {
		return Stats{}, err
	}
	c, err := db.readCounters()
	if err != nil {
		return Stats{}, err
	}
	return c.stats(), nil
}

func (c *counters) stats() Stats {
	s := Stats{Nodes: map[graph.Kind]int{}, Edges: map[graph.Rel]int{}}
	for _, k := range graph.Kinds {
		g, _ := kindCodes(k)
		s.Nodes[k] = int(c.nodes[g])
	}
	for _, r := range graph.Rels {
		s.Edges[r] = int(c.edges[relCode(r)])
	}
	return s
}

// Compact runs badger's value-log garbage collection and flattens the LSM
// tree into as few levels as it can. It waits for running writes. A
// database opened with Options.Compacting also has its level 0 merged
// into the levels below; otherwise tables still in level 0 stay there
// when no other level holds data (badger's Flatten).
func (db *DB) Compact(ctx context.Context) error {
	if db.readOnly {
		return fmt.Errorf("compact %s: %w", db.path, ErrReadOnly)
	}
	db.wmu.Lock()
	defer db.wmu.Unlock()
	stop := db.trim.every(compactTrimInterval)
	err := db.bdb.Flatten(2)
	stop()
	if err != nil {
		return fmt.Errorf("compact %s: flatten: %w", db.path, err)
	}
	for {
		if err := ctx.Err(); err != nil {
			return fmt.Errorf("compact %s: %w", db.path, err)
		}
		err := db.bdb.RunValueLogGC(0.5)
		if errors.Is(err, badger.ErrNoRewrite) || errors.Is(err, badger.ErrRejected) {
			return nil
		}
		if err != nil {
			return fmt.Errorf("compact %s: value log GC: %w", db.path, err)
		}
	}
}
