package article

import (
	"bytes"
	"fmt"
	"strings"
	"unicode"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// parseHTML reads the visible text and metadata of an HTML page.
func parseHTML(name string, data []byte) ([]Article, []error, error) {
	doc, err := html.Parse(bytes.NewReader(data))
	if err != nil {
		return nil, nil, fmt.Errorf("%s: %w: %w", name, ErrBadHTML, err)
	}
	w := htmlWalker{meta: map[string]string{}, space: true}
	w.walk(doc)
	text := strings.Join(w.paras, "\n\n")
	if text == "" {
		return nil, nil, fmt.Errorf("%s: %w (no visible text)", name, ErrEmpty)
	}
	a := Article{Source: name, Text: text, Title: firstNonEmpty(w.title, w.meta["title"], w.h1)}
	a.Author = w.meta["author"]
	a.URL = firstNonEmpty(w.canonical, w.meta["url"])
	var warns []error
	if raw := w.meta["date"]; raw != "" {
		d, err := parseLenientDate(raw)
		if err != nil {
			warns = append(warns, &LineError{File: name, Err: fmt.Errorf("meta date dropped: %w", err)})
		}
		a.Date = d
	}
	return []Article{a}, warns, nil
}

func firstNonEmpty(ss ...string) string {
	for _, s := range ss {
		if s != "" {
			return s
		}
	}
	return ""
}

// skipped are the elements whose content is never shown as text.
var skipped = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true,
	atom.Iframe: true, atom.Object: true, atom.Embed: true, atom.Svg: true,
	atom.Math: true, atom.Canvas: true, atom.Audio: true, atom.Video: true,
	atom.Head: true,
}

// blocks are the elements that begin and end a paragraph.
var blocks = map[atom.Atom]bool{
	atom.Address: true, atom.Article: true, atom.Aside: true, atom.Blockquote: true,
	atom.Body: true, atom.Caption: true, atom.Center: true, atom.Dd: true,
	atom.Details: true, atom.Dialog: true, atom.Div: true, atom.Dl: true,
	atom.Dt: true, atom.Fieldset: true, atom.Figcaption: true, atom.Figure: true,
	atom.Footer: true, atom.Form: true, atom.H1: true, atom.H2: true,
	atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true,
	atom.Header: true, atom.Hgroup: true, atom.Hr: true, atom.Legend: true,
	atom.Li: true, atom.Main: true, atom.Menu: true, atom.Nav: true,
	atom.Ol: true, atom.P: true, atom.Pre: true, atom.Section: true,
	atom.Summary: true, atom.Table: true, atom.Tr: true, atom.Ul: true,
	atom.Html: true,
}

// metaKeys maps <meta name|property|itemprop> values to the field they set.
var metaKeys = map[string]string{
	"date": "date", "dc.date": "date", "dcterms.date": "date", "dc.date.issued": "date",
	"article:published_time": "date", "og:published_time": "date",
	"datepublished": "date", "pubdate": "date", "publishdate": "date",
	"publish-date": "date", "parsely-pub-date": "date", "sailthru.date": "date",
	"author": "author", "article:author": "author", "dc.creator": "author",
	"parsely-author": "author", "byl": "author",
	"og:title": "title", "twitter:title": "title",
	"og:url": "url",
}

// htmlWalker collects paragraphs of visible text and metadata.
type htmlWalker struct {
	paras     []string
	cur       bytes.Buffer
	space     bool // the last rune written to cur is white space (or cur is empty)
	pre       int  // depth of <pre> elements
	title, h1 string
	canonical string
	meta      map[string]string
}

type frame struct {
	n    *html.Node
	exit bool
}

// walk visits the tree in document order without recursion, so that deep
// nesting cannot exhaust the stack.
func (w *htmlWalker) walk(root *html.Node) {
	stack := []frame{{n: root}}
	for len(stack) > 0 {
		f := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if f.exit {
			w.leave(f.n)
			continue
		}
		if !w.enter(f.n) {
			continue
		}
		stack = append(stack, frame{n: f.n, exit: true})
		for c := f.n.LastChild; c != nil; c = c.PrevSibling {
			stack = append(stack, frame{n: c})
		}
	}
	w.flush()
}

// enter handles the start of n and reports whether to visit its children.
func (w *htmlWalker) enter(n *html.Node) bool {
	switch n.Type {
	case html.TextNode:
		w.text(n.Data)
		return false
	case html.DocumentNode:
		return true
	case html.ElementNode:
	default:
		return false
	}
	w.readMeta(n)
	if skipped[n.DataAtom] || hidden(n) {
		w.readHead(n)
		return false
	}
	switch {
	case n.DataAtom == atom.Title:
		if w.title == "" {
			w.title = collapse(textOf(n))
		}
		return false
	case n.DataAtom == atom.Br:
		w.lineBreak()
	case n.DataAtom == atom.Td || n.DataAtom == atom.Th:
		w.text(" ")
	case blocks[n.DataAtom]:
		w.flush()
	}
	if n.DataAtom == atom.Pre {
		w.pre++
	}
	return true
}

// leave handles the end of n.
func (w *htmlWalker) leave(n *html.Node) {
	if n.Type != html.ElementNode {
		return
	}
	if n.DataAtom == atom.H1 && w.h1 == "" {
		w.h1 = collapse(w.cur.String())
	}
	if blocks[n.DataAtom] {
		w.flush()
	}
	if n.DataAtom == atom.Pre {
		w.pre--
	}
}

// readHead takes the title and metadata out of a skipped <head>.
func (w *htmlWalker) readHead(n *html.Node) {
	if n.DataAtom != atom.Head {
		return
	}
	for c := range n.Descendants() {
		if c.Type != html.ElementNode {
			continue
		}
		if c.DataAtom == atom.Title && w.title == "" {
			w.title = collapse(textOf(c))
		}
		w.readMeta(c)
	}
}

// readMeta records <meta> values and <link rel="canonical">; the first
// value of each field wins.
func (w *htmlWalker) readMeta(n *html.Node) {
	switch n.DataAtom {
	case atom.Meta:
		content := strings.TrimSpace(attr(n, "content"))
		for _, k := range []string{"name", "property", "itemprop"} {
			field := metaKeys[strings.ToLower(strings.TrimSpace(attr(n, k)))]
			if field != "" && content != "" && w.meta[field] == "" {
				w.meta[field] = collapse(content)
			}
		}
	case atom.Link:
		if strings.EqualFold(strings.TrimSpace(attr(n, "rel")), "canonical") && w.canonical == "" {
			w.canonical = strings.TrimSpace(attr(n, "href"))
		}
	}
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Namespace == "" && strings.EqualFold(a.Key, key) {
			return a.Val
		}
	}
	return ""
}

// hidden reports whether n is marked as not shown.
func hidden(n *html.Node) bool {
	for _, a := range n.Attr {
		switch strings.ToLower(a.Key) {
		case "hidden":
			return true
		case "aria-hidden":
			if strings.EqualFold(strings.TrimSpace(a.Val), "true") {
				return true
			}
		case "style":
			s := strings.ToLower(strings.Join(strings.Fields(a.Val), ""))
			if strings.Contains(s, "display:none") || strings.Contains(s, "visibility:hidden") {
				return true
			}
		}
	}
	return false
}

// textOf returns the text inside n.
func textOf(n *html.Node) string {
	var b strings.Builder
	for c := range n.Descendants() {
		if c.Type == html.TextNode {
			b.WriteString(c.Data)
		}
	}
	return b.String()
}

// text appends s to the current paragraph, collapsing white space outside
// <pre>.
func (w *htmlWalker) text(s string) {
	if w.pre > 0 {
		w.cur.WriteString(s)
		w.space = strings.HasSuffix(s, "\n")
		return
	}
	for _, r := range s {
		if unicode.IsSpace(r) {
			if !w.space {
				w.cur.WriteByte(' ')
				w.space = true
			}
			continue
		}
		w.cur.WriteRune(r)
		w.space = false
	}
}

func (w *htmlWalker) lineBreak() {
	if b := w.cur.Bytes(); len(b) > 0 && b[len(b)-1] == ' ' && w.pre == 0 {
		w.cur.Truncate(len(b) - 1)
	}
	w.cur.WriteByte('\n')
	w.space = true
}

// flush ends the current paragraph.
func (w *htmlWalker) flush() {
	p := w.cur.String()
	w.cur.Reset()
	w.space = true
	lines := strings.Split(p, "\n")
	for i, l := range lines {
		if w.pre == 0 {
			l = strings.TrimSpace(l)
		}
		lines[i] = strings.TrimRight(l, " \t\r")
	}
	p = strings.Trim(strings.Join(lines, "\n"), "\n")
	if strings.TrimSpace(p) != "" {
		w.paras = append(w.paras, p)
	}
}

// collapse trims s and turns each run of white space into one space.
func collapse(s string) string { return strings.Join(strings.Fields(s), " ") }
