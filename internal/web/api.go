package web

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"mime"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/ask"
	"github.com/claimgraph/claimgraph/graph/export"
	"github.com/claimgraph/claimgraph/graph/query"
)

// defaultSearchLimit is how many entities and claims a search returns
// unless asked with limit=.
const defaultSearchLimit = 25

// intParam reads an integer query parameter in [lo, hi], def when absent.
func intParam(r *http.Request, name string, def, lo, hi int) (int, error) {
	v := r.URL.Query().Get(name)
	if v == "" {
		return def, nil
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < lo || n > hi {
		return 0, badRequest("%s=%q: want a whole number from %d to %d", name, v, lo, hi)
	}
	return n, nil
}

func (s *server) apiSearch(ctx context.Context, w http.ResponseWriter, r *http.Request) error {
	limit, err := intParam(r, "limit", defaultSearchLimit, 1, s.opt.MaxRows)
	if err != nil {
		return err
	}
	res, err := s.search(ctx, r.URL.Query().Get("q"), limit)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, res)
	return nil
}

func (s *server) apiUnknown(_ context.Context, _ http.ResponseWriter, r *http.Request) error {
	return notFound("no API at %s (try /api/search, /api/node/ID, /api/said, /api/query, /api/export)", r.URL.Path)
}

// nodeEdge is an edge at a node with the node at its other end.
type nodeEdge struct {
	graph.Edge
	Other     string `json:"other"`
	OtherName string `json:"other_name"`
	OtherKind string `json:"other_kind"`
}

// nodeAnswer is the answer of /api/node/ID.
type nodeAnswer struct {
	Node      graph.Node `json:"node"`
	URL       string     `json:"url"`
	Out       []nodeEdge `json:"out"`
	In        []nodeEdge `json:"in"`
	Truncated bool       `json:"truncated,omitempty"`
}

func (s *server) apiNode(ctx context.Context, w http.ResponseWriter, r *http.Request) error {
	name := strings.TrimPrefix(r.URL.Path, "/api/node/")
	n, err := s.resolveOne(ctx, name)
	if err != nil {
		return err
	}
	ans := nodeAnswer{Node: n, URL: nodeURL(n.ID), Out: []nodeEdge{}, In: []nodeEdge{}}
	names := map[string]graph.Node{}
	for _, dir := range []graph.Direction{graph.Out, graph.In} {
		list, more, err := s.edgesAt(ctx, n.ID, dir, names)
		if err != nil {
			return err
		}
		if dir == graph.Out {
			ans.Out = list
		} else {
			ans.In = list
		}
		ans.Truncated = ans.Truncated || more
	}
	writeJSON(w, http.StatusOK, ans)
	return nil
}

// resolveOne returns the node with ID name, else the one node name names.
func (s *server) resolveOne(ctx context.Context, name string) (graph.Node, error) {
	if strings.TrimSpace(name) == "" {
		return graph.Node{}, badRequest("no node ID given: ask for /api/node/person/jane-roe")
	}
	n, err := s.r.Node(ctx, name)
	if err == nil {
		return n, nil
	}
	if !errors.Is(err, graph.ErrNotFound) {
		return n, err
	}
	nodes, err := ask.Resolve(ctx, s.r, name)
	if err != nil {
		return graph.Node{}, err
	}
	if len(nodes) > 1 {
		amb := &ambiguousError{name: name}
		for _, x := range nodes {
			amb.ids = append(amb.ids, x.ID)
		}
		return graph.Node{}, amb
	}
	return nodes[0], nil
}

// edgesAt lists up to MaxRows edges at id in one direction.
func (s *server) edgesAt(ctx context.Context, id string, dir graph.Direction, names map[string]graph.Node) ([]nodeEdge, bool, error) {
	list := []nodeEdge{}
	for e, err := range s.r.Neighbors(ctx, id, dir) {
		if err != nil {
			return nil, false, err
		}
		if len(list) == s.opt.MaxRows {
			return list, true, nil
		}
		other := e.To
		if dir == graph.In {
			other = e.From
		}
		on, ok := names[other]
		if !ok {
			var err error
			if on, err = s.r.Node(ctx, other); err != nil {
				return nil, false, fmt.Errorf("read %s: %w", other, err)
			}
			on.Text = ""
			names[other] = on
		}
		list = append(list, nodeEdge{Edge: e, Other: other, OtherName: displayName(on), OtherKind: string(on.Kind)})
	}
	return list, false, nil
}

// saidRecord is one row of /api/said, with the keys of `claimgraph said
// --format json`.
type saidRecord struct {
	Date      string `json:"date"`
	Speaker   string `json:"speaker"`
	Claim     string `json:"claim"`
	Direct    bool   `json:"direct"`
	Article   string `json:"article"`
	Evidence  string `json:"evidence"`
	SpeakerID string `json:"speaker_id"`
	ClaimID   string `json:"claim_id"`
	Title     string `json:"title"`
	Start     int    `json:"start"`
	End       int    `json:"end"`
}

func (s *server) apiSaid(ctx context.Context, w http.ResponseWriter, r *http.Request) error {
	p := r.URL.Query()
	q := ask.SaidQuery{By: p.Get("by"), About: p.Get("about"), Since: p.Get("since"),
		Until: p.Get("until"), Article: p.Get("article")}
	if err := checkDates(q.Since, q.Until); err != nil {
		return err
	}
	limit, err := intParam(r, "limit", s.opt.MaxRows, 1, s.opt.MaxRows)
	if err != nil {
		return err
	}
	rows := []saidRecord{}
	for row, err := range ask.Said(ctx, s.r, q) {
		if err != nil {
			return err
		}
		if len(rows) == limit {
			w.Header().Set("X-Claimgraph-Truncated", "true")
			break
		}
		rows = append(rows, saidRecord{Date: row.Article.Date, Speaker: row.Speaker.Name,
			Claim: row.Claim.Text, Direct: row.Claim.Direct, Article: row.Edge.Article,
			Evidence: row.Edge.Evidence, SpeakerID: row.Speaker.ID, ClaimID: row.Claim.ID,
			Title: row.Article.Title, Start: row.Edge.Start, End: row.Edge.End})
	}
	writeJSON(w, http.StatusOK, rows)
	return nil
}

// checkDates checks the since= and until= parameters.
func checkDates(since, until string) error {
	for _, d := range []struct{ name, val string }{{"since", since}, {"until", until}} {
		if d.val == "" {
			continue
		}
		if _, err := time.Parse(time.DateOnly, d.val); err != nil {
			return badRequest("%s=%q: want a date YYYY-MM-DD", d.name, d.val)
		}
	}
	if since != "" && until != "" && since > until {
		return badRequest("since=%s is after until=%s", since, until)
	}
	return nil
}

// queryRequest is the JSON body of POST /api/query.
type queryRequest struct {
	Query  string         `json:"query"`
	Params map[string]any `json:"params"`
}

// queryAnswer is the answer of /api/query.
type queryAnswer struct {
	Columns   []string         `json:"columns"`
	Rows      []map[string]any `json:"rows"`
	Truncated bool             `json:"truncated,omitempty"`
}

func (s *server) apiQuery(ctx context.Context, w http.ResponseWriter, r *http.Request) error {
	req, err := s.readQuery(w, r)
	if err != nil {
		return err
	}
	st, err := query.ParseOne(req.Query)
	if err != nil {
		return err
	}
	ctx, cancel := context.WithTimeoutCause(ctx, s.opt.QueryTimeout,
		fmt.Errorf("query timed out after %s", s.opt.QueryTimeout))
	defer cancel()
	res, err := query.Run(ctx, s.r, st, req.Params)
	if err != nil {
		return err
	}
	ans := queryAnswer{Columns: res.Columns, Rows: []map[string]any{}}
	for row, err := range res.Rows {
		if err != nil {
			return err
		}
		if len(ans.Rows) == s.opt.MaxRows {
			ans.Truncated = true
			break
		}
		m := make(map[string]any, len(row))
		for i, c := range res.Columns {
			if i < len(row) {
				m[c] = jsonSafe(row[i])
			}
		}
		ans.Rows = append(ans.Rows, m)
	}
	writeJSON(w, http.StatusOK, ans)
	return nil
}

// readQuery reads the query from the body: JSON {"query", "params"} when
// the Content-Type says JSON, else the body is the Cypher text and each
// param=name=value in the URL sets a parameter.
func (s *server) readQuery(w http.ResponseWriter, r *http.Request) (queryRequest, error) {
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, s.opt.MaxBodyBytes))
	if err != nil {
		return queryRequest{}, fmt.Errorf("read query: %w", err)
	}
	var req queryRequest
	if mt, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type")); mt == "application/json" {
		dec := json.NewDecoder(bytes.NewReader(body))
		dec.UseNumber()
		if err := dec.Decode(&req); err != nil {
			return req, badRequest("the body is not a JSON object {\"query\": \"MATCH …\", \"params\": {…}}: %v", err)
		}
	} else {
		req.Query = string(body)
		for _, p := range r.URL.Query()["param"] {
			name, v, err := query.ParseParam(p)
			if err != nil {
				return req, badRequest("param: %v", err)
			}
			if req.Params == nil {
				req.Params = map[string]any{}
			}
			req.Params[name] = v
		}
	}
	if strings.TrimSpace(req.Query) == "" {
		return req, badRequest("no query: send the Cypher text as the body, e.g. MATCH (p:Person) RETURN p.name")
	}
	return req, nil
}

// jsonSafe replaces the float values JSON cannot hold (NaN, ±Inf) by
// strings, inside lists and maps too.
func jsonSafe(v any) any {
	switch x := v.(type) {
	case float64:
		if math.IsNaN(x) || math.IsInf(x, 0) {
			return strconv.FormatFloat(x, 'g', -1, 64)
		}
	case []any:
		out := make([]any, len(x))
		for i, e := range x {
			out[i] = jsonSafe(e)
		}
		return out
	case map[string]any:
		out := make(map[string]any, len(x))
		for k, e := range x {
			out[k] = jsonSafe(e)
		}
		return out
	}
	return v
}

// exportFormats are the formats /api/export writes, with their content
// types.
var exportFormats = map[string]string{
	"dot":     "text/vnd.graphviz; charset=utf-8",
	"svg":     "image/svg+xml",
	"jsonl":   "application/x-ndjson; charset=utf-8",
	"json":    "application/json; charset=utf-8",
	"graphml": "application/graphml+xml; charset=utf-8",
}

// maxExportDepth bounds depth= in /api/export.
const maxExportDepth = 4

func (s *server) apiExport(ctx context.Context, w http.ResponseWriter, r *http.Request) error {
	p := r.URL.Query()
	format := strings.ToLower(p.Get("format"))
	if format == "" {
		format = "jsonl"
	}
	ctype, ok := exportFormats[format]
	if !ok {
		return badRequest("format=%q: want dot, svg, jsonl, json or graphml", format)
	}
	f, err := s.exportFilter(ctx, r)
	if err != nil {
		return err
	}
	w.Header().Set("Content-Type", ctype)
	if f.IsZero() && format != "dot" && format != "svg" {
		return s.streamExport(ctx, w, r, format)
	}
	var buf bytes.Buffer
	if err := s.writeExport(ctx, &buf, format, f); err != nil {
		w.Header().Del("Content-Type")
		return err
	}
	if format == "svg" {
		// Opened on its own, the drawing may still not run anything.
		w.Header().Set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'self'")
	}
	_, err = w.Write(buf.Bytes())
	return err
}

// exportFilter reads focus=, depth=, rel=, kind=, since= and until=;
// focus and the lists may repeat or hold comma-separated values, and a
// focus may be a name or alias.
func (s *server) exportFilter(ctx context.Context, r *http.Request) (export.Filter, error) {
	p := r.URL.Query()
	depth, err := intParam(r, "depth", 1, 0, maxExportDepth)
	if err != nil {
		return export.Filter{}, err
	}
	f := export.Filter{Depth: depth, Since: p.Get("since"), Until: p.Get("until")}
	if err := checkDates(f.Since, f.Until); err != nil {
		return f, err
	}
	for _, name := range listParam(p["focus"]) {
		nodes, err := ask.Resolve(ctx, s.r, name)
		if err != nil {
			return f, err
		}
		for _, n := range nodes {
			f.Focus = append(f.Focus, n.ID)
		}
	}
	for _, v := range listParam(p["rel"]) {
		rel, err := graph.ParseRel(v)
		if err != nil {
			return f, badRequest("rel: %v", err)
		}
		f.Rels = append(f.Rels, rel)
	}
	for _, v := range listParam(p["kind"]) {
		k, err := graph.ParseKind(v)
		if err != nil {
			return f, badRequest("kind: %v", err)
		}
		f.Kinds = append(f.Kinds, k)
	}
	return f, nil
}

// listParam splits repeated, comma-separated values and drops empty ones.
func listParam(vals []string) []string {
	var out []string
	for _, v := range vals {
		for _, x := range strings.Split(v, ",") {
			if x = strings.TrimSpace(x); x != "" {
				out = append(out, x)
			}
		}
	}
	return out
}

// streamExport writes the whole graph as it reads it. The status is sent
// first, so a failure half-way can only cut the answer short; it is logged.
func (s *server) streamExport(ctx context.Context, w http.ResponseWriter, r *http.Request, format string) error {
	bw := bufio.NewWriterSize(w, 64<<10)
	var err error
	switch format {
	case "jsonl":
		err = export.WriteJSONL(ctx, bw, s.r)
	case "json":
		err = export.WriteJSON(ctx, bw, s.r)
	case "graphml":
		err = export.WriteGraphML(ctx, bw, s.r)
	}
	if err == nil {
		err = bw.Flush()
	}
	if err != nil {
		s.opt.Log.Error("export cut short", "path", r.URL.String(), "err", err)
	}
	return nil
}

// writeExport writes the selection f in format.
func (s *server) writeExport(ctx context.Context, w io.Writer, format string, f export.Filter) error {
	v, err := export.Select(ctx, s.r, f)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(w)
	switch format {
	case "jsonl":
		err = export.WriteJSONL(ctx, bw, v)
	case "json":
		err = export.WriteJSON(ctx, bw, v)
	case "graphml":
		err = export.WriteGraphML(ctx, bw, v)
	case "dot":
		err = export.WriteDOT(bw, v, export.DOTOptions{URL: func(n graph.Node) string { return nodeURL(n.ID) }})
	case "svg":
		var img []byte
		img, err = s.drawView(ctx, v, "")
		if errors.Is(err, errTooLarge) {
			return badRequest("%v (or ask for format=dot)", err)
		}
		if err == nil {
			_, _ = bw.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
			_, err = bw.Write(img)
		}
	}
	if err != nil {
		return err
	}
	return bw.Flush()
}
