# The two commands a newcomer needs are `make run` and `make test`; the rest are for daily work.
SHELL := /bin/bash
.DEFAULT_GOAL := help

.PHONY: help run reset test bench deploy-test build release clean

help:
	@echo "make run          serve the demo on http://127.0.0.1:8080 (local PostgreSQL, demo organisation)"
	@echo "make test         build and run every test against a throwaway PostgreSQL"
	@echo "make bench        measure against nginx and pgbench in the same run"
	@echo "make reset        remove the local demo database; the next 'make run' starts clean"
	@echo "make deploy-test  bring up the production layout from deploy/ on loopback and exercise it"

run:
	@scripts/run.sh

reset:
	@scripts/run.sh --reset-only

test:
	@scripts/test.sh

bench:
	@scripts/bench.sh

deploy-test:
	@deploy/test.sh

build:
	swift build

release:
	swift build -c release

clean:
	rm -rf .build
