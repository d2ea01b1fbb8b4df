package report

import (
	"testing"

	"github.com/hengdev/heng/cmd/internal/cmdtest"
	"github.com/hengdev/heng/cmd/internal/cmdutil"
	"github.com/hengdev/heng/cmd/internal/iostreams"
)

func TestNewCmdReportFlags(t *testing.T) {
	t.Setenv("LC_ALL", "")
	t.Setenv("LC_MESSAGES", "")
	t.Setenv("LANG", "zh_CN.UTF-8")
	cmdtest.Run(t, NewCmdReport, []cmdtest.Case[reportOptions]{
		{Name: "defaults", Args: []string{"-o", "r.html"}, Check: func(o *reportOptions) bool {
			return o.Root == "." && o.Lang == "zh-CN" && o.Policy == "" && o.SBOM == "" && o.Output == "r.html"
		}},
		{Name: "sbom", Args: []string{"--sbom", "bom.json", "--root", "src", "--policy", "p.yaml", "--lang", "en"}, Check: func(o *reportOptions) bool {
			return o.SBOM == "bom.json" && o.SourceDir == "src" && o.Policy == "p.yaml" && o.Lang == "en"
		}},
		{Name: "path", Args: []string{"proj"}, Check: func(o *reportOptions) bool { return o.Root == "proj" }},
		{Name: "bad_lang", Args: []string{"--lang", "fr"}, WantErr: `unknown language "fr" for --lang; available: en, zh-CN`},
		{Name: "path_and_sbom", Args: []string{"--sbom", "b.json", "src"}, WantErr: "give a path or --sbom, not both"},
		{Name: "root_without_sbom", Args: []string{"--root", "src"}, WantErr: "--root goes with --sbom (a scanned tree's files are read from the tree)"},
	})
}

// TestReportNotToTerminal: HTML is not for a terminal; -o or a redirect.
func TestReportNotToTerminal(t *testing.T) {
	ios, _, _, _ := iostreams.Test()
	ios.SetStdoutTTY(true)
	ran := false
	cmd := NewCmdReport(&cmdutil.Factory{IOStreams: ios}, func(*reportOptions) error { ran = true; return nil })
	cmd.SetArgs(nil)
	cmd.SilenceErrors, cmd.SilenceUsage = true, true
	if err := cmd.Execute(); err == nil || ran {
		t.Fatalf("ran = %v, err = %v; want a flag error", ran, err)
	}
}
