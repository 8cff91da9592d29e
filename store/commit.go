package store

import (
	"bytes"
	"errors"
	"fmt"
	"slices"
	"sync/atomic"

	"github.com/dgraph-io/badger/v4"

	"github.com/claimgraph/claimgraph/graph"
)

// inflight is a transaction badger is committing, with what becomes true
// when it succeeds.
type inflight struct {
	done     chan error
	arts     []*artWrite
	ctr      counters
	profiles map[profile]uint32
	stats    graph.WriteStats
}

// add queues aw, handing the queue to badger first if aw would overflow
// the transaction.
func (w *writer) add(aw *artWrite) error {
	if len(w.pending) > 0 && (w.pBytes+aw.size > w.db.maxBytes || w.pCount+aw.count > w.db.maxCount) {
		if err := w.flush(); err != nil {
			return err
		}
		if err := w.trim(aw); err != nil {
			return err
		}
	}
	w.pending = append(w.pending, aw)
	w.pBytes += aw.size
	w.pCount += aw.count
	return nil
}

// abort abandons the queue after err, waits for the commit in flight and
// forgets what is not committed, and returns err.
func (w *writer) abort(err error) error {
	w.pending, w.pBytes, w.pCount = nil, 0, 0
	if werr := w.wait(); werr != nil {
		return errors.Join(err, werr)
	}
	w.reset()
	return err
}

// trim bounds the writer's memory between transactions: once the cache
// is large, it waits for the commit in flight (after which the snapshot
// holds everything committed) and keeps only the nodes the queued aw
// depends on.
func (w *writer) trim(aw *artWrite) error {
	if len(w.cache) < w.db.cacheMax {
		return nil
	}
	if err := w.wait(); err != nil {
		return err
	}
	cache := make(map[string]*cnode, len(aw.touched))
	for _, id := range aw.touched {
		if c, ok := w.cache[id]; ok {
			cache[id] = c
		}
	}
	if w.absent != nil {
		for id := range w.cache {
			if _, ok := cache[id]; !ok {
				w.absent.add(id)
			}
		}
	}
	w.cache = cache
	return nil
}

// flush hands the queue to badger.
func (w *writer) flush() error {
	if len(w.pending) == 0 {
		return nil
	}
	arts := w.pending
	w.pending, w.pBytes, w.pCount = nil, 0, 0
	return w.commit(arts)
}

// commit fills a transaction with arts, their token posting lists,
// article index entries, profiles and counters, waits for the previous
// commit to succeed, and starts committing it. If badger finds the
// transaction too big after all (the size estimate is conservative, so it
// should not), the articles are split in two and committed in order.
func (w *writer) commit(arts []*artWrite) error {
	ctr := w.ctr
	ctr.seq++
	txn := w.db.bdb.NewTransaction(true)
	profiles, err := w.fill(txn, arts, &ctr)
	if errors.Is(err, badger.ErrTxnTooBig) && len(arts) > 1 {
		txn.Discard()
		h := len(arts) / 2
		if err := w.commit(arts[:h]); err != nil {
			return err
		}
		return w.commit(arts[h:])
	}
	if err != nil {
		txn.Discard()
		return fmt.Errorf("write: %w", err)
	}
	if err := w.wait(); err != nil {
		txn.Discard()
		return err
	}
	f := &inflight{done: make(chan error, 1), arts: arts, ctr: ctr, profiles: profiles}
	for _, a := range arts {
		f.stats.Add(a.stats)
	}
	txn.CommitWith(func(err error) { f.done <- err })
	w.inflight, w.ctr = f, ctr
	return nil
}

// wait waits for the commit in flight and records its success, or its
// failure, after which the writer refuses to write.
func (w *writer) wait() error {
	f := w.inflight
	if f == nil {
		return w.err
	}
	w.inflight = nil
	if err := <-f.done; err != nil {
		w.err = fmt.Errorf("commit: %w", err)
		return w.err
	}
	*w.db.counters = f.ctr
	w.db.profiles.add(f.profiles)
	w.stats.Add(f.stats)
	// a fresh snapshot holds the committed edges; the written set keeps
	// only those still queued
	w.rtxn.Discard()
	w.rtxn = w.db.bdb.NewTransaction(false)
	for _, a := range f.arts {
		for _, e := range a.kvs {
			if isEdgeRecord(e) {
				delete(w.written, string(e.k))
			}
		}
		w.evict(a)
	}
	return nil
}

// evict drops from the cache the articles and claims that a, now
// committed, was the last to write: the snapshot holds them as the cache
// did, and keeping every article's text would make the writer's memory
// grow with the corpus. Entities stay; hubs are read again and again.
func (w *writer) evict(a *artWrite) {
	for _, id := range a.evict {
		if c, ok := w.cache[id]; ok && c.last == a.seq {
			w.uncache(id)
		}
	}
}

// isEdgeRecord reports whether e holds an edge's provenance: an o key, or
// the i key of an article's own mention.
func isEdgeRecord(e kv) bool {
	return e.k[0] == pfxOut || (e.k[0] == pfxIn && len(e.v) > 0)
}

// fill sets every key of arts in txn, updates ctr, and returns the
// profiles it wrote.
func (w *writer) fill(txn *badger.Txn, arts []*artWrite, ctr *counters) (map[profile]uint32, error) {
	var t tally
	defer w.db.volume.add(&t)
	set := func(k, v []byte) error {
		t.add(k, v)
		return txn.Set(k, v)
	}
	prev := *ctr
	profiles := map[profile]uint32{}
	postings := map[string][][]byte{}
	for _, a := range arts {
		for _, e := range a.kvs {
			if err := set(e.k, e.v); err != nil {
				return nil, err
			}
		}
		for _, e := range a.entries {
			k, _ := articleIndexKey(e.article, ctr.seq)
			if err := set(k, e.v); err != nil {
				return nil, err
			}
		}
		for _, p := range a.profiles {
			id := w.fresh[p]
			profiles[p] = id
			if err := set(profileKey(id), encodeProfile(p)); err != nil {
				return nil, err
			}
		}
		for _, p := range a.postings {
			postings[p.token] = append(postings[p.token], p.claim)
		}
		ctr.addDeltas(a)
	}
	for t, claims := range postings {
		slices.SortFunc(claims, bytes.Compare)
		claims = slices.CompactFunc(claims, bytes.Equal)
		if err := set(tokenKey(t, ctr.seq), bytes.Join(claims, nil)); err != nil {
			return nil, err
		}
	}
	return profiles, ctr.write(set, &prev)
}

// volume counts the keys and key+value bytes handed to badger by writes,
// for benchmarks and the storage documentation.
type volume struct {
	keys, bytes atomic.Int64
	// by key family (prefix byte)
	famKeys, famBytes [128]atomic.Int64
}

// tally is one transaction's share of a volume, counted without atomic
// operations (a transaction sets thousands of keys).
type tally struct {
	keys, bytes       int64
	famKeys, famBytes [128]int64
}

func (t *tally) add(k, val []byte) {
	n := int64(len(k) + len(val))
	t.keys++
	t.bytes += n
	f := k[0] & 0x7f
	t.famKeys[f]++
	t.famBytes[f] += n
}

// add adds a transaction's tally.
func (v *volume) add(t *tally) {
	v.keys.Add(t.keys)
	v.bytes.Add(t.bytes)
	for f, n := range t.famKeys {
		if n != 0 {
			v.famKeys[f].Add(n)
			v.famBytes[f].Add(t.famBytes[f])
		}
	}
}
