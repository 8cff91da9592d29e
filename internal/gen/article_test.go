package gen

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// TestGoldenArticles pins the first articles of seed 1, so that a change to
// the corpus (and to every number measured on it) is deliberate.
func TestGoldenArticles(t *testing.T) {
	var b bytes.Buffer
	for i, art := range articles(1, 1000, defaultStart)[:4] {
		b.WriteString("==== article ")
		b.WriteString(itoa(i))
		b.WriteString(" ====\n")
		b.Write(art)
	}
	golden := filepath.Join("testdata", "articles.golden")
	if *update {
		if err := os.WriteFile(golden, b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(b.Bytes(), want) {
		t.Errorf("generated articles differ from %s; if the change is meant, run go test -update", golden)
	}
}

// paragraphs splits an article into its date line, headline and body
// paragraphs.
func paragraphs(b []byte) (date, headline string, body []string) {
	parts := strings.Split(strings.TrimSuffix(string(b), "\n"), "\n\n")
	return parts[0], parts[1], parts[2:]
}

func TestArticlesAreWellFormedProse(t *testing.T) {
	bad := []string{"{", "}", "[", "]", "  ", " ,", " .", ",,", "..", ",.", "\n\n\n", "'s's"}
	quoted, curly, straight := 0, 0, 0
	for i, b := range articles(4, 1500, defaultStart) {
		if !utf8.Valid(b) {
			t.Fatalf("article %d is not valid UTF-8", i)
		}
		for _, s := range bad {
			if j := bytes.Index(b, []byte(s)); j >= 0 {
				t.Errorf("article %d holds %q near %q", i, s, b[max(0, j-40):min(len(b), j+40)])
			}
		}
		_, head, body := paragraphs(b)
		checkHeadline(t, i, head)
		for _, p := range body {
			checkParagraph(t, i, p)
		}
		if bytes.ContainsAny(b, "“\"") {
			quoted++
		}
		if bytes.Contains(b, []byte("“")) {
			curly++
		}
		if bytes.Contains(b, []byte(`"`)) {
			straight++
		}
	}
	if quoted < 1500*95/100 {
		t.Errorf("only %d of 1500 articles hold a direct quote", quoted)
	}
	if curly < 900 || straight < 200 {
		t.Errorf("%d articles with curly quotes and %d with straight ones, want about 3:1", curly, straight)
	}
}

// checkHeadline wants what internal/article takes for a headline: short, no
// final punctuation, not opening with a quote.
func checkHeadline(t *testing.T, i int, h string) {
	t.Helper()
	if h == "" || len(h) > 150 || len(strings.Fields(h)) > 20 ||
		strings.ContainsAny(h[len(h)-1:], ".!?:;,\"'") || strings.ContainsAny(h[:1], "\"'“‘") {
		t.Errorf("article %d: headline %q does not look like one", i, h)
	}
}

func checkParagraph(t *testing.T, i int, p string) {
	t.Helper()
	first, _ := utf8.DecodeRuneInString(p)
	if !(first >= 'A' && first <= 'Z') && !strings.ContainsRune("“\"‘'", first) {
		t.Errorf("article %d: paragraph starts with %q: %q", i, first, p)
	}
	last, _ := utf8.DecodeLastRuneInString(p)
	if !strings.ContainsRune(".”\"0123456789", last) {
		t.Errorf("article %d: paragraph ends with %q: %q", i, last, p)
	}
	if strings.Count(p, "“") != strings.Count(p, "”") || strings.Count(p, `"`)%2 != 0 {
		t.Errorf("article %d: unbalanced quotes in %q", i, p)
	}
}

func TestAnArticleIntroducesEachPartyOnceAndNoSurnameTwice(t *testing.T) {
	w := newWorld(8, defaultStart)
	a := newArt(w)
	for i := range 1000 {
		b := a.generate(i, 1000)
		for _, pa := range w.parties {
			if n := bytes.Count(b, []byte("("+pa.acr+")")); n > 1 {
				t.Errorf("article %d defines %s %d times", i, pa.acr, n)
			}
		}
		seen := map[string]int{}
		for _, p := range a.people {
			last := w.people[p].last
			if q, dup := seen[last]; dup {
				t.Errorf("article %d casts %s and %s", i, w.people[q].full, w.people[p].full)
			}
			seen[last] = p
		}
		for _, p := range a.introP {
			if !bytes.Contains(b, []byte(w.people[p].full)) {
				t.Errorf("article %d refers to %s without ever giving the full name", i, w.people[p].full)
			}
		}
	}
}

func TestQuotesAreMostlyDistinctWithSomeRepeated(t *testing.T) {
	counts := map[string]int{}
	total := 0
	for _, b := range articles(9, 3000, defaultStart) {
		s := string(b)
		for {
			i := strings.Index(s, "“")
			if i < 0 {
				break
			}
			j := strings.Index(s[i:], "”")
			if j < 0 {
				break
			}
			q := strings.TrimRight(s[i+len("“"):i+j], ",.?")
			s = s[i+j:]
			if len(q) < 25 { // scare quotes such as “a farce”
				continue
			}
			counts[q]++
			total++
		}
	}
	repeated := 0
	for _, c := range counts {
		if c > 1 {
			repeated += c
		}
	}
	share := float64(repeated) / float64(total)
	t.Logf("%d quotes, %d distinct, %.1f%% in a quote that occurs more than once", total, len(counts), 100*share)
	if share < 0.02 || share > 0.25 {
		t.Errorf("%.1f%% of quotes repeated, want between 2%% and 25%%", 100*share)
	}
}
