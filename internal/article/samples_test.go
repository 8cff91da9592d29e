package article

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// sharedQuote is the claim that testdata/ARTICLES.md says two
// articles quote verbatim.
const sharedQuote = "We were told the numbers in Eastmark would be settled before a single ballot was counted"

func TestSampleArticlesKeepTheirDocumentedProperties(t *testing.T) {
	readme, err := os.ReadFile(filepath.Join(articlesDir, "..", "ARTICLES.md"))
	if err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob(filepath.Join(articlesDir, "*"))
	formats := map[string]int{}
	withQuote := 0
	for _, p := range files {
		base := filepath.Base(p)
		if base == "README.md" {
			continue
		}
		if !strings.Contains(string(readme), base) {
			t.Errorf("%s is not described in the README", base)
		}
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		arts, errs, err := Parse(base, data, Options{})
		if err != nil || len(errs) > 0 {
			t.Fatalf("%s: %v %v", base, err, errs)
		}
		formats[DetectFormat(base, data)] += len(arts)
		for _, a := range arts {
			if n := len(strings.Fields(a.Text)); n < 300 || n > 700 {
				t.Errorf("%s line %d has %d words, want 300-700", base, a.Line, n)
			}
			if a.Date == "" {
				t.Errorf("%s line %d has no date", base, a.Line)
			}
			if strings.Contains(a.Text, sharedQuote) {
				withQuote++
			}
		}
	}
	want := map[string]int{FormatText: 3, FormatMarkdown: 1, FormatHTML: 1, FormatJSONL: 2}
	for f, n := range want {
		if formats[f] < n {
			t.Errorf("%d %s articles, want at least %d", formats[f], f, n)
		}
	}
	if withQuote != 2 {
		t.Errorf("the shared quote appears in %d articles, want 2", withQuote)
	}
}
