package uvlock

import (
	"bytes"
	"fmt"
	"testing"
)

// BenchmarkParse reads a synthetic uv.lock of 2,000 packages, each with
// three dependencies, an sdist and two wheels.
func BenchmarkParse(b *testing.B) {
	const n = 2000
	var buf bytes.Buffer
	buf.WriteString("version = 1\nrevision = 2\nrequires-python = \">=3.12\"\n\n[[package]]\nname = \"root\"\nversion = \"1.0\"\nsource = { editable = \".\" }\ndependencies = [\n")
	for i := range 10 {
		fmt.Fprintf(&buf, "    { name = \"pkg-%d\" },\n", i)
	}
	buf.WriteString("]\n")
	for i := range n {
		fmt.Fprintf(&buf, "\n[[package]]\nname = \"pkg-%d\"\nversion = \"1.%d.0\"\nsource = { registry = \"https://pypi.org/simple\" }\ndependencies = [\n", i, i)
		for j := 1; j <= 3; j++ {
			fmt.Fprintf(&buf, "    { name = \"pkg-%d\", marker = \"sys_platform == 'linux'\" },\n", (i*7+j)%n)
		}
		fmt.Fprintf(&buf, "]\nsdist = { url = \"https://files.pythonhosted.org/packages/aa/bb/%060d/pkg_%d-1.%d.0.tar.gz\", hash = \"sha256:%064x\", size = 123456, upload-time = \"2025-01-01T00:00:00.000Z\" }\n", i, i, i, i)
		buf.WriteString("wheels = [\n")
		for _, tag := range []string{"py3-none-any", "cp312-cp312-win_amd64"} {
			fmt.Fprintf(&buf, "    { url = \"https://files.pythonhosted.org/packages/cc/dd/%060d/pkg_%d-1.%d.0-%s.whl\", hash = \"sha256:%064x\", size = 65432, upload-time = \"2025-01-01T00:00:00.000Z\" },\n", i, i, i, tag, i+1)
		}
		buf.WriteString("]\n")
	}
	data := buf.Bytes()
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		lock, err := parse(bytes.NewReader(data))
		if err != nil {
			b.Fatal(err)
		}
		if pkgs := packages(lock, "."); len(pkgs) != n+1 {
			b.Fatalf("%d packages", len(pkgs))
		}
	}
}
