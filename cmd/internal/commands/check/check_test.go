package check

import (
	"testing"

	"github.com/hengdev/heng/cmd/internal/cmdtest"
)

func TestNewCmdCheckFlags(t *testing.T) {
	tests := []struct {
		name    string
		args    []string
		check   func(*checkOptions) bool
		wantErr string
	}{
		{name: "defaults", args: nil, check: func(o *checkOptions) bool {
			return o.Root == "." && o.Format == "text" && o.FailOn == "error" && o.Policy == "" && o.SBOM == ""
		}},
		{name: "sbom", args: []string{"--sbom", "bom.json", "--policy", "p.yaml", "-f", "json", "--fail-on", "warning"}, check: func(o *checkOptions) bool {
			return o.SBOM == "bom.json" && o.Policy == "p.yaml" && o.Format == "json" && o.FailOn == "warning"
		}},
		{name: "bad_format", args: []string{"-f", "xml"}, wantErr: `unknown format "xml" for --format; available: text, json, sarif, markdown, junit`},
		{name: "bad_fail_on", args: []string{"--fail-on", "info"}, wantErr: `invalid --fail-on "info": want error or warning`},
		{name: "path_and_sbom", args: []string{"--sbom", "b.json", "src"}, wantErr: "give a path or --sbom, not both"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := cmdtest.Parse(NewCmdCheck, tc.args...)
			if tc.wantErr != "" {
				if err == nil || err.Error() != tc.wantErr {
					t.Fatalf("error = %v, want %q", err, tc.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if !tc.check(got) {
				t.Errorf("options %+v", got)
			}
		})
	}
}
