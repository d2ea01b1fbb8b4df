package inventory

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestSummarize(t *testing.T) {
	files := []File{
		{Path: "a.go", Language: "Go", Size: 10, Licenses: []License{{ID: "MIT", Kind: "tag"}, {ID: "MIT", Kind: "notice"}}},
		{Path: "b.go", Language: "Go", Size: 5, Licenses: []License{{Expression: "MIT OR Apache-2.0", Kind: "tag"}, {Kind: "tag", Error: "bad"}}},
		{Path: "LICENSE", Language: "Text", Size: 100, Licenses: []License{{ID: "MIT", Kind: "text"}},
			Copyrights: []Copyright{{Statement: "Copyright 2020 A and B", Holders: []string{"A and B"}}, {Statement: "Copyright 2021 A and B", Holders: []string{"A and B"}}}},
		{Path: "c.go", Copyrights: []Copyright{{Statement: "Copyright 2020 A and B", Holders: []string{"A and B"}}, {Statement: "(c) C", Holders: []string{"C"}}}},
		{Path: "x.bin", Size: 7, Skipped: SkipTooLarge},
	}
	pkgs := []Package{{Name: "a", Ecosystem: "npm"}, {Name: "b", Ecosystem: "npm"}, {Name: "c", Ecosystem: "golang"}}
	got := Summarize(files, []Issue{{Path: "y", Message: "m"}}, pkgs)
	want := Summary{
		Files: 5, Bytes: 122, Skipped: 1, Errors: 1, InvalidTags: 1,
		Packages: 3, Ecosystems: map[string]int{"npm": 2, "golang": 1},
		Copyrights: 4, Holders: map[string]int{"A and B": 2, "C": 1},
		Languages: map[string]Count{"Go": {Files: 2, Bytes: 15}, "Text": {Files: 1, Bytes: 100}},
		Licenses: map[string]LicenseCount{
			"MIT":               {Files: 2, Kinds: map[string]int{"tag": 1, "notice": 1, "text": 1}},
			"MIT OR Apache-2.0": {Files: 1, Kinds: map[string]int{"tag": 1}},
		},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Summarize diff (-want +got):\n%s", diff)
	}
	ranked := Rank(got.Languages)
	if len(ranked) != 2 || ranked[0].Name != "Go" || ranked[1].Name != "Text" {
		t.Errorf("Rank = %+v, want Go (2 files) before Text (1)", ranked)
	}
}
