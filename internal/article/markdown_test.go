package article

import "testing"

func TestStripMarkdown(t *testing.T) {
	tests := []struct {
		name, md, want string
	}{
		{"heading marks are dropped", "# Title #\n\n## Sub", "Title\n\nSub"},
		{"a hash without a space is text", "#hashtag stays", "#hashtag stays"},
		{"emphasis delimiters are dropped", "**bold**, *it*, ***both***, __b__, _i_, ~~gone~~", "bold, it, both, b, i, gone"},
		{"nested emphasis is dropped", "**bold *and* more**", "bold and more"},
		{"intra-word underscores stay", "snake_case_name and 2_000", "snake_case_name and 2_000"},
		{"a lone star between spaces stays", "5 * 3 = 15", "5 * 3 = 15"},
		{"an unmatched star stays", "a *b c", "a *b c"},
		{"links keep their text", "see [the report](http://x.example/(a) \"t\") now", "see the report now"},
		{"reference links keep their text", "a [statement][s] and [another][]\n\n[s]: http://x.example", "a statement and another"},
		{"images are dropped", "before ![alt text](img.png) after", "before  after"},
		{"a line holding only an image leaves no blank line", "one\n\n![a](b)\n\ntwo", "one\n\ntwo"},
		{"autolinks keep their URL", "<https://x.example/a> and <me@x.example>", "https://x.example/a and me@x.example"},
		{"HTML tags and comments are dropped", "a <span class=\"x\">b</span><!-- c --> d", "a b d"},
		{"code spans keep their content verbatim", "run `a *b* &amp;` and ``x ` y``", "run a *b* &amp; and x ` y"},
		{"backslash escapes are decoded", `\*not emphasis\* and \[not a link\](x) \\`, `*not emphasis* and [not a link](x) \`},
		{"character references are decoded", "AT&amp;T &ldquo;q&rdquo; &#8217;", "AT&T “q” ’"},
		{"block quotes lose their marks", "> “Quote,” he said.\n>\n> > nested", "“Quote,” he said.\n\nnested"},
		{"bullet markers are dropped", "- one\n* two\n+ three", "one\ntwo\nthree"},
		{"ordered markers are dropped in a list", "1. one\n2. two", "one\ntwo"},
		{"a year that starts a wrapped line is no list marker", "It began in\n2019. Then it ended.", "It began in\n2019. Then it ended."},
		{"fenced code is kept verbatim", "```go\n*x* := `y`\n```\nafter", "*x* := `y`\nafter"},
		{"an unclosed fence keeps the rest verbatim", "~~~\n# not a heading", "# not a heading"},
		{"thematic breaks become paragraph breaks", "a\n\n---\n\n* * *\nb", "a\n\nb"},
		{"setext underlines are dropped", "Title\n=====\n\nSub\n---\ntext", "Title\n\nSub\n\ntext"},
		{"runs of blank lines become one", "a\n\n\n\nb\n\n", "a\n\nb"},
		{"trailing hard-break markers are dropped", "line one  \nline two\\\nthree", "line one\nline two\nthree"},
		{"curly quotes and apostrophes stay", "‘Fake,’ said O’Brien’s party", "‘Fake,’ said O’Brien’s party"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, _ := stripMarkdown(splitLines(tt.md))
			if got != tt.want {
				t.Errorf("stripMarkdown(%q)\n got %q\nwant %q", tt.md, got, tt.want)
			}
		})
	}
}

func TestMarkdownTitle(t *testing.T) {
	tests := []struct {
		name, md, want string
	}{
		{"front matter wins over a heading", "---\ntitle: FM\n---\n# H\n\nBody.", "FM"},
		{"a leading level-1 heading is the title", "# Heading *one*\n\nBody.", "Heading one"},
		{"a leading setext heading is the title", "Heading\n===\n\nBody.", "Heading"},
		{"a level-2 heading is no title", "## Sub\n\nBody.", ""},
		{"a heading after text is no title", "Body.\n\n# Later", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			arts, _, err := Parse("a.md", []byte(tt.md), Options{})
			if err != nil {
				t.Fatal(err)
			}
			if arts[0].Title != tt.want {
				t.Errorf("Title = %q, want %q", arts[0].Title, tt.want)
			}
		})
	}
}

func TestMarkdownFrontMatterSourceReplacesTheFileName(t *testing.T) {
	arts, _, err := Parse("a.md", []byte("---\nsource: The Ledger\n---\nBody."), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if arts[0].Source != "The Ledger" {
		t.Errorf("Source = %q", arts[0].Source)
	}
}
