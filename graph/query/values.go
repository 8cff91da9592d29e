package query

import (
	"cmp"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/claimgraph/claimgraph/graph"
)

// Values inside the executor are nil, bool, int64, float64, string, []any,
// map[string]any, *nodeRef and *edgeRef. Rows leave Run as plain Go values:
// nodes and edges become maps (see output).

// nodeRef is a bound node. Its kind comes from the ID's prefix; the node's
// other properties are read from the store only when needed.
type nodeRef struct {
	id   string
	kind graph.Kind
	n    *graph.Node
}

// edgeRef is a bound relationship.
type edgeRef struct {
	e graph.Edge
}

// typeName names a value's type for error messages.
func typeName(v any) string {
	switch v.(type) {
	case nil:
		return "null"
	case bool:
		return "boolean"
	case int64:
		return "integer"
	case float64:
		return "float"
	case string:
		return "string"
	case []any:
		return "list"
	case map[string]any:
		return "map"
	case *nodeRef:
		return "node"
	case *edgeRef:
		return "relationship"
	}
	return "value"
}

func toFloat(v any) (float64, bool) {
	switch v := v.(type) {
	case int64:
		return float64(v), true
	case float64:
		return v, true
	}
	return 0, false
}

// equal is Cypher's =: nil when either side is null (or a list holds a
// null that decides), otherwise true or false.
func equal(a, b any) any {
	if a == nil || b == nil {
		return nil
	}
	switch a := a.(type) {
	case int64:
		if bi, ok := b.(int64); ok {
			return a == bi
		}
		if bf, ok := b.(float64); ok {
			return float64(a) == bf
		}
	case float64:
		if bf, ok := toFloat(b); ok {
			return a == bf
		}
	case string:
		if bs, ok := b.(string); ok {
			return a == bs
		}
	case bool:
		if bb, ok := b.(bool); ok {
			return a == bb
		}
	case []any:
		if bl, ok := b.([]any); ok {
			return equalLists(a, bl)
		}
	case map[string]any:
		if bm, ok := b.(map[string]any); ok {
			return equalMaps(a, bm)
		}
	case *nodeRef:
		if bn, ok := b.(*nodeRef); ok {
			return a.id == bn.id
		}
	case *edgeRef:
		if be, ok := b.(*edgeRef); ok {
			return a.e.Key() == be.e.Key()
		}
	}
	return false
}

func equalLists(a, b []any) any {
	if len(a) != len(b) {
		return false
	}
	var res any = true
	for i := range a {
		switch equal(a[i], b[i]) {
		case false:
			return false
		case nil:
			res = nil
		}
	}
	return res
}

func equalMaps(a, b map[string]any) any {
	if len(a) != len(b) {
		return false
	}
	var res any = true
	for k, av := range a {
		bv, ok := b[k]
		if !ok {
			return false
		}
		switch equal(av, bv) {
		case false:
			return false
		case nil:
			res = nil
		}
	}
	return res
}

// compareValues orders two values of comparable types for <, <=, >, >=:
// numbers with numbers, strings with strings, booleans with booleans.
// ok is false otherwise (the comparison is null).
func compareValues(a, b any) (int, bool) {
	if af, ok := toFloat(a); ok {
		bf, ok := toFloat(b)
		if !ok {
			return 0, false
		}
		if ai, ok := a.(int64); ok {
			if bi, ok := b.(int64); ok {
				return cmp.Compare(ai, bi), true
			}
		}
		if math.IsNaN(af) || math.IsNaN(bf) {
			return 0, false
		}
		return cmp.Compare(af, bf), true
	}
	switch a := a.(type) {
	case string:
		if bs, ok := b.(string); ok {
			return strings.Compare(a, bs), true
		}
	case bool:
		if bb, ok := b.(bool); ok {
			return cmp.Compare(boolInt(a), boolInt(bb)), true
		}
	}
	return 0, false
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// orderRank places each type in Cypher's global sort order; null sorts
// after everything.
func orderRank(v any) int {
	switch v.(type) {
	case map[string]any:
		return 0
	case *nodeRef:
		return 1
	case *edgeRef:
		return 2
	case []any:
		return 3
	case string:
		return 4
	case bool:
		return 5
	case int64, float64:
		return 6
	case nil:
		return 8
	}
	return 7
}

// order is a total order over values for ORDER BY, min and max.
func order(a, b any) int {
	ra, rb := orderRank(a), orderRank(b)
	if ra != rb {
		return cmp.Compare(ra, rb)
	}
	if c, ok := compareValues(a, b); ok {
		return c
	}
	switch a := a.(type) {
	case *nodeRef:
		return strings.Compare(a.id, b.(*nodeRef).id)
	case *edgeRef:
		x, y := a.e.Key(), b.(*edgeRef).e.Key()
		return cmp.Or(strings.Compare(x.From, y.From), strings.Compare(string(x.Rel), string(y.Rel)),
			strings.Compare(x.To, y.To), strings.Compare(x.Article, y.Article))
	case []any:
		bl := b.([]any)
		for i := 0; i < len(a) && i < len(bl); i++ {
			if c := order(a[i], bl[i]); c != 0 {
				return c
			}
		}
		return cmp.Compare(len(a), len(bl))
	case map[string]any:
		return strings.Compare(valueKey(a), valueKey(b))
	case float64:
		// NaN: order it after the other numbers.
		return cmp.Compare(boolInt(math.IsNaN(a)), boolInt(isNaN(b)))
	}
	return 0
}

func isNaN(v any) bool {
	f, ok := v.(float64)
	return ok && math.IsNaN(f)
}

// valueKey encodes a value so that values Cypher treats as equal (1 and
// 1.0, the same node) get the same key; DISTINCT and grouping use it.
func valueKey(v any) string {
	var b strings.Builder
	writeKey(&b, v)
	return b.String()
}

func writeKey(b *strings.Builder, v any) {
	switch v := v.(type) {
	case nil:
		b.WriteString("n;")
	case bool:
		b.WriteString("b" + strconv.FormatBool(v) + ";")
	case int64:
		b.WriteString("i" + strconv.FormatInt(v, 10) + ";")
	case float64:
		if v == math.Trunc(v) && math.Abs(v) < 1<<62 {
			b.WriteString("i" + strconv.FormatInt(int64(v), 10) + ";")
		} else {
			b.WriteString("f" + strconv.FormatFloat(v, 'g', -1, 64) + ";")
		}
	case string:
		b.WriteString("s" + strconv.Itoa(len(v)) + ":" + v)
	case []any:
		b.WriteString("l" + strconv.Itoa(len(v)) + "[")
		for _, x := range v {
			writeKey(b, x)
		}
	case map[string]any:
		keys := sortedKeys(v)
		b.WriteString("m" + strconv.Itoa(len(keys)) + "{")
		for _, k := range keys {
			writeKey(b, k)
			writeKey(b, v[k])
		}
	case *nodeRef:
		writeKey(b, "N"+v.id)
	case *edgeRef:
		k := v.e.Key()
		b.WriteString("E")
		for _, s := range []string{k.From, string(k.Rel), k.To, k.Article} {
			writeKey(b, s)
		}
	}
}

func sortedKeys(m map[string]any) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// truth maps a value to Cypher's three-valued logic: true, false or nil.
// ok is false when the value is not a boolean or null.
func truth(v any) (any, bool) {
	switch v.(type) {
	case nil, bool:
		return v, true
	}
	return nil, false
}

// aType names a value's type with its article: "an integer".
func aType(v any) string {
	switch t := typeName(v); t {
	case "null":
		return t
	case "integer":
		return "an " + t
	default:
		return "a " + t
	}
}
