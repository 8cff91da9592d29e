package main

import (
	"context"
	"errors"
	"fmt"
	"log"
	"log/slog"
	"net"
	"net/http"
	"time"

	"github.com/spf13/cobra"

	"github.com/claimgraph/claimgraph/graph/export/picture"
	"github.com/claimgraph/claimgraph/internal/web"
	"github.com/claimgraph/claimgraph/store"
)

type serveOptions struct {
	addr     string
	timeout  time.Duration
	renderer string
}

// shutdownGrace is how long requests in flight may run on after Ctrl-C.
const shutdownGrace = 5 * time.Second

func newServeCmd(a *app) *cobra.Command {
	o := &serveOptions{}
	cmd := &cobra.Command{
		Use:   "serve",
		Short: "Explore the graph in a browser: search, entity timelines, articles with quotes highlighted",
		Long: `serve opens the database read-only and serves a local web explorer: a search
box over names and claim text, a page per person, party or organisation with
every claim by and about it as a timeline, disputes for and against, and its
neighbourhood as a clickable graph; a page per claim with who said it, where,
and who supports or disputes it; and a page per article with every extracted
quote highlighted and attributed. Scripts can use the JSON API under /api/
(search, node, said, query, export).

It listens on 127.0.0.1:8080 unless --addr says otherwise; an address off
this machine prints a warning, as anyone who can reach it can read the whole
database. Everything it serves is built in: it fetches nothing. Ctrl-C stops
it cleanly.`,
		Example: `  claimgraph serve
  claimgraph serve --addr 127.0.0.1:9000
  curl -s 'http://127.0.0.1:8080/api/said?by=Roe'
  curl -s -X POST -H 'Content-Type: text/plain' --data 'MATCH (p:Person) RETURN p.name' http://127.0.0.1:8080/api/query`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if o.timeout <= 0 {
				return usagef("claimgraph serve --timeout 10s", "--timeout must be positive")
			}
			if err := checkRenderer(o.renderer); err != nil {
				return err
			}
			return a.withRead(func(db *store.DB) error { return runServe(ctxOf(cmd), a, db, o) })
		},
	}
	f := cmd.Flags()
	f.StringVar(&o.addr, "addr", "127.0.0.1:8080", "address to listen on (host:port; port 0 picks a free one)")
	f.DurationVar(&o.timeout, "timeout", web.DefaultQueryTimeout, "longest a page, query or drawing may take")
	f.StringVar(&o.renderer, "renderer", "", "graph drawings: dot (Graphviz on PATH) or go-graphviz (built in); default: dot when installed")
	return cmd
}

// runServe serves until ctx ends (Ctrl-C), then shuts down gracefully.
func runServe(ctx context.Context, a *app, db *store.DB, o *serveOptions) error {
	ln, err := net.Listen("tcp", o.addr)
	if err != nil {
		return fmt.Errorf("serve: %w", err)
	}
	loopback := isLoopback(ln.Addr())
	opts := web.Options{QueryTimeout: o.timeout, Renderer: picture.Renderer(o.renderer), Builtin: builtinRenderer(),
		Log: slog.New(slog.NewTextHandler(a.stderr, &slog.HandlerOptions{Level: slog.LevelWarn}))}
	if loopback {
		opts.AllowedHosts = web.LoopbackHosts()
	}
	srv := &http.Server{
		Handler:           web.New(db, db, opts),
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       30 * time.Second,
		WriteTimeout:      o.timeout + 30*time.Second,
		IdleTimeout:       2 * time.Minute,
		MaxHeaderBytes:    64 << 10,
		ErrorLog:          log.New(a.stderr, "serve: ", 0),
	}
	if !loopback {
		fmt.Fprintf(a.stderr, "Warning: listening on %s, which is reachable from other machines: anyone who can reach it can read the whole database\n", ln.Addr())
	}
	fmt.Fprintf(a.stderr, "claimgraph: serving %s on http://%s/ (Ctrl-C to stop)\n", db.Path(), displayAddr(ln.Addr()))
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ln) }()
	select {
	case err := <-done:
		return fmt.Errorf("serve: %w", err)
	case <-ctx.Done():
	}
	sctx, cancel := context.WithTimeout(context.Background(), shutdownGrace)
	defer cancel()
	err = srv.Shutdown(sctx)
	if serr := <-done; serr != nil && !errors.Is(serr, http.ErrServerClosed) {
		err = errors.Join(err, serr)
	}
	if err != nil {
		return fmt.Errorf("serve: shut down: %w", err)
	}
	fmt.Fprintln(a.stderr, "claimgraph: stopped")
	return nil
}

// isLoopback reports whether addr is a loopback address only.
func isLoopback(addr net.Addr) bool {
	tcp, ok := addr.(*net.TCPAddr)
	return ok && tcp.IP.IsLoopback()
}

// displayAddr is addr as a browser URL host: an unspecified IP (all
// interfaces) is shown as 127.0.0.1, which reaches it from this machine.
func displayAddr(addr net.Addr) string {
	tcp, ok := addr.(*net.TCPAddr)
	if !ok {
		return addr.String()
	}
	host := tcp.IP.String()
	if tcp.IP.IsUnspecified() {
		host = "127.0.0.1"
	}
	return net.JoinHostPort(host, fmt.Sprint(tcp.Port))
}
