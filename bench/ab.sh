#!/usr/bin/env bash
# ab.sh: compare one benchmark of package main between an older commit and
# the working tree, alternating the two test binaries so that the drift of a
# shared machine falls on both sides alike. Prints each side's runs sorted,
# then its median. Usage: bench/ab.sh COMMIT [BENCH-REGEXP] [ROUNDS] [ITERATIONS]
# e.g. bench/ab.sh 379fa5b 'Startup/fixture=ledger' 8 300
set -euo pipefail
cd "$(dirname "$0")/.."
old=${1:?usage: bench/ab.sh COMMIT [BENCH-REGEXP] [ROUNDS] [ITERATIONS]}
bench=${2:-Startup}
rounds=${3:-8}
iterations=${4:-300}
tmp=$(mktemp -d)
trap 'git worktree remove --force "$tmp/old" >/dev/null 2>&1 || true; rm -rf "$tmp"' EXIT

git worktree add --quiet --detach "$tmp/old" "$old"
(cd "$tmp/old" && go test -c -o "$tmp/old.test" "$(test -d cli && echo ./cli || echo .)")
go test -c -o "$tmp/new.test" ./cli

for _ in $(seq "$rounds"); do
	for side in old new; do
		"$tmp/$side.test" -test.run '^$' -test.bench "$bench" -test.benchtime "${iterations}x" |
			awk -v side="$side" '/^Benchmark/ { print side, $1, $3 }'
	done
done >"$tmp/runs"

awk '{ print $1, $2 }' "$tmp/runs" | sort -u | while read -r side name; do
	awk -v side="$side" -v name="$name" '$1 == side && $2 == name { print $3 }' "$tmp/runs" | sort -n |
		awk -v side="$side" -v name="$name" '
			{ v[NR] = $1; runs = runs sprintf(" %.2f", $1 / 1e6) }
			END { printf "%-4s %-45s ms:%s  median %.2f\n", side, name, runs, (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2) / 1e6 }'
done
