// Command benchrun runs a command several times and reports its median
// wall time and its peak resident memory, for scripts/bench.sh. It is a
// development tool, not part of heng.
//
//	go run ./scripts/benchrun -runs 5 -- heng scan -f json -o /dev/null tree
//
// It prints one line: "seconds=0.412 maxrss_mb=85.3 runs=5".
package main

import (
	"flag"
	"fmt"
	"os"
	"os/exec"
	"slices"
	"time"
)

func main() {
	runs := flag.Int("runs", 5, "number of timed runs (after one warm-up run)")
	flag.Parse()
	args := flag.Args()
	if len(args) == 0 {
		fmt.Fprintln(os.Stderr, "usage: benchrun [-runs n] -- command [args...]")
		os.Exit(2)
	}
	var times []float64
	var maxRSS int64
	for i := 0; i <= *runs; i++ {
		cmd := exec.Command(args[0], args[1:]...)
		cmd.Stdout, cmd.Stderr = nil, os.Stderr
		start := time.Now()
		if err := cmd.Run(); err != nil {
			fmt.Fprintf(os.Stderr, "benchrun: %v\n", err)
			os.Exit(1)
		}
		elapsed := time.Since(start).Seconds()
		if i == 0 {
			continue // warm-up: fills the page cache
		}
		times = append(times, elapsed)
		maxRSS = max(maxRSS, peakRSS(cmd.ProcessState))
	}
	slices.Sort(times)
	fmt.Printf("seconds=%.3f maxrss_mb=%.1f runs=%d\n", times[len(times)/2], float64(maxRSS)/1024, *runs)
}
