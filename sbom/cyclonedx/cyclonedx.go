// Package cyclonedx writes heng's findings as CycloneDX SBOMs (JSON or
// XML, spec versions 1.4 to 1.7) through github.com/CycloneDX/cyclonedx-go.
//
// The document describes the scanned project as metadata.component and
// every package it uses as a component:
//
//   - bom-ref is the package's purl; packages without one (directories of
//     third-party code no manifest explains) get "heng:dir:<directory>".
//   - The declared license (from the package's metadata) and the license
//     heng detected in the package's own files are both kept, with
//     acknowledgement "declared" and "concluded" (1.6 and later). On
//     versions that cannot hold both, the concluded license is given (it
//     rests on the files; else the declared one) and the other is recorded
//     in the properties heng:license:declared / heng:license:concluded.
//     A single SPDX id is written as license.id, a LicenseRef or an id the
//     spec's SPDX list does not know as license.name (with the text heng
//     ships, for its own LicenseRefs), a compound expression as
//     expression: never an expression in license.name.
//   - evidence lists the files each license was found in, and the
//     copyright statements of the package's files.
//   - dev and test dependencies have scope "excluded" (they are not part of
//     what ships), with heng:scope saying which.
//
// The dependency graph lists every component, the project first. A graph
// read from lock files is "complete"; one with packages known only by a
// manifest's version constraint is "incomplete".
//
// Output is reproducible: components, dependencies and properties are
// sorted, and serialNumber is derived from the document's content, so the
// same scan with the same timestamp (SOURCE_DATE_EPOCH) gives the same
// bytes.
package cyclonedx

import (
	"bytes"
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"time"

	cdx "github.com/CycloneDX/cyclonedx-go"

	"github.com/hengdev/heng/sbom"
)

// DefaultSpec is the spec version written unless asked otherwise.
const DefaultSpec = cdx.SpecVersion1_6

// Specs are the spec versions heng writes, oldest first.
var Specs = []cdx.SpecVersion{cdx.SpecVersion1_4, cdx.SpecVersion1_5, cdx.SpecVersion1_6, cdx.SpecVersion1_7}

// ParseSpec reads a spec version such as "1.6".
func ParseSpec(s string) (cdx.SpecVersion, error) {
	for _, v := range Specs {
		if v.String() == s {
			return v, nil
		}
	}
	var names []string
	for _, v := range Specs {
		names = append(names, v.String())
	}
	return 0, fmt.Errorf("unsupported CycloneDX spec version %q; supported: %s", s, strings.Join(names, ", "))
}

// Format writes a Document as a CycloneDX SBOM.
type Format struct {
	// XML selects the XML encoding instead of JSON.
	XML bool
	// Spec is the spec version; 0 means DefaultSpec.
	Spec cdx.SpecVersion
	// Files adds the project's own files that carry licenses as
	// components of type file (heng sbom --files).
	Files bool
}

var _ sbom.Format = Format{}

// ID is "cyclonedx-json" or "cyclonedx-xml".
func (f Format) ID() string {
	if f.XML {
		return "cyclonedx-xml"
	}
	return "cyclonedx-json"
}

// Aliases are other names accepted for the format.
func (f Format) Aliases() []string {
	if f.XML {
		return []string{"cdx-xml"}
	}
	return []string{"cyclonedx", "cdx-json", "cdx"}
}

// Version is the spec version written.
func (f Format) Version() string { return f.spec().String() }

func (f Format) spec() cdx.SpecVersion {
	if f.Spec == 0 {
		return DefaultSpec
	}
	return f.Spec
}

// Encode writes the SBOM of doc.
func (f Format) Encode(w io.Writer, doc *sbom.Document) error {
	bom := Build(doc, Options{Spec: f.spec(), Files: f.Files})
	if f.XML {
		dropOccurrenceLines(bom)
	}
	// Encoded whole before anything is written: the XML encoder writes as
	// it goes, and a failure must not leave half a document on stdout.
	var buf bytes.Buffer
	if err := encode(&buf, bom, f.spec(), f.XML); err != nil {
		return err
	}
	_, err := w.Write(buf.Bytes())
	return err
}

// Options tune Build.
type Options struct {
	// Spec is the spec version the BOM is built for; 0 means DefaultSpec.
	Spec cdx.SpecVersion
	// Files adds the project's own files that carry licenses as
	// components of type file, with their SHA-256 when the scan computed
	// it (scanner.Config.FileHashes).
	Files bool
}

func encode(w io.Writer, bom *cdx.BOM, spec cdx.SpecVersion, xml bool) error {
	format := cdx.BOMFileFormatJSON
	if xml {
		format = cdx.BOMFileFormatXML
	}
	enc := cdx.NewBOMEncoder(w, format)
	enc.SetPretty(true)
	enc.SetEscapeHTML(false)
	if err := enc.EncodeVersion(bom, spec); err != nil {
		return fmt.Errorf("encode CycloneDX %s: %w", spec, err)
	}
	return nil
}

// serialNumber derives the BOM's serial number from its content: a
// version 4-shaped UUID made of the SHA-256 of the JSON encoding, so that
// equal documents get equal serial numbers and different ones different.
func serialNumber(bom *cdx.BOM) string {
	data, err := json.Marshal(bom)
	if err != nil {
		// A BOM heng builds always marshals; a random-looking but fixed
		// fallback keeps the output valid if that ever changes.
		data = []byte(err.Error())
	}
	sum := sha256.Sum256(data)
	b := sum[:16]
	b[6] = b[6]&0x0f | 0x40 // version 4 layout (the bits are not random: see above)
	b[8] = b[8]&0x3f | 0x80 // RFC 4122 variant
	return fmt.Sprintf("urn:uuid:%x-%x-%x-%x-%x", b[0:4], b[4:6], b[6:8], b[8:10], b[10:16])
}

// timestamp formats the document's creation time, "" when unset.
func timestamp(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(time.RFC3339)
}

// dropOccurrenceLines removes the line numbers of evidence occurrences
// before XML encoding: cyclonedx-go writes them as attributes, which the
// CycloneDX XSD does not allow (it wants a <line> element), and an invalid
// document is worse than one without line numbers. JSON keeps them.
func dropOccurrenceLines(bom *cdx.BOM) {
	var fix func(cs *[]cdx.Component)
	one := func(c *cdx.Component) {
		if c.Evidence != nil && c.Evidence.Occurrences != nil {
			for i := range *c.Evidence.Occurrences {
				(*c.Evidence.Occurrences)[i].Line = nil
			}
		}
		fix(c.Components)
	}
	fix = func(cs *[]cdx.Component) {
		if cs == nil {
			return
		}
		for i := range *cs {
			one(&(*cs)[i])
		}
	}
	if bom.Metadata != nil && bom.Metadata.Component != nil {
		one(bom.Metadata.Component)
	}
	fix(bom.Components)
}
