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
