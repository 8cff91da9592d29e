package article

import (
	"errors"
	"strings"
	"testing"
)

func TestFrontMatterReadsTheFlatSubset(t *testing.T) {
	tests := []struct {
		name string
		fm   string
		want Article
	}{
		{"plain values are read", "title: Talks stall\ndate: 2025-03-15\nurl: https://x.example/a?b=c#d\nauthor: Jo Bloggs\nsource: The Ledger",
			Article{Title: "Talks stall", Date: "2025-03-15", URL: "https://x.example/a?b=c#d", Author: "Jo Bloggs", Source: "The Ledger"}},
		{"double-quoted values decode escapes", `title: "Say \"no\": a \u00e9t\u00e9 \\ tab\there"`,
			Article{Title: "Say \"no\": a été \\ tab\there"}},
		{"single-quoted values double their quotes", "author: 'Nadia O''Brien'  # a comment",
			Article{Author: "Nadia O'Brien"}},
		{"comments, blank lines and unknown keys are skipped", "# c\n\ntags: [a, b]\ntitle: T # note\nextra:\n  - one\n  - two",
			Article{Title: "T"}},
		{"a timestamp date is reduced to its date", "date: 2025-03-15T23:30:00-04:00", Article{Date: "2025-03-15"}},
		{"null and tilde are empty", "title: null\nauthor: ~", Article{}},
		{"an empty value is empty", "title:", Article{}},
		{"a CRLF file is read", "title: T\r\ndate: 2025-01-01\r", Article{Title: "T", Date: "2025-01-01"}},
		{"a value starting with a dash that is not a list is plain", "title: -5 degrees", Article{Title: "-5 degrees"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data := "---\n" + tt.fm + "\n---\nBody."
			arts, _, err := Parse("a.md", []byte(data), Options{})
			if err != nil {
				t.Fatal(err)
			}
			got := arts[0]
			if tt.want.Source == "" {
				tt.want.Source = "a.md"
			}
			tt.want.Text = "Body."
			if got != tt.want {
				t.Errorf("got  %+v\nwant %+v", got, tt.want)
			}
		})
	}
}

func TestFrontMatterErrorsNameTheLine(t *testing.T) {
	tests := []struct {
		name, data, want string
		is               error
	}{
		{"an unclosed block", "---\ntitle: T\n", "a.md:1: bad front matter: not closed (no line \"---\" after it)", ErrBadFrontMatter},
		{"a line without a colon", "---\ntitle: T\njust words\n---\nB", `a.md:3: bad front matter: expected "key: value", got "just words"`, ErrBadFrontMatter},
		{"a nested value under a known key", "---\ntitle:\n  sub: x\n---\nB", `a.md:3: bad front matter: nested or list values are not supported (under "title")`, ErrBadFrontMatter},
		{"an indented first line", "---\n  title: x\n---\nB", "a.md:2: bad front matter: nested or list values are not supported", ErrBadFrontMatter},
		{"a duplicate key", "---\ntitle: a\n\ntitle: b\n---\nB", `a.md:4: bad front matter: duplicate key "title" (first on line 2)`, ErrBadFrontMatter},
		{"body text under an unclosed block", "---\ntitle: T\nBody.", `a.md:3: bad front matter: expected "key: value", got "Body."`, ErrBadFrontMatter},
		{"an unterminated quote", "---\ntitle: \"open\n---\nB", "a.md:2: bad front matter: title: unterminated quoted value (quoted values must end on their line)", ErrBadFrontMatter},
		{"text after a closing quote", "---\ntitle: 'a' b\n---\nB", `a.md:2: bad front matter: title: unexpected "b" after the closing quote`, ErrBadFrontMatter},
		{"an unknown escape", "---\ntitle: \"a\\qb\"\n---\nB", `a.md:2: bad front matter: title: unknown escape "\\q" in a double-quoted value`, ErrBadFrontMatter},
		{"a NUL escape", "---\ntitle: \"a\\x00\"\n---\nB", `a.md:2: bad front matter: title: invalid escape "\\x00"`, ErrBadFrontMatter},
		{"an unquoted colon", "---\ntitle: Minister: I quit\n---\nB", `a.md:2: bad front matter: title: value "Minister: I quit" contains ": "; quote it`, ErrBadFrontMatter},
		{"a flow list for a known key", "---\nauthor: [a, b]\n---\nB", `a.md:2: bad front matter: author: value "[a, b]" starts with '[', which YAML reads specially; quote it`, ErrBadFrontMatter},
		{"a block scalar", "---\ntitle: |\n  long\n---\nB", `a.md:2: bad front matter: title: value "|" starts with '|', which YAML reads specially; quote it`, ErrBadFrontMatter},
		{"an invalid date names the value", "---\ntitle: T\ndate: 2025-02-30\n---\nB", `a.md:3: bad front matter: invalid date "2025-02-30" (want YYYY-MM-DD or an RFC 3339 timestamp)`, ErrBadDate},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := Parse("a.md", []byte(tt.data), Options{})
			if err == nil {
				t.Fatalf("no error, want %q", tt.want)
			}
			if err.Error() != tt.want {
				t.Errorf("error = %q\nwant    %q", err, tt.want)
			}
			var le *LineError
			if !errors.Is(err, tt.is) || !errors.As(err, &le) || le.Line < 1 {
				t.Errorf("error %v does not wrap %v in a *LineError with a line", err, tt.is)
			}
		})
	}
}

func TestMarkdownWithoutFrontMatterReadsADateLine(t *testing.T) {
	arts, _, err := Parse("a.md", []byte("date 2025-01-02\n# Heading\n\nBody."), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if a := arts[0]; a.Date != "2025-01-02" || a.Title != "Heading" || strings.Contains(a.Text, "date") {
		t.Errorf("got %+v", a)
	}
}
