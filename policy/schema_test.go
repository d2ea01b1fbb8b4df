package policy

import (
	"bytes"
	"encoding/json"
	"os"
	"slices"
	"testing"
	"time"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"go.yaml.in/yaml/v3"

	"github.com/hengdev/heng/licenses"
)

// compileSchema compiles a JSON schema file.
func compileSchema(t *testing.T, file string) *jsonschema.Schema {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource(file, doc); err != nil {
		t.Fatal(err)
	}
	sch, err := c.Compile(file)
	if err != nil {
		t.Fatal(err)
	}
	return sch
}

// TestSchema: the JSON Schema shipped for editors accepts every preset and
// the documented example, refuses what Parse refuses structurally, and
// lists the same categories as heng.
func TestSchema(t *testing.T) {
	sch := compileSchema(t, "policy.schema.json")
	validate := func(yamlText []byte) error {
		var v any
		if err := yaml.Unmarshal(yamlText, &v); err != nil {
			t.Fatal(err)
		}
		// YAML reads an unquoted 2027-06-30 as a timestamp; editors'
		// YAML servers, like heng, read it as the date it is.
		j, err := json.Marshal(datesAsText(v))
		if err != nil {
			t.Fatal(err)
		}
		inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(j))
		if err != nil {
			t.Fatal(err)
		}
		return sch.Validate(inst)
	}
	for _, name := range Presets() {
		text, _ := Preset(name)
		if err := validate(text); err != nil {
			t.Errorf("preset %s: %v", name, err)
		}
	}
	if err := validate([]byte(examplePolicy)); err != nil {
		t.Errorf("example: %v", err)
	}
	for _, bad := range []string{"version: 1\nlicence: {}\n", "version: 1\nscopes: {dev: relax}\n", "version: 1\nexceptions: [{purl: x, licenses: [MIT]}]\n"} {
		if validate([]byte(bad)) == nil {
			t.Errorf("schema accepts %q", bad)
		}
	}
	var s struct {
		Definitions struct {
			Categories struct {
				Items struct {
					Enum []string `json:"enum"`
				} `json:"items"`
			} `json:"categories"`
		} `json:"definitions"`
	}
	data, err := os.ReadFile("policy.schema.json")
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(data, &s); err != nil {
		t.Fatal(err)
	}
	var want []string
	for _, c := range licenses.Categories() {
		want = append(want, string(c))
	}
	if !slices.Equal(s.Definitions.Categories.Items.Enum, want) {
		t.Errorf("schema categories %v, heng's %v", s.Definitions.Categories.Items.Enum, want)
	}
}

func datesAsText(v any) any {
	switch x := v.(type) {
	case time.Time:
		return x.Format(time.DateOnly)
	case map[string]any:
		for k, e := range x {
			x[k] = datesAsText(e)
		}
	case []any:
		for i, e := range x {
			x[i] = datesAsText(e)
		}
	}
	return v
}
