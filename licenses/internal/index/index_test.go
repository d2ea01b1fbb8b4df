package index

import "testing"

// TestMaxMissing checks the early exit of Candidates against the coverage
// it stands for.
func TestMaxMissing(t *testing.T) {
	for n := 1; n <= 300; n++ {
		m := maxMissing(n)
		if float64(n-m)/float64(n) < CandidateCoverage {
			t.Errorf("n=%d: lacking %d words leaves less than the coverage", n, m)
		}
		if float64(n-m-1)/float64(n) >= CandidateCoverage {
			t.Errorf("n=%d: lacking %d words would still reach the coverage", n, m+1)
		}
	}
}
