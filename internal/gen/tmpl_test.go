package gen

import (
	"math/rand/v2"
	"strings"
	"testing"
)

func TestTemplatesCompile(t *testing.T) {
	cases := []struct {
		name string
		src  string
		want string // every expansion with alternatives taken first; "" when an error is wanted
		err  string
	}{
		{"plain text is copied", "He said so.", "He said so.", ""},
		{"a slot is filled", "{PL} voted", "Ashmere voted", ""},
		{"a choice takes one alternative", "[a|b|c]!", "a!", ""},
		{"choices nest", "x[ y[1|2]| z]", "x y1", ""},
		{"an empty alternative is allowed", "[|not ]now", "now", ""},
		{"an unknown slot is an error", "{NOPE}", "", "unknown slot"},
		{"an unclosed slot is an error", "{PL", "", "unclosed {"},
		{"an unclosed choice is an error", "[a|b", "", "unclosed ["},
		{"a stray bracket is an error", "a]b", "", "unexpected"},
		{"a stray bar is an error", "a|b", "", "unexpected"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			tm, err := compile(c.src)
			if c.err != "" {
				if err == nil || !strings.Contains(err.Error(), c.err) {
					t.Fatalf("compile(%q) error = %v, want one containing %q", c.src, err, c.err)
				}
				return
			}
			if err != nil {
				t.Fatalf("compile(%q): %v", c.src, err)
			}
			if got := firstExpansion(tm); got != c.want {
				t.Errorf("compile(%q) expands to %q, want %q", c.src, got, c.want)
			}
		})
	}
}

// firstExpansion expands t taking the first alternative of every choice
// and writing "Ashmere" for any slot.
func firstExpansion(t tmpl) string {
	var b strings.Builder
	for _, s := range t {
		switch {
		case s.alts != nil:
			b.WriteString(firstExpansion(s.alts[0]))
		case s.slot != slotNone:
			b.WriteString("Ashmere")
		default:
			b.WriteString(s.lit)
		}
	}
	return b.String()
}

func TestEverySlotIsFilled(t *testing.T) {
	a := newArt(newWorld(3, defaultStart))
	a.generate(0, 10)
	for name, s := range slotNames {
		a.setContext(false)
		a.r = rand.New(rand.NewPCG(1, uint64(s)))
		a.buf = a.buf[:0]
		a.fill(s)
		if len(a.buf) == 0 {
			t.Errorf("slot {%s} wrote nothing", name)
		}
	}
	if len(slotNames) != int(numSlots)-1 {
		t.Errorf("%d slot names for %d slots", len(slotNames), numSlots-1)
	}
}
