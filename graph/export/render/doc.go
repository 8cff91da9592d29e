// Package render turns Graphviz DOT source (from export.WriteDOT) into SVG
// or PNG: with the dot program when it is on PATH, or in-process with
// github.com/goccy/go-graphviz, Graphviz compiled to WebAssembly, so that a
// user without Graphviz still gets a picture.
//
// It is a package of its own because go-graphviz compiles its WebAssembly
// module when the program starts (about 0.1 s and 20 MB with its cache in
// $TMPDIR/go-graphviz, about 1 s without): only programs that import this
// package pay for that.
package render
