package ingest

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// input is one file to read: a path, or "-" for standard input.
type input struct {
	path string
	size int64
}

// stdinName is the path that stands for standard input.
const stdinName = "-"

// listInputs expands paths into files: directories are walked recursively
// in lexical order, skipping hidden files and directories; "-" is standard
// input. A path that does not exist is an error before anything is read.
func listInputs(paths []string) ([]input, error) {
	var out []input
	for _, p := range paths {
		if p == stdinName {
			out = append(out, input{path: stdinName})
			continue
		}
		fi, err := os.Stat(p)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", p, unwrapPathError(err))
		}
		if !fi.IsDir() {
			out = append(out, input{path: p, size: fi.Size()})
			continue
		}
		files, err := walkDir(p)
		if err != nil {
			return nil, err
		}
		out = append(out, files...)
	}
	return out, nil
}

func walkDir(root string) ([]input, error) {
	// WalkDir does not follow a root that is a symbolic link (it would
	// list nothing); with a trailing separator the system resolves it, and
	// the files are still named under the link.
	if fi, err := os.Lstat(root); err == nil && fi.Mode()&fs.ModeSymlink != 0 {
		root += string(filepath.Separator)
	}
	var out []input
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return fmt.Errorf("%s: %w", path, unwrapPathError(err))
		}
		if path != root && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if !d.Type().IsRegular() {
			return nil
		}
		fi, err := d.Info()
		if err != nil {
			return fmt.Errorf("%s: %w", path, unwrapPathError(err))
		}
		out = append(out, input{path: path, size: fi.Size()})
		return nil
	})
	slices.SortFunc(out, func(a, b input) int { return strings.Compare(a.path, b.path) })
	return out, err
}

// unwrapPathError drops the *fs.PathError wrapper whose path the caller
// already prints.
func unwrapPathError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
