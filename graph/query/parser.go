package query

import (
	"fmt"
	"strconv"
	"strings"
)

// clauseKeywords start or continue a clause; misspellings are matched
// against them first.
var clauseKeywords = []string{"MATCH", "OPTIONAL", "WHERE", "WITH", "UNWIND", "RETURN",
	"ORDER", "SKIP", "LIMIT", "EXPLAIN"}

// keywords are every reserved word of the subset.
var keywords = append([]string{"AND", "OR", "XOR", "NOT", "IN", "IS", "NULL", "TRUE", "FALSE",
	"AS", "DISTINCT", "BY", "ASC", "DESC", "ASCENDING", "DESCENDING", "CONTAINS", "STARTS",
	"ENDS"}, clauseKeywords...)

// unsupported names Cypher clauses the subset refuses, with the reason.
var unsupported = map[string]string{
	"CREATE":  "claimgraph queries are read-only",
	"MERGE":   "claimgraph queries are read-only",
	"DELETE":  "claimgraph queries are read-only",
	"DETACH":  "claimgraph queries are read-only",
	"SET":     "claimgraph queries are read-only",
	"REMOVE":  "claimgraph queries are read-only",
	"DROP":    "claimgraph queries are read-only",
	"FOREACH": "claimgraph queries are read-only",
	"LOAD":    "claimgraph queries read only the graph",
	"CALL":    "claimgraph has no procedures",
	"UNION":   "run the statements one after the other",
	"USE":     "claimgraph has one graph",
	"PROFILE": "use EXPLAIN to see the plan",
	"START":   "use MATCH",
}

// parser is a recursive-descent parser over the tokens of one script.
type parser struct {
	src   string
	toks  []token
	i     int
	depth int // nesting of expressions, bounded by maxDepth
}

// maxDepth bounds how deeply expressions nest, so that hostile input
// cannot exhaust the stack.
const maxDepth = 200

// enter counts one level of nesting; leave undoes it.
func (p *parser) enter() error {
	p.depth++
	if p.depth > maxDepth {
		return p.errAt(p.peek().pos, "", "expression nested more than %d deep", maxDepth)
	}
	return nil
}

func (p *parser) leave() { p.depth-- }

func (p *parser) peek() token { return p.toks[p.i] }

func (p *parser) peekAt(k int) token {
	if p.i+k >= len(p.toks) {
		return p.toks[len(p.toks)-1]
	}
	return p.toks[p.i+k]
}

func (p *parser) next() token {
	t := p.toks[p.i]
	if t.kind != tEOF {
		p.i++
	}
	return t
}

// prevEnd is the end offset of the last consumed token.
func (p *parser) prevEnd() int {
	if p.i == 0 {
		return 0
	}
	return p.toks[p.i-1].end
}

func isKw(t token, kw string) bool { return t.kind == tIdent && strings.EqualFold(t.text, kw) }

func isPunct(t token, s string) bool { return t.kind == tPunct && t.text == s }

func (p *parser) acceptKw(kw string) bool {
	if isKw(p.peek(), kw) {
		p.i++
		return true
	}
	return false
}

func (p *parser) acceptPunct(s string) bool {
	if isPunct(p.peek(), s) {
		p.i++
		return true
	}
	return false
}

func (p *parser) errAt(pos int, hint, format string, args ...any) *Error {
	return errAt(p.src, pos, hint, format, args...)
}

// describe names a token for an error message.
func describe(t token) string {
	switch t.kind {
	case tEOF:
		return "end of input"
	case tString:
		return "string " + t.text
	case tParam:
		return "parameter " + t.text
	case tInt, tFloat:
		return "number " + t.text
	case tPunct:
		return "'" + t.text + "'"
	}
	if isKeyword(t.text) && t.kind == tIdent {
		return "keyword " + strings.ToUpper(t.text)
	}
	return t.text
}

func isKeyword(s string) bool {
	for _, k := range keywords {
		if strings.EqualFold(k, s) {
			return true
		}
	}
	return false
}

// unexpected reports the next token where want was expected. A name that
// is nearly a keyword is reported as a misspelt keyword.
func (p *parser) unexpected(want string) error {
	t := p.peek()
	if err := p.refuse(t); err != nil {
		return err
	}
	if t.kind == tIdent && !isKeyword(t.text) {
		if hint := didYouMean(t.text, keywords, nil); hint != "" {
			return p.errAt(t.pos, hint, "unknown keyword %s", t.text)
		}
	}
	return p.errAt(t.pos, "", "expected %s, found %s", want, describe(t))
}

// refuse returns the error for an unsupported Cypher keyword, or nil.
func (p *parser) refuse(t token) error {
	if t.kind != tIdent {
		return nil
	}
	up := strings.ToUpper(t.text)
	why, ok := unsupported[up]
	if !ok {
		return nil
	}
	if up == "LOAD" && isKw(p.peekAt(1), "CSV") {
		up = "LOAD CSV"
	}
	return p.errAt(t.pos, "", "%s is not supported: %s", up, why)
}

func (p *parser) expectPunct(s, want string) (token, error) {
	if isPunct(p.peek(), s) {
		return p.next(), nil
	}
	return token{}, p.unexpected(want)
}

// Parse parses a script: statements separated by ';', with // and /* */
// comments. Each statement is checked and planned; the first fault is
// returned as an *Error.
func Parse(src string) ([]*Statement, error) { return parse(src, true) }

// parse parses a script; with check unset it skips checking and planning,
// so that tests can look at the syntax alone.
func parse(src string, check bool) ([]*Statement, error) {
	toks, err := lex(src)
	if err != nil {
		return nil, err
	}
	p := &parser{src: src, toks: toks}
	var out []*Statement
	for {
		for p.acceptPunct(";") {
		}
		if p.peek().kind == tEOF {
			break
		}
		st, err := p.statement()
		if err != nil {
			return nil, err
		}
		if check {
			if err := compile(st); err != nil {
				return nil, err
			}
		}
		out = append(out, st)
		if t := p.peek(); t.kind != tEOF && !isPunct(t, ";") {
			return nil, p.unexpected("';' or end of input")
		}
	}
	if len(out) == 0 {
		return nil, p.errAt(len(src), "write MATCH (n) RETURN n", "empty query")
	}
	return out, nil
}

// ParseOne parses a script that holds exactly one statement.
func ParseOne(src string) (*Statement, error) {
	sts, err := Parse(src)
	if err != nil {
		return nil, err
	}
	if len(sts) > 1 {
		return nil, errAt(src, sts[1].pos, "run a script with Parse", "expected one statement, found %d", len(sts))
	}
	return sts[0], nil
}

func (p *parser) statement() (*Statement, error) {
	st := &Statement{src: p.src, pos: p.peek().pos}
	if p.acceptKw("EXPLAIN") {
		st.explain = true
	}
	for {
		t := p.peek()
		if t.kind == tEOF || isPunct(t, ";") {
			if len(st.clauses) == 0 {
				return nil, p.unexpected("MATCH, OPTIONAL MATCH, UNWIND or RETURN")
			}
			return nil, p.errAt(t.pos, "add RETURN with the values you want", "a query must end with RETURN")
		}
		c, err := p.clause()
		if err != nil {
			return nil, err
		}
		st.clauses = append(st.clauses, c)
		if _, ok := c.(*returnClause); ok {
			st.end = p.prevEnd()
			return st, p.afterReturn()
		}
	}
}

// afterReturn refuses a clause after RETURN.
func (p *parser) afterReturn() error {
	t := p.peek()
	if t.kind == tEOF || isPunct(t, ";") {
		return nil
	}
	for _, k := range []string{"MATCH", "OPTIONAL", "WITH", "UNWIND", "RETURN", "WHERE"} {
		if isKw(t, k) {
			return p.errAt(t.pos, "end the statement with ';' to start another", "RETURN must be the last clause")
		}
	}
	if isKw(t, "ORDER") || isKw(t, "SKIP") || isKw(t, "LIMIT") {
		return p.errAt(t.pos, "write ORDER BY, then SKIP, then LIMIT", "%s is out of place", strings.ToUpper(t.text))
	}
	return p.unexpected("';' or end of input")
}

func (p *parser) clause() (clause, error) {
	t := p.peek()
	switch {
	case isKw(t, "MATCH"):
		p.next()
		return p.matchClause(t.pos, false)
	case isKw(t, "OPTIONAL"):
		p.next()
		if !p.acceptKw("MATCH") {
			return nil, p.unexpected("MATCH after OPTIONAL")
		}
		return p.matchClause(t.pos, true)
	case isKw(t, "WITH"):
		p.next()
		return p.withClause(t.pos)
	case isKw(t, "UNWIND"):
		p.next()
		return p.unwindClause(t.pos)
	case isKw(t, "RETURN"):
		p.next()
		proj, err := p.projection()
		if err != nil {
			return nil, err
		}
		return &returnClause{pos: t.pos, proj: proj}, nil
	case isKw(t, "WHERE"):
		return nil, p.errAt(t.pos, "", "WHERE must follow MATCH, OPTIONAL MATCH or WITH")
	case isKw(t, "ORDER"), isKw(t, "SKIP"), isKw(t, "LIMIT"):
		return nil, p.errAt(t.pos, "", "%s must follow RETURN or WITH", strings.ToUpper(t.text))
	case isKw(t, "EXPLAIN"):
		return nil, p.errAt(t.pos, "", "EXPLAIN must come first in a statement")
	}
	if t.kind == tIdent && !isKeyword(t.text) {
		if err := p.refuse(t); err != nil {
			return nil, err
		}
		if hint := didYouMean(t.text, keywords, nil); hint != "" {
			return nil, p.errAt(t.pos, hint, "unknown keyword %s", t.text)
		}
	}
	return nil, p.unexpected("MATCH, OPTIONAL MATCH, WITH, UNWIND or RETURN")
}

func (p *parser) matchClause(pos int, optional bool) (*matchClause, error) {
	c := &matchClause{pos: pos, optional: optional}
	for {
		pat, err := p.pattern()
		if err != nil {
			return nil, err
		}
		c.patterns = append(c.patterns, pat)
		if !p.acceptPunct(",") {
			break
		}
	}
	if p.acceptKw("WHERE") {
		w, err := p.expr()
		if err != nil {
			return nil, err
		}
		c.where = w
	}
	return c, nil
}

func (p *parser) withClause(pos int) (*withClause, error) {
	proj, err := p.projection()
	if err != nil {
		return nil, err
	}
	c := &withClause{pos: pos, proj: proj}
	if p.acceptKw("WHERE") {
		if c.where, err = p.expr(); err != nil {
			return nil, err
		}
	}
	return c, nil
}

func (p *parser) unwindClause(pos int) (*unwindClause, error) {
	x, err := p.expr()
	if err != nil {
		return nil, err
	}
	if !p.acceptKw("AS") {
		return nil, p.unexpected("AS after the UNWIND list")
	}
	name, npos, err := p.name("a variable name")
	if err != nil {
		return nil, err
	}
	return &unwindClause{pos: pos, x: x, name: name, namePos: npos}, nil
}

// name reads an identifier or a `quoted` name.
func (p *parser) name(want string) (string, int, error) {
	t := p.peek()
	if t.kind == tQuoted || (t.kind == tIdent && !isKeyword(t.text)) {
		p.next()
		return t.val, t.pos, nil
	}
	if t.kind == tIdent {
		return "", 0, p.errAt(t.pos, "quote it with backticks to use it as a name", "expected %s, found keyword %s", want, strings.ToUpper(t.text))
	}
	return "", 0, p.unexpected(want)
}

func (p *parser) projection() (*projection, error) {
	pr := &projection{distinct: p.acceptKw("DISTINCT")}
	if p.acceptPunct("*") {
		pr.star = true
		if !p.acceptPunct(",") {
			return pr, p.projectionTail(pr)
		}
	}
	for {
		it, err := p.item()
		if err != nil {
			return nil, err
		}
		pr.items = append(pr.items, it)
		if !p.acceptPunct(",") {
			break
		}
	}
	return pr, p.projectionTail(pr)
}

func (p *parser) item() (*item, error) {
	start := p.peek().pos
	x, err := p.expr()
	if err != nil {
		return nil, err
	}
	it := &item{x: x, text: p.src[start:p.prevEnd()]}
	if p.acceptKw("AS") {
		if it.alias, _, err = p.name("a column name after AS"); err != nil {
			return nil, err
		}
	}
	return it, nil
}

// projectionTail reads ORDER BY, SKIP and LIMIT.
func (p *parser) projectionTail(pr *projection) error {
	if p.acceptKw("ORDER") {
		if !p.acceptKw("BY") {
			return p.unexpected("BY after ORDER")
		}
		for {
			start := p.peek().pos
			x, err := p.expr()
			if err != nil {
				return err
			}
			si := &sortItem{x: x, text: p.src[start:p.prevEnd()]}
			switch {
			case p.acceptKw("DESC"), p.acceptKw("DESCENDING"):
				si.desc = true
			case p.acceptKw("ASC"), p.acceptKw("ASCENDING"):
			}
			pr.order = append(pr.order, si)
			if !p.acceptPunct(",") {
				break
			}
		}
	}
	var err error
	if p.acceptKw("SKIP") {
		if pr.skip, err = p.expr(); err != nil {
			return err
		}
	}
	if p.acceptKw("LIMIT") {
		if pr.limit, err = p.expr(); err != nil {
			return err
		}
	}
	return nil
}

// pattern reads node (rel node)*.
func (p *parser) pattern() (*pattern, error) {
	t := p.peek()
	if (t.kind == tIdent || t.kind == tQuoted) && isPunct(p.peekAt(1), "=") {
		return nil, p.errAt(t.pos, "bind the nodes and relationships instead", "named paths (%s = ...) are not supported", t.val)
	}
	if isKw(t, "shortestPath") || isKw(t, "allShortestPaths") {
		return nil, p.errAt(t.pos, "use the claimgraph path command", "%s is not supported", t.text)
	}
	n, err := p.nodePattern()
	if err != nil {
		return nil, err
	}
	pat := &pattern{nodes: []*nodePat{n}}
	for isPunct(p.peek(), "-") || (isPunct(p.peek(), "<") && isPunct(p.peekAt(1), "-")) {
		r, err := p.relPattern()
		if err != nil {
			return nil, err
		}
		n, err := p.nodePattern()
		if err != nil {
			return nil, err
		}
		pat.rels = append(pat.rels, r)
		pat.nodes = append(pat.nodes, n)
	}
	return pat, nil
}

func (p *parser) nodePattern() (*nodePat, error) {
	open, err := p.expectPunct("(", "'(' to start a node pattern")
	if err != nil {
		return nil, err
	}
	n := &nodePat{pos: open.pos}
	if t := p.peek(); t.kind == tQuoted || t.kind == tIdent {
		if n.name, n.namePos, err = p.name("a variable name"); err != nil {
			return nil, err
		}
	}
	if p.acceptPunct(":") {
		if n.labels, err = p.labels(false); err != nil {
			return nil, err
		}
		if isPunct(p.peek(), ":") {
			return nil, p.errAt(p.peek().pos, "write :A|B to match either", "a node has one kind, so it cannot have two labels")
		}
	}
	if n.props, err = p.propMap(); err != nil {
		return nil, err
	}
	if _, err := p.expectPunct(")", "')' to close the node pattern"); err != nil {
		return nil, err
	}
	return n, nil
}

// labels reads name ('|' [':'] name)* after a ':'. Relation types may
// contain hyphens (member-of).
func (p *parser) labels(rel bool) ([]nameRef, error) {
	var out []nameRef
	for {
		what := "a label"
		if rel {
			what = "a relation type"
		}
		s, pos, err := p.labelName(what, rel)
		if err != nil {
			return nil, err
		}
		out = append(out, nameRef{s: s, pos: pos})
		if !p.acceptPunct("|") {
			return out, nil
		}
		p.acceptPunct(":")
	}
}

// labelName reads one label; keywords are allowed, and for relation types
// name-name written without spaces is one name.
func (p *parser) labelName(what string, hyphens bool) (string, int, error) {
	t := p.peek()
	if t.kind != tIdent && t.kind != tQuoted {
		return "", 0, p.unexpected(what)
	}
	p.next()
	s, end := t.val, t.end
	for hyphens {
		dash, nx := p.peek(), p.peekAt(1)
		if !isPunct(dash, "-") || dash.pos != end || nx.kind != tIdent || nx.pos != dash.end {
			break
		}
		p.next()
		p.next()
		s += "-" + nx.val
		end = nx.end
	}
	return s, t.pos, nil
}

// propMap reads an optional {key: expr, ...} in a pattern.
func (p *parser) propMap() ([]*propPat, error) {
	if t := p.peek(); t.kind == tParam {
		return nil, p.errAt(t.pos, "write {key: $param}", "a parameter map in a pattern is not supported")
	}
	if !p.acceptPunct("{") {
		return nil, nil
	}
	var out []*propPat
	if p.acceptPunct("}") {
		return out, nil
	}
	for {
		key, pos, err := p.mapKey()
		if err != nil {
			return nil, err
		}
		if _, err := p.expectPunct(":", "':' after the property name"); err != nil {
			return nil, err
		}
		x, err := p.expr()
		if err != nil {
			return nil, err
		}
		out = append(out, &propPat{key: key, pos: pos, x: x})
		if p.acceptPunct("}") {
			return out, nil
		}
		if _, err := p.expectPunct(",", "',' or '}' in the property map"); err != nil {
			return nil, err
		}
	}
}

func (p *parser) mapKey() (string, int, error) {
	t := p.peek()
	switch t.kind {
	case tIdent, tQuoted, tString:
		p.next()
		return t.val, t.pos, nil
	}
	return "", 0, p.unexpected("a property name")
}

// relPattern reads -[...]->, <-[...]-, -[...]- and the short forms -->, <--, --.
func (p *parser) relPattern() (*relPat, error) {
	r := &relPat{pos: p.peek().pos, max: 1, min: 1}
	left := p.acceptPunct("<")
	if _, err := p.expectPunct("-", "'-' in the relationship"); err != nil {
		return nil, err
	}
	if p.acceptPunct("[") {
		if err := p.relDetail(r); err != nil {
			return nil, err
		}
		if _, err := p.expectPunct("]", "']' to close the relationship"); err != nil {
			return nil, err
		}
	}
	if _, err := p.expectPunct("-", "'-' or '->' to end the relationship"); err != nil {
		return nil, err
	}
	right := p.acceptPunct(">")
	switch {
	case left && right:
		return nil, p.errAt(r.pos, "use <-[]-, -[]-> or -[]- for either way", "a relationship cannot point both ways")
	case left:
		r.dir = dirLeft
	case right:
		r.dir = dirRight
	default:
		r.dir = dirBoth
	}
	return r, nil
}

func (p *parser) relDetail(r *relPat) error {
	var err error
	if t := p.peek(); t.kind == tQuoted || t.kind == tIdent {
		if r.name, r.namePos, err = p.name("a variable name"); err != nil {
			return err
		}
	}
	if p.acceptPunct(":") {
		if r.types, err = p.labels(true); err != nil {
			return err
		}
	}
	if p.acceptPunct("*") {
		if err := p.varLength(r); err != nil {
			return err
		}
	}
	r.props, err = p.propMap()
	return err
}

// varLength reads the bounds after '*': *, *2, *1..3, *..3, *2..
func (p *parser) varLength(r *relPat) error {
	r.varLen, r.min, r.max = true, 1, -1
	if t := p.peek(); t.kind == tInt {
		n, err := p.bound()
		if err != nil {
			return err
		}
		r.min, r.max = n, n
	}
	if p.acceptPunct("..") {
		r.max = -1
		if p.peek().kind == tInt {
			n, err := p.bound()
			if err != nil {
				return err
			}
			r.max = n
		}
	}
	if r.max >= 0 && r.max < r.min {
		return p.errAt(r.pos, "", "variable-length bounds *%d..%d are empty: the upper bound is below the lower", r.min, r.max)
	}
	return nil
}

// maxBound is the largest hop count that may be written.
const maxBound = 1000

func (p *parser) bound() (int, error) {
	t := p.next()
	n, err := strconv.Atoi(t.text)
	if err != nil || n > maxBound {
		return 0, p.errAt(t.pos, "", "hop count %s is larger than %d", t.text, maxBound)
	}
	return n, nil
}

// Expressions, loosest binding first.

func (p *parser) expr() (expr, error) {
	defer p.leave()
	if err := p.enter(); err != nil {
		return nil, err
	}
	return p.binary(0)
}

// levels lists the binary operator levels from loosest to tightest; the
// comparison level is handled by comparison.
var levels = [][]string{{"OR"}, {"XOR"}, {"AND"}}

func (p *parser) binary(level int) (expr, error) {
	if level == len(levels) {
		return p.not()
	}
	l, err := p.binary(level + 1)
	if err != nil {
		return nil, err
	}
	for {
		t := p.peek()
		op := ""
		for _, o := range levels[level] {
			if isKw(t, o) {
				op = o
			}
		}
		if op == "" {
			return l, nil
		}
		p.next()
		r, err := p.binary(level + 1)
		if err != nil {
			return nil, err
		}
		l = &binExpr{pos: t.pos, op: op, l: l, r: r}
	}
}

func (p *parser) not() (expr, error) {
	defer p.leave()
	if err := p.enter(); err != nil {
		return nil, err
	}
	if t := p.peek(); isKw(t, "NOT") {
		p.next()
		x, err := p.not()
		if err != nil {
			return nil, err
		}
		return &unaryExpr{pos: t.pos, op: "NOT", x: x}, nil
	}
	return p.comparison()
}

// comparison reads additive expressions joined by comparison operators,
// IN, CONTAINS, STARTS WITH, ENDS WITH and IS [NOT] NULL, left to right.
func (p *parser) comparison() (expr, error) {
	l, err := p.additive()
	if err != nil {
		return nil, err
	}
	for {
		t := p.peek()
		op := ""
		switch {
		case t.kind == tPunct && strings.Contains(" = <> < <= > >= =~ ", " "+t.text+" "):
			op = t.text
		case isKw(t, "IN"), isKw(t, "CONTAINS"):
			op = strings.ToUpper(t.text)
		case isKw(t, "STARTS"), isKw(t, "ENDS"):
			if !isKw(p.peekAt(1), "WITH") {
				p.next()
				return nil, p.unexpected("WITH after " + strings.ToUpper(t.text))
			}
			p.next()
			op = strings.ToUpper(t.text) + " WITH"
		case isKw(t, "IS"):
			p.next()
			not := p.acceptKw("NOT")
			if !p.acceptKw("NULL") {
				return nil, p.unexpected("NULL after IS")
			}
			l = &isNullExpr{pos: t.pos, x: l, not: not}
			continue
		}
		if op == "" {
			return l, nil
		}
		if err := p.patternInExpr(l, t); err != nil {
			return nil, err
		}
		p.next()
		r, err := p.additive()
		if err != nil {
			return nil, err
		}
		l = &binExpr{pos: t.pos, op: op, l: l, r: r}
	}
}

func (p *parser) additive() (expr, error) {
	l, err := p.multiplicative()
	if err != nil {
		return nil, err
	}
	for {
		t := p.peek()
		if !isPunct(t, "+") && !isPunct(t, "-") {
			return l, nil
		}
		if err := p.patternInExpr(l, t); err != nil {
			return nil, err
		}
		p.next()
		r, err := p.multiplicative()
		if err != nil {
			return nil, err
		}
		l = &binExpr{pos: t.pos, op: t.text, l: l, r: r}
	}
}

// patternInExpr refuses a pattern used as a predicate, (a)-[:R]->(b) or
// (a)<-[:R]-(b), which would otherwise misparse as arithmetic.
func (p *parser) patternInExpr(l expr, t token) error {
	if _, ok := l.(*varExpr); !ok || p.i == 0 || !isPunct(p.toks[p.i-1], ")") {
		return nil
	}
	nx := p.peekAt(1)
	arrow := isPunct(t, "-") && (isPunct(nx, "[") || isPunct(nx, "-") || isPunct(nx, ">")) ||
		isPunct(t, "<") && isPunct(nx, "-")
	if arrow {
		return p.errAt(l.exprPos(), "put the pattern in a MATCH or OPTIONAL MATCH clause", "pattern predicates are not supported")
	}
	return nil
}

func (p *parser) multiplicative() (expr, error) {
	l, err := p.unary()
	if err != nil {
		return nil, err
	}
	for {
		t := p.peek()
		if !isPunct(t, "*") && !isPunct(t, "/") && !isPunct(t, "%") {
			return l, nil
		}
		p.next()
		r, err := p.unary()
		if err != nil {
			return nil, err
		}
		l = &binExpr{pos: t.pos, op: t.text, l: l, r: r}
	}
}

func (p *parser) unary() (expr, error) {
	defer p.leave()
	if err := p.enter(); err != nil {
		return nil, err
	}
	t := p.peek()
	if isPunct(t, "-") || isPunct(t, "+") {
		p.next()
		x, err := p.unary()
		if err != nil {
			return nil, err
		}
		if t.text == "+" {
			return x, nil
		}
		if l, ok := x.(*litExpr); ok {
			switch v := l.v.(type) {
			case int64:
				return &litExpr{pos: t.pos, v: -v}, nil
			case float64:
				return &litExpr{pos: t.pos, v: -v}, nil
			}
		}
		return &unaryExpr{pos: t.pos, op: "-", x: x}, nil
	}
	return p.postfix()
}

func (p *parser) postfix() (expr, error) {
	x, err := p.atom()
	if err != nil {
		return nil, err
	}
	if v, ok := x.(*varExpr); ok && isPunct(p.peek(), ":") {
		p.next()
		labels, err := p.labels(true)
		if err != nil {
			return nil, err
		}
		return &labelExpr{x: v, labels: labels}, nil
	}
	for {
		t := p.peek()
		switch {
		case isPunct(t, "."):
			p.next()
			k := p.peek()
			if k.kind != tIdent && k.kind != tQuoted {
				return nil, p.unexpected("a property name after '.'")
			}
			p.next()
			x = &propExpr{pos: k.pos, x: x, key: k.val}
		case isPunct(t, "["):
			p.next()
			i, err := p.expr()
			if err != nil {
				return nil, err
			}
			if isPunct(p.peek(), "..") {
				return nil, p.errAt(p.peek().pos, "", "list slices are not supported")
			}
			if _, err := p.expectPunct("]", "']' after the index"); err != nil {
				return nil, err
			}
			x = &indexExpr{pos: t.pos, x: x, i: i}
		default:
			return x, nil
		}
	}
}

func (p *parser) atom() (expr, error) {
	t := p.peek()
	switch t.kind {
	case tInt:
		p.next()
		v, err := strconv.ParseInt(t.text, 0, 64)
		if err != nil {
			return nil, p.errAt(t.pos, "", "integer %s is out of range", t.text)
		}
		return &litExpr{pos: t.pos, v: v}, nil
	case tFloat:
		p.next()
		v, err := strconv.ParseFloat(t.text, 64)
		if err != nil {
			return nil, p.errAt(t.pos, "", "number %s is out of range", t.text)
		}
		return &litExpr{pos: t.pos, v: v}, nil
	case tString:
		p.next()
		return &litExpr{pos: t.pos, v: t.val}, nil
	case tParam:
		p.next()
		return &paramExpr{pos: t.pos, name: t.val}, nil
	case tQuoted:
		p.next()
		return &varExpr{pos: t.pos, name: t.val}, nil
	case tIdent:
		return p.identAtom(t)
	}
	switch {
	case isPunct(t, "("):
		p.next()
		x, err := p.expr()
		if err != nil {
			return nil, err
		}
		if _, err := p.expectPunct(")", "')'"); err != nil {
			return nil, err
		}
		return x, nil
	case isPunct(t, "["):
		return p.list()
	case isPunct(t, "{"):
		return p.mapLit()
	}
	return nil, p.unexpected("an expression")
}

func (p *parser) identAtom(t token) (expr, error) {
	switch strings.ToUpper(t.text) {
	case "TRUE", "FALSE":
		p.next()
		return &litExpr{pos: t.pos, v: strings.EqualFold(t.text, "true")}, nil
	case "NULL":
		p.next()
		return &litExpr{pos: t.pos}, nil
	case "CASE":
		return nil, p.errAt(t.pos, "", "CASE expressions are not supported")
	case "EXISTS":
		return nil, p.errAt(t.pos, "compare with IS NOT NULL, or put the pattern in OPTIONAL MATCH", "EXISTS is not supported")
	}
	if isPunct(p.peekAt(1), "(") {
		return p.call()
	}
	if err := p.refuse(t); err != nil {
		return nil, err
	}
	if isKeyword(t.text) {
		return nil, p.errAt(t.pos, "", "expected an expression, found keyword %s", strings.ToUpper(t.text))
	}
	p.next()
	return &varExpr{pos: t.pos, name: t.val}, nil
}

func (p *parser) call() (expr, error) {
	t := p.next()
	p.next() // (
	c := &callExpr{pos: t.pos, name: t.val}
	c.distinct = p.acceptKw("DISTINCT")
	if p.acceptPunct("*") {
		c.star = true
	} else if !isPunct(p.peek(), ")") {
		for {
			a, err := p.expr()
			if err != nil {
				return nil, err
			}
			c.args = append(c.args, a)
			if !p.acceptPunct(",") {
				break
			}
		}
	}
	if _, err := p.expectPunct(")", fmt.Sprintf("')' to close %s(", t.val)); err != nil {
		return nil, err
	}
	return c, nil
}

func (p *parser) list() (expr, error) {
	open := p.next()
	l := &listExpr{pos: open.pos}
	if p.acceptPunct("]") {
		return l, nil
	}
	for {
		x, err := p.expr()
		if err != nil {
			return nil, err
		}
		l.elems = append(l.elems, x)
		if p.acceptPunct("]") {
			return l, nil
		}
		if _, err := p.expectPunct(",", "',' or ']' in the list"); err != nil {
			return nil, err
		}
	}
}

func (p *parser) mapLit() (expr, error) {
	open := p.next()
	m := &mapExpr{pos: open.pos}
	if p.acceptPunct("}") {
		return m, nil
	}
	for {
		key, _, err := p.mapKey()
		if err != nil {
			return nil, err
		}
		if _, err := p.expectPunct(":", "':' after the key"); err != nil {
			return nil, err
		}
		x, err := p.expr()
		if err != nil {
			return nil, err
		}
		m.keys = append(m.keys, key)
		m.vals = append(m.vals, x)
		if p.acceptPunct("}") {
			return m, nil
		}
		if _, err := p.expectPunct(",", "',' or '}' in the map"); err != nil {
			return nil, err
		}
	}
}
