// SPDX-License-Identifier: MIT

// Command app is a small example program for heng's tests.
package main

import (
	"fmt"

	"example.com/app/internal/greet"
)

func main() {
	fmt.Println(greet.Hello("world"))
}
