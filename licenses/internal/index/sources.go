package index

import (
	"encoding/json"
	"fmt"

	"github.com/google/licensecheck"
)

// SPDXLicense is one license of the SPDX License List as heng ships it
// (licenses/data/spdx-full.json).
type SPDXLicense struct {
	Name        string `json:"name"`
	URL         string `json:"url"`
	OSIApproved bool   `json:"osiApproved"`
	Text        string `json:"licenseText"`
}

// ParseSPDX reads the SPDX license list data.
func ParseSPDX(data []byte) (map[string]SPDXLicense, error) {
	var m map[string]SPDXLicense
	if err := json.Unmarshal(data, &m); err != nil {
		return nil, fmt.Errorf("parse SPDX license list: %w", err)
	}
	return m, nil
}

// Sources lists the patterns the detector matches, in matcher order:
// licensecheck's built-in patterns first, in licensecheck's own order (which
// breaks ties between equally long matches). spdx supplies the length of
// each license's reference text.
func Sources(spdx map[string]SPDXLicense) []Source {
	var out []Source
	for _, l := range licensecheck.BuiltinLicenses() {
		if l.LRE == "" {
			continue // a URL, matched separately
		}
		out = append(out, Source{
			ID:       l.ID,
			Source:   "licensecheck",
			LRE:      l.LRE,
			RefWords: refWords(spdx, l.ID),
		})
	}
	return out
}

// refWords returns the word count of id's SPDX text, or 0 when SPDX has no
// text for it.
func refWords(spdx map[string]SPDXLicense, id string) int {
	if l, ok := spdx[id]; ok && l.Text != "" {
		return CountWords([]byte(l.Text))
	}
	return 0
}
