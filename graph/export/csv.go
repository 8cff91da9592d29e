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

// Table names one of the two CSV tables.
type Table string

// The CSV tables and the file names WriteCSV gives them.
const (
	NodesTable Table = "nodes"
	EdgesTable Table = "edges"
)

// AliasSeparator joins a node's aliases in one CSV or GraphML cell.
const AliasSeparator = "; "

var (
	csvNodeHeader = []string{"id", "kind", "name", "aliases", "date", "title", "source", "url", "author", "direct", "text"}
	csvEdgeHeader = []string{"from", "rel", "to", "article", "start", "end", "role", "evidence", "rule", "confidence"}
)

// WriteCSV writes src as two RFC 4180 tables into dir (created if needed):
// nodes.csv and edges.csv, each with a header line. See WriteCSVTable for
// the columns.
func WriteCSV(ctx context.Context, dir string, src Source) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("export csv: %w", err)
	}
	for _, t := range []Table{NodesTable, EdgesTable} {
		path := filepath.Join(dir, string(t)+".csv")
		if err := writeFile(path, func(w io.Writer) error { return WriteCSVTable(ctx, w, src, t) }); err != nil {
			return err
		}
	}
	return nil
}

// WriteCSVTable writes one table of src as CSV with a header line.
//
// nodes: id, kind, name, aliases (joined by AliasSeparator), date, title,
// source, url, author, direct (true or empty), text.
// edges: from, rel, to, article, start, end, role, evidence, rule,
// confidence (empty when unknown).
func WriteCSVTable(ctx context.Context, w io.Writer, src Source, t Table) error {
	cw := csv.NewWriter(w)
	var err error
	switch t {
	case NodesTable:
		err = cw.Write(csvNodeHeader)
		if err == nil {
			err = eachNode(ctx, src, func(n graph.Node) error { return cw.Write(csvNodeRow(n)) })
		}
	case EdgesTable:
		err = cw.Write(csvEdgeHeader)
		if err == nil {
			err = eachEdge(ctx, src, func(e graph.Edge) error { return cw.Write(csvEdgeRow(e)) })
		}
	default:
		err = fmt.Errorf("unknown table %q (want nodes or edges)", t)
	}
	if err == nil {
		cw.Flush()
		err = cw.Error()
	}
	if err != nil {
		return fmt.Errorf("export csv %s: %w", t, err)
	}
	return nil
}

func csvNodeRow(n graph.Node) []string {
	return cleanRow([]string{
		n.ID, string(n.Kind), displayName(n), strings.Join(n.Aliases, AliasSeparator),
		n.Date, n.Title, n.Source, n.URL, n.Author, boolCell(n.Direct), n.Text,
	})
}

func csvEdgeRow(e graph.Edge) []string {
	return cleanRow([]string{
		e.From, string(e.Rel), e.To, e.Article, strconv.Itoa(e.Start), strconv.Itoa(e.End),
		e.Role, e.Evidence, e.Rule, floatCell(e.Confidence),
	})
}

// cleanRow makes every cell valid UTF-8 without NUL bytes, which CSV
// readers choke on.
func cleanRow(row []string) []string {
	for i, s := range row {
		row[i] = strings.ReplaceAll(strings.ToValidUTF8(s, "\uFFFD"), "\x00", "\uFFFD")
	}
	return row
}

func boolCell(b bool) string {
	if b {
		return "true"
	}
	return ""
}

func floatCell(f float64) string {
	if f == 0 {
		return ""
	}
	return strconv.FormatFloat(f, 'g', -1, 64)
}

// writeFile creates path and writes it with fn, reporting the first error.
func writeFile(path string, fn func(io.Writer) error) (err error) {
	f, err := os.Create(path)
	if err != nil {
		return fmt.Errorf("export: %w", err)
	}
	defer func() {
		if cerr := f.Close(); err == nil && cerr != nil {
			err = fmt.Errorf("export: %w", cerr)
		}
	}()
	return fn(f)
}
