package store

import (
	"encoding/binary"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"

	"github.com/dgraph-io/badger/v4"
	"github.com/dgraph-io/badger/v4/options"
)

// Options tune how a database is opened.
type Options struct {
	// ReadOnly opens an existing database for reading only, with lean
	// settings for one-shot queries: no block cache, no compactors. Many
	// read-only openers may share a database; none may while it is open
	// for writing.
	ReadOnly bool
	// SyncWrites fsyncs every commit, so that committed articles survive a
	// power failure and not only a killed process. Slower.
	SyncWrites bool
	// MemTableSize is the size of badger's memtable in bytes; 0 means 32 MB.
	// One write transaction holds at most 15% of it. Smaller memtables open
	// faster and use less memory (tests use 8 MB); larger ones gain nothing
	// on the machines measured.
	MemTableSize int64
	// MaxTxnBytes caps the estimated size of one write transaction; 0 means
	// badger's own limit. Mainly for tests that need a Write to span
	// several transactions.
	MaxTxnBytes int64
	// Compacting opens for Compact: level 0 is compacted as soon as it
	// holds two tables instead of the 40 writes gather, so that Compact
	// leaves no pile of level-0 tables for reads to merge.
	Compacting bool
}

// DB is a claimgraph database in a badger directory. It implements
// graph.Store and graph.Searcher. Its methods are safe for concurrent use;
// writes are serialised.
type DB struct {
	bdb      *badger.DB
	path     string
	readOnly bool
	maxBytes int64  // write transaction size budget
	maxCount int64  // write transaction entry budget
	cacheMax int    // nodes a write session keeps in memory
	minFree  uint64 // free disk bytes a write needs (see checkSpace)

	profiles profileDict
	volume   volume        // what writes handed to badger
	trim     *tableTrimmer // releases mapped pages during writes (nil when read-only)

	wmu      sync.Mutex // serialises Write, Repair and Compact
	counters *counters  // loaded by the first write; guarded by wmu
}

// ErrLocked is matched (errors.Is) by the error Open returns when another
// process holds the database.
var ErrLocked = errors.New("database in use")

// LockedError is returned by Open when another process (or another DB in
// this one) holds the database directory.
type LockedError struct {
	Path     string
	PID      int  // the writer holding the database, or 0 if unknown
	ReadOnly bool // the open that failed was read-only
}

// Error is one line naming the path and what to do.
func (e *LockedError) Error() string {
	who := "another process"
	if e.PID > 0 {
		who = "another process (PID " + strconv.Itoa(e.PID) + ")"
	}
	if e.ReadOnly {
		return fmt.Sprintf("database in use by %s at %s: wait for it to finish", who, e.Path)
	}
	return fmt.Sprintf("database in use by %s at %s: wait for it to finish or use a read-only command", who, e.Path)
}

// Is makes errors.Is(err, ErrLocked) true.
func (e *LockedError) Is(target error) bool { return target == ErrLocked }

// ErrNoDatabase is matched (errors.Is) by the error a read-only Open
// returns when the path holds no database.
var ErrNoDatabase = errors.New("no claimgraph database")

// SchemaError reports a database written with another key schema.
type SchemaError struct {
	Path      string
	Found     uint64 // 0 when the directory holds badger data but no schema key
	Supported uint64
}

// Error says which versions differ.
func (e *SchemaError) Error() string {
	if e.Found == 0 {
		return fmt.Sprintf("%s holds a badger database that is not a claimgraph database", e.Path)
	}
	return fmt.Sprintf("database at %s has schema version %d; this claimgraph reads version %d",
		e.Path, e.Found, e.Supported)
}

// Open opens (and, unless opts.ReadOnly, creates) the database at path.
// A read-only open of a path without a database fails with an error
// matching ErrNoDatabase and creates nothing; a database held by another
// process fails with a *LockedError.
func Open(path string, opts Options) (db *DB, err error) {
	if opts.ReadOnly {
		if err := checkExists(path); err != nil {
			return nil, err
		}
	}
	if err := probeLock(path, opts.ReadOnly); err != nil {
		return nil, err
	}
	bopts := badgerOptions(path, opts)
	need := minFree(bopts.MemTableSize)
	if !opts.ReadOnly {
		if err := checkSpace(path, need); err != nil {
			return nil, err
		}
	}
	bdb, err := openBadger(bopts)
	if err != nil && opts.ReadOnly && strings.Contains(err.Error(), "Log truncate required") {
		// A writer was killed: its write-ahead log ends in a partial
		// record that only a read-write open can cut off. Committed data
		// is unaffected.
		if err := recoverLog(path, opts); err != nil {
			return nil, err
		}
		bdb, err = openBadger(bopts)
	}
	if err != nil {
		if isLockError(err) {
			return nil, lockedError(path, opts.ReadOnly)
		}
		return nil, fmt.Errorf("open database at %s: %w", path, err)
	}
	db = &DB{bdb: bdb, path: path, readOnly: opts.ReadOnly, cacheMax: cacheMax, minFree: need}
	if !opts.ReadOnly {
		db.trim = newTableTrimmer(path)
	}
	db.maxBytes, db.maxCount = txnBudget(bopts, opts.MaxTxnBytes)
	if err := db.checkSchema(); err != nil {
		_ = bdb.Close()
		return nil, err
	}
	return db, nil
}

// recoverLog opens the database read-write and closes it, which makes
// badger truncate the torn tail of the log of a killed writer.
func recoverLog(path string, opts Options) error {
	if err := probeLock(path, false); err != nil {
		return lockedError(path, true)
	}
	rw := opts
	rw.ReadOnly = false
	bdb, err := openBadger(badgerOptions(path, rw))
	if err != nil {
		if isLockError(err) {
			return lockedError(path, true)
		}
		return fmt.Errorf("open database at %s: recover after an interrupted write: %w", path, err)
	}
	if err := bdb.Close(); err != nil {
		return fmt.Errorf("open database at %s: recover after an interrupted write: %w", path, err)
	}
	return nil
}

// openBadger opens badger, turning a panic inside it into an error.
func openBadger(o badger.Options) (db *badger.DB, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("badger: %v", r)
		}
	}()
	return badger.Open(o)
}

// checkExists fails unless path is a directory holding a badger manifest.
func checkExists(path string) error {
	_, err := os.Stat(filepath.Join(path, "MANIFEST"))
	if err == nil {
		return nil
	}
	if errors.Is(err, fs.ErrNotExist) || errors.Is(err, fs.ErrInvalid) || isNotDir(err) {
		return fmt.Errorf("%w at %s (run `claimgraph ingest` first)", ErrNoDatabase, path)
	}
	return fmt.Errorf("open database at %s: %w", path, err)
}

func isNotDir(err error) bool {
	var pe *fs.PathError
	return errors.As(err, &pe) && strings.Contains(pe.Err.Error(), "not a directory")
}

// badgerOptions returns the badger options for opts. Values stay in the
// LSM tree (records are small); logging is off so that badger never writes
// to the user's terminal; tables open on first read, placed from the
// TABLEMETA file the last writer left (third_party/README.md), so that an
// open costs about the same for ten tables or a thousand.
func badgerOptions(path string, opts Options) badger.Options {
	o := badger.DefaultOptions(path).
		WithLogger(nil).
		WithNumVersionsToKeep(1).
		WithDetectConflicts(false).
		WithMetricsEnabled(false).
		WithSyncWrites(opts.SyncWrites).
		WithBaseTableSize(8 << 20).
		WithBlockSize(16 << 10).
		WithBlockCacheSize(32 << 20).
		WithIndexCacheSize(0).
		WithValueLogFileSize(64 << 20).
		WithLazyTableOpen(true)
	if opts.ReadOnly {
		// With no block cache badger panics unless compression is off in
		// the options; tables keep the compression their manifest records.
		return o.WithReadOnly(true).
			WithBlockCacheSize(0).
			WithCompression(options.None).
			WithNumMemtables(1).
			WithNumCompactors(0).
			WithNumGoroutines(1)
	}
	// Writing, measured on a 2-core machine ingesting generated news
	// (docs/PERFORMANCE.md): a 32 MB memtable inserts as fast as 64 MB and
	// holds less; two memtables (one filling, one flushing) instead of
	// five, and two compactors instead of four, bound what badger holds
	// while it flushes and compacts, which is most of an ingest's memory;
	// 16 MB tables keep the table count, and so the open time of one-shot
	// queries, low. Every level keeps 16 MB tables (badger doubles the
	// size per level by default): a table builder allocates twice its
	// table's size and badger pools up to eight of them, so 64 MB tables
	// in deep levels held 400 MB of an ingest's heap (peak RSS at 20k
	// articles 1,150 -> 970 MiB).
	mt := int64(defaultMemTable)
	if opts.MemTableSize > 0 {
		mt = opts.MemTableSize
	}
	// badger refuses a value threshold above one transaction's size
	o = o.WithMemTableSize(mt).
		WithValueThreshold(min(1<<20, 15*mt/100)).
		WithNumMemtables(2).
		WithNumCompactors(2).
		WithBaseTableSize(16 << 20)
	o.TableSizeMultiplier = 1
	// Level 0 holds up to 40 tables before they are compacted into the
	// levels below (badger: 5), and writes stall at 60 (badger: 15).
	// Claim, article and edge keys are content hashes, so every level-0
	// table overlaps the whole of the level below and each compaction of
	// level 0 rewrites it: compacting 40 tables at once rewrites it an
	// eighth as often. Ingesting 50,000 generated articles took 1.7 ms
	// of CPU per article instead of 3.1, 250,000 took 3.3 instead of 5.1,
	// with a lower peak RSS; 80 tables did worse at 100,000 articles
	// (docs/PERFORMANCE.md). Reads see up to 40 more tables until the
	// next compaction or `claimgraph compact`.
	if opts.Compacting {
		// two level-0 tables are already more than Flatten leaves alone;
		// the tables it writes are Snappy-compressed (badger's default)
		return o.WithNumLevelZeroTables(1).
			WithNumLevelZeroTablesStall(60)
	}
	// Tables written while ingesting are not compressed: at 250,000
	// generated articles, Snappy-compressed tables cost 2.2 ms of CPU per
	// article against 1.7, and badger's table builders, which hold a
	// table's blocks both raw and compressed and are pooled with what they
	// grew to, held 530 MB of the heap (docs/PERFORMANCE.md, sixth round).
	// `claimgraph compact` rewrites them compressed.
	return o.WithCompression(options.None).
		WithNumLevelZeroTables(40).
		WithNumLevelZeroTablesStall(60)
}

// defaultMemTable is the memtable size of a writable database.
const defaultMemTable = 32 << 20

// Close closes the database, after waiting for a running Write, Compact
// or Repair; close any Session first.
func (db *DB) Close() error {
	db.wmu.Lock()
	defer db.wmu.Unlock()
	// badger's Close waits for a running compaction and flushes the
	// memtable: the pages they touch are released as in a write session
	stop := db.trim.every(writeTrimInterval)
	err := db.bdb.Close()
	stop()
	if err != nil {
		return fmt.Errorf("close database at %s: %w", db.path, err)
	}
	return nil
}

// Path returns the directory the database was opened from.
func (db *DB) Path() string { return db.path }

// checkSchema reads the schema version key; a fresh writable database gets
// one, anything else must carry the supported version.
func (db *DB) checkSchema() error {
	txn := db.bdb.NewTransaction(false)
	defer txn.Discard()
	item, err := txn.Get(versionKey)
	switch {
	case errors.Is(err, badger.ErrKeyNotFound):
		if !isEmpty(txn) {
			return &SchemaError{Path: db.path, Supported: schemaVer}
		}
		if db.readOnly {
			return fmt.Errorf("%w at %s (run `claimgraph ingest` first)", ErrNoDatabase, db.path)
		}
		return db.bdb.Update(func(t *badger.Txn) error {
			return t.Set(versionKey, binary.AppendUvarint(nil, schemaVer))
		})
	case err != nil:
		return fmt.Errorf("open database at %s: read schema version: %w", db.path, err)
	}
	v, err := item.ValueCopy(nil)
	if err != nil {
		return fmt.Errorf("open database at %s: read schema version: %w", db.path, err)
	}
	ver, n := binary.Uvarint(v)
	if n <= 0 || ver != schemaVer {
		return &SchemaError{Path: db.path, Found: ver, Supported: schemaVer}
	}
	return nil
}

// isEmpty reports whether the database holds no key at all; it reads one.
func isEmpty(txn *badger.Txn) bool {
	it := txn.NewIterator(badger.IteratorOptions{})
	defer it.Close()
	it.Rewind()
	return !it.Valid()
}

// isLockError recognises badger's directory-lock failure, whose error does
// not wrap the errno.
func isLockError(err error) bool {
	s := err.Error()
	return strings.Contains(s, "Cannot acquire directory lock") ||
		strings.Contains(s, "Another process is using this Badger database")
}

// lockedError builds the error for a held database, with the PID of the
// writer when badger's LOCK file names a live process.
func lockedError(path string, readOnly bool) error {
	e := &LockedError{Path: path, ReadOnly: readOnly}
	b, err := os.ReadFile(filepath.Join(path, "LOCK"))
	if err == nil {
		if pid, err := strconv.Atoi(strings.TrimSpace(string(b))); err == nil && pid > 0 && processAlive(pid) {
			e.PID = pid
		}
	}
	return e
}
