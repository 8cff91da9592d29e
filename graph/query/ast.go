package query

// The syntax tree of a statement. Every node keeps the byte offset in the
// script where it starts, so the checker and the executor can point at it.

// clause is one MATCH, OPTIONAL MATCH, WITH, UNWIND or RETURN.
type clause interface{ clausePos() int }

type matchClause struct {
	pos      int
	optional bool
	patterns []*pattern
	where    expr
}

type unwindClause struct {
	pos     int
	x       expr
	name    string
	namePos int
}

type withClause struct {
	pos   int
	proj  *projection
	where expr
}

type returnClause struct {
	pos  int
	proj *projection
}

func (c *matchClause) clausePos() int  { return c.pos }
func (c *unwindClause) clausePos() int { return c.pos }
func (c *withClause) clausePos() int   { return c.pos }
func (c *returnClause) clausePos() int { return c.pos }

// projection is the body of RETURN and WITH.
type projection struct {
	distinct bool
	star     bool
	items    []*item
	order    []*sortItem
	skip     expr
	limit    expr
}

type item struct {
	x     expr
	alias string // "" when none was given
	text  string // the expression as written, the column name without AS
}

type sortItem struct {
	x    expr
	text string
	desc bool
}

// pattern is a chain node (rel node)*.
type pattern struct {
	nodes []*nodePat
	rels  []*relPat
}

type nodePat struct {
	pos     int
	name    string // "" for an anonymous node
	namePos int
	labels  []nameRef
	props   []*propPat
}

// nameRef is a label or relation type as written.
type nameRef struct {
	s   string
	pos int
}

// relDir is the direction of a relationship pattern as written, from its
// left node to its right node.
type relDir int

const (
	dirRight relDir = iota // -[]->
	dirLeft                // <-[]-
	dirBoth                // -[]-
)

type relPat struct {
	pos     int
	name    string
	namePos int
	types   []nameRef
	dir     relDir
	varLen  bool
	min     int
	max     int // -1: unbounded
	props   []*propPat
}

type propPat struct {
	key string
	pos int
	x   expr
}

// expr is an expression.
type expr interface{ exprPos() int }

type litExpr struct {
	pos int
	v   any // nil, bool, int64, float64, string
}

type paramExpr struct {
	pos  int
	name string
}

type varExpr struct {
	pos  int
	name string
}

type propExpr struct {
	pos int // of the key
	x   expr
	key string
}

type indexExpr struct {
	pos  int
	x, i expr
}

type callExpr struct {
	pos      int
	name     string
	distinct bool
	star     bool
	args     []expr
}

type unaryExpr struct {
	pos int
	op  string // NOT, -
	x   expr
}

type binExpr struct {
	pos  int // of the operator
	op   string
	l, r expr
}

type isNullExpr struct {
	pos int
	x   expr
	not bool
}

// labelExpr is the predicate n:Label|Other (or r:TYPE for a relationship).
type labelExpr struct {
	x      *varExpr
	labels []nameRef
}

type listExpr struct {
	pos   int
	elems []expr
}

type mapExpr struct {
	pos  int
	keys []string
	vals []expr
}

func (e *litExpr) exprPos() int    { return e.pos }
func (e *paramExpr) exprPos() int  { return e.pos }
func (e *varExpr) exprPos() int    { return e.pos }
func (e *propExpr) exprPos() int   { return e.x.exprPos() }
func (e *indexExpr) exprPos() int  { return e.x.exprPos() }
func (e *callExpr) exprPos() int   { return e.pos }
func (e *unaryExpr) exprPos() int  { return e.pos }
func (e *binExpr) exprPos() int    { return e.l.exprPos() }
func (e *isNullExpr) exprPos() int { return e.x.exprPos() }
func (e *listExpr) exprPos() int   { return e.pos }
func (e *mapExpr) exprPos() int    { return e.pos }

// walkExpr calls f on e and every expression under it, parents first;
// when f returns false the children of that node are skipped.
func walkExpr(e expr, f func(expr) bool) {
	if e == nil || !f(e) {
		return
	}
	switch e := e.(type) {
	case *propExpr:
		walkExpr(e.x, f)
	case *indexExpr:
		walkExpr(e.x, f)
		walkExpr(e.i, f)
	case *callExpr:
		for _, a := range e.args {
			walkExpr(a, f)
		}
	case *unaryExpr:
		walkExpr(e.x, f)
	case *binExpr:
		walkExpr(e.l, f)
		walkExpr(e.r, f)
	case *isNullExpr:
		walkExpr(e.x, f)
	case *labelExpr:
		walkExpr(e.x, f)
	case *listExpr:
		for _, x := range e.elems {
			walkExpr(x, f)
		}
	case *mapExpr:
		for _, x := range e.vals {
			walkExpr(x, f)
		}
	}
}

func (e *labelExpr) exprPos() int { return e.x.pos }
