#!/bin/sh
# speech.sh BIN LABEL INPUT... — how long a screen reader takes to read the
# line mode's answers, with espeak-ng at its default 175 words a minute.
# It runs BIN --accessible once per prefix of the inputs, on a fresh data
# file in the EU, and speaks what was said before the first prompt and
# after each line typed. Needs espeak-ng and sox (soxi).
#
#   bench/speech.sh /tmp/optout-main before 5 4 d s 2 q
set -eu
bin=$1 label=$2
shift 2
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
seconds() { # words and seconds of speech for the text in $1
	espeak-ng -w "$dir/out.wav" -f "$1" 2>/dev/null
	printf '%s words, %.1f s' "$(wc -w <"$1" | tr -d ' ')" "$(soxi -D "$dir/out.wav")"
}
prev=$dir/prev
: >"$prev"
input=""
total=0
i=0
for answer in "" "$@"; do
	[ $i -gt 0 ] && input="$input$answer
"
	printf '%s' "$input" | "$bin" --accessible --region eu --db "$dir/run$i.db" >"$dir/full" 2>&1 || true
	if [ $i -lt $# ]; then
		sed '/^Goodbye\. Everything you recorded is saved\.$/d' "$dir/full" >"$dir/now"
	else
		cp "$dir/full" "$dir/now"
	fi
	tail -c +"$(($(wc -c <"$prev") + 1))" "$dir/now" >"$dir/said"
	what=${answer:-launch}
	printf '%s\t%s\t%s\n' "$label" "$what" "$(seconds "$dir/said")"
	cp "$dir/now" "$prev"
	i=$((i + 1))
done
printf '%s\twhole session\t%s\n' "$label" "$(seconds "$dir/now")"
