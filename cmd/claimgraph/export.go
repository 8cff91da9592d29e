package main

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/spf13/cobra"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/ask"
	"github.com/claimgraph/claimgraph/graph/export"
	"github.com/claimgraph/claimgraph/graph/export/picture"
	"github.com/claimgraph/claimgraph/store"
)

type exportOptions struct {
	format   *formatFlag
	out      string
	schema   string
	base     string
	focus    []string
	depth    int
	rels     []string
	kinds    []string
	since    string
	until    string
	cluster  string
	title    string
	renderer string
	maxNodes int
}

// pictureMaxNodes bounds a focused picture (dot, svg, png) unless
// --max-nodes says otherwise: Graphviz lays out a few thousand nodes at
// most, and a hub's whole neighbourhood can be hundreds of thousands.
const pictureMaxNodes = 2000

func newExportCmd(a *app) *cobra.Command {
	o := &exportOptions{}
	cmd := &cobra.Command{
		Use:   "export",
		Short: "Write the graph (or a part of it) as JSONL, JSON, CSV, DOT, SVG, GraphML, RDF or Neo4j CSV",
		Long: `export writes the graph to standard output, or into --out DIR for the formats
made of several files (csv, neo4j).

  jsonl    one node or edge per line (docs/FORMAT.md); a complete backup that
           'claimgraph import' reads back
  json     one document {"nodes": [...], "edges": [...]}
  csv      nodes.csv and edges.csv into --out DIR
  dot      Graphviz, one shape and colour per kind, with a legend
  svg/png  the DOT picture rendered in-process (or by 'dot' when installed)
  graphml  for Gephi, yEd and Cytoscape
  rdf      N-Quads for Dgraph's live and bulk loaders; --schema FILE writes the
           matching Dgraph schema
  neo4j    nodes.csv and relationships.csv for neo4j-admin database import
  claimreview  the claims as schema.org ClaimReview skeletons (one JSON-LD
           array) for a fact-checker to complete with a rating

--focus, --depth, --rel, --kind, --since and --until select a part of the
graph for any format. A focused walk stops at --max-nodes nodes, nearest
hops first (default: no bound, 2000 for dot, svg and png), and says so on
standard error when it did.`,
		Example: `  claimgraph export --format jsonl > backup.jsonl
  claimgraph export --format dot --focus "Jane Roe" --depth 2 | dot -Tsvg > roe.svg
  claimgraph export --format svg --cluster party > graph.svg
  claimgraph export --format rdf --schema schema.dgraph > graph.nq
  claimgraph export --format neo4j --out neo4j-import/`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if !cmd.Flags().Changed("max-nodes") && isPicture(o.format.value) {
				o.maxNodes = pictureMaxNodes
			}
			if err := o.check(); err != nil {
				return err
			}
			return a.withRead(func(db *store.DB) error { return runExport(ctxOf(cmd), a, db, o) })
		},
	}
	f := cmd.Flags()
	o.format = addFormatFlag(cmd, "jsonl", "json", "csv", "dot", "svg", "png", "graphml", "rdf", "neo4j", "claimreview")
	f.StringVar(&o.out, "out", "", "directory for csv and neo4j files")
	f.StringVar(&o.schema, "schema", "", "rdf: also write the Dgraph schema to this file")
	f.StringVar(&o.base, "base", export.DefaultBaseIRI, "rdf: base IRI of resources and predicates")
	f.StringSliceVar(&o.focus, "focus", nil, "only the neighbourhood of this entity (name, alias or ID; repeatable)")
	f.IntVar(&o.depth, "depth", 1, "with --focus: hops from the focus")
	f.IntVar(&o.maxNodes, "max-nodes", 0, "with --focus: stop the walk at this many nodes (0: no bound; dot, svg and png: 2000 unless set)")
	f.StringSliceVar(&o.rels, "rel", nil, "only these relations (said, member-of, about, disputes, supports, mentions, reviews)")
	f.StringSliceVar(&o.kinds, "kind", nil, "only nodes of these kinds (person, party, organization, place, event, claim, article, factcheck)")
	f.StringVar(&o.since, "since", "", "only edges from articles dated on or after YYYY-MM-DD")
	f.StringVar(&o.until, "until", "", "only edges from articles dated on or before YYYY-MM-DD")
	f.StringVar(&o.cluster, "cluster", "", "dot/svg: group nodes by article or party")
	f.StringVar(&o.title, "title", "", "dot/svg: a title drawn above the graph")
	f.StringVar(&o.renderer, "renderer", "", "svg/png: dot (Graphviz on PATH) or go-graphviz (built in); default: dot when installed")
	return cmd
}

func (o *exportOptions) check() error {
	f := o.format.value
	if (f == "csv" || f == "neo4j") && o.out == "" {
		return usagef("claimgraph export --format "+f+" --out DIR", "--format %s writes several files: give --out DIR", f)
	}
	if o.out != "" && f != "csv" && f != "neo4j" {
		return usagef("claimgraph export --format "+f+" > FILE", "--out is for csv and neo4j; --format %s writes to standard output", f)
	}
	if o.schema != "" && f != "rdf" {
		return usagef("claimgraph export --format rdf --schema schema.dgraph", "--schema goes with --format rdf")
	}
	if err := checkRenderer(o.renderer); err != nil {
		return err
	}
	if o.depth < 0 {
		return usagef("claimgraph export --focus NAME --depth 2", "--depth must be 0 or more")
	}
	if o.maxNodes < 0 {
		return usagef("claimgraph export --focus NAME --max-nodes 500", "--max-nodes must be 0 or more")
	}
	if _, err := export.ParseCluster(o.cluster); err != nil {
		return usagef("claimgraph export --format dot --cluster party", "--cluster: %v", err)
	}
	for _, d := range []string{o.since, o.until} {
		if err := checkDate(d); err != nil {
			return usagef("claimgraph export --since 2024-01-01", "%v", err)
		}
	}
	return nil
}

// filter resolves names and parses the selection flags.
func (o *exportOptions) filter(ctx context.Context, r graph.Reader) (export.Filter, error) {
	f := export.Filter{Depth: o.depth, Since: o.since, Until: o.until, MaxNodes: o.maxNodes}
	for _, name := range o.focus {
		nodes, err := ask.Resolve(ctx, r, name)
		if err != nil {
			return f, noMatchHint(err)
		}
		for _, n := range nodes {
			f.Focus = append(f.Focus, n.ID)
		}
	}
	for _, s := range o.rels {
		rel, err := graph.ParseRel(s)
		if err != nil {
			return f, usagef("claimgraph export --rel said --rel disputes", "--rel: %v", err)
		}
		f.Rels = append(f.Rels, rel)
	}
	for _, s := range o.kinds {
		k, err := graph.ParseKind(s)
		if err != nil {
			return f, usagef("claimgraph export --kind person --kind claim", "--kind: %v", err)
		}
		f.Kinds = append(f.Kinds, k)
	}
	return f, nil
}

func runExport(ctx context.Context, a *app, db *store.DB, o *exportOptions) error {
	f, err := o.filter(ctx, db)
	if err != nil {
		return err
	}
	var src export.Source = db
	format := o.format.value
	if !f.IsZero() || isPicture(format) {
		v, err := export.Select(ctx, db, f)
		if err != nil {
			return err
		}
		if v.Truncated() {
			fmt.Fprintf(a.stderr, "export: the neighbourhood was cut at %d nodes, nearest first (--max-nodes 0 for all of it)\n", f.MaxNodes)
		}
		src = v
		if format == "jsonl" || format == "json" {
			src = export.WithTexts(v, db) // selectors quote articles the part may leave out
		}
	}
	bw := bufio.NewWriterSize(a.stdout, 1<<16)
	if format == "claimreview" {
		err = export.WriteClaimReview(ctx, bw, src, db)
	} else {
		err = writeFormat(ctx, a, bw, src, o)
	}
	if err != nil {
		return err
	}
	return bw.Flush()
}

// isPicture reports whether format is drawn from a View (dot, svg, png).
func isPicture(format string) bool { return format == "dot" || format == "svg" || format == "png" }

func writeFormat(ctx context.Context, a *app, w io.Writer, src export.Source, o *exportOptions) error {
	switch o.format.value {
	case "jsonl":
		return export.WriteJSONL(ctx, w, src)
	case "json":
		return export.WriteJSON(ctx, w, src)
	case "csv":
		return export.WriteCSV(ctx, o.out, src)
	case "neo4j":
		return export.WriteNeo4j(ctx, o.out, src)
	case "graphml":
		return export.WriteGraphML(ctx, w, src)
	case "rdf":
		if err := writeSchema(o); err != nil {
			return err
		}
		return export.WriteNQuads(ctx, w, src, o.base)
	default:
		return writePicture(ctx, a, w, src.(*export.View), o)
	}
}

func writeSchema(o *exportOptions) error {
	if o.schema == "" {
		return nil
	}
	f, err := os.Create(o.schema)
	if err != nil {
		return fmt.Errorf("schema file: %w", err)
	}
	return errors.Join(export.WriteDgraphSchema(f, o.base), f.Close())
}

// writePicture writes DOT, or renders it to SVG or PNG and says on stderr
// which renderer drew it.
func writePicture(ctx context.Context, a *app, w io.Writer, v *export.View, o *exportOptions) error {
	cluster, _ := export.ParseCluster(o.cluster)
	opt := export.DOTOptions{Cluster: cluster, Title: o.title}
	if o.format.value == "dot" {
		return export.WriteDOT(w, v, opt)
	}
	var dot bytes.Buffer
	if err := export.WriteDOT(&dot, v, opt); err != nil {
		return err
	}
	img, renderer, err := picture.Render(ctx, dot.Bytes(), picture.Format(o.format.value),
		picture.Options{Use: picture.Renderer(o.renderer), Builtin: builtinRenderer()})
	if err != nil {
		return err
	}
	fmt.Fprintf(a.stderr, "rendered %s with %s\n", o.format.value, renderer)
	_, err = w.Write(img)
	return err
}
