package main

import (
	"os"
	"path/filepath"
	"testing"
)

// TestSampleArticlesGolden ingests testdata/articles and compares the JSONL
// and DOT exports with testdata/golden/; -update rewrites them. A change in
// extraction, storage or export shows up here as a reviewable diff.
func TestSampleArticlesGolden(t *testing.T) {
	t.Chdir("../..")
	db := filepath.Join(t.TempDir(), "db")
	if out, code := runCLI("--db", db, "ingest", "testdata/articles"); code != 0 {
		t.Fatalf("ingest failed (%d): %s", code, out)
	}
	for _, tc := range []struct{ format, file string }{
		{"jsonl", "testdata/golden/articles.jsonl"},
		{"dot", "testdata/golden/articles.dot"},
	} {
		got, code := runCLI("--db", db, "export", "--format", tc.format)
		if code != 0 {
			t.Fatalf("export --format %s failed (%d): %s", tc.format, code, got)
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
