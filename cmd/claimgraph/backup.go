package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/claimgraph/claimgraph/store"
)

func newBackupCmd(a *app) *cobra.Command {
	return &cobra.Command{
		Use:   "backup FILE",
		Short: "Write a consistent snapshot of the whole database to FILE (- for standard output)",
		Long: `backup streams a consistent snapshot of the database into FILE with
badger's backup format, behind a short claimgraph header. It opens the
database read-only, so it runs beside other readers (not beside an
ingest). The file is written under a temporary name and renamed when
complete. 'claimgraph restore FILE' reads it back.`,
		Example: `  claimgraph backup graph.backup
  claimgraph --db restored.db restore graph.backup`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.withRead(func(db *store.DB) error {
				if args[0] == "-" {
					_, err := db.Backup(ctxOf(cmd), a.stdout)
					return err
				}
				n, err := backupToFile(cmd, db, args[0])
				if err != nil {
					return err
				}
				fmt.Fprintf(a.stdout, "backed up %s to %s (%d bytes)\n", db.Path(), args[0], n)
				return nil
			})
		},
	}
}

// backupToFile writes the backup next to path and renames it into place.
func backupToFile(cmd *cobra.Command, db *store.DB, path string) (int64, error) {
	f, err := os.CreateTemp(filepath.Dir(path), filepath.Base(path)+".tmp*")
	if err != nil {
		return 0, fmt.Errorf("backup: %w", err)
	}
	n, err := db.Backup(ctxOf(cmd), f)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(f.Name(), path)
	}
	if err != nil {
		_ = os.Remove(f.Name())
		return 0, fmt.Errorf("backup to %s: %w", path, err)
	}
	return n, nil
}

func newRestoreCmd(a *app) *cobra.Command {
	var force bool
	cmd := &cobra.Command{
		Use:   "restore FILE",
		Short: "Load a backup into a new database (--force: replace a database's contents)",
		Long: `restore loads a file written by 'claimgraph backup' (- for standard input)
into the database, which must be new or empty: a database that holds a
graph is refused unless --force is given, which replaces everything in
it: the backup is loaded into a new directory beside the database and
takes its place only when it is complete, so a restore that fails leaves
the old graph exactly as it was. A restore that fails part-way into a new
database removes that database again.`,
		Example: `  claimgraph --db restored.db restore graph.backup`,
		Args:    cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			var in io.Reader = a.stdin
			if args[0] != "-" {
				f, err := os.Open(args[0])
				if err != nil {
					return fmt.Errorf("restore: %w", err)
				}
				defer f.Close()
				in = f
			}
			path := a.dbPath()
			_, statErr := os.Stat(path)
			fresh := errors.Is(statErr, os.ErrNotExist)
			if force && !fresh {
				st, err := store.RestoreReplacing(ctxOf(cmd), path, in, store.Options{})
				if err != nil {
					return err
				}
				fmt.Fprintf(a.stdout, "restored %s into %s: %d node(s), %d edge(s)\n", args[0], path, st.TotalNodes(), st.TotalEdges())
				return nil
			}
			err := a.withWrite(func(db *store.DB) error {
				if err := db.Restore(ctxOf(cmd), in, force); err != nil {
					if errors.Is(err, store.ErrNotEmpty) {
						return &usageError{err: err, code: 1, try: "claimgraph --db NEW-DIR restore " + args[0] + ", or restore --force"}
					}
					return err
				}
				st, err := db.Stats(ctxOf(cmd))
				if err != nil {
					return err
				}
				fmt.Fprintf(a.stdout, "restored %s into %s: %d node(s), %d edge(s)\n", args[0], path, st.TotalNodes(), st.TotalEdges())
				return nil
			})
			if err != nil && fresh {
				_ = os.RemoveAll(path) // a failed restore leaves no half-made database
			}
			return err
		},
	}
	cmd.Flags().BoolVar(&force, "force", false, "replace the contents of a database that holds a graph")
	return cmd
}
