package graph

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// EntityID returns the stable ID of an entity: "kind/slug", e.g.
// "person/jane-roe".
func EntityID(k Kind, name string) string { return string(k) + "/" + Slug(name) }

// ClaimID returns "claim/<hash>" where hash is the first 8 bytes (16 hex
// digits) of SHA-256 over the claim's normalised text, so the same words
// said twice are one claim.
func ClaimID(text string) string { return "claim/" + shortHash(NormalizeText(text)) }

// ArticleID returns "article/<hash>" from the article's content bytes, so
// that ingesting the same content twice is recognised.
func ArticleID(content []byte) string {
	sum := sha256.Sum256(content)
	return "article/" + hex.EncodeToString(sum[:8])
}

func shortHash(s string) string {
	sum := sha256.Sum256([]byte(s))
	var h [16]byte
	hex.Encode(h[:], sum[:8])
	return string(h[:])
}

// KindOfID returns the kind encoded in an ID's prefix, or "" if none.
func KindOfID(id string) Kind {
	i := strings.IndexByte(id, '/')
	if i < 0 {
		return ""
	}
	k := Kind(id[:i])
	if !k.Valid() {
		return ""
	}
	return k
}

// Slug lower-cases s, folds accents and curly apostrophes, and joins its
// letters and digits with single hyphens: "Civic Democratic Alliance-Nord" ->
// "civic-democratic-alliance-nord".
func Slug(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	dash := false
	for _, r := range norm.NFKD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r):
			continue
		case r == '\'' || r == '’':
			continue
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(unicode.ToLower(r))
		default:
			dash = true
		}
	}
	if b.Len() == 0 {
		return "x"
	}
	return b.String()
}

// NormalizeName is the form under which names and aliases are indexed:
// NFKC, lower case, curly quotes straightened, runs of space and punctuation
// other than hyphens collapsed to one space. "Helena Marsh's" and "helena
// marsh’s" normalise alike.
func NormalizeName(s string) string {
	var b strings.Builder
	space := false
	for _, r := range norm.NFKC.String(s) {
		switch {
		case r == '’' || r == '‘':
			r = '\''
		}
		if unicode.IsLetter(r) || unicode.IsDigit(r) || r == '-' || r == '\'' || r == '&' {
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(unicode.ToLower(r))
			continue
		}
		space = true
	}
	return b.String()
}

// NormalizeText is the form under which claim texts are compared: words
// lower-cased and joined by single spaces, quotes and punctuation dropped.
func NormalizeText(s string) string {
	s = norm.NFKC.String(s)
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for i := 0; i < len(s); {
		r := rune(-1) // the rune kept, lower-cased, or -1
		if c := s[i]; c < utf8.RuneSelf {
			// ASCII, most of any text, without the Unicode tables
			i++
			switch {
			case 'a' <= c && c <= 'z', '0' <= c && c <= '9', c == '%', c == '$':
				r = rune(c)
			case 'A' <= c && c <= 'Z':
				r = rune(c + 'a' - 'A')
			}
		} else {
			u, n := utf8.DecodeRuneInString(s[i:])
			i += n
			if unicode.IsLetter(u) || unicode.IsDigit(u) {
				r = unicode.ToLower(u)
			}
		}
		if r < 0 {
			space = true
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(r)
	}
	return b.String()
}
