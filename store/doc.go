// Package store is claimgraph's graph database: graph.Reader, graph.Writer
// and graph.Searcher over an embedded badger v4 directory, with the key
// schema, indexes, batched atomic writes, counters, and a check and repair
// of the indexes against the records. The key schema is described next to
// its definition in keys.go and, with sizes, in docs/STORAGE.md.
package store
