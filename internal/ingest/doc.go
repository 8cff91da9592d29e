// Package ingest is the pipeline from files on disk to a stored claim graph:
// it finds the files, parses each article format, extracts subgraphs on
// every core, and commits whole articles in batches, in input order, so that
// the result does not depend on scheduling.
package ingest
