package ask

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/claimgraph/claimgraph/graph"
)

// ErrNoMatch is wrapped by errors for names that resolve to no node.
var ErrNoMatch = errors.New("no match")

// Resolve finds the nodes a user means by name: a node ID ("person/jane-roe")
// or any name or alias, case-insensitively. When kinds are given, only nodes
// of those kinds count. The error for no match wraps ErrNoMatch.
func Resolve(ctx context.Context, r graph.Reader, name string, kinds ...graph.Kind) ([]graph.Node, error) {
	name = strings.TrimSpace(name)
	if name == "" {
		return nil, &NoMatchError{Name: name, Kinds: kinds}
	}
	var out []graph.Node
	if graph.KindOfID(name) != "" {
		n, err := r.Node(ctx, name)
		switch {
		case err == nil:
			out = append(out, n)
		case !errors.Is(err, graph.ErrNotFound):
			return nil, err
		}
	}
	if len(out) == 0 {
		ids, err := r.Lookup(ctx, name)
		if err != nil {
			return nil, fmt.Errorf("look up %q: %w", name, err)
		}
		for _, id := range ids {
			n, err := r.Node(ctx, id)
			if err != nil {
				return nil, fmt.Errorf("read %s: %w", id, err)
			}
			out = append(out, n)
		}
	}
	if len(kinds) > 0 {
		out = slices.DeleteFunc(out, func(n graph.Node) bool { return !slices.Contains(kinds, n.Kind) })
	}
	if len(out) == 0 {
		return nil, &NoMatchError{Name: name, Kinds: kinds}
	}
	return out, nil
}

// NoMatchError says that no node of the wanted kinds has a name.
type NoMatchError struct {
	Name  string
	Kinds []graph.Kind // empty: any kind
}

func (e *NoMatchError) Error() string {
	what := "node"
	if n := len(e.Kinds); n > 0 {
		ks := make([]string, n)
		for i, k := range e.Kinds {
			ks[i] = string(k)
		}
		what = ks[n-1]
		if n > 1 {
			what = strings.Join(ks[:n-1], ", ") + " or " + what
		}
	}
	return fmt.Sprintf("no %s named %q", what, e.Name)
}

// Is makes errors.Is(err, ErrNoMatch) true.
func (e *NoMatchError) Is(target error) bool { return target == ErrNoMatch }

// speakerKinds are the kinds that can say a claim.
var speakerKinds = []graph.Kind{graph.Person, graph.Party, graph.Organization}

// nodeCache memoises node reads within one question.
type nodeCache struct {
	r graph.Reader
	m map[string]graph.Node
}

func newNodeCache(r graph.Reader) *nodeCache {
	return &nodeCache{r: r, m: map[string]graph.Node{}}
}

func (c *nodeCache) get(ctx context.Context, id string) (graph.Node, error) {
	if n, ok := c.m[id]; ok {
		return n, nil
	}
	n, err := c.r.Node(ctx, id)
	if err != nil {
		return graph.Node{}, fmt.Errorf("read %s: %w", id, err)
	}
	c.m[id] = n
	return n, nil
}
