/*
 * SPDX-FileCopyrightText: © 2017-2025 Istari Digital, Inc.
 * SPDX-License-Identifier: Apache-2.0
 */

package badger

// The tests of the claimgraph patch that opens tables lazily
// (Options.LazyTableOpen, TABLEMETA).

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/dgraph-io/badger/v4/table"
)

// lazyOptions are options that make a few hundred kilobytes of writes
// into several tables on more than one level.
func lazyOptions(dir string) Options {
	o := DefaultOptions(dir).WithLogger(nil).WithLazyTableOpen(true).
		WithMemTableSize(256 << 10).WithBaseTableSize(64 << 10).
		WithBaseLevelSize(256 << 10).WithNumLevelZeroTables(2).
		WithNumLevelZeroTablesStall(4).WithValueThreshold(1 << 10)
	o.TableSizeMultiplier = 1
	return o
}

// quietOptions are lazyOptions without background compactions, for tests
// whose table IDs, or whose tables' opening, must not depend on timing.
func quietOptions(dir string) Options {
	return lazyOptions(dir).WithNumCompactors(0).
		WithNumLevelZeroTables(100).WithNumLevelZeroTablesStall(200)
}

func lazyKey(i int) []byte { return fmt.Appendf(nil, "key%06d", i) }

func lazyValue(i, round int) []byte {
	return fmt.Appendf(nil, "value %d of round %d %s", i, round, strings.Repeat("x", 40))
}

// writeRound writes keys [0, n) with values of the given round and closes,
// with every table moved below level 0 first if flatten.
func writeRound(t *testing.T, o Options, n, round int, flatten bool) {
	t.Helper()
	db, err := Open(o)
	if err != nil {
		t.Fatal(err)
	}
	wb := db.NewWriteBatch()
	for i := range n {
		if err := wb.Set(lazyKey(i), lazyValue(i, round)); err != nil {
			t.Fatal(err)
		}
	}
	if err := wb.Flush(); err != nil {
		t.Fatal(err)
	}
	if flatten {
		if err := db.Flatten(1); err != nil {
			t.Fatal(err)
		}
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
}

// tablesOf returns every table of db, level by level.
func tablesOf(db *DB) []*table.Table {
	var all []*table.Table
	for _, l := range db.lc.levels {
		l.RLock()
		all = append(all, l.tables...)
		l.RUnlock()
	}
	return all
}

func openedCount(db *DB) int {
	n := 0
	for _, t := range tablesOf(db) {
		if t.FileOpened() {
			n++
		}
	}
	return n
}

// checkAll fails unless db holds keys [0, n) with the round's values, by
// point reads and by one iteration.
func checkAll(t *testing.T, db *DB, n, round int) {
	t.Helper()
	err := db.View(func(txn *Txn) error {
		for i := range n {
			item, err := txn.Get(lazyKey(i))
			if err != nil {
				return fmt.Errorf("get %s: %w", lazyKey(i), err)
			}
			v, err := item.ValueCopy(nil)
			if err != nil {
				return err
			}
			if !bytes.Equal(v, lazyValue(i, round)) {
				return fmt.Errorf("%s = %q, want round %d", lazyKey(i), v, round)
			}
		}
		it := txn.NewIterator(DefaultIteratorOptions)
		defer it.Close()
		seen := 0
		for it.Rewind(); it.Valid(); it.Next() {
			if want := lazyKey(seen); !bytes.Equal(it.Item().Key(), want) {
				return fmt.Errorf("iteration: key %d is %s, want %s", seen, it.Item().Key(), want)
			}
			seen++
		}
		if seen != n {
			return fmt.Errorf("iteration saw %d keys, want %d", seen, n)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

func openReadOnly(t *testing.T, o Options) *DB {
	t.Helper()
	db, err := Open(o.WithReadOnly(true))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = db.Close() })
	return db
}

// TestLazyTableOpen: a DB closed after writing opens with no table file
// open, a point read opens only the tables that may hold its key, and
// every key reads back.
func TestLazyTableOpen(t *testing.T) {
	dir := t.TempDir()
	o := lazyOptions(dir)
	writeRound(t, o, 20000, 1, true)
	writeRound(t, o, 5000, 1, false)
	if _, err := os.Stat(filepath.Join(dir, tableMetaFilename)); err != nil {
		t.Fatalf("no %s after Close: %v", tableMetaFilename, err)
	}
	db := openReadOnly(t, o)
	tables := tablesOf(db)
	if len(tables) < 4 || db.lc.levels[0].numTables() == len(tables) {
		t.Fatalf("%d tables, %d on level 0: the test needs tables on several levels",
			len(tables), db.lc.levels[0].numTables())
	}
	if n := openedCount(db); n != 0 {
		t.Fatalf("%d of %d tables opened by Open, want none", n, len(tables))
	}
	if err := db.View(func(txn *Txn) error {
		_, err := txn.Get(lazyKey(12345))
		return err
	}); err != nil {
		t.Fatal(err)
	}
	levels := 0
	for _, l := range db.lc.levels[1:] {
		if l.numTables() > 0 {
			levels++
		}
	}
	if n, most := openedCount(db), db.lc.levels[0].numTables()+levels; n == 0 || n > most {
		t.Fatalf("one point read opened %d tables, want 1 to %d", n, most)
	}
	checkAll(t, db, 20000, 1)
	if n := openedCount(db); n != len(tables) {
		t.Fatalf("%d of %d tables opened after reading them all", n, len(tables))
	}
}

// TestLazyTableOpenAcrossWrites: a read-write Open removes TABLEMETA;
// compactions over lazily opened tables keep every key; Close writes a
// TABLEMETA that matches the new tables and a manifest without the
// deleted ones.
func TestLazyTableOpenAcrossWrites(t *testing.T) {
	dir := t.TempDir()
	o := quietOptions(dir)
	writeRound(t, o, 20000, 1, false)

	db, err := Open(o)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dir, tableMetaFilename)); !errors.Is(err, os.ErrNotExist) {
		t.Fatalf("%s still there after a read-write Open (%v)", tableMetaFilename, err)
	}
	lazy := map[uint64]bool{}
	for _, tb := range tablesOf(db) {
		if tb.FileOpened() {
			t.Fatalf("table %d opened by a read-write Open", tb.ID())
		}
		lazy[tb.ID()] = true
	}
	wb := db.NewWriteBatch()
	for i := range 20000 {
		if err := wb.Set(lazyKey(i), lazyValue(i, 2)); err != nil {
			t.Fatal(err)
		}
	}
	if err := wb.Flush(); err != nil {
		t.Fatal(err)
	}
	// Level 0 into the level below, as a compactor would, in this
	// goroutine: round 1's tables are lazy, round 2's are not. Each
	// compaction takes the level-0 tables that overlap the first one.
	for i := 0; db.lc.levels[0].numTables() > 0; i++ {
		if i == 100 {
			t.Fatalf("level 0 still holds %d tables", db.lc.levels[0].numTables())
		}
		if err := db.lc.doCompact(0, compactionPriority{level: 0, score: 2}); err != nil {
			t.Fatal(err)
		}
	}
	for _, tb := range tablesOf(db) {
		if lazy[tb.ID()] {
			t.Fatalf("table %d, opened lazily, survived the compaction of level 0", tb.ID())
		}
	}
	checkAll(t, db, 20000, 2)
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}

	f, err := os.Open(filepath.Join(dir, ManifestFilename))
	if err != nil {
		t.Fatal(err)
	}
	m, _, err := ReplayManifestFile(f, 0, o)
	_ = f.Close()
	if err != nil || m.Deletions != 0 {
		t.Fatalf("manifest after Close: %d deletions, %v; want it rewritten", m.Deletions, err)
	}
	db = openReadOnly(t, o)
	if n := openedCount(db); n != 0 {
		t.Fatalf("%d tables opened by Open after the second Close, want none", n)
	}
	checkAll(t, db, 20000, 2)
}

// TestLazyTableOpenDistrustsTableMeta: a TABLEMETA from before the tables
// changed, or damaged, is not used; one that lies about a table makes the
// reads of that table fail, not return wrong answers.
func TestLazyTableOpenDistrustsTableMeta(t *testing.T) {
	dir := t.TempDir()
	o := lazyOptions(dir)
	path := filepath.Join(dir, tableMetaFilename)
	writeRound(t, o, 20000, 1, false)
	old, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	writeRound(t, o, 25000, 2, false)
	fresh, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	damaged := bytes.Clone(fresh)
	damaged[len(damaged)/2] ^= 0x40

	for name, b := range map[string][]byte{"stale": old, "damaged": damaged} {
		t.Run(name, func(t *testing.T) {
			if err := os.WriteFile(path, b, 0o600); err != nil {
				t.Fatal(err)
			}
			db := openReadOnly(t, o)
			if n, all := openedCount(db), len(tablesOf(db)); n != all {
				t.Fatalf("%d of %d tables opened at Open, want all (TABLEMETA unused)", n, all)
			}
			checkAll(t, db, 25000, 2)
			_ = db.Close()
		})
	}

	t.Run("lying", func(t *testing.T) {
		stamp, metas, err := decodeTableMeta(fresh)
		if err != nil {
			t.Fatal(err)
		}
		for i := range metas {
			metas[i].KeyCount++
		}
		if err := os.WriteFile(path, encodeTableMeta(stamp, metas), 0o600); err != nil {
			t.Fatal(err)
		}
		db := openReadOnly(t, o)
		err = db.View(func(txn *Txn) error {
			_, err := txn.Get(lazyKey(7))
			return err
		})
		if err == nil || !strings.Contains(err.Error(), "not the table TABLEMETA describes") {
			t.Fatalf("reading through a TABLEMETA that does not match: %v", err)
		}
		defer func() {
			if r := recover(); r == nil || !strings.Contains(fmt.Sprint(r), "not the table TABLEMETA describes") {
				t.Fatalf("iterating through a TABLEMETA that does not match: %v", r)
			}
		}()
		// Through db.View: its Discard must not hide the panic's reason.
		_ = db.View(func(txn *Txn) error {
			it := txn.NewIterator(DefaultIteratorOptions)
			defer it.Close()
			for it.Rewind(); it.Valid(); it.Next() {
			}
			return nil
		})
	})
}

// TestTableMetaEncoding: TABLEMETA decodes to what was encoded, and any
// shorter or altered file is refused.
func TestTableMetaEncoding(t *testing.T) {
	metas := []table.Meta{
		{ID: 7, Size: 1 << 20, CreatedAt: time.Unix(0, 1700000000123456789), Smallest: []byte("a\x00"),
			Biggest: []byte("zz"), MaxVersion: 99, KeyCount: 3, UncompressedSize: 4, OnDiskSize: 5,
			StaleDataSize: 6, BloomFilterLength: 8, OffsetsLength: 9, IndexLen: 10},
		{ID: 8, Smallest: []byte{}, Biggest: []byte{}, CreatedAt: time.Unix(0, 0)},
	}
	stamp := manifestStamp{size: 12345, modTime: -6789}
	b := encodeTableMeta(stamp, metas)
	got0, got, err := decodeTableMeta(b)
	if err != nil || got0 != stamp || len(got) != 2 {
		t.Fatalf("decoded stamp %+v, %d metas, %v", got0, len(got), err)
	}
	for i := range metas {
		if !got[i].CreatedAt.Equal(metas[i].CreatedAt) {
			t.Fatalf("meta %d created %v, want %v", i, got[i].CreatedAt, metas[i].CreatedAt)
		}
		got[i].CreatedAt = metas[i].CreatedAt
		if fmt.Sprint(got[i]) != fmt.Sprint(metas[i]) {
			t.Fatalf("meta %d decoded as %+v, want %+v", i, got[i], metas[i])
		}
	}
	for n := range len(b) {
		if _, _, err := decodeTableMeta(b[:n]); err == nil {
			t.Fatalf("a TABLEMETA cut to %d of %d bytes decoded", n, len(b))
		}
	}
	for i := range b {
		c := bytes.Clone(b)
		c[i] ^= 1
		if _, _, err := decodeTableMeta(c); err == nil {
			t.Fatalf("a TABLEMETA with byte %d altered decoded", i)
		}
	}
}

// FuzzDecodeTableMeta: decoding never panics, and what decodes encodes
// back to the same bytes.
func FuzzDecodeTableMeta(f *testing.F) {
	f.Add(encodeTableMeta(manifestStamp{1, 2}, []table.Meta{{ID: 1, Smallest: []byte("a"), Biggest: []byte("b")}}))
	f.Add(encodeTableMeta(manifestStamp{}, nil))
	f.Add([]byte("bdgTMETA"))
	f.Fuzz(func(t *testing.T, b []byte) {
		stamp, metas, err := decodeTableMeta(b)
		if err != nil {
			return
		}
		if again := encodeTableMeta(stamp, metas); !bytes.Equal(again, b) {
			t.Fatalf("decoded %d metas that encode to %x, not %x", len(metas), again, b)
		}
	})
}

// TestLazyTableOpenAfterReusedIDs: table IDs restart after DropAll and a
// reopen, so a TABLEMETA kept from before (as a copy would keep it) can
// list exactly the tables of a new manifest of the same size; the
// manifest's modification time tells them apart.
func TestLazyTableOpenAfterReusedIDs(t *testing.T) {
	dir := t.TempDir()
	o := quietOptions(dir)
	path := filepath.Join(dir, tableMetaFilename)
	writeRound(t, o, 20000, 1, false)
	old, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	db, err := Open(o)
	if err != nil {
		t.Fatal(err)
	}
	if err := db.DropAll(); err != nil {
		t.Fatal(err)
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	writeRound(t, o, 20000, 2, false)
	fresh, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	ids := func(b []byte) string {
		_, metas, err := decodeTableMeta(b)
		if err != nil {
			t.Fatal(err)
		}
		var s []uint64
		for _, m := range metas {
			s = append(s, m.ID)
		}
		slices.Sort(s)
		return fmt.Sprint(s)
	}
	if ids(old) != ids(fresh) {
		t.Fatalf("the test needs the same table IDs before and after DropAll: %s, %s", ids(old), ids(fresh))
	}
	if err := os.WriteFile(path, old, 0o600); err != nil {
		t.Fatal(err)
	}
	db = openReadOnly(t, o)
	if n, all := openedCount(db), len(tablesOf(db)); n != all {
		t.Fatalf("%d of %d tables opened at Open, want all (TABLEMETA unused)", n, all)
	}
	checkAll(t, db, 20000, 2)
}
