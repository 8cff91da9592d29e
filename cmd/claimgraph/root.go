package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"runtime/pprof"

	"github.com/spf13/cobra"

	"github.com/claimgraph/claimgraph/store"
)

// defaultDB is the database directory used when neither --db nor
// $CLAIMGRAPH_DB is set.
const defaultDB = "claimgraph.db"

// app holds what every command shares: the standard streams and the
// database location.
type app struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	getenv         func(string) string
	dbFlag         string
	cpuProfile     string
	profile        *os.File
}

// startProfile starts the CPU profile asked for with --cpuprofile.
func (a *app) startProfile() error {
	if a.cpuProfile == "" {
		return nil
	}
	f, err := os.Create(a.cpuProfile)
	if err != nil {
		return fmt.Errorf("cpu profile: %w", err)
	}
	a.profile = f
	return pprof.StartCPUProfile(f)
}

func (a *app) stopProfile() error {
	if a.profile == nil {
		return nil
	}
	pprof.StopCPUProfile()
	return a.profile.Close()
}

func newRootCmd(a *app) *cobra.Command {
	root := &cobra.Command{
		Use:   "claimgraph",
		Short: "Turn news articles into a claim graph: who said what about whom",
		Long: `claimgraph reads news articles, finds the people, parties, organizations,
places and events in them and every claim with who made it, and keeps them
as a graph in an embedded database. Every edge points back to the article
and the sentence it came from.

The database is --db DIR, else $CLAIMGRAPH_DB, else ./claimgraph.db.`,
		Example: `  claimgraph ingest testdata/articles
  claimgraph said --by "Jane Roe"
  claimgraph export --format dot | dot -Tsvg > graph.svg`,
		SilenceUsage:  true,
		SilenceErrors: true,
		Version:       version(),
	}
	root.SetIn(a.stdin)
	root.SetOut(a.stdout)
	root.SetErr(a.stderr)
	root.SetFlagErrorFunc(func(c *cobra.Command, err error) error {
		return &usageError{err: err, try: c.CommandPath() + " --help"}
	})
	root.PersistentFlags().StringVar(&a.dbFlag, "db", "", "database directory (default $CLAIMGRAPH_DB, else ./"+defaultDB+")")
	root.PersistentFlags().StringVar(&a.cpuProfile, "cpuprofile", "", "write a CPU profile to this file")
	_ = root.PersistentFlags().MarkHidden("cpuprofile")
	root.PersistentPreRunE = func(*cobra.Command, []string) error { return a.startProfile() }
	root.PersistentPostRunE = func(*cobra.Command, []string) error { return a.stopProfile() }
	root.AddCommand(
		newIngestCmd(a), newSaidCmd(a), newShowCmd(a), newStatsCmd(a),
		newDisputesCmd(a), newMembersCmd(a), newPathCmd(a), newNeighborsCmd(a),
		newTimelineCmd(a), newSearchCmd(a), newCompactCmd(a), newCheckCmd(a),
		newExportCmd(a), newImportCmd(a), newQueryCmd(a), newVersionCmd(),
		newGenCmd(a), newEvalCmd(a), newServeCmd(a),
		newForgetCmd(a), newMergeCmd(a), newSplitCmd(a), newBackupCmd(a), newRestoreCmd(a),
	)
	root.AddCommand(newFactchecksCmd(a), newVerdictsCmd(a))
	root.AddCommand(newClaimsCmd(a), newContradictionsCmd(a), newExplainCmd(a), newUnattributedCmd(a), newAttributeCmd(a))
	for _, c := range root.Commands() {
		wrapArgs(c)
	}
	return root
}

// wrapArgs turns cobra's argument-count errors into usage errors.
func wrapArgs(c *cobra.Command) {
	if c.Args == nil {
		return
	}
	check := c.Args
	c.Args = func(cmd *cobra.Command, args []string) error {
		if err := check(cmd, args); err != nil {
			return &usageError{err: err, try: cmd.CommandPath() + " --help"}
		}
		return nil
	}
}

// dbPath resolves the database directory: --db, $CLAIMGRAPH_DB, ./claimgraph.db.
func (a *app) dbPath() string {
	if a.dbFlag != "" {
		return a.dbFlag
	}
	if p := a.getenv("CLAIMGRAPH_DB"); p != "" {
		return p
	}
	return defaultDB
}

// openRead opens the database read-only.
func (a *app) openRead() (*store.DB, error) {
	return store.Open(a.dbPath(), store.Options{ReadOnly: true})
}

// openWrite opens (and if needed creates) the database for writing.
func (a *app) openWrite(opts store.Options) (*store.DB, error) {
	p := a.dbPath()
	if err := os.MkdirAll(filepath.Dir(filepath.Clean(p)), 0o755); err != nil {
		return nil, fmt.Errorf("create database directory: %w", err)
	}
	return store.Open(p, opts)
}

// withRead runs fn with the database opened read-only and closes it.
func (a *app) withRead(fn func(*store.DB) error) error {
	db, err := a.openRead()
	if err != nil {
		return err
	}
	return errors.Join(fn(db), db.Close())
}

// withWrite runs fn with the database opened for writing and closes it.
func (a *app) withWrite(fn func(*store.DB) error) error {
	return a.withWriteOpts(store.Options{}, fn)
}

// withWriteOpts is withWrite with store options.
func (a *app) withWriteOpts(opts store.Options, fn func(*store.DB) error) error {
	db, err := a.openWrite(opts)
	if err != nil {
		return err
	}
	return errors.Join(fn(db), db.Close())
}

func version() string {
	if Version != "" {
		return Version
	}
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" {
		return bi.Main.Version
	}
	return "devel"
}

func newVersionCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: "Print claimgraph's version",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			_, err := fmt.Fprintln(cmd.OutOrStdout(), "claimgraph", version())
			return err
		},
	}
}

// ctxOf returns the command's context, never nil.
func ctxOf(cmd *cobra.Command) context.Context {
	if ctx := cmd.Context(); ctx != nil {
		return ctx
	}
	return context.Background()
}
