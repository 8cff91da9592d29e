// Package web is the local claim explorer that `claimgraph serve` runs: HTML
// pages to search the graph, read an entity's claims as a timeline, see who
// said, supports or disputes a claim, read an article with every extracted
// quote highlighted and attributed, and click through the neighbourhood of
// an entity drawn as SVG; and a JSON API under /api/ that the pages and
// scripts share.
//
// Every page is rendered with html/template, so article text, names and
// quotes are escaped wherever they appear; the SVG drawn by Graphviz is
// re-serialised through an allow-list of elements and attributes before it
// is embedded. Templates, CSS and JavaScript are embedded in the binary and
// nothing is fetched from elsewhere at run time. The handler only reads:
// it takes a graph.Reader, and queries run read-only with a time limit.
//
// Routes:
//
//	GET  /                           search box, top speakers, latest articles
//	GET  /search?q=                  entities by name or alias, claims by words
//	GET  /query?cypher=              a Cypher console: runs the query, shows a table
//	GET  /{kind}/{slug}              a node's page: /person/jane-roe, /claim/ab12…, /article/cd34…
//	GET  /node/{id}, /entity/{id}    the same, by full ID (/node/person/jane-roe)
//	GET  /static/…                   the embedded CSS and JavaScript
//	GET  /api/search?q=              {"query", "entities": [...], "claims": [...]}
//	GET  /api/node/{id}              {"node", "url", "out": [...], "in": [...]}
//	GET  /api/said?by=&about=&since=&until=&article=&limit=
//	                                 [{"date", "speaker", "claim", "direct", "article", ...}]
//	POST /api/query                  Cypher text (text/plain) or {"query", "params"} (JSON)
//	                                 -> {"columns": [...], "rows": [{...}], "truncated"}
//	GET  /api/export?format=dot|svg|jsonl|json|graphml&focus=&depth=&rel=&kind=&since=&until=
//
// Errors from /api/ are JSON objects {"error": "...", "status": N} with a
// status that fits: 400 bad input (a query error adds line, column and
// hint), 300 a name that means several nodes (with "candidates"), 404
// unknown node or name, 405 wrong method, 413 body too large, 421 a Host
// the server does not answer to, 504 timeout.
package web
