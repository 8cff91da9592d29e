// Package graph is claimgraph's domain model: the kinds of node, the
// relations between them, stable IDs, provenance on every edge, and the
// interfaces that a graph store implements and that extraction, queries and
// exports consume. It does no I/O and knows nothing of badger.
package graph
