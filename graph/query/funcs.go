package query

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"
)

// funcDef is a scalar function: its arity and body. A null argument makes
// most functions return null.
type funcDef struct {
	minArgs, maxArgs int
	fn               func(x *exec, pos int, args []any) (any, error)
}

// scalarFuncs is the table of scalar functions by lower-case name.
var scalarFuncs = map[string]funcDef{
	"id":         {1, 1, fnID},
	"type":       {1, 1, fnType},
	"labels":     {1, 1, fnLabels},
	"properties": {1, 1, fnProperties},
	"keys":       {1, 1, fnKeys},
	"size":       {1, 1, fnSize},
	"length":     {1, 1, fnSize},
	"coalesce":   {1, 64, fnCoalesce},
	"head":       {1, 1, fnHead},
	"last":       {1, 1, fnLast},
	"tolower":    {1, 1, stringFn(strings.ToLower)},
	"toupper":    {1, 1, stringFn(strings.ToUpper)},
	"trim":       {1, 1, stringFn(strings.TrimSpace)},
	"ltrim":      {1, 1, stringFn(func(s string) string { return strings.TrimLeft(s, " \t\r\n") })},
	"rtrim":      {1, 1, stringFn(func(s string) string { return strings.TrimRight(s, " \t\r\n") })},
	"tostring":   {1, 1, fnToString},
	"tointeger":  {1, 1, fnToInteger},
	"tofloat":    {1, 1, fnToFloat},
	"abs":        {1, 1, fnAbs},
	"replace":    {3, 3, fnReplace},
	"split":      {2, 2, fnSplit},
	"substring":  {2, 3, fnSubstring},
	"startnode":  {1, 1, fnStartNode},
	"endnode":    {1, 1, fnEndNode},
}

// functionNames lists the functions as they are suggested.
func functionNames() []string {
	return append([]string{"id", "type", "labels", "properties", "keys", "size", "length",
		"coalesce", "head", "last", "toLower", "toUpper", "trim", "lTrim", "rTrim", "toString",
		"toInteger", "toFloat", "abs", "replace", "split", "substring", "startNode", "endNode"},
		aggregates...)
}

func (c *compiler) call(e *callExpr, ec *exprCtx) (evalFn, error) {
	name := strings.ToLower(e.name)
	if isAggregate(name) {
		return c.aggregate(e, ec)
	}
	def, ok := scalarFuncs[name]
	if !ok {
		return nil, errAt(c.src, e.pos, didYouMean(e.name, functionNames(), func(s string) string { return s + "()" }), "unknown function %s()", e.name)
	}
	switch {
	case e.distinct:
		return nil, errAt(c.src, e.pos, "", "DISTINCT applies only to aggregates such as count(DISTINCT x)")
	case e.star:
		return nil, errAt(c.src, e.pos, "", "only count(*) takes *")
	case len(e.args) < def.minArgs || len(e.args) > def.maxArgs:
		return nil, errAt(c.src, e.pos, "", "%s() takes %s, not %d", e.name, arity(def), len(e.args))
	}
	fs, err := c.exprs(e.args, ec)
	if err != nil {
		return nil, err
	}
	pos := e.pos
	return func(x *exec, row []any) (any, error) {
		args, err := evalAll(x, row, fs)
		if err != nil {
			return nil, err
		}
		return def.fn(x, pos, args)
	}, nil
}

func arity(d funcDef) string {
	switch {
	case d.minArgs == d.maxArgs && d.minArgs == 1:
		return "1 argument"
	case d.minArgs == d.maxArgs:
		return fmt.Sprintf("%d arguments", d.minArgs)
	case d.maxArgs > 8:
		return fmt.Sprintf("at least %d argument", d.minArgs)
	}
	return fmt.Sprintf("%d to %d arguments", d.minArgs, d.maxArgs)
}

// aggregate registers an aggregate call of a projection and returns a
// reader of its result slot. The same call written twice shares a slot.
func (c *compiler) aggregate(e *callExpr, ec *exprCtx) (evalFn, error) {
	name := strings.ToLower(e.name)
	if ec.aggs == nil {
		return nil, errAt(c.src, e.pos, "", "%s() is not allowed %s", e.name, ec.noAgg)
	}
	if e.star && name != "count" {
		return nil, errAt(c.src, e.pos, "", "only count(*) takes *")
	}
	if !e.star && len(e.args) != 1 {
		return nil, errAt(c.src, e.pos, "", "%s() takes 1 argument, not %d", e.name, len(e.args))
	}
	text := exprString(e)
	if a, ok := ec.aggs.byText[text]; ok {
		slot := a.slot
		return func(_ *exec, row []any) (any, error) { return row[slot], nil }, nil
	}
	a := &aggSpec{name: name, distinct: e.distinct, star: e.star, text: text, pos: e.pos}
	if !e.star {
		sc := ec.aggScope
		if sc == nil {
			sc = ec.scope
		}
		f, err := c.expr(e.args[0], &exprCtx{scope: sc, noAgg: "inside another aggregate"})
		if err != nil {
			return nil, err
		}
		a.arg = f
	}
	a.slot = c.newSlot()
	ec.aggs.specs = append(ec.aggs.specs, a)
	ec.aggs.byText[text] = a
	slot := a.slot
	return func(_ *exec, row []any) (any, error) { return row[slot], nil }, nil
}

func fnID(_ *exec, _ int, a []any) (any, error) {
	switch v := a[0].(type) {
	case *nodeRef:
		return v.id, nil
	case *edgeRef:
		return v.e.From + " " + string(v.e.Rel) + " " + v.e.To + " " + v.e.Article, nil
	}
	return nil, nil
}

func fnType(x *exec, pos int, a []any) (any, error) {
	switch v := a[0].(type) {
	case nil:
		return nil, nil
	case *edgeRef:
		return string(v.e.Rel), nil
	}
	return nil, x.rtErr(pos, "type() needs a relationship, not %s", aType(a[0]))
}

func fnLabels(x *exec, pos int, a []any) (any, error) {
	switch v := a[0].(type) {
	case nil:
		return nil, nil
	case *nodeRef:
		k, err := x.kindOf(v)
		return []any{string(k)}, err
	}
	return nil, x.rtErr(pos, "labels() needs a node, not %s", aType(a[0]))
}

func fnProperties(x *exec, pos int, a []any) (any, error) {
	switch v := a[0].(type) {
	case nil:
		return nil, nil
	case *nodeRef:
		return x.nodeMap(v)
	case *edgeRef:
		return edgeMap(v.e), nil
	case map[string]any:
		return v, nil
	}
	return nil, x.rtErr(pos, "properties() needs a node, relationship or map, not %s", aType(a[0]))
}

func fnKeys(x *exec, pos int, a []any) (any, error) {
	m, err := fnProperties(x, pos, a)
	if m == nil || err != nil {
		return nil, err
	}
	keys := sortedKeys(m.(map[string]any))
	out := make([]any, len(keys))
	for i, k := range keys {
		out[i] = k
	}
	return out, nil
}

func fnSize(x *exec, pos int, a []any) (any, error) {
	switch v := a[0].(type) {
	case nil:
		return nil, nil
	case string:
		return int64(utf8.RuneCountInString(v)), nil
	case []any:
		return int64(len(v)), nil
	case map[string]any:
		return int64(len(v)), nil
	}
	return nil, x.rtErr(pos, "size() needs a string or list, not %s", aType(a[0]))
}

func fnCoalesce(_ *exec, _ int, a []any) (any, error) {
	for _, v := range a {
		if v != nil {
			return v, nil
		}
	}
	return nil, nil
}

func fnHead(x *exec, pos int, a []any) (any, error) {
	l, err := listArg(x, pos, "head", a[0])
	if len(l) == 0 || err != nil {
		return nil, err
	}
	return l[0], nil
}

func fnLast(x *exec, pos int, a []any) (any, error) {
	l, err := listArg(x, pos, "last", a[0])
	if len(l) == 0 || err != nil {
		return nil, err
	}
	return l[len(l)-1], nil
}

func listArg(x *exec, pos int, fn string, v any) ([]any, error) {
	switch v := v.(type) {
	case nil:
		return nil, nil
	case []any:
		return v, nil
	}
	return nil, x.rtErr(pos, "%s() needs a list, not %s", fn, aType(v))
}

func stringFn(f func(string) string) func(*exec, int, []any) (any, error) {
	return func(x *exec, pos int, a []any) (any, error) {
		switch v := a[0].(type) {
		case nil:
			return nil, nil
		case string:
			return f(v), nil
		}
		return nil, x.rtErr(pos, "expected a string, not %s", aType(a[0]))
	}
}

// toStringValue formats a number, boolean or string as toString does.
func toStringValue(v any) (string, bool) {
	switch v := v.(type) {
	case string:
		return v, true
	case int64:
		return strconv.FormatInt(v, 10), true
	case float64:
		return literalString(v), true
	case bool:
		return strconv.FormatBool(v), true
	}
	return "", false
}

func fnToString(x *exec, pos int, a []any) (any, error) {
	if a[0] == nil {
		return nil, nil
	}
	s, ok := toStringValue(a[0])
	if !ok {
		return nil, x.rtErr(pos, "toString() cannot convert %s", aType(a[0]))
	}
	return s, nil
}

func fnToInteger(x *exec, pos int, a []any) (any, error) {
	switch v := a[0].(type) {
	case nil:
		return nil, nil
	case int64:
		return v, nil
	case float64:
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return nil, nil
		}
		return int64(v), nil
	case string:
		if n, err := strconv.ParseInt(strings.TrimSpace(v), 10, 64); err == nil {
			return n, nil
		}
		if f, err := strconv.ParseFloat(strings.TrimSpace(v), 64); err == nil && !math.IsNaN(f) && !math.IsInf(f, 0) {
			return int64(f), nil
		}
		return nil, nil
	case bool:
		return int64(boolInt(v)), nil
	}
	return nil, x.rtErr(pos, "toInteger() cannot convert %s", aType(a[0]))
}

func fnToFloat(x *exec, pos int, a []any) (any, error) {
	switch v := a[0].(type) {
	case nil:
		return nil, nil
	case int64:
		return float64(v), nil
	case float64:
		return v, nil
	case string:
		if f, err := strconv.ParseFloat(strings.TrimSpace(v), 64); err == nil {
			return f, nil
		}
		return nil, nil
	}
	return nil, x.rtErr(pos, "toFloat() cannot convert %s", aType(a[0]))
}

func fnAbs(x *exec, pos int, a []any) (any, error) {
	switch v := a[0].(type) {
	case nil:
		return nil, nil
	case int64:
		if v < 0 {
			return -v, nil
		}
		return v, nil
	case float64:
		return math.Abs(v), nil
	}
	return nil, x.rtErr(pos, "abs() needs a number, not %s", aType(a[0]))
}

func strArgs(x *exec, pos int, fn string, a []any) ([]string, bool, error) {
	out := make([]string, len(a))
	for i, v := range a {
		if v == nil {
			return nil, false, nil
		}
		s, ok := v.(string)
		if !ok {
			return nil, false, x.rtErr(pos, "%s() needs strings, not %s", fn, aType(v))
		}
		out[i] = s
	}
	return out, true, nil
}

func fnReplace(x *exec, pos int, a []any) (any, error) {
	s, ok, err := strArgs(x, pos, "replace", a)
	if !ok {
		return nil, err
	}
	return strings.ReplaceAll(s[0], s[1], s[2]), nil
}

func fnSplit(x *exec, pos int, a []any) (any, error) {
	s, ok, err := strArgs(x, pos, "split", a)
	if !ok {
		return nil, err
	}
	parts := strings.Split(s[0], s[1])
	out := make([]any, len(parts))
	for i, p := range parts {
		out[i] = p
	}
	return out, nil
}

func fnSubstring(x *exec, pos int, a []any) (any, error) {
	if a[0] == nil {
		return nil, nil
	}
	s, ok := a[0].(string)
	if !ok {
		return nil, x.rtErr(pos, "substring() needs a string, not %s", aType(a[0]))
	}
	r := []rune(s)
	start, ok := a[1].(int64)
	if !ok || start < 0 {
		return nil, x.rtErr(pos, "substring() needs a start that is a non-negative integer")
	}
	end := int64(len(r))
	if len(a) == 3 {
		n, ok := a[2].(int64)
		if !ok || n < 0 {
			return nil, x.rtErr(pos, "substring() needs a length that is a non-negative integer")
		}
		end = min(end, start+n)
	}
	if start >= end {
		return "", nil
	}
	return string(r[start:end]), nil
}

func fnStartNode(x *exec, pos int, a []any) (any, error) {
	switch v := a[0].(type) {
	case nil:
		return nil, nil
	case *edgeRef:
		return newNodeRef(v.e.From), nil
	}
	return nil, x.rtErr(pos, "startNode() needs a relationship, not %s", aType(a[0]))
}

func fnEndNode(x *exec, pos int, a []any) (any, error) {
	switch v := a[0].(type) {
	case nil:
		return nil, nil
	case *edgeRef:
		return newNodeRef(v.e.To), nil
	}
	return nil, x.rtErr(pos, "endNode() needs a relationship, not %s", aType(a[0]))
}
