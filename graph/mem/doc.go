// Package mem is a small in-memory graph.Store for tests of the packages
// that consume graph interfaces (queries, exports); the real store is
// package store over badger.
package mem
