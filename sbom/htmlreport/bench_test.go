package htmlreport

import (
	"io"
	"testing"
)

// countingWriter counts what is written to it.
type countingWriter struct{ n int64 }

func (w *countingWriter) Write(p []byte) (int, error) {
	w.n += int64(len(p))
	return len(p), nil
}

var _ io.Writer = (*countingWriter)(nil)

// BenchmarkWrite writes the report on 10,000 packages.
//
//	go test ./sbom/htmlreport -run '^$' -bench 'Write$' -benchmem
func BenchmarkWrite(b *testing.B) {
	p := synthetic(10000)
	b.ReportAllocs()
	var w countingWriter
	runs := 0
	for b.Loop() {
		w.n = 0
		if err := Write(&w, p, "en"); err != nil {
			b.Fatal(err)
		}
		runs++
	}
	b.ReportMetric(float64(w.n), "bytes")
	b.ReportMetric(float64(w.n)/1e6, "MB")
}
