package export

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/claimgraph/claimgraph/graph"
)

// The values of the "type" field of a JSONL record.
const (
	TypeNode = "node"
	TypeEdge = "edge"
)

// nodeRecord is a node as written to JSONL and JSON. The field order is the
// key order of the output and part of the format (docs/FORMAT.md).
type nodeRecord struct {
	Type    string     `json:"type"`
	ID      string     `json:"id"`
	Kind    graph.Kind `json:"kind"`
	Name    string     `json:"name"`
	Aliases []string   `json:"aliases,omitempty"`
	Date    string     `json:"date,omitempty"`
	Title   string     `json:"title,omitempty"`
	Source  string     `json:"source,omitempty"`
	URL     string     `json:"url,omitempty"`
	Author  string     `json:"author,omitempty"`
	Text    string     `json:"text,omitempty"`
	Direct  bool       `json:"direct,omitempty"`
	Verdict string     `json:"verdict,omitempty"`
}

// edgeRecord is an edge as written to JSONL and JSON.
type edgeRecord struct {
	Type    string    `json:"type"`
	From    string    `json:"from"`
	Rel     graph.Rel `json:"rel"`
	To      string    `json:"to"`
	Article string    `json:"article,omitempty"`
	Start   int       `json:"start"`
	End     int       `json:"end"`
	// Selector quotes the span with its context (jsonl_selector.go).
	Selector   *TextQuoteSelector `json:"selector,omitempty"`
	Role       string             `json:"role,omitempty"`
	Evidence   string             `json:"evidence,omitempty"`
	Rule       string             `json:"rule,omitempty"`
	Confidence float64            `json:"confidence,omitempty"`
}

// toNodeRecord converts n, replacing invalid UTF-8 (which JSON cannot
// hold) with U+FFFD so that an export read back and written again is
// byte-identical.
func toNodeRecord(n graph.Node) nodeRecord {
	name, aliases := validUTF8(displayName(n)), n.Aliases
	if !allValid(aliases) {
		// Repairing may make two aliases, or an alias and the name, equal:
		// merge them as the store would on import.
		fixed := make([]string, len(n.Aliases))
		for i, a := range n.Aliases {
			fixed[i] = validUTF8(a)
		}
		aliases = graph.MergeAliases(name, fixed)
	}
	return nodeRecord{
		Type: TypeNode, ID: validUTF8(n.ID), Kind: graph.Kind(validUTF8(string(n.Kind))),
		Name: name, Aliases: aliases, Date: validUTF8(n.Date),
		Title: validUTF8(n.Title), Source: validUTF8(n.Source), URL: validUTF8(n.URL),
		Author: validUTF8(n.Author), Text: validUTF8(n.Text), Direct: n.Direct,
		Verdict: validUTF8(n.Verdict),
	}
}

func toEdgeRecord(e graph.Edge) edgeRecord {
	return edgeRecord{
		Type: TypeEdge, From: validUTF8(e.From), Rel: graph.Rel(validUTF8(string(e.Rel))),
		To: validUTF8(e.To), Article: validUTF8(e.Article), Start: e.Start, End: e.End,
		Role: validUTF8(e.Role), Evidence: validUTF8(e.Evidence), Rule: validUTF8(e.Rule),
		Confidence: e.Confidence,
	}
}

func allValid(ss []string) bool {
	for _, s := range ss {
		if !utf8.ValidString(s) {
			return false
		}
	}
	return true
}

// validUTF8 returns s with each run of invalid UTF-8 replaced by U+FFFD.
func validUTF8(s string) string {
	if utf8.ValidString(s) {
		return s
	}
	return strings.ToValidUTF8(s, "\uFFFD")
}

// displayName is the name every exported node carries: its Name, or for a
// nameless article its title, then its source, then its ID.
func displayName(n graph.Node) string {
	for _, s := range []string{n.Name, n.Title, n.Source, n.ID} {
		if s != "" {
			return s
		}
	}
	return ""
}

// recordEncoder encodes records as compact JSON without HTML escaping, so
// that '<', '>' and '&' stay literal.
type recordEncoder struct {
	buf bytes.Buffer
	enc *json.Encoder
}

func newRecordEncoder() *recordEncoder {
	e := &recordEncoder{}
	e.enc = json.NewEncoder(&e.buf)
	e.enc.SetEscapeHTML(false)
	return e
}

// encode returns v as one line of JSON ending in '\n'. The slice is valid
// until the next call.
func (e *recordEncoder) encode(v any) ([]byte, error) {
	e.buf.Reset()
	if err := e.enc.Encode(v); err != nil {
		return nil, err
	}
	return e.buf.Bytes(), nil
}

// WriteJSONL writes src as JSON Lines: one {"type":"node",...} object per
// node in ID order, then one {"type":"edge",...} object per edge in (From,
// Rel, To, Article) order. It streams: given a graph.Reader, memory does not
// grow with the graph. The format is in docs/FORMAT.md; ReadJSONL reads it.
func WriteJSONL(ctx context.Context, w io.Writer, src Source) error {
	bw := bufio.NewWriterSize(w, 64<<10)
	enc := newRecordEncoder()
	err := eachRecord(ctx, src, func(v any) error {
		b, err := enc.encode(v)
		if err != nil {
			return err
		}
		_, err = bw.Write(b)
		return err
	})
	if err != nil {
		return fmt.Errorf("export jsonl: %w", err)
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("export jsonl: %w", err)
	}
	return nil
}

// WriteJSON writes src as one JSON document {"nodes":[...],"edges":[...]}
// whose elements are the JSONL records (with their "type" field), one per
// line. It streams like WriteJSONL.
func WriteJSON(ctx context.Context, w io.Writer, src Source) error {
	bw := bufio.NewWriterSize(w, 64<<10)
	enc := newRecordEncoder()
	section := ""
	err := eachRecord(ctx, src, func(v any) error {
		b, err := enc.encode(v)
		if err != nil {
			return err
		}
		sep := ",\n"
		if s := sectionOf(v); s != section {
			sep = openSection(section, s)
			section = s
		}
		bw.WriteString(sep)
		_, err = bw.Write(bytes.TrimSuffix(b, []byte("\n")))
		return err
	})
	if err != nil {
		return fmt.Errorf("export json: %w", err)
	}
	bw.WriteString(closeDocument(section))
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("export json: %w", err)
	}
	return nil
}

func sectionOf(v any) string {
	if _, ok := v.(edgeRecord); ok {
		return "edges"
	}
	return "nodes"
}

// openSection returns what comes before the first record of section s when
// the previous section was prev.
func openSection(prev, s string) string {
	switch {
	case prev == "" && s == "nodes":
		return "{\"nodes\":[\n"
	case prev == "": // no nodes at all
		return "{\"nodes\":[],\n\"edges\":[\n"
	default:
		return "\n],\n\"edges\":[\n"
	}
}

func closeDocument(section string) string {
	switch section {
	case "":
		return "{\"nodes\":[],\n\"edges\":[]}\n"
	case "nodes":
		return "\n],\n\"edges\":[]}\n"
	default:
		return "\n]}\n"
	}
}

// eachRecord calls fn with a nodeRecord for every node of src, then an
// edgeRecord for every edge.
func eachRecord(ctx context.Context, src Source, fn func(any) error) error {
	if err := eachNode(ctx, src, func(n graph.Node) error { return fn(toNodeRecord(n)) }); err != nil {
		return err
	}
	texts := newArticleTexts(src)
	return eachEdge(ctx, src, func(e graph.Edge) error {
		r := toEdgeRecord(e)
		r.Selector = texts.selector(ctx, e)
		return fn(r)
	})
}

// eachNode calls fn for every node of src, checking ctx as it goes.
func eachNode(ctx context.Context, src Source, fn func(graph.Node) error) error {
	i := 0
	for n, err := range src.Nodes(ctx) {
		if err != nil {
			return fmt.Errorf("read nodes: %w", err)
		}
		if i++; i%4096 == 0 && ctx.Err() != nil {
			return ctx.Err()
		}
		if err := fn(n); err != nil {
			return err
		}
	}
	return ctx.Err()
}

// eachEdge calls fn for every edge of src, checking ctx as it goes.
func eachEdge(ctx context.Context, src Source, fn func(graph.Edge) error) error {
	i := 0
	for e, err := range src.Edges(ctx) {
		if err != nil {
			return fmt.Errorf("read edges: %w", err)
		}
		if i++; i%4096 == 0 && ctx.Err() != nil {
			return ctx.Err()
		}
		if err := fn(e); err != nil {
			return err
		}
	}
	return ctx.Err()
}
