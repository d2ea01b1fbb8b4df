package check

import (
	"testing"

	"github.com/hengdev/heng/cmd/internal/cmdtest"
)

func TestNewCmdCheckFlags(t *testing.T) {
	cmdtest.Run(t, NewCmdCheck, []cmdtest.Case[checkOptions]{
		{Name: "defaults", Args: nil, Check: func(o *checkOptions) bool {
			return o.Root == "." && o.Format == "text" && o.FailOn == "error" && o.Policy == "" && o.SBOM == ""
		}},
		{Name: "sbom", Args: []string{"--sbom", "bom.json", "--policy", "p.yaml", "-f", "json", "--fail-on", "warning"}, Check: func(o *checkOptions) bool {
			return o.SBOM == "bom.json" && o.Policy == "p.yaml" && o.Format == "json" && o.FailOn == "warning"
		}},
		{Name: "bad_format", Args: []string{"-f", "xml"}, WantErr: `unknown format "xml" for --format; available: text, json, sarif, markdown, junit`},
		{Name: "bad_fail_on", Args: []string{"--fail-on", "info"}, WantErr: `invalid --fail-on "info": want error or warning`},
		{Name: "path_and_sbom", Args: []string{"--sbom", "b.json", "src"}, WantErr: "give a path or --sbom, not both"},
	})
}
