package query

import (
	"context"
	"errors"
	"fmt"
	"iter"
	"strings"
	"testing"
	"time"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/mem"
)

// countingReader counts what the store yields and can cancel the run
// after a number of reads.
type countingReader struct {
	graph.Reader
	nodes, edges int
	cancelAfter  int
	cancel       context.CancelFunc
}

func (c *countingReader) read() {
	if c.cancel != nil && c.nodes+c.edges >= c.cancelAfter {
		c.cancel()
	}
}

func (c *countingReader) Nodes(ctx context.Context) iter.Seq2[graph.Node, error] {
	return countSeq(c.Reader.Nodes(ctx), func() { c.nodes++; c.read() })
}

func (c *countingReader) NodesOfKind(ctx context.Context, k graph.Kind) iter.Seq2[graph.Node, error] {
	return countSeq(c.Reader.NodesOfKind(ctx, k), func() { c.nodes++; c.read() })
}

func (c *countingReader) Neighbors(ctx context.Context, id string, dir graph.Direction, rels ...graph.Rel) iter.Seq2[graph.Edge, error] {
	return countSeq(c.Reader.Neighbors(ctx, id, dir, rels...), func() { c.edges++; c.read() })
}

func countSeq[T any](seq iter.Seq2[T, error], count func()) iter.Seq2[T, error] {
	return func(yield func(T, error) bool) {
		for v, err := range seq {
			count()
			if !yield(v, err) {
				return
			}
		}
	}
}

// wideGraph has n people who each said k claims and belong to one of ten
// parties.
func wideGraph(t testing.TB, n, k int) *mem.Graph {
	t.Helper()
	var sub graph.Subgraph
	for i := range 10 {
		sub.Nodes = append(sub.Nodes, graph.Node{ID: fmt.Sprintf("party/p%d", i), Kind: graph.Party, Name: fmt.Sprintf("Party %d", i)})
	}
	for i := range n {
		pid := fmt.Sprintf("person/x%05d", i)
		sub.Nodes = append(sub.Nodes, graph.Node{ID: pid, Kind: graph.Person, Name: fmt.Sprintf("Person %d", i)})
		sub.Edges = append(sub.Edges, graph.Edge{From: pid, Rel: graph.MemberOf, To: fmt.Sprintf("party/p%d", i%10), Article: "article/a"})
		for j := range k {
			text := fmt.Sprintf("claim %d of person %d", j, i)
			sub.Nodes = append(sub.Nodes, graph.Node{ID: graph.ClaimID(text), Kind: graph.Claim, Name: text, Text: text})
			sub.Edges = append(sub.Edges, graph.Edge{From: pid, Rel: graph.Said, To: graph.ClaimID(text), Article: "article/a"})
		}
	}
	g := mem.New()
	if _, err := g.Write(context.Background(), []graph.Subgraph{sub}); err != nil {
		t.Fatal(err)
	}
	return g
}

func mustRun(t *testing.T, r graph.Reader, src string, opt Options) ([][]any, error) {
	t.Helper()
	return mustRunCtx(t, context.Background(), r, src, opt)
}

func mustRunCtx(t *testing.T, ctx context.Context, r graph.Reader, src string, opt Options) ([][]any, error) {
	t.Helper()
	st, err := ParseOne(src)
	if err != nil {
		t.Fatal(err)
	}
	res, err := RunWith(ctx, r, st, nil, opt)
	if err != nil {
		return nil, err
	}
	return res.All()
}

func TestLimitStopsReadingTheStoreEarly(t *testing.T) {
	g := wideGraph(t, 500, 4)
	cases := []struct {
		name     string
		src      string
		rows     int
		maxReads int
	}{
		{"a kind scan", `MATCH (p:Person) RETURN p.name LIMIT 10`, 10, 10},
		{"a full scan", `MATCH (n) RETURN n.id LIMIT 10`, 10, 10},
		{"a two-hop pattern", `MATCH (x:Party)<-[:MEMBER_OF]-(p)-[:SAID]->(c) RETURN c.text LIMIT 10`, 10, 20},
		{"a distinct projection", `MATCH (p:Person)-[:SAID]->(c) RETURN DISTINCT p.name LIMIT 3`, 3, 20},
		{"skip and limit", `MATCH (p:Person) RETURN p.name SKIP 5 LIMIT 5`, 5, 10},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := &countingReader{Reader: g}
			rows, err := mustRun(t, r, c.src, Options{})
			if err != nil {
				t.Fatal(err)
			}
			if len(rows) != c.rows {
				t.Errorf("got %d rows, want %d", len(rows), c.rows)
			}
			if r.nodes+r.edges > c.maxReads {
				t.Errorf("read %d nodes and %d edges for %d rows; want at most %d reads", r.nodes, r.edges, len(rows), c.maxReads)
			}
		})
	}
}

func TestStoppingTheRowsStopsTheStore(t *testing.T) {
	g := wideGraph(t, 200, 2)
	r := &countingReader{Reader: g}
	st, _ := ParseOne(`MATCH (p:Person)-[:SAID]->(c) RETURN c.text`)
	res, err := Run(context.Background(), r, st, nil)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, err := range res.Rows {
		if err != nil {
			t.Fatal(err)
		}
		if n++; n == 3 {
			break
		}
	}
	if r.nodes > 2 || r.edges > 3 {
		t.Errorf("read %d nodes and %d edges for three rows", r.nodes, r.edges)
	}
}

func TestAnExpiredDeadlineSaysTheTimeoutWasHit(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), time.Nanosecond)
	defer cancel()
	<-ctx.Done()
	_, err := mustRunCtx(t, ctx, testGraph(t), `MATCH (n) RETURN n`, Options{})
	if !errors.Is(err, context.DeadlineExceeded) || !strings.Contains(err.Error(), "timed out") {
		t.Fatalf("got %v, want a timeout error wrapping context.DeadlineExceeded", err)
	}
}

func TestATimeoutCauseIsKeptInTheError(t *testing.T) {
	ctx, cancel := context.WithTimeoutCause(context.Background(), time.Nanosecond, errors.New("query timed out after 1ns (raise --timeout)"))
	defer cancel()
	<-ctx.Done()
	_, err := mustRunCtx(t, ctx, testGraph(t), `MATCH (n) RETURN n`, Options{})
	if !errors.Is(err, context.DeadlineExceeded) || !strings.Contains(err.Error(), "raise --timeout") {
		t.Fatalf("got %v, want the cause and context.DeadlineExceeded", err)
	}
}

func TestCancelingMidwayStopsTheRun(t *testing.T) {
	g := wideGraph(t, 2000, 1)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	r := &countingReader{Reader: g, cancelAfter: 300, cancel: cancel}
	_, err := mustRunCtx(t, ctx, r, `MATCH (p:Person)-[:SAID]->(c) RETURN count(*)`, Options{})
	if !errors.Is(err, context.Canceled) || !strings.Contains(err.Error(), "canceled") {
		t.Fatalf("got %v, want a cancellation error", err)
	}
	if r.nodes+r.edges > 300+256 {
		t.Errorf("read %d nodes and %d edges after canceling at 300", r.nodes, r.edges)
	}
}

func TestVariableLengthLimits(t *testing.T) {
	g := testGraph(t)
	t.Run("the expansion cap is an error that names it", func(t *testing.T) {
		_, err := mustRun(t, g, `MATCH (a)-[*]-(b) RETURN count(*)`, Options{MaxExpand: 50})
		var qe *Error
		if !errors.As(err, &qe) || !strings.Contains(qe.Msg, "more than 50 relationships") {
			t.Fatalf("got %v, want the expansion cap error", err)
		}
	})
	t.Run("an unbounded pattern stops at MaxHops", func(t *testing.T) {
		rows, err := mustRun(t, g, `MATCH (p {name: "Kotwal"})-[r:MEMBER_OF*]->(o) RETURN max(size(r))`, Options{MaxHops: 1})
		if err != nil {
			t.Fatal(err)
		}
		if rows[0][0] != int64(1) {
			t.Errorf("longest path %v, want 1", rows[0][0])
		}
	})
	t.Run("an unbounded pattern stops at the default", func(t *testing.T) {
		rows, err := mustRun(t, g, `MATCH (a)-[r*]-(b) RETURN max(size(r))`, Options{})
		if err != nil {
			t.Fatal(err)
		}
		if n := rows[0][0].(int64); n < 2 || n > DefaultMaxHops {
			t.Errorf("longest path %d, want within 2..%d", n, DefaultMaxHops)
		}
	})
}

func TestRowsCanBeRangedTwice(t *testing.T) {
	st, _ := ParseOne(`MATCH (p:Party) RETURN p.name ORDER BY p.name`)
	res, err := Run(context.Background(), testGraph(t), st, nil)
	if err != nil {
		t.Fatal(err)
	}
	a, err1 := res.All()
	b, err2 := res.All()
	if err1 != nil || err2 != nil || len(a) != 2 || len(b) != 2 {
		t.Fatalf("first %v %v, second %v %v", a, err1, b, err2)
	}
}

func TestAStatementRunsConcurrently(t *testing.T) {
	g := testGraph(t)
	st, err := ParseOne(`MATCH (p:Person)-[:SAID]->(c) WHERE c.text =~ ".*e.*" RETURN p.name, count(*) ORDER BY p.name`)
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan string)
	for range 8 {
		go func() {
			res, err := Run(context.Background(), g, st, nil)
			if err != nil {
				done <- err.Error()
				return
			}
			rows, err := res.All()
			done <- fmt.Sprint(rows, err)
		}()
	}
	first := <-done
	for range 7 {
		if got := <-done; got != first {
			t.Errorf("runs disagree: %s and %s", first, got)
		}
	}
}
