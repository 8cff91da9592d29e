/*
 * SPDX-FileCopyrightText: © 2017-2025 Istari Digital, Inc.
 * SPDX-License-Identifier: Apache-2.0
 */

package table

// claimgraph patch: tables that open their file on first use.

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"sync"
	"sync/atomic"
	"time"

	"github.com/dgraph-io/ristretto/v2/z"
)

// Meta is what a table tells about itself without reading its blocks: the
// facts the levels controller needs to place it, size it and pick it for
// compaction. A table file never changes once written, so the Meta of a
// table ID stays true for as long as that file exists.
type Meta struct {
	ID                uint64
	Size              int64
	CreatedAt         time.Time
	Smallest, Biggest []byte
	MaxVersion        uint64
	KeyCount          uint32
	UncompressedSize  uint32
	OnDiskSize        uint32
	StaleDataSize     uint32
	BloomFilterLength int
	OffsetsLength     int
	IndexLen          int
}

// Meta returns the table's Meta.
func (t *Table) Meta() Meta {
	c := t.cheapIndex()
	return Meta{
		ID:                t.id,
		Size:              int64(t.tableSize),
		CreatedAt:         t.CreatedAt,
		Smallest:          t.smallest,
		Biggest:           t.biggest,
		MaxVersion:        c.MaxVersion,
		KeyCount:          c.KeyCount,
		UncompressedSize:  c.UncompressedSize,
		OnDiskSize:        c.OnDiskSize,
		StaleDataSize:     c.StaleDataSize,
		BloomFilterLength: c.BloomFilterLength,
		OffsetsLength:     c.OffsetsLength,
		IndexLen:          t.indexLen,
	}
}

// sameTable reports whether m and o describe the same table file. The
// creation time is left out: touching a file does not change its content.
func (m Meta) sameTable(o Meta) bool {
	return m.ID == o.ID && m.Size == o.Size &&
		bytes.Equal(m.Smallest, o.Smallest) && bytes.Equal(m.Biggest, o.Biggest) &&
		m.MaxVersion == o.MaxVersion && m.KeyCount == o.KeyCount &&
		m.UncompressedSize == o.UncompressedSize && m.OnDiskSize == o.OnDiskSize &&
		m.StaleDataSize == o.StaleDataSize && m.BloomFilterLength == o.BloomFilterLength &&
		m.OffsetsLength == o.OffsetsLength && m.IndexLen == o.IndexLen
}

// lazyFile is the file of a table opened by OpenLazy: the first read
// opens, maps and checks it, once.
type lazyFile struct {
	once  sync.Once
	fname string
	flags int
	err   error // set by once: nil when the file is open

	opened atomic.Bool // the file was opened (for FileOpened)
}

// errNeverOpened settles a lazy table closed or deleted before any read.
var errNeverOpened = errors.New("table closed before its file was opened")

// OpenLazy returns a table that answers from m until something reads its
// keys, and opens, maps and checks fname then (with flags, as
// z.OpenMmapFile takes them). A file that does not match m fails that
// read, not the open: the caller vouches for m (badger's TABLEMETA file,
// which it checks against the manifest). The caller holds one reference.
func OpenLazy(fname string, flags int, m Meta, opts Options) *Table {
	t := &Table{
		id:        m.ID,
		opt:       &opts,
		tableSize: int(m.Size),
		CreatedAt: m.CreatedAt,
		smallest:  m.Smallest,
		biggest:   m.Biggest,
		indexLen:  m.IndexLen,
		_cheap: &cheapIndex{
			MaxVersion:        m.MaxVersion,
			KeyCount:          m.KeyCount,
			UncompressedSize:  m.UncompressedSize,
			OnDiskSize:        m.OnDiskSize,
			StaleDataSize:     m.StaleDataSize,
			BloomFilterLength: m.BloomFilterLength,
			OffsetsLength:     m.OffsetsLength,
		},
		lazy: &lazyFile{fname: fname, flags: flags},
	}
	t.ref.Store(1)
	return t
}

// Load opens the table's file if OpenLazy did not and no read has yet,
// and returns why it cannot be read, if it cannot. A read of a table that
// cannot be loaded panics (NewIterator); a point read calls Load first to
// return the error instead.
func (t *Table) Load() error { return t.load() }

// load opens a lazy table's file if no read has yet; it returns why the
// file cannot be read, if it cannot. Tables opened otherwise are loaded.
func (t *Table) load() error {
	if t.lazy == nil {
		return nil
	}
	t.lazy.once.Do(func() { t.lazy.err = t.openFile() })
	return t.lazy.err
}

// openFile opens, maps and checks the file of a lazy table, as OpenTable
// does for the others, and fails unless it is the table its Meta names.
func (t *Table) openFile() (err error) {
	fname := t.lazy.fname
	defer func() {
		// OpenTable panics on some corrupt files; a read reports it.
		if r := recover(); r != nil {
			err = fmt.Errorf("opening table %s: %v", fname, r)
		}
	}()
	mf, err := z.OpenMmapFile(fname, t.lazy.flags, 0)
	if err != nil {
		return fmt.Errorf("opening table %s: %w", fname, err)
	}
	u, err := OpenTable(mf, *t.opt)
	if err != nil {
		_ = mf.Close(-1)
		return fmt.Errorf("opening table %s: %w", fname, err)
	}
	if got := u.Meta(); !got.sameTable(t.Meta()) {
		_ = mf.Close(-1)
		return fmt.Errorf("table %s is not the table TABLEMETA describes "+
			"(remove TABLEMETA from the directory and open it again)", fname)
	}
	t.MmapFile = u.MmapFile
	t._index = u._index
	t.indexStart = u.indexStart
	t.hasBloomFilter = u.hasBloomFilter
	t.Checksum = u.Checksum
	t.lazy.opened.Store(true)
	return nil
}

// FileOpened reports whether the table's file has been opened: always for
// tables opened otherwise than by OpenLazy.
func (t *Table) FileOpened() bool {
	return t.lazy == nil || t.lazy.opened.Load()
}

// fileOpen reports whether the table's file is open. A lazy table that
// was never read is settled as never opened, so that no read opens it
// afterwards; fileOpen is for Close, Delete and Sync, after the last read.
func (t *Table) fileOpen() bool {
	if t.lazy == nil {
		return true
	}
	t.lazy.once.Do(func() { t.lazy.err = errNeverOpened })
	return t.lazy.err == nil
}

// Close unmaps and closes the table's file, if it was opened; see
// z.MmapFile.Close for maxSz.
func (t *Table) Close(maxSz int64) error {
	if !t.fileOpen() {
		return nil
	}
	return t.MmapFile.Close(maxSz)
}

// Delete removes the table's file, open or not.
func (t *Table) Delete() error {
	if !t.fileOpen() {
		return os.Remove(t.lazy.fname)
	}
	return t.MmapFile.Delete()
}

// Sync flushes the table's mapped file, if it was opened.
func (t *Table) Sync() error {
	if !t.fileOpen() {
		return nil
	}
	return t.MmapFile.Sync()
}
