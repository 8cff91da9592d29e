package query

import (
	"slices"
	"strings"
)

// projectSpec is a planned RETURN or WITH: the items, grouping and
// aggregates, DISTINCT, ORDER BY, SKIP, LIMIT and WITH's WHERE.
type projectSpec struct {
	items       []*projected
	aggregating bool
	aggs        []*aggSpec
	distinct    bool
	order       []sortKey
	skip, limit *countSpec
	where       evalFn
	wherePos    int
	final       bool
}

type sortKey struct {
	fn   evalFn
	desc bool
	text string
}

// build chains the operators of a projection: project or aggregate, then
// distinct, sort, skip and limit, then WITH's filter.
func (s *projectSpec) build(x *exec, next stage) (stage, error) {
	if s.where != nil {
		next = &filterStage{through{next}, x, s.where, s.wherePos}
	}
	if s.skip != nil || s.limit != nil {
		sl := &skipLimitStage{through: through{next}, limit: -1}
		var err error
		if s.skip != nil {
			if sl.skip, err = s.skip.value(x); err != nil {
				return nil, err
			}
		}
		if s.limit != nil {
			if sl.limit, err = s.limit.value(x); err != nil {
				return nil, err
			}
		}
		next = sl
	}
	if len(s.order) > 0 {
		next = &sortStage{through: through{next}, x: x, keys: s.order}
	}
	if s.distinct {
		next = &distinctStage{through: through{next}, s: s, seen: map[string]bool{}}
	}
	if s.aggregating {
		return &aggregateStage{through: through{next}, x: x, s: s, groups: map[string]*group{}}, nil
	}
	return &projectStage{through{next}, x, s}, nil
}

type projectStage struct {
	through
	x *exec
	s *projectSpec
}

func (st *projectStage) push(row []any) bool {
	for _, it := range st.s.items {
		v, err := it.fn(st.x, row)
		if err != nil {
			return st.x.fail(err)
		}
		row[it.slot] = v
	}
	return st.next.push(row)
}

// distinctStage drops rows whose columns repeat an earlier row's.
type distinctStage struct {
	through
	s    *projectSpec
	seen map[string]bool
}

func (st *distinctStage) push(row []any) bool {
	var b strings.Builder
	for _, it := range st.s.items {
		writeKey(&b, row[it.slot])
	}
	k := b.String()
	if st.seen[k] {
		return true
	}
	st.seen[k] = true
	return st.next.push(row)
}

// skipLimitStage drops the first skip rows and stops after limit more.
type skipLimitStage struct {
	through
	skip, limit int64 // limit < 0: none
	seen        int64
	emitted     int64
}

func (st *skipLimitStage) push(row []any) bool {
	if st.limit >= 0 && st.emitted >= st.limit {
		return false
	}
	if st.seen < st.skip {
		st.seen++
		return true
	}
	st.emitted++
	ok := st.next.push(row)
	return ok && (st.limit < 0 || st.emitted < st.limit)
}

// sortStage holds every row, then emits them in order; ties keep their
// input order.
type sortStage struct {
	through
	x    *exec
	keys []sortKey
	rows []sortedRow
}

type sortedRow struct {
	row  []any
	keys []any
}

func (st *sortStage) push(row []any) bool {
	keys := make([]any, len(st.keys))
	for i, k := range st.keys {
		v, err := k.fn(st.x, row)
		if err != nil {
			return st.x.fail(err)
		}
		keys[i] = v
	}
	st.rows = append(st.rows, sortedRow{row: slices.Clone(row), keys: keys})
	return true
}

func (st *sortStage) finish() {
	if st.x.stopped {
		return
	}
	slices.SortStableFunc(st.rows, func(a, b sortedRow) int {
		for i, k := range st.keys {
			c := order(a.keys[i], b.keys[i])
			if k.desc {
				c = -c
			}
			if c != 0 {
				return c
			}
		}
		return 0
	})
	for _, r := range st.rows {
		if !st.next.push(r.row) {
			break
		}
	}
	st.rows = nil
	if !st.x.stopped {
		st.next.finish()
	}
}

// aggregateStage groups rows by the non-aggregate items and feeds each
// group's aggregates; it emits one row per group when the input ends.
type aggregateStage struct {
	through
	x      *exec
	s      *projectSpec
	groups map[string]*group
	order  []*group
}

type group struct {
	row  []any
	accs []accumulator
}

func (st *aggregateStage) push(row []any) bool {
	var b strings.Builder
	for _, it := range st.s.items {
		if it.agg {
			continue
		}
		v, err := it.fn(st.x, row)
		if err != nil {
			return st.x.fail(err)
		}
		writeKey(&b, v)
	}
	k := b.String()
	g, ok := st.groups[k]
	if !ok {
		g = st.newGroup(slices.Clone(row))
		st.groups[k] = g
		st.order = append(st.order, g)
	}
	for i, a := range st.s.aggs {
		var v any = true
		if !a.star {
			var err error
			if v, err = a.arg(st.x, row); err != nil {
				return st.x.fail(err)
			}
		}
		if err := g.accs[i].add(v); err != nil {
			return st.x.fail(st.x.rtErr(a.pos, "%s: %v", a.text, err))
		}
	}
	return st.x.tick()
}

func (st *aggregateStage) newGroup(row []any) *group {
	g := &group{row: row, accs: make([]accumulator, len(st.s.aggs))}
	for i, a := range st.s.aggs {
		g.accs[i] = newAccumulator(a)
	}
	return g
}

func (st *aggregateStage) finish() {
	if st.x.stopped {
		return
	}
	if len(st.order) == 0 && !slices.ContainsFunc(st.s.items, func(p *projected) bool { return !p.agg }) {
		// Aggregates over no rows at all still give one row: count 0.
		st.order = append(st.order, st.newGroup(nil))
	}
	for _, g := range st.order {
		if g.row == nil {
			g.row = make([]any, st.x.nslots)
		}
		if !st.emit(g) {
			break
		}
	}
	st.order, st.groups = nil, nil
	if !st.x.stopped {
		st.next.finish()
	}
}

func (st *aggregateStage) emit(g *group) bool {
	for i, a := range st.s.aggs {
		g.row[a.slot] = g.accs[i].result()
	}
	for _, it := range st.s.items {
		v, err := it.fn(st.x, g.row)
		if err != nil {
			return st.x.fail(err)
		}
		g.row[it.slot] = v
	}
	return st.next.push(g.row)
}
