package query

import (
	"math"
	"regexp"
	"slices"
	"sort"
	"strings"
)

// evalFn computes an expression over a row.
type evalFn func(x *exec, row []any) (any, error)

// varType is what the checker knows about a variable's values.
type varType int

const (
	tyAny     varType = iota // anything: an UNWIND or WITH value
	tyNode                   // a node, or null from OPTIONAL MATCH
	tyRel                    // a relationship
	tyRelList                // the relationships of a variable-length pattern
)

// varInfo is a variable in scope and the row slot that holds it.
type varInfo struct {
	name string
	slot int
	typ  varType
}

// scope maps variable names to their slots.
type scope map[string]*varInfo

func (s scope) names() []string {
	out := make([]string, 0, len(s))
	for n := range s {
		out = append(out, n)
	}
	sort.Strings(out)
	return out
}

// exprCtx says where an expression is compiled: the variables it sees and
// whether it may hold aggregates.
type exprCtx struct {
	scope scope
	// aggs collects the aggregates of a projection; nil where they are not
	// allowed, with noAgg naming the place ("in WHERE").
	aggs  *aggSet
	noAgg string
	// aggScope is the scope of aggregate arguments when it differs from
	// scope (ORDER BY after an aggregating RETURN).
	aggScope scope
}

// aggSet is the aggregates of one projection, each with a slot for its
// result.
type aggSet struct {
	specs  []*aggSpec
	byText map[string]*aggSpec
}

type aggSpec struct {
	name     string // lower case: count, collect, min, max, sum, avg
	distinct bool
	star     bool
	arg      evalFn
	slot     int
	text     string
	pos      int
}

var aggregates = []string{"count", "collect", "min", "max", "sum", "avg"}

func isAggregate(name string) bool { return slices.Contains(aggregates, strings.ToLower(name)) }

// hasAggregate reports whether e calls an aggregate function.
func hasAggregate(e expr) bool {
	found := false
	walkExpr(e, func(e expr) bool {
		if c, ok := e.(*callExpr); ok && isAggregate(c.name) {
			found = true
		}
		return !found
	})
	return found
}

// freeVars lists the variables e reads, outside aggregate calls when
// skipAggs is set.
func freeVars(e expr, skipAggs bool) []*varExpr {
	var out []*varExpr
	walkExpr(e, func(e expr) bool {
		switch e := e.(type) {
		case *varExpr:
			out = append(out, e)
		case *callExpr:
			return !(skipAggs && isAggregate(e.name))
		}
		return true
	})
	return out
}

func (c *compiler) expr(e expr, ec *exprCtx) (evalFn, error) {
	switch e := e.(type) {
	case *litExpr:
		v := e.v
		return func(*exec, []any) (any, error) { return v, nil }, nil
	case *paramExpr:
		c.prog.params = append(c.prog.params, e)
		name := e.name
		return func(x *exec, _ []any) (any, error) { return x.params[name], nil }, nil
	case *varExpr:
		vi, err := c.lookupVar(e, ec.scope)
		if err != nil {
			return nil, err
		}
		slot := vi.slot
		return func(_ *exec, row []any) (any, error) { return row[slot], nil }, nil
	case *propExpr:
		return c.propExpr(e, ec)
	case *indexExpr:
		return c.indexExpr(e, ec)
	case *callExpr:
		return c.call(e, ec)
	case *unaryExpr:
		return c.unary(e, ec)
	case *binExpr:
		return c.binary(e, ec)
	case *isNullExpr:
		f, err := c.expr(e.x, ec)
		if err != nil {
			return nil, err
		}
		not := e.not
		return func(x *exec, row []any) (any, error) {
			v, err := f(x, row)
			return (v == nil) != not, err
		}, nil
	case *listExpr:
		fs, err := c.exprs(e.elems, ec)
		if err != nil {
			return nil, err
		}
		return func(x *exec, row []any) (any, error) { return evalAll(x, row, fs) }, nil
	case *mapExpr:
		return c.mapExpr(e, ec)
	case *labelExpr:
		return c.labelExpr(e, ec)
	}
	return nil, errAt(c.src, e.exprPos(), "", "unsupported expression")
}

func (c *compiler) exprs(es []expr, ec *exprCtx) ([]evalFn, error) {
	fs := make([]evalFn, len(es))
	for i, e := range es {
		f, err := c.expr(e, ec)
		if err != nil {
			return nil, err
		}
		fs[i] = f
	}
	return fs, nil
}

func evalAll(x *exec, row []any, fs []evalFn) ([]any, error) {
	out := make([]any, len(fs))
	for i, f := range fs {
		v, err := f(x, row)
		if err != nil {
			return nil, err
		}
		out[i] = v
	}
	return out, nil
}

func (c *compiler) lookupVar(e *varExpr, s scope) (*varInfo, error) {
	if vi, ok := s[e.name]; ok {
		return vi, nil
	}
	names := s.names()
	hint := didYouMean(e.name, names, nil)
	if hint == "" && len(names) > 0 && len(names) <= 10 {
		hint = "in scope: " + strings.Join(names, ", ")
	}
	return nil, errAt(c.src, e.pos, hint, "variable %s is not defined", e.name)
}

func (c *compiler) mapExpr(e *mapExpr, ec *exprCtx) (evalFn, error) {
	fs, err := c.exprs(e.vals, ec)
	if err != nil {
		return nil, err
	}
	keys := e.keys
	return func(x *exec, row []any) (any, error) {
		m := make(map[string]any, len(keys))
		for i, f := range fs {
			v, err := f(x, row)
			if err != nil {
				return nil, err
			}
			m[keys[i]] = v
		}
		return m, nil
	}, nil
}

// propExpr checks the property name against the known properties when
// the variable is known to be a node or relationship.
func (c *compiler) propExpr(e *propExpr, ec *exprCtx) (evalFn, error) {
	if v, ok := e.x.(*varExpr); ok {
		if vi, ok := ec.scope[v.name]; ok {
			var known []string
			switch vi.typ {
			case tyNode:
				known = nodeProps
			case tyRel:
				known = edgeProps
			case tyRelList:
				return nil, errAt(c.src, e.pos, "the variable holds the list of relationships of a variable-length pattern", "cannot read property %s of %s", e.key, v.name)
			}
			if known != nil && !slices.Contains(known, e.key) {
				hint := didYouMean(e.key, known, nil)
				if hint == "" {
					hint = "properties: " + strings.Join(known, ", ")
				}
				return nil, errAt(c.src, e.pos, hint, "unknown property %s", e.key)
			}
		}
	}
	f, err := c.expr(e.x, ec)
	if err != nil {
		return nil, err
	}
	key, pos := e.key, e.pos
	return func(x *exec, row []any) (any, error) {
		v, err := f(x, row)
		if err != nil {
			return nil, err
		}
		return x.prop(pos, v, key)
	}, nil
}

func (c *compiler) indexExpr(e *indexExpr, ec *exprCtx) (evalFn, error) {
	fx, err := c.expr(e.x, ec)
	if err != nil {
		return nil, err
	}
	fi, err := c.expr(e.i, ec)
	if err != nil {
		return nil, err
	}
	pos := e.pos
	return func(x *exec, row []any) (any, error) {
		v, err := fx(x, row)
		if err != nil {
			return nil, err
		}
		i, err := fi(x, row)
		if err != nil || v == nil || i == nil {
			return nil, err
		}
		return index(x, pos, v, i)
	}, nil
}

func index(x *exec, pos int, v, i any) (any, error) {
	switch v := v.(type) {
	case []any:
		n, ok := i.(int64)
		if !ok {
			return nil, x.rtErr(pos, "a list index must be an integer, not %s", aType(i))
		}
		if n < 0 {
			n += int64(len(v))
		}
		if n < 0 || n >= int64(len(v)) {
			return nil, nil
		}
		return v[n], nil
	case map[string]any, *nodeRef, *edgeRef:
		k, ok := i.(string)
		if !ok {
			return nil, x.rtErr(pos, "a map key must be a string, not %s", aType(i))
		}
		return x.prop(pos, v, k)
	}
	return nil, x.rtErr(pos, "cannot index %s", aType(v))
}

func (c *compiler) unary(e *unaryExpr, ec *exprCtx) (evalFn, error) {
	f, err := c.expr(e.x, ec)
	if err != nil {
		return nil, err
	}
	pos := e.pos
	if e.op == "NOT" {
		return func(x *exec, row []any) (any, error) {
			v, err := f(x, row)
			if err != nil {
				return nil, err
			}
			t, ok := truth(v)
			if !ok {
				return nil, x.rtErr(pos, "NOT needs a boolean, not %s", aType(v))
			}
			if t == nil {
				return nil, nil
			}
			return !t.(bool), nil
		}, nil
	}
	return func(x *exec, row []any) (any, error) {
		v, err := f(x, row)
		if err != nil {
			return nil, err
		}
		switch v := v.(type) {
		case nil:
			return nil, nil
		case int64:
			return -v, nil
		case float64:
			return -v, nil
		}
		return nil, x.rtErr(pos, "cannot negate %s", aType(v))
	}, nil
}

func (c *compiler) binary(e *binExpr, ec *exprCtx) (evalFn, error) {
	fl, err := c.expr(e.l, ec)
	if err != nil {
		return nil, err
	}
	if e.op == "=~" {
		if lit, ok := e.r.(*litExpr); ok {
			return c.literalRegex(e, lit, fl)
		}
	}
	fr, err := c.expr(e.r, ec)
	if err != nil {
		return nil, err
	}
	switch e.op {
	case "AND", "OR", "XOR":
		return logical(e.op, e.pos, fl, fr), nil
	}
	op, pos := e.op, e.pos
	return func(x *exec, row []any) (any, error) {
		l, err := fl(x, row)
		if err != nil {
			return nil, err
		}
		r, err := fr(x, row)
		if err != nil {
			return nil, err
		}
		return apply(x, pos, op, l, r)
	}, nil
}

// literalRegex compiles a literal pattern once, while parsing, so a bad
// pattern is reported with its position.
func (c *compiler) literalRegex(e *binExpr, lit *litExpr, fl evalFn) (evalFn, error) {
	pat, ok := lit.v.(string)
	if !ok {
		return nil, errAt(c.src, lit.pos, "", "=~ needs a string pattern, not %s", aType(lit.v))
	}
	re, err := compileFullMatch(pat)
	if err != nil {
		return nil, errAt(c.src, lit.pos, "patterns use Go's regexp syntax", "invalid regular expression: %v", err)
	}
	pos := e.pos
	return func(x *exec, row []any) (any, error) {
		l, err := fl(x, row)
		if err != nil {
			return nil, err
		}
		return matchRegex(x, pos, l, re)
	}, nil
}

func matchRegex(x *exec, pos int, l any, re *regexp.Regexp) (any, error) {
	switch s := l.(type) {
	case nil:
		return nil, nil
	case string:
		return re.MatchString(s), nil
	}
	return nil, x.rtErr(pos, "=~ needs a string on its left, not %s", aType(l))
}

// logical is AND, OR and XOR in three-valued logic; AND and OR skip their
// right side when the left decides.
func logical(op string, pos int, fl, fr evalFn) evalFn {
	operand := func(x *exec, row []any, f evalFn) (any, error) {
		v, err := f(x, row)
		if err != nil {
			return nil, err
		}
		t, ok := truth(v)
		if !ok {
			return nil, x.rtErr(pos, "%s needs booleans, not %s", op, aType(v))
		}
		return t, nil
	}
	return func(x *exec, row []any) (any, error) {
		l, err := operand(x, row, fl)
		if err != nil {
			return nil, err
		}
		if (op == "AND" && l == false) || (op == "OR" && l == true) {
			return l, nil
		}
		r, err := operand(x, row, fr)
		if err != nil {
			return nil, err
		}
		switch op {
		case "AND":
			if r == false {
				return false, nil
			}
		case "OR":
			if r == true {
				return true, nil
			}
		}
		if l == nil || r == nil {
			return nil, nil
		}
		if op == "XOR" {
			return l != r, nil
		}
		return r, nil
	}
}

// apply evaluates a binary operator on two values.
func apply(x *exec, pos int, op string, l, r any) (any, error) {
	switch op {
	case "=":
		return equal(l, r), nil
	case "<>":
		eq := equal(l, r)
		if eq == nil {
			return nil, nil
		}
		return !eq.(bool), nil
	case "<", "<=", ">", ">=":
		return compareOp(op, l, r), nil
	case "IN":
		return in(x, pos, l, r)
	case "CONTAINS", "STARTS WITH", "ENDS WITH":
		return stringOp(op, l, r), nil
	case "=~":
		if l == nil || r == nil {
			return nil, nil
		}
		pat, ok := r.(string)
		if !ok {
			return nil, x.rtErr(pos, "=~ needs a string pattern, not %s", aType(r))
		}
		re, err := x.regex(pos, pat)
		if err != nil {
			return nil, err
		}
		return matchRegex(x, pos, l, re)
	}
	return arith(x, pos, op, l, r)
}

func compareOp(op string, l, r any) any {
	if l == nil || r == nil {
		return nil
	}
	c, ok := compareValues(l, r)
	if !ok {
		return nil
	}
	switch op {
	case "<":
		return c < 0
	case "<=":
		return c <= 0
	case ">":
		return c > 0
	}
	return c >= 0
}

func in(x *exec, pos int, l, r any) (any, error) {
	if r == nil {
		return nil, nil
	}
	list, ok := r.([]any)
	if !ok {
		return nil, x.rtErr(pos, "IN needs a list on its right, not %s", aType(r))
	}
	var res any = false
	for _, e := range list {
		switch equal(l, e) {
		case true:
			return true, nil
		case nil:
			res = nil
		}
	}
	return res, nil
}

func stringOp(op string, l, r any) any {
	ls, ok1 := l.(string)
	rs, ok2 := r.(string)
	if !ok1 || !ok2 {
		return nil
	}
	switch op {
	case "CONTAINS":
		return strings.Contains(ls, rs)
	case "STARTS WITH":
		return strings.HasPrefix(ls, rs)
	}
	return strings.HasSuffix(ls, rs)
}

// arith is + - * / % over numbers; + also joins strings and lists.
func arith(x *exec, pos int, op string, l, r any) (any, error) {
	if l == nil || r == nil {
		return nil, nil
	}
	if op == "+" {
		if v, ok := concat(l, r); ok {
			return v, nil
		}
	}
	li, lInt := l.(int64)
	ri, rInt := r.(int64)
	if lInt && rInt {
		return intArith(x, pos, op, li, ri)
	}
	lf, ok1 := toFloat(l)
	rf, ok2 := toFloat(r)
	if !ok1 || !ok2 {
		return nil, x.rtErr(pos, "cannot apply %s to %s and %s", op, aType(l), aType(r))
	}
	switch op {
	case "+":
		return lf + rf, nil
	case "-":
		return lf - rf, nil
	case "*":
		return lf * rf, nil
	case "/":
		return lf / rf, nil
	}
	return math.Mod(lf, rf), nil
}

func intArith(x *exec, pos int, op string, l, r int64) (any, error) {
	switch op {
	case "+":
		return l + r, nil
	case "-":
		return l - r, nil
	case "*":
		return l * r, nil
	}
	if r == 0 {
		return nil, x.rtErr(pos, "division by zero")
	}
	if op == "/" {
		return l / r, nil
	}
	return l % r, nil
}

func concat(l, r any) (any, bool) {
	if ll, ok := l.([]any); ok {
		if rl, ok := r.([]any); ok {
			return append(slices.Clip(ll), rl...), true
		}
		return append(slices.Clip(ll), r), true
	}
	if rl, ok := r.([]any); ok {
		return append([]any{l}, rl...), true
	}
	ls, lok := l.(string)
	rs, rok := r.(string)
	switch {
	case lok && rok:
		return ls + rs, true
	case lok:
		if s, ok := toStringValue(r); ok {
			return ls + s, true
		}
	case rok:
		if s, ok := toStringValue(l); ok {
			return s + rs, true
		}
	}
	return nil, false
}

// labelExpr compiles n:Label (the node has one of the kinds) and r:TYPE
// (the relationship has one of the relations); null stays null.
func (c *compiler) labelExpr(e *labelExpr, ec *exprCtx) (evalFn, error) {
	vi, err := c.lookupVar(e.x, ec.scope)
	if err != nil {
		return nil, err
	}
	if vi.typ == tyRel {
		rels, err := c.relTypes(e.labels)
		if err != nil {
			return nil, err
		}
		slot := vi.slot
		return func(x *exec, row []any) (any, error) {
			r, ok := row[slot].(*edgeRef)
			if !ok {
				return nil, nil
			}
			return slices.Contains(rels, r.e.Rel), nil
		}, nil
	}
	kinds, err := c.kinds(e.labels)
	if err != nil {
		return nil, err
	}
	slot, pos := vi.slot, e.x.pos
	return func(x *exec, row []any) (any, error) {
		switch n := row[slot].(type) {
		case nil:
			return nil, nil
		case *nodeRef:
			return kindOK(x, n, true, kinds)
		default:
			return nil, x.rtErr(pos, "%s is %s, not a node", e.x.name, aType(n))
		}
	}, nil
}
