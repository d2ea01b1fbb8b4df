// SPDX-License-Identifier: MIT OR Apache-2.0

package greet

// Bye says goodbye.
func Bye(name string) string { return "bye, " + name }
