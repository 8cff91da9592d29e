// Package ask answers the everyday questions people bring to a claim graph
// — who said what about whom, who disputes whom, who belongs where, how two
// entities are connected — over the graph.Reader interfaces, so that the CLI
// and the web explorer give the same answers.
package ask
