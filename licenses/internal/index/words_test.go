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

func TestIdeographs(t *testing.T) {
	var got []string
	ForEachWord([]byte("木兰宽松许可证，第2版 Mulan PSL v2（本许可证）"), func(w []byte, lo, hi int) {
		got = append(got, string(w))
	})
	want := "木 兰 宽 松 许 可 证 第 2 版 mulan psl v2 本 许 可 证"
	if strings.Join(got, " ") != want {
		t.Fatalf("got %q\nwant %q", strings.Join(got, " "), want)
	}
	text := []byte("本项目采用木兰宽松许可证第2版。See LICENSE.")
	spaced, orig := SpaceIdeographs(text)
	if string(spaced) != "本 项 目 采 用 木 兰 宽 松 许 可 证 第 2 版。See LICENSE." {
		t.Fatalf("SpaceIdeographs = %q", spaced)
	}
	for i := range spaced {
		if o := orig(i); o < 0 || o > len(text) {
			t.Fatalf("orig(%d) = %d", i, o)
		}
	}
	// The offset of "See" maps back to its offset in text.
	if at := strings.Index(string(spaced), "See"); orig(at) != strings.Index(string(text), "See") {
		t.Fatalf("orig(%d) = %d, want %d", at, orig(at), strings.Index(string(text), "See"))
	}
	ascii := []byte("plain text")
	if same, _ := SpaceIdeographs(ascii); &same[0] != &ascii[0] {
		t.Fatal("ASCII text copied")
	}
}
