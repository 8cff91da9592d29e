package store

import (
	"context"
	"fmt"
	"reflect"
	"testing"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/graphtest"
)

func openSmall(t *testing.T, opts Options) *DB {
	t.Helper()
	if opts.MemTableSize == 0 {
		opts.MemTableSize = 4 << 20
	}
	db, err := Open(t.TempDir(), opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

// TestWritesSplitOrTrimmedStoreTheSameGraph writes the same articles in
// one transaction, split because badger refused a transaction that was too
// big, and with the session's node cache trimmed between transactions.
func TestWritesSplitOrTrimmedStoreTheSameGraph(t *testing.T) {
	subs := Synthetic(150)
	ctx := context.Background()
	plain := openSmall(t, Options{MemTableSize: 64 << 20})
	want, err := plain.Write(ctx, subs)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name  string
		setup func(db *DB)
	}{
		{"a transaction badger finds too big", func(db *DB) { db.maxBytes, db.maxCount = 1<<40, 1<<40 }},
		{"a node cache trimmed between transactions", func(db *DB) { db.cacheMax = 40; db.maxBytes = 30_000 }},
	} {
		t.Run(c.name, func(t *testing.T) {
			db := openSmall(t, Options{})
			c.setup(db)
			got, err := db.Write(ctx, subs)
			if err != nil {
				t.Fatal(err)
			}
			if got != want {
				t.Errorf("stats %+v, want %+v", got, want)
			}
			if !reflect.DeepEqual(graphtest.DumpOf(t, db), graphtest.DumpOf(t, plain)) {
				t.Errorf("a different graph")
			}
			if rep, err := db.Check(ctx); err != nil || !rep.OK() {
				t.Errorf("Check: %v\n%s", err, rep.String())
			}
		})
	}
}

func TestAnotherSchemaVersionIsRefused(t *testing.T) {
	dir := t.TempDir()
	db, err := Open(dir, Options{MemTableSize: 4 << 20})
	if err != nil {
		t.Fatal(err)
	}
	damage(t, db, setKey(versionKey, []byte{schemaVer + 1}))
	db.Close()
	_, err = Open(dir, Options{ReadOnly: true})
	want := fmt.Sprintf("database at %s has schema version %d; this claimgraph reads version %d", dir, schemaVer+1, schemaVer)
	if err == nil || err.Error() != want {
		t.Errorf("error = %v, want %q", err, want)
	}
}

func TestAFailedCommitStopsTheSession(t *testing.T) {
	db := openSmall(t, Options{})
	s, err := db.BeginWrites()
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	if _, err := s.Write(ctx, Synthetic(3)); err != nil {
		t.Fatal(err)
	}
	// a closed badger makes the next commit fail
	if _, err := s.Flush(); err != nil {
		t.Fatal(err)
	}
	s.w.err = errInjected
	if _, err := s.Write(ctx, []graph.Subgraph{graphtest.SubQuiet()}); err != errInjected {
		t.Errorf("Write after a failed commit: %v", err)
	}
	if st, err := s.Close(); err != errInjected || st.Articles != 3 {
		t.Errorf("Close = %+v, %v", st, err)
	}
}

var errInjected = errorString("injected failure")

type errorString string

func (e errorString) Error() string { return string(e) }
