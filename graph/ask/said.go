package ask

import (
	"context"
	"fmt"
	"iter"
	"slices"

	"github.com/claimgraph/claimgraph/graph"
)

// SaidQuery selects claims with their speakers. Empty fields do not filter.
type SaidQuery struct {
	By      string // a speaker's name, alias or ID
	About   string // an entity the claim is about
	Since   string // earliest article date, YYYY-MM-DD
	Until   string // latest article date, YYYY-MM-DD
	Article string // an article ID
}

// SaidRow is one said edge with the nodes it joins and the article it came
// from; Edge carries the byte span and the evidence sentence.
type SaidRow struct {
	Speaker graph.Node
	Claim   graph.Node
	Article graph.Node
	Edge    graph.Edge
}

// Said yields every said edge that q selects. With By it walks the
// speakers' out-edges; with only About it walks the entity's in-coming about
// edges; with neither it walks every said edge. Rows come in index order
// (speaker ID, claim ID, article), so a caller that stops early reads little.
func Said(ctx context.Context, r graph.Reader, q SaidQuery) iter.Seq2[SaidRow, error] {
	return func(yield func(SaidRow, error) bool) {
		s := &saidScan{r: r, q: q, nodes: newNodeCache(r)}
		if err := s.run(ctx, yield); err != nil {
			yield(SaidRow{}, err)
		}
	}
}

type saidScan struct {
	r       graph.Reader
	q       SaidQuery
	nodes   *nodeCache
	aboutID map[string]bool
	stopped bool
}

func (s *saidScan) run(ctx context.Context, yield func(SaidRow, error) bool) error {
	if s.q.About != "" {
		about, err := Resolve(ctx, s.r, s.q.About)
		if err != nil {
			return err
		}
		s.aboutID = map[string]bool{}
		for _, n := range about {
			s.aboutID[n.ID] = true
		}
	}
	switch {
	case s.q.By != "":
		speakers, err := Resolve(ctx, s.r, s.q.By, speakerKinds...)
		if err != nil {
			return err
		}
		for _, sp := range speakers {
			if err := s.fromSpeaker(ctx, sp.ID, yield); err != nil || s.stopped {
				return err
			}
		}
		return nil
	case s.aboutID != nil:
		return s.fromAbout(ctx, yield)
	default:
		return s.fromEverySpeaker(ctx, yield)
	}
}

// fromEverySpeaker walks the speakers from the kind index, kind by kind in
// name order (which is ID order), so that no article or claim is read.
func (s *saidScan) fromEverySpeaker(ctx context.Context, yield func(SaidRow, error) bool) error {
	kinds := slices.Clone(speakerKinds)
	slices.Sort(kinds)
	for _, k := range kinds {
		for sp, err := range s.r.NodesOfKind(ctx, k) {
			if err != nil {
				return err
			}
			if err := s.fromSpeaker(ctx, sp.ID, yield); err != nil || s.stopped {
				return err
			}
		}
	}
	return nil
}

// fromSpeaker yields the selected said edges out of one speaker.
func (s *saidScan) fromSpeaker(ctx context.Context, id string, yield func(SaidRow, error) bool) error {
	for e, err := range s.r.Neighbors(ctx, id, graph.Out, graph.Said) {
		if err != nil {
			return err
		}
		if err := s.emit(ctx, e, yield); err != nil || s.stopped {
			return err
		}
	}
	return nil
}

// fromAbout yields the said edges into claims about the selected entities.
func (s *saidScan) fromAbout(ctx context.Context, yield func(SaidRow, error) bool) error {
	ids := make([]string, 0, len(s.aboutID))
	for id := range s.aboutID {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	seen := map[string]bool{}
	for _, id := range ids {
		for ab, err := range s.r.Neighbors(ctx, id, graph.In, graph.About) {
			if err != nil {
				return err
			}
			if seen[ab.From] {
				continue
			}
			seen[ab.From] = true
			for e, err := range s.r.Neighbors(ctx, ab.From, graph.In, graph.Said) {
				if err != nil {
					return err
				}
				if err := s.emit(ctx, e, yield); err != nil || s.stopped {
					return err
				}
			}
		}
	}
	return nil
}

func (s *saidScan) emit(ctx context.Context, e graph.Edge, yield func(SaidRow, error) bool) error {
	if s.q.Article != "" && e.Article != s.q.Article {
		return nil
	}
	row := SaidRow{Edge: e}
	var err error
	if row.Article, err = s.articleOf(ctx, e); err != nil {
		return err
	}
	if !inRange(row.Article.Date, s.q.Since, s.q.Until) {
		return nil
	}
	if s.aboutID != nil && s.q.By != "" {
		ok, err := s.isAbout(ctx, e.To)
		if err != nil || !ok {
			return err
		}
	}
	if row.Speaker, err = s.nodes.get(ctx, e.From); err != nil {
		return err
	}
	if row.Claim, err = s.nodes.get(ctx, e.To); err != nil {
		return err
	}
	if !yield(row, nil) {
		s.stopped = true
	}
	return nil
}

func (s *saidScan) articleOf(ctx context.Context, e graph.Edge) (graph.Node, error) {
	if e.Article == "" {
		return graph.Node{}, nil
	}
	a, err := s.nodes.get(ctx, e.Article)
	if err != nil {
		return graph.Node{}, fmt.Errorf("article of %s -> %s: %w", e.From, e.To, err)
	}
	a.Text = "" // rows never need the article body
	return a, nil
}

func (s *saidScan) isAbout(ctx context.Context, claim string) (bool, error) {
	for e, err := range s.r.Neighbors(ctx, claim, graph.Out, graph.About) {
		if err != nil {
			return false, err
		}
		if s.aboutID[e.To] {
			return true, nil
		}
	}
	return false, nil
}

// inRange reports whether date lies in [since, until]; an empty bound is
// open, and an undated article passes only when no bound is set.
func inRange(date, since, until string) bool {
	if since == "" && until == "" {
		return true
	}
	if date == "" {
		return false
	}
	return (since == "" || date >= since) && (until == "" || date[:min(len(date), len(until))] <= until)
}
