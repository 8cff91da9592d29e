package eval

import (
	"fmt"
	"strconv"
	"strings"
)

// gold is one annotated attribution: its content, source and cue text.
type gold struct {
	text, source, cue string
	// direct is set when the content holds a quotation mark.
	direct bool
	// named is set when the source holds a name word, so that the
	// speaker can be judged.
	named bool
}

// span is a labelled text-bound annotation.
type span struct {
	label string
	text  string
}

// universalNewlines turns \r\n and lone \r into \n, as Python's text mode
// does when the ruler reads a file.
func universalNewlines(s string) string {
	if !strings.Contains(s, "\r") {
		return s
	}
	return strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\r", "\n")
}

// parseBrat reads brat standoff annotations of text (offsets in code
// points) and returns the attributions that have a Content span, in the
// order of their E lines. name is used in error messages.
func parseBrat(name, ann string, text []rune) ([]gold, error) {
	spans := map[string]span{}
	var rels []map[string]string
	for n, line := range strings.Split(universalNewlines(ann), "\n") {
		parts := strings.Split(line, "\t")
		if len(parts) == 0 || parts[0] == "" {
			continue
		}
		switch {
		case strings.HasPrefix(parts[0], "T") && len(parts) >= 3:
			s, err := parseSpan(parts[1], text)
			if err != nil {
				return nil, fmt.Errorf("%s:%d: %w", name, n+1, err)
			}
			spans[parts[0]] = s
		case strings.HasPrefix(parts[0], "E"):
			args := map[string]string{}
			if len(parts) > 1 {
				for _, kv := range strings.Fields(parts[1]) {
					if k, v, ok := strings.Cut(kv, ":"); ok {
						args[k] = v
					}
				}
			}
			rels = append(rels, args)
		}
	}
	var out []gold
	for _, r := range rels {
		c, ok := spans[r["Content"]]
		if !ok || r["Content"] == "" {
			continue
		}
		src := spans[r["Source"]].text
		cue := spans[r["Cue"]].text
		out = append(out, gold{text: c.text, source: src, cue: cue,
			direct: strings.ContainsAny(c.text, "“\"”"), named: len(nameWords(src)) > 0})
	}
	return out, nil
}

// parseSpan reads "Label a b;c d" and the text it covers.
func parseSpan(field string, text []rune) (span, error) {
	label, offs, _ := strings.Cut(field, " ")
	var frags []string
	for _, fr := range strings.Split(offs, ";") {
		f := strings.Fields(fr)
		if len(f) != 2 {
			return span{}, fmt.Errorf("span %q: want two offsets per fragment", field)
		}
		a, err1 := strconv.Atoi(f[0])
		b, err2 := strconv.Atoi(f[1])
		if err1 != nil || err2 != nil {
			return span{}, fmt.Errorf("span %q: offsets are not numbers", field)
		}
		frags = append(frags, slice(text, a, b))
	}
	return span{label: label, text: strings.Join(frags, " ")}, nil
}

// slice returns text[a:b] with Python's clamping of out-of-range indexes.
func slice(text []rune, a, b int) string {
	n := len(text)
	clamp := func(i int) int {
		if i < 0 {
			i += n
			if i < 0 {
				i = 0
			}
		}
		return min(i, n)
	}
	a, b = clamp(a), clamp(b)
	if a >= b {
		return ""
	}
	return string(text[a:b])
}
