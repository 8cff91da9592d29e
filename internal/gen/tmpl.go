package gen

import (
	"fmt"
	"strings"
	"sync"
)

// A small template language for sentences:
//
//	literal text    copied as is
//	{NAME}          a slot the article fills (a person, a party, a quote…)
//	[a|b|c]         one alternative, chosen uniformly; alternatives nest
//
// Templates are compiled once, when the package is initialised, into trees
// of segments; expanding one only draws random numbers and appends bytes.

// slot names a value an article fills in.
type slot uint8

// The slots. Person slots refer to the sentence's speaker (S…) or target
// (T…); party slots to the speaker's party (SPTY…), the target party (PTY…)
// or a third one (PTY2…). Slots ending in Q are the forms used inside quotes.
const (
	slotNone  slot = iota
	slotS          // speaker as a subject: intro, surname, title or pronoun
	slotSN         // speaker named (no pronoun), at the end of a sentence
	slotSO         // speaker as an object
	slotSP         // speaker possessive: "Roe's", "her"
	slotT          // target person, named
	slotTP         // target possessive
	slotTS         // target inside a quote: "Roe", "Mr Roe"
	slotSPTY       // speaker's party as a noun phrase
	slotSPTYA      // speaker's party acronym, bare
	slotSPTYL      // speaker's party with its leader: "Jane Roe's Federal National Party (FNP)"
	slotPTY        // target party as a noun phrase
	slotPTYA       // target party acronym, bare
	slotPTYL       // target party with its leader: "Jane Roe's Federal National Party (FNP)"
	slotPTYQ       // target party inside a quote: "the FNP"
	slotPTY2       // third party as a noun phrase
	slotPTY2A      // third party acronym
	slotPTY2Q      // third party inside a quote
	slotORG        // organisation as a noun phrase
	slotORG2       // a second organisation as a noun phrase
	slotORGQ       // organisation inside a quote
	slotPAPER      // newspaper, without "the"
	slotPL         // place
	slotPL2        // another place
	slotASM        // an assembly: "the National Assembly"
	slotEV         // recent event
	slotEVQ        // recent event inside a quote
	slotEVN        // next event
	slotN          // a count of seats, schools…
	slotN2         // a smaller count
	slotPCT        // a percentage number
	slotAMT        // an amount: "4.2 billion"
	slotYR         // a past year
	slotMON        // a month name
	slotDAY        // a weekday name
	slotO          // opening double quote
	slotC          // closing double quote
	slotOS         // opening single quote
	slotCS         // closing single quote
	slotQA         // a quote clause, capitalised, no final punctuation
	slotQS         // one to three quoted sentences with final punctuation
	slotQSC        // like QS, but the last sentence ends in a comma (“…,” she said)
	slotQB         // a lower-case continuation clause, no final punctuation
	slotQQ         // a quoted question, capitalised, without "?"
	slotCL         // a reported clause, past tense
	slotSCARE      // a short scare-quote phrase, without quote marks
	numSlots
)

var slotNames = map[string]slot{
	"S": slotS, "SN": slotSN, "SO": slotSO, "SP": slotSP,
	"T": slotT, "TP": slotTP, "TS": slotTS,
	"SPTY": slotSPTY, "SPTYA": slotSPTYA, "SPTYL": slotSPTYL,
	"PTY": slotPTY, "PTYA": slotPTYA, "PTYL": slotPTYL, "PTYQ": slotPTYQ,
	"PTY2": slotPTY2, "PTY2A": slotPTY2A, "PTY2Q": slotPTY2Q,
	"ORG": slotORG, "ORG2": slotORG2, "ORGQ": slotORGQ, "PAPER": slotPAPER,
	"PL": slotPL, "PL2": slotPL2, "ASM": slotASM,
	"EV": slotEV, "EVQ": slotEVQ, "EVN": slotEVN,
	"N": slotN, "N2": slotN2, "PCT": slotPCT, "AMT": slotAMT,
	"YR": slotYR, "MON": slotMON, "DAY": slotDAY,
	"O": slotO, "C": slotC, "OS": slotOS, "CS": slotCS,
	"QA": slotQA, "QS": slotQS, "QSC": slotQSC, "QB": slotQB, "QQ": slotQQ,
	"CL": slotCL, "SCARE": slotSCARE,
}

// seg is one piece of a compiled template: literal text, a slot, or a
// choice among alternatives.
type seg struct {
	lit  string
	slot slot
	alts []tmpl
}

// tmpl is a compiled template.
type tmpl []seg

// compile parses a template; see the package's template language above.
func compile(src string) (tmpl, error) {
	t, rest, err := parseSeq(src, 0)
	if err != nil {
		return nil, err
	}
	if rest != len(src) {
		return nil, fmt.Errorf("template %q: unexpected %q at byte %d", src, src[rest], rest)
	}
	return t, nil
}

// parseSeq reads segments from src[i:] up to an unmatched '|' or ']' or the
// end, and returns where it stopped.
func parseSeq(src string, i int) (tmpl, int, error) {
	var t tmpl
	var lit strings.Builder
	flush := func() {
		if lit.Len() > 0 {
			t = append(t, seg{lit: lit.String()})
			lit.Reset()
		}
	}
	for i < len(src) {
		switch c := src[i]; c {
		case '|', ']':
			flush()
			return t, i, nil
		case '{':
			j := strings.IndexByte(src[i:], '}')
			if j < 0 {
				return nil, i, fmt.Errorf("template %q: unclosed { at byte %d", src, i)
			}
			s, ok := slotNames[src[i+1:i+j]]
			if !ok {
				return nil, i, fmt.Errorf("template %q: unknown slot %q", src, src[i+1:i+j])
			}
			flush()
			t = append(t, seg{slot: s})
			i += j + 1
		case '[':
			flush()
			alts, next, err := parseChoice(src, i+1)
			if err != nil {
				return nil, i, err
			}
			t = append(t, seg{alts: alts})
			i = next
		default:
			lit.WriteByte(c)
			i++
		}
	}
	flush()
	return t, i, nil
}

// parseChoice reads "a|b|c]" starting at src[i:] and returns the index after
// the closing bracket.
func parseChoice(src string, i int) ([]tmpl, int, error) {
	var alts []tmpl
	for {
		t, next, err := parseSeq(src, i)
		if err != nil {
			return nil, i, err
		}
		alts = append(alts, t)
		if next >= len(src) {
			return nil, next, fmt.Errorf("template %q: unclosed [", src)
		}
		if src[next] == ']' {
			return alts, next + 1, nil
		}
		i = next + 1
	}
}

// lazyCompileAll returns a function that compiles srcs on its first call
// (see mustCompileAll) and returns the same templates on every call.
func lazyCompileAll(srcs ...string) func() []tmpl {
	return sync.OnceValue(func() []tmpl { return mustCompileAll(srcs...) })
}

// mustCompileAll compiles constant templates; an error is a bug in this
// package, caught by its tests.

func mustCompileAll(srcs ...string) []tmpl {
	out := make([]tmpl, len(srcs))
	for i, s := range srcs {
		t, err := compile(s)
		if err != nil {
			panic(err)
		}
		out[i] = t
	}
	return out
}
