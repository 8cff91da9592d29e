package main

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/ask"
	"github.com/claimgraph/claimgraph/store"
)

func newMergeCmd(a *app) *cobra.Command {
	var list bool
	cmd := &cobra.Command{
		Use:   "merge A B",
		Short: "Make B an alias of A (entity resolution by hand); --list shows the merges",
		Long: `merge makes the entity B an alias of the entity A, in one transaction:
every edge of B moves to A with its provenance, B's name and aliases become
aliases of A, and B's node goes. The decision is remembered, so later
ingests and imports of B land on A. 'claimgraph split A B' undoes it.

A and B are IDs or names of one entity each, of the same kind (a party
and an organization may merge too). Claims and articles do not merge.
--list prints the merges the database remembers.`,
		Example: `  claimgraph merge "Victor Hale" "V. Hale"
  claimgraph merge party/uwm "United Workers Movement"
  claimgraph merge --list`,
		Args: func(cmd *cobra.Command, args []string) error {
			if list {
				return cobra.NoArgs(cmd, args)
			}
			return cobra.ExactArgs(2)(cmd, args)
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := ctxOf(cmd)
			if list {
				return a.withRead(func(db *store.DB) error { return listMerges(ctx, a, db) })
			}
			return a.withExisting(func(db *store.DB) error {
				into, err := resolveOne(ctx, db, args[0])
				if err != nil {
					return err
				}
				from, err := resolveOne(ctx, db, args[1])
				if err != nil {
					return err
				}
				rep, err := db.Merge(ctx, into, from)
				if err != nil {
					return mergeError(err)
				}
				fmt.Fprintf(a.stdout, "merged %s into %s: %d edge(s) moved, %d duplicate(s) dropped; new aliases: %s\n",
					rep.From, rep.Into, rep.Moved, rep.Dropped, orNone(rep.Names))
				return nil
			})
		},
	}
	cmd.Flags().BoolVar(&list, "list", false, "list the merges the database remembers")
	return cmd
}

func newSplitCmd(a *app) *cobra.Command {
	return &cobra.Command{
		Use:   "split A B",
		Short: "Undo 'merge A B': B becomes its own entity again",
		Long: `split undoes 'claimgraph merge A B' in one transaction: B is restored as
it was, the edges the merge moved to A go back to B, the aliases it gave A
are taken back, and the decision is forgotten. Edges that ingests after
the merge put on A stay on A.

B is the merged entity's ID or one of its names as they were before the
merge (see 'claimgraph merge --list').`,
		Example: `  claimgraph split "Victor Hale" "V. Hale"`,
		Args:    cobra.ExactArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := ctxOf(cmd)
			return a.withExisting(func(db *store.DB) error {
				from, into, err := resolveMerged(ctx, db, args[1])
				if err != nil {
					return err
				}
				want, err := resolveTarget(ctx, db, args[0], into)
				if err != nil {
					return err
				}
				rep, err := db.Split(ctx, want, from)
				if err != nil {
					return mergeError(err)
				}
				fmt.Fprintf(a.stdout, "split %s from %s: %d edge(s) restored, %d gone since the merge; aliases taken back: %s\n",
					rep.From, rep.Into, rep.Restored, rep.Gone, orNone(rep.Names))
				return nil
			})
		},
	}
}

func listMerges(ctx context.Context, a *app, db *store.DB) error {
	ms, err := db.Merges(ctx)
	if err != nil {
		return err
	}
	if len(ms) == 0 {
		fmt.Fprintln(a.stdout, "no merges")
		return nil
	}
	for _, m := range ms {
		fmt.Fprintf(a.stdout, "%s (%s) -> %s\n", m.From, m.Node.Name, m.Into)
	}
	return nil
}

func orNone(names []string) string {
	if len(names) == 0 {
		return "none"
	}
	return strings.Join(names, ", ")
}

// mergeError gives the store's refusals a hint.
func mergeError(err error) error {
	switch {
	case errors.Is(err, store.ErrCannotMerge), errors.Is(err, graph.ErrNotFound), errors.Is(err, store.ErrNotMerged):
		return &usageError{err: err, code: 1, try: "claimgraph merge --list, or claimgraph show NAME"}
	}
	return err
}

// resolveOne finds the one node a name or ID means.
func resolveOne(ctx context.Context, r graph.Reader, name string) (string, error) {
	nodes, err := ask.Resolve(ctx, r, name)
	if err != nil {
		return "", noMatchHint(err)
	}
	if len(nodes) > 1 {
		ids := make([]string, len(nodes))
		for i, n := range nodes {
			ids[i] = n.ID
		}
		return "", &usageError{err: fmt.Errorf("%q names %d nodes (%s); give one ID", name, len(nodes), strings.Join(ids, ", ")), code: 1}
	}
	return nodes[0].ID, nil
}

// resolveMerged finds the merge decision of a merged node, by its ID or
// one of its names before the merge.
func resolveMerged(ctx context.Context, db *store.DB, name string) (from, into string, err error) {
	ms, err := db.Merges(ctx)
	if err != nil {
		return "", "", err
	}
	norm := graph.NormalizeName(name)
	var hits []store.MergeDecision
	for _, m := range ms {
		match := m.From == name
		for _, n := range m.Node.Names() {
			match = match || graph.NormalizeName(n) == norm
		}
		if match {
			hits = append(hits, m)
		}
	}
	switch len(hits) {
	case 0:
		return "", "", &usageError{err: fmt.Errorf("no merged entity named %q: %w", name, store.ErrNotMerged), code: 1, try: "claimgraph merge --list"}
	case 1:
		return hits[0].From, hits[0].Into, nil
	}
	return "", "", &usageError{err: fmt.Errorf("%q names %d merged entities; give one ID", name, len(hits)), code: 1, try: "claimgraph merge --list"}
}

// resolveTarget checks that name means the merge target into: its ID or a
// name of it.
func resolveTarget(ctx context.Context, r graph.Reader, name, into string) (string, error) {
	if name == into {
		return into, nil
	}
	nodes, err := ask.Resolve(ctx, r, name)
	if err != nil {
		return "", noMatchHint(err)
	}
	for _, n := range nodes {
		if n.ID == into {
			return into, nil
		}
	}
	return nodes[0].ID, nil // Split says what it was merged into
}
