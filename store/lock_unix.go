//go:build unix

package store

import (
	"errors"
	"os"
	"syscall"
)

// probeLock tries the lock badger is about to take on the directory (shared
// for read-only, exclusive otherwise) and releases it at once, so that a
// held database is reported as a *LockedError before badger is involved.
// A path that does not exist yet is not locked.
func probeLock(path string, readOnly bool) error {
	f, err := os.Open(path)
	if err != nil {
		return nil // badger reports (or creates) the directory itself
	}
	defer f.Close()
	how := syscall.LOCK_EX
	if readOnly {
		how = syscall.LOCK_SH
	}
	err = syscall.Flock(int(f.Fd()), how|syscall.LOCK_NB)
	if errors.Is(err, syscall.EWOULDBLOCK) {
		return lockedError(path, readOnly)
	}
	if err == nil {
		_ = syscall.Flock(int(f.Fd()), syscall.LOCK_UN)
	}
	return nil
}

// processAlive reports whether a process with this PID exists.
func processAlive(pid int) bool {
	err := syscall.Kill(pid, 0)
	return err == nil || errors.Is(err, syscall.EPERM)
}

// holdLock takes the lock badger takes on the directory (exclusive) and
// keeps it until release is called, so that no claimgraph or badger
// process opens the directory meanwhile.
func holdLock(path string) (release func(), err error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		f.Close()
		if errors.Is(err, syscall.EWOULDBLOCK) {
			return nil, lockedError(path, false)
		}
		return nil, err
	}
	return func() { f.Close() }, nil // closing the descriptor releases the lock
}
