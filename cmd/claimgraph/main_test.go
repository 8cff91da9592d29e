package main

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/rogpeppe/go-internal/testscript"
)

// TestMain lets the test binary act as the claimgraph command inside the
// scripts, so the end-to-end tests run the real program against real
// badger directories.
func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"claimgraph": func() { os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr)) },
	})
}

// TestScripts runs the end-to-end scripts in testdata/script. $ARTICLES is
// the repository's sample articles.
func TestScripts(t *testing.T) {
	articles, err := filepath.Abs("../../testdata/articles")
	if err != nil {
		t.Fatal(err)
	}
	testscript.Run(t, testscript.Params{
		Dir: "testdata/script",
		Setup: func(env *testscript.Env) error {
			env.Setenv("ARTICLES", articles)
			env.Setenv("INTEL", filepath.Join(filepath.Dir(articles), "intel"))
			env.Setenv("CLAIMGRAPH_DB", "")
			return nil
		},
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			// sleep DURATION lets a background command get going.
			"sleep": func(ts *testscript.TestScript, neg bool, args []string) {
				if neg || len(args) != 1 {
					ts.Fatalf("usage: sleep DURATION")
				}
				d, err := time.ParseDuration(args[0])
				ts.Check(err)
				time.Sleep(d)
			},
		},
	})
}
