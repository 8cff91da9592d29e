package claimreview

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"
)

// expected is what an unrecognised file is told it should have been.
const expected = `expected schema.org ClaimReview JSON-LD (an object with "@type": "ClaimReview", an array of them, or a "@graph"), ` +
	`a Fact Check Tools response ({"claims": [...]}) or a Data Commons feed ({"dataFeedElement": [...]})`

// SyntaxError is malformed JSON at a line and column of a file.
type SyntaxError struct {
	File   string
	Line   int // 1-based
	Column int // 1-based, in bytes
	Err    error
}

// Error returns "FILE:LINE:COLUMN: malformed JSON: problem".
func (e *SyntaxError) Error() string {
	return fmt.Sprintf("%s:%d:%d: malformed JSON: %v", e.File, e.Line, e.Column, e.Err)
}

// Unwrap returns the decoder's error.
func (e *SyntaxError) Unwrap() error { return e.Err }

// ErrNoClaimReview is wrapped by the error for a JSON file in none of the
// shapes Parse reads.
var ErrNoClaimReview = errors.New("no ClaimReview found")

// Parse reads the ClaimReview file called name (used in errors). Malformed
// JSON is a *SyntaxError with the line and column; a JSON document in none
// of the three shapes is an error wrapping ErrNoClaimReview that says what
// was expected. ClaimReview objects without a claim text are returned as
// Skipped rather than failing the file.
//
// An HTML page (a file whose first character other than space is "<") is
// read for its <script type="application/ld+json"> blocks, as fact-checkers
// embed ClaimReview in their review pages; errors in a block are placed in
// the page.
func Parse(name string, data []byte) (*Result, error) {
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	if t := bytes.TrimLeft(data, " \t\r\n"); len(t) > 0 && t[0] == '<' {
		return parseHTML(name, data)
	}
	v, err := decode(name, data, 0, data)
	if err != nil {
		return nil, err
	}
	p := &parser{file: name, res: &Result{}}
	if err := p.document(v); err != nil {
		return nil, err
	}
	return p.res, nil
}

// decode reads exactly one JSON value from part, which starts at byte
// start of the file data; numbers are kept as json.Number.
func decode(name string, data []byte, start int, part []byte) (any, error) {
	d := json.NewDecoder(bytes.NewReader(part))
	d.UseNumber()
	var v any
	err := d.Decode(&v)
	var se *json.SyntaxError
	switch {
	case errors.Is(err, io.EOF):
		return nil, fmt.Errorf("%s: empty file: %w: %s", name, ErrNoClaimReview, expected)
	case errors.Is(err, io.ErrUnexpectedEOF):
		return nil, syntaxAt(name, data, start+len(part), errors.New("unexpected end of file"))
	case errors.As(err, &se):
		return nil, syntaxAt(name, data, start+int(se.Offset)-1, se)
	case err != nil:
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	off := int(d.InputOffset())
	if rest := bytes.TrimLeft(part[off:], " \t\r\n"); len(rest) > 0 {
		return nil, syntaxAt(name, data, start+len(part)-len(rest), errors.New("more data after the JSON value"))
	}
	return v, nil
}

// syntaxAt makes a SyntaxError for byte offset off of data.
func syntaxAt(name string, data []byte, off int, err error) *SyntaxError {
	off = max(0, min(off, len(data)))
	before := data[:off]
	line := 1 + bytes.Count(before, []byte("\n"))
	col := off - bytes.LastIndexByte(before, '\n')
	return &SyntaxError{File: name, Line: line, Column: col, Err: err}
}

type parser struct {
	file string
	res  *Result
	n    int // reviews seen, for Index
}

// document detects the shape of the top-level value and reads it.
func (p *parser) document(v any) error {
	if m, ok := v.(map[string]any); ok {
		if claims, ok := m["claims"]; ok {
			p.res.Shape = FactCheck
			return p.factCheckTools(claims)
		}
		if feed, ok := m["dataFeedElement"]; ok {
			p.res.Shape = DataCommon
			return p.dataFeed(feed)
		}
	}
	p.res.Shape = JSONLD
	if !p.jsonLD(v, 0) {
		return fmt.Errorf("%s: %w: %s", p.file, ErrNoClaimReview, expected)
	}
	return nil
}

// maxNesting bounds how deep jsonLD looks through arrays and @graphs.
const maxNesting = 8

// jsonLD collects the ClaimReview objects of v: v itself, the elements of
// an array, the members of a @graph. It reports whether any was found.
func (p *parser) jsonLD(v any, depth int) bool {
	if depth > maxNesting {
		return false
	}
	found := false
	switch x := v.(type) {
	case []any:
		for _, e := range x {
			found = p.jsonLD(e, depth+1) || found
		}
	case map[string]any:
		if hasType(x, "ClaimReview") {
			p.add(readClaimReview(x))
			return true
		}
		if g, ok := x["@graph"]; ok {
			found = p.jsonLD(g, depth+1)
		}
	}
	return found
}

// dataFeed reads dataFeedElement[].item[] (an item may also be one object).
func (p *parser) dataFeed(v any) error {
	elems, ok := v.([]any)
	if !ok {
		return fmt.Errorf("%s: %w: \"dataFeedElement\" is not an array", p.file, ErrNoClaimReview)
	}
	for _, e := range elems {
		m, ok := e.(map[string]any)
		if !ok {
			continue
		}
		for _, it := range list(m["item"]) {
			if cr, ok := it.(map[string]any); ok {
				p.add(readClaimReview(cr))
			}
		}
	}
	return nil
}

// factCheckTools reads the claims[] of a claims:search response.
func (p *parser) factCheckTools(v any) error {
	claims, ok := v.([]any)
	if !ok {
		return fmt.Errorf("%s: %w: \"claims\" is not an array", p.file, ErrNoClaimReview)
	}
	for _, c := range claims {
		m, ok := c.(map[string]any)
		if !ok {
			continue
		}
		claim := Review{
			ClaimText: str(m["text"]),
			Claimant:  str(m["claimant"]),
			ClaimDate: date(m["claimDate"]),
		}
		for _, r := range list(m["claimReview"]) {
			rm, ok := r.(map[string]any)
			if !ok {
				continue
			}
			rev := claim
			pub, _ := rm["publisher"].(map[string]any)
			rev.Publisher = str(pub["name"])
			if rev.Publisher == "" {
				rev.Publisher = str(pub["site"])
			}
			rev.URL = str(rm["url"])
			rev.ReviewDate = date(rm["reviewDate"])
			rev.Rating = str(rm["textualRating"])
			rev.Verdict = NormalizeRating(rev.Rating)
			rev.Language = str(rm["languageCode"])
			p.add(rev)
		}
	}
	return nil
}

// add numbers a review and keeps it, or skips it when it has no claim text.
func (p *parser) add(r Review) {
	p.n++
	r.Index = p.n
	if r.ClaimText == "" {
		p.res.Skipped = append(p.res.Skipped, Skip{File: p.file, Index: p.n, Reason: "no claim text (claimReviewed)"})
		return
	}
	if !r.Verdict.Valid() {
		r.Verdict = Unrated
	}
	p.res.Reviews = append(p.res.Reviews, r)
}

// readClaimReview reads one JSON-LD ClaimReview object.
func readClaimReview(m map[string]any) Review {
	r := Review{
		ClaimText:  str(m["claimReviewed"]),
		URL:        str(m["url"]),
		ReviewDate: date(m["datePublished"]),
		Publisher:  name(m["author"]),
		Language:   str(m["inLanguage"]),
	}
	if r.Publisher == "" {
		r.Publisher = name(m["publisher"])
	}
	if item := object(m["itemReviewed"]); item != nil {
		if r.ClaimText == "" {
			r.ClaimText = firstOf(str(item["text"]), str(item["name"]))
		}
		author := object(item["author"])
		r.Claimant = name(author)
		if hasType(author, "Organization") {
			r.ClaimantType = "Organization"
		} else if hasType(author, "Person") {
			r.ClaimantType = "Person"
		}
		if r.Claimant == "" {
			r.ClaimantType = ""
		}
		r.ClaimDate = date(item["datePublished"])
		r.Appearances = urls(item["firstAppearance"], item["appearance"])
	}
	rating := object(m["reviewRating"])
	r.Rating = firstOf(str(rating["alternateName"]), str(rating["name"]))
	r.Verdict = NormalizeRating(r.Rating)
	if r.Verdict == Unrated {
		value := str(rating["ratingValue"])
		if v, ok := ScaleRating(value, str(rating["bestRating"]), str(rating["worstRating"])); ok {
			r.Verdict = v
			if r.Rating == "" {
				r.Rating = value + "/" + firstOf(str(rating["bestRating"]), "5")
			}
		}
	}
	return r
}

// hasType reports whether m's @type is, or includes, t (also as
// "schema:T" or "https://schema.org/T").
func hasType(m map[string]any, t string) bool {
	for _, v := range list(m["@type"]) {
		s, _ := v.(string)
		if i := strings.LastIndexAny(s, "/:#"); i >= 0 {
			s = s[i+1:]
		}
		if strings.EqualFold(strings.TrimSpace(s), t) {
			return true
		}
	}
	return false
}

// list returns v as a slice: an array as is, nil as empty, anything else
// as a slice of one.
func list(v any) []any {
	switch x := v.(type) {
	case nil:
		return nil
	case []any:
		return x
	default:
		return []any{x}
	}
}

// object returns v, or the first object of an array v, as an object.
func object(v any) map[string]any {
	for _, e := range list(v) {
		if m, ok := e.(map[string]any); ok {
			return m
		}
	}
	return nil
}

// str returns a string or number as trimmed text, anything else as "".
func str(v any) string {
	switch x := v.(type) {
	case string:
		return strings.Join(strings.Fields(x), " ")
	case json.Number:
		return x.String()
	case []any:
		if len(x) > 0 {
			return str(x[0])
		}
	}
	return ""
}

// name returns the name of a Person or Organization given as an object
// (or array of them) or as a plain string.
func name(v any) string {
	if s := str(v); s != "" {
		return s
	}
	return str(object(v)["name"])
}

// urls returns the distinct URLs of appearance values: strings, or objects
// with url or @id, in order.
func urls(vs ...any) []string {
	var out []string
	seen := map[string]bool{}
	for _, v := range vs {
		for _, e := range list(v) {
			u := str(e)
			if m, ok := e.(map[string]any); ok {
				u = firstOf(str(m["url"]), str(m["@id"]))
			}
			if u != "" && !seen[u] {
				seen[u] = true
				out = append(out, u)
			}
		}
	}
	return out
}

func firstOf(ss ...string) string {
	for _, s := range ss {
		if s != "" {
			return s
		}
	}
	return ""
}

// dateLayouts are the date forms found in ClaimReview markup.
var dateLayouts = []string{
	time.DateOnly, time.RFC3339Nano, "2006-01-02T15:04:05", "2006-01-02T15:04:05Z0700",
	"2006-01-02 15:04:05", "2006-01-02T15:04Z07:00", "2006-01-02T15:04",
}

// date returns a date value as YYYY-MM-DD (the date as written, in its own
// offset), or "" when it is missing or unreadable.
func date(v any) string {
	s := str(v)
	for _, l := range dateLayouts {
		if t, err := time.Parse(l, s); err == nil {
			return t.Format(time.DateOnly)
		}
	}
	return ""
}
