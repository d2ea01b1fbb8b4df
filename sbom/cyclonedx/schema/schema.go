// Package schema holds the official CycloneDX JSON schemas, 1.2 to 1.7,
// with the SPDX license list, JSF and cryptography schemas they refer to, embedded so
// that heng validates documents offline. They are copied from the
// cyclonedx-go module heng builds with (which ships them): run
// `go generate ./sbom/cyclonedx/schema` after upgrading it.
package schema

//go:generate sh copy.sh

import (
	"embed"
	"encoding/json"
	"sync"
)

// FS holds bom-<version>.schema.json and the schemas they refer to:
// spdx.schema.json, jsf-0.82.schema.json and (1.7)
// cryptography-defs.schema.json; and the XML schemas xsd/bom-<version>.xsd
// (1.4 to 1.7) with xsd/spdx.xsd. In xsd/bom-1.7.xsd the import of spdx.xsd
// points at the local copy instead of http://cyclonedx.org/schema/spdx, so
// that validation needs no network.
//
//go:embed *.json xsd/*.xsd
var FS embed.FS

// File returns the name of the schema of a spec version ("1.6") in FS.
func File(version string) string {
	return "bom-" + version + ".schema.json"
}

// SPDXIDs returns the SPDX license ids the schemas accept in license.id.
var SPDXIDs = sync.OnceValue(func() map[string]bool {
	data, err := FS.ReadFile("spdx.schema.json")
	if err != nil {
		panic("embedded spdx.schema.json: " + err.Error()) // embedded at build time
	}
	var s struct {
		Enum []string `json:"enum"`
	}
	if err := json.Unmarshal(data, &s); err != nil {
		panic("embedded spdx.schema.json: " + err.Error())
	}
	ids := make(map[string]bool, len(s.Enum))
	for _, id := range s.Enum {
		ids[id] = true
	}
	return ids
})
