package gradlelock

import (
	"bytes"
	"fmt"
	"testing"
)

func BenchmarkParse(b *testing.B) {
	var buf bytes.Buffer
	buf.WriteString("# This is a Gradle generated file for dependency locking.\n# Manual edits can break the build and are not advised.\n# This file is expected to be part of source control.\n")
	const n = 5000
	for i := range n {
		fmt.Fprintf(&buf, "org.example.group%d:artifact-%d:%d.%d.%d=compileClasspath,runtimeClasspath,testCompileClasspath,testRuntimeClasspath\n", i%97, i, i/100, i%100, i%7)
	}
	buf.WriteString("empty=annotationProcessor,testAnnotationProcessor\n")
	data := buf.Bytes()
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		pkgs, err := parse(bytes.NewReader(data), kind{})
		if err != nil || len(pkgs) != n {
			b.Fatalf("%d packages, %v", len(pkgs), err)
		}
	}
}
