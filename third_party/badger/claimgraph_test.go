/*
 * SPDX-FileCopyrightText: © 2017-2025 Istari Digital, Inc.
 * SPDX-License-Identifier: Apache-2.0
 */

package badger

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"hash/crc32"
	"testing"

	"github.com/dgraph-io/badger/v4/y"
)

// The tests of the claimgraph patches to badger (third_party/README.md).

// TestSortForMemtable: a committed transaction's entries reach the
// memtable in key order, all of them.
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

// TestEncodePlainEntry: an entry encoded without the per-entry hash and
// MultiWriter is byte for byte what the log format prescribes (header,
// key, value, then the Castagnoli CRC of all three), appended after what
// the buffer held, and decodes back.
func TestEncodePlainEntry(t *testing.T) {
	for _, e := range []*Entry{
		{Key: y.KeyWithTs([]byte("key"), 7), Value: []byte("value"), meta: bitTxn, UserMeta: 3},
		{Key: y.KeyWithTs([]byte("k"), 1), ExpiresAt: 1 << 40},
		{Key: y.KeyWithTs(bytes.Repeat([]byte("x"), 300), 9), Value: bytes.Repeat([]byte("v"), 70000)},
	} {
		h := header{klen: uint32(len(e.Key)), vlen: uint32(len(e.Value)), expiresAt: e.ExpiresAt, meta: e.meta, userMeta: e.UserMeta}
		var want []byte
		var enc [maxHeaderSize]byte
		want = append(want, enc[:h.Encode(enc[:])]...)
		want = append(want, e.Key...)
		want = append(want, e.Value...)
		want = binary.BigEndian.AppendUint32(want, crc32.Checksum(want, y.CastagnoliCrcTable))

		buf := bytes.NewBufferString("before")
		n := encodePlainEntry(buf, h, e)
		if got := buf.Bytes()[len("before"):]; n != len(want) || !bytes.Equal(got, want) {
			t.Fatalf("key %q: encoded %d bytes %x..., want %d bytes %x...", e.Key[:1], n, got[:min(16, len(got))], len(want), want[:16])
		}
		var lf logFile
		d, err := lf.decodeEntry(want, 0)
		if err != nil || !bytes.Equal(d.Key, e.Key) || !bytes.Equal(d.Value, e.Value) || d.meta != e.meta || d.ExpiresAt != e.ExpiresAt {
			t.Fatalf("decoded %+v, %v; want %+v", d, err, e)
		}
	}
}
