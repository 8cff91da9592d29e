package main

import (
	"os"
	"path/filepath"
	"testing"
)

// TestSampleArticlesGolden ingests testdata/articles and compares its
// export in every format with testdata/golden/; -update rewrites them. A change in
// extraction, storage or export shows up here as a reviewable diff.
func TestSampleArticlesGolden(t *testing.T) {
	t.Chdir("../..")
	db := filepath.Join(t.TempDir(), "db")
	if out, code := runCLI("--db", db, "ingest", "testdata/articles"); code != 0 {
		t.Fatalf("ingest failed (%d): %s", code, out)
	}
	out := t.TempDir()
	for _, tc := range []struct{ format, file, dirFile string }{
		{"jsonl", "testdata/golden/articles.jsonl", ""},
		{"json", "testdata/golden/articles.json", ""},
		{"dot", "testdata/golden/articles.dot", ""},
		{"graphml", "testdata/golden/articles.graphml", ""},
		{"rdf", "testdata/golden/articles.nq", ""},
		{"csv", "testdata/golden/articles.edges.csv", "edges.csv"},
		{"neo4j", "testdata/golden/articles.neo4j-nodes.csv", "nodes.csv"},
		{"claimreview", "testdata/golden/articles.claimreview.json", ""},
	} {
		args := []string{"--db", db, "export", "--format", tc.format}
		dir := filepath.Join(out, tc.format)
		if tc.dirFile != "" {
			args = append(args, "--out", dir)
		}
		got, code := runCLI(args...)
		if code != 0 {
			t.Fatalf("export --format %s failed (%d): %s", tc.format, code, got)
		}
		if tc.dirFile != "" {
			b, err := os.ReadFile(filepath.Join(dir, tc.dirFile))
			if err != nil {
				t.Fatal(err)
			}
			got = string(b)
		}
		if *update {
			if err := os.MkdirAll(filepath.Dir(tc.file), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(tc.file, []byte(got), 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(tc.file)
		if err != nil {
			t.Fatalf("%v (run go test ./cmd/claimgraph -run Golden -update)", err)
		}
		if got != string(want) {
			t.Errorf("export --format %s differs from %s (run with -update and review the diff)", tc.format, tc.file)
		}
	}
}
