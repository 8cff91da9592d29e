package main

import (
	"context"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/extract"
	"github.com/claimgraph/claimgraph/graph/track"
	"github.com/claimgraph/claimgraph/store"
)

func newExplainCmd(a *app) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "explain CLAIM | explain FROM REL TO",
		Short: "Show why the tool believes an edge: sentence with cue, source and content marked, rule, confidence, coreference chain",
		Long: `explain shows the evidence behind a claim's edges (or behind the edges
FROM REL TO). For each said edge it re-runs the extractor on the stored
article text and prints the evidence sentence with the cue verb, the words
naming the source and the claim's content marked as [cue:…], [source:…]
and [content:…], the rule that made the edge and its confidence (the
rule's measured precision), and for a speaker named by a pronoun or a
surname the coreference chain that led to the full name, each step with
its byte position in the article. The chain is not stored: if the current
extractor no longer makes the stored edge, explain says so and shows what
was stored. Other edges at the claim (about, disputes, supports) are
listed with their rule and evidence.`,
		Example: `  claimgraph explain claim/5e8a334628ed7809
  claimgraph explain "Oskar Lind" said claim/5e8a334628ed7809`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) != 1 && len(args) != 3 {
				return fmt.Errorf("want CLAIM or FROM REL TO, got %d argument(s)", len(args))
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.withRead(func(db *store.DB) error { return runExplain(ctxOf(cmd), a, db, args) })
		},
	}
	return cmd
}

func runExplain(ctx context.Context, a *app, db *store.DB, args []string) error {
	if len(args) == 3 {
		return explainEdge(ctx, a.stdout, db, args)
	}
	id := args[0]
	if graph.KindOfID(id) != graph.Claim {
		return &usageError{err: fmt.Errorf("%q is not a claim ID (claim/…)", id), code: 1, try: "claimgraph said --format tsv (the claim_id column), or claimgraph explain FROM REL TO"}
	}
	c, err := db.Node(ctx, id)
	if err != nil {
		return &usageError{err: fmt.Errorf("claim %s: %w", id, err), code: 1, try: "claimgraph search WORDS"}
	}
	fmt.Fprintf(a.stdout, "%s  %q\n", c.ID, c.Text)
	var edges []graph.Edge
	for e, err := range db.Neighbors(ctx, id, graph.Both) {
		if err != nil {
			return err
		}
		edges = append(edges, e)
	}
	return explainEdges(ctx, a.stdout, db, edges)
}

// explainEdge explains the stored edges FROM REL TO (one per article).
func explainEdge(ctx context.Context, w io.Writer, db *store.DB, args []string) error {
	rel, err := graph.ParseRel(args[1])
	if err != nil {
		return &usageError{err: err, code: 1, try: "claimgraph explain \"Jane Roe\" said claim/…"}
	}
	from, err := resolveOne(ctx, db, args[0])
	if err != nil {
		return err
	}
	to, err := resolveOne(ctx, db, args[2])
	if err != nil {
		return err
	}
	var edges []graph.Edge
	for e, err := range db.Neighbors(ctx, from, graph.Out, rel) {
		if err != nil {
			return err
		}
		if e.To == to {
			edges = append(edges, e)
		}
	}
	if len(edges) == 0 {
		return &usageError{err: fmt.Errorf("no %s edge from %s to %s: %w", rel, from, to, graph.ErrNotFound), code: 1, try: "claimgraph show " + from}
	}
	return explainEdges(ctx, w, db, edges)
}

// explainEdges prints said edges first, then the others.
func explainEdges(ctx context.Context, w io.Writer, db *store.DB, edges []graph.Edge) error {
	slices.SortStableFunc(edges, func(a, b graph.Edge) int {
		return boolOrder(a.Rel != graph.Said) - boolOrder(b.Rel != graph.Said)
	})
	if len(edges) == 0 {
		fmt.Fprintln(w, "  no edges: no speaker was resolved and nothing else links it (see claimgraph unattributed)")
	}
	traces := map[string][]extract.EdgeTrace{}
	for _, e := range edges {
		art := graph.Node{}
		if e.Article != "" {
			n, err := db.Node(ctx, e.Article)
			if err != nil {
				return fmt.Errorf("article of %s -%s-> %s: %w", e.From, e.Rel, e.To, err)
			}
			art = n
		}
		fmt.Fprintf(w, "\n%s -[%s]-> %s\n", e.From, e.Rel, e.To)
		fmt.Fprintf(w, "  article:    %s  %s  %s\n", orDash(e.Article), orDash(art.Date), orDash(outlet(art)))
		fmt.Fprintf(w, "  rule:       %s  confidence %s\n", orDash(e.Rule), confidenceText(e.Confidence))
		if e.Rel != graph.Said || e.Rule == store.AttributeRule || art.ID == "" {
			if e.Rule == store.AttributeRule {
				fmt.Fprintln(w, "  by hand:    attributed with 'claimgraph attribute'; kept across re-ingest, export and import")
			}
			fmt.Fprintf(w, "  evidence:   %s\n", orDash(e.Evidence))
			continue
		}
		ts, ok := traces[art.ID]
		if !ok {
			ts = extract.Trace(art)
			traces[art.ID] = ts
		}
		printTrace(w, e, art, ts)
	}
	return nil
}

// printTrace prints the trace of said edge e, or says that the current
// extractor does not make it.
func printTrace(w io.Writer, e graph.Edge, art graph.Node, ts []extract.EdgeTrace) {
	var t *extract.EdgeTrace
	for i := range ts {
		if ts[i].Edge.To == e.To && ts[i].Edge.From == e.From {
			t = &ts[i]
			break
		}
	}
	if t == nil {
		for i := range ts {
			if ts[i].Edge.To == e.To {
				t = &ts[i]
				fmt.Fprintf(w, "  note:       the extractor now attributes this claim to %s, not %s (merged by hand, or the extractor changed since ingest)\n", t.Edge.From, e.From)
				break
			}
		}
	}
	if t == nil {
		fmt.Fprintln(w, "  note:       re-extracting the article with the current extractor no longer produces this edge (the extractor changed since ingest); the stored evidence is:")
		fmt.Fprintf(w, "  evidence:   %s\n", orDash(e.Evidence))
		return
	}
	if t.Edge.Rule != e.Rule {
		fmt.Fprintf(w, "  note:       the current extractor makes this edge with rule %s (stored: %s)\n", t.Edge.Rule, e.Rule)
	}
	fmt.Fprintf(w, "  sentence:   %s\n", markSpans(art.Text, *t))
	if !t.Source.Found() {
		fmt.Fprintln(w, "  source:     not named in the sentence: carried over from the previous quote or a title")
	}
	if len(t.Chain) > 0 {
		parts := make([]string, len(t.Chain))
		for i, l := range t.Chain {
			parts[i] = fmt.Sprintf("%s %q @%d-%d", l.How, l.Text, l.Start, l.End)
		}
		fmt.Fprintf(w, "  chain:      %s\n", strings.Join(parts, " -> "))
	}
}

// markSpans returns the sentence(s) holding the trace's spans with each
// span bracketed as [cue:…], [source:…], [content:…].
func markSpans(text string, t extract.EdgeTrace) string {
	type mark struct {
		name string
		sp   extract.Span
	}
	var marks []mark
	for _, m := range []mark{{"source", t.Source}, {"cue", t.Cue}, {"content", t.Content}} {
		if m.sp.Found() && m.sp.End <= len(text) {
			marks = append(marks, m)
		}
	}
	if len(marks) == 0 {
		return ""
	}
	slices.SortFunc(marks, func(a, b mark) int { return a.sp.Start - b.sp.Start })
	lo, hi := marks[0].sp.Start, marks[0].sp.End
	for _, m := range marks {
		lo, hi = min(lo, m.sp.Start), max(hi, m.sp.End)
	}
	a, b := track.SentenceBounds(text, lo, hi)
	var sb strings.Builder
	pos := a
	for _, m := range marks {
		if m.sp.Start < pos { // overlapping spans: show the first only
			continue
		}
		sb.WriteString(text[pos:m.sp.Start])
		fmt.Fprintf(&sb, "[%s:%s]", m.name, text[m.sp.Start:m.sp.End])
		pos = m.sp.End
	}
	sb.WriteString(text[pos:b])
	return strings.Join(strings.Fields(sb.String()), " ")
}

func boolOrder(b bool) int {
	if b {
		return 1
	}
	return 0
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

func confidenceText(c float64) string {
	if c == 0 {
		return "unknown (not measured for this rule)"
	}
	return fmt.Sprintf("%.2f", c)
}
