# Samenspel: the two commands of the README.
#   make serve   install what is missing, build, and start on the default workshop
#   make test    install what the tests need and run every test
SHELL := /bin/bash
ARGS ?=

.PHONY: serve test deps test-deps build build-release swift-test python-test clean

serve: deps build-release
	.build/release/samenspel serve $(ARGS)

test: test-deps swift-test python-test

deps:
	@scripts/install-deps.sh

test-deps:
	@scripts/install-deps.sh --test

build:
	swift build --product samenspel

build-release:
	swift build -c release --product samenspel

swift-test:
	swift build --build-tests
	swift test --skip-build

# Real-browser tests and the resilience tests (crash, abuse) against the real binary.
python-test: build
	SAMENSPEL_BIN=.build/debug/samenspel python3 -m pytest -q Tests/Browser Tests/Resilience

clean:
	rm -rf .build
