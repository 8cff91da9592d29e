package store

import (
	"bufio"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/dgraph-io/badger/v4"
)

// backupMagic starts every backup file, followed by the schema version
// (uvarint) and then badger's backup stream.
const backupMagic = "claimgraph backup\n"

// ErrNotEmpty is matched (errors.Is) by the error of a Restore into a
// database that already holds a graph.
var ErrNotEmpty = errors.New("database is not empty")

// ErrNotBackup is matched by the error of a Restore of something that is
// not a claimgraph backup.
var ErrNotBackup = errors.New("not a claimgraph backup")

// Backup writes a consistent snapshot of the whole database to w with
// badger's streaming backup (DB.Backup), after a short header naming the
// format and the schema version. It works on a read-only DB, so it can run
// beside other readers (not beside a writer: badger's lock). It returns
// the bytes written.
func (db *DB) Backup(ctx context.Context, w io.Writer) (int64, error) {
	cw := &ctxWriter{ctx: ctx, w: w}
	hdr := binary.AppendUvarint([]byte(backupMagic), schemaVer)
	if _, err := cw.Write(hdr); err != nil {
		return cw.n, fmt.Errorf("backup %s: %w", db.path, err)
	}
	if _, err := db.bdb.Backup(cw, 0); err != nil {
		if ctx.Err() != nil {
			err = ctx.Err()
		}
		return cw.n, fmt.Errorf("backup %s: %w", db.path, err)
	}
	return cw.n, nil
}

// ctxWriter counts what it writes and fails once ctx is done, which stops
// badger's backup stream.
type ctxWriter struct {
	ctx context.Context
	w   io.Writer
	n   int64
}

func (c *ctxWriter) Write(p []byte) (int, error) {
	if err := c.ctx.Err(); err != nil {
		return 0, err
	}
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}

// ctxReader fails once ctx is done, which stops badger's loader.
type ctxReader struct {
	ctx context.Context
	r   io.Reader
}

func (c ctxReader) Read(p []byte) (int, error) {
	if err := c.ctx.Err(); err != nil {
		return 0, err
	}
	return c.r.Read(p)
}

// Restore loads a backup written by Backup into db (badger's DB.Load).
// The database must hold no graph (a new database holds only its schema
// key) unless force is set, in which case everything in it is dropped
// first. A backup of another schema version, or anything that is not a
// backup, is refused before anything is written. Restore is not atomic:
// if it fails part-way, the database holds part of the backup; restore
// into a new directory and delete it on failure (the CLI does), or use
// RestoreReplacing to replace a database's contents.
func (db *DB) Restore(ctx context.Context, r io.Reader, force bool) error {
	if db.readOnly {
		return fmt.Errorf("restore into %s: %w", db.path, ErrReadOnly)
	}
	db.wmu.Lock()
	defer db.wmu.Unlock()
	br := bufio.NewReader(ctxReader{ctx, r})
	if err := readBackupHeader(br); err != nil {
		return fmt.Errorf("restore into %s: %w", db.path, err)
	}
	if err := db.emptyForRestore(force); err != nil {
		return err
	}
	db.counters = nil
	defer db.profiles.forget()
	if err := db.bdb.Load(br, 256); err != nil {
		if ctx.Err() != nil {
			err = ctx.Err()
		}
		return fmt.Errorf("restore into %s: %w (the database holds part of the backup)", db.path, err)
	}
	if err := db.checkSchema(); err != nil {
		return fmt.Errorf("restore into %s: %w", db.path, err)
	}
	return nil
}

// readBackupHeader reads and checks the header Backup writes.
func readBackupHeader(br *bufio.Reader) error {
	magic := make([]byte, len(backupMagic))
	if _, err := io.ReadFull(br, magic); err != nil || string(magic) != backupMagic {
		if err != nil && !errors.Is(err, io.EOF) && !errors.Is(err, io.ErrUnexpectedEOF) {
			return fmt.Errorf("read backup: %w", err)
		}
		return ErrNotBackup
	}
	ver, err := binary.ReadUvarint(br)
	if err != nil {
		return fmt.Errorf("%w: truncated header", ErrNotBackup)
	}
	if ver != schemaVer {
		return fmt.Errorf("backup has schema version %d; this claimgraph reads version %d", ver, schemaVer)
	}
	return nil
}

// emptyForRestore fails unless the database holds nothing but its schema
// key; with force it drops everything instead.
func (db *DB) emptyForRestore(force bool) error {
	n := 0
	err := db.bdb.View(func(txn *badger.Txn) error {
		it := txn.NewIterator(badger.IteratorOptions{})
		defer it.Close()
		for it.Rewind(); it.Valid() && n == 0; it.Next() {
			if string(it.Item().Key()) != string(versionKey) {
				n++
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("restore into %s: %w", db.path, err)
	}
	if n == 0 {
		return nil
	}
	if !force {
		return fmt.Errorf("restore into %s: %w: restore into a new database, or force it to replace everything", db.path, ErrNotEmpty)
	}
	if err := db.bdb.DropAll(); err != nil {
		return fmt.Errorf("restore into %s: drop the old contents: %w", db.path, err)
	}
	return nil
}

// forget drops the loaded dictionary; the next use reloads it.
func (d *profileDict) forget() {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.byID, d.ids, d.maxID, d.loaded = nil, nil, 0, false
}

// RestoreReplacing replaces the database in directory path with the backup
// in r, so that path holds either the old graph or the whole backup, never
// part of it. The backup is loaded into a new directory beside path; only
// once it is complete does it take path's place (path is renamed aside,
// the new directory renamed to path, the old one deleted). The old
// database is opened first, so that a database in use is refused before
// anything is loaded, and its directory stays locked against other
// processes until the renames are done. On any error before the renames,
// path is left exactly as it was and the new directory is removed. A
// crash between the two renames leaves both directories beside path
// (path + ".restore-*" is the complete backup). It returns the restored
// database's statistics.
func RestoreReplacing(ctx context.Context, path string, r io.Reader, opts Options) (Stats, error) {
	old, err := Open(path, opts)
	if err != nil {
		return Stats{}, err
	}
	parent, base := filepath.Split(filepath.Clean(path))
	tmp, err := os.MkdirTemp(parent, base+".restore-*")
	if err != nil {
		return Stats{}, errors.Join(fmt.Errorf("restore into %s: %w", path, err), old.Close())
	}
	st, err := restoreInto(ctx, tmp, r, opts)
	if err != nil {
		_ = os.RemoveAll(tmp)
		return Stats{}, errors.Join(err, old.Close())
	}
	if err := swapDirs(old, path, tmp); err != nil {
		return Stats{}, err
	}
	return st, nil
}

// swapDirs closes old (the database at path) and, holding path's lock
// from there on, renames path aside, tmp to path, and deletes the old
// directory. badger writes into its directory by path while it closes, so
// it must close before its directory moves. Until path is renamed, an
// error removes tmp and leaves path as it was.
func swapDirs(old *DB, path, tmp string) error {
	keep := func(err error) error { // path is intact: the new directory goes
		_ = os.RemoveAll(tmp)
		return err
	}
	if err := old.Close(); err != nil {
		return keep(err)
	}
	release, err := holdLock(path)
	if err != nil {
		return keep(fmt.Errorf("restore into %s: %w", path, err))
	}
	defer release()
	trash := tmp + ".old"
	if err := os.Rename(path, trash); err != nil {
		return keep(fmt.Errorf("restore into %s: move the old database aside: %w", path, err))
	}
	if err := os.Rename(tmp, path); err != nil {
		return fmt.Errorf("restore into %s: the old database is at %s and the restored one at %s: %w", path, trash, tmp, err)
	}
	if err := os.RemoveAll(trash); err != nil {
		return fmt.Errorf("restore into %s: restored, but the old database at %s is not deleted: %w", path, trash, err)
	}
	return nil
}

// restoreInto loads r into a new database at dir and returns its stats.
func restoreInto(ctx context.Context, dir string, r io.Reader, opts Options) (Stats, error) {
	db, err := Open(dir, opts)
	if err != nil {
		return Stats{}, err
	}
	err = db.Restore(ctx, r, false)
	var st Stats
	if err == nil {
		st, err = db.Stats(ctx)
	}
	return st, errors.Join(err, db.Close())
}
