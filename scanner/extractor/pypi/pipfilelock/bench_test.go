package pipfilelock

import (
	"bytes"
	"fmt"
	"testing"
)

// BenchmarkParse reads a synthetic Pipfile.lock of 2,000 packages, each
// with three hashes.
func BenchmarkParse(b *testing.B) {
	const n = 2000
	var buf bytes.Buffer
	buf.WriteString("{\n    \"_meta\": {\n        \"sources\": [\n            {\n                \"name\": \"pypi\",\n                \"url\": \"https://pypi.org/simple\",\n                \"verify_ssl\": true\n            }\n        ]\n    },\n    \"default\": {\n")
	for i := range n {
		if i > 0 {
			buf.WriteString(",\n")
		}
		fmt.Fprintf(&buf, "        \"pkg-%d\": {\n            \"hashes\": [\n", i)
		for j := range 3 {
			sep := ","
			if j == 2 {
				sep = ""
			}
			fmt.Fprintf(&buf, "                \"sha256:%064x\"%s\n", i*3+j, sep)
		}
		fmt.Fprintf(&buf, "            ],\n            \"index\": \"pypi\",\n            \"markers\": \"python_version >= '3.8'\",\n            \"version\": \"==1.%d.0\"\n        }", i)
	}
	buf.WriteString("\n    },\n    \"develop\": {}\n}\n")
	data := buf.Bytes()
	direct := map[string]bool{"pkg-0": true}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		lock, err := parse(bytes.NewReader(data))
		if err != nil {
			b.Fatal(err)
		}
		if pkgs := packages(lock, direct, "."); len(pkgs) != n {
			b.Fatalf("%d packages", len(pkgs))
		}
	}
}
