#!/usr/bin/env bash
# rss.sh: peak resident memory of optout while browsing the whole tree, with
# the shipped guides and with a synthetic 10,000-step guide pack (written by
# TestSynthPack in synth_test.go). Linux only. Usage: bench/rss.sh
#
# Browsing is the l key held down: it opens every collapsed node and moves
# down one row otherwise, so it walks every row and renders every page, one
# key every 5 ms (faster than key repeat, so renders overlap). The figure is
# the kernel's peak RSS of the process (getrusage ru_maxrss, what
# /usr/bin/time -v reports).
set -euo pipefail
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

if [ -n "${OPTOUT_BIN:-}" ]; then cp "$OPTOUT_BIN" "$tmp/optout"; else go build -o "$tmp/optout" .; fi
go build -o "$tmp/ptytime" ./bench/ptytime
OPTOUT_SYNTH_PACK="$tmp/pack" go test -run '^TestSynthPack$' -count=1 ./cli >/dev/null
pt="$tmp/ptytime"

browse() { # name keys-to-send optout-args...
	local name=$1 n=$2
	shift 2
	"$pt" -mark "Where do you live" -keys 1 -- "$tmp/optout" --db "$tmp/$name.db" "$@" >/dev/null
	"$pt" -size 120x40 -timeout 600s -mark "EU/EEA" -keys l -repeat "$n" -every 5ms -- \
		"$tmp/optout" --db "$tmp/$name.db" "$@" |
		awk -v name="$name" '{ sub("maxrss_kb=", "", $NF); printf "%-28s peak RSS %6.1f MB\n", name, $NF / 1024 }'
}
browse "shipped guides" 400
browse "with a 10,000-step pack" 10500 --guides "$tmp/pack"
