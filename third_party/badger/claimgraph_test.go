/*
 * SPDX-FileCopyrightText: © 2017-2025 Istari Digital, Inc.
 * SPDX-License-Identifier: Apache-2.0
 */

package badger

import (
	"bytes"
	"fmt"
	"testing"
)

// TestSortForMemtable checks the claimgraph patch: a committed
// transaction's entries reach the memtable in key order, all of them.
func TestSortForMemtable(t *testing.T) {
	db, err := Open(DefaultOptions("").WithInMemory(true).WithLogger(nil))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	txn := db.NewTransaction(true)
	defer txn.Discard()
	for i := range 500 {
		if err := txn.Set(fmt.Appendf(nil, "k%03d", (i*7919)%500), []byte{byte(i)}); err != nil {
			t.Fatal(err)
		}
	}
	var got []*Entry
	for _, e := range txn.pendingWrites {
		got = append(got, e)
	}
	sortForMemtable(got)
	if len(got) != 500 {
		t.Fatalf("%d entries after sorting, want 500", len(got))
	}
	for i, e := range got {
		if want := fmt.Appendf(nil, "k%03d", i); !bytes.Equal(e.Key, want) {
			t.Fatalf("entry %d is %q, want %q", i, e.Key, want)
		}
	}
}
