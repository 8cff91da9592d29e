package store

import "hash/maphash"

// absentFilter lets a write session that began on an empty database skip
// the point read of a node it has never seen: such a node cannot be
// stored, since everything stored was written by this session and is
// either in the writer's cache or was added here when it left the cache.
// It is a Bloom filter of the IDs that left the cache, so a "maybe" costs
// the read it replaces and a "no" is always right. Ingesting into a fresh
// database looks up every new claim and article once; the reads were 6% of
// the CPU of an ingest (docs/PERFORMANCE.md).
type absentFilter struct {
	seed maphash.Seed
	bits []uint64
}

// absentBits is the filter's size: 64 Mbit (8 MiB) keeps false positives
// under 1% up to about six million IDs (250,000 generated articles leave
// 5.8 million claims and articles); beyond that the filter still answers
// correctly, it only saves fewer reads.
const (
	absentBits   = 1 << 26
	absentHashes = 4
)

// newAbsentFilter returns an empty filter; its bits are allocated by the
// first add, so short sessions never pay for them.
func newAbsentFilter() *absentFilter {
	return &absentFilter{seed: maphash.MakeSeed()}
}

// add records that id may be stored.
func (f *absentFilter) add(id string) {
	if f.bits == nil {
		f.bits = make([]uint64, absentBits/64)
	}
	h1, h2 := f.hashes(id)
	for i := uint64(0); i < absentHashes; i++ {
		b := (h1 + i*h2) % absentBits
		f.bits[b/64] |= 1 << (b % 64)
	}
}

// absent reports whether id was never added, so cannot be stored.
func (f *absentFilter) absent(id string) bool {
	if f.bits == nil {
		return true
	}
	h1, h2 := f.hashes(id)
	for i := uint64(0); i < absentHashes; i++ {
		b := (h1 + i*h2) % absentBits
		if f.bits[b/64]&(1<<(b%64)) == 0 {
			return true
		}
	}
	return false
}

// hashes derives the filter's probes from one 64-bit hash (Kirsch and
// Mitzenmacher's double hashing); h2 is odd so that the probes differ.
func (f *absentFilter) hashes(id string) (h1, h2 uint64) {
	h := maphash.String(f.seed, id)
	return h, (h>>32 | h<<32) | 1
}
