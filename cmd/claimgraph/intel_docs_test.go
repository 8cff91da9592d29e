package main

import (
	"path/filepath"
	"testing"
)

// TestIntelExamples runs the ```console intel examples of
// docs/INTELLIGENCE.md, in order, against a fresh database of
// testdata/intel and compares their output with the document (-update
// rewrites it), like TestConsoleExamples does for the sample articles.
func TestIntelExamples(t *testing.T) {
	t.Chdir("../..")
	db := filepath.Join(t.TempDir(), "db")
	if out, code := runCLI("--db", db, "ingest", "testdata/intel"); code != 0 {
		t.Fatalf("ingest failed (%d): %s", code, out)
	}
	const doc = "docs/INTELLIGENCE.md"
	n := checkConsoleBlocks(t, doc, "intel", db)
	if n < 6 {
		t.Errorf("found %d intel examples in %s, want at least 6", n, doc)
	}
}
