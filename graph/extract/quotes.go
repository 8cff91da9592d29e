package extract

// quote is one quoted stretch of text: the tokens between its marks.
type quote struct {
	// open and close are the token indexes of the marks; close is -1 when
	// the quote runs to the end of its paragraph without a closing mark.
	open, close int
	// from and to bound the quoted tokens [from,to).
	from, to int
	single   bool
	// cont is set on a quote that reopens one left open at the end of the
	// previous paragraph; prev is that quote's index, -1 otherwise.
	cont bool
	prev int
}

// contentSpan returns the byte span of the quoted words (without marks).
func (q quote) contentSpan(d *document) (int, int) {
	if q.from >= q.to {
		p := d.toks[q.open].end
		return p, p
	}
	return d.toks[q.from].start, d.toks[q.to-1].end
}

// findQuotes pairs quotation marks into quotes in one linear pass. Double
// quotes are primary; single quotes count only outside double ones (inside
// they are nested and belong to the outer quote). A double quote still open
// at a paragraph's end ends there; if the next paragraph starts with an
// opening mark, that quote continues it.
func findQuotes(d *document) []quote {
	var out []quote
	dOpen, sOpen := -1, -1
	// nested is set inside curly marks nested in a straight double quote
	// ("… about “Equal Justice” anymore …").
	nested := false
	lastOpenEnded := -1 // index in out of a quote left open at the previous paragraph end
	paraEnd := func(i int) {
		if dOpen >= 0 {
			out = append(out, quote{open: dOpen, close: -1, from: dOpen + 1, to: i, prev: -1})
			lastOpenEnded = len(out) - 1
		}
		dOpen, sOpen = -1, -1
		nested = false
	}
	for i := range d.toks {
		t := d.toks[i]
		if t.para && i > 0 {
			carry := dOpen >= 0
			paraEnd(i)
			if !carry {
				lastOpenEnded = -1
			}
		}
		if t.kind != tQuote {
			continue
		}
		if t.quote.double() {
			if dOpen < 0 {
				if opensQuote(d, i) {
					dOpen = i
					sOpen = -1
				}
				continue
			}
			// Curly marks inside a straight double quote nest in it.
			if d.toks[dOpen].quote == qDoubleStraight && (t.quote == qDoubleOpen && i > dOpen+1 && curlyCloseAhead(d, i) || nested && t.quote == qDoubleClose) {
				nested = t.quote == qDoubleOpen
				continue
			}
			nested = false
			if closesQuote(d, i) {
				q := quote{open: dOpen, close: i, from: dOpen + 1, to: i, prev: -1}
				if lastOpenEnded >= 0 && d.toks[dOpen].para {
					q.cont, q.prev = true, lastOpenEnded
				}
				out = append(out, q)
				dOpen = -1
				lastOpenEnded = -1
				continue
			}
			// A second opening mark while one is open: the first was never
			// closed; drop it and start again here.
			dOpen = i
			continue
		}
		if dOpen >= 0 {
			continue // nested single quotes belong to the outer quote
		}
		switch {
		case sOpen < 0 && opensQuote(d, i):
			sOpen = i
		case sOpen >= 0 && closesQuote(d, i):
			out = append(out, quote{open: sOpen, close: i, from: sOpen + 1, to: i, single: true, prev: -1})
			sOpen = -1
		}
	}
	paraEnd(len(d.toks))
	// Link quotes that reopen a paragraph-end quote, in the open-ended case
	// where the reopening quote is itself open-ended.
	for k := range out {
		q := &out[k]
		if q.cont || k == 0 || !d.toks[q.open].para {
			continue
		}
		p := out[k-1]
		if p.close < 0 && !p.single && !q.single && d.toks[q.open].para && p.to == q.open {
			q.cont, q.prev = true, k-1
		}
	}
	return out
}

// curlyCloseAhead reports whether the left double mark at i, inside a
// straight double quote, is closed by a right mark before any other double
// mark of its paragraph, and the straight quote then goes on: to a
// straight mark later in the paragraph, or to the next paragraph opening
// with one (a quote of several paragraphs).
func curlyCloseAhead(d *document, i int) bool {
	closed := false
	k := i + 1
	for ; k < len(d.toks) && !d.toks[k].para; k++ {
		t := d.toks[k]
		if t.kind != tQuote || !t.quote.double() {
			continue
		}
		switch {
		case !closed && t.quote == qDoubleClose:
			closed = true
		case closed && t.quote == qDoubleStraight:
			return true
		case closed && t.quote == qDoubleOpen:
			continue
		default:
			return false
		}
	}
	return closed && k < len(d.toks) && d.toks[k].kind == tQuote && d.toks[k].quote == qDoubleStraight
}

// opensQuote reports whether the mark at token i can open a quote.
func opensQuote(d *document, i int) bool {
	t := d.toks[i]
	switch t.quote {
	case qDoubleOpen, qSingleOpen:
		return true
	case qDoubleStraight, qDoubleSingles:
		return t.spaceBefore || t.para || i == 0 || d.toks[i-1].kind == tPunct || d.toks[i-1].kind == tQuote
	case qSingleStraight:
		return (t.spaceBefore || t.para || i == 0 || d.toks[i-1].kind == tPunct) && i+1 < len(d.toks) && !d.toks[i+1].spaceBefore
	case qDoubleClose:
		// A right mark used as a left one: ”Word, or any right mark that
		// opens a paragraph (”… in the case of …).
		return t.para || t.spaceBefore && i+1 < len(d.toks) && !d.toks[i+1].spaceBefore && d.toks[i+1].kind == tWord
	}
	return false
}

// closesQuote reports whether the mark at token i can close a quote.
func closesQuote(d *document, i int) bool {
	t := d.toks[i]
	switch t.quote {
	case qDoubleClose, qSingleClose:
		return true
	case qDoubleStraight, qDoubleSingles:
		return true
	case qSingleStraight:
		return !t.spaceBefore
	case qDoubleOpen:
		// A left mark used as a right one: word“ followed by space.
		return !t.spaceBefore && (i+1 >= len(d.toks) || d.toks[i+1].spaceBefore || d.toks[i+1].kind == tPunct)
	}
	return false
}
