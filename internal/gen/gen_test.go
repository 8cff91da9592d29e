package gen

import (
	"bytes"
	"context"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"
)

// generate runs Generate into a fresh directory and fails the test on error.
func generate(t *testing.T, opts Options) (string, Stats) {
	t.Helper()
	if opts.Out == "" {
		opts.Out = t.TempDir()
	}
	st, err := Generate(context.Background(), opts, io.Discard)
	if err != nil {
		t.Fatalf("Generate(%+v): %v", opts, err)
	}
	return opts.Out, st
}

// readAll returns the generated files by path relative to dir, in path order.
func readAll(t *testing.T, dir string) (names []string, files map[string][]byte) {
	t.Helper()
	files = make(map[string][]byte)
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		names = append(names, rel)
		files[rel] = b
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	slices.Sort(names)
	return names, files
}

// articles generates n articles in memory, one after the other.
func articles(seed int64, n int, start time.Time) [][]byte {
	a := newArt(newWorld(seed, start))
	out := make([][]byte, n)
	for i := range out {
		out[i] = bytes.Clone(a.generate(i, n))
	}
	return out
}

func TestFilesDoNotDependOnSchedulingOrOnTheRun(t *testing.T) {
	const n = 600
	d1, s1 := generate(t, Options{Articles: n, Seed: 5})
	d2, s2 := generate(t, Options{Articles: n, Seed: 5})
	if s1 != s2 {
		t.Fatalf("stats differ: %+v vs %+v", s1, s2)
	}
	n1, f1 := readAll(t, d1)
	n2, f2 := readAll(t, d2)
	if !slices.Equal(n1, n2) || len(n1) != n {
		t.Fatalf("file lists differ: %d vs %d files, want %d", len(n1), len(n2), n)
	}
	seq := articles(5, n, defaultStart)
	for i, name := range n1 {
		if !bytes.Equal(f1[name], f2[name]) {
			t.Fatalf("%s differs between two runs", name)
		}
		if !bytes.Equal(f1[name], seq[i]) {
			t.Fatalf("%s differs from article %d generated alone", name, i)
		}
	}
	if other := articles(6, 1, defaultStart); bytes.Equal(seq[0], other[0]) {
		t.Errorf("seeds 5 and 6 gave the same first article")
	}
}

func TestFilesAreCountedAndSpreadOverDirectories(t *testing.T) {
	const n = 2001 // three directories, the last with one file
	dir, st := generate(t, Options{Articles: n, Seed: 1})
	names, files := readAll(t, dir)
	if st.Files != n || len(names) != n {
		t.Fatalf("Stats.Files = %d, files on disk = %d, want %d", st.Files, len(names), n)
	}
	perDir := map[string]int{}
	var total int64
	for _, name := range names {
		total += int64(len(files[name]))
		perDir[filepath.Dir(name)]++
		if !strings.HasSuffix(name, ".txt") {
			t.Errorf("%s: want a .txt file", name)
		}
	}
	if total != st.Bytes {
		t.Errorf("Stats.Bytes = %d, files hold %d", st.Bytes, total)
	}
	if len(perDir) != 3 {
		t.Errorf("%d directories, want 3", len(perDir))
	}
	for d, c := range perDir {
		if c > FilesPerDir {
			t.Errorf("%s holds %d files, more than %d", d, c, FilesPerDir)
		}
	}
}

func TestArticleSizesAverageAboutFourKilobytes(t *testing.T) {
	const n = 5000
	var total int
	lo, hi := 1<<30, 0
	for _, b := range articles(1, n, defaultStart) {
		total += len(b)
		lo, hi = min(lo, len(b)), max(hi, len(b))
	}
	mean := float64(total) / n
	t.Logf("sizes: mean %.0f, min %d, max %d bytes", mean, lo, hi)
	if mean < 3000 || mean > 5000 {
		t.Errorf("mean size %.0f bytes, want 3-5 KB", mean)
	}
	if lo < 2000 || hi > 6000 {
		t.Errorf("sizes range %d..%d bytes, want within 2000..6000", lo, hi)
	}
}

func TestTheTopPersonIsAHub(t *testing.T) {
	const n = 2000
	for _, seed := range []int64{1, 11, 12345} {
		top := []byte(newWorld(seed, defaultStart).people[0].full)
		in := 0
		for _, b := range articles(seed, n, defaultStart) {
			if bytes.Contains(b, top) {
				in++
			}
		}
		share := float64(in) / n
		t.Logf("seed %d: %s appears in %d of %d articles (%.0f%%)", seed, top, in, n, 100*share)
		if share < 0.05 {
			t.Errorf("seed %d: top person in %.1f%% of articles, want at least 5%%", seed, 100*share)
		}
	}
}

var dateLine = regexp.MustCompile(`^date (\d{4}-\d{2}-\d{2})\n\n`)

func TestEveryArticleStartsWithADateLineInTheSpan(t *testing.T) {
	start := time.Date(2015, time.March, 10, 15, 4, 5, 0, time.FixedZone("X", 3600))
	first := time.Date(2015, time.March, 10, 0, 0, 0, 0, time.UTC)
	last := first.AddDate(0, 0, spanDays)
	prev := first
	for i, b := range articles(2, 3000, Options{Start: start}.startDate()) {
		m := dateLine.FindSubmatch(b)
		if m == nil {
			t.Fatalf("article %d starts %q, want a date line and a blank line", i, b[:min(30, len(b))])
		}
		d, err := time.Parse("2006-01-02", string(m[1]))
		if err != nil {
			t.Fatalf("article %d: bad date %q: %v", i, m[1], err)
		}
		if d.Before(first) || !d.Before(last) {
			t.Errorf("article %d: date %s outside [%s, %s)", i, m[1], first.Format("2006-01-02"), last.Format("2006-01-02"))
		}
		if d.Before(prev.AddDate(0, 0, -7)) {
			t.Errorf("article %d: date %s runs back more than a week", i, m[1])
		}
		prev = d
	}
	if !prev.After(first.AddDate(3, 0, 0)) {
		t.Errorf("last article dated %s, want the dates spread over about four years", prev.Format("2006-01-02"))
	}
}

// cancelOnWrite cancels a context the first time progress is reported.
type cancelOnWrite struct{ cancel context.CancelFunc }

func (c cancelOnWrite) Write(p []byte) (int, error) { c.cancel(); return len(p), nil }

func TestCancellingTheContextStopsGeneration(t *testing.T) {
	t.Run("before it starts", func(t *testing.T) {
		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		st, err := Generate(ctx, Options{Articles: 100, Seed: 1, Out: t.TempDir()}, nil)
		if !errors.Is(err, context.Canceled) {
			t.Fatalf("err = %v, want context.Canceled", err)
		}
		if st.Files != 0 {
			t.Errorf("%d files written after cancellation", st.Files)
		}
	})
	t.Run("half way", func(t *testing.T) {
		ctx, cancel := context.WithCancel(context.Background())
		defer cancel()
		const n = 2000 // progress comes every 200 articles
		st, err := Generate(ctx, Options{Articles: n, Seed: 1, Out: t.TempDir()}, cancelOnWrite{cancel})
		if !errors.Is(err, context.Canceled) {
			t.Fatalf("err = %v, want context.Canceled", err)
		}
		if st.Files >= n {
			t.Errorf("all %d files written despite cancellation", st.Files)
		}
		if !strings.Contains(err.Error(), "stopped after") {
			t.Errorf("error %q does not say how far it got", err)
		}
	})
}

func TestInvalidOptionsAreRefused(t *testing.T) {
	cases := []struct {
		name string
		opts Options
		want string
	}{
		{"a negative article count is refused", Options{Articles: -1, Out: "x"}, "negative"},
		{"a missing output directory is refused", Options{Articles: 1}, "output directory"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := Generate(context.Background(), c.opts, nil)
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("err = %v, want one mentioning %q", err, c.want)
			}
		})
	}
}

func TestUnwritableOutputIsAnError(t *testing.T) {
	file := filepath.Join(t.TempDir(), "plain-file")
	if err := os.WriteFile(file, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := Generate(context.Background(), Options{Articles: 3, Out: file}, nil)
	if err == nil || !strings.Contains(err.Error(), "output directory") {
		t.Fatalf("err = %v, want an output directory error", err)
	}
}

func TestZeroArticlesCreatesOnlyTheDirectory(t *testing.T) {
	out := filepath.Join(t.TempDir(), "corpus")
	st, err := Generate(context.Background(), Options{Out: out}, nil)
	if err != nil || st != (Stats{}) {
		t.Fatalf("Generate = %+v, %v; want zero stats, no error", st, err)
	}
	entries, err := os.ReadDir(out)
	if err != nil || len(entries) != 0 {
		t.Fatalf("ReadDir = %d entries, %v; want an empty directory", len(entries), err)
	}
}

func TestFilesAreNamedByIndexInDirectoriesOfAThousand(t *testing.T) {
	cases := []struct {
		name string
		n, i int
		want string
	}{
		{"the first article is in directory 0000", 250000, 0, "0000/000000.txt"},
		{"article 123 keeps its index", 250000, 123, "0000/000123.txt"},
		{"article 1000 opens directory 0001", 250000, 1000, "0001/001000.txt"},
		{"the last of 250k is in directory 0249", 250000, 249999, "0249/249999.txt"},
		{"two million articles get seven-digit names", 2000000, 1999999, "1999/1999999.txt"},
		{"eleven million need five-digit directories", 11000000, 10999999, "10999/10999999.txt"},
		{"a single article is still in a directory", 1, 0, "0000/000000.txt"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := newLayout("out", c.n).path(c.i)
			if want := filepath.Join("out", filepath.FromSlash(c.want)); got != want {
				t.Errorf("path(%d of %d) = %s, want %s", c.i, c.n, got, want)
			}
		})
	}
}
