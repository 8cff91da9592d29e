package export

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"iter"

	"github.com/claimgraph/claimgraph/graph"
)

// MaxLineBytes is the longest JSONL line ReadJSONL accepts (an article node
// carries the article's whole text).
const MaxLineBytes = 64 << 20

// Record is one line of a JSONL export: exactly one of Node and Edge is set.
type Record struct {
	Line int // 1-based line number in the input
	Node *graph.Node
	Edge *graph.Edge
}

// LineError is a line of a JSONL input that could not be read as a record.
// Its message is "FILE:LINE: problem", or "FILE:LINE:COLUMN: problem" when
// the column (1-based, in bytes) is known.
type LineError struct {
	File   string
	Line   int
	Column int
	Err    error
}

// Error returns "FILE:LINE: problem" or "FILE:LINE:COLUMN: problem".
func (e *LineError) Error() string {
	if e.Column > 0 {
		return fmt.Sprintf("%s:%d:%d: %v", e.File, e.Line, e.Column, e.Err)
	}
	return fmt.Sprintf("%s:%d: %v", e.File, e.Line, e.Err)
}

// Unwrap returns the underlying problem.
func (e *LineError) Unwrap() error { return e.Err }

// wireRecord is the union of the node and edge fields as read.
type wireRecord struct {
	Type       string   `json:"type"`
	ID         string   `json:"id"`
	Kind       string   `json:"kind"`
	Name       string   `json:"name"`
	Aliases    []string `json:"aliases"`
	Date       string   `json:"date"`
	Title      string   `json:"title"`
	Source     string   `json:"source"`
	URL        string   `json:"url"`
	Author     string   `json:"author"`
	Text       string   `json:"text"`
	Direct     bool     `json:"direct"`
	Verdict    string   `json:"verdict"`
	From       string   `json:"from"`
	Rel        string   `json:"rel"`
	To         string   `json:"to"`
	Article    string   `json:"article"`
	Start      int      `json:"start"`
	End        int      `json:"end"`
	Role       string   `json:"role"`
	Evidence   string   `json:"evidence"`
	Rule       string   `json:"rule"`
	Confidence float64  `json:"confidence"`
}

// ReadJSONL reads the JSONL export format (WriteJSONL) from r, streaming,
// and yields one Record per node or edge line; name is the file name used
// in errors. Blank lines are skipped; unknown fields are ignored.
//
// A line that is not a valid record yields a *LineError and reading goes on
// if the caller keeps ranging, so the caller decides between strict (stop
// at the first error) and lenient (report and skip). Any other error (a
// failed read, a cancelled ctx) is yielded last and ends the sequence.
func ReadJSONL(ctx context.Context, r io.Reader, name string) iter.Seq2[Record, error] {
	return readJSONL(ctx, r, name, MaxLineBytes)
}

func readJSONL(ctx context.Context, r io.Reader, name string, maxLine int) iter.Seq2[Record, error] {
	return func(yield func(Record, error) bool) {
		br := bufio.NewReaderSize(r, 64<<10)
		var buf []byte
		for line := 1; ; line++ {
			if line%1024 == 0 && ctx.Err() != nil {
				yield(Record{}, ctx.Err())
				return
			}
			var tooLong bool
			var err error
			buf, tooLong, err = readLine(br, buf[:0], maxLine)
			if err != nil && !errors.Is(err, io.EOF) {
				yield(Record{}, fmt.Errorf("%s:%d: read: %w", name, line, err))
				return
			}
			if len(buf) > 0 || tooLong {
				rec, lerr := parseLine(buf, line, tooLong, maxLine)
				if lerr != nil {
					lerr.File = name
					if !yield(Record{Line: line}, lerr) {
						return
					}
				} else if rec.Node != nil || rec.Edge != nil {
					if !yield(rec, nil) {
						return
					}
				}
			}
			if err != nil { // io.EOF
				return
			}
		}
	}
}

// readLine reads one line into buf without its end of line. When the line
// is longer than max it keeps reading to its end, returns tooLong and
// leaves the contents unspecified.
func readLine(br *bufio.Reader, buf []byte, max int) ([]byte, bool, error) {
	tooLong := false
	for {
		chunk, err := br.ReadSlice('\n')
		if !tooLong && len(buf)+len(chunk) <= max {
			buf = append(buf, chunk...)
		} else {
			tooLong = true
		}
		if errors.Is(err, bufio.ErrBufferFull) {
			continue
		}
		buf = bytes.TrimSuffix(buf, []byte("\n"))
		buf = bytes.TrimSuffix(buf, []byte("\r"))
		return buf, tooLong, err
	}
}

var bom = []byte("\xef\xbb\xbf")

// parseLine turns one line into a Record; an empty Record means a blank line.
func parseLine(b []byte, line int, tooLong bool, maxLine int) (Record, *LineError) {
	if tooLong {
		return Record{}, &LineError{Line: line, Err: fmt.Errorf("line longer than %d bytes", maxLine)}
	}
	if line == 1 {
		b = bytes.TrimPrefix(b, bom)
	}
	if len(bytes.TrimSpace(b)) == 0 {
		return Record{}, nil
	}
	var w wireRecord
	if err := json.Unmarshal(b, &w); err != nil {
		return Record{}, jsonLineError(line, err)
	}
	rec, err := w.record(line)
	if err != nil {
		return Record{}, &LineError{Line: line, Err: err}
	}
	return rec, nil
}

func jsonLineError(line int, err error) *LineError {
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	switch {
	case errors.As(err, &se):
		return &LineError{Line: line, Column: int(se.Offset), Err: fmt.Errorf("invalid JSON: %w", err)}
	case errors.As(err, &te) && te.Field == "":
		return &LineError{Line: line, Err: fmt.Errorf("a record must be a JSON object, got %s", te.Value)}
	case errors.As(err, &te):
		return &LineError{Line: line, Column: int(te.Offset),
			Err: fmt.Errorf("wrong JSON type: field %q: got %s, want %s", te.Field, te.Value, te.Type)}
	}
	return &LineError{Line: line, Err: fmt.Errorf("invalid JSON: %w", err)}
}

func (w *wireRecord) record(line int) (Record, error) {
	switch w.Type {
	case TypeNode:
		n, err := w.node()
		return Record{Line: line, Node: n}, err
	case TypeEdge:
		e, err := w.edge()
		return Record{Line: line, Edge: e}, err
	case "":
		return Record{}, errors.New(`record has no "type" (want "node" or "edge")`)
	}
	return Record{}, fmt.Errorf(`unknown record type %q (want "node" or "edge")`, w.Type)
}

func (w *wireRecord) node() (*graph.Node, error) {
	k := graph.Kind(w.Kind)
	switch {
	case w.ID == "":
		return nil, errors.New(`node has no "id"`)
	case !k.Valid():
		return nil, fmt.Errorf("node %q: unknown kind %q", w.ID, w.Kind)
	case graph.KindOfID(w.ID) != k:
		return nil, fmt.Errorf("node %q: id does not start with its kind %q", w.ID, w.Kind+"/")
	}
	return &graph.Node{
		ID: w.ID, Kind: k, Name: w.Name, Aliases: w.Aliases, Text: w.Text, Direct: w.Direct, Verdict: w.Verdict,
		Date: w.Date, Title: w.Title, Source: w.Source, URL: w.URL, Author: w.Author,
	}, nil
}

func (w *wireRecord) edge() (*graph.Edge, error) {
	r := graph.Rel(w.Rel)
	switch {
	case w.From == "" || w.To == "":
		return nil, errors.New(`edge needs both "from" and "to"`)
	case !r.Valid():
		return nil, fmt.Errorf("edge %s -> %s: unknown relation %q", w.From, w.To, w.Rel)
	case w.Start < 0 || w.End < w.Start:
		return nil, fmt.Errorf("edge %s -%s-> %s: bad span [%d,%d)", w.From, w.Rel, w.To, w.Start, w.End)
	case w.Confidence < 0 || w.Confidence > 1:
		return nil, fmt.Errorf("edge %s -%s-> %s: confidence %v outside [0,1]", w.From, w.Rel, w.To, w.Confidence)
	}
	return &graph.Edge{
		From: w.From, Rel: r, To: w.To, Article: w.Article, Start: w.Start, End: w.End,
		Role: w.Role, Evidence: w.Evidence, Rule: w.Rule, Confidence: w.Confidence,
	}, nil
}
