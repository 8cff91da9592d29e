package main

import (
	"fmt"
	"io/fs"
	"iter"
	"path/filepath"
	"strings"
	"time"
)

// checkDate accepts "" or a YYYY-MM-DD date.
func checkDate(s string) error {
	if s == "" {
		return nil
	}
	if _, err := time.Parse(time.DateOnly, s); err != nil {
		return fmt.Errorf("bad date %q: want YYYY-MM-DD", s)
	}
	return nil
}

// joinArgs joins command-line words with single spaces.
func joinArgs(args []string) string { return strings.Join(args, " ") }

// rowsOf yields the items of s with no error, for writeRows.
func rowsOf[T any](s []T) iter.Seq2[T, error] {
	return func(yield func(T, error) bool) {
		for _, x := range s {
			if !yield(x, nil) {
				return
			}
		}
	}
}

// dirSize adds up the sizes of the regular files under dir.
func dirSize(dir string) (int64, error) {
	var total int64
	err := filepath.WalkDir(dir, func(_ string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.Type().IsRegular() {
			fi, err := d.Info()
			if err != nil {
				return err
			}
			total += fi.Size()
		}
		return nil
	})
	if err != nil {
		return 0, fmt.Errorf("size of %s: %w", dir, err)
	}
	return total, nil
}
