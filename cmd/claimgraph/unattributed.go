package main

import (
	"context"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/ask"
	"github.com/claimgraph/claimgraph/graph/track"
	"github.com/claimgraph/claimgraph/store"
)

type unattributedOptions struct {
	limit  int
	wide   bool
	format *formatFlag
}

func newUnattributedCmd(a *app) *cobra.Command {
	o := &unattributedOptions{}
	cmd := &cobra.Command{
		Use:   "unattributed",
		Short: "List claims whose speaker could not be resolved, most recent first",
		Long: `unattributed lists the claims that have no said edge: the extractor found
the words but could not tell who said them. Each comes with its article
(most recent first), date and sentence, for 'claimgraph attribute CLAIM
NAME' to fix by hand. The claims are found from the database's keys in
one pass (no claim record is read unless it is listed); a claim with no
edge at all is placed by finding its words in the stored articles.`,
		Example: `  claimgraph unattributed --limit 20
  claimgraph attribute claim/0123456789abcdef "Jane Roe"`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return a.withRead(func(db *store.DB) error {
				orphans, err := track.Unattributed(ctxOf(cmd), db)
				if err != nil {
					return err
				}
				cols := []string{"date", "claim", "sentence", "article", "outlet", "claim_id", "start", "end"}
				if o.format.value == fmtTable {
					cols = cols[:6]
				}
				return writeRows(a, o.format.value, o.wide, o.limit, cols, rowsOf(orphans), func(r track.Orphan) []any {
					return []any{r.Article.Date, r.Claim.Text, r.Sentence, r.Article.ID, outlet(r.Article), r.Claim.ID, r.Start, r.End}
				})
			})
		},
	}
	cmd.Flags().IntVar(&o.limit, "limit", 0, "print at most this many claims (0: all)")
	cmd.Flags().BoolVar(&o.wide, "wide", false, "do not shorten long table cells")
	o.format = addFormatFlag(cmd, fmtTable, fmtJSON, fmtJSONL, fmtCSV, fmtTSV)
	return cmd
}

func newAttributeCmd(a *app) *cobra.Command {
	var kind string
	cmd := &cobra.Command{
		Use:   "attribute CLAIM NAME",
		Short: "Say by hand who made a claim (kept across re-ingest, export and import)",
		Long: `attribute records that NAME said CLAIM: a said edge with rule
manual/attribute and confidence 1, placed in the claim's article (its
sentence as evidence), and a decision kept in the database that gives the
claim the same speaker whenever its article is ingested again (also after
forget). The JSONL export carries the edge; import restores the edge and
the decision.

NAME is resolved like elsewhere (a name, an alias or an ID of a person,
party or organization) and must name exactly one. An unknown name is an
error, unless --kind person|party|organization is given: then a new node
of that kind is made with NAME as its name.`,
		Example: `  claimgraph attribute claim/0123456789abcdef "Jane Roe"
  claimgraph attribute claim/0123456789abcdef "Harbour Workers Union" --kind organization`,
		Args: cobra.ExactArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.withWrite(func(db *store.DB) error { return runAttribute(ctxOf(cmd), a, db, args[0], args[1], kind) })
		},
	}
	cmd.Flags().StringVar(&kind, "kind", "", "create the speaker with this kind (person, party, organization) when NAME is unknown")
	return cmd
}

func runAttribute(ctx context.Context, a *app, db *store.DB, claimID, name, kind string) error {
	claim, err := db.Node(ctx, claimID)
	if err != nil || claim.Kind != graph.Claim {
		return &usageError{err: fmt.Errorf("no claim %q: %w", claimID, graph.ErrNotFound), code: 1, try: "claimgraph unattributed (the claim_id column)"}
	}
	speaker, err := attributeSpeaker(ctx, db, name, kind)
	if err != nil {
		return err
	}
	e, err := claimPlace(ctx, db, claim)
	if err != nil {
		return err
	}
	e.From, e.Rel, e.To = speaker.ID, graph.Said, claim.ID
	st, err := db.Attribute(ctx, e, speaker)
	if err != nil {
		return err
	}
	fmt.Fprintf(a.stdout, "attributed %s to %s (%s) in %s; %d edge(s) added; the decision is kept for later ingests\n",
		claim.ID, speaker.Name, speaker.ID, orDash(e.Article), st.Edges)
	return nil
}

// attributeSpeaker resolves NAME to one speaker, or makes a new node of
// kind when NAME is unknown and kind is given.
func attributeSpeaker(ctx context.Context, db *store.DB, name, kind string) (graph.Node, error) {
	nodes, err := ask.Resolve(ctx, db, name, speakerKinds...)
	if err == nil {
		if len(nodes) > 1 {
			return graph.Node{}, &usageError{err: fmt.Errorf("%q names %d speakers; give one ID", name, len(nodes)), code: 1}
		}
		return nodes[0], nil
	}
	if kind == "" {
		return graph.Node{}, &usageError{err: err, code: 1, try: "claimgraph attribute CLAIM NAME --kind person (to create the speaker)"}
	}
	k, kerr := graph.ParseKind(kind)
	if kerr != nil || !k.IsSpeaker() {
		return graph.Node{}, &usageError{err: fmt.Errorf("--kind %q: want person, party or organization", kind), code: 2}
	}
	return graph.Node{ID: graph.EntityID(k, name), Kind: k, Name: name}, nil
}

// claimPlace returns an edge template with the claim's article, span and
// sentence, from where unattributed finds it.
func claimPlace(ctx context.Context, db *store.DB, claim graph.Node) (graph.Edge, error) {
	orphans, err := track.Place(ctx, db, claim)
	if err != nil {
		return graph.Edge{}, err
	}
	return graph.Edge{Article: orphans.Article.ID, Start: orphans.Start, End: orphans.End, Evidence: orphans.Sentence}, nil
}
