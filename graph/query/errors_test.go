package query

import (
	"context"
	"errors"
	"strings"
	"testing"
)

// errorCases are bad queries with where the fault is and what is said.
var errorCases = []struct {
	name      string
	src       string
	line, col int
	msg, hint string
}{
	{"a misspelt clause keyword", "MATCH (p:Persn) RETRUN p", 1, 17, "unknown keyword RETRUN", "did you mean RETURN?"},
	{"a misspelt label", "MATCH (p:Persn) RETURN p", 1, 10, "unknown label :Persn", "did you mean :Person?"},
	{"an unknown label far from any", "MATCH (p:Spaceship) RETURN p", 1, 10, "unknown label :Spaceship", "labels: Person, Party"},
	{"a misspelt relation type", "MATCH (p)-[:SAIDS]->(c) RETURN c", 1, 13, "unknown relation type :SAIDS", "did you mean :SAID?"},
	{"a misspelt hyphenated relation", "MATCH (p)-[:member-off]->(c) RETURN c", 1, 13, "unknown relation type :member-off", "did you mean :MEMBER_OF?"},
	{"a misspelt keyword on the second line", "MATCH (p:Person)\nWHERE p.name = 'x'\nRETURN p ORDR BY p.name", 3, 10, "unknown keyword ORDR", "did you mean ORDER?"},
	{"a misspelt operator keyword", "MATCH (p) WHERE p.name CONTAIN 'x' RETURN p", 1, 24, "unknown keyword CONTAIN", "did you mean CONTAINS?"},
	{"a misspelt property", "MATCH (p:Person) RETURN p.nmae", 1, 27, "unknown property nmae", "did you mean name?"},
	{"a misspelt property in a pattern", "MATCH (p:Person {nmae: 'x'}) RETURN p", 1, 18, "unknown property nmae", "did you mean name?"},
	{"a misspelt relationship property", "MATCH ()-[r]->() RETURN r.artcle", 1, 27, "unknown property artcle", "did you mean article?"},
	{"an undefined variable", "MATCH (person:Person) RETURN persn.name", 1, 30, "variable persn is not defined", "did you mean person?"},
	{"a misspelt function", "MATCH (p) RETURN colect(p.name)", 1, 18, "unknown function colect()", "did you mean collect()?"},
	{"CREATE is refused by name", "CREATE (p:Person {name: 'x'})", 1, 1, "CREATE is not supported: claimgraph queries are read-only", ""},
	{"MERGE is refused by name", "MERGE (p:Person) RETURN p", 1, 1, "MERGE is not supported", ""},
	{"DELETE after MATCH is refused by name", "MATCH (p) DELETE p", 1, 11, "DELETE is not supported: claimgraph queries are read-only", ""},
	{"DETACH DELETE is refused by name", "MATCH (p) DETACH DELETE p", 1, 11, "DETACH is not supported", ""},
	{"SET is refused by name", "MATCH (p) SET p.name = 'y' RETURN p", 1, 11, "SET is not supported", ""},
	{"REMOVE is refused by name", "MATCH (p) REMOVE p.name", 1, 11, "REMOVE is not supported", ""},
	{"CALL is refused by name", "CALL db.labels()", 1, 1, "CALL is not supported: claimgraph has no procedures", ""},
	{"LOAD CSV is refused by name", "LOAD CSV FROM 'x' AS row RETURN row", 1, 1, "LOAD CSV is not supported", ""},
	{"FOREACH is refused by name", "MATCH (p) FOREACH (x IN [1] | SET p.a = x)", 1, 11, "FOREACH is not supported", ""},
	{"UNION is refused by name", "MATCH (p) RETURN p UNION MATCH (q) RETURN q", 1, 20, "UNION is not supported", ""},
	{"PROFILE is refused by name", "PROFILE MATCH (p) RETURN p", 1, 1, "PROFILE is not supported", ""},
	{"SKIP after LIMIT", "MATCH (p) RETURN p LIMIT 1 SKIP 1", 1, 28, "SKIP is out of place", "then SKIP, then LIMIT"},
	{"a query without RETURN", "MATCH (p:Person)", 1, 17, "a query must end with RETURN", ""},
	{"an empty query", "  // nothing\n", 2, 1, "empty query", ""},
	{"WHERE without MATCH", "WHERE p.name = 1 RETURN p", 1, 1, "WHERE must follow MATCH", ""},
	{"a clause after RETURN", "MATCH (p) RETURN p MATCH (q) RETURN q", 1, 20, "RETURN must be the last clause", ""},
	{"LIMIT before ORDER BY", "MATCH (p) RETURN p LIMIT 1 ORDER BY p.name", 1, 28, "ORDER is out of place", ""},
	{"an unterminated string", "MATCH (p {name: 'Qadri}) RETURN p", 1, 17, "unterminated string", ""},
	{"an unterminated comment", "MATCH (p) /* note RETURN p", 1, 11, "unterminated comment", ""},
	{"curly quotes", "MATCH (p {name: “Qadri”}) RETURN p", 1, 17, "unexpected character", "straight quotes"},
	{"an unclosed node", "MATCH (p:Person RETURN p", 1, 17, "expected ')' to close the node pattern, found keyword RETURN", ""},
	{"an unclosed relationship", "MATCH (p)-[:SAID->(c) RETURN c", 1, 17, "expected ']' to close the relationship", ""},
	{"an arrow both ways", "MATCH (a)<-[:SAID]->(b) RETURN a", 1, 10, "cannot point both ways", ""},
	{"two labels on a node", "MATCH (a:Person:Party) RETURN a", 1, 16, "a node has one kind", "write :A|B"},
	{"empty variable-length bounds", "MATCH (a)-[*3..1]->(b) RETURN a", 1, 10, "bounds *3..1 are empty", ""},
	{"a named path", "MATCH p = (a)-->(b) RETURN p", 1, 7, "named paths", ""},
	{"shortestPath", "MATCH shortestPath((a)-[*]-(b)) RETURN a", 1, 7, "shortestPath is not supported", "path command"},
	{"a pattern predicate in WHERE", "MATCH (a), (b) WHERE (a)-[:SAID]->(b) RETURN a", 1, 23, "pattern predicates are not supported", ""},
	{"an incoming pattern predicate in WHERE", "MATCH (a), (b) WHERE (a)<-[:SAID]-(b) RETURN a", 1, 23, "pattern predicates are not supported", ""},
	{"an aggregate in WHERE", "MATCH (p) WHERE count(p) > 1 RETURN p", 1, 17, "count() is not allowed in WHERE", ""},
	{"a nested aggregate", "MATCH (p) RETURN count(collect(p))", 1, 24, "collect() is not allowed inside another aggregate", ""},
	{"an ungrouped variable next to an aggregate", "MATCH (p)-->(c) RETURN p.name, count(c) + size(c.text)", 1, 48, "c is neither grouped nor aggregated", ""},
	{"ORDER BY a dropped variable after DISTINCT", "MATCH (p) RETURN DISTINCT p.kind ORDER BY p.name", 1, 43, "ORDER BY after DISTINCT or aggregation can use only returned columns, not p", ""},
	{"an unnamed expression in WITH", "MATCH (p) WITH p.name RETURN p", 1, 16, "an expression in WITH needs a name", "add AS name"},
	{"a variable dropped by WITH", "MATCH (p)-->(c) WITH p RETURN c", 1, 31, "variable c is not defined", ""},
	{"a duplicate column", "MATCH (p) RETURN p.name, p.name", 1, 26, "column p.name appears twice", "rename one with AS"},
	{"a relationship reused as a node", "MATCH (a)-[r]->(b), (r) RETURN a", 1, 22, "r is a relationship, not a node", ""},
	{"a relationship variable bound twice", "MATCH (a)-[r]->(b)-[r]->(c) RETURN a", 1, 21, "variable r is already defined", ""},
	{"a property of a path variable", "MATCH (a)-[r*]->(b) RETURN r.role", 1, 30, "cannot read property role of r", ""},
	{"LIMIT with a variable", "MATCH (p) RETURN p LIMIT p", 1, 26, "LIMIT takes a number or a parameter", ""},
	{"a bad regular expression", "MATCH (p) WHERE p.name =~ '(' RETURN p", 1, 27, "invalid regular expression", ""},
	{"a regex on a number literal", "MATCH (p) WHERE p.name =~ 1 RETURN p", 1, 27, "=~ needs a string pattern, not an integer", ""},
	{"a function with too many arguments", "RETURN toLower('a', 'b')", 1, 8, "toLower() takes 1 argument, not 2", ""},
	{"DISTINCT in a scalar function", "RETURN toLower(DISTINCT 'a')", 1, 8, "DISTINCT applies only to aggregates", ""},
	{"star in a function other than count", "MATCH (p) RETURN collect(*)", 1, 18, "only count(*) takes *", ""},
	{"a keyword as a variable", "MATCH (p) RETURN WHERE", 1, 18, "expected an expression, found keyword WHERE", ""},
	{"a number that runs into a name", "RETURN 12abc", 1, 10, "a number runs into a name", ""},
	{"a bad escape", `RETURN "a\qb"`, 1, 10, "unknown escape \\q", ""},
	{"a stray character", "MATCH (p) RETURN p # comment", 1, 20, "unexpected character '#'", ""},
	{"a trailing comma", "MATCH (p) RETURN p,", 1, 20, "expected an expression, found end of input", ""},
	{"OPTIONAL without MATCH", "OPTIONAL (p) RETURN p", 1, 10, "expected MATCH after OPTIONAL", ""},
	{"CASE is not supported", "RETURN CASE WHEN true THEN 1 END", 1, 8, "CASE expressions are not supported", ""},
	{"EXISTS is not supported", "MATCH (p) WHERE EXISTS { (p)-->() } RETURN p", 1, 17, "EXISTS is not supported", ""},
	{"a list slice", "RETURN [1,2,3][0..1]", 1, 17, "list slices are not supported", ""},
	{"a parameter map in a pattern", "MATCH (p $props) RETURN p", 1, 10, "a parameter map in a pattern is not supported", ""},
	{"a relationship property using a new variable", "MATCH (a)-[r {role: b.name}]->(b) RETURN a", 1, 15, "a relationship property in a pattern may use only", ""},
	{"expressions nested too deeply", "RETURN " + strings.Repeat("(", 300) + "1" + strings.Repeat(")", 300), 1, 74, "nested more than 200 deep", ""},
	{"a misspelt label in a predicate", "MATCH (n) WHERE n:Persn RETURN n", 1, 19, "unknown label :Persn", "did you mean :Person?"},
	{"EXPLAIN in the middle", "MATCH (p) EXPLAIN RETURN p", 1, 11, "EXPLAIN must come first", ""},
	{"a fault in the second statement of a script", "MATCH (p) RETURN p;\nMATCH (q) RETURN q.nam", 2, 20, "unknown property nam", "did you mean name?"},
	{"a tab before the fault keeps the caret aligned", "MATCH (p)\tRETRUN p", 1, 11, "unknown keyword RETRUN", ""},
	{"a wide character before the fault counts as one column", "MATCH (é) RETRUN é", 1, 11, "unknown keyword RETRUN", ""},
}

func TestErrorsNameLineColumnAndSuggestion(t *testing.T) {
	for _, c := range errorCases {
		t.Run(c.name, func(t *testing.T) {
			_, err := Parse(c.src)
			var qe *Error
			if !errors.As(err, &qe) {
				t.Fatalf("Parse(%q) = %v, want an *Error", c.src, err)
			}
			if qe.Line != c.line || qe.Col != c.col {
				t.Errorf("position %d:%d, want %d:%d\n%v", qe.Line, qe.Col, c.line, c.col, qe)
			}
			if !strings.Contains(qe.Msg, c.msg) {
				t.Errorf("message %q does not contain %q", qe.Msg, c.msg)
			}
			if !strings.Contains(qe.Hint, c.hint) {
				t.Errorf("hint %q does not contain %q", qe.Hint, c.hint)
			}
			lines := strings.Split(c.src, "\n")
			if qe.Src != lines[c.line-1] {
				t.Errorf("source line %q, want %q", qe.Src, lines[c.line-1])
			}
		})
	}
}

// TestErrorRendering keeps the printed form, caret included, in
// testdata/errors.golden.
func TestErrorRendering(t *testing.T) {
	var cases []goldenCase
	for _, c := range errorCases {
		_, err := Parse(c.src)
		if err == nil {
			t.Fatalf("%s: no error", c.name)
		}
		cases = append(cases, goldenCase{c.name, c.src, err.Error()})
	}
	checkGolden(t, "errors.golden", cases)
}

func TestErrorPrintsTheExampleFromTheIssue(t *testing.T) {
	_, err := Parse("MATCH (p:Persn) RETRUN p")
	want := "line 1, column 17: unknown keyword RETRUN (did you mean RETURN?)\n" +
		"  MATCH (p:Persn) RETRUN p\n" +
		"                  ^"
	if err == nil || err.Error() != want {
		t.Fatalf("got\n%v\nwant\n%s", err, want)
	}
}

func TestAMissingParameterIsAnErrorBeforeRunning(t *testing.T) {
	st, err := ParseOne("MATCH (p {name: $who}) RETURN p")
	if err != nil {
		t.Fatal(err)
	}
	_, err = Run(context.Background(), testGraph(t), st, Params{"other": 1})
	var qe *Error
	if !errors.As(err, &qe) || qe.Col != 17 || !strings.Contains(qe.Msg, "parameter $who is not set") {
		t.Fatalf("got %v, want parameter $who is not set at column 17", err)
	}
}
