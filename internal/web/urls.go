package web

import (
	"net/url"
	"strconv"
	"strings"

	"github.com/claimgraph/claimgraph/graph"
)

// nodeURL returns the path of a node's page: /person/jane-roe for an ID
// that starts with a kind, /node/ID for any other. Each segment of the ID
// is path-escaped.
func nodeURL(id string) string {
	if graph.KindOfID(id) != "" {
		return "/" + escapePath(id)
	}
	return "/node/" + escapePath(id)
}

// quoteAnchor is the fragment that names a quote's highlight on its
// article's page.
func quoteAnchor(start, end int) string {
	return "q" + strconv.Itoa(start) + "-" + strconv.Itoa(end)
}

// quoteURL returns the link to the highlight of the span [start,end) on
// the page of article.
func quoteURL(article string, start, end int) string {
	if article == "" {
		return ""
	}
	return nodeURL(article) + "#" + quoteAnchor(start, end)
}

func escapePath(id string) string {
	parts := strings.Split(id, "/")
	for i, p := range parts {
		parts[i] = url.PathEscape(p)
	}
	return strings.Join(parts, "/")
}

// pageIDs returns the node ID a page path names, trying the readings in
// order: /node/ID and /entity/ID name ID; /KIND/REST names KIND/REST, or
// REST itself when REST is a whole ID (/claim/claim/ab12 as well as
// /claim/ab12). It returns nil for a path that names no node.
func pageIDs(path string) []string {
	path = strings.TrimPrefix(path, "/")
	head, rest, ok := strings.Cut(path, "/")
	if !ok || rest == "" {
		return nil
	}
	switch {
	case head == "node" || head == "entity":
		return []string{rest}
	case graph.Kind(head).Valid():
		if graph.KindOfID(rest) != "" {
			return []string{rest, path}
		}
		return []string{path}
	}
	return nil
}
