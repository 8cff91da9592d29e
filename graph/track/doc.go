// Package track follows claims over time, over graph.Reader: where each of
// a speaker's claims appeared (Appearances), which claims are the same
// quote trimmed, re-punctuated or lightly reworded (Clusters), which
// claims have no speaker (Unattributed), and where a claim's words stand
// in an article's text (Locate).
package track
