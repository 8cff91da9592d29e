// Package memlimit sets the Go runtime's soft memory limit and its garbage
// collection target for the length of one long operation (an ingest, a
// compaction) and restores them after, unless the user set $GOMEMLIMIT or
// $GOGC.
package memlimit
