package eval

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/extract"
)

// Options tune a run.
type Options struct {
	// Limit scores only the first Limit articles (by file name); 0 means all.
	Limit int
	// Verbose prints, per article, the annotated claims that were missed,
	// the extracted claims that matched nothing, and wrong speakers.
	Verbose bool
	// DirectOnly makes the verbose report cover the direct-quote tally
	// only: annotated contents holding a quotation mark against extracted
	// claims marked direct. A miss also names the nearest claim of any
	// kind, to tell a claim not found from one not marked direct.
	DirectOnly bool
	// Rules prints, after the report, each extraction rule's claims and
	// end-to-end precision (see RuleCount).
	Rules bool
	// RulesGo prints the rules' precision as the entries of
	// graph/extract's ruleConfidence table.
	RulesGo bool
	// Extract replaces extract.Extract (for tests).
	Extract func(graph.Node) graph.Subgraph
}

// Metrics are the scores of one tally (all attributions or direct quotes).
type Metrics struct {
	Gold, Pred, Matched int     // annotated claims, extracted claims, matched pairs
	P, R, F1            float64 // claim text matching
	SpeakerN, SpeakerOK int     // judged speakers, right ones
	SpeakerAcc          float64
	E2E                 int // matched with the speaker right or not judged
	E2EP, E2ER, E2EF1   float64
}

// Scores is the result of a run.
type Scores struct {
	Articles int
	Errors   int
	Seconds  float64 // time spent extracting
	Bytes    int64   // text extracted
	All      Metrics
	Direct   Metrics
	// Rules counts each rule's claims against all attributions.
	Rules map[string]RuleCount
}

// pred is an extracted claim as the ruler sees it.
type pred struct {
	id     string
	text   string
	direct bool
	names  []string
	rule   string // the rule of the first said edge, for verbose output
}

// Run scores extract.Extract on the PolNeAR-layout directory dir and
// writes the ruler's report lines to w.
func Run(ctx context.Context, dir string, w io.Writer, opts Options) (Scores, error) {
	var sc Scores
	names, err := articleNames(dir, opts.Limit)
	if err != nil {
		return sc, err
	}
	ex := opts.Extract
	if ex == nil {
		ex = extract.Extract
	}
	var all, direct tally
	rules := ruleTally{}
	var errs []string
	for _, fn := range names {
		if err := ctx.Err(); err != nil {
			return sc, fmt.Errorf("eval %s: %w", dir, err)
		}
		base := strings.TrimSuffix(fn, ".txt")
		golds, preds, dt, n, err := scoreArticle(dir, fn, ex)
		if err != nil {
			errs = append(errs, fmt.Sprintf("%s: %v", base, err))
			preds = nil
		}
		sc.Seconds += dt
		sc.Bytes += int64(n)
		all.add(golds, preds)
		rules.add(golds, preds)
		var dg []gold
		for _, g := range golds {
			if g.direct {
				dg = append(dg, g)
			}
		}
		var dp []pred
		for _, p := range preds {
			if p.direct {
				dp = append(dp, p)
			}
		}
		direct.add(dg, dp)
		switch {
		case opts.Verbose && opts.DirectOnly:
			explain(w, base, dg, dp, preds)
		case opts.Verbose:
			explain(w, base, golds, preds, nil)
		}
	}
	sc.Articles, sc.Errors = len(names), len(errs)
	for i, e := range errs {
		if i == 5 {
			break
		}
		fmt.Fprintln(w, "error:", e)
	}
	fmt.Fprintf(w, "articles=%d errors=%d ingest_seconds=%.2f\n", sc.Articles, sc.Errors, sc.Seconds)
	sc.All = all.report(w, "polnear all attributions")
	sc.Direct = direct.report(w, "polnear direct quotes")
	fmt.Fprintln(w, summaryJSON(sc))
	sc.Rules = map[string]RuleCount{}
	for r, c := range rules {
		sc.Rules[r] = *c
	}
	if opts.Rules {
		rules.writeRules(w)
	}
	if opts.RulesGo {
		rules.writeConfidenceGo(w)
	}
	return sc, nil
}

// articleNames lists text/*.txt sorted by name, at most limit of them.
func articleNames(dir string, limit int) ([]string, error) {
	ents, err := os.ReadDir(filepath.Join(dir, "text"))
	if err != nil {
		return nil, fmt.Errorf("eval: read the articles of %s: %w", dir, err)
	}
	var names []string
	for _, e := range ents {
		if !e.IsDir() && strings.HasSuffix(e.Name(), ".txt") {
			names = append(names, e.Name())
		}
	}
	slices.Sort(names)
	if limit > 0 && limit < len(names) {
		names = names[:limit]
	}
	return names, nil
}

// scoreArticle reads one article and its annotations and extracts its
// claims.
func scoreArticle(dir, fn string, ex func(graph.Node) graph.Subgraph) ([]gold, []pred, float64, int, error) {
	tpath := filepath.Join(dir, "text", fn)
	raw, err := os.ReadFile(tpath)
	if err != nil {
		return nil, nil, 0, 0, fmt.Errorf("read article: %w", err)
	}
	apath := filepath.Join(dir, "attributions", strings.TrimSuffix(fn, ".txt")+".ann")
	ann, err := os.ReadFile(apath)
	if err != nil {
		return nil, nil, 0, 0, fmt.Errorf("read annotations: %w", err)
	}
	golds, err := parseBrat(apath, string(ann), []rune(universalNewlines(string(raw))))
	if err != nil {
		return nil, nil, 0, 0, err
	}
	art := graph.Node{ID: graph.ArticleID(raw), Kind: graph.Article, Name: fn, Title: fn, Source: tpath, Text: string(raw)}
	t0 := time.Now()
	sg := ex(art)
	dt := time.Since(t0).Seconds()
	return golds, claimsOf(sg), dt, len(raw), nil
}

// claimsOf returns the claims of a subgraph as the ruler reads them from
// an export: every claim node in ID order, with the names and aliases of
// the nodes that said it.
func claimsOf(sg graph.Subgraph) []pred {
	nodes := map[string]graph.Node{}
	for _, n := range sg.Nodes {
		if old, ok := nodes[n.ID]; ok {
			old.Merge(n)
			n = old
		}
		nodes[n.ID] = n
	}
	said := map[string][]graph.Node{}
	rules := map[string]string{}
	for _, e := range sg.Edges {
		if e.Rel != graph.Said {
			continue
		}
		if _, ok := nodes[e.To]; ok {
			said[e.To] = append(said[e.To], nodes[e.From])
			if rules[e.To] == "" {
				rules[e.To] = e.Rule
			}
		}
	}
	ids := make([]string, 0, len(nodes))
	for id := range nodes {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	var out []pred
	for _, id := range ids {
		n := nodes[id]
		if n.Kind != graph.Claim {
			continue
		}
		text := n.Text
		if text == "" {
			text = n.Name
		}
		var names []string
		for _, s := range said[id] {
			for _, nm := range s.Names() {
				if nm != "" {
					names = append(names, nm)
				}
			}
		}
		out = append(out, pred{id: id, text: text, direct: n.Direct, names: names, rule: rules[id]})
	}
	return out
}

// summaryJSON prints the ruler's closing JSON line.
func summaryJSON(sc Scores) string {
	type kv struct {
		k string
		v float64
	}
	fields := []kv{{"polnear_all_f1", sc.All.F1}, {"polnear_all_e2e_f1", sc.All.E2EF1}, {"polnear_direct_f1", sc.Direct.F1},
		{"polnear_direct_e2e_f1", sc.Direct.E2EF1}, {"polnear_speaker_acc", sc.All.SpeakerAcc}}
	var b strings.Builder
	b.WriteByte('{')
	for _, f := range fields {
		k, _ := json.Marshal(f.k)
		fmt.Fprintf(&b, "%s: %s, ", k, pyFloat(round3(f.v)))
	}
	fmt.Fprintf(&b, "\"errors\": %d}", sc.Errors)
	return b.String()
}

// round3 rounds like Python's round(v, 3).
func round3(v float64) float64 {
	r, _ := strconv.ParseFloat(strconv.FormatFloat(v, 'f', 3, 64), 64)
	return r
}

// pyFloat formats v like Python's repr of a float.
func pyFloat(v float64) string {
	s := strconv.FormatFloat(v, 'g', -1, 64)
	if !strings.ContainsAny(s, ".eEn") {
		s += ".0"
	}
	return s
}
