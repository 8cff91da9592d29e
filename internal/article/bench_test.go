package article

import (
	"os"
	"path/filepath"
	"testing"
)

func BenchmarkParseSamples(b *testing.B) {
	files, _ := filepath.Glob(filepath.Join(articlesDir, "*"))
	for _, p := range files {
		data, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		b.Run(filepath.Base(p), func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			for b.Loop() {
				if _, _, err := Parse(p, data, Options{}); err != nil && filepath.Base(p) != "README.md" {
					b.Fatal(err)
				}
			}
		})
	}
}
