package similar

import "math"

// Signature is a MinHash signature: for each of its hash functions, the
// smallest hash of any shingle. The share of positions where two
// signatures agree estimates the Resemblance of their sets.
type Signature []uint64

// Sign returns the n-position MinHash signature of a shingle set. Each
// position re-mixes the shingle hashes with its own seed (splitmix64), so
// no random state is needed and signatures are the same in every run.
func Sign(shingles []uint64, n int) Signature {
	sig := make(Signature, n)
	for i := range sig {
		sig[i] = math.MaxUint64
	}
	for _, s := range shingles {
		for i := range sig {
			if h := mix(s ^ seeds(i)); h < sig[i] {
				sig[i] = h
			}
		}
	}
	return sig
}

// seeds returns the seed of signature position i.
func seeds(i int) uint64 { return mix(uint64(i+1) * 0x9e3779b97f4a7c15) }

// mix is the splitmix64 finaliser.
func mix(x uint64) uint64 {
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	x ^= x >> 31
	return x
}

// Bands cuts the signature into bands of r positions and returns one key
// per band (the band number mixed with its values). Two texts that share a
// band key are candidates; with b bands of r rows, pairs of resemblance s
// become candidates with probability 1-(1-s^r)^b. A trailing partial band
// is dropped; r below 1 counts as 1.
func (sig Signature) Bands(r int) []uint64 {
	if r < 1 {
		r = 1
	}
	keys := make([]uint64, 0, len(sig)/r)
	for b := 0; (b+1)*r <= len(sig); b++ {
		h := mix(uint64(b) + 1)
		for _, v := range sig[b*r : (b+1)*r] {
			h = mix(h ^ v)
		}
		keys = append(keys, h)
	}
	return keys
}
