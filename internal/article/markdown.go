package article

import (
	"fmt"
	"strings"
)

// parseMarkdown reads a Markdown article with optional front matter.
func parseMarkdown(name string, data []byte) ([]Article, error) {
	lines := splitLines(strings.ReplaceAll(string(data), "\r\n", "\n"))
	a := Article{Source: name}
	body := lines
	switch {
	case len(lines) > 0 && isFence(lines[0], false):
		fm, start, err := parseFrontMatter(name, lines)
		if err != nil {
			return nil, err
		}
		a.Title, a.Date, a.URL, a.Author = fm.Title, fm.Date, fm.URL, fm.Author
		if fm.Source != "" {
			a.Source = fm.Source
		}
		body = lines[start:]
	case len(lines) > 0:
		date, ok, err := headerDate(name, lines[0])
		if err != nil {
			return nil, err
		}
		if ok {
			a.Date = date
			body = lines[1:]
		}
	}
	text, heading := stripMarkdown(body)
	if strings.TrimSpace(text) == "" {
		return nil, fmt.Errorf("%s: %w (no text after the front matter)", name, ErrEmpty)
	}
	a.Text = text
	if a.Title == "" {
		a.Title = heading
	}
	return []Article{a}, nil
}

var (
	atxHeading   = lazyRegexp(`^(#{1,6})(?:[ \t]+|$)`)
	atxClosing   = lazyRegexp(`[ \t]+#+$`)
	bulletMarker = lazyRegexp(`^[-*+][ \t]+`)
	orderedItem  = lazyRegexp(`^[0-9]{1,9}[.)][ \t]+`)
	refDef       = lazyRegexp(`^\[[^\]]+\]:[ \t]*\S`)
	thematic     = lazyRegexp(`^(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$`)
	fenceOpen    = lazyRegexp("^(`{3,}|~{3,})")
)

// mdStripper turns Markdown block structure into plain lines.
type mdStripper struct {
	out     []string
	fence   string // the open code fence, or ""
	listing bool   // the previous line was a list item
	title   string
}

// stripMarkdown returns the plain text of Markdown body lines and the text
// of a leading level-1 heading, if any.
func stripMarkdown(lines []string) (string, string) {
	var s mdStripper
	for _, l := range lines {
		s.line(l)
	}
	for len(s.out) > 0 && s.out[len(s.out)-1] == "" {
		s.out = s.out[:len(s.out)-1]
	}
	return strings.Join(s.out, "\n"), s.title
}

func (s *mdStripper) blank() {
	s.listing = false
	if len(s.out) > 0 && s.out[len(s.out)-1] != "" {
		s.out = append(s.out, "")
	}
}

func (s *mdStripper) line(raw string) {
	line := strings.TrimRight(raw, " \t\r")
	if s.fence != "" {
		if strings.HasPrefix(strings.TrimLeft(line, " "), s.fence) &&
			strings.Trim(strings.TrimLeft(line, " "), s.fence[:1]) == "" {
			s.fence = ""
			return
		}
		s.out = append(s.out, strings.TrimRight(raw, "\r"))
		return
	}
	t := strings.TrimLeft(line, " \t")
	switch {
	case t == "":
		s.blank()
	case (t[0] == '`' || t[0] == '~') && fenceOpen().MatchString(t):
		s.fence = fenceOpen().FindString(t)
		s.blank()
	case s.underline(t):
	case strings.ContainsRune("*-_", rune(t[0])) && thematic().MatchString(t):
		s.blank()
	case t[0] == '[' && refDef().MatchString(t):
	default:
		s.content(t)
	}
}

// underline handles a setext heading underline ("===" or "---" under a line
// of text), which is dropped; a "===" under the first line makes it the title.
func (s *mdStripper) underline(t string) bool {
	eq := strings.Trim(t, "=") == ""
	dash := strings.Trim(t, "-") == "" && len(t) >= 2
	if !(eq || dash) || len(s.out) == 0 || s.out[len(s.out)-1] == "" {
		return false
	}
	if eq && len(s.out) == 1 {
		s.title = strings.TrimSpace(s.out[0])
	}
	s.blank()
	return true
}

// content strips block markers from a line of text and its inline syntax.
func (s *mdStripper) content(t string) {
	for strings.HasPrefix(t, ">") {
		t = strings.TrimPrefix(t[1:], " ")
		t = strings.TrimPrefix(t, "\t")
	}
	if strings.TrimSpace(t) == "" {
		s.blank()
		return
	}
	item := false
	if m := bulletMarker().FindString(t); m != "" {
		t, item = t[len(m):], true
	} else if m := orderedItem().FindString(t); m != "" && (s.listing || len(s.out) == 0 || s.out[len(s.out)-1] == "") {
		t, item = t[len(m):], true
	}
	level := 0
	if m := atxHeading().FindStringSubmatch(t); m != nil {
		level = len(m[1])
		t = atxClosing().ReplaceAllString(strings.TrimSpace(t[len(m[0]):]), "")
	}
	t = strings.TrimSuffix(t, "\\")
	text := stripInline(t)
	if strings.TrimSpace(text) == "" {
		s.blank()
		return
	}
	if level == 1 && len(s.out) == 0 {
		s.title = strings.TrimSpace(text)
	}
	s.out = append(s.out, text)
	s.listing = item
}
