package extract

import "strings"

// document is one article prepared for the passes: its tokens, sentences
// and a lower-cased copy of the text with the same byte offsets.
type document struct {
	text string
	low  string
	toks []token
	// sents holds token index ranges [from,to) of the sentences.
	sents []tspan
	// sentOf maps a token index to its sentence index.
	sentOf []int
}

// tspan is a half-open range of token indexes.
type tspan struct{ from, to int }

// newDocument tokenizes text (after any header line) and splits sentences.
func newDocument(text string) *document {
	d := &document{text: text, low: lowerASCII(text)}
	d.toks = tokenize(text, bodyStart(text))
	d.splitSentences()
	return d
}

// bodyStart skips a leading header line of the form "date YYYY-MM-DD"
// (with optional surrounding space) and returns where the body begins.
func bodyStart(text string) int {
	i := 0
	for i < len(text) && (text[i] == ' ' || text[i] == '\t' || text[i] == '\n' || text[i] == '\r') {
		i++
	}
	if !strings.HasPrefix(text[i:], "date ") && !strings.HasPrefix(text[i:], "date:") && !strings.HasPrefix(text[i:], "Date:") {
		return 0
	}
	j := strings.IndexByte(text[i:], '\n')
	if j < 0 {
		return len(text)
	}
	line := strings.TrimSpace(text[i : i+j])
	if len(line) > 40 {
		return 0
	}
	return i + j + 1
}

// lowerASCII lower-cases ASCII letters only, so byte offsets stay valid.
func lowerASCII(s string) string {
	b := []byte(s)
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}

// tokText returns the text of token i.
func (d *document) tokText(i int) string { return d.text[d.toks[i].start:d.toks[i].end] }

// tokLow returns the lower-cased text of token i.
func (d *document) tokLow(i int) string { return d.low[d.toks[i].start:d.toks[i].end] }

// isPunct reports whether token i is the punctuation s.
func (d *document) isPunct(i int, s string) bool {
	return i >= 0 && i < len(d.toks) && d.toks[i].kind == tPunct && d.tokText(i) == s
}

// isWord reports whether token i is a word whose lower-cased form is w.
func (d *document) isWord(i int, w string) bool {
	return i >= 0 && i < len(d.toks) && d.toks[i].kind == tWord && d.tokLow(i) == w
}

// maxSentence caps a sentence's length in tokens, so that text without
// stops (or hostile input) cannot make the per-sentence passes quadratic.
const maxSentence = 160

// splitSentences fills d.sents and d.sentOf.
func (d *document) splitSentences() {
	d.sentOf = make([]int, len(d.toks))
	start := 0
	for i := range d.toks {
		if i > start && (d.toks[i].para || i-start >= maxSentence) {
			d.addSentence(start, i)
			start = i
			continue
		}
		if end, ok := d.sentenceEndsAt(i); ok && end > start {
			d.addSentence(start, end)
			start = end
		}
	}
	if start < len(d.toks) {
		d.addSentence(start, len(d.toks))
	}
}

func (d *document) addSentence(from, to int) {
	for k := from; k < to; k++ {
		d.sentOf[k] = len(d.sents)
	}
	d.sents = append(d.sents, tspan{from, to})
}

// sentenceEndsAt reports whether a sentence ends with token i, returning
// the index of the first token of the next sentence (after any closing
// quotes and brackets that belong to this one). The check looks only at
// tokens i-1..i+3, so the split is linear.
func (d *document) sentenceEndsAt(i int) (int, bool) {
	t := d.toks[i]
	term := false
	abbrev, dotted := false, false
	switch {
	case t.kind == tPunct:
		s := d.tokText(i)
		term = s == "." || s == "!" || s == "?" || s == "..." || s == "…"
		if s == "." && i > 0 && !d.toks[i].spaceBefore {
			abbrev = d.isAbbrevBefore(i)
		}
	case t.kind == tWord && strings.HasSuffix(d.tokText(i), ".") && strings.Count(d.tokText(i), ".") >= 2:
		// U.S. at the end of a word: only a strong starter ends the sentence.
		term, abbrev, dotted = true, true, true
	}
	if !term {
		return 0, false
	}
	j := i + 1
	for j < len(d.toks) && !d.toks[j].para && (d.toks[j].kind == tQuote && isClosingShape(d, j) || d.isPunct(j, ")") || d.isPunct(j, "]")) {
		j++
	}
	if j >= len(d.toks) || d.toks[j].para {
		return j, true
	}
	n := d.toks[j]
	switch {
	case n.kind == tQuote:
		// An opening quote after a full stop starts a new sentence.
		if abbrev {
			// "… in Fort Mill, S.C. “It seems …”": after a dotted
			// abbreviation, a spaced quote opening on a capital does.
			return j, dotted && d.toks[j].spaceBefore && d.capAfter(j)
		}
		return j, d.toks[j].spaceBefore
	case n.kind == tWord && n.cap:
		if abbrev {
			// "Dr. A. Q. Khan": an initial after an abbreviation
			// starts no sentence, though "A" is a strong starter.
			initial := len(d.tokText(j)) == 1 && d.isPunct(j+1, ".") && !d.toks[j+1].spaceBefore
			return j, strongStarters[d.tokLow(j)] && !initial
		}
		return j, true
	case n.kind == tNum || n.kind == tWord && n.handle:
		return j, !abbrev
	case n.kind == tPunct && (d.tokText(j) == "(" || d.tokText(j) == "—" || d.tokText(j) == "-"):
		return j, !abbrev
	}
	return 0, false
}

// capAfter reports whether the token after the quote mark at j is a
// capitalised word.
func (d *document) capAfter(j int) bool {
	return j+1 < len(d.toks) && d.toks[j+1].kind == tWord && d.toks[j+1].cap
}

// isAbbrevBefore reports whether the dot at token i ends an abbreviation
// (Mr., Feb., Gov.) or an initial (John F. Kennedy).
func (d *document) isAbbrevBefore(i int) bool {
	p := i - 1
	if p < 0 || p >= len(d.toks) || d.toks[p].kind != tWord {
		return false
	}
	w := d.tokLow(p)
	if abbreviations[w] {
		return true
	}
	// A single capital letter: an initial.
	if len(w) == 1 && d.toks[p].cap {
		return true
	}
	// A party tag: "Mitch Roe, R-Ky., said".
	return d.partyTag(p)
}

// isClosingShape reports whether the quote at token j can close a quote:
// a right quotation mark, or a straight one not followed by a letter.
func isClosingShape(d *document, j int) bool {
	switch d.toks[j].quote {
	case qDoubleClose, qSingleClose:
		return true
	case qDoubleStraight, qSingleStraight, qDoubleSingles:
		return !d.toks[j].spaceBefore
	}
	return false
}

// sentSpan returns the byte span of sentence s.
func (d *document) sentSpan(s int) (int, int) {
	sp := d.sents[s]
	return d.toks[sp.from].start, d.toks[sp.to-1].end
}

// sentText returns the text of sentences s..e inclusive.
func (d *document) sentsText(s, e int) string {
	a, _ := d.sentSpan(s)
	_, b := d.sentSpan(e)
	return d.text[a:b]
}
