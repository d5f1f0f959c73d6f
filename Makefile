# The two commands a new user needs:
#   make demo   installs missing Debian packages, builds, codes the bundled example articles
#   make test   installs missing Debian packages, builds, runs every test (ctest)
BUILD ?= build
JOBS ?= $(shell nproc)
CMAKE_FLAGS ?=

.PHONY: all setup configure build demo test bench fuzz model clean

all: build

setup:
	@bash scripts/setup

configure: setup
	@cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=Release $(CMAKE_FLAGS) >/dev/null

build: configure
	@cmake --build $(BUILD) -j $(JOBS)

demo: build
	./$(BUILD)/annal code --stats examples/articles.jsonl

test: build
	ctest --test-dir $(BUILD) --output-on-failure -j $(JOBS)

bench: build
	./$(BUILD)/code_bench

# libFuzzer targets with ASan/UBSan (needs clang): make fuzz, then run build-fuzz/<target>.
fuzz:
	@ANNAL_SETUP_FUZZ=1 bash scripts/setup
	CXX=clang++ cmake -S . -B build-fuzz -DCMAKE_BUILD_TYPE=Debug -DANNAL_BUILD_FUZZERS=ON \
	  -DANNAL_SANITIZE=ON -DANNAL_BUILD_TESTS=OFF -DANNAL_BUILD_BENCHMARKS=OFF >/dev/null
	cmake --build build-fuzz -j $(JOBS)

# Rebuilds data/models/en_ewt.annalsyn from UD English EWT in ../shared (one core, minutes).
model: build
	sh scripts/train_parser_model.sh $(BUILD)

clean:
	rm -rf $(BUILD) build-fuzz
