package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/spf13/cobra"
	"golang.org/x/term"

	"github.com/claimgraph/claimgraph/internal/article"
	"github.com/claimgraph/claimgraph/internal/ingest"
	"github.com/claimgraph/claimgraph/store"
)

type ingestOptions struct {
	strict  bool
	maxSize int64
	workers int
	quiet   bool
	sync    bool
}

func newIngestCmd(a *app) *cobra.Command {
	o := &ingestOptions{}
	cmd := &cobra.Command{
		Use:   "ingest PATH...",
		Short: "Read articles into the database",
		Long: `ingest reads articles from files, directories (recursively) and - (standard
input): plain text (a first line "date YYYY-MM-DD" gives the date), Markdown
with YAML front matter, HTML, and JSON Lines of {"title","date","url","text"}.

Each article is committed whole or not at all. An article already in the
database (same content) is left as it is and counted as unchanged. A bad
file or line is reported with its name and line and the rest goes on; with
--strict, any bad input stops the run before anything is written.`,
		Example: `  claimgraph ingest testdata/articles
  cat story.txt | claimgraph ingest -`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if o.maxSize <= 0 {
				return usagef("claimgraph ingest --max-article-size 33554432 DIR", "--max-article-size must be positive")
			}
			return a.withWriteOpts(store.Options{SyncWrites: o.sync}, func(db *store.DB) error { return runIngest(cmd, a, db, args, o) })
		},
	}
	f := cmd.Flags()
	f.BoolVar(&o.strict, "strict", false, "abort without writing anything if any file or line is bad")
	f.Int64Var(&o.maxSize, "max-article-size", article.DefaultMaxSize, "refuse files larger than this many bytes")
	f.IntVar(&o.workers, "workers", 0, "extraction goroutines (0: one per core)")
	f.BoolVarP(&o.quiet, "quiet", "q", false, "print no progress and no summary")
	f.BoolVar(&o.sync, "sync", false, "fsync every commit, so committed articles survive a power loss too (slower)")
	return cmd
}

func runIngest(cmd *cobra.Command, a *app, db *store.DB, paths []string, o *ingestOptions) error {
	opts := ingest.Options{Strict: o.strict, MaxSize: o.maxSize, Workers: o.workers, Stdin: a.stdin}
	bar := newProgressBar(a.stderr)
	if !o.quiet && bar != nil {
		opts.Progress = bar.update
	}
	sum, err := ingest.Run(ctxOf(cmd), db, paths, opts)
	if bar != nil {
		bar.clear()
	}
	for _, w := range sum.Warnings {
		fmt.Fprintf(a.stderr, "ingest: warning: %v\n", w)
	}
	for _, p := range sum.Problems {
		fmt.Fprintf(a.stderr, "ingest: %v\n", p)
	}
	if err != nil {
		if errors.Is(err, ingest.ErrStrict) {
			return fmt.Errorf("%d bad input(s) in --strict mode: nothing was written", sum.Failed)
		}
		return err
	}
	if !o.quiet || sum.Interrupted {
		printSummary(a.stdout, sum)
	}
	if sum.Interrupted {
		return errors.New("interrupted: the articles counted above were committed; run the same ingest again to add the rest")
	}
	if sum.Failed > 0 {
		return fmt.Errorf("%d file(s) or line(s) could not be ingested (listed above); the rest was committed", sum.Failed)
	}
	return nil
}

func printSummary(w io.Writer, s ingest.Summary) {
	state := "ingested"
	if s.Interrupted {
		state = "interrupted; committed"
	}
	fmt.Fprintf(w, "%s %d file(s): %d article(s) new, %d unchanged, %d failed; %d node(s) and %d edge(s) added\n",
		state, s.Files, s.New, s.Unchanged, s.Failed, s.Nodes, s.Edges)
	if s.New == 0 && s.Unchanged > 0 && s.Failed == 0 {
		fmt.Fprintln(w, "nothing changed: every article was already in the database")
	}
}

// progressBar redraws one status line on a terminal.
type progressBar struct {
	w    io.Writer
	last time.Time
	drew bool
}

// newProgressBar returns a bar when w is a terminal, else nil.
func newProgressBar(w io.Writer) *progressBar {
	f, ok := w.(*os.File)
	if !ok || !term.IsTerminal(int(f.Fd())) {
		return nil
	}
	return &progressBar{w: w}
}

func (b *progressBar) update(p ingest.Progress) {
	if p.Elapsed < time.Second || time.Since(b.last) < 200*time.Millisecond {
		return
	}
	b.last = time.Now()
	rate := float64(p.Articles) / p.Elapsed.Seconds()
	fmt.Fprintf(b.w, "\r%d/%d files, %d articles, %.1f MB, %.0f articles/s  ",
		p.Files, p.FilesTotal, p.Articles, float64(p.Bytes)/1e6, rate)
	b.drew = true
}

func (b *progressBar) clear() {
	if b.drew {
		fmt.Fprint(b.w, "\r\033[K")
	}
}
