package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/spf13/cobra"

	"github.com/claimgraph/claimgraph/graph/query"
	"github.com/claimgraph/claimgraph/store"
)

type queryOptions struct {
	file    string
	params  []string
	timeout time.Duration
	wide    bool
	format  *formatFlag
}

func newQueryCmd(a *app) *cobra.Command {
	o := &queryOptions{}
	cmd := &cobra.Command{
		Use:   "query 'MATCH …' | -f FILE | -",
		Short: "Run read-only Cypher queries against the graph",
		Long: `query runs a read-only subset of openCypher (docs/QUERY.md): MATCH and
OPTIONAL MATCH patterns, WHERE, RETURN with aggregates, ORDER BY, SKIP, LIMIT,
$parameters, and EXPLAIN. Kinds are labels (:Person, :Party, :Claim) and
relations are types (:SAID, :MEMBER_OF). A name in a pattern,
(p {name: "Roe"}), matches any alias.

-f FILE runs a script of statements separated by ';' (with // comments);
- reads the script from standard input. --format json prints one JSON array
of objects keyed by the RETURN columns per statement.

Exit status: 0 on success (with or without rows), 1 for a query error,
2 for a usage error.`,
		Example: `  claimgraph query 'MATCH (p:Person)-[:SAID]->(c:Claim) RETURN p.name, count(*) AS n ORDER BY n DESC LIMIT 5'
  claimgraph query 'MATCH (p {name: $who})-[:MEMBER_OF]->(x) RETURN x.name' --param who=Roe
  claimgraph query -f questions.cypher --format jsonl`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			src, err := o.source(a, args)
			if err != nil {
				return err
			}
			params, err := parseParams(o.params)
			if err != nil {
				return err
			}
			if o.timeout <= 0 {
				return usagef("claimgraph query --timeout 10s 'MATCH …'", "--timeout must be positive")
			}
			stmts, err := query.Parse(src)
			if err != nil {
				return err
			}
			return a.withRead(func(db *store.DB) error { return runQuery(ctxOf(cmd), a, db, stmts, params, o) })
		},
	}
	f := cmd.Flags()
	f.StringVarP(&o.file, "file", "f", "", "read the statements from FILE")
	f.StringArrayVar(&o.params, "param", nil, "set $name: name=value (a JSON value, else a string); repeatable")
	f.DurationVar(&o.timeout, "timeout", 30*time.Second, "stop a query that runs longer than this")
	f.BoolVar(&o.wide, "wide", false, "do not shorten long table cells")
	o.format = addFormatFlag(cmd, fmtTable, fmtJSON, fmtJSONL, fmtCSV, fmtTSV)
	return cmd
}

// source returns the query text from the argument, -f FILE, or stdin.
func (o *queryOptions) source(a *app, args []string) (string, error) {
	switch {
	case o.file != "" && len(args) > 0:
		return "", usagef("claimgraph query -f FILE", "give the query as an argument or with -f FILE, not both")
	case o.file != "":
		b, err := os.ReadFile(o.file)
		if err != nil {
			return "", fmt.Errorf("query file: %w", err)
		}
		return string(b), nil
	case len(args) == 0:
		return "", usagef("claimgraph query 'MATCH (p:Person) RETURN p.name'", "no query: give one as an argument, with -f FILE, or - for standard input")
	case args[0] == "-":
		b, err := io.ReadAll(a.stdin)
		if err != nil {
			return "", fmt.Errorf("read query from standard input: %w", err)
		}
		return string(b), nil
	}
	return args[0], nil
}

func parseParams(list []string) (query.Params, error) {
	p := query.Params{}
	for _, s := range list {
		name, v, err := query.ParseParam(s)
		if err != nil {
			return nil, usagef("claimgraph query --param name=Roe 'MATCH (p {name: $name}) RETURN p'", "--param: %v", err)
		}
		p[name] = v
	}
	return p, nil
}

func runQuery(ctx context.Context, a *app, db *store.DB, stmts []*query.Statement, p query.Params, o *queryOptions) error {
	for i, st := range stmts {
		if i > 0 && o.format.value == fmtTable {
			fmt.Fprintln(a.stdout)
		}
		if err := runStatement(ctx, a, db, st, p, o); err != nil {
			return err
		}
	}
	return nil
}

func runStatement(ctx context.Context, a *app, db *store.DB, st *query.Statement, p query.Params, o *queryOptions) error {
	ctx, cancel := context.WithTimeoutCause(ctx, o.timeout, fmt.Errorf("query timed out after %s (raise --timeout)", o.timeout))
	defer cancel()
	res, err := query.Run(ctx, db, st, p)
	if err != nil {
		return err
	}
	w := newRecordWriter(a.stdout, o.format.value, res.Columns, o.wide)
	for row, err := range res.Rows {
		if err != nil {
			if errors.Is(err, context.DeadlineExceeded) && context.Cause(ctx) != nil {
				return context.Cause(ctx)
			}
			return err
		}
		if err := w.Write(row); err != nil {
			return err
		}
	}
	return w.Close()
}
