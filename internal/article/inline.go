package article

import (
	"html"
	"strings"
	"unicode"
	"unicode/utf8"
)

// escapable are the ASCII punctuation characters a backslash escapes in
// Markdown. While a line is stripped, an escaped one stands in as the
// private-use rune escapeBase+i so that no rule below mistakes it for syntax.
const escapable = "\\`*_{}[]()#+-.!<>~|&\"'"

const escapeBase = '\U00100000'

var (
	codeSpan    = lazyRegexp("``[^`](?:[^`]|`[^`])*?``|`[^`]+`")
	htmlComment = lazyRegexp(`<!--.*?-->`)
	image       = lazyRegexp(`!\[[^\[\]]*\](?:\((?:[^()]|\([^()]*\))*\)|\[[^\[\]]*\])`)
	inlineLink  = lazyRegexp(`\[([^\[\]]*)\]\((?:[^()]|\([^()]*\))*\)`)
	refLink     = lazyRegexp(`\[([^\[\]]+)\]\[[^\[\]]*\]`)
	autoLink    = lazyRegexp(`<((?:https?|ftp|mailto):[^<>\s]*|[^<>\s@]+@[^<>\s@]+)>`)
	htmlTag     = lazyRegexp(`</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>`)
)

// stripInline removes Markdown inline syntax from one line: code-span
// backticks, images, link targets, autolink brackets, HTML tags and
// comments, emphasis delimiters, backslash escapes and character references.
func stripInline(line string) string {
	escapes := !strings.ContainsFunc(line, isPlaceholder)
	if escapes {
		line = hideEscapes(line)
	}
	var toks []token
	last := 0
	var spans [][]int
	if strings.IndexByte(line, '`') >= 0 {
		spans = codeSpan().FindAllStringIndex(line, -1)
	}
	for _, m := range spans {
		toks = append(toks, tokenize(stripSpans(line[last:m[0]]))...)
		toks = append(toks, token{text: codeText(line[m[0]:m[1]]), code: true})
		last = m[1]
	}
	toks = append(toks, tokenize(stripSpans(line[last:]))...)
	out := renderTokens(toks)
	if escapes {
		out = showEscapes(out)
	}
	return out
}

func isPlaceholder(r rune) bool { return r >= escapeBase && r < escapeBase+rune(len(escapable)) }

func hideEscapes(s string) string {
	if !strings.Contains(s, `\`) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' && i+1 < len(s) {
			if k := strings.IndexByte(escapable, s[i+1]); k >= 0 {
				b.WriteRune(escapeBase + rune(k))
				i++
				continue
			}
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

func showEscapes(s string) string {
	if !strings.ContainsFunc(s, isPlaceholder) {
		return s
	}
	return strings.Map(func(r rune) rune {
		if isPlaceholder(r) {
			return rune(escapable[r-escapeBase])
		}
		return r
	}, s)
}

// codeText is a code span's content: backticks removed, one space of
// padding on both sides dropped, escapes shown as written.
func codeText(span string) string {
	t := strings.Trim(span, "`")
	if len(t) > 2 && t[0] == ' ' && t[len(t)-1] == ' ' {
		t = t[1 : len(t)-1]
	}
	return unhide(t)
}

// unhide writes escapes back as backslash sequences (escapes do not work
// in code spans).
func unhide(s string) string {
	if !strings.ContainsFunc(s, isPlaceholder) {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		if isPlaceholder(r) {
			b.WriteByte('\\')
			b.WriteByte(escapable[r-escapeBase])
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// stripSpans applies the regular-expression rules to text outside code spans.
func stripSpans(s string) string {
	if !strings.ContainsAny(s, "[<") {
		return s
	}
	s = htmlComment().ReplaceAllString(s, "")
	s = image().ReplaceAllString(s, "")
	s = inlineLink().ReplaceAllString(s, "${1}")
	s = refLink().ReplaceAllString(s, "${1}")
	s = autoLink().ReplaceAllString(s, "${1}")
	return htmlTag().ReplaceAllString(s, "")
}

// token is a piece of a line: literal text, a code span, or a run of one
// emphasis delimiter character.
type token struct {
	text  string
	code  bool
	delim byte // '*', '_' or '~' for a delimiter run
	drop  bool
}

// tokenize splits s into literal text and delimiter runs.
func tokenize(s string) []token {
	var toks []token
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c != '*' && c != '_' && c != '~' {
			i++
			continue
		}
		j := i
		for j < len(s) && s[j] == c {
			j++
		}
		if start < i {
			toks = append(toks, token{text: s[start:i]})
		}
		toks = append(toks, token{text: s[i:j], delim: c})
		start, i = j, j
	}
	if start < len(s) {
		toks = append(toks, token{text: s[start:]})
	}
	return toks
}

type runKey struct {
	c byte
	n int
}

// renderTokens pairs emphasis delimiter runs of the same character and
// length, drops the pairs, and joins the rest, decoding character
// references in literal text.
func renderTokens(toks []token) string {
	open := map[runKey][]int{}
	for i, t := range toks {
		if t.delim == 0 || (t.delim == '~' && len(t.text) != 2) {
			continue
		}
		prev, next := neighbours(toks, i)
		k := runKey{t.delim, len(t.text)}
		if canClose(t.delim, prev, next) && len(open[k]) > 0 {
			j := open[k][len(open[k])-1]
			open[k] = open[k][:len(open[k])-1]
			toks[i].drop, toks[j].drop = true, true
			continue
		}
		if canOpen(t.delim, prev, next) {
			open[k] = append(open[k], i)
		}
	}
	var b strings.Builder
	for _, t := range toks {
		switch {
		case t.drop:
		case t.code || t.delim != 0:
			b.WriteString(t.text)
		default:
			b.WriteString(html.UnescapeString(t.text))
		}
	}
	return b.String()
}

// neighbours returns the runes before and after token i (' ' at the ends).
func neighbours(toks []token, i int) (prev, next rune) {
	prev, next = ' ', ' '
	if i > 0 {
		prev, _ = utf8.DecodeLastRuneInString(toks[i-1].text)
	}
	if i+1 < len(toks) {
		next, _ = utf8.DecodeRuneInString(toks[i+1].text)
	}
	return prev, next
}

func canOpen(c byte, prev, next rune) bool {
	if unicode.IsSpace(next) {
		return false
	}
	return c != '_' || !isWordRune(prev)
}

func canClose(c byte, prev, next rune) bool {
	if unicode.IsSpace(prev) {
		return false
	}
	return c != '_' || !isWordRune(next)
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }
