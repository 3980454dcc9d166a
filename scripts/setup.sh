#!/usr/bin/env bash
# Installs what building and testing Myelin needs and is missing: the Rust Wasm target and
# rust-src, the Debian packages for the native build (protoc for litep2p, a C/C++ compiler for
# wasm-opt), and Node.js for the end-to-end tests. Safe to run again: it only adds what is
# missing.
set -euo pipefail

say() { printf '\033[1;34m[setup]\033[0m %s\n' "$*"; }

if ! command -v cargo >/dev/null || ! command -v rustup >/dev/null; then
	echo "[setup] error: Rust (cargo and rustup) is not installed; see https://rustup.rs" >&2
	exit 1
fi

# Rust pieces substrate-wasm-builder needs to build the runtime to Wasm.
if ! rustup target list --installed | grep -qx wasm32v1-none; then
	say "adding rustup target wasm32v1-none"
	rustup target add wasm32v1-none
fi
if ! rustup component list --installed | grep -q '^rust-src'; then
	say "adding rustup component rust-src"
	rustup component add rust-src
fi

# Debian packages: command -> package.
declare -A need=(
	[protoc]=protobuf-compiler
	[cc]=gcc
	[c++]=g++
	[make]=make
	[pkg-config]=pkg-config
	[git]=git
	[node]=nodejs
	[npm]=npm
	[python3]=python3 # the worker's plug-in examples and the subnet template (e2e)
)
missing=()
for cmd in "${!need[@]}"; do
	command -v "$cmd" >/dev/null || missing+=("${need[$cmd]}")
done
if ! pkg-config --exists openssl 2>/dev/null; then missing+=(libssl-dev); fi
if ((${#missing[@]})); then
	if ! command -v apt-get >/dev/null; then
		echo "[setup] error: missing ${missing[*]} and no apt-get to install them" >&2
		exit 1
	fi
	sudo=""
	[ "$(id -u)" -eq 0 ] || sudo="sudo"
	say "installing Debian packages: ${missing[*]}"
	export DEBIAN_FRONTEND=noninteractive
	$sudo apt-get install -y --no-install-recommends "${missing[@]}" ||
		{ $sudo apt-get update && $sudo apt-get install -y --no-install-recommends "${missing[@]}"; }
fi

node_major=$(node -p 'process.versions.node.split(".")[0]')
if [ "$node_major" -lt 18 ]; then
	echo "[setup] error: Node.js >= 18 is needed for the e2e tests (found $(node --version))" >&2
	exit 1
fi
say "ready: $(cargo --version), node $(node --version), $(protoc --version)"
