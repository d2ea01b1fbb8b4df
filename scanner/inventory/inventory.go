// Package inventory holds what a scan finds, in the shape the JSON report
// shows it: files with their language, tags and licenses, and the issues
// met on the way. Every other package may import it; it imports none of
// heng's packages, so that the report's contract lives in one place.
package inventory

import (
	"cmp"
	"slices"
)

// Tags a file can carry. A tag never removes a file from a scan: licenses
// in vendored and third-party trees matter most.
const (
	TagVendored      = "vendored"      // third-party or bundled code (go-enry's vendor rules)
	TagGenerated     = "generated"     // machine-generated code
	TagDocumentation = "documentation" // docs, READMEs, examples
	TagBinary        = "binary"        // not text; never matched for licenses
	TagLicense       = "license"       // a license file (LICENSE, COPYING, NOTICE, ...), matched in full
	TagSymlink       = "symlink"       // a symbolic link, listed and not followed
)

// Reasons why a file's content was not examined.
const (
	SkipTooLarge  = "too-large" // larger than --max-file-size
	SkipSymlink   = "symlink"
	SkipFIFO      = "fifo"
	SkipSocket    = "socket"
	SkipDevice    = "device"
	SkipIrregular = "irregular"
	SkipError     = "error" // could not be read: see the report's errors
)

// File is one file of the scanned tree.
type File struct {
	// Path is relative to the scan root, with forward slashes.
	Path string `json:"path"`
	// Language is go-enry's name for the file's language, or "".
	Language string `json:"language"`
	Size     int64  `json:"size"`
	// Tags are sorted; see the Tag constants.
	Tags     []string  `json:"tags"`
	Licenses []License `json:"licenses"`
	// Copyrights are the copyright statements in the file, in order.
	Copyrights []Copyright `json:"copyrights"`
	// Skipped says why the content was not read, when it was not.
	Skipped string `json:"skipped,omitempty"`
	// Encoding names the text encoding the file was decoded from when it
	// was not UTF-8: "utf-16le", "utf-16be" or "gb18030".
	Encoding string `json:"encoding,omitempty"`
	// SHA256 is the file's SHA-256 in hex, when the scan was asked for
	// it (heng sbom --files) and the content was read.
	SHA256 string `json:"sha256,omitempty"`
}

// License is one license finding in a file.
type License struct {
	// ID is an SPDX license id or a LicenseRef-. Tags whose value is a
	// compound expression set Expression instead; invalid tags set
	// neither, but Raw and Error.
	ID         string `json:"id,omitempty"`
	Expression string `json:"expression,omitempty"`
	// Kind is "text", "notice", "tag" or "url".
	Kind string `json:"kind"`
	// MatchPercent is the share of the surrounding text (the whole file
	// for license files, the paragraph or comment block otherwise) that
	// the license accounts for, in words.
	MatchPercent float64 `json:"match_percent"`
	StartLine    int     `json:"start_line"`
	EndLine      int     `json:"end_line"`
	Raw          string  `json:"raw,omitempty"`
	Error        string  `json:"error,omitempty"`
}

// Name returns the id or expression the finding names, or "" for an
// invalid tag.
func (l License) Name() string {
	return cmp.Or(l.ID, l.Expression)
}

// Copyright is one copyright statement found in a file.
type Copyright struct {
	// Statement is the statement as written, without comment markers:
	// "Copyright (c) 2019-2024 Example Co. and contributors".
	Statement string `json:"statement"`
	// Holders are who hold it ("Example Co. and contributors"), without
	// e-mail addresses; empty when none can be told.
	Holders []string `json:"holders"`
	// Years as written ("2019-2024"), or "".
	Years     string `json:"years,omitempty"`
	StartLine int    `json:"start_line"`
	EndLine   int    `json:"end_line"`
}

// Issue is a problem met while scanning one file. It never stops a scan.
type Issue struct {
	Path    string `json:"path"`
	Message string `json:"message"`
	// Extractor names the package extractor that met the problem, when
	// one did ("npm/packagelock").
	Extractor string `json:"extractor,omitempty"`
}

// SortFiles sorts files by path.
func SortFiles(files []File) {
	slices.SortFunc(files, func(a, b File) int { return cmp.Compare(a.Path, b.Path) })
}

// SortIssues sorts issues by path, then message.
func SortIssues(issues []Issue) {
	slices.SortFunc(issues, func(a, b Issue) int {
		return cmp.Or(cmp.Compare(a.Path, b.Path), cmp.Compare(a.Extractor, b.Extractor), cmp.Compare(a.Message, b.Message))
	})
}
