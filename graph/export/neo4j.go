package export

import (
	"context"
	"encoding/csv"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/claimgraph/claimgraph/graph"
)

// The files WriteNeo4j writes.
const (
	Neo4jNodesFile         = "nodes.csv"
	Neo4jRelationshipsFile = "relationships.csv"
)

// Neo4jArrayDelimiter separates the elements of array properties (aliases),
// neo4j-admin's default --array-delimiter.
const Neo4jArrayDelimiter = ";"

var (
	neo4jNodeHeader = []string{"id:ID", ":LABEL", "kind", "name", "aliases:string[]", "text",
		"direct:boolean", "date", "title", "source", "url", "author"}
	neo4jRelHeader = []string{":START_ID", ":END_ID", ":TYPE", "article", "start:int", "end:int",
		"role", "evidence", "rule", "confidence:double"}
)

// Neo4jLabel returns the node label for a kind: "Person", "Party", ...
func Neo4jLabel(k graph.Kind) string {
	s := string(k)
	if s == "" {
		return "Node"
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// Neo4jType returns the relationship type for a relation: "SAID",
// "MEMBER_OF", ...
func Neo4jType(r graph.Rel) string {
	return strings.ToUpper(strings.ReplaceAll(string(r), "-", "_"))
}

// WriteNeo4j writes src into dir (created if needed) as the two CSV files
// `neo4j-admin database import full` reads: nodes.csv (header id:ID,
// :LABEL, kind, name, aliases:string[], text, direct:boolean, date, title,
// source, url, author; label = capitalised kind) and relationships.csv
// (header :START_ID, :END_ID, :TYPE, article, start:int, end:int, role,
// evidence, rule, confidence:double; type = upper-snake relation). Empty
// fields are left unquoted, which neo4j-admin reads as "no property";
// fields holding line breaks need its --multiline-fields=true (see
// docs/SCALE.md). It streams.
func WriteNeo4j(ctx context.Context, dir string, src Source) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("export neo4j: %w", err)
	}
	err := writeFile(filepath.Join(dir, Neo4jNodesFile), func(w io.Writer) error {
		return writeNeo4jNodes(ctx, w, src)
	})
	if err != nil {
		return err
	}
	return writeFile(filepath.Join(dir, Neo4jRelationshipsFile), func(w io.Writer) error {
		return writeNeo4jRels(ctx, w, src)
	})
}

func writeNeo4jNodes(ctx context.Context, w io.Writer, src Source) error {
	cw := csv.NewWriter(w)
	err := cw.Write(neo4jNodeHeader)
	if err == nil {
		err = eachNode(ctx, src, func(n graph.Node) error {
			return cw.Write(cleanRow([]string{
				n.ID, Neo4jLabel(n.Kind), string(n.Kind), displayName(n), neo4jArray(n.Aliases), n.Text,
				boolCell(n.Direct), n.Date, n.Title, n.Source, n.URL, n.Author,
			}))
		})
	}
	return flushCSV(cw, err, Neo4jNodesFile)
}

func writeNeo4jRels(ctx context.Context, w io.Writer, src Source) error {
	cw := csv.NewWriter(w)
	err := cw.Write(neo4jRelHeader)
	if err == nil {
		err = eachEdge(ctx, src, func(e graph.Edge) error {
			return cw.Write(cleanRow([]string{
				e.From, e.To, Neo4jType(e.Rel), e.Article, strconv.Itoa(e.Start), strconv.Itoa(e.End),
				e.Role, e.Evidence, e.Rule, floatCell(e.Confidence),
			}))
		})
	}
	return flushCSV(cw, err, Neo4jRelationshipsFile)
}

func flushCSV(cw *csv.Writer, err error, name string) error {
	if err == nil {
		cw.Flush()
		err = cw.Error()
	}
	if err != nil {
		return fmt.Errorf("export neo4j %s: %w", name, err)
	}
	return nil
}

// neo4jArray joins aliases with the array delimiter; a delimiter inside an
// alias becomes ',' so that the alias stays one element.
func neo4jArray(items []string) string {
	out := make([]string, len(items))
	for i, s := range items {
		out[i] = strings.ReplaceAll(s, Neo4jArrayDelimiter, ",")
	}
	return strings.Join(out, Neo4jArrayDelimiter)
}
