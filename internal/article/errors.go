package article

import (
	"errors"
	"fmt"
)

// Sentinel errors. Every error Parse returns wraps one of them, so callers
// can tell them apart with errors.Is.
var (
	// ErrEmpty: the file has no bytes, only white space, or no text once
	// its format is read.
	ErrEmpty = errors.New("empty file")
	// ErrBinary: the file holds a NUL byte.
	ErrBinary = errors.New("binary file")
	// ErrTooLarge: the file is above the size limit.
	ErrTooLarge = errors.New("file too large")
	// ErrUnknownFormat: Options.Format names no known format.
	ErrUnknownFormat = errors.New("unknown format")
	// ErrBadRecord: a JSON Lines record cannot be read; the line is skipped.
	ErrBadRecord = errors.New("bad record")
	// ErrBadFrontMatter: Markdown front matter is malformed.
	ErrBadFrontMatter = errors.New("bad front matter")
	// ErrBadHTML: the HTML parser gave up (as on nesting deeper than 512
	// elements).
	ErrBadHTML = errors.New("unreadable HTML")
	// ErrBadDate: a date is neither YYYY-MM-DD nor an RFC 3339 timestamp.
	ErrBadDate = errors.New("invalid date")
	// ErrInvalidUTF8: a warning that invalid UTF-8 was repaired with U+FFFD.
	ErrInvalidUTF8 = errors.New("invalid UTF-8")
)

// LineError is an error at a place in a file. Its message is
// "FILE:LINE: what is wrong", "FILE:LINE:COL: …" when the column is known,
// or "FILE: …" when the line is not.
type LineError struct {
	File string
	Line int // 1-based; 0 when unknown
	Col  int // 1-based byte column; 0 when unknown
	Err  error
}

// Error implements error.
func (e *LineError) Error() string {
	switch {
	case e.Line <= 0:
		return fmt.Sprintf("%s: %v", e.File, e.Err)
	case e.Col > 0:
		return fmt.Sprintf("%s:%d:%d: %v", e.File, e.Line, e.Col, e.Err)
	}
	return fmt.Sprintf("%s:%d: %v", e.File, e.Line, e.Err)
}

// Unwrap returns the underlying error.
func (e *LineError) Unwrap() error { return e.Err }
