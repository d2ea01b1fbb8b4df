package index

import (
	"strings"
	"testing"
)

func BenchmarkForEachWord(b *testing.B) {
	text := []byte(strings.Repeat("// Licensed under the Apache License, Version 2.0 (the \"License\");\n\tif err := run(ctx, cfg); err != nil { return fmt.Errorf(\"run: %w\", err) }\n", 200))
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		n := 0
		ForEachWord(text, func(w []byte, lo, hi int) { n++ })
	}
}

func TestForEachWordCanonical(t *testing.T) {
	var got []string
	ForEachWord([]byte("These ARE (c) © Copyright © https notice(s) them they THIS those copies it's"), func(w []byte, lo, hi int) {
		got = append(got, string(w))
	})
	want := "the is copyright http notices it it the the copy it s" // consecutive copyrights merge, as in licensecheck
	if strings.Join(got, " ") != want {
		t.Fatalf("got %q\nwant %q", strings.Join(got, " "), want)
	}
}
