//go:build unix

package main

import (
	"bytes"
	"context"
	"errors"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestKillAndLock is the end-to-end reliability test of the real binary:
// ingests killed with SIGKILL at random moments leave a database that
// checks clean and that a further ingest completes into the same graph as
// an uninterrupted run; and a second writer (or reader) is refused while
// an ingest holds the database. It builds the binary and ingests 1,500
// generated articles several times (about 30 s), so -short skips it.
func TestKillAndLock(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary and ingests 1,500 articles several times; skipped under -short")
	}
	dir := t.TempDir()
	bin := buildBinary(t, dir)
	corpus := filepath.Join(dir, "corpus")
	runBin(t, bin, "gen", "--articles", "1500", "--seed", "5", "--out", corpus)
	t.Run("killed ingests resume to the graph of an uninterrupted one", func(t *testing.T) {
		testKilledIngests(t, bin, corpus)
	})
	t.Run("a second writer or a reader is refused while an ingest runs", func(t *testing.T) {
		testSecondWriter(t, bin, corpus)
	})
}

// buildBinary builds ./ (the claimgraph command) into dir.
func buildBinary(t *testing.T, dir string) string {
	t.Helper()
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Fatalf("the go command is needed to build the binary: %v", err)
	}
	bin := filepath.Join(dir, "claimgraph")
	out, err := exec.Command(goTool, "build", "-o", bin, ".").CombinedOutput()
	if err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// runBin runs the binary and returns its standard output; it fails the
// test if the command fails.
func runBin(t *testing.T, bin string, args ...string) []byte {
	t.Helper()
	var stdout, stderr bytes.Buffer
	cmd := exec.Command(bin, args...)
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("claimgraph %s: %v\n%s%s", strings.Join(args, " "), err, stdout.Bytes(), stderr.Bytes())
	}
	return stdout.Bytes()
}

// startIngest starts an ingest of corpus into db and waits until the
// process holds the database (badger's LOCK file names its PID).
func startIngest(t *testing.T, bin, db, corpus string) *exec.Cmd {
	t.Helper()
	cmd := exec.Command(bin, "--db", db, "ingest", "-q", corpus)
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	pid := strconv.Itoa(cmd.Process.Pid)
	for deadline := time.Now().Add(20 * time.Second); time.Now().Before(deadline); time.Sleep(2 * time.Millisecond) {
		if b, err := os.ReadFile(filepath.Join(db, "LOCK")); err == nil && strings.TrimSpace(string(b)) == pid {
			return cmd
		}
		if cmd.ProcessState != nil {
			break
		}
	}
	_ = cmd.Process.Kill()
	_ = cmd.Wait()
	t.Fatalf("the ingest (PID %s) did not open %s", pid, db)
	return nil
}

// killedBySignal reports whether err says the process died of a signal.
func killedBySignal(err error) bool {
	var ee *exec.ExitError
	if !errors.As(err, &ee) {
		return false
	}
	ws, ok := ee.Sys().(syscall.WaitStatus)
	return ok && ws.Signaled()
}

func testKilledIngests(t *testing.T, bin, corpus string) {
	dir := t.TempDir()
	ref := filepath.Join(dir, "ref")
	start := time.Now()
	runBin(t, bin, "--db", ref, "ingest", "-q", corpus)
	took := time.Since(start)
	want := runBin(t, bin, "--db", ref, "export", "--format", "jsonl")

	db := filepath.Join(dir, "killed")
	rng := rand.New(rand.NewPCG(5, 1500))
	landed := 0
	const kills = 4
	for i := range kills {
		cmd := startIngest(t, bin, db, corpus)
		// each kill lands within the first third of what an uninterrupted
		// ingest takes, so that most land while articles are committed
		delay := time.Duration(float64(took) * (0.05 + 0.3*rng.Float64()))
		time.Sleep(delay)
		_ = cmd.Process.Signal(syscall.SIGKILL)
		err := cmd.Wait()
		if killedBySignal(err) {
			landed++
		} else if err != nil {
			t.Fatalf("kill %d: the ingest failed by itself: %v", i+1, err)
		}
		out := runBin(t, bin, "--db", db, "check")
		if !bytes.Contains(out, []byte("ok: no problems found")) {
			t.Fatalf("check after kill %d (at %v):\n%s", i+1, delay, out)
		}
	}
	t.Logf("%d of %d kills hit a running ingest (an uninterrupted one takes %v)", landed, kills, took)
	if landed < kills/2 {
		t.Fatalf("only %d of %d kills hit a running ingest (an uninterrupted one takes %v)", landed, kills, took)
	}
	runBin(t, bin, "--db", db, "ingest", "-q", corpus)
	if got := runBin(t, bin, "--db", db, "export", "--format", "jsonl"); !bytes.Equal(got, want) {
		t.Errorf("the export after %d kills and a resumed ingest differs from an uninterrupted run (%d and %d bytes)",
			landed, len(got), len(want))
	}
	out := runBin(t, bin, "--db", db, "check")
	if !bytes.Contains(out, []byte("ok: no problems found")) {
		t.Errorf("check after the resumed ingest:\n%s", out)
	}
}

func testSecondWriter(t *testing.T, bin, corpus string) {
	one := filepath.Join(t.TempDir(), "one.txt")
	if err := os.WriteFile(one, []byte("Dana Reyes said \"The canal opens in June.\"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for attempt := 1; ; attempt++ {
		db := filepath.Join(t.TempDir(), "db")
		first := startIngest(t, bin, db, corpus)
		outcomes := map[string]string{}
		for _, args := range [][]string{{"ingest", one}, {"stats"}} {
			ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
			out, err := exec.CommandContext(ctx, bin, append([]string{"--db", db}, args...)...).CombinedOutput()
			timedOut := ctx.Err() != nil
			cancel()
			if timedOut {
				t.Fatalf("a second %s did not fail fast", args[0])
			}
			if err != nil {
				outcomes[args[0]] = string(out)
			}
		}
		stillRunning := first.Process.Signal(syscall.Signal(0)) == nil
		_ = first.Process.Kill()
		_ = first.Wait()
		if len(outcomes) < 2 {
			if !stillRunning && attempt < 3 {
				continue // the first ingest finished too soon: try again
			}
			t.Fatalf("a second process was not refused while an ingest held the database: %v", outcomes)
		}
		for what, out := range outcomes {
			if !strings.Contains(out, "in use") || !strings.Contains(out, "another process") || !strings.Contains(out, db) {
				t.Errorf("the second %s's error does not say the database is in use by another process at %s:\n%s", what, db, out)
			}
			if strings.Contains(out, "goroutine ") {
				t.Errorf("the second %s panicked:\n%s", what, out)
			}
		}
		return
	}
}
