// Package render draws Graphviz DOT in-process with
// github.com/goccy/go-graphviz (Graphviz compiled to WebAssembly, no cgo),
// so that a user without Graphviz still gets a picture; Render uses
// Graphviz's dot program instead when it is on PATH.
//
// Linking this package costs every run of the program about 90 ms and
// 18 MB: go-graphviz compiles and instantiates its WebAssembly module in
// its package initialisation (about 1 s when its compilation cache in
// $TMPDIR/go-graphviz is missing). A program that must start fast can use
// package picture, which links nothing heavy, and run a small helper
// program built on Main through picture.Program for the built-in
// rendering.
package render
