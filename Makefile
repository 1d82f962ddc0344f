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

# Tests that read this process's own memory run alone afterwards (RAPPORT_MEASURES_ALONE=1): beside
# the rest of the suite, the other tests' allocations would count as their growth. The grep makes sure
# the filter still names a test that ran and passed.
MEASURED_ALONE = RendererTests/twoHundredRendersKeepTheParentsMemoryFlat
test: build
	$(SWIFT) test
	set -o pipefail; RAPPORT_MEASURES_ALONE=1 $(SWIFT) test --filter '$(MEASURED_ALONE)' 2>&1 | tee .build/measured-alone.log
	@grep -q 'Test twoHundredRendersKeepTheParentsMemoryFlat() passed' .build/measured-alone.log

# `rapport demo`: the whole flow on the Samples built into the binary (Samples/demo.sh still works).
demo: build
	@$(BIN_DEBUG) demo

clean:
	rm -rf .build

# The benchmark race against ../shared/bench's peers (minutes; never part of `make test`).
.PHONY: bench
bench:
	@bash Benchmarks/run.sh

# Docs: Docs/CLI.md from the help text, the gallery from Samples, and a DocC archive per library
# (.build/docs/NAME.doccarchive, from Sources/NAME/NAME.docc), so none goes stale.
.PHONY: docs man
docs: build
	@bash Docs/gallery/generate.sh $(BIN_DEBUG)

# The man page, from ArgumentParser's generate-manual plugin (debug build: no release build needed).
man: deps
	$(SWIFT) package plugin generate-manual --configuration debug
	@mkdir -p .build/man && cp .build/plugins/GenerateManual/outputs/rapport/rapport.1 .build/man/rapport.1
	@echo "wrote .build/man/rapport.1 (read it with: man .build/man/rapport.1)"


# libFuzzer targets (ten readers and writers, Tests/Fuzz); Linux. Each runs FUZZ_SECONDS (default
# 600) one after the other, -O build in .build/fuzz; see Tests/Fuzz/run.sh and Docs/Security.md.
.PHONY: fuzz
FUZZ_SECONDS ?= 600
fuzz: deps
	@FUZZ_SECONDS=$(FUZZ_SECONDS) bash Tests/Fuzz/run.sh

# The fuzz smoke (issue 17), part of `make test`: build every fuzz target (-Onone, .build/fuzz-smoke,
# incremental), then run all ten side by side for FUZZ_SMOKE_SECONDS (default 30).
# Fails when a target does not build, crashes, hangs or finds something. This extra rule only adds
# a prerequisite to `test` (make runs it after `build`, before `swift test`).
.PHONY: fuzz-smoke
fuzz-smoke: deps
	@bash Tests/Fuzz/smoke.sh
test: fuzz-smoke
