package similar

import (
	"reflect"
	"testing"
)

func TestScoreOfClaimVariants(t *testing.T) {
	base := "The harbour tax will pay for every new school in the province."
	cases := []struct {
		name   string
		a, b   string
		lo, hi float64
	}{
		{"identical text scores one", base, base, 1, 1},
		{"curly quotes and punctuation do not count", base, "“The harbour tax will pay for every new school in the province”", 1, 1},
		{"case does not count", base, "THE HARBOUR TAX WILL PAY FOR EVERY NEW SCHOOL IN THE PROVINCE", 1, 1},
		{"a trimmed quote stays close", base, "the harbour tax will pay for every new school", 0.8, 0.95},
		{"a light paraphrase is still similar", base, "The harbour tax would pay for every new school in the province.", 0.6, 0.9},
		{"another claim by the same speaker is far", base, "Our opponents lost the election because voters saw through them.", 0, 0.1},
		{"an empty text matches nothing", base, "", 0, 0},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := Score(Of(c.a), Of(c.b))
			if got < c.lo || got > c.hi {
				t.Errorf("Score = %.3f, want in [%.2f, %.2f]", got, c.lo, c.hi)
			}
			if back := Score(Of(c.b), Of(c.a)); back != got {
				t.Errorf("Score is not symmetric: %.3f vs %.3f", got, back)
			}
		})
	}
}

func TestShinglesOfShortTexts(t *testing.T) {
	cases := []struct {
		name  string
		words []string
		k     int
		want  int
	}{
		{"no words no shingles", nil, 2, 0},
		{"one word is one shingle", []string{"no"}, 2, 1},
		{"three words make two pairs", []string{"a", "b", "c"}, 2, 2},
		{"repeated pairs count once", []string{"a", "b", "a", "b"}, 2, 2},
		{"k below one is one", []string{"a", "b", "a"}, 0, 2},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := len(Shingles(c.words, c.k)); got != c.want {
				t.Errorf("len(Shingles(%q, %d)) = %d, want %d", c.words, c.k, got, c.want)
			}
		})
	}
}

func TestSignatureAgreementEstimatesResemblance(t *testing.T) {
	a := Of("we will build the bridge before the winter and we will pay for it without new taxes on families")
	b := Of("we will build the bridge before the winter and we will pay for it without any new taxes")
	exact := Resemblance(a, b)
	sa, sb := Sign(a, 256), Sign(b, 256)
	same := 0
	for i := range sa {
		if sa[i] == sb[i] {
			same++
		}
	}
	est := float64(same) / float64(len(sa))
	if d := est - exact; d < -0.12 || d > 0.12 {
		t.Errorf("MinHash estimate %.3f, exact resemblance %.3f", est, exact)
	}
	if !reflect.DeepEqual(Sign(a, 16), Sign(a, 16)) {
		t.Error("signatures differ between calls")
	}
	if got := len(Sign(a, 10).Bands(3)); got != 3 {
		t.Errorf("10 rows in bands of 3 give %d bands, want 3", got)
	}
}

func TestClusterJoinsVariantsAndKeepsOthersApart(t *testing.T) {
	texts := []string{
		"The port deal will create ten thousand jobs by next year.",
		"Our rivals rigged the count in the northern districts.",
		"“The port deal will create ten thousand jobs by next year,”",
		"",
		"the port deal will create ten thousand jobs",
		"Our rivals rigged the count in the northern districts, and everyone knows it.",
		"The weather was fine for the parade.",
	}
	want := [][]int{{0, 2, 4}, {1, 5}, {3}, {6}}
	if got := Cluster(texts, 0.6); !reflect.DeepEqual(got, want) {
		t.Errorf("Cluster = %v, want %v", got, want)
	}
}
