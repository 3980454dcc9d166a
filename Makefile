# Myelin: `make run` starts a dev chain, `make test` runs every test. Both install what they
# need first (scripts/setup.sh). Build output goes to $CARGO_TARGET_DIR, by default outside the
# work tree.
SHELL := /bin/bash
export CARGO_TARGET_DIR ?= $(HOME)/.cache/myelin/target
NODE := $(CARGO_TARGET_DIR)/release/myelin-node
WORKER := $(CARGO_TARGET_DIR)/release/myelin-worker
CLI := $(CARGO_TARGET_DIR)/release/myelin
CARGO := cargo
E2E := tests/e2e
ZN := zombienet

.PHONY: help setup build run test test-rust test-e2e e2e-deps fmt fmt-check clippy fuzz try-runtime \
	chain-specs partition metadata bench-node bench-rpc bench-stress bench-yuma bench-yuma-wasm bench-epoch-wasm bench-builds clean zombienet zombienet-deps zombienet-spawn weights

help:
	@echo "make run          set up, build, and start a dev chain (RPC ws://127.0.0.1:9944)"
	@echo "make test         set up, build, and run every test (Rust and polkadot.js e2e)"
	@echo "make zombienet    run the 4-validator zombienet tests (zombienet/*.zndsl)"
	@echo "make zombienet-spawn  start the 4-validator network and leave it running"
	@echo "make partition    one validator of four cut off for 60 s in network namespaces (root)"
	@echo "make metadata     refresh worker/artifacts/myelin.scale (the worker's subxt metadata)"
	@echo "make chain-specs  regenerate chain-specs/local.json and local-raw.json"
	@echo "make bench-node   measure a dev node: first block, block interval, finality, RSS"
	@echo "make bench-rpc    latency of subnets_metagraph for n = 256 and 4096"
	@echo "make bench-stress the stress chain (4096 uids, 256 full rows, tempo 20): slots missed over 5 epochs"
	@echo "make bench-yuma   criterion benchmarks of the Yuma epoch (docs/benchmarks.md)"
	@echo "make bench-yuma-wasm  the same epoch in the runtime's Wasm (FRAME benchmark)"
	@echo "make bench-epoch-wasm the whole epoch (storage, payouts) in Wasm: 256/1024/4096 x 64/256, full and 10%"
	@echo "make weights      run the pallets' FRAME benchmarks and regenerate their weights.rs"
	@echo "make fuzz         the runtime fuzzer: 100,000 random calls (FUZZ_SEED, FUZZ_CALLS)"
	@echo "make try-runtime  the runtime upgrade with every try-runtime check, in-process and on a running chain"
	@echo "make fmt | clippy formatting and lints"

setup:
	@scripts/setup.sh

# One cargo profile (release) for the build and the tests, so dependencies compile once.
build: setup
	$(CARGO) build --release --workspace --locked

run: build
	$(NODE) --dev --rpc-port 9944

test: build fmt-check test-rust try-runtime test-e2e zombienet

test-rust:
	scripts/check-rooms.sh
	$(CARGO) test --release --workspace --locked
	# The Yuma crate again with the products the runtime's Wasm uses (no 128-bit multiply),
	# built natively in a side directory (the crate has no dependencies besides its benches').
	RUSTFLAGS="--cfg yuma_wasm_arithmetic" CARGO_TARGET_DIR=$(CARGO_TARGET_DIR)/wasm-arithmetic \
		$(CARGO) test --release --locked -p myelin-yuma

e2e-deps:
	cd $(E2E) && npm ci --no-audit --no-fund

test-e2e: e2e-deps
	cd $(E2E) && MYELIN_NODE=$(NODE) MYELIN_WORKER=$(WORKER) MYELIN_CLI=$(CLI) npm test

# Four validators in network namespaces the test makes (needs root; part of test-e2e, which
# says why and skips it where namespaces can't be made).
partition: build e2e-deps
	cd $(E2E) && MYELIN_NODE=$(NODE) node --test partition.test.js

zombienet-deps:
	cd $(ZN) && npm ci --no-audit --no-fund

# Each .zndsl file spawns its own network of local processes (native provider) on loopback.
zombienet: build zombienet-deps
	cd $(ZN) && for t in *.zndsl; do \
		echo "== zombienet $$t"; \
		PATH="$(CARGO_TARGET_DIR)/release:$$PATH" npx zombienet --provider native test "$$t" || exit 1; \
	done

zombienet-spawn: build zombienet-deps
	cd $(ZN) && PATH="$(CARGO_TARGET_DIR)/release:$$PATH" npx zombienet --provider native spawn local-4.toml

# The runtime upgrade with every try-runtime check (each migration's pre/post_upgrade, storage
# versions, the whole state decoding, every pallet's try_state), natively with the `try-runtime`
# feature and without the Wasm, twice: on a filled dev chain put back into the last release's
# layout in-process (runtime/tests/try_runtime.rs), and on the state of a running dev node on
# the last release's runtime, filled through its RPC and downloaded over it
# (tests/e2e/try-runtime-live.js, runtime/tests/try_runtime_live.rs).
TRY_RUNTIME := SKIP_WASM_BUILD=1 $(CARGO) test --release --locked -p myelin-runtime --features try-runtime
try-runtime: build e2e-deps
	$(TRY_RUNTIME) --test try_runtime --test try_runtime_live --no-run
	$(TRY_RUNTIME) --test try_runtime -- --nocapture
	cd $(E2E) && MYELIN_NODE=$(NODE) CARGO=$(CARGO) node try-runtime-live.js

# The runtime fuzzer (fuzz/): seeded random calls through the real runtime, every invariant
# after every block. `make test` runs a short fixed-seed run (fuzz/tests/short_run.rs).
FUZZ_SEED ?= 1
FUZZ_CALLS ?= 100000
fuzz: build
	$(CARGO_TARGET_DIR)/release/myelin-fuzz --seed $(FUZZ_SEED) --calls $(FUZZ_CALLS)

fmt:
	$(CARGO) fmt --all

fmt-check:
	$(CARGO) fmt --all -- --check

clippy:
	$(CARGO) clippy --release --workspace --all-targets --locked -- -D warnings

# The runtime metadata the worker's subxt code is generated from; a runtime test fails when
# it is stale.
metadata: setup
	SKIP_WASM_BUILD=1 UPDATE_METADATA=1 $(CARGO) test --release --locked -p myelin-runtime --test metadata

chain-specs: build
	$(NODE) export-chain-spec --chain local > chain-specs/local.json
	$(NODE) export-chain-spec --chain local --raw > chain-specs/local-raw.json

bench-node: build e2e-deps
	cd $(E2E) && MYELIN_NODE=$(NODE) npm run --silent bench:node

bench-rpc: build e2e-deps
	cd $(E2E) && MYELIN_NODE=$(NODE) npm run --silent bench:rpc

bench-stress: build e2e-deps
	cd $(E2E) && MYELIN_NODE=$(NODE) npm run --silent bench:stress

bench-yuma: setup
	$(CARGO) bench --locked -p myelin-yuma --bench epoch

# Weights from FRAME benchmarks, in three builds that leave the normal ones alone:
# 1. the runtime's Wasm with the `runtime-benchmarks` feature (kept as BENCH_WASM);
# 2. a node with that feature (frame-benchmarking-cli: ~300 more crates, so not in the normal
#    build), without an embedded Wasm blob, kept as myelin-node-benchmarks;
# 3. the normal node again (the Wasm blob lives at one path for both runtime builds: touching
#    the runtime makes its build script rebuild the normal blob).
# Then `benchmark pallet` runs each Myelin pallet on BENCH_WASM (genesis preset `development`).
BENCH_NODE := $(CARGO_TARGET_DIR)/release/myelin-node-benchmarks
BENCH_WASM := $(CARGO_TARGET_DIR)/release/myelin_runtime_benchmarks.compact.wasm
WBUILD := $(CARGO_TARGET_DIR)/release/wbuild/myelin-runtime
STEPS ?= 20
REPEAT ?= 5
WEIGHT_PALLETS := pallet_subnets:pallets/subnets pallet_myelin_staking:pallets/staking pallet_market:pallets/market \
	pallet_weights:pallets/weights pallet_yuma:pallets/yuma pallet_root:pallets/root

bench-builds: setup
	$(CARGO) build --release -p myelin-runtime --features runtime-benchmarks --locked
	cp $(WBUILD)/myelin_runtime.compact.wasm $(BENCH_WASM)
	SKIP_WASM_BUILD=1 $(CARGO) build --release -p myelin-node --features runtime-benchmarks --locked
	cp $(NODE) $(BENCH_NODE)
	touch runtime/src/lib.rs && $(CARGO) build --release -p myelin-node --locked

weights: bench-builds
	for entry in $(WEIGHT_PALLETS); do \
		pallet=$${entry%%:*}; dir=$${entry#*:}; \
		$(BENCH_NODE) benchmark pallet --runtime $(BENCH_WASM) \
			--genesis-builder-preset development --pallet $$pallet --extrinsic '*' \
			--steps $(STEPS) --repeat $(REPEAT) --wasm-execution compiled \
			--template scripts/weights-template.hbs --header scripts/weights-header.txt \
			--output $$dir/src/weights.rs || exit 1; \
	done

# The Yuma epoch alone in the runtime's Wasm (`#[benchmark(extra)]`, so `make weights` skips
# it): `k` = log2(n), `v` = log2(validators), `d` = weight density in percent; each component
# is varied with the others at their maximum (4096 uids, 256 validators, 100%).
YUMA_WASM_JSON := $(CARGO_TARGET_DIR)/yuma-wasm.json

bench-yuma-wasm: bench-builds
	$(BENCH_NODE) benchmark pallet --runtime $(BENCH_WASM) \
		--genesis-builder-preset development --pallet pallet_yuma \
		--extrinsic epoch_arithmetic_yuma3,epoch_arithmetic_yuma2 --extra \
		--steps 5 --repeat 10 --wasm-execution compiled --json-file $(YUMA_WASM_JSON) > /dev/null
	node scripts/yuma-wasm-table.js $(YUMA_WASM_JSON)

# The whole epoch (storage and payouts included) in the runtime's Wasm, on the subnet shapes
# of the table in docs/benchmarks.md (`#[benchmark(extra)]`: `s` indexes the shapes).
EPOCH_WASM_JSON := $(CARGO_TARGET_DIR)/epoch-wasm.json

bench-epoch-wasm: bench-builds
	$(BENCH_NODE) benchmark pallet --runtime $(BENCH_WASM) \
		--genesis-builder-preset development --pallet pallet_yuma \
		--extrinsic epoch_shape_yuma3,epoch_shape_yuma2 --extra \
		--steps 12 --repeat 5 --wasm-execution compiled --json-file $(EPOCH_WASM_JSON) > /dev/null
	node scripts/epoch-wasm-table.js $(EPOCH_WASM_JSON)

clean:
	$(CARGO) clean
