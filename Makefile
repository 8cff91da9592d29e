# claimgraph — build, run, test. `make help` lists the targets.
GO      ?= go
BIN     := bin/claimgraph
VERSION ?= $(shell git describe --tags --always --dirty 2>/dev/null || echo devel)
LDFLAGS := -X main.Version=$(VERSION)
# The database `make run` rebuilds from the sample articles.
RUN_DB  ?= claimgraph.db
POLNEAR ?= ../shared/polnear
STATICCHECK := honnef.co/go/tools/cmd/staticcheck@v0.8.2
BENCHSTAT   := golang.org/x/perf/cmd/benchstat@v0.0.0-20260908200009-22c9c6c9d4da
# Fuzz runs are bounded by count, not time: on Go 1.26 a time-bounded run
# can fail with "context deadline exceeded" when nothing is wrong (golang/go#75804).
FUZZTIME ?= 500x

.PHONY: help build run test test-fuzz-short lint fuzz bench scale eval clean

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed 's/:.*## /\t/'

build: ## build bin/claimgraph (and bin/claimgraph-render, the SVG renderer for machines without Graphviz)
	$(GO) build -ldflags "$(LDFLAGS)" -o $(BIN) ./cmd/claimgraph
	$(GO) build -o bin/claimgraph-render ./cmd/claimgraph-render

run: build ## ingest testdata/articles into a fresh ./claimgraph.db and print who said what
	rm -rf $(RUN_DB)
	$(BIN) --db $(RUN_DB) ingest testdata/articles
	$(BIN) --db $(RUN_DB) said

test: ## go vet, every test (end-to-end included), and a short run of each fuzz test
	$(GO) vet ./...
	$(GO) test -count=1 ./... github.com/dgraph-io/badger/v4
	$(MAKE) --no-print-directory test-fuzz-short

test-fuzz-short:
	@scripts/fuzz.sh $(FUZZTIME)

lint: ## gofmt, go vet, staticcheck, and third_party/badger against its release and patch
	@scripts/badger-fork.sh --check
	@test -z "$$(gofmt -l $$(git ls-files '*.go'))" || { gofmt -l $$(git ls-files '*.go'); echo "gofmt: files above need formatting"; exit 1; }
	$(GO) vet ./...
	$(GO) run $(STATICCHECK) ./...

fuzz: ## run every fuzz test for longer (200000 inputs each unless FUZZTIME is set)
	@scripts/fuzz.sh $(if $(filter 500x,$(FUZZTIME)),200000x,$(FUZZTIME))

bench: ## run the Go benchmarks and compare them with bench/baseline.txt
	@scripts/bench.sh

scale: build ## ingest 10k, 50k and 250k generated articles and time the queries (minutes)
	@scripts/scale.sh

eval: build ## score the extractor on PolNeAR dev (skips without ../shared)
	@if [ -d $(POLNEAR)/dev ]; then $(BIN) eval $(POLNEAR)/dev; \
	else echo "eval: $(POLNEAR)/dev not found; skipping (the PolNeAR data lives outside the project)"; fi

clean: ## remove build output and the demo database
	rm -rf bin $(RUN_DB)
