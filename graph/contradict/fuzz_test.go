package contradict

import (
	"slices"
	"testing"
)

// FuzzCompare checks that any pair of texts compares without panicking
// and symmetrically, with a core similarity in [0,1].
func FuzzCompare(f *testing.F) {
	f.Add("The port deal will create 4,000 jobs", "the port deal won't create four thousand jobs")
	f.Add("we support the bypass", "we oppose the bypass")
	f.Add("two hundred and", "1.5.6 million billion")
	f.Add("isn't n't '' ’s", "")
	f.Fuzz(func(t *testing.T, a, b string) {
		fa, oka := Compare(a, b)
		fb, okb := Compare(b, a)
		if oka != okb || !slices.Equal(fa.Kinds, fb.Kinds) {
			t.Errorf("Compare(%q, %q) = %v %v, reversed %v %v", a, b, fa.Kinds, oka, fb.Kinds, okb)
		}
		if fa.Core < 0 || fa.Core > 1 {
			t.Errorf("core %v out of [0,1]", fa.Core)
		}
	})
}
