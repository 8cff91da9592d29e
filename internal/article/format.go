package article

import (
	"bytes"
	"fmt"
	"path/filepath"
	"strings"
)

// The formats Parse reads.
const (
	FormatText     = "text"
	FormatMarkdown = "markdown"
	FormatHTML     = "html"
	FormatJSONL    = "jsonl"
)

// Formats lists the formats Parse reads.
var Formats = []string{FormatText, FormatMarkdown, FormatHTML, FormatJSONL}

// formatNames maps format names, aliases and file extensions to formats.
var formatNames = map[string]string{
	"text": FormatText, "txt": FormatText, "plain": FormatText,
	"markdown": FormatMarkdown, "md": FormatMarkdown, "mdown": FormatMarkdown, "mkd": FormatMarkdown,
	"html": FormatHTML, "htm": FormatHTML, "xhtml": FormatHTML,
	"jsonl": FormatJSONL, "ndjson": FormatJSONL, "jsonlines": FormatJSONL,
}

// ParseFormat returns the format named by s, a format, an alias ("md",
// "txt", "ndjson") or an extension, case-insensitively.
func ParseFormat(s string) (string, error) {
	if f, ok := formatNames[strings.ToLower(strings.TrimSpace(s))]; ok {
		return f, nil
	}
	return "", fmt.Errorf("%w %q (formats: %s)", ErrUnknownFormat, s, strings.Join(Formats, ", "))
}

// DetectFormat guesses the format of a file from its name's extension and,
// when the extension says nothing (as for "-", stdin), from its first bytes:
// HTML markup, a "---" front-matter line, or a JSON object on the first
// non-blank line. Anything else is plain text.
func DetectFormat(name string, data []byte) string {
	ext := strings.TrimPrefix(filepath.Ext(name), ".")
	if f, ok := formatNames[strings.ToLower(ext)]; ok && ext != "" {
		return f
	}
	return sniff(data)
}

func sniff(data []byte) string {
	head := data[:min(len(data), 4096)]
	head = bytes.TrimPrefix(head, bom)
	trimmed := bytes.TrimLeft(head, " \t\r\n")
	lower := bytes.ToLower(trimmed)
	switch {
	case looksHTML(lower):
		return FormatHTML
	case bytes.HasPrefix(head, []byte("---\n")) || bytes.HasPrefix(head, []byte("---\r\n")):
		return FormatMarkdown
	case looksJSONL(trimmed):
		return FormatJSONL
	}
	return FormatText
}

func looksHTML(lower []byte) bool {
	if !bytes.HasPrefix(lower, []byte("<")) {
		return false
	}
	for _, p := range []string{"<!doctype html", "<html", "<head", "<body", "<p>", "<div", "<article"} {
		if bytes.Contains(lower, []byte(p)) {
			return true
		}
	}
	return false
}

// looksJSONL reports whether trimmed starts like a JSON object with a key
// ('{"') or an empty one; lines can be longer than the sniffed head.
func looksJSONL(trimmed []byte) bool {
	rest, ok := bytes.CutPrefix(trimmed, []byte("{"))
	rest = bytes.TrimLeft(rest, " \t")
	return ok && (bytes.HasPrefix(rest, []byte(`"`)) || bytes.HasPrefix(rest, []byte("}")))
}
