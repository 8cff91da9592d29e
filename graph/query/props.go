package query

import (
	"math"

	"github.com/claimgraph/claimgraph/graph"
)

// nodeProps and edgeProps are the properties a query can read; a name
// outside these lists on a node or relationship variable is an error.
var (
	nodeProps = []string{"id", "kind", "name", "aliases", "text", "direct", "date",
		"title", "source", "url", "author"}
	edgeProps = []string{"type", "rel", "from", "to", "article", "role", "start", "end",
		"evidence", "rule", "confidence"}
)

// strOrNil maps an unset string property to null.
func strOrNil(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// nodeProp reads property key of n. A claim's date is the earliest date
// of the articles that carry it.
func (x *exec) nodeProp(n *nodeRef, key string) (any, error) {
	switch key {
	case "id":
		return n.id, nil
	case "kind":
		k, err := x.kindOf(n)
		return string(k), err
	}
	node, err := x.load(n)
	if err != nil {
		return nil, err
	}
	switch key {
	case "name":
		return node.Name, nil
	case "aliases":
		out := make([]any, len(node.Aliases))
		for i, a := range node.Aliases {
			out[i] = a
		}
		return out, nil
	case "text":
		return strOrNil(node.Text), nil
	case "direct":
		if node.Kind != graph.Claim {
			return nil, nil
		}
		return node.Direct, nil
	case "date":
		if node.Date == "" && node.Kind == graph.Claim {
			return x.claimDate(n.id)
		}
		return strOrNil(node.Date), nil
	case "title":
		return strOrNil(node.Title), nil
	case "source":
		return strOrNil(node.Source), nil
	case "url":
		return strOrNil(node.URL), nil
	case "author":
		return strOrNil(node.Author), nil
	}
	return nil, nil
}

// edgeProp reads property key of e.
func edgeProp(e graph.Edge, key string) any {
	switch key {
	case "type", "rel":
		return string(e.Rel)
	case "from":
		return e.From
	case "to":
		return e.To
	case "article":
		return strOrNil(e.Article)
	case "role":
		return strOrNil(e.Role)
	case "start":
		return int64(e.Start)
	case "end":
		return int64(e.End)
	case "evidence":
		return strOrNil(e.Evidence)
	case "rule":
		return strOrNil(e.Rule)
	case "confidence":
		if e.Confidence == 0 {
			return nil
		}
		return e.Confidence
	}
	return nil
}

// prop reads v.key for a node, relationship or map; null stays null.
func (x *exec) prop(pos int, v any, key string) (any, error) {
	switch v := v.(type) {
	case nil:
		return nil, nil
	case *nodeRef:
		return x.nodeProp(v, key)
	case *edgeRef:
		return edgeProp(v.e, key), nil
	case map[string]any:
		return v[key], nil
	}
	return nil, x.rtErr(pos, "cannot read property %s of %s", key, aType(v))
}

// nodeMap is a node as returned in a row: its set properties. An
// article's text is left out (read a.text for it); a claim carries its
// derived date.
func (x *exec) nodeMap(n *nodeRef) (map[string]any, error) {
	node, err := x.load(n)
	if err != nil {
		return nil, err
	}
	kind, err := x.kindOf(n)
	if err != nil {
		return nil, err
	}
	m := map[string]any{"id": n.id, "kind": string(kind), "name": node.Name}
	if len(node.Aliases) > 0 {
		m["aliases"], _ = x.nodeProp(n, "aliases")
	}
	if kind == graph.Claim {
		m["text"] = node.Text
		m["direct"] = node.Direct
	}
	for _, k := range []string{"date", "title", "source", "url", "author"} {
		v, err := x.nodeProp(n, k)
		if err != nil {
			return nil, err
		}
		if v != nil {
			m[k] = v
		}
	}
	return m, nil
}

// edgeMap is a relationship as returned in a row.
func edgeMap(e graph.Edge) map[string]any {
	m := map[string]any{"type": string(e.Rel), "from": e.From, "to": e.To,
		"start": int64(e.Start), "end": int64(e.End)}
	for _, k := range []string{"article", "role", "evidence", "rule", "confidence"} {
		if v := edgeProp(e, k); v != nil {
			m[k] = v
		}
	}
	return m
}

// output turns an executor value into a plain Go value for a row. A
// float that is not finite (1.0/0) becomes null, which JSON can carry.
func (x *exec) output(v any) (any, error) {
	switch v := v.(type) {
	case float64:
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return nil, nil
		}
	case *nodeRef:
		return x.nodeMap(v)
	case *edgeRef:
		return edgeMap(v.e), nil
	case []any:
		out := make([]any, len(v))
		for i, e := range v {
			o, err := x.output(e)
			if err != nil {
				return nil, err
			}
			out[i] = o
		}
		return out, nil
	case map[string]any:
		out := make(map[string]any, len(v))
		for k, e := range v {
			o, err := x.output(e)
			if err != nil {
				return nil, err
			}
			out[k] = o
		}
		return out, nil
	}
	return v, nil
}
