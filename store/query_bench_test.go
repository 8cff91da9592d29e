package store

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/ask"
	"github.com/claimgraph/claimgraph/graph/query"
)

// The query benchmarks run over one real database of a little over a
// million edges in which one speaker has said 10,000 claims. Building it
// takes about half a minute, so it is built once per test process, the
// first time a benchmark needs it, and removed by TestMain.
const (
	bigArticles   = 35_000
	bigClaims     = 10 // per article
	bigHubEvery   = 35 // every 35th claim is the hub's: 10,000 in all
	bigPeople     = 3_000
	bigTopics     = 300
	bigHubName    = "Hub Speaker"
	bigWantEdges  = 1_000_000
	bigWantClaims = bigArticles * bigClaims / bigHubEvery
)

// bigDB is the shared database; its directory is removed after the tests.
type bigDB struct {
	once sync.Once
	dir  string
	err  error
}

var big bigDB // the fixture of this test process, built on first use

func TestMain(m *testing.M) {
	code := m.Run()
	if big.dir != "" {
		_ = os.RemoveAll(big.dir)
	}
	os.Exit(code)
}

// bigStore returns the directory of the shared database, building it on
// first use.
func bigStore(b *testing.B) string {
	b.Helper()
	big.once.Do(func() { big.dir, big.err = buildBig() })
	if big.err != nil {
		b.Fatal(big.err)
	}
	return big.dir
}

func buildBig() (string, error) {
	dir, err := os.MkdirTemp("", "claimgraph-bench-")
	if err != nil {
		return "", err
	}
	db, err := Open(dir, Options{})
	if err != nil {
		return dir, err
	}
	s, err := db.BeginWrites()
	if err != nil {
		return dir, err
	}
	rng := rand.New(rand.NewPCG(11, 12))
	people := rand.NewZipf(rng, 1.1, 2, bigPeople-1)
	ctx := context.Background()
	var batch []graph.Subgraph
	for a := range bigArticles {
		batch = append(batch, bigArticle(a, rng, people))
		if len(batch) == 250 || a == bigArticles-1 {
			if _, err := s.Write(ctx, batch); err != nil {
				return dir, err
			}
			batch = nil
		}
	}
	st, err := s.Close()
	if err != nil {
		return dir, err
	}
	if st.Edges < bigWantEdges {
		return dir, fmt.Errorf("the benchmark graph has %d edges, want at least %d", st.Edges, bigWantEdges)
	}
	return dir, db.Close()
}

// bigArticle is article a: ten claims, each said by someone and about a
// topic, and the article's mentions of them.
func bigArticle(a int, rng *rand.Rand, people *rand.Zipf) graph.Subgraph {
	text := fmt.Sprintf("Report %d. A short article body standing for the text the spans point into.", a)
	art := graph.Node{ID: graph.ArticleID([]byte(text)), Kind: graph.Article, Name: fmt.Sprintf("Report %d", a),
		Date: fmt.Sprintf("2024-%02d-%02d", 1+a%12, 1+a%28), Text: text}
	sub := graph.Subgraph{Article: art.ID, Nodes: []graph.Node{art}}
	seen := map[string]bool{}
	entity := func(k graph.Kind, name string) string {
		id := graph.EntityID(k, name)
		if !seen[id] {
			seen[id] = true
			sub.Nodes = append(sub.Nodes, graph.Node{ID: id, Kind: k, Name: name})
			sub.Edges = append(sub.Edges, graph.Edge{From: art.ID, Rel: graph.Mentions, To: id, Article: art.ID,
				Start: 0, End: 6, Rule: "mention", Confidence: 0.9})
		}
		return id
	}
	for c := range bigClaims {
		speaker := bigHubName
		if (a*bigClaims+c)%bigHubEvery != 0 {
			speaker = fmt.Sprintf("Person %d", 1+people.Uint64())
		}
		from := entity(graph.Person, speaker)
		to := entity(graph.Place, fmt.Sprintf("Topic %d", rng.IntN(bigTopics)))
		claimText := fmt.Sprintf("claim %d of report %d on the budget", c, a)
		id := graph.ClaimID(claimText)
		sub.Nodes = append(sub.Nodes, graph.Node{ID: id, Kind: graph.Claim, Name: claimText, Text: claimText})
		sub.Edges = append(sub.Edges,
			graph.Edge{From: from, Rel: graph.Said, To: id, Article: art.ID, Start: 0, End: 6,
				Evidence: "Report said.", Rule: "quote-cue", Confidence: 0.9},
			graph.Edge{From: id, Rel: graph.About, To: to, Article: art.ID, Start: 0, End: 6,
				Rule: "about-near", Confidence: 0.7})
	}
	return sub
}

// openBig opens the shared database read-only, as a one-shot CLI query does.
func openBig(b *testing.B) *DB {
	b.Helper()
	db, err := Open(bigStore(b), Options{ReadOnly: true})
	if err != nil {
		b.Fatal(err)
	}
	return db
}

// BenchmarkSaidBy10kClaims is `said --by` on a speaker with 10,000 claims
// in a database of over a million edges: all of them, and the first 20 (a
// read-only open and close included, as in one CLI run).
func BenchmarkSaidBy10kClaims(b *testing.B) {
	ctx := context.Background()
	for _, c := range []struct {
		name  string
		limit int
	}{{"all", 0}, {"first20-with-open", 20}} {
		b.Run(c.name, func(b *testing.B) {
			bigStore(b)
			var db *DB
			if c.limit == 0 {
				db = openBig(b)
				defer db.Close()
			}
			for b.Loop() {
				if c.limit > 0 {
					db = openBig(b)
				}
				n := 0
				for _, err := range ask.Said(ctx, db, ask.SaidQuery{By: bigHubName}) {
					if err != nil {
						b.Fatal(err)
					}
					if n++; n == c.limit {
						break
					}
				}
				if want := max(c.limit, 0); (want == 0 && n != bigWantClaims) || (want > 0 && n != want) {
					b.Fatalf("said --by %q gave %d rows", bigHubName, n)
				}
				if c.limit > 0 {
					if err := db.Close(); err != nil {
						b.Fatal(err)
					}
				}
			}
		})
	}
}

// BenchmarkTwoHopMillionEdges runs the Cypher pattern speaker -> claim ->
// topic from the hub with LIMIT 100, and the whole count per topic, over
// the database of over a million edges.
func BenchmarkTwoHopMillionEdges(b *testing.B) {
	ctx := context.Background()
	for _, c := range []struct {
		name, src string
		rows      int
	}{
		{"limit100", `MATCH (p:Person {name: $n})-[:SAID]->(c:Claim)-[:ABOUT]->(t) RETURN c.text, t.name LIMIT 100`, 100},
		{"count-per-topic", `MATCH (p:Person {name: $n})-[:SAID]->(c:Claim)-[:ABOUT]->(t) RETURN t.name, count(*)`, -1},
	} {
		b.Run(c.name, func(b *testing.B) {
			db := openBig(b)
			defer db.Close()
			st, err := query.ParseOne(c.src)
			if err != nil {
				b.Fatal(err)
			}
			for b.Loop() {
				res, err := query.Run(ctx, db, st, query.Params{"n": bigHubName})
				if err != nil {
					b.Fatal(err)
				}
				n := 0
				for _, err := range res.Rows {
					if err != nil {
						b.Fatal(err)
					}
					n++
				}
				if (c.rows > 0 && n != c.rows) || n == 0 {
					b.Fatalf("got %d rows, want %d", n, c.rows)
				}
			}
		})
	}
}

// BenchmarkOpenReadOnly opens the shared database read-only and closes
// it, as every one-shot command does; the tables it counts are what the
// open time follows (docs/PERFORMANCE.md). $CLAIMGRAPH_BENCH_DB names
// another database to open instead, such as one of `make scale`'s.
func BenchmarkOpenReadOnly(b *testing.B) {
	dir := os.Getenv("CLAIMGRAPH_BENCH_DB")
	if dir == "" {
		dir = bigStore(b)
	}
	tables, _ := filepath.Glob(filepath.Join(dir, "*.sst"))
	b.ReportMetric(float64(len(tables)), "tables")
	b.ResetTimer()
	for b.Loop() {
		db, err := Open(dir, Options{ReadOnly: true})
		if err != nil {
			b.Fatal(err)
		}
		if err := db.Close(); err != nil {
			b.Fatal(err)
		}
	}
}
