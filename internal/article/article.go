package article

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/claimgraph/claimgraph/graph"
)

// DefaultMaxSize is the largest article file read when Options.MaxSize is
// not set: 32 MiB.
const DefaultMaxSize int64 = 32 << 20

// Article is one article read from a file: its plain text and metadata.
type Article struct {
	// Source is where the article came from: the file name, a JSON Lines
	// "FILE:LINE", or the source given in front matter or a JSONL record.
	Source string `json:"source"`
	Title  string `json:"title,omitempty"`
	Date   string `json:"date,omitempty"` // YYYY-MM-DD when known
	URL    string `json:"url,omitempty"`
	Author string `json:"author,omitempty"`
	// Text is the article's plain text, which extraction reads and edge
	// spans index. For plain-text files it is the file itself.
	Text string `json:"text"`
	// Line is the article's 1-based line in a JSON Lines file, 0 otherwise.
	Line int `json:"line,omitempty"`
}

// Options tune Parse.
type Options struct {
	// MaxSize is the largest input accepted, in bytes; 0 or less means
	// DefaultMaxSize.
	MaxSize int64
	// Format is one of Formats (or an alias such as "md"); "" detects it.
	Format string
}

// Parse reads the article file name (used in messages and as the default
// Source) from data. It returns the articles read, the problems confined to
// one record or field that did not stop the rest (each a *LineError; see the
// package documentation for which), and a fatal error when nothing could be
// read from the file. Parse is deterministic and never panics.
func Parse(name string, data []byte, opts Options) ([]Article, []error, error) {
	data, warns, err := sanitize(name, data, opts.maxSize())
	if err != nil {
		return nil, warns, err
	}
	format := opts.Format
	if format == "" {
		format = DetectFormat(name, data)
	}
	format, err = ParseFormat(format)
	if err != nil {
		return nil, warns, fmt.Errorf("%s: %w", name, err)
	}
	var arts []Article
	var errs []error
	switch format {
	case FormatText:
		arts, err = parseText(name, data)
	case FormatMarkdown:
		arts, err = parseMarkdown(name, data)
	case FormatHTML:
		arts, errs, err = parseHTML(name, data)
	case FormatJSONL:
		arts, errs, err = parseJSONL(name, data)
	}
	warns = append(warns, errs...)
	if err != nil {
		return nil, warns, err
	}
	return arts, warns, nil
}

func (o Options) maxSize() int64 {
	if o.MaxSize <= 0 {
		return DefaultMaxSize
	}
	return o.MaxSize
}

// CheckSize returns an error wrapping ErrTooLarge when size is above max
// (DefaultMaxSize when max is 0 or less), so callers can refuse a file
// before reading it.
func CheckSize(name string, size int64, max int64) error {
	if max <= 0 {
		max = DefaultMaxSize
	}
	if size > max {
		return fmt.Errorf("%s: %w: %d bytes, above the limit of %d bytes (%s)",
			name, ErrTooLarge, size, max, humanSize(max))
	}
	return nil
}

func humanSize(n int64) string {
	switch {
	case n >= 1<<30 && n%(1<<30) == 0:
		return strconv.FormatInt(n>>30, 10) + " GiB"
	case n >= 1<<20 && n%(1<<20) == 0:
		return strconv.FormatInt(n>>20, 10) + " MiB"
	case n >= 1<<10 && n%(1<<10) == 0:
		return strconv.FormatInt(n>>10, 10) + " KiB"
	}
	return strconv.FormatInt(n, 10) + " B"
}

var bom = []byte("\xef\xbb\xbf")

// sanitize applies the checks every format shares: size, emptiness, NUL
// bytes, the byte order mark and UTF-8 repair.
func sanitize(name string, data []byte, max int64) ([]byte, []error, error) {
	if err := CheckSize(name, int64(len(data)), max); err != nil {
		return nil, nil, err
	}
	if len(data) == 0 {
		return nil, nil, fmt.Errorf("%s: %w", name, ErrEmpty)
	}
	if i := bytes.IndexByte(data, 0); i >= 0 {
		return nil, nil, fmt.Errorf("%s: %w (NUL byte at offset %d)", name, ErrBinary, i)
	}
	data = bytes.TrimPrefix(data, bom)
	var warns []error
	if !utf8.Valid(data) {
		off := firstInvalid(data)
		warns = append(warns, &LineError{File: name, Line: lineAt(data, off),
			Err: fmt.Errorf("%w at byte offset %d: repaired with U+FFFD", ErrInvalidUTF8, off)})
		data = bytes.ToValidUTF8(data, []byte("\uFFFD"))
	}
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, warns, fmt.Errorf("%s: %w (only white space)", name, ErrEmpty)
	}
	return data, warns, nil
}

// firstInvalid returns the offset of the first byte of data that is not part
// of a valid UTF-8 sequence, or len(data).
func firstInvalid(data []byte) int {
	for i := 0; i < len(data); {
		r, n := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && n == 1 {
			return i
		}
		i += n
	}
	return len(data)
}

// lineAt returns the 1-based line of byte offset off.
func lineAt(data []byte, off int) int {
	off = min(off, len(data))
	return bytes.Count(data[:off], []byte{'\n'}) + 1
}

// Node returns the article node. Its ID is graph.ArticleID over
// Canonical(); its Name is the title, or the source when there is none.
func (a Article) Node() graph.Node {
	name := a.Title
	if name == "" {
		name = a.Source
	}
	return graph.Node{
		ID:     graph.ArticleID(a.Canonical()),
		Kind:   graph.Article,
		Name:   name,
		Date:   a.Date,
		Title:  a.Title,
		Source: a.Source,
		URL:    a.URL,
		Author: a.Author,
		Text:   a.Text,
	}
}

// Canonical returns the bytes the article's ID hashes: a version line, then
// title, date, url, author and text, each as "name LEN:VALUE\n" where LEN
// is the value's length in bytes. Source and Line are not part of it, so the
// same article read from two places has one ID.
func (a Article) Canonical() []byte {
	var b bytes.Buffer
	b.Grow(len(a.Text) + len(a.Title) + len(a.URL) + len(a.Author) + 80)
	b.WriteString("claimgraph-article/1\n")
	for _, f := range []struct{ k, v string }{
		{"title", a.Title}, {"date", a.Date}, {"url", a.URL},
		{"author", a.Author}, {"text", a.Text},
	} {
		b.WriteString(f.k)
		b.WriteByte(' ')
		b.WriteString(strconv.Itoa(len(f.v)))
		b.WriteByte(':')
		b.WriteString(f.v)
		b.WriteByte('\n')
	}
	return b.Bytes()
}

// splitLines splits s into lines without their "\n" (a trailing "\r" is
// kept). A final line without "\n" is included; an empty s has no lines.
func splitLines(s string) []string {
	if s == "" {
		return nil
	}
	lines := strings.Split(s, "\n")
	if lines[len(lines)-1] == "" {
		lines = lines[:len(lines)-1]
	}
	return lines
}
