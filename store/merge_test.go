package store_test

import (
	"context"
	"errors"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/graphtest"
	"github.com/claimgraph/claimgraph/store"
)

var (
	kamran = graph.EntityID(graph.Person, "Kamran Vell")
	vell   = graph.EntityID(graph.Person, "Vell")
	pln    = graph.EntityID(graph.Party, "PLN")
	plnOrg = graph.EntityID(graph.Organization, "P.L.N.")
)

// vellStories are invented articles in which one person appears under two
// names, once both in the same article, and a party under two kinds.
func vellStories() []*story {
	a := newStory("Vell speaks",
		`Kamran Vell said "The port tax is unfair."`, "The PLN agreed.")
	k := a.entity(graph.Person, "Kamran Vell")
	p := a.entity(graph.Party, "PLN")
	a.claim(k, "The port tax is unfair")
	a.edge(k, graph.MemberOf, p, "PLN")

	b := newStory("Vell again",
		`Vell said "The ferry fares will rise."`, "The P.L.N. denied it.")
	v := b.entity(graph.Person, "Vell", "K. Vell")
	o := b.entity(graph.Organization, "P.L.N.")
	c := b.claim(v, "The ferry fares will rise")
	b.edge(o, graph.Disputes, c, "P.L.N.")
	b.edge(v, graph.MemberOf, o, "P.L.N.")

	d := newStory("Both names",
		`Kamran Vell, known as Vell, said "The port tax is unfair."`)
	d.entity(graph.Person, "Kamran Vell")
	d.entity(graph.Person, "Vell")
	d.claim(graph.EntityID(graph.Person, "Kamran Vell"), "The port tax is unfair")
	d.claim(graph.EntityID(graph.Person, "Vell"), "The port tax is unfair")
	return []*story{a, b, d}
}

func lookup(t *testing.T, db *store.DB, name string) []string {
	t.Helper()
	ids, err := db.Lookup(context.Background(), name)
	if err != nil {
		t.Fatal(err)
	}
	return ids
}

func TestMergeThenSplitRestoresTheGraph(t *testing.T) {
	for _, c := range []struct {
		name            string
		into, from      string
		moved, dropped  int
		lookup, landsOn string
	}{
		{"a surname merged into the full name", kamran, vell, 3, 2, "Vell", kamran},
		{"the full name merged into the surname", vell, kamran, 3, 2, "Kamran Vell", vell},
		{"an organization merged into a party", pln, plnOrg, 3, 0, "P.L.N.", pln},
		{"a party merged into an organization", plnOrg, pln, 2, 0, "PLN", plnOrg},
	} {
		t.Run(c.name, func(t *testing.T) {
			ctx := context.Background()
			db := openTemp(t, store.Options{})
			mustWrite(t, db, subsOf(vellStories())...)
			before, beforeStats := graphtest.DumpOf(t, db), stats(t, db)

			rep, err := db.Merge(ctx, c.into, c.from)
			if err != nil {
				t.Fatalf("Merge: %v", err)
			}
			if rep.Moved != c.moved || rep.Dropped != c.dropped {
				t.Errorf("merge moved %d and dropped %d edges, want %d and %d", rep.Moved, rep.Dropped, c.moved, c.dropped)
			}
			mustBeClean(t, db)
			if _, err := db.Node(ctx, c.from); !errors.Is(err, graph.ErrNotFound) {
				t.Errorf("the merged node is still there (%v)", err)
			}
			if got := lookup(t, db, c.lookup); !slices.Equal(got, []string{c.landsOn}) {
				t.Errorf("Lookup(%q) = %v after the merge, want [%s]", c.lookup, got, c.landsOn)
			}
			st := stats(t, db)
			kind := graph.KindOfID(c.from)
			if st.Nodes[kind] != beforeStats.Nodes[kind]-1 || st.TotalEdges() != beforeStats.TotalEdges()-c.dropped {
				t.Errorf("stats after merge %+v, before %+v", st, beforeStats)
			}
			for e, err := range db.Neighbors(ctx, c.into, graph.Both) {
				if err != nil {
					t.Fatal(err)
				}
				if e.From == c.from || e.To == c.from {
					t.Errorf("edge %+v still names the merged node", e)
				}
			}

			srep, err := db.Split(ctx, c.into, c.from)
			if err != nil {
				t.Fatalf("Split: %v", err)
			}
			if srep.Restored != c.moved+c.dropped || srep.Gone != 0 {
				t.Errorf("split report %+v", srep)
			}
			mustBeClean(t, db)
			if got := graphtest.DumpOf(t, db); !reflect.DeepEqual(got, before) {
				t.Errorf("graph after merge and split differs:\n got %+v\nwant %+v", got, before)
			}
			if got := stats(t, db); !reflect.DeepEqual(got, beforeStats) {
				t.Errorf("stats after merge and split %+v, want %+v", got, beforeStats)
			}
			if ms, err := db.Merges(ctx); err != nil || len(ms) != 0 {
				t.Errorf("Merges after split = %v, %v", ms, err)
			}
		})
	}
}

func TestLaterWritesOfAMergedNodeLandOnItsTarget(t *testing.T) {
	ctx := context.Background()
	db := openTemp(t, store.Options{})
	stories := vellStories()
	mustWrite(t, db, stories[0].sub, stories[1].sub)
	if _, err := db.Merge(ctx, kamran, vell); err != nil {
		t.Fatal(err)
	}
	ms, err := db.Merges(ctx)
	if err != nil || len(ms) != 1 || ms[0].From != vell || ms[0].Into != kamran || ms[0].Node.Name != "Vell" {
		t.Fatalf("Merges = %+v, %v", ms, err)
	}
	later := newStory("Vell later", `Vell said "Harbour fees will double."`)
	v := later.entity(graph.Person, "Vell")
	claim := later.claim(v, "Harbour fees will double")
	original := slices.Clone(later.sub.Nodes)
	mustWrite(t, db, later.sub)
	if !reflect.DeepEqual(later.sub.Nodes, original) {
		t.Error("Write changed the caller's subgraph")
	}
	mustBeClean(t, db)
	if _, err := db.Node(ctx, vell); !errors.Is(err, graph.ErrNotFound) {
		t.Errorf("a later write recreated the merged node (%v)", err)
	}
	said := 0
	for e, err := range db.Neighbors(ctx, kamran, graph.Out, graph.Said) {
		if err != nil {
			t.Fatal(err)
		}
		if e.To == claim && e.Article == later.id() {
			said++
		}
	}
	if said != 1 {
		t.Errorf("the later claim is not said by the merge target")
	}

	// split: the merge's edges go back, the later ones stay on the target
	rep, err := db.Split(ctx, kamran, vell)
	if err != nil {
		t.Fatal(err)
	}
	mustBeClean(t, db)
	if rep.Restored == 0 {
		t.Errorf("split report %+v", rep)
	}
	if got := lookup(t, db, "K. Vell"); !slices.Equal(got, []string{vell}) {
		t.Errorf(`Lookup("K. Vell") after split = %v`, got)
	}
	// and later writes of the split node land on it again
	again := newStory("Vell once more", `Vell said "Fares fall in June."`)
	again.entity(graph.Person, "Vell")
	mustWrite(t, db, again.sub)
	mustBeClean(t, db)
	n := 0
	for e, err := range db.Neighbors(ctx, vell, graph.In, graph.Mentions) {
		if err != nil {
			t.Fatal(err)
		}
		if e.Article == again.id() {
			n++
		}
	}
	if n != 1 {
		t.Errorf("a write after the split did not land on the split node")
	}
}

func TestMergesOfMergesAreFollowed(t *testing.T) {
	ctx := context.Background()
	db := openTemp(t, store.Options{})
	mustWrite(t, db, subsOf(vellStories())...)
	mustWrite(t, db, graph.Subgraph{Nodes: []graph.Node{{ID: "person/k-vell", Kind: graph.Person, Name: "K Vell"}}})
	if _, err := db.Merge(ctx, vell, "person/k-vell"); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Merge(ctx, kamran, vell); err != nil {
		t.Fatal(err)
	}
	mustWrite(t, db, graph.Subgraph{Nodes: []graph.Node{{ID: "person/k-vell", Kind: graph.Person, Name: "K Vell"}}})
	mustBeClean(t, db)
	if got := lookup(t, db, "K Vell"); !slices.Equal(got, []string{kamran}) {
		t.Errorf(`Lookup("K Vell") = %v, want the end of the chain`, got)
	}
	if _, err := db.Split(ctx, vell, "person/k-vell"); err == nil || !strings.Contains(err.Error(), "merged into "+kamran) {
		t.Errorf("split out of a node merged away = %v, want it to name %s", err, kamran)
	}
}

func TestForgetAfterMergeAndThenSplit(t *testing.T) {
	ctx := context.Background()
	db := openTemp(t, store.Options{})
	stories := vellStories()
	mustWrite(t, db, subsOf(stories)...)
	if _, err := db.Merge(ctx, kamran, vell); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Forget(ctx, stories[2].id()); err != nil {
		t.Fatal(err)
	}
	mustBeClean(t, db)
	rep, err := db.Split(ctx, kamran, vell)
	if err != nil {
		t.Fatal(err)
	}
	mustBeClean(t, db)
	if rep.Gone != 2 {
		t.Errorf("split report %+v, want the 2 edges of the forgotten article gone", rep)
	}
	sameGraph(t, db, subsOf(stories, 0, 1))
}

func TestMergeAndSplitRefuseWhatCannotBeDone(t *testing.T) {
	claim := graph.ClaimID("The port tax is unfair")
	for _, c := range []struct {
		name       string
		run        func(ctx context.Context, db *store.DB) error
		is         error
		text       string
		mergeFirst bool
	}{
		{"a claim cannot merge with a person", func(ctx context.Context, db *store.DB) error {
			_, err := db.Merge(ctx, kamran, claim)
			return err
		}, store.ErrCannotMerge, "only entities", false},
		{"a person cannot merge into a party", func(ctx context.Context, db *store.DB) error {
			_, err := db.Merge(ctx, pln, vell)
			return err
		}, store.ErrCannotMerge, "(person) into party/pln (party)", false},
		{"a node cannot merge with itself", func(ctx context.Context, db *store.DB) error {
			_, err := db.Merge(ctx, vell, vell)
			return err
		}, store.ErrCannotMerge, "with itself", false},
		{"an unknown node cannot merge", func(ctx context.Context, db *store.DB) error {
			_, err := db.Merge(ctx, kamran, "person/nobody-at-all")
			return err
		}, graph.ErrNotFound, "person/nobody-at-all", false},
		{"a merged node cannot merge again", func(ctx context.Context, db *store.DB) error {
			_, err := db.Merge(ctx, pln, vell)
			return err
		}, graph.ErrNotFound, "was merged into " + kamran, true},
		{"a node that was not merged cannot be split", func(ctx context.Context, db *store.DB) error {
			_, err := db.Split(ctx, kamran, pln)
			return err
		}, store.ErrNotMerged, "not merged", true},
		{"a split must name the merge target", func(ctx context.Context, db *store.DB) error {
			_, err := db.Split(ctx, pln, vell)
			return err
		}, store.ErrNotMerged, "merged into " + kamran + ", not into " + pln, true},
	} {
		t.Run(c.name, func(t *testing.T) {
			ctx := context.Background()
			db := openTemp(t, store.Options{})
			mustWrite(t, db, subsOf(vellStories())...)
			if c.mergeFirst {
				if _, err := db.Merge(ctx, kamran, vell); err != nil {
					t.Fatal(err)
				}
			}
			before := graphtest.DumpOf(t, db)
			err := c.run(ctx, db)
			if !errors.Is(err, c.is) || !strings.Contains(err.Error(), c.text) {
				t.Errorf("error %v, want %v containing %q", err, c.is, c.text)
			}
			if !reflect.DeepEqual(graphtest.DumpOf(t, db), before) {
				t.Error("a refused merge or split changed the graph")
			}
			mustBeClean(t, db)
		})
	}
}
