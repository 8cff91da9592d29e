package ingest

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime"
	"strings"
	"time"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/extract"
	"github.com/claimgraph/claimgraph/internal/article"
	"github.com/claimgraph/claimgraph/internal/memlimit"
)

// Sink is where articles go: a graph writer that can also tell whether an
// article is already stored (so known articles are not extracted again).
type Sink interface {
	graph.Writer
	articleChecker
}

// articleChecker tells whether an article is already stored.
type articleChecker interface {
	HasArticle(ctx context.Context, id string) (bool, error)
}

// Options tune a run. The zero value is usable.
type Options struct {
	// Strict makes any bad file or line abort the run before anything is
	// written.
	Strict bool
	// MaxSize is the largest file accepted, in bytes; 0 means
	// article.DefaultMaxSize.
	MaxSize int64
	// Workers is the number of extraction goroutines; 0 means GOMAXPROCS.
	Workers int
	// BatchArticles is how many articles are committed together; 0 means
	// DefaultBatchArticles.
	BatchArticles int
	// Progress, when set, is called after each committed batch.
	Progress func(Progress)
	// Stdin is read for the path "-".
	Stdin io.Reader
	// MemoryLimit is the Go runtime's soft memory limit during the run
	// (see runtime/debug.SetMemoryLimit), restored afterwards; 0 means
	// DefaultMemoryLimit unless $GOMEMLIMIT is set, and a negative value
	// leaves the limit alone.
	MemoryLimit int64
	// GCPercent is the garbage collector's target percentage during the
	// run (see runtime/debug.SetGCPercent), restored afterwards; 0 means
	// DefaultGCPercent unless $GOGC is set, and a negative value leaves
	// it alone.
	GCPercent int
}

// DefaultMemoryLimit is the soft memory limit of a run. Badger's table
// builders and memtables are most of an ingest's live heap (about 500 MB
// at peak); without a limit the garbage collector lets the heap grow to
// twice that, and the peak RSS of a large ingest passes 1 GiB.
const DefaultMemoryLimit = 700 << 20

// DefaultGCPercent is the garbage collector's target during a run. While
// the live heap is small (a fresh database, a few thousand articles) a
// target of 200 halves the collections; once the heap nears
// DefaultMemoryLimit the limit decides. Ingesting 20,000 generated
// articles, 200 under a 700 MiB limit took 0.93-0.94 ms of CPU per
// article against 0.97-0.98 with Go's 100 under 768 MiB, alternating
// runs; 250,000 took 1.25-1.28 ms at 784-798 MiB peak RSS against
// 1.29-1.30 ms at 868-913 MiB (docs/PERFORMANCE.md, seventh round).
const DefaultGCPercent = 200

// DefaultBatchArticles is how many articles a run commits in one badger
// transaction. Smaller transactions cost less CPU per article while a
// write session overlaps preparing one with committing the last:
// ingesting 20,000 generated articles, batches of 16 and 32 took 1.09-1.11
// ms of CPU per article against 1.15-1.24 with 256, alternating runs; at
// 250,000 little (1.42 against 1.51 ms; docs/PERFORMANCE.md, sixth round).
// Each transaction writes its own posting list per word and its counters,
// so much smaller batches write more keys.
const DefaultBatchArticles = 32

// Progress is how far a run has come.
type Progress struct {
	Files, FilesTotal int
	Articles          int
	Bytes             int64
	Elapsed           time.Duration
}

// Summary is what a run did.
type Summary struct {
	Files     int   // files read
	New       int   // articles stored for the first time
	Unchanged int   // articles that were already stored
	Failed    int   // files or JSONL lines that could not be ingested
	Nodes     int   // nodes added
	Edges     int   // edges added
	Bytes     int64 // bytes of input read
	// Problems holds one error per failed file or line, naming it.
	Problems []error
	// Warnings name input that was ingested after a repair (invalid UTF-8
	// replaced by U+FFFD, an unreadable meta date dropped).
	Warnings []error
	// Interrupted is set when the context ended the run early; what is
	// counted was committed.
	Interrupted bool
}

// ErrStrict is wrapped by the error of a strict run that found bad input.
var ErrStrict = errors.New("bad input in --strict mode: nothing was written")

// Run ingests the files under paths into sink.
func Run(ctx context.Context, sink Sink, paths []string, opts Options) (Summary, error) {
	opts = withDefaults(opts)
	var sum Summary
	inputs, err := listInputs(paths)
	if err != nil {
		return sum, err
	}
	stdin, err := readStdin(inputs, opts)
	if err != nil {
		return sum, err
	}
	if opts.Strict {
		if errs := validate(ctx, inputs, stdin, opts); len(errs) > 0 {
			sum.Failed = len(errs)
			sum.Problems = errs
			return sum, fmt.Errorf("%w (%d problem(s), first: %w)", ErrStrict, len(errs), errs[0])
		}
	}
	defer memlimit.Set(opts.MemoryLimit, DefaultMemoryLimit)()
	defer memlimit.SetGCPercent(opts.GCPercent, DefaultGCPercent)()
	p := &pipeline{sink: sink, opts: opts, inputs: inputs, stdin: stdin, start: time.Now()}
	err = p.run(ctx)
	return p.sum, err
}

func withDefaults(o Options) Options {
	if o.MaxSize <= 0 {
		o.MaxSize = article.DefaultMaxSize
	}
	if o.Workers <= 0 {
		o.Workers = runtime.GOMAXPROCS(0)
	}
	if o.BatchArticles <= 0 {
		o.BatchArticles = DefaultBatchArticles
	}
	return o
}

// readStdin reads standard input once, if "-" is among the inputs.
func readStdin(inputs []input, opts Options) ([]byte, error) {
	for _, in := range inputs {
		if in.path != stdinName {
			continue
		}
		if opts.Stdin == nil {
			return nil, errors.New("-: no standard input")
		}
		data, err := io.ReadAll(io.LimitReader(opts.Stdin, opts.MaxSize+1))
		if err != nil {
			return nil, fmt.Errorf("read standard input: %w", err)
		}
		return data, nil
	}
	return nil, nil
}

// validate parses every input without extracting or writing, for --strict.
func validate(ctx context.Context, inputs []input, stdin []byte, opts Options) []error {
	var errs []error
	for _, in := range inputs {
		if ctx.Err() != nil {
			return append(errs, ctx.Err())
		}
		_, lineErrs, err := parseInput(in, stdin, opts)
		if err != nil {
			errs = append(errs, err)
		}
		for _, e := range lineErrs {
			if !isWarning(e) {
				errs = append(errs, e)
			}
		}
	}
	return errs
}

// parseInput reads and parses one input into articles.
func parseInput(in input, stdin []byte, opts Options) ([]article.Article, []error, error) {
	name := in.path
	data := stdin
	if in.path == stdinName {
		name = "stdin"
		if err := article.CheckSize(name, int64(len(data)), opts.MaxSize); err != nil {
			return nil, nil, err
		}
	} else {
		if err := article.CheckSize(name, in.size, opts.MaxSize); err != nil {
			return nil, nil, err
		}
		var err error
		if data, err = readFile(in.path, opts.MaxSize); err != nil {
			return nil, nil, err
		}
	}
	arts, lineErrs, err := article.Parse(name, data, article.Options{MaxSize: opts.MaxSize})
	if err != nil {
		return nil, lineErrs, nameFile(name, err)
	}
	return arts, lineErrs, nil
}

// nameFile prefixes err with the file's name unless it already starts with
// it, as article.Parse's errors do ("FILE: …", "FILE:LINE: …").
func nameFile(name string, err error) error {
	if strings.HasPrefix(err.Error(), name+":") {
		return err
	}
	return fmt.Errorf("%s: %w", name, err)
}

// readFile reads at most max+1 bytes, so a file that grew after it was
// listed is still caught by the size check.
func readFile(path string, max int64) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, unwrapPathError(err))
	}
	defer f.Close()
	data, err := readAtMost(f, max+1)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, unwrapPathError(err))
	}
	if err := article.CheckSize(path, int64(len(data)), max); err != nil {
		return nil, err
	}
	return data, nil
}

// readAtMost reads f to its end or to limit bytes, into a buffer sized
// from f's size: two reads for a file that does not change, where
// io.ReadAll, starting from 512 bytes, made six for a 4 KB article (a
// system call costs microseconds on a virtual machine; 3% of an ingest's
// CPU went to them).
func readAtMost(f *os.File, limit int64) ([]byte, error) {
	size := int64(512)
	if fi, err := f.Stat(); err == nil && fi.Mode().IsRegular() && fi.Size() > 0 {
		size = fi.Size() + 1 // +1: the read that finds the end
	}
	data := make([]byte, 0, min(size, limit))
	r := io.LimitReader(f, limit)
	for {
		if len(data) == cap(data) {
			data = append(data, 0)[:len(data)]
		}
		n, err := r.Read(data[len(data):cap(data)])
		data = data[:len(data)+n]
		if err == io.EOF {
			return data, nil
		}
		if err != nil {
			return data, err
		}
	}
}

// extractAll turns parsed articles into subgraphs, skipping the ones the
// sink already holds.
func extractAll(ctx context.Context, stored articleChecker, arts []article.Article) (subs []graph.Subgraph, known int, err error) {
	for _, a := range arts {
		node := a.Node()
		ok, err := stored.HasArticle(ctx, node.ID)
		if err != nil {
			return nil, 0, err
		}
		if ok {
			known++
			continue
		}
		subs = append(subs, extract.Extract(node))
	}
	return subs, known, nil
}

// isWarning tells, among the per-record problems article.Parse returns
// next to its articles, a repaired problem (the article is still ingested)
// from a skipped record. A file's fatal error is never a warning.
func isWarning(err error) bool { return !errors.Is(err, article.ErrBadRecord) }
