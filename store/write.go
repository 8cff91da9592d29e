package store

import (
	"context"
	"errors"
	"fmt"
	"math"
	"slices"

	"github.com/dgraph-io/badger/v4"
	"github.com/dgraph-io/badger/v4/skl"

	"github.com/claimgraph/claimgraph/graph"
)

// ErrReadOnly is returned by the writing methods of a read-only DB.
var ErrReadOnly = errors.New("database opened read-only")

// ErrSessionClosed is returned by a Session used after Close.
var ErrSessionClosed = errors.New("write session closed")

// Limits on what one node or edge may hold, so that no key outgrows
// badger's 64 KB key limit, and on the writer's memory.
const (
	maxIDLen       = 512 // bytes of a node ID
	maxIndexedName = 512 // longer normalised names are not indexed
	cacheMax       = 200_000
	entryOverhead  = 12 // what badger adds to each entry's key+value in a txn
)

// txnBudget returns the size and entry budgets of one write transaction:
// 90% of badger's limits (which fail a Set with ErrTxnTooBig), or less.
func txnBudget(o badger.Options, maxBytes int64) (int64, int64) {
	batch := 15 * o.MemTableSize / 100
	count := batch / int64(skl.MaxNodeSize)
	b := batch * 9 / 10
	if maxBytes > 0 && maxBytes < b {
		b = maxBytes
	}
	return b, count * 9 / 10
}

// Write stores subgraphs (graph.Writer) and returns what was committed.
// Whole articles are grouped into badger transactions: each article's
// subgraph lands wholly or not at all, even if the process is killed. A
// Write whose subgraphs fit in one transaction (several hundred typical
// articles) is atomic: on an error or a cancelled ctx nothing is written.
// A larger one commits whole articles transaction by transaction, in
// order, and on an error returns the stats of the transactions committed
// before it. Nothing is written for a subgraph that fails the checks: IDs
// must be "kind/name" with the node's kind, relations known, spans
// non-negative, and an edge's ends and article in the subgraph or stored.
//
// Write takes the database's write lock for its duration; to ingest many
// batches, a Session commits each one while the next is being prepared.
func (db *DB) Write(ctx context.Context, subs []graph.Subgraph) (graph.WriteStats, error) {
	s, err := db.BeginWrites()
	if err != nil {
		return graph.WriteStats{}, err
	}
	_, werr := s.Write(ctx, subs)
	st, cerr := s.Close()
	if werr != nil {
		return st, werr
	}
	return st, cerr
}

// Session is a run of writes holding the database's write lock. Each
// Session.Write prepares its subgraphs and hands them to badger as one
// transaction (more if they do not fit), and returns while badger commits
// them, so that the caller can prepare the next batch meanwhile; the
// commit of one Write finishes before the next one's starts. It keeps the
// nodes it wrote in memory, so hub nodes are read once per session. A
// Session is for one goroutine. Close it to wait for the last commit and
// release the lock: while it is open, DB.Write, Compact, Repair and Close
// wait (so a goroutine holding a session must not call them).
type Session struct {
	w      *writer
	merges mergeMap // merge decisions: IDs of merged nodes -> their targets
	attrs  attrMap  // attribution decisions: claim IDs -> their speakers (attribute.go)
	// stopTrim stops releasing mapped pages (trim.go): a session releases
	// them every writeTrimInterval while it is open
	stopTrim func()
	// before is a snapshot of the database as the session found it, for
	// HasArticle; nil if it held no node then. While it is open badger's
	// compactions keep every version the session writes of a key it
	// rewrites (the counters, once per transaction; merged nodes), until
	// a compaction after it closes.
	before *badger.Txn
}

// BeginWrites starts a write session, waiting for any other write,
// Compact or Repair in this process to finish.
func (db *DB) BeginWrites() (*Session, error) {
	if db.readOnly {
		return nil, fmt.Errorf("write to %s: %w", db.path, ErrReadOnly)
	}
	db.wmu.Lock()
	err := db.prepareWrites()
	if err != nil {
		db.wmu.Unlock()
		return nil, err
	}
	s := &Session{w: newWriter(db), stopTrim: db.trim.every(writeTrimInterval)}
	if s.w.absent == nil { // the database holds nodes
		s.before = db.bdb.NewTransaction(false)
	}
	if s.merges, err = readMerges(s.w.rtxn); err != nil {
		s.Close()
		return nil, err
	}
	if s.attrs, err = readAttributions(context.Background(), s.w.rtxn); err != nil {
		s.Close()
		return nil, err
	}
	return s, nil
}

// HasArticle reports whether the article with this ID was stored when
// the session began: the articles a session writes are found by Write,
// which counts them unchanged. Unlike DB.HasArticle it never waits for a
// commit in flight (a new badger read transaction waits for every commit
// that has begun), so extraction goroutines can ask while the session
// commits. It is safe for concurrent use, but not once Close has begun.
func (s *Session) HasArticle(ctx context.Context, id string) (bool, error) {
	if err := ctx.Err(); err != nil {
		return false, err
	}
	k, ok := articleKey(id)
	if !ok || s.before == nil {
		return false, nil
	}
	_, err := s.before.Get(k)
	return articleFound(id, err)
}

// Write checks and prepares subs and hands them to badger (see Session).
// The stats it returns are those of subs, and hold once Flush or Close
// returns without error. If it returns an error, none of subs was handed to
// badger unless they needed several transactions; then whole articles of
// the first ones may have been. After a failed commit every later call
// fails.
func (s *Session) Write(ctx context.Context, subs []graph.Subgraph) (graph.WriteStats, error) {
	return s.write(ctx, subs, nil)
}

// write is Write with extra keys set in the transaction of the first
// subgraph, so that a decision and the edges it makes commit together.
func (s *Session) write(ctx context.Context, subs []graph.Subgraph, extra []kv) (graph.WriteStats, error) {
	w := s.w
	if w == nil {
		return graph.WriteStats{}, ErrSessionClosed
	}
	if w.err != nil {
		return graph.WriteStats{}, w.err
	}
	if err := checkSpace(w.db.path, w.db.minFree); err != nil {
		return graph.WriteStats{}, err
	}
	for i := range subs {
		if err := validateSubgraph(&subs[i]); err != nil {
			return graph.WriteStats{}, fmt.Errorf("subgraph %d%s: %w", i+1, articleLabel(subs[i].Article), err)
		}
	}
	subs = s.merges.apply(subs) // later records of merged nodes land on their targets
	subs = s.attrs.apply(subs)  // claims attributed by hand keep their speaker
	var st graph.WriteStats
	for i := range subs {
		if err := ctx.Err(); err != nil {
			return graph.WriteStats{}, w.abort(fmt.Errorf("write interrupted: %w", err))
		}
		aw, err := w.prepare(&subs[i])
		if err != nil {
			return graph.WriteStats{}, w.abort(fmt.Errorf("subgraph %d%s: %w", i+1, articleLabel(subs[i].Article), err))
		}
		if i == 0 {
			for _, e := range extra {
				aw.set(e.k, e.v)
			}
		}
		if err := w.add(aw); err != nil {
			return graph.WriteStats{}, w.abort(err)
		}
		st.Add(aw.stats)
	}
	if err := ctx.Err(); err != nil {
		return graph.WriteStats{}, w.abort(fmt.Errorf("write interrupted: %w", err))
	}
	if err := w.flush(); err != nil {
		return graph.WriteStats{}, w.abort(err)
	}
	return st, nil
}

// Flush waits until everything handed to badger is committed and returns
// the stats of all that the session has committed.
func (s *Session) Flush() (graph.WriteStats, error) {
	if s.w == nil {
		return graph.WriteStats{}, ErrSessionClosed
	}
	err := s.w.wait()
	return s.w.stats, err
}

// Close waits for the last commit, ends the session and returns the stats
// of all that it committed. Closing twice is harmless.
func (s *Session) Close() (graph.WriteStats, error) {
	w := s.w
	if w == nil {
		return graph.WriteStats{}, nil
	}
	s.w = nil
	err := w.wait()
	s.stopTrim()
	w.rtxn.Discard()
	if s.before != nil {
		s.before.Discard()
	}
	w.db.wmu.Unlock()
	return w.stats, err
}

func articleLabel(id string) string {
	if id == "" {
		return ""
	}
	return " (" + id + ")"
}

// prepareWrites loads what writes keep in memory: counters and profiles.
func (db *DB) prepareWrites() error {
	if err := db.profiles.ensure(db.bdb); err != nil {
		return err
	}
	if db.counters != nil {
		return nil
	}
	c, err := db.readCounters()
	if err != nil {
		return err
	}
	db.counters = &c
	return nil
}

// validateSubgraph checks what can be checked without reading the store.
func validateSubgraph(s *graph.Subgraph) error {
	if s.Article != "" {
		if err := checkStoredID(s.Article); err != nil {
			return err
		}
		if graph.KindOfID(s.Article) != graph.Article {
			return fmt.Errorf("article ID %q is not an article/ ID", s.Article)
		}
		if !slices.ContainsFunc(s.Nodes, func(n graph.Node) bool { return n.ID == s.Article }) {
			return fmt.Errorf("article node %q is not among the subgraph's nodes", s.Article)
		}
	}
	for i := range s.Nodes {
		n := &s.Nodes[i]
		if err := checkStoredID(n.ID); err != nil {
			return fmt.Errorf("node: %w", err)
		}
		if n.Kind != graph.KindOfID(n.ID) {
			return fmt.Errorf("node %q: kind %q does not match its ID", n.ID, n.Kind)
		}
	}
	for i := range s.Edges {
		if err := validateEdge(&s.Edges[i]); err != nil {
			return fmt.Errorf("edge %s -%s-> %s: %w", s.Edges[i].From, s.Edges[i].Rel, s.Edges[i].To, err)
		}
	}
	return nil
}

func validateEdge(e *graph.Edge) error {
	if !e.Rel.Valid() {
		return fmt.Errorf("unknown relation %q", e.Rel)
	}
	for _, id := range []string{e.From, e.To} {
		if err := checkStoredID(id); err != nil {
			return err
		}
	}
	if e.Article != "" {
		if err := checkStoredID(e.Article); err != nil {
			return err
		}
		if graph.KindOfID(e.Article) != graph.Article {
			return fmt.Errorf("provenance %q is not an article/ ID", e.Article)
		}
	}
	if e.Start < 0 || e.End < e.Start {
		return fmt.Errorf("span [%d,%d) is not a span", e.Start, e.End)
	}
	if math.IsNaN(e.Confidence) || e.Confidence < 0 || e.Confidence > 1 {
		return fmt.Errorf("confidence %v is outside [0,1]", e.Confidence)
	}
	return nil
}

func checkStoredID(id string) error {
	if len(id) > maxIDLen {
		return fmt.Errorf("ID %.40q... is longer than %d bytes", id, maxIDLen)
	}
	return checkID(id)
}
