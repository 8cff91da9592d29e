package query

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// dumpStatement prints a statement's syntax tree as an S-expression.
func dumpStatement(st *Statement) string {
	var b strings.Builder
	b.WriteString("(statement")
	if st.explain {
		b.WriteString(" explain")
	}
	for _, c := range st.clauses {
		b.WriteString("\n  ")
		dumpClause(&b, c)
	}
	b.WriteString(")")
	return b.String()
}

func dumpClause(b *strings.Builder, c clause) {
	switch c := c.(type) {
	case *matchClause:
		if c.optional {
			b.WriteString("(optional-match")
		} else {
			b.WriteString("(match")
		}
		for _, p := range c.patterns {
			b.WriteString("\n    ")
			dumpPattern(b, p)
		}
		if c.where != nil {
			b.WriteString("\n    (where " + exprString(c.where) + ")")
		}
		b.WriteString(")")
	case *unwindClause:
		fmt.Fprintf(b, "(unwind %s %s)", exprString(c.x), c.name)
	case *withClause:
		b.WriteString("(with")
		dumpProjection(b, c.proj)
		if c.where != nil {
			b.WriteString("\n    (where " + exprString(c.where) + ")")
		}
		b.WriteString(")")
	case *returnClause:
		b.WriteString("(return")
		dumpProjection(b, c.proj)
		b.WriteString(")")
	}
}

func dumpPattern(b *strings.Builder, p *pattern) {
	b.WriteString("(pattern")
	for i, n := range p.nodes {
		if i > 0 {
			r := p.rels[i-1]
			dir := map[relDir]string{dirRight: "->", dirLeft: "<-", dirBoth: "--"}[r.dir]
			fmt.Fprintf(b, " (rel %s %q", dir, r.name)
			for _, t := range r.types {
				b.WriteString(" :" + t.s)
			}
			if r.varLen {
				fmt.Fprintf(b, " *%d..%d", r.min, r.max)
			}
			dumpProps(b, r.props)
			b.WriteString(")")
		}
		fmt.Fprintf(b, " (node %q", n.name)
		for _, l := range n.labels {
			b.WriteString(" :" + l.s)
		}
		dumpProps(b, n.props)
		b.WriteString(")")
	}
	b.WriteString(")")
}

func dumpProps(b *strings.Builder, props []*propPat) {
	for _, p := range props {
		fmt.Fprintf(b, " {%s %s}", p.key, exprString(p.x))
	}
}

func dumpProjection(b *strings.Builder, p *projection) {
	if p.distinct {
		b.WriteString(" distinct")
	}
	if p.star {
		b.WriteString(" *")
	}
	for _, it := range p.items {
		fmt.Fprintf(b, "\n    (item %s", exprString(it.x))
		if it.alias != "" {
			b.WriteString(" as " + it.alias)
		}
		fmt.Fprintf(b, " text=%q)", it.text)
	}
	for _, s := range p.order {
		fmt.Fprintf(b, "\n    (order %s", exprString(s.x))
		if s.desc {
			b.WriteString(" desc")
		}
		b.WriteString(")")
	}
	if p.skip != nil {
		b.WriteString("\n    (skip " + exprString(p.skip) + ")")
	}
	if p.limit != nil {
		b.WriteString("\n    (limit " + exprString(p.limit) + ")")
	}
}

// goldenCase is one input and its output in a golden file.
type goldenCase struct {
	name, input, output string
}

// checkGolden compares the outputs with testdata/file, or rewrites it
// with -update. The file holds "### name", the input, "---", the output.
func checkGolden(t *testing.T, file string, cases []goldenCase) {
	t.Helper()
	var b strings.Builder
	for _, c := range cases {
		fmt.Fprintf(&b, "### %s\n%s\n---\n%s\n\n", c.name, strings.TrimSpace(c.input), strings.TrimRight(c.output, "\n"))
	}
	path := filepath.Join("testdata", file)
	if *update {
		if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	got := parseGolden(b.String())
	exp := parseGolden(string(want))
	for name, out := range got {
		w, ok := exp[name]
		switch {
		case !ok:
			t.Errorf("%s: case %q is not in %s; run go test -update", file, name, path)
		case w != out:
			t.Errorf("%s: case %q:\n got:\n%s\nwant:\n%s", file, name, out, w)
		}
	}
	for name := range exp {
		if _, ok := got[name]; !ok {
			t.Errorf("%s: case %q is in the golden file but not in the test; run go test -update", file, name)
		}
	}
}

func parseGolden(s string) map[string]string {
	out := map[string]string{}
	for _, part := range strings.Split(s, "### ")[1:] {
		name, rest, _ := strings.Cut(part, "\n")
		out[name] = strings.TrimSpace(rest)
	}
	return out
}
