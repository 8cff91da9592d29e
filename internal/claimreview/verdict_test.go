package claimreview

import "testing"

func TestNormalizeRatingOfPublishedRatings(t *testing.T) {
	cases := []struct {
		name   string
		rating string
		want   Verdict
	}{
		{"plain False is false", "False", False},
		{"Pants on Fire with its exclamation mark is false", "Pants on Fire!", False},
		{"Four Pinocchios is false", "Four Pinocchios", False},
		{"Three Pinocchios is mostly false", "Three Pinocchios", MostlyFalse},
		{"Two Pinocchios is mixed", "Two Pinocchios", Mixed},
		{"One Pinocchio is mostly true", "One Pinocchio", MostlyTrue},
		{"Mostly False is mostly false, not false", "Mostly False", MostlyFalse},
		{"hyphenated Half-True is mixed", "Half-True", Mixed},
		{"Misleading is mostly false", "Misleading", MostlyFalse},
		{"Mostly True is mostly true", "Mostly True", MostlyTrue},
		{"Correct is true", "Correct", True},
		{"TRUE in capitals is true", "TRUE", True},
		{"Partly false is mostly false", "Partly false", MostlyFalse},
		{"Missing context is mixed", "Missing context", Mixed},
		{"Unproven is not a rating of truth", "Unproven", Unrated},
		{"Satire is unrated", "Satire", Unrated},
		{"not true is false although it holds true", "Not true", False},
		{"a short sentence holding a rating is read", "The claim is mostly false.", MostlyFalse},
		{"a rating followed by an explanation is read", "False: the figures were never published", False},
		{"true but misleading is mixed", "True, but misleading", Mixed},
		{"French Faux is false", "Faux", False},
		{"Spanish Engañoso is mostly false", "Engañoso", MostlyFalse},
		{"curly apostrophes are ignored", "It’s false", False},
		{"a long explanation is not guessed from", "The minister said the figures were false but the agency later confirmed most of them in its annual report", Unrated},
		{"an unknown phrase is unrated", "Spin cycle", Unrated},
		{"an empty rating is unrated", "", Unrated},
		{"punctuation alone is unrated", "?!", Unrated},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := NormalizeRating(c.rating); got != c.want {
				t.Errorf("NormalizeRating(%q) = %q, want %q", c.rating, got, c.want)
			}
		})
	}
}

func TestScaleRatingPlacesValuesOnTheScale(t *testing.T) {
	cases := []struct {
		name               string
		value, best, worst string
		want               Verdict
		ok                 bool
	}{
		{"the worst of the default 1-5 scale is false", "1", "", "", False, true},
		{"2 of 1-5 is mostly false", "2", "5", "1", MostlyFalse, true},
		{"3 of 1-5 is mixed", "3", "5", "1", Mixed, true},
		{"4 of 1-5 is mostly true", "4", "5", "1", MostlyTrue, true},
		{"the best of 1-5 is true", "5", "5", "1", True, true},
		{"a 0-10 scale works too", "8", "10", "0", MostlyTrue, true},
		{"a reversed scale counts from its best", "1", "1", "6", True, true},
		{"a decimal value is read", "2.5", "5", "1", Mixed, true},
		{"a value off the scale is refused", "7", "5", "1", Unrated, false},
		{"a word is not a number", "false", "5", "1", Unrated, false},
		{"an empty scale is refused", "3", "3", "3", Unrated, false},
		{"an empty value is refused", "", "5", "1", Unrated, false},
		{"infinity is refused", "Inf", "5", "1", Unrated, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, ok := ScaleRating(c.value, c.best, c.worst)
			if got != c.want || ok != c.ok {
				t.Errorf("ScaleRating(%q, %q, %q) = %q, %v; want %q, %v", c.value, c.best, c.worst, got, ok, c.want, c.ok)
			}
		})
	}
}
