package eval

import (
	"strings"
	"testing"
)

func TestParseBrat(t *testing.T) {
	text := []rune("“We won,” Roe said.\nThe end.")
	ann := "T1\tContent 0 9\t“We won,”\r\nT2\tSource 10 13\tRoe\nT3\tCue 14 18\tsaid\n" +
		"E1\tAttribution:T3 Content:T1 Cue:T3 Source:T2\n" +
		"T4\tContent 20 23;24 27\tThe end\nE2\tAttribution:T3 Content:T4\nE3\tAttribution:T3\n#1\tAnnotatorNotes T1\tx\n"
	golds, err := parseBrat("a.ann", ann, text)
	if err != nil {
		t.Fatal(err)
	}
	if len(golds) != 2 {
		t.Fatalf("got %d attributions, want 2: %+v", len(golds), golds)
	}
	g := golds[0]
	if g.text != "“We won,”" || g.source != "Roe" || g.cue != "said" || !g.direct || !g.named {
		t.Errorf("first attribution %+v", g)
	}
	if g := golds[1]; g.text != "The end" || g.direct || g.named || g.source != "" {
		t.Errorf("discontinuous attribution without source %+v", g)
	}
}

func TestParseBratErrorsNameFileAndLine(t *testing.T) {
	for _, ann := range []string{"T1\tContent x 3\tabc\n", "T1\tContent 1\tabc\n", "T1\tContent 1 2 3\tabc\n"} {
		_, err := parseBrat("doc.ann", "\n"+ann, []rune("abcdef"))
		if err == nil || !strings.Contains(err.Error(), "doc.ann:2:") {
			t.Errorf("parseBrat(%q) error %v, want one naming doc.ann:2", ann, err)
		}
	}
}

func TestSliceClampsLikePython(t *testing.T) {
	r := []rune("abcdef")
	for _, tc := range []struct {
		a, b int
		want string
	}{{1, 3, "bc"}, {4, 99, "ef"}, {-2, 6, "ef"}, {5, 2, ""}, {-99, 1, "a"}} {
		if got := slice(r, tc.a, tc.b); got != tc.want {
			t.Errorf("slice(%d, %d) = %q, want %q", tc.a, tc.b, got, tc.want)
		}
	}
}

// FuzzParseBrat: arbitrary annotation text never panics, and every
// attribution it returns has content.
func FuzzParseBrat(f *testing.F) {
	for _, s := range []string{"", "T1\tContent 0 3\tabc\nE1\tContent:T1\n", "T1\tContent 0 3;4 5\tx\n", "E1\tContent:T9 Source:T1",
		"T1\tSource -1 99\tx\nT2\tContent 2 1\ty\nE1\tSource:T1 Content:T2", "T\t \t", "E\t::::"} {
		f.Add(s, "some article text “quoted”")
	}
	f.Fuzz(func(t *testing.T, ann, text string) {
		golds, err := parseBrat("f.ann", ann, []rune(text))
		if err != nil {
			return
		}
		for _, g := range golds {
			_ = nameWords(g.source)
		}
	})
}
