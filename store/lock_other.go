//go:build !unix

package store

// probeLock does nothing where flock is unavailable; badger's own lock
// error is still turned into a *LockedError by Open.
func probeLock(string, bool) error { return nil }

// processAlive cannot tell here; the PID is then left out of the error.
func processAlive(int) bool { return false }

// holdLock cannot lock here; the caller goes on without the lock.
func holdLock(string) (func(), error) { return func() {}, nil }
