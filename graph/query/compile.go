package query

import (
	"slices"
	"strings"
)

// program is a checked and planned statement: the stages rows flow
// through, the row layout, and the plan to show for EXPLAIN.
type program struct {
	nslots   int
	stages   []stageSpec
	columns  []string
	outSlots []int
	params   []*paramExpr
	plan     []planRow
}

// planRow is one line of EXPLAIN.
type planRow struct {
	depth  int
	op     string
	detail string
}

// compiler checks a statement and plans it into a program.
type compiler struct {
	src   string
	prog  *program
	scope scope
	depth int
	anon  int
}

func compile(st *Statement) error {
	c := &compiler{src: st.src, prog: &program{}, scope: scope{}}
	for _, cl := range st.clauses {
		var err error
		switch cl := cl.(type) {
		case *matchClause:
			err = c.match(cl)
		case *unwindClause:
			err = c.unwind(cl)
		case *withClause:
			err = c.with(cl)
		case *returnClause:
			err = c.ret(cl)
		}
		if err != nil {
			return err
		}
	}
	st.prog = c.prog
	return nil
}

func (c *compiler) newSlot() int {
	c.prog.nslots++
	return c.prog.nslots - 1
}

func (c *compiler) addPlan(op, detail string) {
	c.prog.plan = append(c.prog.plan, planRow{depth: c.depth, op: op, detail: detail})
}

func (c *compiler) addStage(s stageSpec) { c.prog.stages = append(c.prog.stages, s) }

func (c *compiler) unwind(u *unwindClause) error {
	f, err := c.expr(u.x, &exprCtx{scope: c.scope, noAgg: "in UNWIND"})
	if err != nil {
		return err
	}
	if _, ok := c.scope[u.name]; ok {
		return errAt(c.src, u.namePos, "choose another name", "variable %s is already defined", u.name)
	}
	slot := c.newSlot()
	c.scope[u.name] = &varInfo{name: u.name, slot: slot, typ: tyAny}
	c.addStage(&unwindSpec{list: f, slot: slot})
	c.addPlan("Unwind", exprString(u.x)+" AS "+quoteName(u.name))
	return nil
}

func (c *compiler) with(w *withClause) error {
	spec, newScope, err := c.project(w.proj, w.pos, "WITH")
	if err != nil {
		return err
	}
	if w.where != nil {
		f, err := c.expr(w.where, &exprCtx{scope: newScope, noAgg: "in WHERE; aggregate in WITH and filter on its name"})
		if err != nil {
			return err
		}
		spec.where, spec.wherePos = f, w.where.exprPos()
		c.addPlan("Filter", exprString(w.where))
	}
	c.addStage(spec)
	c.scope = newScope
	return nil
}

func (c *compiler) ret(r *returnClause) error {
	spec, newScope, err := c.project(r.proj, r.pos, "RETURN")
	if err != nil {
		return err
	}
	c.addStage(spec)
	for _, it := range spec.items {
		c.prog.columns = append(c.prog.columns, it.name)
		c.prog.outSlots = append(c.prog.outSlots, newScope[it.name].slot)
	}
	return nil
}

// projected is a RETURN or WITH item after checking.
type projected struct {
	name string
	text string
	fn   evalFn
	slot int
	agg  bool
}

// project checks and plans the body of RETURN or WITH and returns the
// scope it leaves: one variable per column.
func (c *compiler) project(pr *projection, pos int, kind string) (*projectSpec, scope, error) {
	items, err := c.starItems(pr, pos, kind)
	if err != nil {
		return nil, nil, err
	}
	spec := &projectSpec{distinct: pr.distinct, final: kind == "RETURN"}
	for _, it := range items {
		spec.aggregating = spec.aggregating || hasAggregate(it.x)
	}
	aggs := &aggSet{byText: map[string]*aggSpec{}}
	ec := &exprCtx{scope: c.scope, noAgg: "in " + kind}
	if spec.aggregating {
		ec.aggs = aggs
	}
	newScope := scope{}
	for _, it := range items {
		p, err := c.projectItem(it, ec, kind, newScope)
		if err != nil {
			return nil, nil, err
		}
		spec.items = append(spec.items, p)
	}
	if spec.aggregating {
		if err := c.checkGrouping(items); err != nil {
			return nil, nil, err
		}
	}
	if err := c.orderBy(pr, spec, aggs, newScope); err != nil {
		return nil, nil, err
	}
	spec.aggs = aggs.specs
	if spec.skip, err = c.count(pr.skip, "SKIP"); err != nil {
		return nil, nil, err
	}
	if spec.limit, err = c.count(pr.limit, "LIMIT"); err != nil {
		return nil, nil, err
	}
	c.planProjection(spec, kind)
	return spec, newScope, nil
}

// starItems expands RETURN * into one item per variable in scope.
func (c *compiler) starItems(pr *projection, pos int, kind string) ([]*item, error) {
	if !pr.star {
		return pr.items, nil
	}
	var items []*item
	for _, n := range c.scope.names() {
		items = append(items, &item{x: &varExpr{pos: pos, name: n}, text: n})
	}
	if len(items) == 0 {
		return nil, errAt(c.src, pos, "", "%s * needs at least one variable", kind)
	}
	return append(items, pr.items...), nil
}

func (c *compiler) projectItem(it *item, ec *exprCtx, kind string, newScope scope) (*projected, error) {
	name := it.alias
	v, isVar := it.x.(*varExpr)
	switch {
	case name != "":
	case isVar:
		name = v.name
	case kind == "WITH":
		return nil, errAt(c.src, it.x.exprPos(), "add AS name", "an expression in WITH needs a name")
	default:
		name = it.text
	}
	if _, dup := newScope[name]; dup {
		return nil, errAt(c.src, it.x.exprPos(), "rename one with AS", "column %s appears twice", name)
	}
	f, err := c.expr(it.x, ec)
	if err != nil {
		return nil, err
	}
	vi := &varInfo{name: name, slot: c.newSlot(), typ: tyAny}
	if isVar {
		vi.typ = c.scope[v.name].typ
	}
	newScope[name] = vi
	return &projected{name: name, text: exprString(it.x), fn: f, slot: vi.slot, agg: hasAggregate(it.x)}, nil
}

// checkGrouping refuses a variable used outside an aggregate in an
// aggregating item unless a grouping item uses it too.
func (c *compiler) checkGrouping(items []*item) error {
	grouped := map[string]bool{}
	for _, it := range items {
		if !hasAggregate(it.x) {
			for _, v := range freeVars(it.x, false) {
				grouped[v.name] = true
			}
		}
	}
	for _, it := range items {
		if !hasAggregate(it.x) {
			continue
		}
		for _, v := range freeVars(it.x, true) {
			if !grouped[v.name] {
				return errAt(c.src, v.pos, "return it as a column of its own, or aggregate it", "%s is neither grouped nor aggregated", v.name)
			}
		}
	}
	return nil
}

// orderBy compiles the sort keys. A key written like a projected item
// reads that column; otherwise it sees the columns and, without DISTINCT
// or aggregation, the variables before the projection.
func (c *compiler) orderBy(pr *projection, spec *projectSpec, aggs *aggSet, newScope scope) error {
	for _, si := range pr.order {
		key := sortKey{desc: si.desc, text: exprString(si.x)}
		for _, it := range spec.items {
			if it.text == key.text {
				slot := it.slot
				key.fn = func(_ *exec, row []any) (any, error) { return row[slot], nil }
			}
		}
		if key.fn == nil {
			f, err := c.sortExpr(si, spec, aggs, newScope)
			if err != nil {
				return err
			}
			key.fn = f
		}
		spec.order = append(spec.order, key)
	}
	return nil
}

func (c *compiler) sortExpr(si *sortItem, spec *projectSpec, aggs *aggSet, newScope scope) (evalFn, error) {
	sc := newScope
	if !spec.aggregating && !spec.distinct {
		sc = scope{}
		for k, v := range c.scope {
			sc[k] = v
		}
		for k, v := range newScope {
			sc[k] = v
		}
	}
	for _, v := range freeVars(si.x, spec.aggregating) {
		if _, ok := sc[v.name]; !ok {
			if _, before := c.scope[v.name]; before {
				return nil, errAt(c.src, v.pos, "return it, or sort by a returned column", "ORDER BY after DISTINCT or aggregation can use only returned columns, not %s", v.name)
			}
		}
	}
	ec := &exprCtx{scope: sc, noAgg: "in ORDER BY unless the projection aggregates"}
	if spec.aggregating {
		ec.aggs, ec.aggScope = aggs, c.scope
	}
	return c.expr(si.x, ec)
}

// count compiles SKIP or LIMIT: a literal or parameter, checked when the
// query runs.
func (c *compiler) count(e expr, what string) (*countSpec, error) {
	if e == nil {
		return nil, nil
	}
	if vs := freeVars(e, false); len(vs) > 0 {
		return nil, errAt(c.src, vs[0].pos, "", "%s takes a number or a parameter, not a variable", what)
	}
	f, err := c.expr(e, &exprCtx{scope: scope{}, noAgg: "in " + what})
	if err != nil {
		return nil, err
	}
	return &countSpec{fn: f, pos: e.exprPos(), what: what, text: exprString(e)}, nil
}

func (c *compiler) planProjection(spec *projectSpec, kind string) {
	var cols, keys []string
	for _, it := range spec.items {
		col := it.text
		if col != it.name {
			col += " AS " + quoteName(it.name)
		}
		cols = append(cols, col)
		if !it.agg {
			keys = append(keys, it.text)
		}
	}
	if spec.aggregating {
		var as []string
		for _, a := range spec.aggs {
			as = append(as, a.text)
		}
		detail := "compute " + strings.Join(as, ", ")
		if len(keys) > 0 {
			detail = "group by " + strings.Join(keys, ", ") + "; " + detail
		}
		c.addPlan("Aggregate", detail)
	}
	op := "Project"
	if kind == "RETURN" {
		op = "Return"
	}
	c.addPlan(op, strings.Join(cols, ", "))
	c.planTail(spec)
}

// planTail shows DISTINCT, ORDER BY, SKIP and LIMIT.
func (c *compiler) planTail(spec *projectSpec) {
	if spec.distinct {
		c.addPlan("Distinct", "")
	}
	if len(spec.order) > 0 {
		var ks []string
		for _, k := range spec.order {
			s := k.text
			if k.desc {
				s += " DESC"
			}
			ks = append(ks, s)
		}
		c.addPlan("Sort", strings.Join(ks, ", "))
	}
	if spec.skip != nil {
		c.addPlan("Skip", spec.skip.text)
	}
	if spec.limit != nil {
		detail := spec.limit.text
		if len(spec.order) == 0 && !spec.aggregating && !slices.ContainsFunc(c.prog.stages, isBarrier) {
			detail += " (stops reading early)"
		}
		c.addPlan("Limit", detail)
	}
}
