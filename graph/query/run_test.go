package query

import (
	"context"
	"encoding/json"
	"strings"
	"testing"
)

// queryCases run against the test graph; their plans go to
// testdata/explain.golden and their rows to testdata/run.golden.
var queryCases = []struct {
	name   string
	src    string
	params Params
}{
	{"who said what about a party found by its acronym",
		`MATCH (p:Person)-[:SAID]->(c:Claim)-[:ABOUT]->(x {name:"NUM"}) RETURN p.name, c.text`, nil},
	{"party members collected per party",
		`MATCH (p:Person)-[:MEMBER_OF]->(x:Party) RETURN x.name, collect(p.name)`, nil},
	{"who disputes whose claims",
		`MATCH (a)-[:DISPUTES]->(c:Claim)<-[:SAID]-(b) RETURN a.name, b.name, c.text`, nil},
	{"a name parameter resolves through aliases",
		`MATCH (p {name:$n})-[:SAID]->(c:Claim) RETURN c.text, c.date ORDER BY c.text`, Params{"n": "Qadri"}},
	{"an id in the pattern starts from that node",
		`MATCH (p {id: "person/farah-qadri"})-[r:SAID]->(c) RETURN r.article = $a AS first, count(*) ORDER BY first`, Params{"a": art1}},
	{"an id in WHERE starts from that node",
		`MATCH (p)-[:MEMBER_OF]->(x) WHERE p.id = $id RETURN x.name, x.kind`, Params{"id": kotwal}},
	{"a canonical name in WHERE with an entity label uses the alias index",
		`MATCH (p:Person) WHERE p.name = "Omar Velani" RETURN p.id`, nil},
	{"a surname in WHERE compares the canonical name exactly",
		`MATCH (p:Person) WHERE p.name = "Velani" RETURN p.id`, nil},
	{"labels match case-insensitively",
		`MATCH (p:PARTY) RETURN p.name ORDER BY p.name`, nil},
	{"label alternatives",
		`MATCH (o:Party|Organization) RETURN o.kind, o.name ORDER BY o.name`, nil},
	{"relation types in three spellings",
		`MATCH (a)-[r:MEMBER_OF|member-of|member_of]->(b:Organization) RETURN a.name, type(r), r.role`, nil},
	{"an undirected relationship",
		`MATCH (n {name: "PJP"})-[r]-(m) RETURN type(r), m.name ORDER BY type(r), m.name`, nil},
	{"a variable-length path with bounds",
		`MATCH (p:Person)-[:member-of*1..3]->(o) RETURN p.name, o.name ORDER BY p.name, o.name`, nil},
	{"an unbounded variable-length path",
		`MATCH (c:Claim {name: "The mandate is 100% forged"})-[r*]->(x) RETURN x.name, size(r) ORDER BY size(r), x.name`, nil},
	{"a zero-length path includes the start",
		`MATCH (p {name: "Kotwal"})-[:MEMBER_OF*0..1]->(o) RETURN o.name ORDER BY o.name`, nil},
	{"an exact path length",
		`MATCH (p:Person)-[rs:MEMBER_OF*2]->(o) RETURN p.name, o.name, size(rs), rs[1].role`, nil},
	{"two patterns share a variable",
		`MATCH (p:Person)-[:SAID]->(c), (p)-[m:MEMBER_OF]->(party) RETURN DISTINCT p.name, m.role, party.name ORDER BY p.name`, nil},
	{"two match clauses share a variable",
		`MATCH (d)-[:DISPUTES]->(c) MATCH (d)-[:MEMBER_OF]->(party) RETURN DISTINCT d.name, party.name`, nil},
	{"a cycle closes with expand-into",
		`MATCH (p:Person)-[:SAID]->(c)-[:ABOUT]->(x), (p)-[:MEMBER_OF]->(x) RETURN p.name, c.text, x.name`, nil},
	{"a relationship is used once per match",
		`MATCH (a {name: "Haddad"})-[:MEMBER_OF]-(p)-[:MEMBER_OF]-(b) RETURN b.name`, nil},
	{"two members of one party",
		`MATCH (a:Person)-[:MEMBER_OF]->(party)<-[:MEMBER_OF]-(b:Person) WHERE a.name < b.name RETURN a.name, b.name, party.name ORDER BY party.name`, nil},
	{"optional match keeps people without claims",
		`MATCH (p:Person) OPTIONAL MATCH (p)-[:SAID]->(c) RETURN p.name, count(c) AS claims ORDER BY claims DESC, p.name`, nil},
	{"optional match with a where inside",
		`MATCH (p:Person) OPTIONAL MATCH (p)-[:SAID]->(c) WHERE c.direct RETURN p.name, collect(c.text) AS direct ORDER BY p.name`, nil},
	{"where with every comparison",
		`MATCH (c:Claim) WHERE c.date >= "2024-03-10" AND c.date <= "2024-03-12" AND c.date <> "2024-03-11" AND NOT c.date < "2024-03-10" AND NOT c.date > "2024-03-12" RETURN count(*)`, nil},
	{"string operators",
		`MATCH (c:Claim) WHERE c.text CONTAINS "elections" OR c.text STARTS WITH "NUM" OR c.text ENDS WITH "forged" RETURN c.text ORDER BY c.text`, nil},
	{"a regular expression must match the whole string",
		`MATCH (p:Person) WHERE p.name =~ "(?i)f.*i" OR p.name =~ "Lina" RETURN p.name`, nil},
	{"a regular expression from a parameter",
		`MATCH (p:Person) WHERE p.name =~ $re RETURN p.name ORDER BY p.name`, Params{"re": ".*a.*n.*"}},
	{"in a list and is null",
		`MATCH (n) WHERE n.kind IN ["place", "event", "organization"] AND n.date IS NULL AND n.url IS NULL RETURN n.kind, n.name ORDER BY n.kind`, nil},
	{"in a list parameter",
		`MATCH (p:Person) WHERE p.name IN $names RETURN p.name ORDER BY p.name`, Params{"names": []string{"Lina Haddad", "Samir Kotwal", "Nobody"}}},
	{"label predicates in WHERE",
		`MATCH (n {name: "PJP"})-[r]-(m) WHERE (m:Person OR m:Article) AND NOT r:MENTIONS RETURN m.name, type(r) ORDER BY m.name`, nil},
	{"a label in WHERE is used to start from the kind index",
		`MATCH (p)-[:MEMBER_OF]->(x) WHERE x:Organization RETURN p.name, x.name`, nil},
	{"xor",
		`MATCH (c:Claim) WHERE c.direct XOR c.text CONTAINS "NUM" RETURN c.text ORDER BY c.text`, nil},
	{"aggregates",
		`MATCH (p)-[s:SAID]->(c:Claim) RETURN p.name AS who, count(*) AS n, count(DISTINCT s.article) AS articles, min(c.date) AS first, max(c.date) AS last, sum(s.start) AS total, avg(s.end - s.start) AS width ORDER BY n DESC, who`, nil},
	{"aggregates over no rows",
		`MATCH (p:Person {name: "Nobody"}) RETURN count(*), collect(p.name), min(p.name), sum(1), avg(1)`, nil},
	{"grouping by a node",
		`MATCH (p:Person)-[:SAID]->(c) RETURN p, count(c) AS n ORDER BY n DESC LIMIT 1`, nil},
	{"an aggregate in ORDER BY needs an aggregating RETURN",
		`MATCH (p)-[:SAID]->(c) RETURN p.name ORDER BY count(c) DESC, p.name`, nil},
	{"order by an aggregate that is not returned",
		`MATCH (p)-[:SAID]->(c) RETURN p.name, count(*) AS n ORDER BY max(c.date), p.name`, nil},
	{"order by a returned aggregate written again",
		`MATCH (p)-[:SAID]->(c) RETURN p.name, count(*) ORDER BY count(*) DESC, p.name`, nil},
	{"order by a variable that is not returned",
		`MATCH (p:Person) RETURN p.name ORDER BY p.id DESC`, nil},
	{"distinct",
		`MATCH (c:Claim)<-[s:SAID]-() RETURN DISTINCT s.article = $a AS first ORDER BY first`, Params{"a": art1}},
	{"skip and limit",
		`MATCH (n) RETURN n.id ORDER BY n.id SKIP 3 LIMIT 4`, nil},
	{"limit from a parameter",
		`MATCH (n:Person) RETURN n.name ORDER BY n.name LIMIT $n`, Params{"n": 2}},
	{"limit zero",
		`MATCH (n) RETURN n LIMIT 0`, nil},
	{"with filters on an aggregate",
		`MATCH (p)-[:SAID]->(c) WITH p, count(c) AS n WHERE n > 1 RETURN p.name, n ORDER BY n DESC`, nil},
	{"with then match again",
		`MATCH (d:Person)-[:DISPUTES]->(c) WITH DISTINCT d MATCH (d)-[m:MEMBER_OF]->(x) RETURN d.name, m.role, x.name`, nil},
	{"with order and limit before a match",
		`MATCH (c:Claim) WITH c ORDER BY c.text LIMIT 2 MATCH (c)<-[:SAID]-(p) RETURN c.text, p.name`, nil},
	{"unwind a list into lookups",
		`UNWIND ["NUM", "PJP"] AS acronym MATCH (p {name: acronym}) RETURN acronym, p.name`, nil},
	{"return a node, a relationship and a path",
		`MATCH (p {name: "Kotwal"})-[m:MEMBER_OF]->(x)-[path:MEMBER_OF*1]->(y) RETURN p, m, path, y.name`, nil},
	{"return an article and a claim",
		`MATCH (a:Article)-[:MENTIONS]->(p:Person {name: "Qadri"}), (p)-[:SAID]->(c {id: $c}) RETURN a, c`, Params{"c": cid(claimForged)}},
	{"properties of nodes and edges",
		`MATCH (a:Article {title: "Parties trade blame"})-[r:MENTIONS]->(x) RETURN a.date, a.url, a.author, a.source, r.start, r.end, r.evidence, r.rule, r.confidence, x.aliases ORDER BY x.name`, nil},
	{"functions",
		`MATCH (p {name: "NUM"}) RETURN id(p), labels(p), toUpper(p.name), toLower(p.name), size(p.name), size(p.aliases), head(p.aliases), last(p.aliases), coalesce(p.date, "n/a"), toString(1.5), toInteger("42"), toFloat("2.5"), abs(-3), replace(p.name, " ", "_"), split("a,b", ","), substring(p.name, 0, 8), trim("  x "), keys(p)`, nil},
	{"arithmetic and concatenation",
		`RETURN 7 / 2 AS i, 7.0 / 2 AS f, 7 % 3 AS m, -(2 + 3) * 2 AS n, "a" + 1 AS s, [1] + [2, 3] AS l, 2 > 1 = true AS b`, nil},
	{"null propagates",
		`RETURN null = null AS a, null <> 1 AS b, 1 < null AS c, null IN [1] AS d, 1 IN [null, 1] AS e, 2 IN [null, 1] AS f, NOT null AS g, null OR true AS h, null AND false AS i`, nil},
	{"list and map literals and indexing",
		`WITH [1, 2, 3] AS l, {a: {b: "deep"}} AS m RETURN l[0], l[-1], l[5], m.a.b, m["a"]["b"]`, nil},
	{"a claim's date is its earliest article's",
		`MATCH (c:Claim) RETURN c.date AS date, count(*) ORDER BY date`, nil},
	{"start and end nodes of a relationship",
		`MATCH (:Person {name: "Velani"})-[r:MEMBER_OF]->() RETURN startNode(r).name, endNode(r).name`, nil},
	{"return star",
		`MATCH (p {name: "Haddad"})-[r]->(x) RETURN *`, nil},
	{"a missing node by id gives no rows",
		`MATCH (p {id: "person/nobody"}) RETURN p`, nil},
	{"a label that excludes the name gives no rows",
		`MATCH (p:Party {name: "Qadri"}) RETURN p`, nil},
	{"explain returns the plan as rows",
		`EXPLAIN MATCH (p:Person) RETURN p.name LIMIT 1`, nil},
	{"a runtime type error names its position",
		`MATCH (p:Person) RETURN p.name + [1] AS l, p.name - 1 AS x`, nil},
	{"a bad regular expression in a parameter is an error",
		`MATCH (p:Person) WHERE p.name =~ $re RETURN p`, Params{"re": "("}},
	{"a condition that is not a boolean is an error",
		`MATCH (p:Person) WHERE p.name RETURN p`, nil},
	{"a float that is not finite comes out as null",
		`RETURN 1.0 / 0 AS inf, 1 / 2.0 AS half`, nil},
	{"a negative limit is an error",
		`MATCH (p:Person) RETURN p LIMIT $n`, Params{"n": -1}},
}

func TestExplainGolden(t *testing.T) {
	var cases []goldenCase
	for _, c := range queryCases {
		st, err := ParseOne(c.src)
		if err != nil {
			cases = append(cases, goldenCase{c.name, c.src, "error: " + err.Error()})
			continue
		}
		cases = append(cases, goldenCase{c.name, c.src, st.Explain()})
	}
	checkGolden(t, "explain.golden", cases)
}

func TestRunGolden(t *testing.T) {
	g := testGraph(t)
	var cases []goldenCase
	for _, c := range queryCases {
		cases = append(cases, goldenCase{c.name, c.src, runToText(t, g, c.src, c.params)})
	}
	checkGolden(t, "run.golden", cases)
}

// runToText runs src and prints the columns, then one JSON row per line,
// then the error if any.
func runToText(t *testing.T, g interface {
	graphReader
}, src string, p Params) string {
	t.Helper()
	st, err := ParseOne(src)
	if err != nil {
		return "parse error: " + err.Error()
	}
	res, err := Run(context.Background(), g, st, p)
	if err != nil {
		return "run error: " + err.Error()
	}
	var b strings.Builder
	b.WriteString(strings.Join(res.Columns, " | ") + "\n")
	for row, err := range res.Rows {
		if err != nil {
			b.WriteString("error: " + err.Error() + "\n")
			break
		}
		j, err := json.Marshal(row)
		if err != nil {
			t.Fatalf("%s: row does not encode as JSON: %v", src, err)
		}
		b.Write(j)
		b.WriteByte('\n')
	}
	return b.String()
}
