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

// story builds an invented article's subgraph: entities it mentions and
// claims said in it, each with its evidence in the text.
type story struct {
	sub  graph.Subgraph
	text string
}

func newStory(title string, sentences ...string) *story {
	text := strings.Join(sentences, " ")
	id := graph.ArticleID([]byte(title + "\n" + text))
	s := &story{text: text}
	s.sub = graph.Subgraph{Article: id, Nodes: []graph.Node{{ID: id, Kind: graph.Article, Name: title, Title: title, Text: text, Source: strings.ToLower(strings.ReplaceAll(title, " ", "-")) + ".txt"}}}
	return s
}

func (s *story) id() string { return s.sub.Article }

// span returns the byte span of the first sentence of the text holding
// word.
func (s *story) span(word string) (int, int, string) {
	i := strings.Index(s.text, word)
	if i < 0 {
		return 0, 0, ""
	}
	start := strings.LastIndex(s.text[:i], ". ") + 1
	if start > 0 {
		start++
	}
	end := strings.Index(s.text[i:], ".")
	if end < 0 {
		end = len(s.text) - i
	}
	return start, i + end + 1, s.text[start : i+end+1]
}

// entity adds an entity the article mentions and returns its ID.
func (s *story) entity(k graph.Kind, name string, aliases ...string) string {
	id := graph.EntityID(k, name)
	s.sub.Nodes = append(s.sub.Nodes, graph.Node{ID: id, Kind: k, Name: name, Aliases: aliases})
	start, end, ev := s.span(name)
	s.sub.Edges = append(s.sub.Edges, graph.Edge{From: s.id(), Rel: graph.Mentions, To: id, Article: s.id(),
		Start: start, End: end, Evidence: ev, Rule: "mention", Confidence: 0.9})
	return id
}

// claim adds a claim said by speaker and returns its ID.
func (s *story) claim(speaker, text string) string {
	id := graph.ClaimID(text)
	s.sub.Nodes = append(s.sub.Nodes, graph.Node{ID: id, Kind: graph.Claim, Name: text, Text: text, Direct: true})
	s.edge(speaker, graph.Said, id, text)
	return id
}

// edge adds an edge whose evidence is the sentence holding word.
func (s *story) edge(from string, rel graph.Rel, to, word string) {
	start, end, ev := s.span(word)
	s.sub.Edges = append(s.sub.Edges, graph.Edge{From: from, Rel: rel, To: to, Article: s.id(),
		Start: start, End: end, Evidence: ev, Rule: "test-" + string(rel), Confidence: 0.75})
}

// harbourStories are three invented articles sharing a person, a party
// and a claim.
func harbourStories() []*story {
	a := newStory("Bridge vote",
		`Mira Castell said "The harbour bridge will open in May."`,
		"The Lantern Party backs her. Port Selby waits.")
	mira := a.entity(graph.Person, "Mira Castell")
	lantern := a.entity(graph.Party, "Lantern Party")
	a.entity(graph.Place, "Port Selby")
	c := a.claim(mira, "The harbour bridge will open in May")
	a.edge(c, graph.About, graph.EntityID(graph.Place, "Port Selby"), "Port Selby")
	a.edge(mira, graph.MemberOf, lantern, "Lantern Party")

	b := newStory("Budget row",
		"Mira Castell spoke again.",
		`She said "Taxes on ferries must fall."`)
	b.entity(graph.Person, "Mira Castell")
	b.claim(mira, "Taxes on ferries must fall")

	d := newStory("Rival view",
		`Oren Vasko said "The harbour bridge will open in May."`,
		"The Lantern Party disagreed.")
	oren := d.entity(graph.Person, "Oren Vasko")
	d.entity(graph.Party, "Lantern Party")
	d.claim(oren, "The harbour bridge will open in May")
	return []*story{a, b, d}
}

func subsOf(stories []*story, keep ...int) []graph.Subgraph {
	var out []graph.Subgraph
	for i, s := range stories {
		if len(keep) == 0 || slices.Contains(keep, i) {
			out = append(out, s.sub)
		}
	}
	return out
}

// mustBeClean fails the test unless Check finds nothing wrong.
func mustBeClean(t *testing.T, db *store.DB) {
	t.Helper()
	rep, err := db.Check(context.Background())
	if err != nil {
		t.Fatalf("Check: %v", err)
	}
	if !rep.OK() {
		t.Fatalf("Check found problems:\n%s", rep.String())
	}
}

func stats(t *testing.T, db *store.DB) store.Stats {
	t.Helper()
	st, err := db.Stats(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return st
}

// sameGraph fails unless db holds what a fresh database written with
// subs holds: nodes, edges and counters.
func sameGraph(t *testing.T, db *store.DB, subs []graph.Subgraph) {
	t.Helper()
	want := openTemp(t, store.Options{})
	if len(subs) > 0 {
		mustWrite(t, want, subs...)
	}
	if got, exp := graphtest.DumpOf(t, db), graphtest.DumpOf(t, want); !reflect.DeepEqual(got, exp) {
		t.Errorf("graph differs from one written without the forgotten articles:\n got %+v\nwant %+v", got, exp)
	}
	if got, exp := stats(t, db), stats(t, want); !reflect.DeepEqual(got, exp) {
		t.Errorf("stats %+v, want %+v", got, exp)
	}
}

func TestForgetLeavesWhatAFreshWriteOfTheOthersWouldHold(t *testing.T) {
	for _, c := range []struct {
		name   string
		forget []int // stories forgotten, in order
	}{
		{"forgetting an article keeps the person, party and claim others support", []int{0}},
		{"forgetting the only article of a claim removes the claim", []int{1}},
		{"forgetting the last article naming a person removes the person", []int{2}},
		{"forgetting two articles one after the other", []int{0, 2}},
		{"forgetting every article empties the graph", []int{1, 0, 2}},
	} {
		t.Run(c.name, func(t *testing.T) {
			ctx := context.Background()
			stories := harbourStories()
			db := openTemp(t, store.Options{})
			mustWrite(t, db, subsOf(stories)...)
			var left []int
			for i := range stories {
				if !slices.Contains(c.forget, i) {
					left = append(left, i)
				}
			}
			for _, i := range c.forget {
				rep, err := db.Forget(ctx, stories[i].id())
				if err != nil {
					t.Fatalf("Forget(%d): %v", i, err)
				}
				if rep.Nodes == 0 || rep.Edges == 0 {
					t.Errorf("Forget(%d) reports %+v", i, rep)
				}
				mustBeClean(t, db)
			}
			if len(left) == 0 {
				left = []int{-1}
			}
			sameGraph(t, db, subsOf(stories, left...))
		})
	}
}

func TestForgetReportsWhatItRemoved(t *testing.T) {
	ctx := context.Background()
	stories := harbourStories()
	db := openTemp(t, store.Options{})
	mustWrite(t, db, subsOf(stories)...)
	rep, err := db.Forget(ctx, stories[1].id())
	if err != nil {
		t.Fatal(err)
	}
	want := []string{stories[1].id(), graph.ClaimID("Taxes on ferries must fall")}
	slices.Sort(want)
	if !slices.Equal(rep.Removed, want) || rep.Edges != 2 || rep.Kept != 1 {
		t.Errorf("report %+v; want removed %v, 2 edges, 1 kept", rep, want)
	}
	for id, err := range db.SearchClaims(ctx, "ferries") {
		t.Errorf("search still finds %s (%v)", id, err)
	}
	if _, err := db.Node(ctx, graph.EntityID(graph.Person, "Mira Castell")); err != nil {
		t.Errorf("the person another article supports is gone: %v", err)
	}
}

func TestAForgottenArticleCanBeWrittenAgain(t *testing.T) {
	ctx := context.Background()
	stories := harbourStories()
	db := openTemp(t, store.Options{})
	mustWrite(t, db, subsOf(stories)...)
	before := graphtest.DumpOf(t, db)
	if _, err := db.Forget(ctx, stories[0].id()); err != nil {
		t.Fatal(err)
	}
	st := mustWrite(t, db, stories[0].sub)
	if st.Articles != 1 {
		t.Errorf("rewrite stats %+v, want one new article", st)
	}
	mustBeClean(t, db)
	if got := graphtest.DumpOf(t, db); !reflect.DeepEqual(got, before) {
		t.Errorf("graph after forget and rewrite differs from the original")
	}
}

func TestForgetKeepsNodesWithEdgesOfAnImport(t *testing.T) {
	ctx := context.Background()
	stories := harbourStories()
	db := openTemp(t, store.Options{})
	mustWrite(t, db, stories[0].sub)
	// an import (no article) adds an edge without provenance at the place
	place := graph.EntityID(graph.Place, "Port Selby")
	region := graph.Node{ID: graph.EntityID(graph.Place, "Selby Coast"), Kind: graph.Place, Name: "Selby Coast"}
	claim := graph.ClaimID("The harbour bridge will open in May")
	mustWrite(t, db, graph.Subgraph{Nodes: []graph.Node{region},
		Edges: []graph.Edge{{From: claim, Rel: graph.About, To: region.ID}}})
	rep, err := db.Forget(ctx, stories[0].id())
	if err != nil {
		t.Fatal(err)
	}
	mustBeClean(t, db)
	if _, err := db.Node(ctx, claim); err != nil {
		t.Errorf("the claim the import's edge still uses went with the article: %v", err)
	}
	if _, err := db.Node(ctx, place); !errors.Is(err, graph.ErrNotFound) {
		t.Errorf("the place only the article supported is still there (%v)", err)
	}
	if rep.Kept != 1 {
		t.Errorf("report %+v, want 1 node kept", rep)
	}
}

func TestForgetRefusesWhatIsNoStoredArticle(t *testing.T) {
	ctx := context.Background()
	stories := harbourStories()
	db := openTemp(t, store.Options{})
	mustWrite(t, db, subsOf(stories)...)
	before := graphtest.DumpOf(t, db)
	for _, id := range []string{"article/0123456789abcdef", graph.EntityID(graph.Person, "Mira Castell"), "nonsense"} {
		if _, err := db.Forget(ctx, id); !errors.Is(err, graph.ErrNotFound) {
			t.Errorf("Forget(%q) = %v, want not found", id, err)
		}
	}
	if !reflect.DeepEqual(graphtest.DumpOf(t, db), before) {
		t.Error("a refused Forget changed the graph")
	}
}
