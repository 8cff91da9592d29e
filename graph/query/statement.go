package query

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"iter"
	"reflect"
	"strings"
	"unicode"

	"github.com/claimgraph/claimgraph/graph"
)

// Statement is one parsed, checked and planned query.
type Statement struct {
	explain bool
	clauses []clause
	src     string // the whole script, for error positions
	pos     int    // the statement's span in src
	end     int
	prog    *program
}

// Text returns the statement's source text.
func (st *Statement) Text() string { return st.src[st.pos:st.end] }

// IsExplain reports whether the statement was written EXPLAIN <query>;
// running it returns its plan instead of its rows.
func (st *Statement) IsExplain() bool { return st.explain }

// Columns returns the names of the columns the query returns: each
// RETURN item's AS alias, or its expression as written. An EXPLAIN
// statement returns step, operator and detail.
func (st *Statement) Columns() []string {
	if st.explain {
		return []string{"step", "operator", "detail"}
	}
	return append([]string(nil), st.prog.columns...)
}

// Explain returns the plan as text: one numbered line per operator, in
// the order rows flow through them.
func (st *Statement) Explain() string {
	var b strings.Builder
	w := 8
	for _, r := range st.prog.plan {
		w = max(w, len(r.op)+2*r.depth)
	}
	fmt.Fprintf(&b, "%-4s %-*s %s\n", "step", w, "operator", "detail")
	for i, r := range st.prog.plan {
		line := fmt.Sprintf("%-4d %-*s %s", i+1, w, strings.Repeat("  ", r.depth)+r.op, r.detail)
		b.WriteString(strings.TrimRight(line, " ") + "\n")
	}
	return b.String()
}

// Params are the values of a query's $parameters: string, int64 (or any Go
// integer), float64, bool, nil, lists ([]any, []string) and maps
// (map[string]any) of those.
type Params map[string]any

// Result is the answer to a statement.
type Result struct {
	// Columns names the values of each row.
	Columns []string
	// Rows runs the query and yields its rows; the last pair carries the
	// error, if any. Values are nil, bool, int64, float64, string, []any
	// and map[string]any; nodes and relationships are maps of their
	// properties. Ranging again runs the query again.
	Rows iter.Seq2[[]any, error]
}

// All runs the query and collects its rows.
func (r *Result) All() ([][]any, error) {
	var out [][]any
	for row, err := range r.Rows {
		if err != nil {
			return out, err
		}
		out = append(out, row)
	}
	return out, nil
}

// Run executes st against r with the default Options.
func Run(ctx context.Context, r graph.Reader, st *Statement, p Params) (*Result, error) {
	return RunWith(ctx, r, st, p, Options{})
}

// RunWith executes st against r. Faults found before reading the store
// (a missing parameter, a bad LIMIT) are returned here; faults met while
// running (a timeout, a type error) end Result.Rows. An EXPLAIN statement
// yields its plan as rows of step (int64), operator and detail.
func RunWith(ctx context.Context, r graph.Reader, st *Statement, p Params, opt Options) (*Result, error) {
	if st == nil || st.prog == nil {
		return nil, errors.New("query: nil statement")
	}
	if st.explain {
		return explainResult(st), nil
	}
	params, err := normalizeParams(p)
	if err != nil {
		return nil, err
	}
	for _, pe := range st.prog.params {
		if _, ok := params[pe.name]; !ok {
			return nil, errAt(st.src, pe.pos, "pass it with --param "+pe.name+"=VALUE", "parameter $%s is not set", pe.name)
		}
	}
	if _, err := st.prog.build(newExec(ctx, r, st, params, opt), nil); err != nil {
		return nil, err
	}
	run := &run{ctx: ctx, r: r, st: st, params: params, opt: opt}
	return &Result{Columns: st.Columns(), Rows: run.rows}, nil
}

// run is what Result.Rows needs to run a statement, once per ranging.
type run struct {
	ctx    context.Context
	r      graph.Reader
	st     *Statement
	params map[string]any
	opt    Options
}

func (u *run) rows(yield func([]any, error) bool) {
	x := newExec(u.ctx, u.r, u.st, u.params, u.opt)
	done := false
	head, err := u.st.prog.build(x, func(row []any) bool {
		if !yield(row, nil) {
			done = true
			return false
		}
		return true
	})
	if err != nil {
		yield(nil, err)
		return
	}
	if err := u.ctx.Err(); err != nil {
		yield(nil, x.ctxError(err))
		return
	}
	head.push(make([]any, u.st.prog.nslots))
	if !x.stopped {
		head.finish()
	}
	if x.err != nil && !done {
		yield(nil, x.err)
	}
}

func explainResult(st *Statement) *Result {
	return &Result{Columns: st.Columns(), Rows: func(yield func([]any, error) bool) {
		for i, r := range st.prog.plan {
			if !yield([]any{int64(i + 1), strings.Repeat("  ", r.depth) + r.op, r.detail}, nil) {
				return
			}
		}
	}}
}

// ParseParam reads a --param argument "name=value". A value that parses as
// JSON is that value (n=3 is the integer 3, n=["a","b"] a list, n="3" the
// string 3); anything else is a string (n=Hale).
func ParseParam(s string) (string, any, error) {
	name, val, ok := strings.Cut(s, "=")
	name = strings.TrimPrefix(strings.TrimSpace(name), "$")
	if !ok || name == "" {
		return "", nil, fmt.Errorf("parameter %q: want name=value", s)
	}
	for _, r := range name {
		if r != '_' && !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			return "", nil, fmt.Errorf("parameter %q: a name has letters, digits and _ only", s)
		}
	}
	dec := json.NewDecoder(strings.NewReader(val))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err == nil {
		if _, err := dec.Token(); errors.Is(err, io.EOF) {
			nv, err := normalizeValue(v)
			if err != nil {
				return "", nil, fmt.Errorf("parameter %s: %w", name, err)
			}
			return name, nv, nil
		}
	}
	return name, val, nil
}

func normalizeParams(p Params) (map[string]any, error) {
	out := make(map[string]any, len(p))
	for k, v := range p {
		nv, err := normalizeValue(v)
		if err != nil {
			return nil, fmt.Errorf("parameter $%s: %w", k, err)
		}
		out[k] = nv
	}
	return out, nil
}

// normalizeValue turns a Go value into the executor's value types.
func normalizeValue(v any) (any, error) {
	switch v := v.(type) {
	case nil, bool, string, int64, float64:
		return v, nil
	case json.Number:
		if n, err := v.Int64(); err == nil {
			return n, nil
		}
		f, err := v.Float64()
		if err != nil {
			return nil, fmt.Errorf("number %s: %w", v, err)
		}
		return f, nil
	case graph.Kind:
		return string(v), nil
	case graph.Rel:
		return string(v), nil
	}
	return normalizeReflect(reflect.ValueOf(v))
}

func normalizeReflect(rv reflect.Value) (any, error) {
	switch rv.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return rv.Int(), nil
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		if rv.Uint() > 1<<63-1 {
			return nil, fmt.Errorf("integer %d is too large", rv.Uint())
		}
		return int64(rv.Uint()), nil
	case reflect.Float32, reflect.Float64:
		return rv.Float(), nil
	case reflect.String:
		return rv.String(), nil
	case reflect.Bool:
		return rv.Bool(), nil
	case reflect.Slice, reflect.Array:
		out := make([]any, rv.Len())
		for i := range out {
			e, err := normalizeValue(rv.Index(i).Interface())
			if err != nil {
				return nil, err
			}
			out[i] = e
		}
		return out, nil
	case reflect.Map:
		if rv.Type().Key().Kind() != reflect.String {
			break
		}
		out := make(map[string]any, rv.Len())
		for it := rv.MapRange(); it.Next(); {
			e, err := normalizeValue(it.Value().Interface())
			if err != nil {
				return nil, err
			}
			out[it.Key().String()] = e
		}
		return out, nil
	case reflect.Pointer, reflect.Interface:
		if rv.IsNil() {
			return nil, nil
		}
		return normalizeValue(rv.Elem().Interface())
	}
	return nil, fmt.Errorf("unsupported value of type %s", rv.Type())
}
