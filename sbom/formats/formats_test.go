package formats

import "testing"

func TestLookup(t *testing.T) {
	list := ForScan(false)
	for _, name := range []string{"text", "TEXT", "table", "json"} {
		if _, err := Lookup(list, name, "--format"); err != nil {
			t.Errorf("Lookup(%q) = %v", name, err)
		}
	}
	_, err := Lookup(list, "xml", "--format")
	if err == nil || err.Error() != `unknown format "xml" for --format; available: text, json, cyclonedx-json, cyclonedx-xml` {
		t.Errorf("Lookup(xml) error = %v", err)
	}
}
