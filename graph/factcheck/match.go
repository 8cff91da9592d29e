package factcheck

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/similar"
)

// match is the claim a review was matched to; a zero claim is no match.
type match struct {
	claim graph.Node
	score float64
	rule  string
}

// better reports whether m beats o: a higher score, then the smaller ID.
func (m match) better(o match) bool {
	if o.claim.ID == "" || m.score != o.score {
		return m.score > o.score
	}
	return m.claim.ID < o.claim.ID
}

// match finds the claim a review rates: exact text, then the claimant's
// claims, then the word index.
func (l *linker) match(ctx context.Context, rv Review, speakers []graph.Node) (match, error) {
	if n, ok, err := l.node(ctx, graph.ClaimID(rv.ClaimText)); err != nil || ok {
		return match{claim: n, score: 1, rule: RuleExact}, err
	}
	sh := similar.Of(comparable(rv.ClaimText, rv.Claimant))
	best, err := l.bySpeaker(ctx, sh, speakers)
	if err != nil || best.score >= l.opt.SpeakerThreshold {
		return best, err
	}
	return l.byIndex(ctx, rv, sh, speakers)
}

// bySpeaker scores the claims the speakers said (stored and planned).
func (l *linker) bySpeaker(ctx context.Context, sh []uint64, speakers []graph.Node) (match, error) {
	var best match
	seen := map[string]bool{}
	for _, sp := range speakers {
		ids := slices.Clone(l.said[sp.ID])
		for e, err := range l.r.Neighbors(ctx, sp.ID, graph.Out, graph.Said) {
			if err != nil {
				return match{}, fmt.Errorf("claims of %s: %w", sp.ID, err)
			}
			ids = append(ids, e.To)
		}
		for _, id := range ids {
			if seen[id] {
				continue
			}
			seen[id] = true
			m, err := l.score(ctx, id, sh, RuleSpeaker)
			if err != nil {
				return match{}, err
			}
			if m.better(best) {
				best = m
			}
		}
	}
	return best, nil
}

// byIndex scores the claims holding the review's longest words, keeping
// only those at or above the index threshold that may be linked: any claim
// when the review names no claimant, else a claim with no speaker.
func (l *linker) byIndex(ctx context.Context, rv Review, sh []uint64, speakers []graph.Node) (match, error) {
	if l.s == nil {
		return match{}, nil
	}
	var best match
	seen := map[string]bool{}
	for _, w := range indexWords(comparable(rv.ClaimText, rv.Claimant)) {
		n := 0
		for id, err := range l.s.SearchClaims(ctx, w) {
			if err != nil {
				return match{}, fmt.Errorf("search %q: %w", w, err)
			}
			if n++; n > maxIndexCandidates {
				break
			}
			if seen[id] {
				continue
			}
			seen[id] = true
			m, err := l.score(ctx, id, sh, RuleIndex)
			if err != nil {
				return match{}, err
			}
			if m.score < l.opt.IndexThreshold || !m.better(best) {
				continue
			}
			if ok, err := l.mayTake(ctx, id, rv); err != nil || !ok {
				if err != nil {
					return match{}, err
				}
				continue
			}
			best = m
		}
	}
	return best, nil
}

// mayTake reports whether a claim found through the index may be linked
// to rv: always when rv names no claimant, else only when nobody said it
// (a claim said by someone else is that speaker's, not the claimant's).
func (l *linker) mayTake(ctx context.Context, claim string, rv Review) (bool, error) {
	if rv.Claimant == "" {
		return true, nil
	}
	spk, err := l.speakersOf(ctx, claim)
	return len(spk) == 0, err
}

// score compares a claim's text with the review's shingles.
func (l *linker) score(ctx context.Context, id string, sh []uint64, rule string) (match, error) {
	n, ok, err := l.node(ctx, id)
	if err != nil || !ok || n.Kind != graph.Claim {
		return match{}, err
	}
	return match{claim: n, score: similar.Score(sh, similar.Of(n.Text)), rule: rule}, nil
}

// reportCues are the verbs after which a fact-checker's summary of a claim
// starts ("Says the harbour tax ...", "Quist claims that ...").
var reportCues = map[string]bool{
	"says": true, "said": true, "claims": true, "claimed": true, "states": true,
	"stated": true, "asserts": true, "asserted": true, "suggests": true, "alleges": true,
}

// comparable is the part of a reviewed text compared with claims. A
// fact-checker's summary "Says …" or "<claimant> claims that …" loses its
// opening: a reporting verb among the first six words, the words before it
// when they all belong to the claimant's name (or are a pronoun), and a
// "that" after it. "Nobody says the count was fair" keeps every word.
func comparable(text, claimant string) string {
	words := similar.Words(text)
	names := map[string]bool{"he": true, "she": true, "they": true, "it": true}
	for _, w := range similar.Words(claimant) {
		names[w] = true
	}
	for i := 0; i < len(words) && i < 6; i++ {
		if reportCues[words[i]] {
			rest := words[i+1:]
			if len(rest) > 0 && rest[0] == "that" {
				rest = rest[1:]
			}
			if len(rest) >= 3 {
				return strings.Join(rest, " ")
			}
			break
		}
		if !names[words[i]] {
			break
		}
	}
	return strings.Join(words, " ")
}

// commonWords are words the store's word index leaves out (a query of
// one of them alone would scan every claim), and others too common to
// narrow a search.
var commonWords = map[string]bool{
	"been": true, "from": true, "have": true, "that": true, "their": true, "them": true,
	"they": true, "this": true, "were": true, "which": true, "will": true, "with": true,
	"would": true, "said": true, "says": true, "there": true, "what": true, "when": true,
	"about": true, "into": true, "than": true, "then": true, "these": true, "those": true,
	"could": true, "should": true, "only": true, "more": true, "most": true, "some": true,
}

// indexWords picks the longest distinct words of a text (four letters or
// more, not common, longest first) to look up in the word index: long
// words are rare, so their posting lists are short.
func indexWords(text string) []string {
	var ws []string
	for _, w := range strings.Fields(text) {
		if len([]rune(w)) >= 4 && !commonWords[w] && !slices.Contains(ws, w) {
			ws = append(ws, w)
		}
	}
	slices.SortStableFunc(ws, func(a, b string) int { return cmp.Compare(len(b), len(a)) })
	return ws[:min(len(ws), maxIndexWords)]
}
