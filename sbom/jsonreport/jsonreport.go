// Package jsonreport writes heng's JSON scan report, the machine-readable
// result of heng scan. Other tools read it: its shape is a contract,
// documented in docs/json-report.md. Fields are only ever added.
package jsonreport

import (
	"bufio"
	"encoding/json"
	"io"

	"github.com/hengdev/heng/sbom"
	"github.com/hengdev/heng/scanner/inventory"
)

// FormatVersion is the version of the report's shape.
const FormatVersion = "1"

// Format is the JSON report format.
type Format struct{}

var _ sbom.Format = Format{}

func (Format) ID() string        { return "json" }
func (Format) Aliases() []string { return nil }
func (Format) Version() string   { return FormatVersion }

// header is the part of the report before the file list.
type header struct {
	Tool    sbom.Tool         `json:"tool"`
	Version string            `json:"report_version"`
	Root    string            `json:"root"`
	Summary inventory.Summary `json:"summary"`
}

// Encode writes the report. Files are streamed one by one, so the encoder
// holds no more than one file's JSON at a time, however large the tree.
func (Format) Encode(w io.Writer, doc *sbom.Document) error {
	bw := bufio.NewWriterSize(w, 64<<10)
	h := header{
		Tool:    doc.Tool,
		Version: FormatVersion,
		Root:    doc.Root,
		Summary: doc.Summary(),
	}
	head, err := json.MarshalIndent(h, "", "  ")
	if err != nil {
		return err
	}
	// Reopen the header object to append the lists to it.
	bw.Write(head[:len(head)-2]) // drop "\n}"
	bw.WriteString(",\n  \"files\": [")
	files := doc.Files
	if doc.OmitFiles {
		files = nil
	}
	for i := range files {
		if err := item(bw, i, &files[i]); err != nil {
			return err
		}
	}
	end(bw, len(files))
	bw.WriteString(",\n  \"packages\": [")
	for i := range doc.Packages {
		if err := item(bw, i, &doc.Packages[i]); err != nil {
			return err
		}
	}
	end(bw, len(doc.Packages))
	bw.WriteString(",\n  \"errors\": [")
	for i := range doc.Issues {
		if err := item(bw, i, &doc.Issues[i]); err != nil {
			return err
		}
	}
	end(bw, len(doc.Issues))
	bw.WriteString("\n}\n")
	return bw.Flush()
}

func item(bw *bufio.Writer, i int, v any) error {
	b, err := json.MarshalIndent(v, "    ", "  ")
	if err != nil {
		return err
	}
	if i > 0 {
		bw.WriteByte(',')
	}
	bw.WriteString("\n    ")
	bw.Write(b)
	return nil
}

func end(bw *bufio.Writer, n int) {
	if n > 0 {
		bw.WriteString("\n  ")
	}
	bw.WriteByte(']')
}
