package article

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"
)

// sameResult reports whether two Parse results are equal, comparing errors
// by message.
func sameResult(a1 []Article, e1 []error, f1 error, a2 []Article, e2 []error, f2 error) bool {
	return reflect.DeepEqual(a1, a2) && reflect.DeepEqual(messages(e1), messages(e2)) &&
		reflect.DeepEqual(messages([]error{f1}), messages([]error{f2}))
}

func messages(errs []error) []string {
	var out []string
	for _, e := range errs {
		if e == nil {
			out = append(out, "<nil>")
			continue
		}
		out = append(out, e.Error())
	}
	return out
}

// sentinels is every error Parse may wrap.
var sentinels = []error{ErrEmpty, ErrBinary, ErrTooLarge, ErrUnknownFormat, ErrBadRecord,
	ErrBadFrontMatter, ErrBadDate, ErrBadHTML, ErrInvalidUTF8}

// checkParse runs Parse twice and checks the properties every input must
// keep: no panic, the same result both times, valid UTF-8 text, non-blank
// text, valid dates, errors that wrap a sentinel and name the file.
func checkParse(t *testing.T, name string, data []byte, opts Options) {
	t.Helper()
	arts, errs, fatal := Parse(name, data, opts)
	a2, e2, f2 := Parse(name, data, opts)
	if !sameResult(arts, errs, fatal, a2, e2, f2) {
		t.Fatalf("Parse(%q) is not deterministic", name)
	}
	if fatal != nil && arts != nil {
		t.Errorf("a fatal error %v came with %d articles", fatal, len(arts))
	}
	for _, a := range arts {
		for field, s := range map[string]string{"Text": a.Text, "Title": a.Title, "Source": a.Source,
			"URL": a.URL, "Author": a.Author} {
			if !utf8.ValidString(s) {
				t.Errorf("%s is not valid UTF-8: %q", field, s)
			}
		}
		if strings.TrimSpace(a.Text) == "" {
			t.Errorf("an article with blank Text was returned")
		}
		if a.Date != "" {
			if d, err := ParseDate(a.Date); err != nil || d != a.Date {
				t.Errorf("Date %q is not YYYY-MM-DD", a.Date)
			}
		}
		_ = a.Node()
	}
	for _, e := range append(errs, fatal) {
		if e == nil {
			continue
		}
		if !wrapsSentinel(e) {
			t.Errorf("error %q wraps no sentinel", e)
		}
		if !strings.HasPrefix(e.Error(), name+":") {
			t.Errorf("error %q does not start with the file name", e)
		}
	}
}

func wrapsSentinel(err error) bool {
	for _, s := range sentinels {
		if errors.Is(err, s) {
			return true
		}
	}
	return false
}

// addSamples adds the sample articles and this package's small cases to a
// fuzz corpus, through add.
func addSamples(f *testing.F, add func(name string, data []byte)) {
	files, _ := filepath.Glob(filepath.Join(articlesDir, "*"))
	for _, p := range files {
		if data, err := os.ReadFile(p); err == nil {
			add(filepath.Base(p), data)
		}
	}
}

func FuzzParse(f *testing.F) {
	addSamples(f, func(name string, data []byte) { f.Add(name, data) })
	for _, s := range []struct{ name, data string }{
		{"a.txt", " date 2024-02-28 \n\n\nBody “quoted,” he said."},
		{"a.txt", "date 2024-13-45\nx"},
		{"a.txt", "\xff\xfe\xfd"},
		{"a.txt", "abc\x00"},
		{"-", "<!doctype html><p>a<br>b</p>"},
		{"-", "---\ntitle: x\n---\nbody"},
		{"-", "{\"text\":\"x\"}\n"},
		{"a.md", "---\n"},
		{"a.md", "```\ncode\n"},
		{"a.md", "***a** _b_ ~~c~~ [d](e) ![f](g) <h> &amp; \\*"},
		{"a.html", "<svg><title>t</title></svg><pre>  a\n  b</pre>"},
		{"a.jsonl", "{\"text\":1}\n[\n{\"text\":\"\\u0000\"}\n{\"text\":\"a\",\"date\":\"x\"}"},
	} {
		f.Add(s.name, []byte(s.data))
	}
	f.Fuzz(func(t *testing.T, name string, data []byte) {
		if name == "" || strings.ContainsAny(name, "\x00\n") || !utf8.ValidString(name) {
			name = "f"
		}
		checkParse(t, name, data, Options{MaxSize: 1 << 20})
	})
}

func FuzzFrontMatter(f *testing.F) {
	for _, s := range []string{
		"title: T\ndate: 2025-03-15\n",
		"title: \"a \\\"b\\\" \\u00e9\"\nauthor: 'O''Brien'\n",
		"title: a: b\n",
		"tags:\n  - a\n  - b\ntitle: x # c\n",
		"date: 2025-02-30\n",
		"title: \"\\U0010FFFF\\x41\"\n",
		"title: '\n",
		"...\n",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, fm string) {
		data := []byte("---\n" + fm + "\n---\nBody text.\n")
		checkParse(t, "fm.md", data, Options{})
		if strings.ContainsRune(fm, 0) {
			return // Parse refuses NUL bytes before front matter is read
		}
		// Parse repairs UTF-8 before front matter is read; do the same.
		lines := splitLines(strings.ToValidUTF8(string(data), "\uFFFD"))
		if got, start, err := parseFrontMatter("fm.md", lines); err == nil {
			if start < 2 || start > len(lines) {
				t.Errorf("body starts at line %d of %d", start+1, len(lines))
			}
			for _, v := range []string{got.Title, got.Date, got.URL, got.Source, got.Author} {
				if !utf8.ValidString(v) || strings.ContainsRune(v, 0) {
					t.Errorf("value %q is not clean UTF-8", v)
				}
			}
		}
	})
}

func FuzzJSONL(f *testing.F) {
	for _, s := range []string{
		`{"title":"a","date":"2024-01-01","url":"u","text":"x said \"hi\"."}`,
		"{\"text\":\"a\"}\n{not json\n\n{\"text\":\"b\"}\r\n",
		`{"text":null}`,
		`{"text":["a"]}`,
		`[1,2]`,
		`{"text":"a","date":"2024-02-30T00:00:00Z"}`,
		`{"text":"\ud800"}`,
		`{"text":"a"} {"text":"b"}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		checkParse(t, "f.jsonl", data, Options{})
		arts, errs, _ := Parse("f.jsonl", data, Options{})
		for _, a := range arts {
			if a.Line < 1 {
				t.Errorf("article has line %d", a.Line)
			}
		}
		for _, e := range errs {
			var le *LineError
			if errors.As(e, &le) && errors.Is(e, ErrBadRecord) && le.Line < 1 {
				t.Errorf("bad record error %q has no line", e)
			}
		}
	})
}

func FuzzHTML(f *testing.F) {
	for _, s := range []string{
		"<html><head><title>T</title><meta name=date content=2024-01-01></head><body><p>a&amp;b</p></body></html>",
		"<p>one<p>two<div hidden>x</div><script>var s = '</p>';</script>",
		"<table><tr><td>a<td>b</table><pre>\n x\n</pre>",
		"<blockquote class=\"twitter-tweet\"><p>t</p>&mdash; N (@h) <a>May 1, 2024</a></blockquote>",
		"<meta property=article:published_time content='Jan 2, 2006'><p>x",
		"<noscript><p>n</p></noscript><template><p>t</p></template>x<br><br>y",
		strings.Repeat("<b>", 600) + "deep",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		checkParse(t, "f.html", data, Options{})
	})
}
