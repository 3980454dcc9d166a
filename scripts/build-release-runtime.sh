#!/usr/bin/env bash
# Rebuilds the runtime of a past commit and stores its compressed Wasm under runtime/releases/,
# named by its spec_version: runtime/releases/myelin-runtime-<spec_version>.compact.compressed.wasm.
# The upgrade e2e (tests/e2e/upgrade.test.js) starts a chain on that release and upgrades it to
# the current runtime.
#
#   scripts/build-release-runtime.sh COMMIT
#
# The commit is checked out in a temporary git worktree and its runtime built with `cargo
# check` (the build script builds the Wasm), in $RELEASE_TARGET_DIR, by default the normal
# $CARGO_TARGET_DIR so that dependencies are shared. Until the runtime is built again there,
# that target's wbuild/myelin-runtime holds the release's Wasm. A Wasm build is not
# byte-identical across checkout paths, so a rebuilt release differs in bytes, not in behaviour.
set -euo pipefail
commit=${1:?usage: scripts/build-release-runtime.sh COMMIT}
root=$(git rev-parse --show-toplevel)
target=${RELEASE_TARGET_DIR:-${CARGO_TARGET_DIR:-$HOME/.cache/myelin/target}}
work=$(mktemp -d)
cleanup() { git -C "$root" worktree remove --force "$work/src" 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
git -C "$root" worktree add --detach "$work/src" "$commit" >/dev/null
spec=$(sed -n 's/^[[:space:]]*spec_version: \([0-9]*\),.*/\1/p' "$work/src/runtime/src/lib.rs")
[ -n "$spec" ] || { echo "no spec_version in runtime/src/lib.rs at $commit" >&2; exit 1; }
(cd "$work/src" && CARGO_TARGET_DIR="$target" cargo check --release --locked -p myelin-runtime)
out="$root/runtime/releases/myelin-runtime-$spec.compact.compressed.wasm"
cp "$target/release/wbuild/myelin-runtime/myelin_runtime.compact.compressed.wasm" "$out"
echo "$out: spec_version $spec, commit $(git -C "$root" rev-parse "$commit"), $(wc -c <"$out") bytes"
