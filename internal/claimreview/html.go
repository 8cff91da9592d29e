package claimreview

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"

	"golang.org/x/net/html"
)

// parseHTML reads the JSON-LD blocks of an HTML page. Blocks that are empty
// are ignored; a malformed block is an error placed in the page.
func parseHTML(name string, data []byte) (*Result, error) {
	p := &parser{file: name, res: &Result{Shape: JSONLD}}
	z := html.NewTokenizer(bytes.NewReader(data))
	off, inLD, found := 0, false, false
	for {
		tt := z.Next()
		raw := z.Raw()
		start := off
		off += len(raw)
		switch tt {
		case html.ErrorToken:
			if err := z.Err(); !errors.Is(err, io.EOF) {
				return nil, fmt.Errorf("%s: read HTML: %w", name, err)
			}
			if !found {
				return nil, fmt.Errorf("%s: %w: %s; or an HTML page with it in <script type=\"application/ld+json\">", name, ErrNoClaimReview, expected)
			}
			return p.res, nil
		case html.StartTagToken:
			inLD = isLDScript(z)
		case html.EndTagToken:
			inLD = false
		case html.TextToken:
			if !inLD || len(bytes.TrimSpace(raw)) == 0 {
				continue
			}
			v, err := decode(name, data, start, raw)
			if err != nil {
				return nil, err
			}
			found = p.jsonLD(v, 0) || found
		}
	}
}

// isLDScript reports whether the current start tag is a JSON-LD script.
func isLDScript(z *html.Tokenizer) bool {
	tag, hasAttr := z.TagName()
	if string(tag) != "script" {
		return false
	}
	for hasAttr {
		var k, v []byte
		k, v, hasAttr = z.TagAttr()
		if string(k) == "type" && strings.EqualFold(strings.TrimSpace(string(v)), "application/ld+json") {
			return true
		}
	}
	return false
}
