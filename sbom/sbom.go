// Package sbom turns what a scan found into documents: the JSON scan
// report, the readable summary and, in later formats, CycloneDX SBOMs.
// Every format is a pure function of a Document; sbom/formats lists them.
package sbom

import (
	"io"
	"time"

	"github.com/hengdev/heng/scanner/inventory"
)

// Tool names the program that made a document.
type Tool struct {
	Name    string `json:"name"`
	Version string `json:"version"`
}

// Document is everything a format may show. Files and Issues are sorted.
type Document struct {
	Tool     Tool
	Root     string // the scanned path as the user gave it, with forward slashes
	Files    []inventory.File
	Issues   []inventory.Issue
	Packages []inventory.Package
	// Name is the project's name when no manifest at the top of the tree
	// gives one (the scanned directory's name); "" means the last element
	// of Root.
	Name string
	// Created is when the document was made, for formats that say so
	// (CycloneDX's timestamp); zero leaves it out.
	Created time.Time
	// OmitFiles leaves the files out of the listing (heng scan
	// --no-files); they are still counted in the summary.
	OmitFiles bool
}

// Summary counts what the document holds.
func (d *Document) Summary() inventory.Summary {
	return inventory.Summarize(d.Files, d.Issues, d.Packages)
}

// Format encodes a finished Document. Encode is deterministic: the same
// document gives the same bytes.
type Format interface {
	ID() string        // "json"
	Aliases() []string // other names accepted for it
	Version() string   // the format's own version, "" when unversioned
	Encode(w io.Writer, doc *Document) error
}
