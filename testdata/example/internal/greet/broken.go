// SPDX-License-Identifier: GPL-2.0 with bananas

package greet
