package gen

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"sync/atomic"
	"time"
)

// writersPerCore is how many workers Generate runs per core: creating a
// file blocks in the kernel, and extra workers keep the cores busy meanwhile.
const writersPerCore = 4

// FilesPerDir is the most article files Generate puts in one directory.
const FilesPerDir = 1000

// Options configure Generate.
type Options struct {
	// Articles is how many articles to write; zero writes none.
	Articles int
	// Seed selects the invented world and every article drawn from it.
	Seed int64
	// Out is the directory to write into; it and its subdirectories are
	// created when missing, and files of the same names are overwritten.
	Out string
	// Start is the date of the first article (only its calendar date
	// counts); the zero value means 2020-01-01. Articles spread over four
	// years from it, in index order give or take a few days.
	Start time.Time
}

// Stats counts what Generate wrote.
type Stats struct {
	Files int   // article files written
	Bytes int64 // their total size
}

// Generate writes opts.Articles synthetic news articles under opts.Out
// (see the package documentation for their layout and shape), using all
// available cores. The files depend only on the options, never on
// scheduling. When progress is not nil it receives a line now and then and
// a summary at the end. Generate stops early, returning the context's
// error, when ctx is cancelled; the files written so far stay.
func Generate(ctx context.Context, opts Options, progress io.Writer) (Stats, error) {
	if err := opts.validate(); err != nil {
		return Stats{}, err
	}
	lay := newLayout(opts.Out, opts.Articles)
	if err := lay.makeDirs(); err != nil {
		return Stats{}, err
	}
	if opts.Articles == 0 {
		return Stats{}, nil
	}
	w := newWorld(opts.Seed, opts.startDate())
	run := &runner{w: w, lay: lay, n: opts.Articles, progress: progress,
		workers: writersPerCore * runtime.GOMAXPROCS(0)}
	return run.run(ctx)
}

func (o Options) validate() error {
	if o.Articles < 0 {
		return fmt.Errorf("gen: article count must not be negative, got %d", o.Articles)
	}
	if o.Out == "" {
		return errors.New("gen: no output directory given")
	}
	return nil
}

// startDate is Start's calendar date at midnight UTC, or the default.
func (o Options) startDate() time.Time {
	if o.Start.IsZero() {
		return defaultStart
	}
	y, m, d := o.Start.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// layout names the files: Out/0000/000123.txt, widening both numbers when
// there are too many articles for four and six digits.
type layout struct {
	out               string
	n                 int
	dirWidth, fileWid int
}

func newLayout(out string, n int) layout {
	return layout{out: out, n: n,
		dirWidth: max(4, digits((n-1)/FilesPerDir)), fileWid: max(6, digits(n-1))}
}

func digits(n int) int {
	d := 1
	for ; n >= 10; n /= 10 {
		d++
	}
	return d
}

func (l layout) dir(i int) string {
	return filepath.Join(l.out, string(appendPadded(nil, i/FilesPerDir, l.dirWidth)))
}

func (l layout) path(i int) string {
	name := appendPadded(nil, i, l.fileWid)
	return filepath.Join(l.dir(i), string(append(name, ".txt"...)))
}

func appendPadded(b []byte, n, width int) []byte {
	for d := digits(n); d < width; d++ {
		b = append(b, '0')
	}
	return appendInt(b, n)
}

func (l layout) makeDirs() error {
	if err := os.MkdirAll(l.out, 0o755); err != nil {
		return fmt.Errorf("gen: creating output directory: %w", err)
	}
	for i := 0; i < l.n; i += FilesPerDir {
		if err := os.MkdirAll(l.dir(i), 0o755); err != nil {
			return fmt.Errorf("gen: creating output directory: %w", err)
		}
	}
	return nil
}

// runner writes articles from several workers that take indexes from a
// shared counter.
type runner struct {
	w        *world
	lay      layout
	n        int
	workers  int
	next     atomic.Int64
	done     atomic.Int64
	bytes    atomic.Int64
	mu       sync.Mutex // serialises progress lines
	progress io.Writer
}

func (run *runner) run(ctx context.Context) (Stats, error) {
	workers := max(1, min(run.workers, run.n))
	errs := make([]error, workers)
	var wg sync.WaitGroup
	for k := range workers {
		wg.Go(func() { errs[k] = run.work(ctx) })
	}
	wg.Wait()
	st := Stats{Files: int(run.done.Load()), Bytes: run.bytes.Load()}
	if err := errors.Join(errs...); err != nil {
		if ctx.Err() != nil {
			return st, fmt.Errorf("gen: stopped after %d of %d articles: %w", st.Files, run.n, ctx.Err())
		}
		return st, err
	}
	run.report(fmt.Sprintf("gen: wrote %d articles (%.1f MB) to %s\n", st.Files, float64(st.Bytes)/1e6, run.lay.out))
	return st, nil
}

// work generates and writes articles until none are left, ctx is done, or
// a write fails.
func (run *runner) work(ctx context.Context) error {
	a := newArt(run.w)
	step := int64(min(max(run.n/10, 100), 25000))
	for {
		if err := ctx.Err(); err != nil {
			return err
		}
		i := int(run.next.Add(1) - 1)
		if i >= run.n {
			return nil
		}
		b := a.generate(i, run.n)
		if err := os.WriteFile(run.lay.path(i), b, 0o644); err != nil {
			return fmt.Errorf("gen: writing article %d: %w", i, err)
		}
		total := run.bytes.Add(int64(len(b)))
		if d := run.done.Add(1); d%step == 0 && d < int64(run.n) {
			run.report(fmt.Sprintf("gen: %d/%d articles, %.1f MB\n", d, run.n, float64(total)/1e6))
		}
	}
}

func (run *runner) report(line string) {
	if run.progress == nil {
		return
	}
	run.mu.Lock()
	defer run.mu.Unlock()
	_, _ = io.WriteString(run.progress, line)
}
