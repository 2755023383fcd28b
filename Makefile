# The front door: `make run` and `make test` do everything on a fresh Debian
# machine (as root). CMake does the building; presets are in CMakePresets.json.
JOBS ?= $(shell nproc)
# The build's own progress lines, not make's "Entering directory" ones.
MAKEFLAGS += --no-print-directory
KIEMDEM := build/release/src/cli/kiemdem

.PHONY: all deps build server web debug run test test-release test-debug fuzz bench format format-check lint clean

all: build

deps:
	@scripts/install-deps

build: deps
	@cmake --preset release >/dev/null
	@cmake --build --preset release -j $(JOBS)

# The web app (TypeScript, Vite, ECharts) into web/dist, served by `kiemdem serve`.
# Only the server, for `make run` (the tests are built by `make test`).
server: deps
	@cmake --preset release >/dev/null
	@cmake --build --preset release -j $(JOBS) --target kiemdem

web: deps
	@cd web && npm run --silent build >/dev/null

debug: deps
	@cmake --preset debug >/dev/null
	@cmake --build --preset debug -j $(JOBS)

# The server on SQLite (kiemdem.db here) with the demo data; on a new database
# the first administrator's password is printed once. PORT=8080 by default.
PORT ?= 8080
run: server web
	@$(KIEMDEM) serve --demo --db kiemdem.db --port $(PORT)

test: test-release

test-release: build web
	@ctest --preset release -j $(JOBS) --output-on-failure
	@scripts/check-format
	@scripts/check-layers

# The tests again under AddressSanitizer and UndefinedBehaviorSanitizer (the
# slow crash test and the browser tests run in `make test` only; the
# concurrency test runs 5 s).
test-debug: debug
	@KIEMDEM_CONCURRENCY_SECONDS=5 ctest --preset debug -j $(JOBS) -LE "slow|e2e" --output-on-failure

# The libFuzzer targets of tests/fuzz/, FUZZ_SECONDS each (default 30).
fuzz: deps
	@scripts/run-fuzz

# Benchmarks (bench/), not part of `make test`: the extractor against `wc -w`,
# a 1M-row import on SQLite and PostgreSQL, and the API against nginx.
bench: build
	@cmake -S . -B build/release -DKIEMDEM_BUILD_BENCH=ON >/dev/null
	@cmake --build build/release -j $(JOBS) --target extract_benchmark
	@build/release/bench/extract_benchmark
	@bench/extract_throughput.sh
	@bench/import_1m.sh
	@bench/api_bench.sh

format:
	@git ls-files '*.cc' '*.h' | xargs clang-format -i

format-check:
	@scripts/check-format

lint: build
	@scripts/run-clang-tidy

clean:
	@rm -rf build
