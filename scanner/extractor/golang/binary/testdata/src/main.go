package main

import (
	"example.com/greet"
	"github.com/inconshreveable/mousetrap"
	"golang.org/x/exp/constraints"
)

func max[T constraints.Ordered](a, b T) T {
	if a > b {
		return a
	}
	return b
}

func main() {
	if !mousetrap.StartedByExplorer() {
		println(greet.Hello(), max(1, 2))
	}
}
