package query

import (
	"testing"
)

// parseCases cover the grammar: patterns, directions, variable lengths,
// labels, properties, every operator, projections and comments.
var parseCases = []struct{ name, src string }{
	{"a node with a label and a property", `MATCH (p:Person {name: "Farah Qadri"}) RETURN p`},
	{"a chain in both directions", `MATCH (p:Person)-[:SAID]->(c:Claim)<-[:DISPUTES]-(d) RETURN p, c, d`},
	{"an undirected relationship", `MATCH (a)-[r]-(b) RETURN r`},
	{"short relationship forms", `MATCH (a)-->(b)<--(c)--(d) RETURN a`},
	{"alternative types with and without colons", `MATCH (a)-[r:said|supports|:DISPUTES]->(b) RETURN r`},
	{"a hyphenated relation type", `MATCH (a)-[:member-of]->(b) RETURN b`},
	{"variable length with both bounds", `MATCH (a)-[:member-of*1..3]->(b) RETURN b`},
	{"variable length unbounded", `MATCH (a)-[*]->(b) RETURN b`},
	{"variable length exact", `MATCH (a)-[r*2]->(b) RETURN r`},
	{"variable length upper bound only", `MATCH (a)-[*..3]->(b) RETURN b`},
	{"variable length lower bound only", `MATCH (a)-[*0..]->(b) RETURN b`},
	{"label alternatives", `MATCH (o:Party|Organization) RETURN o`},
	{"comma-separated patterns", `MATCH (a:Person), (b:Party) RETURN a, b`},
	{"optional match", `MATCH (p:Person) OPTIONAL MATCH (p)-[:SAID]->(c) RETURN p, c`},
	{"where with precedence", `MATCH (n) WHERE n.a = 1 OR n.b = 2 AND NOT n.c = 3 XOR n.d RETURN n`},
	{"every comparison", `MATCH (n) WHERE n.a <> 1 AND n.b < 2 AND n.c <= 3 AND n.d > 4 AND n.e >= 5 RETURN n`},
	{"string operators", `MATCH (n) WHERE n.name CONTAINS "a" AND n.name STARTS WITH "b" AND n.name ENDS WITH "c" AND n.name =~ "d.*" RETURN n`},
	{"in and null tests", `MATCH (n) WHERE n.kind IN ["person", "party"] AND n.date IS NULL AND n.text IS NOT NULL RETURN n`},
	{"arithmetic precedence", `RETURN 1 + 2 * 3 - -4 / 2 % 3 AS x`},
	{"literals", `RETURN 1, 1.5, 2e3, 0x1F, "dq", 'sq', 'it\'s', "\u00e9", true, FALSE, null, [1, [2]], {a: 1, b: "x"}`},
	{"parameters", `MATCH (p {name: $name}) WHERE p.date > $since RETURN p LIMIT $n`},
	{"aggregates", `MATCH (p)-->(c) RETURN p.name AS who, count(*), count(DISTINCT c), collect(c.text), min(c.date), max(c.date), sum(1), avg(2)`},
	{"order skip limit", `MATCH (p) RETURN p.name ORDER BY p.name DESC, p.id ASC SKIP 2 LIMIT 10`},
	{"distinct", `MATCH (p) RETURN DISTINCT p.kind`},
	{"return star", `MATCH (p)-[r]->(q) RETURN *`},
	{"with and where", `MATCH (p)-[:SAID]->(c) WITH p, count(c) AS n WHERE n > 1 RETURN p.name, n ORDER BY n DESC`},
	{"unwind", `UNWIND ["NUM", "PJP"] AS name MATCH (p {name: name}) RETURN p`},
	{"explain", `EXPLAIN MATCH (p:Person) RETURN p`},
	{"comments everywhere", "// who\nMATCH /* any */ (p:Person) // people\nRETURN p.name /* done */"},
	{"keywords in any case", `match (p:person) where p.name starts with "F" return distinct p.name order by p.name desc limit 1`},
	{"backquoted names", "MATCH (`the node`:`Person`) RETURN `the node`.`name` AS `the name`"},
	{"property access on an index", `MATCH (a)-[r*1..2]->(b) RETURN r[0].article, size(r)`},
	{"function calls", `MATCH (p) RETURN toLower(p.name), coalesce(p.date, "unknown"), size(p.aliases), id(p)`},
	{"label predicates", `MATCH (n)-[r]->(m) WHERE n:Person AND NOT m:Party|Organization AND r:SAID RETURN n`},
	{"a byte order mark is blank", "\uFEFFMATCH (n) RETURN n"},
	{"parenthesised expressions", `MATCH (n) WHERE (n.a = 1 OR n.b = 2) AND n.c = 3 RETURN n`},
}

func TestParseGolden(t *testing.T) {
	var cases []goldenCase
	for _, c := range parseCases {
		sts, err := parse(c.src, false)
		out := ""
		switch {
		case err != nil:
			out = "error: " + err.Error()
		case len(sts) != 1:
			out = "error: not one statement"
		default:
			out = dumpStatement(sts[0])
		}
		cases = append(cases, goldenCase{c.name, c.src, out})
	}
	checkGolden(t, "parse.golden", cases)
}

func TestParseSplitsAScriptIntoStatements(t *testing.T) {
	src := "MATCH (p:Party) RETURN p.name ORDER BY p.name; // parties first\nMATCH (e:Event) RETURN e.name;\n;\n"
	sts, err := Parse(src)
	if err != nil {
		t.Fatal(err)
	}
	if len(sts) != 2 {
		t.Fatalf("got %d statements, want 2", len(sts))
	}
	want := []string{"MATCH (p:Party) RETURN p.name ORDER BY p.name", "MATCH (e:Event) RETURN e.name"}
	for i, st := range sts {
		if st.Text() != want[i] {
			t.Errorf("statement %d text = %q, want %q", i, st.Text(), want[i])
		}
	}
}

func TestParseOneRefusesAScriptOfTwo(t *testing.T) {
	_, err := ParseOne("RETURN 1; RETURN 2")
	qe, ok := err.(*Error)
	if !ok || qe.Col != 11 {
		t.Fatalf("got %v, want an *Error at column 11", err)
	}
}

func TestColumnsAreAliasesOrTheTextAsWritten(t *testing.T) {
	st, err := ParseOne(`MATCH (p:Person)-[:SAID]->(c) RETURN p.name, count( * ), c.text AS claim, p`)
	if err != nil {
		t.Fatal(err)
	}
	got := st.Columns()
	want := []string{"p.name", "count( * )", "claim", "p"}
	if len(got) != len(want) {
		t.Fatalf("columns %q, want %q", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("column %d = %q, want %q", i, got[i], want[i])
		}
	}
}
