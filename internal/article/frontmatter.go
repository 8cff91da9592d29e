package article

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"
)

// frontMatter holds the keys of Markdown front matter that Parse uses, and
// the line each was set on.
type frontMatter struct {
	Title, Date, URL, Source, Author string
	lines                            map[string]int
}

// knownKeys are the front-matter keys Parse reads.
var knownKeys = map[string]bool{"title": true, "date": true, "url": true, "source": true, "author": true}

var fmKey = lazyRegexp(`^([A-Za-z_][A-Za-z0-9_.-]*)[ \t]*:(?:[ \t]+|$)`)

// isFence reports whether line opens or closes front matter.
func isFence(line string, closing bool) bool {
	t := strings.TrimRight(line, " \t\r")
	return t == "---" || (closing && t == "...")
}

// parseFrontMatter reads the front matter at the top of lines (lines[0] is
// its opening "---") and returns it with the index of the first body line.
// Errors are *LineErrors naming file:line and wrap ErrBadFrontMatter.
func parseFrontMatter(name string, lines []string) (frontMatter, int, error) {
	fm := frontMatter{lines: map[string]int{}}
	owner := "" // the key that indented lines below belong to
	for i := 1; i < len(lines); i++ {
		line := strings.TrimRight(lines[i], " \t\r")
		fail := func(format string, args ...any) error {
			return &LineError{File: name, Line: i + 1,
				Err: fmt.Errorf("%w: %s", ErrBadFrontMatter, fmt.Sprintf(format, args...))}
		}
		switch {
		case isFence(line, true):
			return fm, i + 1, fm.checkDate(name)
		case strings.TrimSpace(line) == "" || strings.HasPrefix(strings.TrimLeft(line, " \t"), "#"):
			continue
		case line[0] == ' ' || line[0] == '\t' || strings.HasPrefix(line, "- "):
			if owner == "" || knownKeys[owner] {
				return fm, 0, fail("nested or list values are not supported%s", ownerNote(owner))
			}
			continue
		}
		key, value, err := splitKeyValue(line)
		if err != nil {
			return fm, 0, fail("%v", err)
		}
		owner = key
		if err := fm.set(key, value, i+1); err != nil {
			return fm, 0, fail("%v", err)
		}
	}
	return fm, 0, &LineError{File: name, Line: 1,
		Err: fmt.Errorf("%w: not closed (no line \"---\" after it)", ErrBadFrontMatter)}
}

func ownerNote(owner string) string {
	if owner == "" {
		return ""
	}
	return fmt.Sprintf(" (under %q)", owner)
}

// splitKeyValue splits a "key: value" line.
func splitKeyValue(line string) (key, value string, err error) {
	m := fmKey().FindStringSubmatchIndex(line)
	if m == nil {
		return "", "", fmt.Errorf("expected \"key: value\", got %q", clip(line, 40))
	}
	return line[m[2]:m[3]], line[m[1]:], nil
}

// set records key's value after parsing it; unknown keys are only checked.
func (fm *frontMatter) set(key, raw string, line int) error {
	v, err := parseScalar(raw, knownKeys[key])
	if err != nil {
		return fmt.Errorf("%s: %w", key, err)
	}
	if !knownKeys[key] {
		return nil
	}
	if first, dup := fm.lines[key]; dup {
		return fmt.Errorf("duplicate key %q (first on line %d)", key, first)
	}
	fm.lines[key] = line
	switch key {
	case "title":
		fm.Title = v
	case "date":
		fm.Date = v
	case "url":
		fm.URL = v
	case "source":
		fm.Source = v
	case "author":
		fm.Author = v
	}
	return nil
}

// checkDate validates the date key, if any, in place.
func (fm *frontMatter) checkDate(name string) error {
	if fm.Date == "" {
		return nil
	}
	d, err := ParseDate(fm.Date)
	if err != nil {
		return &LineError{File: name, Line: fm.lines["date"], Err: fmt.Errorf("%w: %w", ErrBadFrontMatter, err)}
	}
	fm.Date = d
	return nil
}

// parseScalar reads a one-line YAML scalar: plain, 'single' or "double"
// quoted, optionally followed by a comment. strict (for the keys Parse
// uses) refuses plain values YAML would read as something other than a
// string, or would refuse.
func parseScalar(raw string, strict bool) (string, error) {
	raw = strings.TrimSpace(raw)
	if raw == "" {
		return "", nil
	}
	switch raw[0] {
	case '"':
		return parseQuoted(raw, doubleQuoted)
	case '\'':
		return parseQuoted(raw, singleQuoted)
	}
	if i := strings.Index(raw, " #"); i >= 0 {
		raw = strings.TrimSpace(raw[:i])
	} else if i := strings.Index(raw, "\t#"); i >= 0 {
		raw = strings.TrimSpace(raw[:i])
	}
	if !strict {
		return raw, nil
	}
	return checkPlain(raw)
}

func checkPlain(v string) (string, error) {
	if strings.ContainsRune("[]{}|>&*!%@`,#", rune(v[0])) || indicator(v) {
		return "", fmt.Errorf("value %q starts with %q, which YAML reads specially; quote it", clip(v, 40), v[0])
	}
	if strings.Contains(v, ": ") || strings.HasSuffix(v, ":") {
		return "", fmt.Errorf("value %q contains \": \"; quote it", clip(v, 40))
	}
	if v == "~" || v == "null" || v == "Null" || v == "NULL" {
		return "", nil
	}
	return v, nil
}

// indicator reports whether v starts with a YAML indicator that needs a
// space after it ("- ", "? ", ": "); "-5" and "?!" are plain.
func indicator(v string) bool {
	return strings.ContainsRune("-?:", rune(v[0])) && (len(v) == 1 || v[1] == ' ' || v[1] == '\t')
}

type quoteStyle int

const (
	singleQuoted quoteStyle = iota
	doubleQuoted
)

var errUnterminated = errors.New("unterminated quoted value (quoted values must end on their line)")

// parseQuoted reads a quoted scalar at the start of raw and checks that
// only a comment follows it.
func parseQuoted(raw string, style quoteStyle) (string, error) {
	var b strings.Builder
	i := 1
	for {
		if i >= len(raw) {
			return "", errUnterminated
		}
		c := raw[i]
		switch {
		case style == singleQuoted && c == '\'':
			if i+1 < len(raw) && raw[i+1] == '\'' {
				b.WriteByte('\'')
				i += 2
				continue
			}
			return b.String(), checkAfterQuote(raw[i+1:])
		case style == doubleQuoted && c == '"':
			return b.String(), checkAfterQuote(raw[i+1:])
		case style == doubleQuoted && c == '\\':
			n, err := unescape(&b, raw[i:])
			if err != nil {
				return "", err
			}
			i += n
			continue
		}
		b.WriteByte(c)
		i++
	}
}

func checkAfterQuote(rest string) error {
	rest = strings.TrimLeft(rest, " \t")
	if rest == "" || rest[0] == '#' {
		return nil
	}
	return fmt.Errorf("unexpected %q after the closing quote", clip(rest, 20))
}

var simpleEscapes = map[byte]string{
	'\\': "\\", '"': "\"", '/': "/", 'n': "\n", 't': "\t", 'r': "\r",
	' ': " ", '_': "\u00a0", 'N': "\u0085", 'L': "\u2028", 'P': "\u2029",
}

// unescape decodes the escape at the start of s (s[0] == '\\') into b and
// returns how many bytes it used.
func unescape(b *strings.Builder, s string) (int, error) {
	if len(s) < 2 {
		return 0, errUnterminated
	}
	if r, ok := simpleEscapes[s[1]]; ok {
		b.WriteString(r)
		return 2, nil
	}
	digits := escapeDigits(s[1])
	if digits == 0 {
		_, size := utf8.DecodeRuneInString(s[1:])
		return 0, fmt.Errorf("unknown escape %q in a double-quoted value", s[:1+size])
	}
	if len(s) < 2+digits {
		return 0, fmt.Errorf("short escape %q", s)
	}
	n, err := strconv.ParseUint(s[2:2+digits], 16, 32)
	r := rune(n)
	if err != nil || !utf8.ValidRune(r) || r == 0 {
		return 0, fmt.Errorf("invalid escape %q", s[:2+digits])
	}
	b.WriteRune(r)
	return 2 + digits, nil
}

// escapeDigits is the number of hex digits after \x, \u and \U, else 0.
func escapeDigits(c byte) int {
	switch c {
	case 'x':
		return 2
	case 'u':
		return 4
	case 'U':
		return 8
	}
	return 0
}
