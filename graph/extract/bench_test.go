package extract

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/claimgraph/claimgraph/graph"
)

// genArticle writes a synthetic news article in the style the extractor
// reads, about 4 KB like a typical news story: narrative paragraphs mixed
// with quotes before and after speakers, reported speech, acronyms,
// titles, possessives, numbers and dates.
func genArticle(r *rand.Rand) string {
	first := []string{"Jane", "Omar", "Lena", "Tariq", "Maria", "Viktor", "Amara", "Felix", "Noor", "Hugo"}
	last := []string{"Roe", "Castell", "Brandt", "Okafor", "Lindqvist", "Haddad", "Moreau", "Sato", "Quill", "Varga"}
	parties := []string{"Citizens Renewal Party (CRP)", "Northern Unity Front (NUF)", "Green Harbour League (GHL)"}
	acr := []string{"CRP", "NUF", "GHL"}
	cues := []string{"said", "told reporters", "added", "insisted", "warned", "argued", "wrote", "claimed"}
	narrative := []string{
		"The vote was held on a cold morning and turnout was lower than in previous years across most of the province.",
		"Officials spent much of the week counting ballots by hand after the electronic system failed in several districts.",
		"The result leaves the governing coalition with a narrow majority and a long list of unfinished business.",
		"Markets barely moved on the news, and the currency traded in a narrow range for most of the afternoon.",
		"Analysts expect the new cabinet to be sworn in before the end of the month, once the final tallies are certified.",
		"Several roads in the capital were closed on Tuesday as supporters gathered outside the electoral office.",
		"The budget debate is expected to dominate the next session, with spending on health and schools at its centre.",
	}
	person := func() string { return first[r.IntN(len(first))] + " " + last[r.IntN(len(last))] }
	var b strings.Builder
	fmt.Fprintf(&b, "date 2024-0%d-1%d\n\n", 1+r.IntN(9), r.IntN(9))
	p := r.IntN(len(parties))
	fmt.Fprintf(&b, "Leaders of the %s met on Tuesday in Valdora, where %s, the party's senior deputy leader, spoke.\n\n", parties[p], person())
	for k := 0; k < 24; k++ {
		if r.IntN(10) < 6 {
			fmt.Fprintf(&b, "%s %s\n\n", narrative[r.IntN(len(narrative))], narrative[r.IntN(len(narrative))])
			continue
		}
		sp := person()
		switch r.IntN(6) {
		case 0:
			fmt.Fprintf(&b, "“The vote was stolen from us and we will not accept it,” %s %s. “We have the numbers.”\n\n", sp, cues[r.IntN(len(cues))])
		case 1:
			fmt.Fprintf(&b, "%s %s that the %s had lost the trust of its voters after the 2019 elections.\n\n", sp, cues[r.IntN(len(cues))], acr[r.IntN(len(acr))])
		case 2:
			fmt.Fprintf(&b, "%s senior adviser %s said: \"Our mandate is real, and Mr. %s knows it.\"\n\n", acr[r.IntN(len(acr))], sp, last[r.IntN(len(last))])
		case 3:
			fmt.Fprintf(&b, "According to %s, the coalition will collapse before the March 3 polls. He dismissed the reports as rumours.\n\n", sp)
		case 4:
			fmt.Fprintf(&b, "In Dr. %s's view, the U.S. delegation arrived on Feb. 4 with 1,200 staff, a 3.5%% rise. The talks continued late into the night.\n\n", last[r.IntN(len(last))])
		default:
			fmt.Fprintf(&b, "“It is 100%% fake,” the governor is heard saying in the audio, which %s's team later confirmed.\n\n", sp)
		}
	}
	return b.String()
}

// BenchmarkExtract measures extraction speed in bytes of article text per
// second over a generated corpus.
func BenchmarkExtract(b *testing.B) {
	r := rand.New(rand.NewPCG(1, 2))
	var arts []graph.Node
	total := 0
	for len(arts) < 200 {
		t := genArticle(r)
		arts = append(arts, graph.Node{ID: graph.ArticleID([]byte(t)), Kind: graph.Article, Text: t})
		total += len(t)
	}
	runExtractBench(b, arts, total)
}

// runExtractBench extracts every article per iteration. Besides the
// wall-clock MB/s of SetBytes it reports MB per CPU-second of the process,
// which stays meaningful when other work shares the cores.
func runExtractBench(b *testing.B, arts []graph.Node, total int) {
	b.SetBytes(int64(total))
	cpu0 := cpuSeconds()
	n := 0
	for b.Loop() {
		for _, a := range arts {
			Extract(a)
		}
		n++
	}
	if cpu := cpuSeconds() - cpu0; cpu > 0 {
		b.ReportMetric(float64(total)*float64(n)/1e6/cpu, "MB/cpu-s")
	}
}

// cpuSeconds returns the user and system CPU time of the process.
func cpuSeconds() float64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return float64(ru.Utime.Nano()+ru.Stime.Nano()) / 1e9
}

// BenchmarkExtractDir measures extraction speed on the .txt files of
// $BENCH_DIR when it is set.
func BenchmarkExtractDir(b *testing.B) {
	dir := os.Getenv("BENCH_DIR")
	if dir == "" {
		b.Skip("BENCH_DIR not set")
	}
	files, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
	if len(files) == 0 {
		// go test runs in the package's directory: a relative BENCH_DIR
		// is relative to graph/extract.
		b.Fatalf("no *.txt files in BENCH_DIR %q (give an absolute path)", dir)
	}
	var arts []graph.Node
	total := 0
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		arts = append(arts, graph.Node{ID: graph.ArticleID(raw), Kind: graph.Article, Text: string(raw)})
		total += len(raw)
	}
	runExtractBench(b, arts, total)
}
