// Copyright 2015 The Bar Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

package bar

// Answer is the answer.
const Answer = 42
