package ingest_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/claimgraph/claimgraph/internal/ingest"
)

// TestALineOfTenMegabytesIsOneArticle feeds a JSON Lines record whose text
// is 10 MB: it is read, extracted and stored like any other.
func TestALineOfTenMegabytesIsOneArticle(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: skipping the 10 MB line")
	}
	para := `"The tunnel will open in spring," said Mira Holt, the transport minister. `
	text := strings.Repeat(para, 10<<20/len(para)+1)
	line := fmt.Sprintf(`{"title":"Long","date":"2024-05-01","text":%q}`+"\n", text)
	dir := writeTree(t, t.TempDir(), file{"long.jsonl", line})
	db := openStore(t)
	sum := run(t, db, []string{dir}, ingest.Options{})
	if sum.New != 1 || sum.Failed != 0 || sum.Bytes < 10<<20 {
		t.Fatalf("summary = %+v, want one new article of 10 MB", sum)
	}
	if len(articles(dump(t, db))) != 1 {
		t.Error("the article is not stored")
	}
}

// TestManyTinyFiles ingests thousands of one-line files: each is its own
// article and the run stays in order and complete.
func TestManyTinyFiles(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: skipping the many-files test")
	}
	const n = 5000
	files := make([]file, n)
	for i := range files {
		files[i] = file{fmt.Sprintf("d%02d/%05d.txt", i%50, i), fmt.Sprintf("Speaker Number%d said \"item %d is ready\".\n", i, i)}
	}
	dir := writeTree(t, t.TempDir(), files...)
	db := openStore(t)
	sum := run(t, db, []string{dir}, ingest.Options{})
	if sum.Files != n || sum.New != n || sum.Failed != 0 {
		t.Fatalf("summary = %+v, want %d files and articles", sum, n)
	}
	if again := run(t, db, []string{dir}, ingest.Options{}); again.New != 0 || again.Unchanged != n {
		t.Errorf("second run = %+v, want all %d unchanged", again, n)
	}
}
