package ingest

import (
	"context"
	"fmt"
	"sync"
	"time"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/store"
)

// batchWriter commits batches of subgraphs; Close waits for the last one
// and returns the stats of everything committed. HasArticle is called by
// the extraction goroutines, concurrently with Write.
type batchWriter interface {
	Write(ctx context.Context, subs []graph.Subgraph) (graph.WriteStats, error)
	Close() (graph.WriteStats, error)
	articleChecker
}

// sessionSink is a sink that can hold its write lock for a whole run and
// commit each batch while the next one is being prepared, as *store.DB
// does.
type sessionSink interface {
	BeginWrites() (*store.Session, error)
}

// plainWriter writes each batch with the sink's own Write.
type plainWriter struct{ Sink }

func (plainWriter) Close() (graph.WriteStats, error) { return graph.WriteStats{}, nil }

// beginWrites opens a write session on sink when it offers one.
func beginWrites(sink Sink) (batchWriter, error) {
	if s, ok := sink.(sessionSink); ok {
		sess, err := s.BeginWrites()
		if err != nil {
			return nil, fmt.Errorf("begin writes: %w", err)
		}
		return sess, nil
	}
	return plainWriter{sink}, nil
}

// fileResult is what a worker made of one input.
type fileResult struct {
	subs     []graph.Subgraph
	known    int     // articles already stored
	failed   error   // the file's error: nothing of it was read
	problems []error // its bad lines and repairs
	bytes    int64
	fatal    error // a failure of the sink, which stops the run
}

// pipeline runs parse+extract on Workers goroutines and commits results in
// input order from one goroutine.
type pipeline struct {
	sink   Sink
	out    batchWriter // where batches go; a session for a store
	opts   Options
	inputs []input
	stdin  []byte
	start  time.Time
	sum    Summary

	batch      []graph.Subgraph
	batchFiles int
}

// run extracts and commits every input. The write session is opened
// first and closed last: on an error or a cancelled ctx, the batch being
// committed finishes and nothing after it is written.
func (p *pipeline) run(ctx context.Context) (err error) {
	if p.out, err = beginWrites(p.sink); err != nil {
		return err
	}
	defer func() {
		// after a failed Write, Close repeats its error
		if _, cerr := p.out.Close(); cerr != nil && err == nil {
			err = cerr
		}
	}()
	return p.extractAndCommit(ctx)
}

func (p *pipeline) extractAndCommit(ctx context.Context) error {
	workCtx, cancel := context.WithCancel(ctx)
	defer cancel()
	// Results are delivered in input order through a queue of per-input
	// channels; its capacity bounds the files in flight. It holds a batch,
	// so that extraction goes on while the sink prepares the last batch.
	queue := make(chan chan fileResult, max(4*p.opts.Workers, p.opts.BatchArticles))
	jobs := make(chan job)
	var wg sync.WaitGroup
	for range p.opts.Workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				j.out <- p.work(workCtx, j.in)
			}
		}()
	}
	go func() {
		defer close(queue)
		defer close(jobs)
		for _, in := range p.inputs {
			out := make(chan fileResult, 1)
			select {
			case queue <- out:
			case <-workCtx.Done():
				return
			}
			select {
			case jobs <- job{in: in, out: out}:
			case <-workCtx.Done():
				return
			}
		}
	}()
	err := p.collect(ctx, queue)
	cancel()
	for range queue { // let the producer finish
	}
	wg.Wait()
	return err
}

type job struct {
	in  input
	out chan fileResult
}

func (p *pipeline) work(ctx context.Context, in input) fileResult {
	var r fileResult
	if ctx.Err() != nil {
		return r
	}
	arts, lineErrs, err := parseInput(in, p.stdin, p.opts)
	r.problems = lineErrs
	if err != nil {
		r.failed = err
		return r
	}
	for _, a := range arts {
		r.bytes += int64(len(a.Text))
	}
	r.subs, r.known, r.fatal = extractAll(ctx, p.out, arts)
	return r
}

// collect receives results in input order and commits them in batches.
func (p *pipeline) collect(ctx context.Context, queue chan chan fileResult) error {
	for out := range queue {
		var r fileResult
		select {
		case r = <-out:
		case <-ctx.Done():
			p.sum.Interrupted = true
			return nil
		}
		if ctx.Err() != nil {
			p.sum.Interrupted = true
			return nil
		}
		if r.fatal != nil {
			return r.fatal
		}
		p.add(r)
		if len(p.batch) >= p.opts.BatchArticles {
			if err := p.flush(ctx); err != nil {
				return err
			}
		}
	}
	if ctx.Err() != nil {
		p.sum.Interrupted = true
		return nil
	}
	return p.flush(ctx)
}

func (p *pipeline) add(r fileResult) {
	p.sum.Files++
	p.sum.Bytes += r.bytes
	p.sum.Unchanged += r.known
	for _, e := range r.problems {
		if isWarning(e) {
			p.sum.Warnings = append(p.sum.Warnings, e)
			continue
		}
		p.sum.Failed++
		p.sum.Problems = append(p.sum.Problems, e)
	}
	if r.failed != nil {
		p.sum.Failed++
		p.sum.Problems = append(p.sum.Problems, r.failed)
	}
	p.batch = append(p.batch, r.subs...)
	p.batchFiles++
}

// flush commits the pending batch. A batch already being written finishes
// even if ctx ends meanwhile: it holds whole articles only.
func (p *pipeline) flush(ctx context.Context) error {
	if len(p.batch) == 0 {
		return nil
	}
	st, err := p.out.Write(context.WithoutCancel(ctx), p.batch)
	if err != nil {
		return fmt.Errorf("store %s: %w (whole articles committed before this stay; run the same ingest again to add the rest)", batchLabel(p.batch), err)
	}
	p.sum.New += st.Articles
	p.sum.Unchanged += st.Unchanged
	p.sum.Nodes += st.Nodes
	p.sum.Edges += st.Edges
	p.batch = p.batch[:0]
	if p.opts.Progress != nil {
		p.opts.Progress(Progress{Files: p.sum.Files, FilesTotal: len(p.inputs),
			Articles: p.sum.New + p.sum.Unchanged, Bytes: p.sum.Bytes, Elapsed: time.Since(p.start)})
	}
	return nil
}

// batchLabel names the files of a batch for an error message: the source
// of its only article, or of its first and last.
func batchLabel(batch []graph.Subgraph) string {
	src := func(s graph.Subgraph) string {
		for _, n := range s.Nodes {
			if n.ID == s.Article && n.Source != "" {
				return n.Source
			}
		}
		return s.Article
	}
	if len(batch) == 1 {
		return src(batch[0])
	}
	return fmt.Sprintf("%d articles from %s to %s", len(batch), src(batch[0]), src(batch[len(batch)-1]))
}
