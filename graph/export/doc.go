// Package export writes a claim graph in the formats people and other tools
// read, and reads the JSONL export back.
//
// Formats:
//
//   - JSONL (WriteJSONL): one JSON object per line, nodes then edges; the
//     lossless backup format, read back by ReadJSONL. Documented field by
//     field in docs/FORMAT.md.
//   - JSON (WriteJSON): the same objects in one document
//     {"nodes":[...],"edges":[...]}.
//   - CSV (WriteCSV, WriteCSVTable): a nodes table and an edges table.
//   - DOT (WriteDOT): Graphviz source for a selected View, styled per kind and
//     relation, with a legend and optional clusters; package
//     graph/export/picture turns it into SVG or PNG with Graphviz's dot, and
//     package graph/export/render also without Graphviz installed.
//   - GraphML (WriteGraphML): for Gephi, yEd and Cytoscape.
//   - RDF N-Quads (WriteNQuads) and a Dgraph schema (WriteDgraphSchema): for
//     Dgraph's live and bulk loaders and any W3C RDF tool.
//   - Neo4j (WriteNeo4j): nodes.csv and relationships.csv for
//     neo4j-admin database import.
//
// Every writer reads a Source: a graph.Reader, which streams the whole graph
// (nothing is held in memory), or a *View made by Select from a Filter
// (focus and depth, relations, kinds, article dates). Output is
// deterministic: nodes in ID order, edges in (From, Rel, To, Article) order,
// so the same graph always gives the same bytes.
//
// Every writer escapes whatever text the articles hold (quotes, backslashes,
// newlines, '<', '&', control characters, invalid UTF-8) so that its output
// always parses with the format's own parser.
package export
