/*
 * SPDX-FileCopyrightText: © 2017-2025 Istari Digital, Inc.
 * SPDX-License-Identifier: Apache-2.0
 */

package badger

// claimgraph patch: the TABLEMETA file, which lets Open place every table
// without opening it (Options.LazyTableOpen).

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"os"
	"path/filepath"
	"time"

	"github.com/dgraph-io/badger/v4/table"
	"github.com/dgraph-io/badger/v4/y"
)

// tableMetaFilename names the file, in the DB's directory, that holds the
// Meta of every table as a read-write DB left them when it closed.
const tableMetaFilename = "TABLEMETA"

// TABLEMETA is tableMetaMagic, then the manifest's stamp when it was
// written (size and modification time), the number of tables and their
// Metas, then the CRC-32C of all that. Numbers are little-endian; a key is its length (uint32) and bytes.
var tableMetaMagic = []byte("bdgTMETA\x00\x00\x00\x01")

const (
	// tableMetaFixed is the size of a Meta's fixed-width fields: ID, size,
	// creation time, max version (8 bytes each) and seven 4-byte counts.
	tableMetaFixed = 4*8 + 7*4
	// tableMetaMinEntry is the smallest encoded Meta: two empty keys.
	tableMetaMinEntry = tableMetaFixed + 2*4
)

var errTableMeta = errors.New("not a valid " + tableMetaFilename + " file")

// manifestStamp is what tells one state of the manifest from another: a
// change to the tables appends to the manifest or rewrites it, which
// moves its modification time and, as a rule, its size. (A rewritten
// manifest lists tables by ID and level only, so two different sets of
// tables can have manifests of the same size; table IDs start again after
// DropAll.)
type manifestStamp struct {
	size, modTime int64
}

func stampOf(fi os.FileInfo) manifestStamp {
	return manifestStamp{size: fi.Size(), modTime: fi.ModTime().UnixNano()}
}

// encodeTableMeta returns the TABLEMETA bytes for metas, written when the
// manifest had the given stamp.
func encodeTableMeta(stamp manifestStamp, metas []table.Meta) []byte {
	le := binary.LittleEndian
	b := append([]byte(nil), tableMetaMagic...)
	b = le.AppendUint64(b, uint64(stamp.size))
	b = le.AppendUint64(b, uint64(stamp.modTime))
	b = le.AppendUint32(b, uint32(len(metas)))
	for _, m := range metas {
		b = le.AppendUint64(b, m.ID)
		b = le.AppendUint64(b, uint64(m.Size))
		b = le.AppendUint64(b, uint64(m.CreatedAt.UnixNano()))
		b = le.AppendUint64(b, m.MaxVersion)
		for _, n := range []uint32{m.KeyCount, m.UncompressedSize, m.OnDiskSize,
			m.StaleDataSize, uint32(m.BloomFilterLength), uint32(m.OffsetsLength),
			uint32(m.IndexLen)} {
			b = le.AppendUint32(b, n)
		}
		b = le.AppendUint32(b, uint32(len(m.Smallest)))
		b = append(b, m.Smallest...)
		b = le.AppendUint32(b, uint32(len(m.Biggest)))
		b = append(b, m.Biggest...)
	}
	return le.AppendUint32(b, crc32.Checksum(b, y.CastagnoliCrcTable))
}

// metaReader reads TABLEMETA's fields from b, failing once for good when
// b runs out.
type metaReader struct {
	b   []byte
	err error
}

func (r *metaReader) next(n int) []byte {
	if r.err != nil || n < 0 || n > len(r.b) {
		r.err = errTableMeta
		return nil
	}
	p := r.b[:n:n]
	r.b = r.b[n:]
	return p
}

func (r *metaReader) u64() uint64 {
	if p := r.next(8); p != nil {
		return binary.LittleEndian.Uint64(p)
	}
	return 0
}

func (r *metaReader) u32() uint32 {
	if p := r.next(4); p != nil {
		return binary.LittleEndian.Uint32(p)
	}
	return 0
}

func (r *metaReader) key() []byte {
	n := r.u32()
	if n > uint32(len(r.b)) {
		r.err = errTableMeta
		return nil
	}
	return bytes.Clone(r.next(int(n)))
}

// decodeTableMeta parses TABLEMETA's bytes: the manifest stamp they were
// written with and the Metas.
func decodeTableMeta(b []byte) (manifestStamp, []table.Meta, error) {
	var stamp manifestStamp
	if len(b) < len(tableMetaMagic)+2*8+4+4 || !bytes.HasPrefix(b, tableMetaMagic) {
		return stamp, nil, errTableMeta
	}
	body, sum := b[:len(b)-4], binary.LittleEndian.Uint32(b[len(b)-4:])
	if crc32.Checksum(body, y.CastagnoliCrcTable) != sum {
		return stamp, nil, errTableMeta
	}
	r := &metaReader{b: body[len(tableMetaMagic):]}
	stamp.size, stamp.modTime = int64(r.u64()), int64(r.u64())
	n := r.u32()
	if uint64(n) > uint64(len(r.b)/tableMetaMinEntry) {
		return manifestStamp{}, nil, errTableMeta
	}
	metas := make([]table.Meta, 0, n)
	for range n {
		m := table.Meta{ID: r.u64(), Size: int64(r.u64())}
		m.CreatedAt = time.Unix(0, int64(r.u64()))
		m.MaxVersion = r.u64()
		m.KeyCount, m.UncompressedSize, m.OnDiskSize = r.u32(), r.u32(), r.u32()
		m.StaleDataSize = r.u32()
		m.BloomFilterLength, m.OffsetsLength = int(r.u32()), int(r.u32())
		m.IndexLen = int(r.u32())
		m.Smallest, m.Biggest = r.key(), r.key()
		metas = append(metas, m)
	}
	if r.err != nil || len(r.b) != 0 {
		return manifestStamp{}, nil, errTableMeta
	}
	return stamp, metas, nil
}

// readTableMeta returns the Meta of every table of mf by ID when dir's
// TABLEMETA was written with the manifest as it is now (the same stamp,
// listing the same tables), and nil when it was not, or is missing or
// damaged: the tables are then opened as badger always does.
func readTableMeta(dir string, stamp manifestStamp, mf *Manifest) map[uint64]table.Meta {
	b, err := os.ReadFile(filepath.Join(dir, tableMetaFilename))
	if err != nil {
		return nil
	}
	written, metas, err := decodeTableMeta(b)
	if err != nil || written != stamp || len(metas) != len(mf.Tables) {
		return nil
	}
	byID := make(map[uint64]table.Meta, len(metas))
	for _, m := range metas {
		if _, ok := mf.Tables[m.ID]; !ok {
			return nil
		}
		byID[m.ID] = m
	}
	if len(byID) != len(mf.Tables) {
		return nil
	}
	return byID
}

// lazyTables returns the Metas newLevelsController may open tables from
// (nil unless Options.LazyTableOpen), and removes TABLEMETA when the DB
// is opened for writing: from here on, only Close writes a true one.
func lazyTables(db *DB, mf *Manifest) (map[uint64]table.Meta, error) {
	if !db.opt.LazyTableOpen || db.opt.InMemory || db.manifest.fp == nil {
		return nil, nil
	}
	metas := readTableMeta(db.opt.Dir, db.manifest.openStamp, mf)
	if !db.opt.ReadOnly {
		err := os.Remove(filepath.Join(db.opt.Dir, tableMetaFilename))
		if err != nil && !os.IsNotExist(err) {
			return nil, y.Wrapf(err, "removing %s", tableMetaFilename)
		}
	}
	return metas, nil
}

// rewriteIfDeleted rewrites the manifest when it records deleted tables:
// Open replays every change the manifest holds, so the history of an
// ingest's compactions would cost every later Open; rewritten, it lists
// the tables there are. Close calls it before writeTableMeta.
func (mf *manifestFile) rewriteIfDeleted() error {
	mf.appendLock.Lock()
	defer mf.appendLock.Unlock()
	if mf.inMemory || mf.manifest.Deletions == 0 && mf.replayedDeletions == 0 {
		return nil
	}
	if err := mf.rewrite(); err != nil {
		return err
	}
	mf.replayedDeletions = 0
	return nil
}

// writeTableMeta writes TABLEMETA for the tables as they are; Close calls
// it once nothing changes them any more. It writes a new file and renames
// it over the old, so that a crash leaves either a whole file or none.
func (db *DB) writeTableMeta() error {
	st, err := db.manifest.fp.Stat()
	if err != nil {
		return y.Wrapf(err, "reading the manifest's stamp")
	}
	var metas []table.Meta
	for _, l := range db.lc.levels {
		l.RLock()
		for _, t := range l.tables {
			metas = append(metas, t.Meta())
		}
		l.RUnlock()
	}
	path := filepath.Join(db.opt.Dir, tableMetaFilename)
	tmp := path + ".tmp"
	if err := writeSynced(tmp, encodeTableMeta(stampOf(st), metas)); err != nil {
		_ = os.Remove(tmp)
		return err
	}
	if err := os.Rename(tmp, path); err != nil {
		_ = os.Remove(tmp)
		return fmt.Errorf("renaming %s: %w", tmp, err)
	}
	return syncDir(db.opt.Dir)
}

// writeSynced writes b to a new file at path and syncs it.
func writeSynced(path string, b []byte) error {
	f, err := os.OpenFile(path, os.O_CREATE|os.O_TRUNC|os.O_WRONLY, 0o600)
	if err != nil {
		return fmt.Errorf("creating %s: %w", path, err)
	}
	if _, err := f.Write(b); err != nil {
		_ = f.Close()
		return fmt.Errorf("writing %s: %w", path, err)
	}
	if err := f.Sync(); err != nil {
		_ = f.Close()
		return fmt.Errorf("syncing %s: %w", path, err)
	}
	return f.Close()
}
