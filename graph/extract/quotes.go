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
// they are nested and belong to the outer quote), and so do curly double
// quotes inside a straight one, curly ones inside a curly one when two
// right marks follow them, and straight ones inside a straight one when
// an even number of straight marks follows them. A double quote still open
// at a paragraph's end ends there; if the next paragraph starts with an
// opening mark, that quote continues it.
func findQuotes(d *document) []quote {
	var out []quote
	dOpen, sOpen := -1, -1
	nested := false      // a quote is open inside the open double quote
	var ahead []int32    // see rightMarksAhead; made when first needed
	var straight []int32 // see straightMarksAhead; made when first needed
	lastOpenEnded := -1  // index in out of a quote left open at the previous paragraph end
	paraEnd := func(i int) {
		if dOpen >= 0 {
			out = append(out, quote{open: dOpen, close: -1, from: dOpen + 1, to: i, prev: -1})
			lastOpenEnded = len(out) - 1
		}
		dOpen, sOpen, nested = -1, -1, false
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
			// "… “inner” …": a left curly mark inside a quote opened by a
			// straight mark is a quote within the quote, which the next
			// curly right mark closes.
			if t.quote != qDoubleStraight {
				if nested {
					nested = !closesQuote(d, i)
					continue
				}
				if nestsIn(d, dOpen, i) {
					nested = true
					continue
				}
				// “… “inner” …”: a left mark inside a curly quote is
				// nested when two right marks follow it before the next
				// left mark of the paragraph.
				if t.quote == qDoubleOpen && d.toks[dOpen].quote != qDoubleStraight && !closesQuote(d, i) {
					if ahead == nil {
						ahead = rightMarksAhead(d)
					}
					if ahead[i] >= 2 {
						nested = true
						continue
					}
				}
			}
			// "… "inner" …": a straight mark that looks opening inside a
			// straight quote is nested when an even number of straight
			// marks follows it in the paragraph (its close, the outer
			// close, and pairs); with an odd number the outer quote was
			// never closed.
			if t.quote == qDoubleStraight && d.toks[dOpen].quote == qDoubleStraight {
				if nested {
					nested = false
					continue
				}
				if opensInside(d, i) {
					if straight == nil {
						straight = straightMarksAhead(d)
					}
					if n := straight[i]; n >= 2 && n%2 == 0 {
						nested = true
						continue
					}
				}
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

// nestsIn reports whether the double mark at token i opens a quote inside
// the one opened at token open: a left curly mark inside a straight-quoted
// stretch (“ right after the opening " is a doubled mark, not a nested
// quote).
func nestsIn(d *document, open, i int) bool {
	return d.toks[i].quote == qDoubleOpen && d.toks[open].quote == qDoubleStraight && i > open+1 && !closesQuote(d, i)
}

// rightMarksAhead returns, for each left double mark that opens a quote,
// how many right double marks follow it in its paragraph before the next
// such left mark, in one backward pass.
func rightMarksAhead(d *document) []int32 {
	ahead := make([]int32, len(d.toks))
	var n int32
	for i := len(d.toks) - 1; i >= 0; i-- {
		t := d.toks[i]
		if t.kind == tQuote && t.quote == qDoubleOpen || t.kind == tQuote && t.quote == qDoubleClose {
			if closesQuote(d, i) {
				n++
			} else {
				ahead[i] = n
				n = 0
			}
		}
		if t.para {
			n = 0
		}
	}
	return ahead
}

// straightMarksAhead returns, for each token, how many straight double
// marks follow it in its paragraph, in one backward pass.
func straightMarksAhead(d *document) []int32 {
	ahead := make([]int32, len(d.toks))
	var n int32
	for i := len(d.toks) - 1; i >= 0; i-- {
		ahead[i] = n
		t := d.toks[i]
		if t.kind == tQuote && t.quote == qDoubleStraight {
			n++
		}
		if t.para {
			n = 0
		}
	}
	return ahead
}

// opensInside reports whether the straight mark at token i has the shape
// of an opening mark only: space before it and a word right after it.
func opensInside(d *document, i int) bool {
	return d.toks[i].spaceBefore && i+1 < len(d.toks) && !d.toks[i+1].spaceBefore &&
		(d.toks[i+1].kind == tWord || d.toks[i+1].kind == tNum)
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
