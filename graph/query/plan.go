package query

import (
	"fmt"
	"slices"
	"strings"

	"github.com/claimgraph/claimgraph/graph"
)

// kindLabels and relTypes are the labels and relation types as they are
// suggested and shown: Person, MEMBER_OF.
var (
	kindLabels = []string{"Person", "Party", "Organization", "Place", "Event", "Claim", "Article"}
	relTypes   = []string{"SAID", "MEMBER_OF", "ABOUT", "DISPUTES", "SUPPORTS", "MENTIONS"}
)

// kindRank orders kinds by how few nodes a graph of news usually has of
// each; the planner prefers to start from a rarer kind.
func kindRank(k graph.Kind) int {
	switch k {
	case graph.Event:
		return 0
	case graph.Party:
		return 1
	case graph.Organization:
		return 2
	case graph.Place:
		return 3
	case graph.Person:
		return 4
	case graph.Article:
		return 5
	}
	return 6
}

func kindLabel(k graph.Kind) string {
	for _, l := range kindLabels {
		if strings.EqualFold(l, string(k)) {
			return l
		}
	}
	return string(k)
}

// pnode is a node variable of one MATCH clause; every occurrence of a
// named variable shares one pnode.
type pnode struct {
	name     string
	display  string
	pos      int
	slot     int
	bound    bool // bound by an earlier clause
	typ      varType
	kinds    []graph.Kind
	hasKinds bool
	props    []*propPat
	order    int

	idAccess   expr     // a key for NodeByID
	nameAccess expr     // a key for NodeByName
	consumed   *propPat // the inline property the access method answers
	covered    bool
}

// prel is a relationship pattern of one MATCH clause.
type prel struct {
	pat   *relPat
	name  string
	slot  int
	rels  []graph.Rel
	a, b  *pnode // left and right as written
	props []relProp
	done  bool
}

type relProp struct {
	key string
	fn  evalFn
}

// filter is a predicate waiting for its variables to be bound.
type filter struct {
	fn     evalFn
	slots  []int
	text   string
	pos    int
	placed bool
}

// matchPlanner plans one MATCH or OPTIONAL MATCH clause.
type matchPlanner struct {
	c       *compiler
	m       *matchClause
	prior   scope // variables bound before the clause
	byName  map[string]*pnode
	nodes   []*pnode
	rels    []*prel
	where   []expr // the WHERE conjuncts
	filters []*filter
	covered map[int]bool
	steps   []stageSpec
	relDone []int // slots of the relationships already expanded
}

func (c *compiler) match(m *matchClause) error {
	mp := &matchPlanner{c: c, m: m, prior: scope{}, byName: map[string]*pnode{}, covered: map[int]bool{}}
	for k, v := range c.scope {
		mp.prior[k] = v
		mp.covered[v.slot] = true
	}
	if err := mp.gather(); err != nil {
		return err
	}
	if err := mp.compileWhere(); err != nil {
		return err
	}
	if err := mp.compileRelProps(); err != nil {
		return err
	}
	if err := mp.labelsFromWhere(); err != nil {
		return err
	}
	mp.chooseAccess()
	if !m.optional {
		if err := mp.plan(); err != nil {
			return err
		}
		c.prog.stages = append(c.prog.stages, mp.steps...)
		return nil
	}
	at := len(c.prog.plan)
	c.depth++
	err := mp.plan()
	c.depth--
	if err != nil {
		return err
	}
	var newSlots []int
	for _, n := range mp.nodes {
		if !n.bound {
			newSlots = append(newSlots, n.slot)
		}
	}
	for _, r := range mp.rels {
		newSlots = append(newSlots, r.slot)
	}
	c.prog.plan = slices.Insert(c.prog.plan, at, planRow{depth: c.depth, op: "Optional", detail: "new variables are null when nothing matches"})
	c.addStage(&optionalSpec{steps: mp.steps, newSlots: newSlots})
	return nil
}

// gather collects the node and relationship variables of the patterns
// and declares the new ones.
func (mp *matchPlanner) gather() error {
	for _, pat := range mp.m.patterns {
		var prev *pnode
		for i, np := range pat.nodes {
			pn, err := mp.node(np)
			if err != nil {
				return err
			}
			if i > 0 {
				if err := mp.rel(pat.rels[i-1], prev, pn); err != nil {
					return err
				}
			}
			prev = pn
		}
	}
	return nil
}

func (mp *matchPlanner) node(np *nodePat) (*pnode, error) {
	c := mp.c
	kinds, err := c.kinds(np.labels)
	if err != nil {
		return nil, err
	}
	if err := c.checkKeys(np.props, nodeProps); err != nil {
		return nil, err
	}
	pn, err := mp.nodeVar(np)
	if err != nil {
		return nil, err
	}
	if np.labels != nil {
		if pn.hasKinds {
			kinds = slices.DeleteFunc(kinds, func(k graph.Kind) bool { return !slices.Contains(pn.kinds, k) })
		}
		pn.kinds, pn.hasKinds = kinds, true
	}
	pn.props = append(pn.props, np.props...)
	return pn, nil
}

// nodeVar finds or declares the variable of a node pattern.
func (mp *matchPlanner) nodeVar(np *nodePat) (*pnode, error) {
	c := mp.c
	if np.name == "" {
		c.anon++
		pn := &pnode{display: fmt.Sprintf("anon_%d", c.anon), pos: np.pos, slot: c.newSlot(), order: len(mp.nodes)}
		mp.nodes = append(mp.nodes, pn)
		return pn, nil
	}
	if pn, ok := mp.byName[np.name]; ok {
		return pn, nil
	}
	pn := &pnode{name: np.name, display: quoteName(np.name), pos: np.pos, order: len(mp.nodes)}
	if vi, ok := c.scope[np.name]; ok {
		if vi.typ == tyRel || vi.typ == tyRelList {
			return nil, errAt(c.src, np.namePos, "", "%s is a relationship, not a node", np.name)
		}
		pn.slot, pn.bound, pn.typ = vi.slot, true, vi.typ
	} else {
		pn.slot, pn.typ = c.newSlot(), tyNode
		c.scope[np.name] = &varInfo{name: np.name, slot: pn.slot, typ: tyNode}
	}
	mp.byName[np.name] = pn
	mp.nodes = append(mp.nodes, pn)
	return pn, nil
}

func (mp *matchPlanner) rel(rp *relPat, left, right *pnode) error {
	c := mp.c
	rels, err := c.relTypes(rp.types)
	if err != nil {
		return err
	}
	if err := c.checkKeys(rp.props, edgeProps); err != nil {
		return err
	}
	pr := &prel{pat: rp, name: rp.name, rels: rels, a: left, b: right}
	if rp.name == "" {
		pr.slot = c.newSlot()
	} else {
		if _, ok := c.scope[rp.name]; ok {
			return errAt(c.src, rp.namePos, "a relationship variable must be new in its MATCH", "variable %s is already defined", rp.name)
		}
		typ := tyRel
		if rp.varLen {
			typ = tyRelList
		}
		pr.slot = c.newSlot()
		c.scope[rp.name] = &varInfo{name: rp.name, slot: pr.slot, typ: typ}
	}
	mp.rels = append(mp.rels, pr)
	return nil
}

// kinds resolves labels to kinds; nil when there are none.
func (c *compiler) kinds(labels []nameRef) ([]graph.Kind, error) {
	var out []graph.Kind
	for _, l := range labels {
		k, err := graph.ParseKind(l.s)
		if err != nil {
			hint := didYouMean(l.s, kindLabels, func(s string) string { return ":" + s })
			if hint == "" {
				hint = "labels: " + strings.Join(kindLabels, ", ")
			}
			return nil, errAt(c.src, l.pos, hint, "unknown label :%s", l.s)
		}
		if !slices.Contains(out, k) {
			out = append(out, k)
		}
	}
	return out, nil
}

func (c *compiler) relTypes(types []nameRef) ([]graph.Rel, error) {
	var out []graph.Rel
	for _, t := range types {
		r, err := graph.ParseRel(t.s)
		if err != nil {
			hint := didYouMean(t.s, relTypes, func(s string) string { return ":" + s })
			if hint == "" {
				hint = "types: " + strings.Join(relTypes, ", ")
			}
			return nil, errAt(c.src, t.pos, hint, "unknown relation type :%s", t.s)
		}
		if !slices.Contains(out, r) {
			out = append(out, r)
		}
	}
	return out, nil
}

func (c *compiler) checkKeys(props []*propPat, known []string) error {
	for _, p := range props {
		if !slices.Contains(known, p.key) {
			hint := didYouMean(p.key, known, nil)
			if hint == "" {
				hint = "properties: " + strings.Join(known, ", ")
			}
			return errAt(c.src, p.pos, hint, "unknown property %s", p.key)
		}
	}
	return nil
}

// compileWhere splits WHERE into conjuncts and compiles each as a filter
// placed as soon as its variables are bound.
func (mp *matchPlanner) compileWhere() error {
	mp.where = conjuncts(mp.m.where, nil)
	for _, w := range mp.where {
		f, err := mp.c.expr(w, &exprCtx{scope: mp.c.scope, noAgg: "in WHERE; aggregate in WITH and filter after it"})
		if err != nil {
			return err
		}
		mp.filters = append(mp.filters, &filter{fn: f, slots: mp.slotsOf(w), text: exprString(w), pos: w.exprPos()})
	}
	return nil
}

func conjuncts(e expr, out []expr) []expr {
	if b, ok := e.(*binExpr); ok && b.op == "AND" {
		return conjuncts(b.r, conjuncts(b.l, out))
	}
	if e != nil {
		out = append(out, e)
	}
	return out
}

func (mp *matchPlanner) slotsOf(e expr) []int {
	var out []int
	for _, v := range freeVars(e, false) {
		if vi, ok := mp.c.scope[v.name]; ok && !slices.Contains(out, vi.slot) {
			out = append(out, vi.slot)
		}
	}
	return out
}

// usesOnlyPrior reports whether e can be computed before the clause binds
// anything: it reads only parameters, literals and earlier variables.
func (mp *matchPlanner) usesOnlyPrior(e expr) bool {
	for _, v := range freeVars(e, false) {
		if _, ok := mp.prior[v.name]; !ok {
			return false
		}
	}
	return true
}

func (mp *matchPlanner) compileRelProps() error {
	for _, r := range mp.rels {
		for _, p := range r.pat.props {
			if !mp.usesOnlyPrior(p.x) {
				return errAt(mp.c.src, p.pos, "move the comparison to WHERE", "a relationship property in a pattern may use only parameters, literals and earlier variables")
			}
			f, err := mp.c.expr(p.x, &exprCtx{scope: mp.c.scope, noAgg: "in a pattern"})
			if err != nil {
				return err
			}
			r.props = append(r.props, relProp{key: p.key, fn: f})
		}
	}
	return nil
}

// labelsFromWhere applies a WHERE conjunct n:Label to the pattern node n,
// so the planner can start from the kind index; the conjunct stays a
// filter.
func (mp *matchPlanner) labelsFromWhere() error {
	for _, w := range mp.where {
		le, ok := w.(*labelExpr)
		if !ok {
			continue
		}
		pn := mp.byName[le.x.name]
		if pn == nil || pn.bound {
			continue
		}
		kinds, err := mp.c.kinds(le.labels)
		if err != nil {
			return err
		}
		if pn.hasKinds {
			kinds = slices.DeleteFunc(kinds, func(k graph.Kind) bool { return !slices.Contains(pn.kinds, k) })
		}
		pn.kinds, pn.hasKinds = kinds, true
	}
	return nil
}

// chooseAccess finds, for each new node, an ID or a name to start from:
// {id: ...} or WHERE n.id = ...; {name: ...}, or WHERE n.name = ... when
// the node's labels are all entity kinds (the alias index holds entities).
func (mp *matchPlanner) chooseAccess() {
	for _, pn := range mp.nodes {
		if pn.bound {
			continue
		}
		for _, p := range pn.props {
			switch {
			case p.key == "id" && pn.idAccess == nil && mp.usesOnlyPrior(p.x):
				pn.idAccess = p.x
			case p.key == "name" && pn.nameAccess == nil && !nameIsText(pn) && mp.usesOnlyPrior(p.x):
				pn.nameAccess = p.x
			}
		}
		for _, w := range mp.where {
			key, val := mp.equalityOn(pn, w)
			switch {
			case key == "id" && pn.idAccess == nil:
				pn.idAccess = val
			case key == "name" && pn.nameAccess == nil && entityKinds(pn):
				pn.nameAccess = val
			}
		}
	}
}

// nameIsText reports whether the node's labels allow only claims and
// articles, which the alias index does not hold: their {name: ...} is
// compared exactly, like WHERE n.name = ....
func nameIsText(pn *pnode) bool {
	if !pn.hasKinds {
		return false
	}
	for _, k := range pn.kinds {
		if k.IsEntity() {
			return false
		}
	}
	return true
}

func entityKinds(pn *pnode) bool {
	if !pn.hasKinds || len(pn.kinds) == 0 {
		return false
	}
	for _, k := range pn.kinds {
		if !k.IsEntity() {
			return false
		}
	}
	return true
}

// equalityOn matches a conjunct n.key = value (either way round) where
// value can be computed before the clause.
func (mp *matchPlanner) equalityOn(pn *pnode, w expr) (string, expr) {
	b, ok := w.(*binExpr)
	if !ok || b.op != "=" || pn.name == "" {
		return "", nil
	}
	for _, side := range [][2]expr{{b.l, b.r}, {b.r, b.l}} {
		p, ok := side[0].(*propExpr)
		if !ok {
			continue
		}
		if v, ok := p.x.(*varExpr); ok && v.name == pn.name && mp.usesOnlyPrior(side[1]) {
			return p.key, side[1]
		}
	}
	return "", nil
}

func (pn *pnode) score() int {
	switch {
	case pn.idAccess != nil:
		return 10
	case pn.nameAccess != nil:
		return 20
	case pn.hasKinds:
		r := 0
		for _, k := range pn.kinds {
			r = max(r, kindRank(k))
		}
		return 30 + r
	}
	return 100
}

// plan orders the clause: bound nodes first, then expansions from what is
// bound, starting each unconnected part at its most selective node.
func (mp *matchPlanner) plan() error {
	if err := mp.place(); err != nil {
		return err
	}
	for _, pn := range mp.nodes {
		if pn.bound {
			if err := mp.bindBound(pn); err != nil {
				return err
			}
		}
	}
	for {
		if r := mp.nextRel(); r != nil {
			if err := mp.expand(r); err != nil {
				return err
			}
			continue
		}
		start := mp.bestStart()
		if start == nil {
			break
		}
		if err := mp.start(start); err != nil {
			return err
		}
	}
	for _, f := range mp.filters {
		if !f.placed {
			return errAt(mp.c.src, mp.m.pos, "", "internal error: filter %s was not placed", f.text)
		}
	}
	return nil
}

// nextRel picks the next relationship to expand: one that closes a cycle
// between bound nodes first, then one leaving a bound node, in pattern
// order.
func (mp *matchPlanner) nextRel() *prel {
	var leaving *prel
	for _, r := range mp.rels {
		if r.done {
			continue
		}
		if r.a.covered && r.b.covered {
			return r
		}
		if leaving == nil && (r.a.covered || r.b.covered) {
			leaving = r
		}
	}
	return leaving
}

func (mp *matchPlanner) bestStart() *pnode {
	var best *pnode
	consider := func(pn *pnode) {
		if !pn.covered && (best == nil || pn.score() < best.score()) {
			best = pn
		}
	}
	for _, r := range mp.rels {
		if !r.done {
			consider(r.a)
			consider(r.b)
		}
	}
	if best != nil {
		return best
	}
	for _, pn := range mp.nodes {
		consider(pn)
	}
	return best
}

// cover marks pn bound and queues the filters of its inline properties.
func (mp *matchPlanner) cover(pn *pnode) error {
	pn.covered = true
	mp.covered[pn.slot] = true
	for _, p := range pn.props {
		if p == pn.consumed {
			continue
		}
		f, err := mp.propFilter(pn, p)
		if err != nil {
			return err
		}
		mp.filters = append(mp.filters, f)
	}
	return mp.place()
}

// propFilter turns {key: value} into a filter. {name: v} matches the names
// and aliases the store's Lookup matches, like a start by name does.
func (mp *matchPlanner) propFilter(pn *pnode, p *propPat) (*filter, error) {
	val, err := mp.c.expr(p.x, &exprCtx{scope: mp.c.scope, noAgg: "in a pattern"})
	if err != nil {
		return nil, err
	}
	slots := append([]int{pn.slot}, mp.slotsOf(p.x)...)
	slot, key := pn.slot, p.key
	if key == "name" && !nameIsText(pn) {
		return &filter{slots: slots, text: fmt.Sprintf("%s has name or alias %s", pn.display, exprString(p.x)),
			fn: func(x *exec, row []any) (any, error) { return nameMatches(x, row[slot], val, row) }}, nil
	}
	return &filter{slots: slots, text: fmt.Sprintf("%s.%s = %s", pn.display, quoteName(key), exprString(p.x)),
		fn: func(x *exec, row []any) (any, error) {
			v, err := val(x, row)
			if err != nil {
				return nil, err
			}
			n, _ := row[slot].(*nodeRef)
			if n == nil {
				return nil, nil
			}
			got, err := x.nodeProp(n, key)
			if err != nil {
				return nil, err
			}
			return equal(got, v), nil
		}}, nil
}

func nameMatches(x *exec, nv any, val evalFn, row []any) (any, error) {
	n, _ := nv.(*nodeRef)
	v, err := val(x, row)
	if err != nil || n == nil {
		return nil, err
	}
	s, ok := v.(string)
	if !ok {
		return false, nil
	}
	ids, err := x.lookup(s)
	if err != nil {
		return nil, err
	}
	return ids.set[n.id], nil
}

// place queues every filter whose variables are now bound.
func (mp *matchPlanner) place() error {
	for _, f := range mp.filters {
		if f.placed || !mp.allCovered(f.slots) {
			continue
		}
		f.placed = true
		mp.steps = append(mp.steps, &filterSpec{fn: f.fn, pos: f.pos})
		mp.c.addPlan("Filter", f.text)
	}
	return nil
}

func (mp *matchPlanner) allCovered(slots []int) bool {
	for _, s := range slots {
		if !mp.covered[s] {
			return false
		}
	}
	return true
}

// bindBound checks a node bound by an earlier clause: it must be a node
// and have this clause's labels.
func (mp *matchPlanner) bindBound(pn *pnode) error {
	if pn.hasKinds || pn.typ == tyAny {
		mp.steps = append(mp.steps, &checkNodeSpec{slot: pn.slot, name: pn.display, kinds: pn.kinds, hasKinds: pn.hasKinds, pos: pn.pos})
		mp.c.addPlan("CheckNode", pn.display+labelsText(pn)+" bound earlier")
	}
	return mp.cover(pn)
}

func labelsText(pn *pnode) string {
	if !pn.hasKinds {
		return ""
	}
	if len(pn.kinds) == 0 {
		return ":<none: the labels exclude each other>"
	}
	ls := make([]string, len(pn.kinds))
	for i, k := range pn.kinds {
		ls[i] = kindLabel(k)
	}
	return ":" + strings.Join(ls, "|")
}

// start plans the access to a node nothing else binds.
func (mp *matchPlanner) start(pn *pnode) error {
	s := &startSpec{slot: pn.slot, kinds: pn.kinds, hasKinds: pn.hasKinds}
	node := "(" + pn.display + labelsText(pn) + ")"
	ec := &exprCtx{scope: mp.c.scope, noAgg: "in a pattern"}
	var err error
	switch {
	case pn.idAccess != nil:
		s.method = byID
		s.key, err = mp.c.expr(pn.idAccess, ec)
		mp.consume(pn, "id", pn.idAccess)
		mp.c.addPlan("NodeByID", fmt.Sprintf("%s id = %s", node, exprString(pn.idAccess)))
	case pn.nameAccess != nil:
		s.method = byName
		s.key, err = mp.c.expr(pn.nameAccess, ec)
		mp.consume(pn, "name", pn.nameAccess)
		mp.c.addPlan("NodeByName", fmt.Sprintf("%s name or alias %s, from the alias index", node, exprString(pn.nameAccess)))
	case pn.hasKinds:
		s.method = byKind
		mp.c.addPlan("NodesOfKind", node+" from the kind index")
	default:
		s.method = allNodes
		mp.c.addPlan("AllNodes", node+" full scan: nothing bounds this node")
	}
	if err != nil {
		return err
	}
	mp.steps = append(mp.steps, s)
	return mp.cover(pn)
}

// consume marks the inline property an access method answers, so it is
// not checked again.
func (mp *matchPlanner) consume(pn *pnode, key string, x expr) {
	for _, p := range pn.props {
		if p.key == key && p.x == x {
			pn.consumed = p
		}
	}
}

// expand plans a walk along r from its bound end.
func (mp *matchPlanner) expand(r *prel) error {
	from, to := r.a, r.b
	dir := map[relDir]graph.Direction{dirRight: graph.Out, dirLeft: graph.In, dirBoth: graph.Both}[r.pat.dir]
	if !r.a.covered {
		from, to = r.b, r.a
		dir = map[graph.Direction]graph.Direction{graph.Out: graph.In, graph.In: graph.Out, graph.Both: graph.Both}[dir]
	}
	s := &expandSpec{from: from.slot, to: to.slot, rel: r.slot, dir: dir, rels: r.rels,
		kinds: to.kinds, hasKinds: to.hasKinds, into: to.covered, props: r.props,
		others: slices.Clone(mp.relDone), varLen: r.pat.varLen, min: r.pat.min, max: r.pat.max,
		fromName: from.display, pos: r.pat.pos}
	op := "Expand"
	switch {
	case s.varLen:
		op = "VarLengthExpand"
	case s.into:
		op = "ExpandInto"
	}
	mp.c.addPlan(op, mp.expandText(r, from, to, dir))
	mp.steps = append(mp.steps, s)
	r.done = true
	mp.relDone = append(mp.relDone, r.slot)
	mp.covered[r.slot] = true
	return mp.cover(to)
}

func (mp *matchPlanner) expandText(r *prel, from, to *pnode, dir graph.Direction) string {
	var b strings.Builder
	b.WriteString("(" + from.display + ")")
	if dir == graph.In {
		b.WriteString("<")
	}
	b.WriteString("-[")
	if r.name != "" {
		b.WriteString(quoteName(r.name))
	}
	for i, t := range r.rels {
		if i == 0 {
			b.WriteString(":")
		} else {
			b.WriteString("|")
		}
		b.WriteString(string(t))
	}
	if r.pat.varLen {
		b.WriteString(fmt.Sprintf("*%d..", r.pat.min))
		if r.pat.max >= 0 {
			b.WriteString(fmt.Sprint(r.pat.max))
		}
	}
	for i, p := range r.pat.props {
		if i == 0 {
			b.WriteString(" {")
		} else {
			b.WriteString(", ")
		}
		b.WriteString(quoteName(p.key) + ": " + exprString(p.x))
		if i == len(r.pat.props)-1 {
			b.WriteString("}")
		}
	}
	b.WriteString("]-")
	if dir == graph.Out {
		b.WriteString(">")
	}
	b.WriteString("(" + to.display + labelsText(to) + ")")
	if r.pat.varLen && r.pat.max < 0 {
		b.WriteString(fmt.Sprintf(", at most %d hops", DefaultMaxHops))
	}
	return b.String()
}
