#!/usr/bin/env bash
# idle.sh: CPU and garbage collections of the full-screen guide while it
# waits for a key, with synthetic guide packs of several sizes (written by
# TestSynthPack in cli/synth_test.go). Linux only; needs tmux.
# Usage: bench/idle.sh [SECONDS] [STEPS...]   (default: 10 s; 100 1000 10000 20000 50000 100000)
# OPTOUT_BIN=path measures that binary instead of one built from the tree.
#
# For each size it starts optout in a detached tmux pane, waits for the first
# frame and 3 s more (the history loads after the first frame), then reads
# the process's CPU time (/proc/PID/stat) and counts GODEBUG=gctrace lines
# over SECONDS of doing nothing.
set -euo pipefail
cd "$(dirname "$0")/.."
secs=${1:-10}
shift || true
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(100 1000 10000 20000 50000 100000)
tmp=$(mktemp -d)
trap 'tmux kill-session -t optout-idle 2>/dev/null || true; rm -rf "$tmp"' EXIT
if [ -n "${OPTOUT_BIN:-}" ]; then cp "$OPTOUT_BIN" "$tmp/optout"; else go build -o "$tmp/optout" .; fi
hz=$(getconf CLK_TCK)
printf '| steps | first frame after | CPU while idle (cores) | collections while idle | live heap at the end |\n|---|---|---|---|---|\n'
for n in "${sizes[@]}"; do
	OPTOUT_SYNTH_PACK="$tmp/pack$n" OPTOUT_SYNTH_STEPS=$n go test -run '^TestSynthPack$' -count=1 ./cli >/dev/null
	trace="$tmp/gc$n.txt"
	start=$(date +%s.%N)
	tmux new-session -d -s optout-idle -x 120 -y 40 \
		"GODEBUG=gctrace=1 exec $tmp/optout --db $tmp/o$n.db --region eu --guides $tmp/pack$n 2>$trace"
	until tmux capture-pane -p -t optout-idle | grep -q "steps"; do sleep 0.2; done
	first=$(echo "$(date +%s.%N) - $start" | bc)
	sleep 3
	pid=$(pgrep -f "^$tmp/optout --db $tmp/o$n.db")
	t0=$(awk '{print $14+$15}' "/proc/$pid/stat"); g0=$(grep -c '^gc ' "$trace" || true)
	sleep "$secs"
	t1=$(awk '{print $14+$15}' "/proc/$pid/stat"); g1=$(grep -c '^gc ' "$trace" || true)
	live=$(grep '^gc ' "$trace" | tail -1 | sed -E 's/.*->([0-9]+) MB, [0-9]+ MB goal.*/\1 MB/')
	printf '| %s | %.1f s | %.3f | %d in %d s | %s |\n' "$n" "$first" "$(echo "($t1 - $t0) / $hz / $secs" | bc -l)" "$((g1 - g0))" "$secs" "$live"
	tmux send-keys -t optout-idle q
	sleep 1
	tmux kill-session -t optout-idle 2>/dev/null || true
done
