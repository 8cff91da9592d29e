package article

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
)

// MaxRecordErrors is how many bad JSON Lines records Parse describes one
// by one; the rest are counted in one last error, which bounds memory on a
// file of garbage.
const MaxRecordErrors = 100

// parseJSONL reads one article per non-blank line. Bad lines become
// *LineErrors and are skipped.
func parseJSONL(name string, data []byte) ([]Article, []error, error) {
	var arts []Article
	var errs []error
	bad := 0
	for n, rest := 1, data; len(rest) > 0; n++ {
		line := rest
		if i := bytes.IndexByte(rest, '\n'); i >= 0 {
			line, rest = rest[:i], rest[i+1:]
		} else {
			rest = nil
		}
		line = bytes.TrimRight(line, "\r")
		if len(bytes.TrimSpace(line)) == 0 {
			continue
		}
		a, err := parseRecord(name, n, line)
		if err != nil {
			bad++
			if bad <= MaxRecordErrors {
				errs = append(errs, err)
			}
			continue
		}
		arts = append(arts, a)
	}
	if bad > MaxRecordErrors {
		errs = append(errs, &LineError{File: name,
			Err: fmt.Errorf("%w: %d more bad lines not listed (%d in all)", ErrBadRecord, bad-MaxRecordErrors, bad)})
	}
	if len(arts) == 0 && len(errs) == 0 {
		return nil, nil, fmt.Errorf("%s: %w (no records)", name, ErrEmpty)
	}
	return arts, errs, nil
}

// recordFields are the string fields of a record, in the order they are
// checked.
var recordFields = []string{"text", "title", "date", "url", "source", "author"}

// parseRecord reads the record on line n.
func parseRecord(name string, n int, line []byte) (Article, error) {
	fail := func(col int, format string, args ...any) error {
		return &LineError{File: name, Line: n, Col: col,
			Err: fmt.Errorf("%w: %s", ErrBadRecord, fmt.Sprintf(format, args...))}
	}
	var obj map[string]json.RawMessage
	if err := json.Unmarshal(line, &obj); err != nil {
		return Article{}, jsonError(line, err, fail)
	}
	if obj == nil {
		return Article{}, fail(0, "expected a JSON object, got null")
	}
	vals := map[string]string{}
	for _, k := range recordFields {
		v, err := stringField(obj, k)
		if err != nil {
			return Article{}, fail(0, "%v", err)
		}
		vals[k] = v
	}
	if _, ok := obj["text"]; !ok {
		return Article{}, fail(0, `missing "text"`)
	}
	if strings.TrimSpace(vals["text"]) == "" {
		return Article{}, fail(0, `empty "text"`)
	}
	a := Article{Source: vals["source"], Title: vals["title"], URL: vals["url"],
		Author: vals["author"], Text: vals["text"], Line: n}
	if a.Source == "" {
		a.Source = fmt.Sprintf("%s:%d", name, n)
	}
	if vals["date"] != "" {
		d, err := ParseDate(vals["date"])
		if err != nil {
			return Article{}, &LineError{File: name, Line: n, Err: fmt.Errorf("%w: %w", ErrBadRecord, err)}
		}
		a.Date = d
	}
	return a, nil
}

// jsonError describes a JSON decoding error, with its column when known.
func jsonError(line []byte, err error, fail func(int, string, ...any) error) error {
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.As(err, &syn):
		return fail(errorColumn(line, syn), "invalid JSON: %v", syn)
	case errors.As(err, &typ):
		return fail(1, "expected a JSON object, got %s", typ.Value)
	}
	return fail(0, "invalid JSON: %v", err)
}

// stringField returns obj[k] as a string: "" when absent or null, an error
// when it is another JSON type or holds a NUL character.
func stringField(obj map[string]json.RawMessage, k string) (string, error) {
	raw, ok := obj[k]
	if !ok || string(raw) == "null" {
		return "", nil
	}
	var s string
	if err := json.Unmarshal(raw, &s); err != nil {
		return "", fmt.Errorf("%q is %s, want a string", k, jsonKind(raw))
	}
	if strings.IndexByte(s, 0) >= 0 {
		return "", fmt.Errorf("%q holds a NUL character", k)
	}
	return s, nil
}

func jsonKind(raw json.RawMessage) string {
	if len(raw) == 0 {
		return "empty"
	}
	switch raw[0] {
	case '{':
		return "an object"
	case '[':
		return "an array"
	case 't', 'f':
		return "a boolean"
	case '"':
		return "a string"
	}
	return "a number"
}

// errorColumn turns a json.SyntaxError offset into a 1-based column. The
// offset counts the bytes read including the bad one, except after a
// complete value, where it stops just before it.
func errorColumn(line []byte, syn *json.SyntaxError) int {
	col := int(syn.Offset)
	if strings.HasSuffix(syn.Error(), "after top-level value") {
		col++
	}
	return max(0, min(col, len(line)))
}
