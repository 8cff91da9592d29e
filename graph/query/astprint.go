package query

import (
	"strconv"
	"strings"
)

// exprString prints an expression in a canonical Cypher form, used in
// EXPLAIN and to match ORDER BY expressions with projected ones.
func exprString(e expr) string {
	var b strings.Builder
	writeExpr(&b, e)
	return b.String()
}

func writeExpr(b *strings.Builder, e expr) {
	switch e := e.(type) {
	case *litExpr:
		b.WriteString(literalString(e.v))
	case *paramExpr:
		b.WriteString("$" + quoteName(e.name))
	case *varExpr:
		b.WriteString(quoteName(e.name))
	case *propExpr:
		writeOperand(b, e.x)
		b.WriteString("." + quoteName(e.key))
	case *indexExpr:
		writeOperand(b, e.x)
		b.WriteString("[")
		writeExpr(b, e.i)
		b.WriteString("]")
	case *callExpr:
		writeCall(b, e)
	case *unaryExpr:
		if e.op == "NOT" {
			b.WriteString("NOT ")
		} else {
			b.WriteString(e.op)
		}
		writeOperand(b, e.x)
	case *binExpr:
		writeOperand(b, e.l)
		b.WriteString(" " + e.op + " ")
		writeOperand(b, e.r)
	case *isNullExpr:
		writeOperand(b, e.x)
		if e.not {
			b.WriteString(" IS NOT NULL")
		} else {
			b.WriteString(" IS NULL")
		}
	case *labelExpr:
		b.WriteString(quoteName(e.x.name))
		for i, l := range e.labels {
			if i == 0 {
				b.WriteString(":")
			} else {
				b.WriteString("|")
			}
			b.WriteString(quoteName(l.s))
		}
	case *listExpr:
		b.WriteString("[")
		for i, x := range e.elems {
			if i > 0 {
				b.WriteString(", ")
			}
			writeExpr(b, x)
		}
		b.WriteString("]")
	case *mapExpr:
		b.WriteString("{")
		for i, k := range e.keys {
			if i > 0 {
				b.WriteString(", ")
			}
			b.WriteString(quoteName(k) + ": ")
			writeExpr(b, e.vals[i])
		}
		b.WriteString("}")
	}
}

func writeCall(b *strings.Builder, e *callExpr) {
	b.WriteString(e.name + "(")
	if e.distinct {
		b.WriteString("DISTINCT ")
	}
	if e.star {
		b.WriteString("*")
	}
	for i, a := range e.args {
		if i > 0 {
			b.WriteString(", ")
		}
		writeExpr(b, a)
	}
	b.WriteString(")")
}

// writeOperand parenthesises operators inside operators.
func writeOperand(b *strings.Builder, e expr) {
	switch e.(type) {
	case *binExpr, *unaryExpr, *isNullExpr:
		b.WriteString("(")
		writeExpr(b, e)
		b.WriteString(")")
	default:
		writeExpr(b, e)
	}
}

func literalString(v any) string {
	switch v := v.(type) {
	case nil:
		return "null"
	case bool:
		return strconv.FormatBool(v)
	case int64:
		return strconv.FormatInt(v, 10)
	case float64:
		s := strconv.FormatFloat(v, 'g', -1, 64)
		if !strings.ContainsAny(s, ".eEn") {
			s += ".0"
		}
		return s
	case string:
		return strconv.Quote(v)
	}
	return "?"
}

// quoteName backquotes a name that is not a plain identifier.
func quoteName(s string) string {
	if s == "" {
		return "``"
	}
	for i, r := range s {
		if r == '_' || ('a' <= r && r <= 'z') || ('A' <= r && r <= 'Z') || (i > 0 && '0' <= r && r <= '9') {
			continue
		}
		return "`" + s + "`"
	}
	return s
}
