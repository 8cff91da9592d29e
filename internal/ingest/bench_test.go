package ingest_test

import (
	"context"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"github.com/claimgraph/claimgraph/internal/gen"
	"github.com/claimgraph/claimgraph/internal/ingest"
	"github.com/claimgraph/claimgraph/store"
)

// BenchmarkIngest runs the whole pipeline (read, parse, extract on every
// core, write through one store session) over 1,000 generated articles
// into a fresh database, and reports articles per second and the CPU time
// per article of the whole process, which a loaded machine distorts less.
func BenchmarkIngest(b *testing.B) {
	const n = 1000
	corpus := b.TempDir()
	if _, err := gen.Generate(context.Background(), gen.Options{Articles: n, Seed: 1, Out: corpus}, nil); err != nil {
		b.Fatal(err)
	}
	var wall, cpu time.Duration
	for b.Loop() {
		b.StopTimer()
		db, err := store.Open(filepath.Join(b.TempDir(), "db"), store.Options{})
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		t0, c0 := time.Now(), cpuTime()
		sum, err := ingest.Run(context.Background(), db, []string{corpus}, ingest.Options{})
		if err != nil || sum.New != n {
			b.Fatalf("ingest: %v, %d new articles, want %d", err, sum.New, n)
		}
		if err := db.Close(); err != nil {
			b.Fatal(err)
		}
		wall, cpu = wall+time.Since(t0), cpu+cpuTime()-c0
	}
	runs := float64(b.N) * n
	b.ReportMetric(runs/wall.Seconds(), "articles/s")
	b.ReportMetric(cpu.Seconds()*1000/runs, "cpu-ms/article")
}

// cpuTime returns the CPU time the process has used, all goroutines.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
