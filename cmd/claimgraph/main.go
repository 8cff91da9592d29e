// Command claimgraph turns news articles into a claim-tracking knowledge
// graph stored in an embedded badger database, and answers who said what
// about whom. Run `claimgraph help` for the commands.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
)

// Version is set at build time with -ldflags "-X main.Version=…"; when empty,
// the module version from the build info is used.
var Version = ""

func main() { os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr)) }

// run executes one command line and returns the process exit code:
// 0 success, 1 a failed command (bad input, query error, I/O), 2 a usage
// error (unknown command or flag, wrong arguments).
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) (code int) {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	defer func() {
		if r := recover(); r != nil {
			fmt.Fprintf(stderr, "Error: internal error: %v (please report this)\n", r)
			code = 1
		}
	}()
	a := &app{stdin: stdin, stdout: stdout, stderr: stderr, getenv: os.Getenv}
	root := newRootCmd(a)
	root.SetArgs(args)
	err := root.ExecuteContext(ctx)
	if err == nil {
		return 0
	}
	return reportError(stderr, err)
}

// reportError prints err the one way errors are printed and maps it to an
// exit code.
func reportError(stderr io.Writer, err error) int {
	var ue *usageError
	if errors.As(err, &ue) {
		fmt.Fprintf(stderr, "Error: %v\n", ue.err)
		if ue.try != "" {
			fmt.Fprintf(stderr, "Try: %s\n", ue.try)
		}
		if ue.code != 0 {
			return ue.code
		}
		return 2
	}
	if errors.Is(err, errSilent) {
		return 1
	}
	fmt.Fprintf(stderr, "Error: %v\n", err)
	return 1
}

// usageError marks a mistake in how a command was called (exit code 2),
// or, with code set, any error that comes with a command to try instead.
type usageError struct {
	err  error
	try  string // an example command line that works
	code int    // exit code; 0 means 2
}

func (e *usageError) Error() string { return e.err.Error() }
func (e *usageError) Unwrap() error { return e.err }

func usagef(try, format string, args ...any) error {
	return &usageError{err: fmt.Errorf(format, args...), try: try}
}

// errSilent is returned by a command that has already printed its error.
var errSilent = errors.New("failed")
