package query

import (
	"errors"
)

// accumulator folds the values of one aggregate over one group.
type accumulator interface {
	add(v any) error
	result() any
}

func newAccumulator(a *aggSpec) accumulator {
	var acc accumulator
	switch a.name {
	case "count":
		acc = &countAcc{}
	case "collect":
		acc = &collectAcc{list: []any{}}
	case "min":
		acc = &extremeAcc{sign: -1}
	case "max":
		acc = &extremeAcc{sign: 1}
	case "sum":
		acc = &sumAcc{}
	default:
		acc = &avgAcc{}
	}
	if a.distinct {
		return &distinctAcc{inner: acc, seen: map[string]bool{}}
	}
	return acc
}

// Every aggregate skips nulls; count(*) is fed true for each row.

type countAcc struct{ n int64 }

func (a *countAcc) add(v any) error {
	if v != nil {
		a.n++
	}
	return nil
}

func (a *countAcc) result() any { return a.n }

type collectAcc struct{ list []any }

func (a *collectAcc) add(v any) error {
	if v != nil {
		a.list = append(a.list, v)
	}
	return nil
}

func (a *collectAcc) result() any { return a.list }

// extremeAcc is min (sign -1) or max (sign 1) in the ORDER BY order.
type extremeAcc struct {
	sign int
	best any
}

func (a *extremeAcc) add(v any) error {
	if v != nil && (a.best == nil || order(v, a.best)*a.sign > 0) {
		a.best = v
	}
	return nil
}

func (a *extremeAcc) result() any { return a.best }

var errNotNumber = errors.New("needs numbers")

// sumAcc adds integers exactly until a float arrives.
type sumAcc struct {
	i       int64
	f       float64
	isFloat bool
}

func (a *sumAcc) add(v any) error {
	switch v := v.(type) {
	case nil:
	case int64:
		a.i += v
	case float64:
		a.f += v
		a.isFloat = true
	default:
		return errNotNumber
	}
	return nil
}

func (a *sumAcc) result() any {
	if a.isFloat {
		return a.f + float64(a.i)
	}
	return a.i
}

type avgAcc struct {
	sum float64
	n   int64
}

func (a *avgAcc) add(v any) error {
	if v == nil {
		return nil
	}
	f, ok := toFloat(v)
	if !ok {
		return errNotNumber
	}
	a.sum += f
	a.n++
	return nil
}

func (a *avgAcc) result() any {
	if a.n == 0 {
		return nil
	}
	return a.sum / float64(a.n)
}

// distinctAcc passes each distinct value once.
type distinctAcc struct {
	inner accumulator
	seen  map[string]bool
}

func (a *distinctAcc) add(v any) error {
	if v == nil {
		return nil
	}
	k := valueKey(v)
	if a.seen[k] {
		return nil
	}
	a.seen[k] = true
	return a.inner.add(v)
}

func (a *distinctAcc) result() any { return a.inner.result() }
