// Package memlimit sets the Go runtime's soft memory limit for the length
// of one long operation (an ingest, a compaction) and restores it after,
// unless the user set $GOMEMLIMIT.
package memlimit
