package eval

import (
	"context"
	"os"
	"strconv"
	"testing"
)

// TestPolnear scores the extractor on a real PolNeAR split named by
// $POLNEAR_DIR (with $POLNEAR_LIMIT, $POLNEAR_VERBOSE and $POLNEAR_DIRECT); it is skipped
// when the variable is unset.
func TestPolnear(t *testing.T) {
	dir := os.Getenv("POLNEAR_DIR")
	if dir == "" {
		t.Skip("POLNEAR_DIR is not set: no PolNeAR split to score (set it to ../shared/polnear/dev)")
	}
	limit, _ := strconv.Atoi(os.Getenv("POLNEAR_LIMIT"))
	sc, err := Run(context.Background(), dir, os.Stdout, Options{Limit: limit, Verbose: os.Getenv("POLNEAR_VERBOSE") != "",
		DirectOnly: os.Getenv("POLNEAR_DIRECT") != ""})
	if err != nil {
		t.Fatal(err)
	}
	if sc.Articles == 0 {
		t.Fatalf("no articles in %s", dir)
	}
	if sc.Errors > 0 {
		t.Errorf("%d articles failed", sc.Errors)
	}
}
