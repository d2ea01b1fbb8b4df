#!/usr/bin/env bash
# Benchmark heng scan on real trees and compare it with the cost of just
# reading every byte (cat).
#
#   scripts/bench.sh            # build the trees (first run needs network), scan, report
#   RUNS=9 scripts/bench.sh     # more timed runs per measurement (median is kept)
#   BIG=0 scripts/bench.sh      # skip the 100,000-file tree
#
# Trees, built once under $BENCH_DIR (default .bench/, git-ignored):
#   gotree   a Go module importing k8s.io/client-go v0.31.0, cobra, viper and
#            grpc, after `go mod vendor` (about 5,000 files)
#   npmtree  an installed node_modules of a few hundred npm packages
#   npmbig   react-scripts 5.0.1 installed with its lock file: 1,288 npm
#            packages, about 37,000 files, for the cost of package extraction
#   bigtree  20 copies of gotree side by side (about 100,000 files), for memory
#
# For each tree it prints files, MB, heng's median wall time, files/s, MB/s,
# the cat floor, heng's time as a multiple of it, heng's peak RSS, the
# packages found, and the wall time with --no-packages (no extraction).
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)
bench=${BENCH_DIR:-$repo/.bench}
runs=${RUNS:-5}
mkdir -p "$bench"

build_gotree() {
	local dir=$bench/gotree
	[ -d "$dir/vendor" ] && return
	echo "building $dir (go mod vendor)..." >&2
	mkdir -p "$dir"
	cat >"$dir/go.mod" <<'EOF'
module example.com/benchtree

go 1.22
EOF
	cat >"$dir/main.go" <<'EOF'
package main

import (
	_ "github.com/spf13/cobra"
	_ "github.com/spf13/viper"
	_ "google.golang.org/grpc"
	_ "google.golang.org/grpc/admin"
	_ "google.golang.org/grpc/credentials/google"
	_ "google.golang.org/grpc/reflection"
	_ "google.golang.org/grpc/xds"
	_ "k8s.io/client-go/discovery/cached/disk"
	_ "k8s.io/client-go/dynamic"
	_ "k8s.io/client-go/dynamic/fake"
	_ "k8s.io/client-go/informers"
	_ "k8s.io/client-go/kubernetes"
	_ "k8s.io/client-go/kubernetes/fake"
	_ "k8s.io/client-go/metadata"
	_ "k8s.io/client-go/restmapper"
	_ "k8s.io/client-go/scale"
	_ "k8s.io/client-go/tools/clientcmd"
	_ "k8s.io/client-go/tools/leaderelection"
	_ "k8s.io/client-go/tools/portforward"
	_ "k8s.io/client-go/tools/record"
	_ "k8s.io/client-go/tools/remotecommand"
	_ "k8s.io/client-go/util/workqueue"
)

func main() {}
EOF
	(
		cd "$dir"
		go get k8s.io/client-go@v0.31.0 github.com/spf13/cobra@v1.8.1 \
			github.com/spf13/viper@v1.19.0 google.golang.org/grpc@v1.65.0 >/dev/null
		go mod tidy >/dev/null
		go mod vendor
	)
}

build_npmtree() {
	local dir=$bench/npmtree
	[ -d "$dir/node_modules" ] && return
	if ! command -v npm >/dev/null; then
		echo "npm not found: skipping the npm tree" >&2
		return
	fi
	echo "building $dir (npm install)..." >&2
	mkdir -p "$dir"
	cat >"$dir/package.json" <<'EOF'
{
  "name": "heng-bench",
  "private": true,
  "dependencies": {
    "axios": "1.7.7",
    "chalk": "5.3.0",
    "commander": "12.1.0",
    "eslint": "9.12.0",
    "express": "4.21.1",
    "lodash": "4.17.21",
    "moment": "2.30.1",
    "react": "18.3.1",
    "react-dom": "18.3.1",
    "typescript": "5.6.3",
    "webpack": "5.95.0",
    "yargs": "17.7.2"
  }
}
EOF
	(cd "$dir" && npm install --ignore-scripts --no-audit --no-fund --loglevel=error >/dev/null)
}

build_npmbig() {
	local dir=$bench/npmbig
	[ -d "$dir/node_modules" ] && return
	if ! command -v npm >/dev/null; then
		echo "npm not found: skipping the large npm tree" >&2
		return
	fi
	echo "building $dir (npm install react-scripts)..." >&2
	mkdir -p "$dir"
	cat >"$dir/package.json" <<'EOF'
{
  "name": "heng-bench-big",
  "private": true,
  "dependencies": {
    "react-scripts": "5.0.1"
  }
}
EOF
	(cd "$dir" && npm install --ignore-scripts --no-audit --no-fund --loglevel=error >/dev/null)
}

build_bigtree() {
	local dir=$bench/bigtree
	[ -d "$dir" ] && return
	echo "building $dir (20 copies of gotree)..." >&2
	mkdir -p "$dir"
	for i in $(seq -w 1 20); do
		cp -r "$bench/gotree" "$dir/copy$i"
	done
}

build_gotree
build_npmtree
build_npmbig
[ "${BIG:-1}" = 1 ] && build_bigtree

echo "building heng..." >&2
go build -o "$bench/heng" ./cmd/heng
go build -o "$bench/benchrun" ./scripts/benchrun

printf '%-8s %8s %8s %9s %10s %8s %9s %8s %9s %9s %9s\n' tree files MB heng_s files/s MB/s cat_s x_cat rss_MB packages nopkg_s
for tree in gotree npmtree npmbig bigtree; do
	dir=$bench/$tree
	[ -d "$dir" ] || continue
	files=$(find "$dir" -type f | wc -l)
	bytes=$(find "$dir" -type f -printf '%s\n' | awk '{s+=$1} END {print s}')
	# The floor: read every byte once, no work (warm cache, like heng's runs).
	cat_out=$("$bench/benchrun" -runs "$runs" -- sh -c "find '$dir' -type f -print0 | xargs -0 cat >/dev/null")
	heng_out=$("$bench/benchrun" -runs "$runs" -- "$bench/heng" scan -q --no-ignore -f json -o /dev/null "$dir")
	nopkg_out=$("$bench/benchrun" -runs "$runs" -- "$bench/heng" scan -q --no-ignore --no-packages -f json -o /dev/null "$dir")
	packages=$("$bench/heng" scan -q --no-ignore --no-files -f json "$dir" | grep -o '"packages": [0-9]*' | head -1 | grep -o '[0-9]*$' || echo 0)
	cat_s=$(echo "$cat_out" | sed 's/.*seconds=\([0-9.]*\).*/\1/')
	heng_s=$(echo "$heng_out" | sed 's/.*seconds=\([0-9.]*\).*/\1/')
	rss=$(echo "$heng_out" | sed 's/.*maxrss_mb=\([0-9.]*\).*/\1/')
	nopkg_s=$(echo "$nopkg_out" | sed 's/.*seconds=\([0-9.]*\).*/\1/')
	awk -v t="$tree" -v f="$files" -v b="$bytes" -v h="$heng_s" -v c="$cat_s" -v r="$rss" -v p="$packages" -v n="$nopkg_s" 'BEGIN {
		printf "%-8s %8d %8.1f %9.3f %10.0f %8.1f %9.3f %8.1f %9.1f %9d %9.3f\n", t, f, b/1e6, h, f/h, b/1e6/h, c, h/c, r, p, n
	}'
done
echo "(median of $runs warm runs; heng scans with --no-ignore and writes the JSON report to /dev/null)"
