package store

import (
	"hash/maphash"

	"github.com/claimgraph/claimgraph/graph"
)

// absorbedClaims remembers the claim occurrences a write session has
// merged: a claim ID with the record its subgraph brought, hashed to 128
// bits. graph.Node.Merge only adds (names, the direct flag, empty fields
// filled), so a stored claim that has absorbed an occurrence is unchanged
// by absorbing it again. When a claim repeats word for word in a later
// article (a speaker's line quoted again) and has left the writer's cache,
// its record therefore needs neither a point read nor a write. Those reads
// were 14% of the CPU of an ingest of 250,000 generated articles (each
// decompresses a table block), where a third of the claims repeat, and
// what made the per-article cost grow with the archive
// (docs/PERFORMANCE.md, fifth round).
//
// A claim in the set and out of the cache has been committed with the
// occurrence absorbed: claims leave the cache only after the commit of the
// last write that merged them, and reset, which drops uncommitted work,
// clears the set. The set holds no pointers (the collector does not scan
// it) and stops growing at absorbedMax entries, after which repeats are
// read as before.
type absorbedClaims struct {
	s1, s2 maphash.Seed
	set    map[[2]uint64]struct{}
	buf    []byte
}

// absorbedMax bounds the set: roughly 100 MB at most (the 250,000 generated
// articles hold 2.6 million claims).
const absorbedMax = 4_000_000

func newAbsorbedClaims() *absorbedClaims {
	return &absorbedClaims{s1: maphash.MakeSeed(), s2: maphash.MakeSeed(), set: map[[2]uint64]struct{}{}}
}

// key hashes n's ID and record; ok is false unless n is a claim.
func (a *absorbedClaims) key(n *graph.Node) (k [2]uint64, ok bool) {
	if n.Kind != graph.Claim {
		return k, false
	}
	a.buf = append(append(a.buf[:0], n.ID...), 0)
	a.buf = encodeNode(a.buf, n)
	return [2]uint64{maphash.Bytes(a.s1, a.buf), maphash.Bytes(a.s2, a.buf)}, true
}

// add records that the claim occurrence with key k has been merged.
func (a *absorbedClaims) add(k [2]uint64) {
	if len(a.set) < absorbedMax {
		a.set[k] = struct{}{}
	}
}

// has reports whether the claim occurrence with key k was merged before.
func (a *absorbedClaims) has(k [2]uint64) bool {
	_, ok := a.set[k]
	return ok
}
