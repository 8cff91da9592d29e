package gen

import (
	"context"
	"testing"
)

// BenchmarkArticle measures article generation alone, in memory, on one
// core; MB/s is the generated text rate.
func BenchmarkArticle(b *testing.B) {
	w := newWorld(1, defaultStart)
	a := newArt(w)
	const n = 250000
	var bytes int64
	i := 0
	for b.Loop() {
		bytes += int64(len(a.generate(i%n, n)))
		i++
	}
	b.SetBytes(bytes / int64(max(i, 1)))
}

// BenchmarkGenerate measures Generate end to end: 2,000 articles written to
// disk with all cores.
func BenchmarkGenerate(b *testing.B) {
	const n = 2000
	var st Stats
	for b.Loop() {
		var err error
		st, err = Generate(context.Background(), Options{Articles: n, Seed: 1, Out: b.TempDir()}, nil)
		if err != nil {
			b.Fatal(err)
		}
	}
	b.SetBytes(st.Bytes)
	b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "articles/s")
}
