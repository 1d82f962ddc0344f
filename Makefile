# Rapport — the two commands a fresh machine needs: `make demo` and `make test`.
SHELL := /bin/bash
SWIFT ?= swift
BIN_DEBUG = .build/debug/rapport

.PHONY: deps build release test demo clean

deps:
	@bash .ci/install-deps

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release --product rapport

test: build
	$(SWIFT) test

demo: build
	@bash Samples/demo.sh $(BIN_DEBUG)

clean:
	rm -rf .build

# The benchmark race against ../shared/bench's peers (minutes; never part of `make test`).
.PHONY: bench
bench:
	@bash Benchmarks/run.sh

# libFuzzer targets (CSV reader + formats, vCard, DOT through agmemread); Linux, not part of CI.
# Each runs FUZZ_SECONDS (default 600); see Tests/Fuzz/run.sh and Docs/Security.md.
.PHONY: fuzz
FUZZ_SECONDS ?= 600
fuzz: deps
	@bash Tests/Fuzz/build.sh .build/fuzz
	@FUZZ_SECONDS=$(FUZZ_SECONDS) bash Tests/Fuzz/run.sh
