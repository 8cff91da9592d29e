// Package query runs a read-only subset of openCypher over a graph.Reader.
//
// A script is parsed into statements (Parse, ParseOne); each statement is
// checked and planned when it is parsed, so Statement.Explain needs no
// store. Run executes a statement against a graph.Reader and streams its
// rows: a query without aggregation or ORDER BY stops reading the store as
// soon as its LIMIT is reached. Errors in a query are *Error values that
// carry the line and column of the fault, the source line, and a
// suggestion for a misspelt keyword, label, relation type, variable,
// property or function.
//
// The language, the mapping of kinds to labels and relations to types, the
// properties of nodes and edges, the planner and the limits are described
// in docs/QUERY.md.
package query
