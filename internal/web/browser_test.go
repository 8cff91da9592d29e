package web

import (
	"context"
	"fmt"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/claimgraph/claimgraph/internal/ingest"
	"github.com/claimgraph/claimgraph/store"
)

// chromiumPath finds a Chromium or Chrome binary: $CLAIMGRAPH_CHROMIUM, or
// one of the usual names on PATH.
func chromiumPath() string {
	if p := os.Getenv("CLAIMGRAPH_CHROMIUM"); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "headless-shell"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// TestBrowserFollowsAPersonToAHighlightedQuote drives headless Chromium
// over the sample articles: it searches for a person, opens the entity
// page, clicks a node of the graph, follows a claim to its article and
// checks that the quote is highlighted there. Screenshots go to the test's
// temporary directory, and to $CLAIMGRAPH_SCREENSHOTS when it is set.
func TestBrowserFollowsAPersonToAHighlightedQuote(t *testing.T) {
	chromium := chromiumPath()
	if chromium == "" {
		t.Skip("no Chromium on PATH (install Debian's: apt-get install -y chromium); skipping the browser test")
	}
	if testing.Short() {
		t.Skip("-short: skipping the browser test")
	}
	db, err := store.Open(t.TempDir(), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := ingest.Run(context.Background(), db, []string{"../../testdata/articles"}, ingest.Options{}); err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(New(db, db, Options{}))
	defer srv.Close()

	ctx, cancel := browser(t, chromium)
	defer cancel()
	shots := &screenshots{t: t, dir: t.TempDir()}
	b := &browsing{t: t, ctx: ctx, base: srv.URL, shots: shots}
	b.searchForAPerson("Marsh", "/person/helena-marsh")
	b.openEntityPage("/person/helena-marsh", "Helena Marsh")
	b.clickGraphNode("/person/helena-marsh")
	quote := b.followClaimToArticle()
	b.checkQuoteHighlighted(quote)
	shots.export()
}

// browser starts headless Chromium with a fresh profile and nothing that
// reaches the network on its own.
func browser(t *testing.T, path string) (context.Context, context.CancelFunc) {
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(path),
		chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU, chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-extensions", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.Flag("hide-scrollbars", true),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1280, 1000),
	}
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelCtx := chromedp.NewContext(actx)
	ctx, cancelTimeout := context.WithTimeout(ctx, 90*time.Second)
	return ctx, func() { cancelTimeout(); cancelCtx(); cancelAlloc() }
}

// browsing is one walk through the explorer.
type browsing struct {
	t     *testing.T
	ctx   context.Context
	base  string
	shots *screenshots
}

func (b *browsing) do(what string, steps ...chromedp.Action[chromedp.Void]) {
	b.t.Helper()
	if err := chromedp.Do(b.ctx, steps...); err != nil {
		b.t.Fatalf("%s: %v", what, err)
	}
}

// value runs one action of the walk and returns what it read.
func value[T any](b *browsing, what string, a chromedp.Action[T]) T {
	b.t.Helper()
	v, err := chromedp.Run(b.ctx, a)
	if err != nil {
		b.t.Fatalf("%s: %v", what, err)
	}
	return v
}

type css = chromedp.CSS

// searchForAPerson types a name in the front page's search box, checks
// that suggestions appear as one types, submits, and checks that the
// results link to the person.
func (b *browsing) searchForAPerson(name, href string) {
	b.t.Helper()
	b.do("open the front page and type a name",
		chromedp.Navigate(b.base+"/"),
		chromedp.WaitVisible(css(`.hero input[name=q]`)),
		chromedp.SendKeys(css(`.hero input[name=q]`), name),
		chromedp.WaitVisible(css(`.hero .suggest li a`)),
	)
	if s := value(b, "read the first suggestion", chromedp.Text(css(`.hero .suggest li a`))); !strings.Contains(s, name) {
		b.t.Errorf("the first suggestion for %q is %q", name, s)
	}
	b.shots.take(b.ctx, "1-index")
	b.do("submit the search",
		chromedp.Submit(css(`.hero input[name=q]`)),
		chromedp.WaitVisible(css(`a.hit[href="`+href+`"]`)),
	)
	if h := value(b, "read the heading", chromedp.Text(css(`h1`))); !strings.Contains(h, "Results for") {
		b.t.Errorf("the search page's heading is %q", h)
	}
	b.shots.take(b.ctx, "2-search")
}

// openEntityPage clicks the person in the results and checks the page.
func (b *browsing) openEntityPage(href, name string) {
	b.t.Helper()
	b.do("open the entity page",
		chromedp.Click(css(`a.hit[href="`+href+`"]`)),
		chromedp.WaitVisible(css(`.graph svg`)),
	)
	heading := value(b, "read the heading", chromedp.Text(css(`h1`)))
	rows := value(b, "count the timeline", chromedp.Evaluate[int](`document.querySelectorAll("ol.timeline > li").length`))
	if heading != name || rows == 0 {
		b.t.Errorf("entity page: heading %q, %d timeline rows", heading, rows)
	}
	b.shots.take(b.ctx, "3-entity")
}

// clickGraphNode clicks a party or organisation in the graph, checks
// that the browser goes to its page, and comes back.
func (b *browsing) clickGraphNode(self string) {
	b.t.Helper()
	sel := css(`.graph svg a[href^="/organization/"], .graph svg a[href^="/party/"]`)
	target := value(b, "find a node in the graph", chromedp.AttributeValue(sel, "href")).Value
	if target == "" {
		b.t.Fatal("the graph links no party or organisation")
	}
	b.do("click the node", chromedp.Click(sel))
	if !b.waitPath(target) {
		b.t.Errorf("clicking %q did not open its page", target)
	}
	// Go back by address: a page restored from the back-forward cache
	// fires no load event to wait for.
	b.do("come back", chromedp.Navigate(b.base+self), chromedp.WaitVisible(css(`ol.timeline`)))
}

// waitPath waits until the tab shows the page at path, reading the
// address again and again: while a page loads there is nothing to wait on.
func (b *browsing) waitPath(path string) bool {
	for deadline := time.Now().Add(20 * time.Second); time.Now().Before(deadline); time.Sleep(100 * time.Millisecond) {
		loc, err := chromedp.Run(b.ctx, chromedp.Location())
		if err == nil && strings.HasSuffix(loc, path) {
			return chromedp.Do(b.ctx, chromedp.WaitVisible(css(`h1`))) == nil
		}
	}
	return false
}

// followClaimToArticle clicks the article link of the first claim the
// person said and returns the claim's text.
func (b *browsing) followClaimToArticle() string {
	b.t.Helper()
	row := `ol.timeline > li:has(.role-by)`
	claim := value(b, "read the claim", chromedp.Text(css(row+` a.claimtext`)))
	href := value(b, "read the article link", chromedp.AttributeValue(css(row+` a.article-link`), "href")).Value
	b.do("follow the claim to its article",
		chromedp.Click(css(row+` a.article-link`)),
		chromedp.WaitVisible(css(`.article-text mark.quote`)),
	)
	if !strings.Contains(href, "#q") {
		b.t.Errorf("the article link %q has no quote anchor", href)
	}
	return strings.Trim(claim, "“”\" ")
}

// highlight is what the page says about the quote its address points at.
type highlight struct {
	Tag        string `json:"tag"`
	Text       string `json:"text"`
	Background string `json:"background"`
	Visible    bool   `json:"visible"`
}

// checkQuoteHighlighted checks that the anchor in the address is a <mark>
// (or an anchor just before one) holding the start of the claim, drawn
// highlighted and scrolled into view.
func (b *browsing) checkQuoteHighlighted(claim string) {
	b.t.Helper()
	h := value(b, "read the highlighted quote", chromedp.Evaluate[highlight](`(() => {
		let el = document.getElementById(decodeURIComponent(location.hash.slice(1)));
		while (el && el.tagName !== "MARK") { el = el.nextElementSibling; }
		if (!el) { return {tag: "", text: "", background: "", visible: false}; }
		const r = el.getBoundingClientRect();
		return {tag: el.tagName, text: el.textContent, background: getComputedStyle(el).backgroundColor,
			visible: r.top >= 0 && r.top < window.innerHeight};
	})()`))
	words := strings.Fields(claim)
	start := strings.Join(words[:min(3, len(words))], " ")
	if h.Tag != "MARK" || !strings.Contains(strings.Join(strings.Fields(h.Text), " "), start) {
		b.t.Errorf("the quote's anchor is %+v; want a <mark> holding %q", h, start)
	}
	if h.Background == "" || h.Background == "rgba(0, 0, 0, 0)" || !h.Visible {
		b.t.Errorf("the quote is not drawn highlighted in view: %+v", h)
	}
	b.shots.take(b.ctx, "4-article")
	b.shots.view(b.ctx, "5-quote")
}

// screenshots saves PNGs of each step.
type screenshots struct {
	t     *testing.T
	dir   string
	files []string
}

func (s *screenshots) take(ctx context.Context, name string) {
	s.t.Helper()
	s.save(ctx, name, chromedp.FullScreenshot(100))
}

// view saves what the window shows, as it is scrolled.
func (s *screenshots) view(ctx context.Context, name string) {
	s.t.Helper()
	s.save(ctx, name, chromedp.CaptureScreenshot())
}

func (s *screenshots) save(ctx context.Context, name string, shot chromedp.Action[[]byte]) {
	s.t.Helper()
	png, err := chromedp.Run(ctx, shot)
	if err != nil {
		s.t.Fatalf("screenshot %s: %v", name, err)
	}
	if len(png) < 8 || string(png[1:4]) != "PNG" {
		s.t.Fatalf("screenshot %s is not a PNG", name)
	}
	p := filepath.Join(s.dir, name+".png")
	if err := os.WriteFile(p, png, 0o644); err != nil {
		s.t.Fatal(err)
	}
	s.files = append(s.files, p)
}

// export copies the screenshots to $CLAIMGRAPH_SCREENSHOTS, if set.
func (s *screenshots) export() {
	dir := os.Getenv("CLAIMGRAPH_SCREENSHOTS")
	if dir == "" {
		s.t.Logf("screenshots in %s (set CLAIMGRAPH_SCREENSHOTS=DIR to keep them)", s.dir)
		return
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		s.t.Fatal(err)
	}
	for _, p := range s.files {
		b, err := os.ReadFile(p)
		if err == nil {
			err = os.WriteFile(filepath.Join(dir, filepath.Base(p)), b, 0o644)
		}
		if err != nil {
			s.t.Fatal(fmt.Errorf("keep screenshot: %w", err))
		}
	}
	s.t.Logf("screenshots copied to %s", dir)
}
