package main

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strings"
	"text/tabwriter"
	"unicode/utf8"

	"github.com/spf13/cobra"
)

// Record formats: every command that prints records takes --format with
// one of these. table is for people; the others are for programs.
const (
	fmtTable = "table"
	fmtJSON  = "json"  // one JSON array of objects keyed by column name
	fmtJSONL = "jsonl" // one JSON object per line
	fmtCSV   = "csv"   // a header line, then rows
	fmtTSV   = "tsv"   // a header line, then tab-separated rows
)

// formatFlag is a --format value restricted to a set of choices.
type formatFlag struct {
	value   string
	choices []string
}

func (f *formatFlag) String() string { return f.value }
func (f *formatFlag) Type() string   { return "format" }
func (f *formatFlag) Set(s string) error {
	if !slices.Contains(f.choices, s) {
		return fmt.Errorf("unknown format %q (choose %s)", s, strings.Join(f.choices, ", "))
	}
	f.value = s
	return nil
}

// addFormatFlag registers --format on cmd with the given choices; the first
// is the default.
func addFormatFlag(cmd *cobra.Command, choices ...string) *formatFlag {
	f := &formatFlag{value: choices[0], choices: choices}
	cmd.Flags().Var(f, "format", "output format: "+strings.Join(choices, ", "))
	return f
}

// recordWriter prints rows of values under fixed column names.
type recordWriter interface {
	Write(row []any) error
	// Close flushes what is buffered and ends the document.
	Close() error
}

// newRecordWriter returns a writer of format to w. wide turns off the
// truncation of long table cells.
func newRecordWriter(w io.Writer, format string, cols []string, wide bool) recordWriter {
	switch format {
	case fmtJSON:
		return &jsonWriter{w: w, cols: cols, array: true}
	case fmtJSONL:
		return &jsonWriter{w: w, cols: cols}
	case fmtCSV, fmtTSV:
		cw := csv.NewWriter(w)
		if format == fmtTSV {
			cw.Comma = '\t'
		}
		return &csvWriter{w: cw, cols: cols}
	default:
		return newTableWriter(w, cols, wide)
	}
}

// jsonWriter writes objects with keys in column order.
type jsonWriter struct {
	w      io.Writer
	cols   []string
	array  bool
	n      int
	closed bool
}

func (j *jsonWriter) Write(row []any) error {
	var b bytes.Buffer
	switch {
	case j.array && j.n == 0:
		b.WriteString("[\n")
	case j.array:
		b.WriteString(",\n")
	}
	b.WriteByte('{')
	for i, c := range j.cols {
		if i > 0 {
			b.WriteByte(',')
		}
		if err := encodeJSON(&b, c); err != nil {
			return err
		}
		b.WriteByte(':')
		var v any
		if i < len(row) {
			v = row[i]
		}
		if err := encodeJSON(&b, v); err != nil {
			return err
		}
	}
	b.WriteByte('}')
	if !j.array {
		b.WriteByte('\n')
	}
	j.n++
	_, err := j.w.Write(b.Bytes())
	return err
}

func (j *jsonWriter) Close() error {
	if !j.array || j.closed {
		return nil
	}
	j.closed = true
	end := "\n]\n"
	if j.n == 0 {
		end = "[]\n"
	}
	_, err := io.WriteString(j.w, end)
	return err
}

// encodeJSON appends v as compact JSON without HTML escaping.
func encodeJSON(b *bytes.Buffer, v any) error {
	enc := json.NewEncoder(b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return fmt.Errorf("encode %T as JSON: %w", v, err)
	}
	b.Truncate(b.Len() - 1) // Encode's newline
	return nil
}

type csvWriter struct {
	w      *csv.Writer
	cols   []string
	header bool
}

func (c *csvWriter) Write(row []any) error {
	if !c.header {
		c.header = true
		if err := c.w.Write(c.cols); err != nil {
			return err
		}
	}
	rec := make([]string, len(c.cols))
	for i := range rec {
		if i < len(row) {
			rec[i] = cellText(row[i])
		}
	}
	return c.w.Write(rec)
}

func (c *csvWriter) Close() error {
	if !c.header {
		c.header = true
		if err := c.w.Write(c.cols); err != nil {
			return err
		}
	}
	c.w.Flush()
	return c.w.Error()
}

// maxCell is the width at which table cells are cut unless --wide is set.
const maxCell = 70

type tableWriter struct {
	tw   *tabwriter.Writer
	cols []string
	wide bool
	n    int
}

func newTableWriter(w io.Writer, cols []string, wide bool) *tableWriter {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, strings.ToUpper(strings.Join(cols, "\t")))
	return &tableWriter{tw: tw, cols: cols, wide: wide}
}

func (t *tableWriter) Write(row []any) error {
	cells := make([]string, len(t.cols))
	for i := range cells {
		if i < len(row) {
			cells[i] = oneLine(cellText(row[i]))
			if !t.wide {
				cells[i] = truncate(cells[i], maxCell)
			}
		}
	}
	t.n++
	_, err := fmt.Fprintln(t.tw, strings.Join(cells, "\t"))
	return err
}

func (t *tableWriter) Close() error { return t.tw.Flush() }

// cellText renders a value for a table or CSV cell.
func cellText(v any) string {
	switch x := v.(type) {
	case nil:
		return ""
	case string:
		return x
	case []string:
		return strings.Join(x, "; ")
	case fmt.Stringer:
		return x.String()
	case []any, map[string]any:
		var b bytes.Buffer
		if err := encodeJSON(&b, x); err != nil {
			return fmt.Sprint(x)
		}
		return b.String()
	default:
		return fmt.Sprint(x)
	}
}

// oneLine folds newlines and tabs so a cell cannot break a table row.
func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// truncate cuts s to at most n runes, ending with an ellipsis when cut.
func truncate(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n-1]) + "…"
}
