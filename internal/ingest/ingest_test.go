package ingest_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/internal/article"
	"github.com/claimgraph/claimgraph/internal/ingest"
)

func sortedCopy(s []string) []string {
	s = slices.Clone(s)
	slices.Sort(s)
	return s
}

func TestRunIngestsADirectoryTree(t *testing.T) {
	dir := goodTree(t)
	db := openStore(t)
	sum := run(t, db, []string{dir}, ingest.Options{})
	d := dump(t, db)

	if sum.Files != 4 || sum.New != 5 || sum.Unchanged != 0 || sum.Failed != 0 || sum.Interrupted {
		t.Errorf("summary %+v, want 4 files, 5 new, none unchanged or failed", sum)
	}
	if sum.Nodes != len(d.Nodes) || sum.Edges != len(d.Edges) {
		t.Errorf("summary counts %d nodes and %d edges, the store holds %d and %d",
			sum.Nodes, sum.Edges, len(d.Nodes), len(d.Edges))
	}
	if len(sum.Problems) != 0 || len(sum.Warnings) != 0 {
		t.Errorf("problems %q, warnings %q, want none", errorTexts(sum.Problems), errorTexts(sum.Warnings))
	}
	want := sortedCopy([]string{
		filepath.Join(dir, "a.txt"),
		"https://news.example.org/rail",
		filepath.Join(dir, "sub", "deeper", "c.html"),
		filepath.Join(dir, "d.jsonl") + ":1",
		filepath.Join(dir, "d.jsonl") + ":2",
	})
	if got := sources(d); !slices.Equal(got, want) {
		t.Errorf("article sources %q, want %q", got, want)
	}
	for _, n := range d.Nodes {
		if strings.Contains(n.Text, "Hidden Person") || strings.Contains(n.Name, "Hidden") {
			t.Errorf("node %s comes from a hidden file", n.ID)
		}
	}
	saidBy := map[string]bool{}
	for _, e := range d.Edges {
		if e.Rel == graph.Said {
			saidBy[e.From] = true
		}
	}
	for _, who := range []string{"Irena Dask", "Piet Oberholm", "Tova Lindqvist", "Marek Stahl", "Ana Ruiz"} {
		if !saidBy[graph.EntityID(graph.Person, who)] {
			t.Errorf("no said edge from %s", who)
		}
	}
}

func TestRunIngestsSingleFilesAndStandardInput(t *testing.T) {
	dir := goodTree(t)
	tests := []struct {
		name    string
		paths   []string
		stdin   string
		wantSrc []string
	}{
		{"a single text file", []string{filepath.Join(dir, "a.txt")}, "",
			[]string{filepath.Join(dir, "a.txt")}},
		{"a file inside a hidden directory when named", []string{filepath.Join(dir, ".git", "e.txt")}, "",
			[]string{filepath.Join(dir, ".git", "e.txt")}},
		{"two files in the order given", []string{filepath.Join(dir, "sub", "b.md"), filepath.Join(dir, "a.txt")}, "",
			[]string{filepath.Join(dir, "a.txt"), "https://news.example.org/rail"}},
		{"standard input for -", []string{"-"}, clinicText, []string{"stdin"}},
		{"standard input next to a file", []string{"-", filepath.Join(dir, "sub", "deeper", "c.html")}, railText,
			[]string{filepath.Join(dir, "sub", "deeper", "c.html"), "https://news.example.org/rail"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			db := openStore(t)
			sum := run(t, db, tt.paths, ingest.Options{Stdin: strings.NewReader(tt.stdin)})
			if sum.Files != len(tt.paths) || sum.New != len(tt.wantSrc) || sum.Failed != 0 {
				t.Errorf("summary %+v, want %d files and %d new", sum, len(tt.paths), len(tt.wantSrc))
			}
			if got := sources(dump(t, db)); !slices.Equal(got, sortedCopy(tt.wantSrc)) {
				t.Errorf("sources %q, want %q", got, tt.wantSrc)
			}
		})
	}
}

func TestRunWalksADirectoryNamedThroughASymbolicLink(t *testing.T) {
	dir := goodTree(t)
	link := filepath.Join(t.TempDir(), "articles")
	if err := os.Symlink(dir, link); err != nil {
		t.Skipf("cannot make a symbolic link here: %v", err)
	}
	db := openStore(t)
	sum := run(t, db, []string{link}, ingest.Options{})
	if sum.Files != 4 || sum.New != 5 {
		t.Fatalf("summary %+v, want the 4 files and 5 articles behind the link", sum)
	}
	if got, want := sources(dump(t, db))[0], filepath.Join(link, "a.txt"); got != want {
		t.Errorf("first source %q, want %q: paths are reported under the link", got, want)
	}
}

func TestRunNeedsStandardInputForDash(t *testing.T) {
	db := openStore(t)
	_, err := ingest.Run(context.Background(), db, []string{"-"}, ingest.Options{})
	if err == nil || !strings.Contains(err.Error(), "standard input") {
		t.Fatalf("error %v, want one about standard input", err)
	}
	if d := dump(t, db); len(d.Nodes) != 0 {
		t.Errorf("%d nodes written", len(d.Nodes))
	}
}

func TestRunWalksDirectoriesInLexicalOrder(t *testing.T) {
	// Empty files fail one by one, so their problems show the order in
	// which files were read.
	dir := writeTree(t, t.TempDir(),
		file{"b.txt", ""}, file{"a/z.txt", ""}, file{"a-c.txt", ""}, file{"A.txt", ""},
		file{"a/m/y.txt", ""}, file{"a/.x.txt", ""})
	db := openStore(t)
	sum := run(t, db, []string{dir}, ingest.Options{Workers: 3})
	var want []string
	for _, p := range []string{"A.txt", "a-c.txt", "a/m/y.txt", "a/z.txt", "b.txt"} {
		want = append(want, filepath.Join(dir, filepath.FromSlash(p))+": empty file")
	}
	if got := errorTexts(sum.Problems); !slices.Equal(got, want) {
		t.Errorf("problems\n %q\nwant\n %q", got, want)
	}
	if sum.Files != 5 || sum.Failed != 5 {
		t.Errorf("summary %+v, want 5 files, 5 failed", sum)
	}
}

func TestRunTwiceChangesNothing(t *testing.T) {
	dir := goodTree(t)
	db := openStore(t)
	first := run(t, db, []string{dir}, ingest.Options{})
	before := dump(t, db)
	second := run(t, db, []string{dir}, ingest.Options{})
	if second.New != 0 || second.Unchanged != first.New || second.Nodes != 0 || second.Edges != 0 ||
		second.Files != first.Files || second.Failed != 0 {
		t.Errorf("second run %+v, want every one of %d articles unchanged and nothing added", second, first.New)
	}
	sameDump(t, "after the second run", dump(t, db), before)
}

func TestRunCountsTheSameArticleOnce(t *testing.T) {
	for _, batch := range []int{1, 256} {
		t.Run("in batches of "+itoa(batch), func(t *testing.T) {
			dir := writeTree(t, t.TempDir(),
				file{"one/clinic.txt", clinicText}, file{"two/clinic.txt", clinicText},
				file{"wire.jsonl", wireText + wireText})
			db := openStore(t)
			sum := run(t, db, []string{dir}, ingest.Options{BatchArticles: batch, Workers: 2})
			if sum.New != 3 || sum.Unchanged != 3 || sum.Files != 3 {
				t.Errorf("summary %+v, want 3 files, 3 new, 3 unchanged", sum)
			}
			d := dump(t, db)
			if n := len(articles(d)); n != 3 {
				t.Errorf("%d articles stored, want 3", n)
			}
			if sum.Nodes != len(d.Nodes) || sum.Edges != len(d.Edges) {
				t.Errorf("summary counts %d nodes and %d edges, the store holds %d and %d",
					sum.Nodes, sum.Edges, len(d.Nodes), len(d.Edges))
			}
			for _, a := range articles(d) {
				if want := filepath.Join(dir, "one", "clinic.txt"); a.Text == clinicText && a.Source != want {
					t.Errorf("the clinic article's source is %q, want the first file %q", a.Source, want)
				}
			}
		})
	}
}

func itoa(n int) string {
	if n < 10 {
		return string(rune('0' + n))
	}
	return itoa(n/10) + string(rune('0'+n%10))
}

func TestRunRefusesMissingPathsBeforeWriting(t *testing.T) {
	dir := goodTree(t)
	missing := filepath.Join(dir, "no", "such.txt")
	db := openStore(t)
	for _, paths := range [][]string{{dir, missing}, {missing, dir}} {
		for _, strict := range []bool{false, true} {
			_, err := ingest.Run(context.Background(), db, paths, ingest.Options{Strict: strict})
			if err == nil || !strings.HasPrefix(err.Error(), missing+":") {
				t.Errorf("paths %q strict %v: error %v, want one naming %s", paths, strict, err, missing)
			}
			if d := dump(t, db); len(d.Nodes)+len(d.Edges) != 0 {
				t.Errorf("paths %q: %d nodes and %d edges written", paths, len(d.Nodes), len(d.Edges))
			}
		}
	}
}

// badFiles are files that fail whole, with the sentinel their problem wraps
// and what the message must say after the file's name.
var badFiles = []struct {
	name    string
	file    file
	sentErr error
	wantMsg string
}{
	{"an empty file", file{"empty.txt", ""}, article.ErrEmpty, ": empty file"},
	{"a file of white space", file{"blank.md", " \n\t\n"}, article.ErrEmpty, ": empty file (only white space)"},
	{"a binary file", file{"image.txt", "GIF89a\x00\x01\x02 said nobody"}, article.ErrBinary,
		": binary file (NUL byte at offset 6)"},
	{"a file over the size limit", file{"huge.txt", "date 2024-04-30\n\n" + strings.Repeat("\"More words,\" said Ada Long. ", 200)},
		article.ErrTooLarge, ": file too large: 5817 bytes, above the limit of 4096 bytes (4 KiB)"},
	{"a text file with an invalid date line", file{"bad-date.txt", "date 2024-13-45\n\n\"Soon,\" said Ada Long.\n"},
		article.ErrBadDate, ":1: invalid date"},
	{"Markdown with unclosed front matter", file{"open.md", "---\ntitle: x\n\n\"Soon,\" said Ada Long.\n"},
		article.ErrBadFrontMatter, ":4: bad front matter"},
}

func TestRunReportsBadFilesAndCommitsTheGoodOnes(t *testing.T) {
	for _, bf := range badFiles {
		t.Run(bf.name, func(t *testing.T) {
			dir := writeTree(t, goodTree(t), bf.file)
			db := openStore(t)
			sum := run(t, db, []string{dir}, ingest.Options{MaxSize: 4096})
			if sum.New != 5 || sum.Failed != 1 || sum.Files != 5 || len(sum.Problems) != 1 {
				t.Fatalf("summary %+v, want 5 files, 5 new, 1 failed", sum)
			}
			p := filepath.Join(dir, bf.file.path)
			msg := sum.Problems[0].Error()
			namesOnce(t, msg, p)
			if !errors.Is(sum.Problems[0], bf.sentErr) {
				t.Errorf("problem %q does not wrap %v", msg, bf.sentErr)
			}
			if !strings.HasPrefix(msg, p+bf.wantMsg) {
				t.Errorf("problem %q, want %q", msg, p+bf.wantMsg)
			}
			if n := len(articles(dump(t, db))); n != 5 {
				t.Errorf("%d articles stored, want the 5 good ones", n)
			}
		})
	}
}

func TestRunRefusesStandardInputOverTheLimit(t *testing.T) {
	db := openStore(t)
	big := "date 2024-04-30\n\n" + strings.Repeat("\"More words,\" said Ada Long. ", 200)
	sum := run(t, db, []string{"-"}, ingest.Options{MaxSize: 4096, Stdin: strings.NewReader(big)})
	if sum.Failed != 1 || sum.New != 0 || !errors.Is(sum.Problems[0], article.ErrTooLarge) {
		t.Fatalf("summary %+v, want one problem wrapping ErrTooLarge", sum)
	}
	namesOnce(t, sum.Problems[0].Error(), "stdin")
}

func TestRunRepairsInvalidUTF8WithAWarning(t *testing.T) {
	dir := writeTree(t, t.TempDir(),
		file{"latin1.txt", "date 2024-04-22\n\n\"The caf\xe9 will stay open,\" said Marta Oyelaran, the mayor of Lornfield.\n"})
	db := openStore(t)
	sum := run(t, db, []string{dir}, ingest.Options{})
	p := filepath.Join(dir, "latin1.txt")
	if sum.New != 1 || sum.Failed != 0 || len(sum.Warnings) != 1 {
		t.Fatalf("summary %+v, want 1 new article and 1 warning", sum)
	}
	msg := sum.Warnings[0].Error()
	namesOnce(t, msg, p)
	if !errors.Is(sum.Warnings[0], article.ErrInvalidUTF8) || !strings.HasPrefix(msg, p+":3: invalid UTF-8") {
		t.Errorf("warning %q, want %s:3: invalid UTF-8 ...", msg, p)
	}
	arts := articles(dump(t, db))
	if len(arts) != 1 || !strings.Contains(arts[0].Text, "caf\uFFFD will") {
		t.Errorf("stored article text is not repaired with U+FFFD: %+v", arts)
	}
}

func TestRunReportsBadJSONLinesAndIngestsTheRest(t *testing.T) {
	lines := `{"title":"Quay","date":"2024-04-18","text":"\"The quay is safe,\" said Nils Ambrose, the harbour master."}` + "\n" +
		`{"title":"Broken","text":` + "\n" +
		"\n" +
		`{"title":"No text","date":"2024-04-18"}` + "\n" +
		`{"title":"Ferry","date":"2024-04-19","text":"\"The ferry will run all winter,\" said Nils Ambrose."}` + "\n"
	dir := writeTree(t, t.TempDir(), file{"feed.jsonl", lines})
	db := openStore(t)
	sum := run(t, db, []string{dir}, ingest.Options{})
	p := filepath.Join(dir, "feed.jsonl")
	if sum.New != 2 || sum.Failed != 2 || sum.Files != 1 {
		t.Fatalf("summary %+v, want 2 new and 2 failed lines in 1 file", sum)
	}
	got := errorTexts(sum.Problems)
	for i, prefix := range []string{p + ":2:", p + ":4:"} {
		if i >= len(got) || !strings.HasPrefix(got[i], prefix) || !errors.Is(sum.Problems[i], article.ErrBadRecord) {
			t.Errorf("problem %d of %q should start with %q and wrap ErrBadRecord", i, got, prefix)
		}
	}
	if src := sources(dump(t, db)); !slices.Equal(src, []string{p + ":1", p + ":5"}) {
		t.Errorf("sources %q, want lines 1 and 5", src)
	}
}

func TestStrictRunWithBadInputWritesNothing(t *testing.T) {
	cases := []struct {
		name string
		bad  file
	}{
		{"a JSON Lines file with one bad line", file{"feed.jsonl", wireText + "{not json}\n"}},
	}
	for _, bf := range badFiles {
		cases = append(cases, struct {
			name string
			bad  file
		}{bf.name, bf.file})
	}
	for _, tt := range cases {
		t.Run(tt.name, func(t *testing.T) {
			db := openStore(t)
			seed := writeTree(t, t.TempDir(), file{"seed.txt", clinicText})
			run(t, db, []string{seed}, ingest.Options{})
			before := dump(t, db)

			dir := writeTree(t, t.TempDir(), file{"rail.md", railText}, file{"strike.html", strikeText}, tt.bad)
			sum, err := ingest.Run(context.Background(), db, []string{dir}, ingest.Options{Strict: true, MaxSize: 4096})
			if !errors.Is(err, ingest.ErrStrict) {
				t.Fatalf("error %v, want one wrapping ErrStrict", err)
			}
			if !strings.Contains(err.Error(), filepath.Join(dir, tt.bad.path)) {
				t.Errorf("error %q does not name the bad file", err)
			}
			if sum.Failed != 1 || len(sum.Problems) != 1 || sum.New != 0 || sum.Nodes != 0 {
				t.Errorf("summary %+v, want 1 problem and nothing new", sum)
			}
			sameDump(t, "after a strict run with bad input", dump(t, db), before)
		})
	}
}

func TestStrictRunAcceptsRepairedInput(t *testing.T) {
	dir := writeTree(t, goodTree(t), file{"latin1.txt", "\"Caf\xe9s stay open,\" said Marta Oyelaran.\n"})
	db := openStore(t)
	sum := run(t, db, []string{dir}, ingest.Options{Strict: true})
	if sum.New != 6 || len(sum.Warnings) != 1 || sum.Failed != 0 {
		t.Errorf("summary %+v, want 6 new articles and 1 warning", sum)
	}
}
