package query

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// tokKind classifies a token.
type tokKind int

const (
	tEOF    tokKind = iota
	tIdent          // a name or keyword
	tQuoted         // a `backtick-quoted` name, never a keyword
	tString         // 'text' or "text"; val holds the decoded text
	tInt            // 42
	tFloat          // 4.2, 1e3
	tParam          // $name; val holds the name
	tPunct          // an operator or punctuation; text holds it
)

// token is one lexeme with its byte span in the script.
type token struct {
	kind tokKind
	text string // the source text (punctuation, identifier, number)
	val  string // decoded string or name
	pos  int
	end  int
}

// puncts lists multi-character operators before their prefixes.
var puncts = []string{"..", "<>", "<=", ">=", "=~", "(", ")", "[", "]", "{", "}",
	",", ":", ";", ".", "|", "*", "+", "-", "/", "%", "=", "<", ">"}

// lex splits src into tokens, ending with a tEOF token.
func lex(src string) ([]token, error) {
	var toks []token
	i := 0
	for {
		j, err := skipSpace(src, i)
		if err != nil {
			return nil, err
		}
		i = j
		if i >= len(src) {
			toks = append(toks, token{kind: tEOF, pos: len(src), end: len(src)})
			return toks, nil
		}
		t, err := lexOne(src, i)
		if err != nil {
			return nil, err
		}
		toks = append(toks, t)
		i = t.end
	}
}

// skipSpace skips blanks and // and /* */ comments from i.
func skipSpace(src string, i int) (int, error) {
	for i < len(src) {
		r, n := utf8.DecodeRuneInString(src[i:])
		switch {
		case unicode.IsSpace(r) || r == '\uFEFF':
			i += n
		case strings.HasPrefix(src[i:], "//"):
			e := strings.IndexByte(src[i:], '\n')
			if e < 0 {
				return len(src), nil
			}
			i += e + 1
		case strings.HasPrefix(src[i:], "/*"):
			e := strings.Index(src[i+2:], "*/")
			if e < 0 {
				return 0, errAt(src, i, "close it with */", "unterminated comment")
			}
			i += e + 4
		default:
			return i, nil
		}
	}
	return i, nil
}

func lexOne(src string, i int) (token, error) {
	r, n := utf8.DecodeRuneInString(src[i:])
	switch {
	case r == '_' || unicode.IsLetter(r):
		j := i + n
		for j < len(src) {
			r2, n2 := utf8.DecodeRuneInString(src[j:])
			if r2 != '_' && !unicode.IsLetter(r2) && !unicode.IsDigit(r2) {
				break
			}
			j += n2
		}
		return token{kind: tIdent, text: src[i:j], val: src[i:j], pos: i, end: j}, nil
	case r >= '0' && r <= '9':
		return lexNumber(src, i)
	case r == '\'' || r == '"':
		return lexString(src, i)
	case r == '`':
		e := strings.IndexByte(src[i+1:], '`')
		if e < 0 {
			return token{}, errAt(src, i, "close it with `", "unterminated quoted name")
		}
		if e == 0 {
			return token{}, errAt(src, i, "", "empty quoted name")
		}
		return token{kind: tQuoted, text: src[i : i+e+2], val: src[i+1 : i+1+e], pos: i, end: i + e + 2}, nil
	case r == '$':
		return lexParam(src, i)
	}
	for _, p := range puncts {
		if strings.HasPrefix(src[i:], p) {
			return token{kind: tPunct, text: p, pos: i, end: i + len(p)}, nil
		}
	}
	if r == utf8.RuneError && n <= 1 {
		return token{}, errAt(src, i, "", "invalid UTF-8 byte 0x%02x", src[i])
	}
	hint := ""
	switch r {
	case '“', '”', '‘', '’':
		hint = "use straight quotes ' or \" around strings"
	}
	return token{}, errAt(src, i, hint, "unexpected character %q", r)
}

func lexParam(src string, i int) (token, error) {
	j := i + 1
	if j < len(src) && src[j] == '`' {
		e := strings.IndexByte(src[j+1:], '`')
		if e <= 0 {
			return token{}, errAt(src, i, "", "bad parameter name")
		}
		return token{kind: tParam, text: src[i : j+e+2], val: src[j+1 : j+1+e], pos: i, end: j + e + 2}, nil
	}
	for j < len(src) {
		r, n := utf8.DecodeRuneInString(src[j:])
		if r != '_' && !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			break
		}
		j += n
	}
	if j == i+1 {
		return token{}, errAt(src, i, "write $name", "a parameter needs a name")
	}
	return token{kind: tParam, text: src[i:j], val: src[i+1 : j], pos: i, end: j}, nil
}

func isDigit(b byte) bool { return b >= '0' && b <= '9' }

// lexNumber reads 12, 1.5, 2e3 or 0x1F. A dot belongs to the number only
// when a digit follows it, so 1..3 is 1, .., 3.
func lexNumber(src string, i int) (token, error) {
	j := i
	kind := tInt
	if strings.HasPrefix(src[i:], "0x") || strings.HasPrefix(src[i:], "0X") {
		j += 2
		for j < len(src) && strings.IndexByte("0123456789abcdefABCDEF", src[j]) >= 0 {
			j++
		}
	} else {
		for j < len(src) && isDigit(src[j]) {
			j++
		}
		if j+1 < len(src) && src[j] == '.' && isDigit(src[j+1]) {
			kind = tFloat
			j++
			for j < len(src) && isDigit(src[j]) {
				j++
			}
		}
		if j < len(src) && (src[j] == 'e' || src[j] == 'E') {
			k := j + 1
			if k < len(src) && (src[k] == '+' || src[k] == '-') {
				k++
			}
			if k < len(src) && isDigit(src[k]) {
				kind = tFloat
				for j = k; j < len(src) && isDigit(src[j]); j++ {
				}
			}
		}
	}
	if j < len(src) {
		if r, _ := utf8.DecodeRuneInString(src[j:]); r == '_' || unicode.IsLetter(r) {
			return token{}, errAt(src, j, "put a space or an operator between them", "a number runs into a name")
		}
	}
	return token{kind: kind, text: src[i:j], pos: i, end: j}, nil
}

// lexString reads a quoted string with backslash escapes.
func lexString(src string, i int) (token, error) {
	q := src[i]
	var b strings.Builder
	j := i + 1
	for j < len(src) {
		c := src[j]
		switch {
		case c == q:
			return token{kind: tString, text: src[i : j+1], val: b.String(), pos: i, end: j + 1}, nil
		case c == '\\':
			n, err := unescape(src, j, &b)
			if err != nil {
				return token{}, err
			}
			j += n
		default:
			b.WriteByte(c)
			j++
		}
	}
	return token{}, errAt(src, i, "close it with "+string(q), "unterminated string")
}

// unescape decodes the escape at src[j] (a backslash) into b and returns
// its length.
func unescape(src string, j int, b *strings.Builder) (int, error) {
	if j+1 >= len(src) {
		return 0, errAt(src, j, "", "unterminated escape")
	}
	c := src[j+1]
	if k := strings.IndexByte(`ntrbf\'"/`, c); k >= 0 {
		b.WriteByte("\n\t\r\b\f\\'\"/"[k])
		return 2, nil
	}
	if c == 'u' || c == 'U' {
		n := 4
		if c == 'U' {
			n = 8
		}
		if j+2+n > len(src) {
			return 0, errAt(src, j, "", "short \\%c escape", c)
		}
		v, err := strconv.ParseUint(src[j+2:j+2+n], 16, 32)
		if err != nil || !utf8.ValidRune(rune(v)) {
			return 0, errAt(src, j, "", "bad \\%c escape %q", c, src[j:j+2+n])
		}
		b.WriteRune(rune(v))
		return 2 + n, nil
	}
	return 0, errAt(src, j, `escapes are \n \t \r \b \f \\ \' \" \uXXXX`, "unknown escape \\%c", c)
}
