package store

import (
	"fmt"
	"math/rand/v2"
	"strings"

	"github.com/claimgraph/claimgraph/graph"
)

// synth makes deterministic articles shaped like the news the store is
// built for: about 4 KB of text, about ten claims and ten entities, people
// and parties drawn from a Zipf population so that hubs exist.
type synth struct {
	rng    *rand.Rand
	people *rand.Zipf
	groups *rand.Zipf
	places *rand.Zipf
	vocab  []string
	n      int
}

func newSynth(seed uint64) *synth {
	rng := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	s := &synth{
		rng:    rng,
		people: rand.NewZipf(rng, 1.1, 2, 20_000-1),
		groups: rand.NewZipf(rng, 1.2, 2, 400-1),
		places: rand.NewZipf(rng, 1.2, 2, 2_000-1),
	}
	syll := []string{"ka", "lo", "mi", "ren", "sa", "to", "vi", "nu", "pe", "dor", "an", "es", "ul", "ber", "ith"}
	for i := 0; i < 3000; i++ {
		w := syll[i%len(syll)] + syll[(i/len(syll))%len(syll)]
		if i >= 225 {
			w += syll[(i/225)%len(syll)]
		}
		s.vocab = append(s.vocab, w)
	}
	return s
}

func (s *synth) name(kind string, i uint64) string {
	first := []string{"Ada", "Bram", "Cleo", "Dario", "Esme", "Farid", "Greta", "Hugo", "Ines", "Jonas"}
	last := []string{"Varga", "Lindqvist", "Okoro", "Mensah", "Duarte", "Kowalski", "Haddad", "Novak", "Ferreira", "Sato"}
	switch kind {
	case "person":
		return fmt.Sprintf("%s %s%d", first[i%10], last[(i/10)%10], i/100)
	case "party":
		return fmt.Sprintf("Union of %s %d Party", title(s.vocab[i%3000]), i)
	}
	return fmt.Sprintf("%s Town %d", title(s.vocab[(i*7)%3000]), i)
}

func (s *synth) words(n int) string {
	ws := make([]string, n)
	for i := range ws {
		ws[i] = s.vocab[int(s.rng.ExpFloat64()*300)%len(s.vocab)]
	}
	return strings.Join(ws, " ")
}

// article returns the next synthetic article's subgraph.
func (s *synth) article() graph.Subgraph {
	s.n++
	var text strings.Builder
	fmt.Fprintf(&text, "date 2024-%02d-%02d\n", 1+s.n%12, 1+s.n%28)
	type ent struct {
		n    graph.Node
		span [2]int
		sent string
	}
	var ents []ent
	var nodes []graph.Node
	var edges []graph.Edge
	add := func(k graph.Kind, name string, alias string) int {
		id := graph.EntityID(k, name)
		for i, e := range ents {
			if e.n.ID == id {
				return i
			}
		}
		n := graph.Node{ID: id, Kind: k, Name: name}
		if alias != "" {
			n.Aliases = []string{alias}
		}
		ents = append(ents, ent{n: n, span: [2]int{-1, -1}})
		return len(ents) - 1
	}
	sentence := func(sb string) (int, string) {
		start := text.Len()
		text.WriteString(sb)
		text.WriteString(" ")
		return start, sb
	}
	type said struct {
		speaker, about int
		claim          string
		start          int
		sent           string
		direct         bool
	}
	var claims []said
	// five speakers say two claims each, about five other entities
	var speakers, topics []int
	for len(speakers) < 5 {
		pn := s.name("person", s.people.Uint64())
		speakers = append(speakers, add(graph.Person, pn, strings.Fields(pn)[1]))
	}
	for len(topics) < 5 {
		if len(topics)%2 == 0 {
			g := s.groups.Uint64()
			topics = append(topics, add(graph.Party, s.name("party", g), fmt.Sprintf("UP%d", g)))
		} else {
			topics = append(topics, add(graph.Place, s.name("place", s.places.Uint64()), ""))
		}
	}
	for c := 0; c < 10; c++ {
		sp, ab := speakers[c%5], topics[(c/2)%5]
		pn := ents[sp].n.Name
		claim := s.words(6 + s.rng.IntN(8))
		direct := s.rng.IntN(3) > 0
		var sent string
		if direct {
			sent = fmt.Sprintf("%s said \"%s\" about %s.", pn, claim, ents[ab].n.Name)
		} else {
			sent = fmt.Sprintf("%s claimed that %s in %s.", pn, claim, ents[ab].n.Name)
		}
		start, sent := sentence(sent)
		for _, i := range []int{sp, ab} {
			if ents[i].span[0] < 0 {
				ents[i].span = [2]int{start, start + len(ents[i].n.Name)}
				ents[i].sent = sent
			}
		}
		claims = append(claims, said{sp, ab, claim, start + strings.Index(sent, claim), sent, direct})
		sentence(s.words(40) + ".")
	}
	for text.Len() < 4000 {
		sentence(s.words(20) + ".")
	}
	body := text.String()
	art := graph.Node{ID: graph.ArticleID([]byte(body)), Kind: graph.Article, Name: fmt.Sprintf("Report %d", s.n),
		Title: fmt.Sprintf("Report %d", s.n), Date: fmt.Sprintf("2024-%02d-%02d", 1+s.n%12, 1+s.n%28),
		Source: fmt.Sprintf("gen/%06d.txt", s.n), Text: body}
	nodes = append(nodes, art)
	for _, e := range ents {
		nodes = append(nodes, e.n)
		edges = append(edges, graph.Edge{From: art.ID, Rel: graph.Mentions, To: e.n.ID, Article: art.ID,
			Start: e.span[0], End: e.span[1], Evidence: e.sent, Rule: "mention", Confidence: 0.95})
	}
	for i, c := range claims {
		id := graph.ClaimID(c.claim)
		nodes = append(nodes, graph.Node{ID: id, Kind: graph.Claim, Name: c.claim, Text: c.claim, Direct: c.direct})
		rule := "quote-cue"
		if !c.direct {
			rule = "reported-cue"
		}
		edges = append(edges,
			graph.Edge{From: ents[c.speaker].n.ID, Rel: graph.Said, To: id, Article: art.ID, Start: c.start,
				End: c.start + len(c.claim), Evidence: c.sent, Rule: rule, Confidence: 0.9},
			graph.Edge{From: id, Rel: graph.About, To: ents[c.about].n.ID, Article: art.ID, Start: c.start,
				End: c.start + len(c.claim), Evidence: c.sent, Rule: "about-near", Confidence: 0.7})
		if i < 2 && ents[c.about].n.Kind == graph.Party {
			edges = append(edges, graph.Edge{From: ents[c.speaker].n.ID, Rel: graph.MemberOf, To: ents[c.about].n.ID,
				Article: art.ID, Start: c.start, End: c.start + 5, Role: "spokesperson", Evidence: c.sent, Rule: "role-of", Confidence: 0.8})
		}
	}
	return graph.Subgraph{Article: art.ID, Nodes: nodes, Edges: edges}
}

// title capitalises an ASCII word.
func title(w string) string { return strings.ToUpper(w[:1]) + w[1:] }
