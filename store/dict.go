package store

import (
	"encoding/binary"
	"fmt"
	"sync"

	"github.com/dgraph-io/badger/v4"
)

// profileDict is the in-memory copy of the p keys: the (rule, confidence)
// pairs edges refer to by number. It is loaded on first use (a few dozen
// keys) and grows only after the write transaction that adds an entry has
// committed.
type profileDict struct {
	mu     sync.RWMutex
	loaded bool
	byID   map[uint32]profile
	ids    map[profile]uint32
	maxID  uint32
}

// ensure loads the dictionary if it has not been loaded yet.
func (d *profileDict) ensure(bdb *badger.DB) error {
	d.mu.RLock()
	ok := d.loaded
	d.mu.RUnlock()
	if ok {
		return nil
	}
	return d.reload(bdb)
}

// reload reads every p key.
func (d *profileDict) reload(bdb *badger.DB) error {
	byID := map[uint32]profile{}
	ids := map[profile]uint32{}
	var maxID uint32
	err := bdb.View(func(txn *badger.Txn) error {
		it := txn.NewIterator(badger.IteratorOptions{Prefix: []byte{pfxProfile}})
		defer it.Close()
		for it.Rewind(); it.Valid(); it.Next() {
			k := it.Item().Key()
			if len(k) != 5 {
				return fmt.Errorf("bad profile key %q", k)
			}
			id := binary.BigEndian.Uint32(k[1:])
			v, err := it.Item().ValueCopy(nil)
			if err != nil {
				return err
			}
			p, err := decodeProfile(v)
			if err != nil {
				return fmt.Errorf("profile %d: %w", id, err)
			}
			byID[id], ids[p] = p, id
			maxID = max(maxID, id)
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("load rule profiles: %w", err)
	}
	d.mu.Lock()
	d.byID, d.ids, d.maxID, d.loaded = byID, ids, maxID, true
	d.mu.Unlock()
	return nil
}

// get returns profile id, reloading once if it is not known yet (another
// goroutine's write may have committed it a moment ago).
func (d *profileDict) get(bdb *badger.DB, id uint32) (profile, error) {
	if err := d.ensure(bdb); err != nil {
		return profile{}, err
	}
	d.mu.RLock()
	p, ok := d.byID[id]
	d.mu.RUnlock()
	if ok {
		return p, nil
	}
	if err := d.reload(bdb); err != nil {
		return profile{}, err
	}
	d.mu.RLock()
	p, ok = d.byID[id]
	d.mu.RUnlock()
	if !ok {
		return profile{}, fmt.Errorf("edge refers to unknown rule profile %d", id)
	}
	return p, nil
}

// lookup returns the ID of p if it is stored.
func (d *profileDict) lookup(p profile) (uint32, bool) {
	d.mu.RLock()
	defer d.mu.RUnlock()
	id, ok := d.ids[p]
	return id, ok
}

// next returns the highest ID in use.
func (d *profileDict) next() uint32 {
	d.mu.RLock()
	defer d.mu.RUnlock()
	return d.maxID
}

// add records committed profiles.
func (d *profileDict) add(ps map[profile]uint32) {
	d.mu.Lock()
	defer d.mu.Unlock()
	for p, id := range ps {
		d.byID[id], d.ids[p] = p, id
		d.maxID = max(d.maxID, id)
	}
}
