package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the outputs of the console examples in README.md and docs/")

// consoleBlock matches a ```console block (```console TAG when tag is not
// empty): a "$ claimgraph ARGS" line, then the output it prints. Each tag
// names the test data its examples run against.
func consoleBlock(tag string) *regexp.Regexp {
	if tag != "" {
		tag = " " + regexp.QuoteMeta(tag)
	}
	return regexp.MustCompile("(?s)```console" + tag + "\n\\$ (claimgraph [^\n]*)\n(.*?)```\n")
}

// TestConsoleExamples runs every ```console example in the README and the
// docs against the sample articles (ingested from testdata/articles into a
// fresh database) and compares what the real command prints with what the
// document shows, so the documents never go stale. -update rewrites them.
func TestConsoleExamples(t *testing.T) {
	t.Chdir("../..")
	db := filepath.Join(t.TempDir(), "db")
	if out, code := runCLI("--db", db, "ingest", "testdata/articles"); code != 0 {
		t.Fatalf("ingest failed (%d): %s", code, out)
	}
	total := 0
	for _, doc := range []string{"README.md", "docs/QUERY.md"} {
		total += checkConsoleBlocks(t, doc, "", db)
	}
	if total < 8 {
		t.Errorf("found %d console examples, want at least 8", total)
	}
}

// checkConsoleBlocks runs the console blocks of doc tagged tag against the
// database db, in order, reports each whose output differs (or rewrites it
// under -update), and returns how many it ran.
func checkConsoleBlocks(t *testing.T, doc, tag, db string) int {
	t.Helper()
	raw, err := os.ReadFile(doc)
	if err != nil {
		t.Fatal(err)
	}
	src := string(raw)
	var b strings.Builder
	last, n := 0, 0
	for _, m := range consoleBlock(tag).FindAllStringSubmatchIndex(src, -1) {
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
	return n
}

// runCLI runs the command in process and returns its standard output and
// error together, and the exit code.
func runCLI(args ...string) (string, int) {
	var out bytes.Buffer
	code := run(args, strings.NewReader(""), &out, &out)
	return out.String(), code
}

// splitArgs splits a command line the way a POSIX shell would for the
// quoting the documents use: single quotes, double quotes, backslashes.
func splitArgs(s string) ([]string, error) {
	var args []string
	var cur strings.Builder
	inArg := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == ' ' || c == '\t':
			if inArg {
				args = append(args, cur.String())
				cur.Reset()
				inArg = false
			}
		case c == '\'':
			j := strings.IndexByte(s[i+1:], '\'')
			if j < 0 {
				return nil, fmt.Errorf("unclosed single quote")
			}
			cur.WriteString(s[i+1 : i+1+j])
			i += j + 1
			inArg = true
		case c == '"':
			j := i + 1
			for ; j < len(s) && s[j] != '"'; j++ {
				if s[j] == '\\' && j+1 < len(s) {
					j++
				}
				cur.WriteByte(s[j])
			}
			if j >= len(s) {
				return nil, fmt.Errorf("unclosed double quote")
			}
			i = j
			inArg = true
		case c == '\\' && i+1 < len(s):
			i++
			cur.WriteByte(s[i])
			inArg = true
		default:
			cur.WriteByte(c)
			inArg = true
		}
	}
	if inArg {
		args = append(args, cur.String())
	}
	return args, nil
}

func TestSplitArgsFollowsShellQuoting(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{`said --by "Helena Marsh"`, []string{"said", "--by", "Helena Marsh"}},
		{`query 'MATCH (p {name: "X"}) RETURN p'`, []string{"query", `MATCH (p {name: "X"}) RETURN p`}},
		{`path Lind\ Oskar x`, []string{"path", "Lind Oskar", "x"}},
	}
	for _, tc := range tests {
		got, err := splitArgs(tc.in)
		if err != nil || strings.Join(got, "|") != strings.Join(tc.want, "|") {
			t.Errorf("splitArgs(%q) = %q, %v; want %q", tc.in, got, err, tc.want)
		}
	}
	if _, err := splitArgs(`'open`); err == nil {
		t.Error("an unclosed quote is not an error")
	}
}
