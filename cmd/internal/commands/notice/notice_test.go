package notice

import (
	"testing"

	"github.com/hengdev/heng/cmd/internal/cmdtest"
)

func TestNewCmdNoticeFlags(t *testing.T) {
	cmdtest.Run(t, NewCmdNotice, []cmdtest.Case[noticeOptions]{
		{Name: "defaults", Args: nil, Check: func(o *noticeOptions) bool {
			return o.Root == "." && o.Format == "text" && o.Output == "" && o.SBOM == ""
		}},
		{Name: "markdown", Args: []string{"-f", "markdown", "-o", "NOTICE.md", "proj"}, Check: func(o *noticeOptions) bool {
			return o.Root == "proj" && o.Format == "markdown" && o.Output == "NOTICE.md"
		}},
		{Name: "sbom", Args: []string{"--sbom", "bom.xml", "--root", ".", "-f", "html"}, Check: func(o *noticeOptions) bool {
			return o.SBOM == "bom.xml" && o.SourceDir == "." && o.Format == "html"
		}},
		{Name: "bad_format", Args: []string{"-f", "pdf"}, WantErr: `unknown format "pdf" for --format; available: text, markdown, html`},
		{Name: "path_and_sbom", Args: []string{"--sbom", "b.json", "src"}, WantErr: "give a path or --sbom, not both"},
	})
}
