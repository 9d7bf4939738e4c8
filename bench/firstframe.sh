#!/usr/bin/env bash
# firstframe.sh: time to first frame of optout against the floor program
# (bench/floor: Bubble Tea v2 + glamour v2 + bbolt showing one rendered page),
# in one alternating A/B run on fresh pseudo-terminals (bench/ptytime).
# Linux only. Usage: bench/firstframe.sh [RUNS]   (default 30 runs of each)
#
# optout starts on a data file that already has a region and a selected step,
# as on any launch after the first. Two times are reported for it: the first
# frame (the header with the region), and the selected step's page, which
# glamour renders in the background after that frame. The floor's first
# frame already holds its rendered page.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-30}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

go build -o "$tmp/optout" .
go build -o "$tmp/floor" ./bench/floor
go build -o "$tmp/ptytime" ./bench/ptytime
pt="$tmp/ptytime"

# A data file with region EU and the first Facebook step selected (1 picks
# the region, j moves down, l opens Facebook, j selects its first step).
"$pt" -mark "Where do you live" -keys 1jlj -every 100ms -- "$tmp/optout" --db "$tmp/optout.db" >/dev/null
"$pt" -mark "Last verified" -- "$tmp/floor" "$tmp/floor.db" >/dev/null

: >"$tmp/a" >"$tmp/b"
for i in $(seq "$runs"); do
	# Alternate which goes first, so drift in the machine's load hits both.
	if [ $((i % 2)) = 0 ]; then
		"$pt" -mark "EU/EEA" -mark "form (Facebook)" -- "$tmp/optout" --db "$tmp/optout.db" >>"$tmp/a"
		"$pt" -mark "Last verified" -- "$tmp/floor" "$tmp/floor.db" >>"$tmp/b"
	else
		"$pt" -mark "Last verified" -- "$tmp/floor" "$tmp/floor.db" >>"$tmp/b"
		"$pt" -mark "EU/EEA" -mark "form (Facebook)" -- "$tmp/optout" --db "$tmp/optout.db" >>"$tmp/a"
	fi
done

median() { sort -n | awk '{v[NR]=$1} END {print (NR%2 ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2)}'; }
a_first=$(cut -d' ' -f1 "$tmp/a" | median)
a_page=$(cut -d' ' -f2 "$tmp/a" | median)
b_first=$(cut -d' ' -f1 "$tmp/b" | median)
printf 'runs: %d of each, alternating, %s, %s cores\n' "$runs" "$(uname -sm)" "$(nproc)"
awk -v a="$a_first" -v p="$a_page" -v b="$b_first" 'BEGIN {
	printf "floor  first frame (page shown):  %6.1f ms (median)\n", b / 1000
	printf "optout first frame:               %6.1f ms (median)   ratio %.2f (budget 1.10)\n", a / 1000, a / b
	printf "optout step page shown:           %6.1f ms (median)   ratio %.2f\n", p / 1000, p / b
}'
