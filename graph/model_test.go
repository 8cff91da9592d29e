package graph

import (
	"slices"
	"testing"
)

func TestSlugMakesReadableStableIDs(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Kamala Ode", "kamala-ode"},
		{"Pakistan Tehreek-e-Insaf", "pakistan-tehreek-e-insaf"},
		{"O’Neill", "oneill"},
		{"Ünïcödé  Straße", "unicode-straße"},
		{"  --  ", "x"},
		{"MQM-P", "mqm-p"},
	}
	for _, tc := range tests {
		if got := Slug(tc.in); got != tc.want {
			t.Errorf("Slug(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestNormalizeNameFoldsCaseQuotesAndSpacing(t *testing.T) {
	pairs := [][2]string{
		{"Imran Khan's", "imran  KHAN’s"},
		{"PML-N", "pml-n"},
		{"Jane Roe.", "jane roe"},
	}
	for _, p := range pairs {
		if a, b := NormalizeName(p[0]), NormalizeName(p[1]); a != b {
			t.Errorf("NormalizeName(%q) = %q but NormalizeName(%q) = %q", p[0], a, p[1], b)
		}
	}
	if NormalizeName("PML-N") == NormalizeName("PMLN") {
		t.Error("hyphenated and unhyphenated acronyms should stay apart (merge them by hand)")
	}
}

func TestClaimIDIgnoresPunctuationAndCase(t *testing.T) {
	a := ClaimID("“100% fake”")
	if b := ClaimID("100% Fake."); a != b {
		t.Errorf("ClaimID differs for the same words: %s vs %s", a, b)
	}
	if c := ClaimID("100% real"); a == c {
		t.Error("ClaimID is the same for different words")
	}
	if len(a) != len("claim/")+16 {
		t.Errorf("ClaimID %q: want claim/ and 16 hex digits", a)
	}
}

func TestParseKindAndRelAcceptCypherSpellings(t *testing.T) {
	for in, want := range map[string]Kind{"Person": Person, "PARTY": Party, "organisation": Organization, "claim": Claim} {
		if got, err := ParseKind(in); err != nil || got != want {
			t.Errorf("ParseKind(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	for in, want := range map[string]Rel{"SAID": Said, "MEMBER_OF": MemberOf, "member-of": MemberOf, "Disputes": Disputes} {
		if got, err := ParseRel(in); err != nil || got != want {
			t.Errorf("ParseRel(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	if _, err := ParseKind("Persn"); err == nil {
		t.Error("ParseKind accepted an unknown kind")
	}
	if _, err := ParseRel("likes"); err == nil {
		t.Error("ParseRel accepted an unknown relation")
	}
}

func TestMergeUnitesAliasesWhateverTheOrder(t *testing.T) {
	a := Node{ID: "party/fnp", Kind: Party, Name: "FNP", Aliases: []string{"Federal National Party"}}
	b := Node{ID: "party/fnp", Kind: Party, Name: "FNP", Aliases: []string{"the Federals", "FNP"}}
	ab, ba := a, b
	ab.Merge(b)
	ba.Merge(a)
	want := []string{"Federal National Party", "the Federals"}
	if !slices.Equal(ab.Aliases, want) || !slices.Equal(ba.Aliases, want) {
		t.Errorf("aliases = %v and %v, want %v", ab.Aliases, ba.Aliases, want)
	}
	c := Node{ID: "claim/x", Kind: Claim, Text: "t"}
	c.Merge(Node{ID: "claim/x", Kind: Claim, Text: "t", Direct: true})
	if !c.Direct {
		t.Error("a claim quoted directly once should stay direct")
	}
}

func TestKindOfIDReadsThePrefix(t *testing.T) {
	tests := map[string]Kind{"person/jane-roe": Person, "claim/0a1b": Claim, "nonsense/x": "", "noslash": ""}
	for id, want := range tests {
		if got := KindOfID(id); got != want {
			t.Errorf("KindOfID(%q) = %q, want %q", id, got, want)
		}
	}
}

func TestEdgeKeyCompareOrdersFieldByField(t *testing.T) {
	keys := []EdgeKey{
		{"person/a", Said, "claim/2", "article/1"},
		{"person/a", Said, "claim/1", "article/2"},
		{"person/a", About, "claim/9", "article/9"},
		{"person/a", Said, "claim/1", "article/1"},
		{"party/z", Said, "claim/1", "article/1"},
	}
	slices.SortFunc(keys, EdgeKey.Compare)
	want := []EdgeKey{
		{"party/z", Said, "claim/1", "article/1"},
		{"person/a", About, "claim/9", "article/9"},
		{"person/a", Said, "claim/1", "article/1"},
		{"person/a", Said, "claim/1", "article/2"},
		{"person/a", Said, "claim/2", "article/1"},
	}
	if !slices.Equal(keys, want) {
		t.Errorf("sorted %v, want %v", keys, want)
	}
	if k := want[2]; k.Compare(k) != 0 {
		t.Errorf("%v compares unequal to itself", k)
	}
}
