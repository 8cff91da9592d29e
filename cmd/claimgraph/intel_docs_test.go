package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// intelBlock is a ```console intel block of docs/INTELLIGENCE.md: an
// example run against the articles of testdata/intel.
var intelBlock = regexp.MustCompile("(?s)```console intel\n\\$ (claimgraph [^\n]*)\n(.*?)```\n")

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
	raw, err := os.ReadFile(doc)
	if err != nil {
		t.Fatal(err)
	}
	src := string(raw)
	var b strings.Builder
	last, n := 0, 0
	for _, m := range intelBlock.FindAllStringSubmatchIndex(src, -1) {
		n++
		line := src[m[2]:m[3]]
		args, err := splitArgs(strings.TrimPrefix(line, "claimgraph "))
		if err != nil {
			t.Fatalf("%s: %q: %v", doc, line, err)
		}
		got, _ := runCLI(append([]string{"--db", db}, args...)...)
		if want := src[m[4]:m[5]]; got != want && !*update {
			t.Errorf("%s: `%s` prints:\n%s\nbut the document shows:\n%s", doc, line, got, want)
		}
		b.WriteString(src[last:m[4]])
		b.WriteString(got)
		last = m[5]
	}
	b.WriteString(src[last:])
	if *update && b.String() != src {
		if err := os.WriteFile(doc, []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if n < 6 {
		t.Errorf("found %d intel examples in %s, want at least 6", n, doc)
	}
}
