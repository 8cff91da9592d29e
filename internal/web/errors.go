package web

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"time"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/ask"
	"github.com/claimgraph/claimgraph/graph/query"
)

// statusError is an error with the HTTP status that fits it.
type statusError struct {
	code int
	msg  string
	err  error // the cause, if any
}

func (e *statusError) Error() string {
	if e.err != nil && e.msg == "" {
		return e.err.Error()
	}
	return e.msg
}

func (e *statusError) Unwrap() error { return e.err }

func badRequest(format string, args ...any) error {
	return &statusError{code: http.StatusBadRequest, msg: fmt.Sprintf(format, args...)}
}

func notFound(format string, args ...any) error {
	return &statusError{code: http.StatusNotFound, msg: fmt.Sprintf(format, args...)}
}

// timeoutCause replaces a deadline error of ctx by one that says which
// limit was hit.
func timeoutCause(ctx context.Context, err error, limit time.Duration) error {
	if errors.Is(err, context.DeadlineExceeded) || (ctx.Err() != nil && errors.Is(ctx.Err(), context.DeadlineExceeded)) {
		return &statusError{code: http.StatusGatewayTimeout,
			msg: fmt.Sprintf("the request took longer than the time limit of %s", limit), err: err}
	}
	return err
}

// statusOf maps an error to the HTTP status that fits it.
func statusOf(err error) int {
	var se *statusError
	var qe *query.Error
	var mbe *http.MaxBytesError
	var amb *ambiguousError
	switch {
	case errors.As(err, &se):
		return se.code
	case errors.As(err, &amb):
		return http.StatusMultipleChoices
	case errors.As(err, &mbe):
		return http.StatusRequestEntityTooLarge
	case errors.As(err, &qe):
		return http.StatusBadRequest
	case errors.Is(err, ask.ErrNoMatch), errors.Is(err, graph.ErrNotFound):
		return http.StatusNotFound
	case errors.Is(err, context.DeadlineExceeded):
		return http.StatusGatewayTimeout
	case errors.Is(err, context.Canceled):
		return http.StatusServiceUnavailable
	}
	return http.StatusInternalServerError
}

// apiError is the JSON body of an API error.
type apiError struct {
	Error  string `json:"error"`
	Status int    `json:"status"`
	// Line, Column and Hint locate a query error.
	Line   int    `json:"line,omitempty"`
	Column int    `json:"column,omitempty"`
	Hint   string `json:"hint,omitempty"`
	// Candidates are the IDs a name could mean, when it means several.
	Candidates []string `json:"candidates,omitempty"`
}

// errorBody builds the JSON error for err with status code.
func errorBody(err error, code int) apiError {
	body := apiError{Error: err.Error(), Status: code}
	var qe *query.Error
	var mbe *http.MaxBytesError
	var amb *ambiguousError
	switch {
	case errors.As(err, &qe):
		body.Error, body.Line, body.Column, body.Hint = qe.Msg, qe.Line, qe.Col, qe.Hint
	case errors.As(err, &mbe):
		body.Error = fmt.Sprintf("request body larger than %d bytes", mbe.Limit)
	case errors.As(err, &amb):
		body.Candidates = amb.ids
	}
	if code == http.StatusInternalServerError {
		body.Error = "internal error: " + body.Error
	}
	return body
}

// writeError answers an API request with err as JSON.
func writeError(w http.ResponseWriter, r *http.Request, log *slog.Logger, err error) {
	code := statusOf(err)
	if code == http.StatusInternalServerError {
		log.Error("request failed", "method", r.Method, "path", r.URL.Path, "err", err)
	}
	writeJSON(w, code, errorBody(err, code))
}

// writeJSON writes v as the JSON answer with status code. Strings are
// encoded with <, > and & escaped, so that no answer can be read as HTML.
func writeJSON(w http.ResponseWriter, code int, v any) {
	b, err := json.Marshal(v)
	if err != nil {
		code = http.StatusInternalServerError
		b, _ = json.Marshal(apiError{Error: "internal error: encode answer: " + err.Error(), Status: code})
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(code)
	_, _ = w.Write(append(b, '\n'))
}

// ambiguousError says that a name means several nodes.
type ambiguousError struct {
	name string
	ids  []string
}

func (e *ambiguousError) Error() string {
	return fmt.Sprintf("%q names %d nodes; ask for one by ID", e.name, len(e.ids))
}
