package article

import (
	"errors"
	"testing"
)

func TestHTMLVisibleText(t *testing.T) {
	tests := []struct {
		name, html, want string
	}{
		{"paragraphs are separated by a blank line", "<p>One.</p><p>Two.</p>", "One.\n\nTwo."},
		{"white space collapses within a paragraph", "<p>  a \n\t b  </p>", "a b"},
		{"a non-breaking space collapses too", "<p>a&nbsp;&nbsp;b</p>", "a b"},
		{"entities are decoded", "<p>&ldquo;Yes,&rdquo; she said &amp; left&#8230; &#x2019;</p>", "“Yes,” she said & left… ’"},
		{"scripts and styles are skipped", "<p>a<script>b()</script><style>p{}</style>c</p>", "ac"},
		{"noscript, template and iframes are skipped", "<noscript>n</noscript><template><p>t</p></template><iframe>i</iframe><p>x</p>", "x"},
		{"svg and math text is skipped", "<p>a<svg><title>s</title><text>t</text></svg>b</p>", "ab"},
		{"hidden elements are skipped", "<p>a</p><div hidden>h</div><span aria-hidden=\"true\">g</span><p style=\"display: none\">n</p><p>b</p>", "a\n\nb"},
		{"a line break keeps a line", "<p>a <br> b<br/>c</p>", "a\nb\nc"},
		{"text between blocks is its own paragraph", "<div>a<p>b</p>c</div>", "a\n\nb\n\nc"},
		{"implied paragraph ends are found", "<p>one<p>two", "one\n\ntwo"},
		{"table cells are separated", "<table><tr><td>a</td><td>b</td></tr><tr><td>c</td></tr></table>", "a b\n\nc"},
		{"pre keeps its white space", "<p>x</p><pre>  a\n    b</pre>", "x\n\n  a\n    b"},
		{"images contribute nothing", "<p>a <img src=x alt=\"alt\"> b</p>", "a b"},
		{"head text is not visible", "<html><head><title>T</title></head><body><p>b</p></body></html>", "b"},
		{"a fragment without html or body is read", "Just text &amp; more", "Just text & more"},
		{"an embedded tweet keeps its attribution line", "<blockquote class=\"twitter-tweet\"><p>Tweet text.</p>&mdash; A Name (@handle) <a href=\"#\">March 9, 2025</a></blockquote>",
			"Tweet text.\n\n— A Name (@handle) March 9, 2025"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			arts, _, err := Parse("a.html", []byte(tt.html), Options{})
			if err != nil {
				t.Fatal(err)
			}
			if arts[0].Text != tt.want {
				t.Errorf("Text = %q\nwant   %q", arts[0].Text, tt.want)
			}
		})
	}
}

func TestHTMLMetadata(t *testing.T) {
	tests := []struct {
		name, html string
		want       Article
		warn       string
	}{
		{"title, meta date, author and canonical URL are read",
			`<head><title> A  title </title><meta name="date" content="2025-03-17"><meta name="author" content="T. Grant"><link rel="canonical" href="https://x.example/a"></head><p>b`,
			Article{Title: "A title", Date: "2025-03-17", Author: "T. Grant", URL: "https://x.example/a"}, ""},
		{"article:published_time is reduced to its date",
			`<meta property="article:published_time" content="2025-03-17T23:15:00-05:00"><p>b`,
			Article{Date: "2025-03-17"}, ""},
		{"a datePublished itemprop is read", `<meta itemprop="datePublished" content="March 5, 2024"><p>b`, Article{Date: "2024-03-05"}, ""},
		{"og:title and og:url stand in", `<meta property="og:title" content="OG"><meta property="og:url" content="u"><p>b`,
			Article{Title: "OG", URL: "u"}, ""},
		{"the first h1 is the last resort for the title", `<h1>Head <em>line</em></h1><h1>Other</h1><p>b`, Article{Title: "Head line"}, ""},
		{"an unreadable meta date is dropped with a warning", `<meta name="date" content="last Tuesday"><p>b`, Article{},
			`a.html: meta date dropped: invalid date "last Tuesday" (want YYYY-MM-DD or an RFC 3339 timestamp)`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			arts, warns, err := Parse("a.html", []byte(tt.html), Options{})
			if err != nil {
				t.Fatal(err)
			}
			a := arts[0]
			got := Article{Title: a.Title, Date: a.Date, Author: a.Author, URL: a.URL}
			if got != tt.want {
				t.Errorf("got  %+v\nwant %+v", got, tt.want)
			}
			warn := ""
			if len(warns) > 0 {
				warn = warns[0].Error()
				if !errors.Is(warns[0], ErrBadDate) {
					t.Errorf("warning %v does not wrap ErrBadDate", warns[0])
				}
			}
			if warn != tt.warn {
				t.Errorf("warning = %q, want %q", warn, tt.warn)
			}
		})
	}
}
