package web

import (
	"context"
	"io"
	"log/slog"
	"net"
	"net/http"
	"slices"
	"strings"
	"time"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/export/picture"
)

// Options tune the handler. The zero value is usable.
type Options struct {
	// QueryTimeout bounds the work of one request: a query, a page's
	// questions, a drawing. 0 means DefaultQueryTimeout.
	QueryTimeout time.Duration
	// MaxBodyBytes bounds a request body (POST /api/query); a larger one
	// is refused with 413. 0 means DefaultMaxBodyBytes.
	MaxBodyBytes int64
	// MaxRows bounds the rows of a query answer and of the lists on a page
	// or in an API answer; what is cut is flagged. 0 means DefaultMaxRows.
	MaxRows int
	// MaxGraphNodes is the largest neighbourhood drawn as SVG, on a page
	// or by /api/export. 0 means DefaultMaxGraphNodes.
	MaxGraphNodes int
	// Renderer draws SVG: picture.Dot, picture.Builtin, or picture.Auto (the
	// dot program when it is on PATH).
	Renderer picture.Renderer
	// Builtin is the renderer used when Renderer asks for it, or when it
	// is Auto and dot is not installed (nil: none).
	Builtin picture.Func
	// AllowedHosts, when set, are the only host names (without port) a
	// request's Host header may name; others get 421. A server on loopback
	// sets it to its loopback names so that a web page elsewhere cannot
	// reach it by rebinding a domain name to 127.0.0.1.
	AllowedHosts []string
	// Log receives server-side failures (status 500); nil discards them.
	Log *slog.Logger
}

// The defaults of Options.
const (
	DefaultQueryTimeout  = 10 * time.Second
	DefaultMaxBodyBytes  = 1 << 20
	DefaultMaxRows       = 5000
	DefaultMaxGraphNodes = 250
)

// LoopbackHosts returns the host names that reach a server on loopback,
// for Options.AllowedHosts.
func LoopbackHosts() []string { return []string{"localhost", "127.0.0.1", "::1"} }

func (o Options) withDefaults() Options {
	if o.QueryTimeout <= 0 {
		o.QueryTimeout = DefaultQueryTimeout
	}
	if o.MaxBodyBytes <= 0 {
		o.MaxBodyBytes = DefaultMaxBodyBytes
	}
	if o.MaxRows <= 0 {
		o.MaxRows = DefaultMaxRows
	}
	if o.MaxGraphNodes <= 0 {
		o.MaxGraphNodes = DefaultMaxGraphNodes
	}
	if o.Log == nil {
		o.Log = slog.New(slog.NewTextHandler(io.Discard, nil))
	}
	return o
}

// server answers the pages and the API over one graph.
type server struct {
	r    graph.Reader
	s    graph.Searcher
	opt  Options
	mux  *http.ServeMux
	over overviewCache
}

// New returns the explorer's handler over r, with s answering claim
// searches (nil: searches find entities only). It only reads from r.
func New(r graph.Reader, s graph.Searcher, opts Options) http.Handler {
	srv := &server{r: r, s: s, opt: opts.withDefaults()}
	mux := http.NewServeMux()
	mux.Handle("/static/", staticHandler())
	mux.HandleFunc("/api/search", srv.api(http.MethodGet, srv.apiSearch))
	mux.HandleFunc("/api/node/", srv.api(http.MethodGet, srv.apiNode))
	mux.HandleFunc("/api/said", srv.api(http.MethodGet, srv.apiSaid))
	mux.HandleFunc("/api/query", srv.api(http.MethodPost, srv.apiQuery))
	mux.HandleFunc("/api/export", srv.api(http.MethodGet, srv.apiExport))
	mux.HandleFunc("/api/", srv.api("", srv.apiUnknown))
	mux.HandleFunc("/search", srv.page(srv.searchPage))
	mux.HandleFunc("/query", srv.page(srv.queryPage))
	mux.HandleFunc("/", srv.page(srv.nodeOrIndex))
	srv.mux = mux
	return srv
}

// ServeHTTP checks the Host header, sets the headers every answer carries
// and dispatches.
func (s *server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "no-referrer")
	h.Set("X-Frame-Options", "DENY")
	h.Set("Content-Security-Policy", contentSecurityPolicy)
	if !s.hostAllowed(r.Host) {
		writeError(w, r, s.opt.Log, &statusError{code: http.StatusMisdirectedRequest,
			msg: "this server answers only to " + strings.Join(s.opt.AllowedHosts, ", ")})
		return
	}
	s.mux.ServeHTTP(w, r)
}

// contentSecurityPolicy lets pages load only this server's own scripts,
// styles and images: no inline script, nothing from elsewhere.
const contentSecurityPolicy = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
	"connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"

// hostAllowed reports whether host (a Host header, maybe with a port) is
// one the server answers to.
func (s *server) hostAllowed(host string) bool {
	if len(s.opt.AllowedHosts) == 0 {
		return true
	}
	if h, _, err := net.SplitHostPort(host); err == nil {
		host = h
	}
	host = strings.TrimSuffix(strings.TrimPrefix(host, "["), "]")
	return slices.ContainsFunc(s.opt.AllowedHosts, func(a string) bool { return strings.EqualFold(a, host) })
}

// api wraps an API handler: it checks the method (405 with Allow
// otherwise; GET also admits HEAD; "" admits any), bounds the time, and
// writes the error the handler returns as JSON.
func (s *server) api(method string, fn func(ctx context.Context, w http.ResponseWriter, r *http.Request) error) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if method != "" && !methodOK(method, r.Method) {
			w.Header().Set("Allow", allowed(method))
			writeError(w, r, s.opt.Log, &statusError{code: http.StatusMethodNotAllowed,
				msg: r.Method + " is not allowed here; use " + method})
			return
		}
		ctx, cancel := context.WithTimeout(r.Context(), s.opt.QueryTimeout)
		defer cancel()
		if err := fn(ctx, w, r); err != nil {
			writeError(w, r, s.opt.Log, timeoutCause(ctx, err, s.opt.QueryTimeout))
		}
	}
}

// page wraps a page handler like api, writing errors as an HTML page.
func (s *server) page(fn func(ctx context.Context, w http.ResponseWriter, r *http.Request) error) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if !methodOK(http.MethodGet, r.Method) {
			w.Header().Set("Allow", allowed(http.MethodGet))
			s.errorPage(w, r, &statusError{code: http.StatusMethodNotAllowed, msg: r.Method + " is not allowed here"})
			return
		}
		ctx, cancel := context.WithTimeout(r.Context(), s.opt.QueryTimeout)
		defer cancel()
		if err := fn(ctx, w, r); err != nil {
			s.errorPage(w, r, timeoutCause(ctx, err, s.opt.QueryTimeout))
		}
	}
}

func methodOK(want, got string) bool {
	return got == want || (want == http.MethodGet && got == http.MethodHead)
}

func allowed(method string) string {
	if method == http.MethodGet {
		return "GET, HEAD"
	}
	return method
}
