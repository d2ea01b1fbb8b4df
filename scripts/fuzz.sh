#!/usr/bin/env bash
# Runs every fuzz target of the module for a short time (FUZZTIME, default
# 5s each): `go test -fuzz` takes one target of one package at a time, so
# the targets are listed from the sources. New crashers land in the
# package's testdata/fuzz/ and fail the run; commit them as regression seeds
# once fixed.
#
#   scripts/fuzz.sh                 # all targets, 5s each
#   FUZZTIME=1m scripts/fuzz.sh ./scanner/extractor/...   # some packages, longer
#   FUZZ_REPORT_ONLY=1 scripts/fuzz.sh   # print findings, exit 0 (CI)
#
# CI runs it report-only: fuzzing explores at random, so a run can find a
# new bug that the previous run, on the same code, did not; a gate that
# fails at random is not a gate. The findings are printed loudly in the
# CI log, and once turned into testdata/fuzz seeds they fail `go test`
# every time until fixed.
set -euo pipefail
cd "$(dirname "$0")/.."

fuzztime=${FUZZTIME:-5s}
patterns=("$@")
[ ${#patterns[@]} -eq 0 ] && patterns=(./...)

failed=0
count=0
while read -r dir; do
	pkg="./${dir#"$PWD"/}"
	for target in $(grep -ho '^func Fuzz[A-Za-z0-9_]*' "$dir"/*_test.go | sed 's/^func //' | sort -u); do
		count=$((count + 1))
		echo "-- $pkg $target"
		# -parallel 2: CI machines have two cores; the default spawns one
		# worker per CPU anyway, but say it.
		# -fuzzminimizetime: large seeds are not worth a minute of
		# minimising when the run lasts seconds.
		run() { go test -run '^$' -fuzz "^${target}\$" -fuzztime "$fuzztime" -fuzzminimizetime 1s -parallel 2 "$pkg" >/tmp/heng-fuzz.$$ 2>&1; }
		if ! run; then
			# A finding writes its input under testdata/fuzz. A failure
			# without one is the fuzzing engine's own (Go 1.26's
			# coordinator can time out on a loaded machine,
			# golang/go#75804): run once more before calling it red.
			if ! grep -q 'Failing input written to' /tmp/heng-fuzz.$$; then
				echo "   (no failing input: the fuzzing engine failed; running again)"
				run && continue
			fi
			cat /tmp/heng-fuzz.$$
			failed=1
		fi
	done
done < <(go list -f '{{if or .TestGoFiles .XTestGoFiles}}{{.Dir}}{{end}}' "${patterns[@]}" | while read -r d; do
	[ -n "$d" ] && grep -lq '^func Fuzz' "$d"/*_test.go 2>/dev/null && echo "$d"
done)
rm -f /tmp/heng-fuzz.$$
echo "fuzzed $count targets for $fuzztime each"
if [ "$failed" = 1 ] && [ "${FUZZ_REPORT_ONLY:-0}" = 1 ]; then
	echo "!! FUZZING FOUND A PROBLEM (above): add the failing input as a seed and fix it"
	exit 0
fi
exit $failed
