package export

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/claimgraph/claimgraph/graph"
)

// dgraphPredicates is the Dgraph schema of every predicate WriteNQuads
// writes, by predicate name.
var dgraphPredicates = [][2]string{
	{"id", "string @index(exact) @upsert"},
	{"kind", "string @index(exact)"},
	{"name", "string @index(exact, term, trigram)"},
	{"alias", "[string] @index(exact, term)"},
	{"text", "string @index(fulltext, term)"},
	{"direct", "bool @index(bool)"},
	{"date", "string @index(exact)"},
	{"title", "string @index(term)"},
	{"source", "string @index(exact)"},
	{"url", "string @index(exact)"},
	{"author", "string @index(exact, term)"},
	{string(graph.Said), "[uid] @reverse @count"},
	{string(graph.MemberOf), "[uid] @reverse @count"},
	{string(graph.About), "[uid] @reverse @count"},
	{string(graph.Disputes), "[uid] @reverse @count"},
	{string(graph.Supports), "[uid] @reverse @count"},
	{string(graph.Mentions), "[uid] @reverse @count"},
	{"from", "uid @reverse"},
	{"rel", "string @index(exact)"},
	{"to", "uid @reverse"},
	{"article", "uid @reverse"},
	{"start", "int"},
	{"end", "int"},
	{"role", "string @index(term)"},
	{"evidence", "string @index(fulltext)"},
	{"rule", "string @index(exact)"},
	{"confidence", "float @index(float)"},
}

// dgraphTypes lists the Dgraph types and their fields. WriteNQuads does not
// set dgraph.type (its predicate IRI is not absolute); docs/SCALE.md shows
// the upsert that sets it from the kind predicate.
var dgraphTypes = []struct {
	name   string
	fields []string
}{
	{"Person", []string{"id", "kind", "name", "alias", "said", "member-of", "disputes", "supports"}},
	{"Party", []string{"id", "kind", "name", "alias", "said", "disputes", "supports"}},
	{"Organization", []string{"id", "kind", "name", "alias", "said", "disputes", "supports"}},
	{"Place", []string{"id", "kind", "name", "alias"}},
	{"Event", []string{"id", "kind", "name", "alias"}},
	{"Claim", []string{"id", "kind", "name", "text", "direct", "about", "disputes", "supports"}},
	{"Article", []string{"id", "kind", "name", "date", "title", "source", "url", "author", "text", "mentions"}},
	{"Edge", []string{"kind", "from", "rel", "to", "article", "start", "end", "role", "evidence", "rule", "confidence"}},
}

// WriteDgraphSchema writes the Dgraph schema matching WriteNQuads with the
// same base (empty for DefaultBaseIRI): every predicate with its type and
// indexes (exact and term on name and aliases, fulltext and term on text,
// @reverse on the relations and on the edge resources' from, to and
// article) and one type per node kind plus Edge. Load it with
// `dgraph live -s` or `dgraph bulk -s`.
func WriteDgraphSchema(w io.Writer, base string) error {
	v, err := newRDFVocab(base)
	if err != nil {
		return fmt.Errorf("export dgraph schema: %w", err)
	}
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "# Dgraph schema for claimgraph's RDF export (base %s).\n", v.base)
	for _, p := range dgraphPredicates {
		fmt.Fprintf(bw, "%s: %s .\n", v.pred(p[0]), p[1])
	}
	for _, t := range dgraphTypes {
		fields := make([]string, len(t.fields))
		for i, f := range t.fields {
			fields[i] = "  " + v.pred(f)
		}
		fmt.Fprintf(bw, "\ntype %s {\n%s\n}\n", t.name, strings.Join(fields, "\n"))
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("export dgraph schema: %w", err)
	}
	return nil
}
