package store

import (
	"context"
	"slices"
	"testing"

	"github.com/dgraph-io/badger/v4"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/graphtest"
)

// fixtureDB returns a database holding the conformance fixtures and a few
// dozen synthetic articles.
func fixtureDB(t *testing.T) *DB {
	t.Helper()
	db, err := Open(t.TempDir(), Options{MemTableSize: 8 << 20})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	subs := []graph.Subgraph{graphtest.SubHarbour(), graphtest.SubBudget(), graphtest.SubQuiet()}
	s := newSynth(5)
	for range 40 {
		subs = append(subs, s.article())
	}
	if _, err := db.Write(context.Background(), subs); err != nil {
		t.Fatal(err)
	}
	return db
}

// damage changes the database behind the store's back.
func damage(t *testing.T, db *DB, f func(txn *badger.Txn) error) {
	t.Helper()
	if err := db.bdb.Update(f); err != nil {
		t.Fatalf("damage: %v", err)
	}
}

func deleteKey(k []byte, _ bool) func(*badger.Txn) error {
	return func(txn *badger.Txn) error { return txn.Delete(k) }
}

func setKey(k []byte, v []byte) func(*badger.Txn) error {
	return func(txn *badger.Txn) error { return txn.Set(k, v) }
}

// deletePrefix deletes every key under prefix.
func deletePrefix(prefix []byte) func(*badger.Txn) error {
	return func(txn *badger.Txn) error {
		it := txn.NewIterator(badger.IteratorOptions{Prefix: prefix})
		var keys [][]byte
		for it.Rewind(); it.Valid(); it.Next() {
			keys = append(keys, it.Item().KeyCopy(nil))
		}
		it.Close()
		for _, k := range keys {
			if err := txn.Delete(k); err != nil {
				return err
			}
		}
		return nil
	}
}

var (
	saidWaste = graph.Edge{From: graphtest.Okafor, Rel: graph.Said, To: graphtest.Waste, Article: graphtest.ArtHarbour}
	nodeOf    = func(id string) []byte { k, _ := nodeKey(id); return k }
	outOf     = func(e graph.Edge) []byte { k, _ := outKey(nil, e); return k }
	inOf      = func(e graph.Edge) []byte { k, _ := inKey(nil, e); return k }
	nameOf    = func(norm, id string) []byte { k, _ := nameKey(nil, norm, id); return k }
	indexOf   = func(id string) []byte { k, _ := appendID([]byte{pfxArticle}, id); return k }
	attrOf    = func(id string) []byte { k, _ := appendID([]byte{pfxAttribute}, id); return k }
	undoOf    = func(id string) []byte { k, _ := mergeKey(mrgUndo, id); return k }
)

// mergedAway is a person a stray merge record says was merged into Okafor.
const mergedAway = "person/d-okafor"

// strayUndo is the undo record of that merge.
func strayUndo() []byte {
	n := graph.Node{ID: mergedAway, Kind: graph.Person, Name: "D. Okafor"}
	return encodeMergeRecord(&mergeRecord{into: graphtest.Okafor, node: encodeNode(nil, &n)})
}

func TestCheckFindsDamageAndRepairFixesIt(t *testing.T) {
	for _, c := range []struct {
		name   string
		damage func(*badger.Txn) error
		want   string
		after  func(t *testing.T, db *DB) // what works again after Repair
	}{
		{"a deleted entity record", deleteKey(nodeOf(graphtest.Okafor), true), probEnd, func(t *testing.T, db *DB) {
			if _, err := db.Node(context.Background(), graphtest.Okafor); err != nil {
				t.Errorf("no placeholder for the deleted node: %v", err)
			}
		}},
		{"a deleted in-index entry", deleteKey(inOf(saidWaste), true), probNoIn, func(t *testing.T, db *DB) {
			wantEdge(t, db, graphtest.Waste, graph.In, saidWaste)
		}},
		{"a deleted edge record", deleteKey(outOf(saidWaste), true), probNoOut, nil},
		{"a deleted name index entry", deleteKey(nameOf("okafor", graphtest.Okafor), true), probNameMissing, func(t *testing.T, db *DB) {
			ids, err := db.Lookup(context.Background(), "Okafor")
			if err != nil || !slices.Equal(ids, []string{graphtest.Okafor}) {
				t.Errorf("Lookup(Okafor) = %v, %v", ids, err)
			}
		}},
		{"a stray name index entry", setKey(nameOf("nobody", graphtest.Okafor), nil), probNameStale, nil},
		{"deleted posting lists", deletePrefix(tokenPrefix("waste")), probTokenMissing, func(t *testing.T, db *DB) {
			var ids []string
			for id, err := range db.SearchClaims(context.Background(), "waste") {
				if err != nil {
					t.Fatal(err)
				}
				ids = append(ids, id)
			}
			if !slices.Equal(ids, []string{graphtest.Waste}) {
				t.Errorf("SearchClaims(waste) = %v", ids)
			}
		}},
		{"a counter off by one", setKey(kindCounterKey(graph.Person), []byte{99}), probCounter, nil},
		{"a deleted article index", deletePrefix(indexOf(graphtest.ArtHarbour)), probNoIndex, func(t *testing.T, db *DB) {
			n := 0
			for _, err := range db.Neighbors(context.Background(), graphtest.ArtHarbour, graph.Out) {
				if err != nil {
					t.Fatal(err)
				}
				n++
			}
			if n != 4 {
				t.Errorf("the article's mentions after repair: %d, want 4", n)
			}
		}},
		{"an undecodable node record", setKey(nodeOf(graphtest.Brandt), []byte{0xff, 0xff, 0xff}), probNode, nil},
		{"a deleted article record", deleteKey(nodeOf(graphtest.ArtBudget), true), probProvenance, nil},
		{"an undecodable edge record", setKey(outOf(saidWaste), []byte{0x80}), probEdge, nil},
		{"an undecodable attribution decision", setKey(attrOf(graphtest.Waste), []byte{0xff}), probDecision, nil},
		{"an undecodable merge alias key", setKey([]byte{pfxMerge, mrgAlias, 0xff}, nil), probDecision, nil},
		{"a merge undo record without its alias key", setKey(undoOf(mergedAway), strayUndo()), probMergeAlias, func(t *testing.T, db *DB) {
			m, err := readMerges(db.bdb.NewTransaction(false))
			if err != nil || m[mergedAway] != graphtest.Okafor {
				t.Errorf("merge decisions after repair: %v, %v; want %s -> %s", m, err, mergedAway, graphtest.Okafor)
			}
		}},
	} {
		t.Run(c.name, func(t *testing.T) {
			db := fixtureDB(t)
			ctx := context.Background()
			rep, err := db.Check(ctx)
			if err != nil || !rep.OK() {
				t.Fatalf("Check before damage: %v\n%s", err, rep.String())
			}
			damage(t, db, c.damage)
			rep, err = db.Check(ctx)
			if err != nil {
				t.Fatal(err)
			}
			i := slices.IndexFunc(rep.Problems, func(p Problem) bool { return p.What == c.want })
			if i < 0 || rep.Problems[i].Count == 0 || len(rep.Problems[i].Examples) == 0 {
				t.Fatalf("Check did not report %q:\n%s", c.want, rep.String())
			}
			if _, err := db.Repair(ctx); err != nil {
				t.Fatal(err)
			}
			rep, err = db.Check(ctx)
			if err != nil || !rep.OK() {
				t.Fatalf("Check after Repair: %v\n%s", err, rep.String())
			}
			if c.after != nil {
				c.after(t, db)
			}
			// the database still takes writes
			if _, err := db.Write(ctx, []graph.Subgraph{newSynth(99).article()}); err != nil {
				t.Fatalf("Write after Repair: %v", err)
			}
			if rep, err := db.Check(ctx); err != nil || !rep.OK() {
				t.Fatalf("Check after a write after Repair: %v\n%s", err, rep.String())
			}
		})
	}
}

func wantEdge(t *testing.T, db *DB, id string, dir graph.Direction, want graph.Edge) {
	t.Helper()
	for e, err := range db.Neighbors(context.Background(), id, dir, want.Rel) {
		if err != nil {
			t.Fatal(err)
		}
		if e.Key() == want.Key() {
			return
		}
	}
	t.Errorf("no edge %v at %s", want.Key(), id)
}

func TestRepairOfACleanDatabaseChangesNothing(t *testing.T) {
	db := fixtureDB(t)
	ctx := context.Background()
	before := graphtest.DumpOf(t, db)
	st, err := db.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	rep, err := db.Repair(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Removed+rep.Stubs+rep.InAdded+rep.InPruned != 0 {
		t.Errorf("Repair of a clean database reported changes: %+v", rep)
	}
	after := graphtest.DumpOf(t, db)
	if !slices.EqualFunc(before.Nodes, after.Nodes, func(a, b graph.Node) bool { return a.ID == b.ID }) ||
		!slices.Equal(before.Edges, after.Edges) {
		t.Errorf("Repair changed the graph")
	}
	st2, err := db.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if st.TotalNodes() != st2.TotalNodes() || st.TotalEdges() != st2.TotalEdges() {
		t.Errorf("stats changed: %+v -> %+v", st, st2)
	}
}
