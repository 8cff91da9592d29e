// Package picture turns Graphviz DOT source (from export.WriteDOT) into SVG
// or PNG with Graphviz's dot program when it is on PATH, or with a built-in
// renderer the caller supplies, and says which one drew it.
//
// It links nothing heavy. The built-in renderer is package render
// (Graphviz compiled to WebAssembly), which costs every run of a program
// that links it about 90 ms and 18 MB at start-up: a program that must
// start fast can leave render out and run a helper program built on
// render.Main through Program.
package picture
