package article

import (
	"fmt"
	"regexp"
	"strings"
	"sync"
)

// dateHeader matches a first line "date 2024-02-28" (or "Date: …",
// "Date: 28 February 2024", "date February 28, 2024"); the value must
// start with a digit or a month's name so that a headline beginning with
// the word "Date" is not taken for a header.
var dateHeader = lazyRegexp(`^[ \t]*(?i:date)[ \t]*:?[ \t]+([0-9][^\r]*?|(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? [0-9][^\r]*?)[ \t]*\r?$`)

// parseText reads a plain-text article: the whole file is its text.
func parseText(name string, data []byte) ([]Article, error) {
	text := string(data)
	lines := splitLines(text)
	a := Article{Source: name, Text: text}
	body := lines
	if len(lines) > 0 {
		date, ok, err := headerDate(name, lines[0])
		if err != nil {
			return nil, err
		}
		if ok {
			a.Date = date
			body = lines[1:]
		}
	}
	if isBlank(body) {
		return nil, fmt.Errorf("%s: %w (no text after the date line)", name, ErrEmpty)
	}
	a.Title = headline(body)
	return []Article{a}, nil
}

// headerDate reads a "date YYYY-MM-DD" line. ok is false when line is not
// such a header; err is set when it is one with an invalid date.
func headerDate(name, line string) (date string, ok bool, err error) {
	m := dateHeader().FindStringSubmatch(line)
	if m == nil {
		return "", false, nil
	}
	d, err := ParseDate(m[1])
	if err != nil {
		// "28 February 2024", "February 28, 2024"
		if d2, lerr := parseLenientDate(m[1]); lerr == nil && strings.ContainsAny(m[1], " ,") {
			return d2, true, nil
		}
		return "", false, &LineError{File: name, Line: 1, Err: err}
	}
	return d, true, nil
}

func isBlank(lines []string) bool {
	for _, l := range lines {
		if strings.TrimSpace(l) != "" {
			return false
		}
	}
	return true
}

// headline returns the first non-blank line of lines when it looks like a
// headline (see the package documentation), else "".
func headline(lines []string) string {
	i := 0
	for i < len(lines) && strings.TrimSpace(lines[i]) == "" {
		i++
	}
	if i >= len(lines) {
		return ""
	}
	cand := strings.TrimSpace(lines[i])
	rest := lines[i+1:]
	if len(rest) == 0 || strings.TrimSpace(rest[0]) != "" || isBlank(rest) {
		return ""
	}
	if !looksLikeTitle(cand) {
		return ""
	}
	return cand
}

const (
	maxTitleBytes = 150
	maxTitleWords = 20
)

func looksLikeTitle(s string) bool {
	if s == "" || len(s) > maxTitleBytes || len(strings.Fields(s)) > maxTitleWords {
		return false
	}
	last := []rune(s)[len([]rune(s))-1]
	return !strings.ContainsRune(".!?:;,\"'“”‘’…)]", last) && !strings.ContainsRune("\"“‘'", []rune(s)[0])
}

// lazyRegexp returns a function that compiles the constant expression src
// on its first call and returns the same *regexp.Regexp on every call, so
// that commands which read no articles do not compile it at start-up.
func lazyRegexp(src string) func() *regexp.Regexp {
	return sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(src) })
}
