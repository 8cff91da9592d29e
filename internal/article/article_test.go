package article

import (
	"errors"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/claimgraph/claimgraph/graph"
)

func TestParseRefusesHostileFiles(t *testing.T) {
	tests := []struct {
		name    string
		file    string
		data    string
		opts    Options
		is      error
		message string
	}{
		{"an empty file is refused", "a.txt", "", Options{}, ErrEmpty, "a.txt: empty file"},
		{"a file of white space is empty", "a.txt", " \n\t\r\n", Options{}, ErrEmpty, "a.txt: empty file (only white space)"},
		{"a byte order mark alone is empty", "a.md", "\xef\xbb\xbf\n", Options{}, ErrEmpty, "a.md: empty file (only white space)"},
		{"a NUL byte makes a binary file", "b.txt", "abc\x00def", Options{}, ErrBinary, "b.txt: binary file (NUL byte at offset 3)"},
		{"UTF-16 text is binary", "c.txt", "\xff\xfeh\x00i\x00", Options{}, ErrBinary, "c.txt: binary file (NUL byte at offset 3)"},
		{"a file above MaxSize is too large", "big.txt", "0123456789", Options{MaxSize: 9}, ErrTooLarge,
			"big.txt: file too large: 10 bytes, above the limit of 9 bytes (9 B)"},
		{"an unknown format is refused", "a.txt", "hello", Options{Format: "pdf"}, ErrUnknownFormat,
			`a.txt: unknown format "pdf" (formats: text, markdown, html, jsonl)`},
		{"a text file with only a date line is empty", "d.txt", "date 2024-02-28\n\n", Options{}, ErrEmpty,
			"d.txt: empty file (no text after the date line)"},
		{"an invalid header date is an error naming its line", "d.txt", "date 2024-02-30\nText.", Options{}, ErrBadDate,
			`d.txt:1: invalid date "2024-02-30" (want YYYY-MM-DD or an RFC 3339 timestamp)`},
		{"HTML without visible text is empty", "e.html", "<html><head><title>T</title></head><body><script>x()</script></body></html>",
			Options{}, ErrEmpty, "e.html: empty file (no visible text)"},
		{"Markdown with only front matter is empty", "f.md", "---\ntitle: T\n---\n\n", Options{}, ErrEmpty,
			"f.md: empty file (no text after the front matter)"},
		{"JSON Lines of blank lines is empty", "g.jsonl", "\n  \n", Options{}, ErrEmpty, "g.jsonl: empty file (only white space)"},
		{"HTML nested deeper than its parser allows is refused", "deep.html", strings.Repeat("<div>", 600) + "x",
			Options{}, ErrBadHTML, "deep.html: unreadable HTML: html: open stack of elements exceeds 512 nodes"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			arts, _, err := Parse(tt.file, []byte(tt.data), tt.opts)
			if err == nil {
				t.Fatalf("Parse = %d articles, want error %q", len(arts), tt.message)
			}
			if !errors.Is(err, tt.is) {
				t.Errorf("error %v does not wrap %v", err, tt.is)
			}
			if err.Error() != tt.message {
				t.Errorf("error = %q, want %q", err, tt.message)
			}
			if arts != nil {
				t.Errorf("articles = %v, want none with a fatal error", arts)
			}
		})
	}
}

func TestInvalidUTF8IsRepairedWithAWarning(t *testing.T) {
	data := "date 2024-01-01\nHe said \xff\xfe \"bad \xc3\x28 bytes\" in text.\n"
	arts, warns, err := Parse("u.txt", []byte(data), Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := "date 2024-01-01\nHe said \uFFFD \"bad \uFFFD( bytes\" in text.\n"
	if arts[0].Text != want {
		t.Errorf("Text = %q, want %q", arts[0].Text, want)
	}
	if len(warns) != 1 || !errors.Is(warns[0], ErrInvalidUTF8) {
		t.Fatalf("warnings = %v, want one wrapping ErrInvalidUTF8", warns)
	}
	if got := warns[0].Error(); got != "u.txt:2: invalid UTF-8 at byte offset 24: repaired with U+FFFD" {
		t.Errorf("warning = %q", got)
	}
}

func TestAByteOrderMarkIsDropped(t *testing.T) {
	arts, _, err := Parse("b.txt", []byte("\xef\xbb\xbfdate 2024-05-06\nBody."), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if arts[0].Date != "2024-05-06" || arts[0].Text != "date 2024-05-06\nBody." {
		t.Errorf("got %+v", arts[0])
	}
}

func TestCheckSize(t *testing.T) {
	tests := []struct {
		name      string
		size, max int64
		wantErr   string
	}{
		{"a size at the limit is accepted", 100, 100, ""},
		{"a size above the limit is refused", 101, 100, "f: file too large: 101 bytes, above the limit of 100 bytes (100 B)"},
		{"a zero limit means the default", DefaultMaxSize, 0, ""},
		{"above the default limit is refused", DefaultMaxSize + 1, -1,
			"f: file too large: 33554433 bytes, above the limit of 33554432 bytes (32 MiB)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := CheckSize("f", tt.size, tt.max)
			got := ""
			if err != nil {
				got = err.Error()
				if !errors.Is(err, ErrTooLarge) {
					t.Errorf("%v does not wrap ErrTooLarge", err)
				}
			}
			if got != tt.wantErr {
				t.Errorf("CheckSize = %q, want %q", got, tt.wantErr)
			}
		})
	}
}

func TestDetectFormat(t *testing.T) {
	tests := []struct {
		name, file, data, want string
	}{
		{"a .txt file is text", "a.txt", "<html><body>x", FormatText},
		{"a .md file is Markdown", "a.md", "hello", FormatMarkdown},
		{"a .MARKDOWN file is Markdown", "A.MARKDOWN", "hello", FormatMarkdown},
		{"a .htm file is HTML", "a.htm", "hello", FormatHTML},
		{"a .ndjson file is JSON Lines", "a.ndjson", "hello", FormatJSONL},
		{"stdin with a doctype is HTML", "-", "\n <!DOCTYPE html><p>x", FormatHTML},
		{"stdin with front matter is Markdown", "-", "---\ntitle: x\n---\nbody", FormatMarkdown},
		{"stdin with a JSON object is JSON Lines", "-", `{"text":"x"}` + "\n", FormatJSONL},
		{"stdin with prose is text", "-", "date 2024-01-01\nSome text.", FormatText},
		{"an unknown extension with prose is text", "notes.article", "Some <b>text</b>.", FormatText},
		{"a file without extension holding HTML is HTML", "page", "<html><body>x</body></html>", FormatHTML},
		{"a brace that opens no object is text", "-", "{braces} in prose", FormatText},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := DetectFormat(tt.file, []byte(tt.data)); got != tt.want {
				t.Errorf("DetectFormat(%q) = %q, want %q", tt.file, got, tt.want)
			}
		})
	}
}

func TestParseFormatAcceptsAliases(t *testing.T) {
	for in, want := range map[string]string{"md": FormatMarkdown, " TXT ": FormatText, "ndjson": FormatJSONL, "htm": FormatHTML} {
		got, err := ParseFormat(in)
		if err != nil || got != want {
			t.Errorf("ParseFormat(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
}

func TestParseDate(t *testing.T) {
	tests := []struct {
		name, in, want string
		ok             bool
	}{
		{"a plain date is kept", "2024-02-28", "2024-02-28", true},
		{"surrounding space is trimmed", " 2024-02-28 ", "2024-02-28", true},
		{"a timestamp is reduced to its date as written", "2024-02-28T23:30:00-05:00", "2024-02-28", true},
		{"a UTC timestamp with fractions is read", "2024-02-28T01:02:03.5Z", "2024-02-28", true},
		{"a day that does not exist is refused", "2023-02-29", "", false},
		{"a month 13 is refused", "2024-13-01", "", false},
		{"single-digit fields are refused", "2024-2-8", "", false},
		{"words are refused", "yesterday", "", false},
		{"an empty date is refused", "", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParseDate(tt.in)
			if (err == nil) != tt.ok || got != tt.want {
				t.Errorf("ParseDate(%q) = %q, %v", tt.in, got, err)
			}
			if err != nil && (!errors.Is(err, ErrBadDate) || !strings.Contains(err.Error(), "want YYYY-MM-DD")) {
				t.Errorf("error %q does not wrap ErrBadDate or explain the format", err)
			}
		})
	}
}

func TestLineErrorMessages(t *testing.T) {
	tests := []struct {
		name string
		err  *LineError
		want string
	}{
		{"a line and column", &LineError{"f.jsonl", 3, 7, ErrBadRecord}, "f.jsonl:3:7: bad record"},
		{"a line without column", &LineError{"f.jsonl", 3, 0, ErrBadRecord}, "f.jsonl:3: bad record"},
		{"no line", &LineError{"f.html", 0, 0, ErrBadDate}, "f.html: invalid date"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.err.Error(); got != tt.want {
				t.Errorf("Error() = %q, want %q", got, tt.want)
			}
			if !errors.Is(tt.err, tt.err.Err) {
				t.Errorf("LineError does not unwrap to %v", tt.err.Err)
			}
		})
	}
}

func TestArticleNode(t *testing.T) {
	a := Article{Source: "a.txt", Title: "T", Date: "2024-01-02", URL: "u", Author: "au", Text: "Body."}
	n := a.Node()
	want := graph.Node{ID: n.ID, Kind: graph.Article, Name: "T", Date: "2024-01-02", Title: "T",
		Source: "a.txt", URL: "u", Author: "au", Text: "Body."}
	if !nodeEqual(n, want) {
		t.Errorf("Node() = %+v, want %+v", n, want)
	}
	if !regexp.MustCompile(`^article/[0-9a-f]{16}$`).MatchString(n.ID) {
		t.Errorf("ID %q is not article/<16 hex digits>", n.ID)
	}
	if graph.KindOfID(n.ID) != graph.Article {
		t.Errorf("ID %q does not name an article", n.ID)
	}
	untitled := Article{Source: "b.txt", Text: "Body."}
	if got := untitled.Node().Name; got != "b.txt" {
		t.Errorf("an untitled article is named %q, want its source", got)
	}
}

func nodeEqual(a, b graph.Node) bool {
	return a.ID == b.ID && a.Kind == b.Kind && a.Name == b.Name && a.Date == b.Date &&
		a.Title == b.Title && a.Source == b.Source && a.URL == b.URL && a.Author == b.Author && a.Text == b.Text
}

func TestArticleIDDependsOnContentNotSource(t *testing.T) {
	base := Article{Source: "a.txt", Title: "T", Date: "2024-01-02", Text: "Body."}
	same := base
	same.Source, same.Line = "copy/of/a.txt", 7
	if base.Node().ID != same.Node().ID {
		t.Error("the same article read from two places has two IDs")
	}
	for name, change := range map[string]func(*Article){
		"text":   func(a *Article) { a.Text += " " },
		"title":  func(a *Article) { a.Title = "U" },
		"date":   func(a *Article) { a.Date = "2024-01-03" },
		"url":    func(a *Article) { a.URL = "x" },
		"author": func(a *Article) { a.Author = "x" },
		// Length prefixes keep field boundaries: moving bytes between
		// fields changes the ID.
		"boundary": func(a *Article) { a.Title, a.Text = "T\ndate 10:", "Body." },
	} {
		other := base
		change(&other)
		if other.Node().ID == base.Node().ID {
			t.Errorf("changing the %s keeps the ID", name)
		}
	}
}

func TestParseIsDeterministicAndValidOnSamples(t *testing.T) {
	for _, in := range []struct{ name, data string }{
		{"a.txt", "date 2024-01-01\n\nHeadline here\n\nBody text."},
		{"a.md", "---\ntitle: x\n---\n# H\n\n*a* _b_ [c](d)"},
		{"a.html", "<p>a &amp; b</p><p>c</p>"},
		{"a.jsonl", "{\"text\":\"a\"}\n{bad\n{\"text\":\"b\"}"},
	} {
		a1, e1, f1 := Parse(in.name, []byte(in.data), Options{})
		a2, e2, f2 := Parse(in.name, []byte(in.data), Options{})
		if !sameResult(a1, e1, f1, a2, e2, f2) {
			t.Errorf("%s: two parses differ", in.name)
		}
		for _, a := range a1 {
			if !utf8.ValidString(a.Text) {
				t.Errorf("%s: Text is not valid UTF-8", in.name)
			}
		}
	}
}
