// Package graphtest is the conformance suite for graph.Store
// implementations: every store (the in-memory one in graph/mem, the badger
// one in store) runs Run against fresh instances of itself, so that code
// tested against one behaves the same on the other. Its fixture articles
// are invented and exported for other packages' tests.
package graphtest
