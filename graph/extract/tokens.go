package extract

import (
	"unicode"
	"unicode/utf8"
)

// tokKind classifies a token.
type tokKind uint8

const (
	tWord  tokKind = iota // letters, with internal apostrophes, hyphens or abbreviation dots
	tNum                  // starts with a digit: 8, 2018, 100%, 3.5, 1,000
	tPunct                // one punctuation mark, or a dash or ellipsis
	tQuote                // a quotation mark; see quoteShape
	tPoss                 // a possessive 's (or ’s) split off a word
)

// quoteShape tells what a quotation mark looks like on its own.
type quoteShape uint8

const (
	qNone           quoteShape = iota
	qDoubleOpen                // “ «
	qDoubleClose               // ” »
	qDoubleStraight            // "
	qSingleOpen                // ‘
	qSingleClose               // ’ standing alone
	qSingleStraight            // ' standing alone
	qDoubleSingles             // '' used as a double quotation mark
)

func (q quoteShape) double() bool {
	return q == qDoubleOpen || q == qDoubleClose || q == qDoubleStraight || q == qDoubleSingles
}

// trueDouble reports whether the mark is a double quotation mark
// character (“ ” " « »), which makes a quote direct; two apostrophes used
// as one are not.
func (q quoteShape) trueDouble() bool {
	return q == qDoubleOpen || q == qDoubleClose || q == qDoubleStraight
}

// token is one lexical unit of the article with its byte span.
type token struct {
	start, end int
	kind       tokKind
	quote      quoteShape
	// cap is set when the first letter is upper case; acro when every
	// letter is (and there are at least two).
	cap, acro bool
	// para is set on the first token after a line break: a paragraph
	// starts here.
	para bool
	// spaceBefore is set when white space precedes the token.
	spaceBefore bool
	// handle marks an @handle.
	handle bool
}

// tokenize splits text[from:] into tokens. It never fails and runs in one
// pass over the bytes.
func tokenize(text string, from int) []token {
	toks := make([]token, 0, len(text)/5+8)
	i := from
	para := true
	space := true
	for i < len(text) {
		c := text[i]
		if c < utf8.RuneSelf {
			switch {
			case c == '\n':
				para, space = true, true
				i++
				continue
			case c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v':
				space = true
				i++
				continue
			}
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		// Format characters (zero-width spaces and joiners, direction
		// marks, embeddings) are invisible: they separate nothing.
		if r != '\n' && (unicode.IsSpace(r) || r == '\u200b' || r == '\ufeff' || unicode.Is(unicode.Cf, r)) {
			space = true
			i += size
			continue
		}
		t := token{start: i, para: para, spaceBefore: space}
		para, space = false, false
		i = scanToken(text, i, r, size, &t)
		t.end = i
		toks = append(toks, t)
	}
	return toks
}

// scanToken reads the token that starts at i with rune r and fills t; it
// returns the offset after the token.
func scanToken(text string, i int, r rune, size int, t *token) int {
	switch {
	case isLetter(r):
		t.kind = tWord
		t.cap = unicode.IsUpper(r)
		end := scanWord(text, i)
		t.acro = isAcronym(text[i:end])
		return end
	case r >= '0' && r <= '9':
		t.kind = tNum
		return scanNumber(text, i)
	case (r == '@' || r == '#') && i+1 < len(text) && isWordByte(text[i+1]):
		t.kind = tWord
		t.handle = r == '@'
		j := i + 1
		for j < len(text) && (isWordByte(text[j]) || text[j] == '_') {
			j++
		}
		return j
	}
	if r == '\'' && i+1 < len(text) && text[i+1] == '\'' {
		t.kind = tQuote
		t.quote = qDoubleSingles
		return i + 2
	}
	if q := shapeOf(r); q != qNone {
		// An apostrophe that starts a possessive: Khan's, Khan’s.
		if (r == '\'' || r == '’') && !t.spaceBefore && i+size < len(text) && (text[i+size] == 's' || text[i+size] == 'S') &&
			!letterAt(text, i+size+1) {
			t.kind = tPoss
			return i + size + 1
		}
		t.kind = tQuote
		t.quote = q
		if r == '`' && i+1 < len(text) && text[i+1] == '`' {
			return i + 2
		}
		return i + size
	}
	t.kind = tPunct
	switch {
	case r == '.' && i+2 < len(text) && text[i+1] == '.' && text[i+2] == '.':
		return i + 3
	case r == '-' && i+1 < len(text) && text[i+1] == '-':
		return i + 2
	}
	return i + size
}

func shapeOf(r rune) quoteShape {
	switch r {
	case '“', '«', '„':
		return qDoubleOpen
	case '”', '»':
		return qDoubleClose
	case '"':
		return qDoubleStraight
	case '‘', '`':
		return qSingleOpen
	case '’':
		return qSingleClose
	case '\'':
		return qSingleStraight
	}
	return qNone
}

func isLetter(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z'
	}
	return unicode.IsLetter(r)
}

func isWordByte(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
}

// letterAt reports whether a letter or digit starts at text[i].
func letterAt(text string, i int) bool {
	if i >= len(text) {
		return false
	}
	if text[i] < utf8.RuneSelf {
		return isWordByte(text[i])
	}
	r, _ := utf8.DecodeRuneInString(text[i:])
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// scanWord reads a word from i: letters and digits, joined by internal
// hyphens or apostrophes (but a final 's is left for a possessive token),
// abbreviations with dots (U.S., a.m.) and web addresses (pic.twitter.com/x).
func scanWord(text string, i int) int {
	start := i
	letters := 0
	dotted := false
	for i < len(text) {
		c := text[i]
		if c < utf8.RuneSelf {
			switch {
			case isWordByte(c) || c == '_':
				i++
				letters++
				continue
			case c == '-' || c == '/' || c == '&':
				if letterAt(text, i+1) && (c == '-' || dotted) {
					i++
					continue
				}
			case c == '\'':
				if apostropheInWord(text, i, 1) {
					i++
					continue
				}
			case c == '.':
				if j, ok := abbrevDot(text, start, i, letters); ok {
					dotted = true
					i = j
					continue
				}
			}
			return i
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r):
			i += size
			letters++
			continue
		case mojibakeTail(text, i, r):
			// "TrÃ©vidic": UTF-8 read as Latin-1 splits é into Ã and ©.
			i += size
			continue
		case r == '’':
			if apostropheInWord(text, i, size) {
				i += size
				continue
			}
		case r == '‐' || r == '‑':
			if letterAt(text, i+size) {
				i += size
				continue
			}
		}
		return i
	}
	return i
}

// mojibakeTail reports whether rune r at text[i] is the second half of a
// UTF-8 letter decoded as Latin-1 (Ã© for é, Ã¡ for á): a rune of
// U+0080–U+00BF right after Ã or Â, precomposed or as A and a combining
// tilde or circumflex.
func mojibakeTail(text string, i int, r rune) bool {
	if r < 0x80 || r > 0xbf || i < 2 {
		return false
	}
	p := text[i-2 : i]
	return p == "Ã" || p == "Â" || i >= 3 && text[i-3] == 'A' && (p == "\u0303" || p == "\u0302")
}

// apostropheInWord reports whether the apostrophe at i (size bytes) joins
// letters inside a word (don't, O'Brien), rather than starting a
// possessive 's.
func apostropheInWord(text string, i, size int) bool {
	j := i + size
	if !letterAt(text, j) {
		return false
	}
	if (text[j] == 's' || text[j] == 'S') && !letterAt(text, j+1) {
		return false
	}
	return true
}

// abbrevDot decides whether the dot at i continues the word that started at
// start: "U.S." (single letters between dots, the last dot included) or a
// web address ("twitter.com"). It returns where the word continues.
func abbrevDot(text string, start, i, letters int) (int, bool) {
	if !letterAt(text, i+1) {
		// A dot after a single letter that follows an earlier dot ends an
		// abbreviation: the second dot of U.S.
		if i-start >= 3 && text[i-2] == '.' && letters >= 2 {
			return i + 1, true
		}
		return 0, false
	}
	// Single letters separated by dots: U.S., a.m., e.g.
	if i-start == 1 || (i-start >= 3 && text[i-2] == '.') {
		if i+2 < len(text) && text[i+2] == '.' || i+2 >= len(text) || !letterAt(text, i+2) {
			return i + 1, true
		}
	}
	// Web addresses: a dot between letters, lower case after it.
	if c := text[i+1]; c >= 'a' && c <= 'z' && i+2 < len(text) && isWordByte(text[i+2]) {
		k := i + 1
		for k < len(text) && isWordByte(text[k]) {
			k++
		}
		w := text[i+1 : k]
		if w == "com" || w == "org" || w == "net" || w == "gov" || w == "edu" || w == "co" || w == "twitter" || w == "ly" || w == "uk" || w == "html" {
			return i + 1, true
		}
	}
	return 0, false
}

// scanNumber reads digits with internal separators (1,000 3.5 2:30) and a
// trailing percent sign or letters (8th, 100%, 1990s).
func scanNumber(text string, i int) int {
	for i < len(text) {
		c := text[i]
		switch {
		case c >= '0' && c <= '9':
			i++
		case (c == ',' || c == '.' || c == ':') && i+1 < len(text) && text[i+1] >= '0' && text[i+1] <= '9':
			i++
		case c == '%':
			return i + 1
		case c == '-' && letterAt(text, i+1):
			i++
		case isWordByte(c):
			i++
		default:
			return i
		}
	}
	return i
}

// isAcronym reports whether w has at least two letters, all upper case
// (digits and hyphens allowed): NRP, UWM-P, PML-N, U.S.
func isAcronym(w string) bool {
	n := 0
	for _, r := range w {
		switch {
		case unicode.IsUpper(r):
			n++
		case unicode.IsLetter(r):
			return false
		}
	}
	return n >= 2
}
