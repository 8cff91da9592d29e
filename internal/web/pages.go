package web

import (
	"bytes"
	"context"
	"embed"
	"encoding/json"
	"errors"
	"html/template"
	"net/http"
	"strings"
	"sync"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/query"
)

//go:embed templates/*.html
var templateFS embed.FS

//go:embed static
var staticFS embed.FS

// pageNames are the page templates; each defines "content" and is
// executed through "layout" (templates/layout.html).
var pageNames = []string{"index", "search", "query", "entity", "claim", "article", "error"}

// pages returns the parsed templates by page name. They are parsed on
// first use, not at program start, so that the CLI's other commands do not
// pay for them.
var pages = sync.OnceValue(mustParsePages)

func mustParsePages() map[string]*template.Template {
	funcs := template.FuncMap{
		"nodeURL":    nodeURL,
		"join":       strings.Join,
		"claimQuote": claimQuote,
		"section":    func(heading string, list capped[relRow]) relSection { return relSection{heading, list} },
	}
	base := template.Must(template.New("layout").Funcs(funcs).ParseFS(templateFS, "templates/layout.html", "templates/partials.html"))
	out := map[string]*template.Template{}
	for _, name := range pageNames {
		t := template.Must(base.Clone())
		out[name] = template.Must(t.ParseFS(templateFS, "templates/"+name+".html"))
	}
	return out
}

// relSection is a titled list of disputes or supports for the template
// "relsection".
type relSection struct {
	Heading string
	List    capped[relRow]
}

// staticHandler serves the embedded CSS, JavaScript and icon.
func staticHandler() http.Handler {
	files := http.FileServerFS(staticFS) // /static/x is static/x in the embedded tree
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "no-cache")
		files.ServeHTTP(w, r)
	})
}

// pageData is what the layout gets: the page's title, the search box's
// text, the page name (a CSS class) and the page's own view.
type pageData struct {
	Title string
	Query string
	Page  string
	V     any
}

// render executes page into a buffer and sends it with status code, so
// that a template failure is a clean 500 and never half a page.
func (s *server) render(w http.ResponseWriter, code int, page string, d pageData) error {
	d.Page = page
	var b bytes.Buffer
	if err := pages()[page].ExecuteTemplate(&b, "layout", d); err != nil {
		return err
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(code)
	_, err := w.Write(b.Bytes())
	return err
}

// errorView is what the error page shows.
type errorView struct {
	Status  int
	Heading string
	Message string
}

// errorPage answers a page request with err as an HTML page.
func (s *server) errorPage(w http.ResponseWriter, r *http.Request, err error) {
	code := statusOf(err)
	msg := err.Error()
	if code == http.StatusInternalServerError {
		s.opt.Log.Error("page failed", "path", r.URL.Path, "err", err)
		msg = "Something went wrong on the server: " + msg
	}
	d := pageData{Title: http.StatusText(code), Query: r.URL.Query().Get("q"),
		V: errorView{Status: code, Heading: http.StatusText(code), Message: msg}}
	if rerr := s.render(w, code, "error", d); rerr != nil {
		s.opt.Log.Error("render error page", "err", rerr)
		http.Error(w, http.StatusText(code), code)
	}
}

func (s *server) nodeOrIndex(ctx context.Context, w http.ResponseWriter, r *http.Request) error {
	if r.URL.Path == "/" {
		return s.indexPage(ctx, w)
	}
	ids := pageIDs(r.URL.Path)
	if ids == nil {
		return notFound("there is no page at %s", r.URL.Path)
	}
	for _, id := range ids {
		n, err := s.r.Node(ctx, id)
		if errors.Is(err, graph.ErrNotFound) {
			continue
		}
		if err != nil {
			return err
		}
		return s.nodePage(ctx, w, n)
	}
	return notFound("there is no node %s", ids[len(ids)-1])
}

func (s *server) indexPage(ctx context.Context, w http.ResponseWriter) error {
	o, err := s.overview(ctx)
	if err != nil {
		return err
	}
	return s.render(w, http.StatusOK, "index", pageData{V: o})
}

// nodePage renders the page of n's kind.
func (s *server) nodePage(ctx context.Context, w http.ResponseWriter, n graph.Node) error {
	title := displayName(n)
	switch {
	case n.Kind == graph.Claim:
		v, err := s.claimView(ctx, n)
		if err != nil {
			return err
		}
		return s.render(w, http.StatusOK, "claim", pageData{Title: shorten(title, 80), V: v})
	case n.Kind == graph.Article:
		v, err := s.articleView(ctx, n)
		if err != nil {
			return err
		}
		return s.render(w, http.StatusOK, "article", pageData{Title: shorten(title, 80), V: v})
	default:
		v, err := s.entityView(ctx, n)
		if err != nil {
			return err
		}
		return s.render(w, http.StatusOK, "entity", pageData{Title: title, V: v})
	}
}

func (s *server) searchPage(ctx context.Context, w http.ResponseWriter, r *http.Request) error {
	q := r.URL.Query().Get("q")
	res, err := s.search(ctx, q, 50)
	if err != nil {
		return err
	}
	return s.render(w, http.StatusOK, "search", pageData{Title: "Search", Query: q, V: res})
}

// queryView is what the query page shows.
type queryView struct {
	Text      string
	Columns   []string
	Rows      [][]cell
	Truncated bool
	Ran       bool
	Error     *query.Error
	Message   string // an error that is not located in the query
}

// cell is one value in a query answer: text, linked to a node's page when
// the value is a node (a map with an id).
type cell struct {
	Text string
	URL  string
}

func (s *server) queryPage(ctx context.Context, w http.ResponseWriter, r *http.Request) error {
	v := &queryView{Text: r.URL.Query().Get("cypher")}
	if strings.TrimSpace(v.Text) == "" {
		v.Text = "MATCH (p:Person)-[:SAID]->(c:Claim)\nRETURN p.name AS speaker, count(*) AS claims\nORDER BY claims DESC LIMIT 10"
		return s.render(w, http.StatusOK, "query", pageData{Title: "Query", V: v})
	}
	code := http.StatusOK
	if err := s.runQueryPage(ctx, v); err != nil {
		code = statusOf(err)
		if !errors.As(err, &v.Error) {
			if code == http.StatusInternalServerError {
				return err
			}
			v.Message = timeoutCause(ctx, err, s.opt.QueryTimeout).Error()
		}
	}
	return s.render(w, code, "query", pageData{Title: "Query", V: v})
}

func (s *server) runQueryPage(ctx context.Context, v *queryView) error {
	st, err := query.ParseOne(v.Text)
	if err != nil {
		return err
	}
	res, err := query.Run(ctx, s.r, st, nil)
	if err != nil {
		return err
	}
	v.Ran, v.Columns = true, res.Columns
	limit := s.pageRows()
	for row, err := range res.Rows {
		if err != nil {
			return err
		}
		if len(v.Rows) == limit {
			v.Truncated = true
			break
		}
		cells := make([]cell, len(row))
		for i, x := range row {
			cells[i] = cellOf(x)
		}
		v.Rows = append(v.Rows, cells)
	}
	return nil
}

// cellOf formats a query value for a table cell.
func cellOf(x any) cell {
	switch v := x.(type) {
	case nil:
		return cell{Text: "null"}
	case string:
		return cell{Text: v}
	case map[string]any:
		if id, ok := v["id"].(string); ok {
			name, _ := v["name"].(string)
			if name == "" {
				name, _ = v["text"].(string)
			}
			if name == "" {
				name = id
			}
			return cell{Text: shorten(name, 200), URL: nodeURL(id)}
		}
	}
	b, err := json.Marshal(jsonSafe(x))
	if err != nil {
		return cell{Text: "?"}
	}
	return cell{Text: string(b)}
}

// claimQuote puts a direct claim in curly quotes, unless its text already
// starts with a quotation mark.
func claimQuote(text string, direct bool) string {
	if !direct || strings.HasPrefix(text, "“") || strings.HasPrefix(text, "\"") {
		return text
	}
	return "“" + text + "”"
}

// shorten cuts s to at most n runes, ending in "…" when it was longer.
func shorten(s string, n int) string {
	r := []rune(strings.Join(strings.Fields(s), " "))
	if len(r) <= n {
		return string(r)
	}
	return strings.TrimSpace(string(r[:n-1])) + "…"
}
