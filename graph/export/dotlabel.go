package export

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// dotQuote returns s as a quoted DOT string for an escString attribute
// (label, tooltip): backslashes are doubled so that Graphviz shows them
// as typed, quotes escaped, '&' written as "&amp;" (Graphviz decodes HTML
// entities in labels), line breaks as Graphviz's \n, other control
// characters as spaces, invalid UTF-8 as U+FFFD.
func dotQuote(s string) string {
	var b strings.Builder
	b.Grow(len(s) + 2)
	b.WriteByte('"')
	for _, r := range strings.ToValidUTF8(s, "\uFFFD") {
		switch {
		case r == '\\':
			b.WriteString(`\\`)
		case r == '"':
			b.WriteString(`\"`)
		case r == '&':
			b.WriteString("&amp;")
		case r == '\n':
			b.WriteString(`\n`)
		case unicode.IsControl(r) || r == '\u2028' || r == '\u2029':
			b.WriteByte(' ')
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// dotID returns s as a quoted DOT identifier. Identifiers are not
// escape-processed by Graphviz, so the escapes only need to keep distinct
// IDs distinct and the string well-formed.
func dotID(s string) string {
	var b strings.Builder
	b.Grow(len(s) + 2)
	b.WriteByte('"')
	for _, r := range strings.ToValidUTF8(s, "\uFFFD") {
		switch {
		case r == '\\':
			b.WriteString(`\\`)
		case r == '"':
			b.WriteString(`\"`)
		case unicode.IsControl(r) || r == '\u2028' || r == '\u2029':
			b.WriteString(`\u`)
			writeHex(&b, r)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

func writeHex(b *strings.Builder, r rune) {
	const digits = "0123456789ABCDEF"
	for shift := 12; shift >= 0; shift -= 4 {
		b.WriteByte(digits[(r>>shift)&0xF])
	}
}

// wrapText breaks s into at most maxLines lines of at most width runes at
// spaces (splitting longer words), collapsing runs of white space; when s
// does not fit, the last line ends in "…".
func wrapText(s string, width, maxLines int) []string {
	var lines []string
	cur := ""
	for _, w := range strings.Fields(s) {
		for utf8.RuneCountInString(w) > width {
			if cur != "" {
				lines, cur = append(lines, cur), ""
			}
			head, rest := splitRunes(w, width)
			lines, w = append(lines, head), rest
		}
		switch {
		case cur == "":
			cur = w
		case utf8.RuneCountInString(cur)+1+utf8.RuneCountInString(w) <= width:
			cur += " " + w
		default:
			lines, cur = append(lines, cur), w
		}
	}
	if cur != "" {
		lines = append(lines, cur)
	}
	if len(lines) <= maxLines {
		return lines
	}
	lines = lines[:maxLines]
	last := lines[maxLines-1]
	if utf8.RuneCountInString(last)+1 > width {
		last, _ = splitRunes(last, width-1)
	}
	lines[maxLines-1] = strings.TrimRight(last, " ") + "…"
	return lines
}

// splitRunes splits s after n runes.
func splitRunes(s string, n int) (string, string) {
	i := 0
	for pos := range s {
		if i == n {
			return s[:pos], s[pos:]
		}
		i++
	}
	return s, ""
}

// shorten returns s with white space collapsed, cut to at most n runes
// with "…" when longer.
func shorten(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	head, _ := splitRunes(s, n-1)
	return strings.TrimRight(head, " ") + "…"
}
