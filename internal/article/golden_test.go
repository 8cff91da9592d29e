package article

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/golden")

// articlesDir holds the sample articles shared by the whole repository.
const articlesDir = "../../testdata/articles"

// goldenRecord is what the golden files hold for each parsed file.
type goldenRecord struct {
	Format   string   `json:"format"`
	Articles []golden `json:"articles"`
	Errors   []string `json:"errors,omitempty"`
	Fatal    string   `json:"fatal,omitempty"`
}

type golden struct {
	ID string `json:"id"`
	Article
}

func TestSampleArticlesMatchTheirGoldenFiles(t *testing.T) {
	files, err := filepath.Glob(filepath.Join(articlesDir, "*"))
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, path := range files {
		if filepath.Base(path) == "README.md" {
			continue
		}
		n++
		t.Run(filepath.Base(path), func(t *testing.T) {
			got := goldenOf(t, path)
			want := filepath.Join("testdata", "golden", filepath.Base(path)+".json")
			if *update {
				if err := os.WriteFile(want, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			exp, err := os.ReadFile(want)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			if !bytes.Equal(got, exp) {
				t.Errorf("output differs from %s (run go test -update and review the diff):\n%s", want, got)
			}
		})
	}
	if n < 6 {
		t.Errorf("found %d sample articles in %s, want at least 6", n, articlesDir)
	}
}

func goldenOf(t *testing.T, path string) []byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	name := filepath.ToSlash(filepath.Join("testdata/articles", filepath.Base(path)))
	arts, errs, fatal := Parse(name, data, Options{})
	rec := goldenRecord{Format: DetectFormat(name, data)}
	for _, a := range arts {
		rec.Articles = append(rec.Articles, golden{ID: a.Node().ID, Article: a})
	}
	for _, e := range errs {
		rec.Errors = append(rec.Errors, e.Error())
	}
	if fatal != nil {
		rec.Fatal = fatal.Error()
	}
	out, err := json.MarshalIndent(rec, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	return append(out, '\n')
}
