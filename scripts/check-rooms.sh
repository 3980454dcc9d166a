#!/usr/bin/env bash
# The rooms rule of docs/architecture.md: no pallet crate of this workspace depends on another
# (normal, build or dev dependencies); they meet only through myelin-doors, wired in runtime/.
set -euo pipefail
cd "$(dirname "$0")/.."
pallets=$(cargo metadata --no-deps --format-version 1 --offline |
	node -e 'const m = JSON.parse(require("fs").readFileSync(0, "utf8"));
		for (const p of m.packages) if (p.manifest_path.includes("/pallets/")) console.log(p.name);')
status=0
for p in $pallets; do
	for q in $pallets; do
		[ "$p" = "$q" ] && continue
		if cargo tree --offline -p "$p" --prefix none -e normal,build,dev 2>/dev/null | grep -q "^$q v"; then
			echo "rooms: $p depends on $q (pallets meet only through myelin-doors)" >&2
			status=1
		fi
	done
done
[ $status -eq 0 ] && echo "rooms: no pallet depends on another ($(echo $pallets | wc -w) pallets)"
exit $status
