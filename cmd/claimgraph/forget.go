package main

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/store"
)

func newForgetCmd(a *app) *cobra.Command {
	return &cobra.Command{
		Use:   "forget ARTICLE",
		Short: "Remove an article and everything only it supported",
		Long: `forget removes an article from the database in one transaction: the
article, every edge it is the provenance of, and every node it touched
that is left without edges and that no other article lists. What other
articles also support stays, with their provenance. Aliases the article
added to a node that stays are kept.

ARTICLE is an article ID (article/…), or the source path or the title of
exactly one stored article.`,
		Example: `  claimgraph forget article/3f2a9c0d41b7e865
  claimgraph forget testdata/articles/court-petition.txt`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := ctxOf(cmd)
			return a.withExisting(func(db *store.DB) error {
				id, err := resolveArticle(ctx, db, args[0])
				if err != nil {
					return err
				}
				rep, err := db.Forget(ctx, id)
				if err != nil {
					return err
				}
				fmt.Fprintf(a.stdout, "forgot %s: %d node(s) and %d edge(s) removed, %d node(s) kept for other articles\n",
					rep.Article, rep.Nodes, rep.Edges, rep.Kept)
				return nil
			})
		},
	}
}

// withExisting opens an existing database for writing: commands that
// correct a graph must not create an empty one.
func (a *app) withExisting(fn func(*store.DB) error) error {
	db, err := a.openRead()
	if err != nil {
		return err
	}
	if err := db.Close(); err != nil {
		return err
	}
	return a.withWrite(fn)
}

// resolveArticle finds the one article an argument names: its ID, else
// the articles whose source (or its file name) or title is the argument.
func resolveArticle(ctx context.Context, r graph.Reader, arg string) (string, error) {
	if graph.KindOfID(arg) == graph.Article {
		if _, err := r.Node(ctx, arg); err != nil {
			return "", &usageError{err: fmt.Errorf("no article %s", arg), code: 1, try: "claimgraph query 'MATCH (a:Article) RETURN a.id, a.source, a.title'"}
		}
		return arg, nil
	}
	var found []graph.Node
	for n, err := range r.NodesOfKind(ctx, graph.Article) {
		if err != nil {
			return "", err
		}
		if n.Source == arg || filepath.Clean(n.Source) == filepath.Clean(arg) || filepath.Base(n.Source) == arg ||
			strings.EqualFold(n.Title, arg) {
			n.Text = ""
			found = append(found, n)
		}
	}
	switch len(found) {
	case 1:
		return found[0].ID, nil
	case 0:
		return "", &usageError{err: fmt.Errorf("no article with ID, source or title %q", arg), code: 1,
			try: "claimgraph query 'MATCH (a:Article) RETURN a.id, a.source, a.title'"}
	}
	var b strings.Builder
	for i, n := range found {
		if i == 5 {
			fmt.Fprintf(&b, "\n  … and %d more", len(found)-5)
			break
		}
		fmt.Fprintf(&b, "\n  %s  %s  %q", n.ID, n.Source, n.Title)
	}
	return "", &usageError{err: fmt.Errorf("%q names %d articles; give one ID:%s", arg, len(found), b.String()), code: 1}
}
