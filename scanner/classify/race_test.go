//go:build race

package classify

// raceEnabled: the race detector slows go-enry's regexps tenfold, so the
// equivalence tests use their smaller corpora (see thorough).
const raceEnabled = true
