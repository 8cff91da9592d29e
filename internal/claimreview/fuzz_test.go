package claimreview

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// FuzzParse checks that Parse never panics and that every review it
// returns keeps the promises of Review: a claim text, a valid verdict,
// dates that are "" or YYYY-MM-DD, no surrounding space, and an index in
// order. Errors for malformed JSON carry a position inside the file.
func FuzzParse(f *testing.F) {
	f.Add([]byte(oneObject))
	f.Add([]byte(`[` + oneObject + `,{"@type":"ClaimReview","claimReviewed":" x ","reviewRating":{"ratingValue":"1e309"}}]`))
	f.Add([]byte(`{"@graph":[{"@graph":[{"@type":["ClaimReview"],"claimReviewed":"y","itemReviewed":[{"author":["Z"]}]}]}]}`))
	f.Add([]byte(`{"claims":[{"text":"a","claimReview":[{"publisher":{},"textualRating":"Half-True","reviewDate":"2025-13-40"}]}]}`))
	f.Add([]byte(`{"dataFeedElement":[{"item":{"@type":"ClaimReview","claimReviewed":"b"}},3,null]}`))
	f.Add([]byte("{\n\"claims\": [}"))
	f.Add([]byte("<html><script type=\"application/ld+json\">" + oneObject + "</script><script type=\"application/ld+json\">{\n]</script>"))
	seeds, _ := filepath.Glob("../../testdata/factchecks/*.json")
	for _, s := range seeds {
		if b, err := os.ReadFile(s); err == nil {
			f.Add(b)
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		res, err := Parse("fuzz.json", data)
		if err != nil {
			var se *SyntaxError
			if errors.As(err, &se) && (se.Line < 1 || se.Column < 1 || se.Line > strings.Count(string(data), "\n")+1) {
				t.Fatalf("position %d:%d outside the input: %v", se.Line, se.Column, err)
			}
			if !strings.HasPrefix(err.Error(), "fuzz.json") {
				t.Fatalf("error does not name the file: %v", err)
			}
			return
		}
		last := 0
		for _, r := range res.Reviews {
			checkReview(t, r)
			if r.Index <= last {
				t.Fatalf("index %d after %d", r.Index, last)
			}
			last = r.Index
		}
	})
}

func checkReview(t *testing.T, r Review) {
	t.Helper()
	if r.ClaimText == "" {
		t.Fatalf("review %d has no claim text", r.Index)
	}
	if !r.Verdict.Valid() {
		t.Fatalf("review %d has verdict %q", r.Index, r.Verdict)
	}
	for _, d := range []string{r.ClaimDate, r.ReviewDate} {
		if d == "" {
			continue
		}
		if _, err := time.Parse(time.DateOnly, d); err != nil || len(d) != 10 {
			t.Fatalf("review %d has date %q", r.Index, d)
		}
	}
	for _, s := range append([]string{r.ClaimText, r.Claimant, r.Publisher, r.URL, r.Rating, r.Language}, r.Appearances...) {
		if s != strings.TrimSpace(s) {
			t.Fatalf("review %d has untrimmed %q", r.Index, s)
		}
	}
	for _, u := range r.Appearances {
		if u == "" {
			t.Fatalf("review %d has an empty appearance", r.Index)
		}
	}
}
