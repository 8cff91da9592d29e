package store

import (
	"context"
	"errors"
	"fmt"

	"github.com/dgraph-io/badger/v4"
)

// Merge (m) and attribution (h) decisions are records of what a user
// decided, not indexes: Check verifies that they decode and that every
// merge's undo record (m u) has the alias key (m a) that writes follow;
// Repair deletes the ones that do not decode and puts back a missing alias
// key from its undo record.

// decisionFault is one problem found in the decision keys.
type decisionFault struct {
	key     []byte // the key at fault, copied
	what    string // probDecision or probMergeAlias
	err     error  // why it does not decode (probDecision)
	aliasTo []byte // the alias key's value to write back (probMergeAlias)
}

func (f decisionFault) String() string {
	if f.err != nil {
		return fmt.Sprintf("%q: %v", f.key, f.err)
	}
	return fmt.Sprintf("%q", f.key)
}

// decisionFaults reads the m and h keys of txn and returns their faults.
func decisionFaults(ctx context.Context, txn *badger.Txn) ([]decisionFault, error) {
	var out []decisionFault
	bad := func(item *badger.Item, err error) {
		out = append(out, decisionFault{key: item.KeyCopy(nil), what: probDecision, err: err})
	}
	aliases := map[string]bool{}
	err := scan(ctx, txn, []byte{pfxMerge, mrgAlias}, func(item *badger.Item) (bool, error) {
		if _, err := decodeWholeID(item.Key()[2:]); err != nil {
			bad(item, err)
			return true, nil
		}
		aliases[string(item.Key()[2:])] = true
		return true, item.Value(func(v []byte) error {
			if _, err := decodeWholeID(v); err != nil {
				bad(item, fmt.Errorf("merged into: %w", err))
			}
			return nil
		})
	})
	if err != nil {
		return nil, err
	}
	err = scan(ctx, txn, []byte{pfxMerge, mrgUndo}, func(item *badger.Item) (bool, error) {
		from, err := decodeWholeID(item.Key()[2:])
		if err != nil {
			bad(item, err)
			return true, nil
		}
		var rec mergeRecord
		if err := item.Value(func(v []byte) error {
			if rec, err = decodeMergeRecord(v); err == nil {
				_, err = decodeNode(from, rec.node)
			}
			return err
		}); err != nil {
			bad(item, err)
			return true, nil
		}
		if !aliases[string(item.Key()[2:])] {
			ak, _ := mergeKey(mrgAlias, from)
			into, _ := appendID(nil, rec.into)
			out = append(out, decisionFault{key: ak, what: probMergeAlias, aliasTo: into})
		}
		return true, nil
	})
	if err != nil {
		return nil, err
	}
	err = scan(ctx, txn, []byte{pfxAttribute}, func(item *badger.Item) (bool, error) {
		claim, err := decodeWholeID(item.Key()[1:])
		if err == nil {
			err = item.Value(func(v []byte) error {
				a, err := decodeAttribution(claim, v)
				if err == nil && !a.Speaker.Kind.IsSpeaker() {
					err = fmt.Errorf("speaker %q is not a person, party or organization", a.Speaker.ID)
				}
				return err
			})
		}
		if err != nil {
			bad(item, err)
		}
		return true, nil
	})
	return out, err
}

// decodeWholeID decodes a key-form ID that must fill b.
func decodeWholeID(b []byte) (string, error) {
	id, n, err := decodeID(b)
	if err == nil && n != len(b) {
		err = errors.New("trailing bytes after the ID")
	}
	return id, err
}

// checkDecisions is Check's step for the decision keys.
func (c *checker) checkDecisions(ctx context.Context) error {
	faults, err := decisionFaults(ctx, c.txn)
	for _, f := range faults {
		c.report(f.what, f.String())
	}
	return err
}

// decisions is Repair's step for the decision keys.
func (r *repairer) decisions(ctx context.Context) error {
	faults, err := decisionFaults(ctx, r.txn)
	if err != nil {
		return err
	}
	for _, f := range faults {
		if f.what == probMergeAlias {
			r.note("restored merge alias key %q", f.key)
			if err := r.wb.Set(f.key, f.aliasTo); err != nil {
				return err
			}
			continue
		}
		r.rep.Removed++
		r.note("removed decision %s", f)
		if err := r.wb.Delete(f.key); err != nil {
			return err
		}
	}
	return nil
}
