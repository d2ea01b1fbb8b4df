package cyclonedx

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"

	cdx "github.com/CycloneDX/cyclonedx-go"
	"github.com/santhosh-tekuri/jsonschema/v6"
	"golang.org/x/text/language"
	"golang.org/x/text/message"

	"github.com/hengdev/heng/sbom/cyclonedx/schema"
)

// Problem is one way a document breaks its schema.
type Problem struct {
	// Path is the JSON pointer of the offending value ("/components/3/purl";
	// "" for the document itself).
	Path string
	// Message says what is wrong.
	Message string
}

// Validate checks a CycloneDX document, JSON or XML. JSON is checked
// against the official JSON schema of its spec version (ValidateJSON).
// XML (1.4 to 1.7) is checked against the official XSD of its version with
// xmllint (libxml2) when it is installed — Go has no XSD validator —, and
// in any case read with cyclonedx-go, written back as JSON of the same
// version and checked against its JSON schema (wrong values, missing
// fields, invalid enumerations, with the paths of the JSON form). xsd
// says whether the XSD check ran.
func Validate(data []byte) (version string, problems []Problem, xsd bool, err error) {
	trimmed, isXML := body(data)
	if !isXML {
		version, problems, err = ValidateJSON(data)
		return version, problems, false, err
	}
	var bom cdx.BOM
	if err := cdx.NewBOMDecoder(bytes.NewReader(trimmed), cdx.BOMFileFormatXML).Decode(&bom); err != nil {
		return "", nil, false, fmt.Errorf("not a CycloneDX XML document: %w", err)
	}
	if bom.XMLNS == "" || !strings.HasPrefix(bom.XMLNS, "http://cyclonedx.org/schema/bom/") {
		return "", nil, false, fmt.Errorf("not a CycloneDX XML document: namespace %q", bom.XMLNS)
	}
	version = strings.TrimPrefix(bom.XMLNS, "http://cyclonedx.org/schema/bom/")
	spec, err := ParseSpec(version)
	if err != nil {
		return version, nil, false, fmt.Errorf("XML documents are checked from CycloneDX 1.4 on; this one is %s", version)
	}
	problems, xsd, err = validateXSD(data, version)
	if err != nil {
		return version, nil, xsd, err
	}
	bom.BOMFormat = cdx.BOMFormat // XML says it with the namespace
	var buf bytes.Buffer
	if err := encode(&buf, &bom, spec, false); err != nil {
		return version, nil, xsd, err
	}
	_, more, err := ValidateJSON(buf.Bytes())
	return version, append(problems, more...), xsd, err
}

// validateXSD checks an XML document against the embedded XSD of its
// version with xmllint, when xmllint is installed (xsd false otherwise).
// Problems are located by line: "line 12".
func validateXSD(data []byte, version string) (problems []Problem, xsd bool, err error) {
	xmllint, err := exec.LookPath("xmllint")
	if err != nil {
		return nil, false, nil
	}
	dir, err := os.MkdirTemp("", "heng-xsd-")
	if err != nil {
		return nil, false, err
	}
	defer os.RemoveAll(dir)
	for _, name := range []string{"bom-" + version + ".xsd", "spdx.xsd"} {
		b, err := schema.FS.ReadFile("xsd/" + name)
		if err != nil {
			return nil, false, fmt.Errorf("no XML schema for CycloneDX %s", version)
		}
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
			return nil, false, err
		}
	}
	doc := filepath.Join(dir, "document.xml")
	if err := os.WriteFile(doc, data, 0o644); err != nil {
		return nil, false, err
	}
	out, runErr := exec.Command(xmllint, "--noout", "--nonet", "--schema", filepath.Join(dir, "bom-"+version+".xsd"), doc).CombinedOutput()
	if runErr == nil {
		return nil, true, nil
	}
	// "document.xml:38: element occurrence: Schemas validity error : ..."
	for _, line := range strings.Split(string(out), "\n") {
		rest, ok := strings.CutPrefix(line, doc+":")
		if !ok {
			continue
		}
		num, msg, ok := strings.Cut(rest, ":")
		if !ok {
			continue
		}
		if _, m, ok := strings.Cut(msg, "Schemas validity error : "); ok {
			msg = m
		}
		problems = append(problems, Problem{Path: "line " + num, Message: shorten(strings.TrimSpace(msg))})
	}
	if len(problems) == 0 {
		// xmllint failed without saying where: the schema or the tool.
		return nil, true, fmt.Errorf("xmllint: %s", strings.TrimSpace(string(out)))
	}
	return problems, true, nil
}

// ValidateJSON checks a CycloneDX JSON document against the official
// schema of the spec version it declares (1.2 to 1.7, embedded). It
// returns the document's spec version and its problems, sorted by path;
// an error when the input is not JSON or names no spec version heng has a
// schema for.
func ValidateJSON(data []byte) (version string, problems []Problem, err error) {
	var head struct {
		BOMFormat   string `json:"bomFormat"`
		SpecVersion string `json:"specVersion"`
	}
	if err := json.Unmarshal(data, &head); err != nil {
		return "", nil, fmt.Errorf("not a JSON document: %w", err)
	}
	if head.BOMFormat != "CycloneDX" {
		return "", nil, fmt.Errorf("not a CycloneDX document: bomFormat is %q, want \"CycloneDX\"", head.BOMFormat)
	}
	sch, err := compiled(head.SpecVersion)
	if err != nil {
		return head.SpecVersion, nil, err
	}
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		return head.SpecVersion, nil, fmt.Errorf("not a JSON document: %w", err)
	}
	err = sch.Validate(inst)
	if err == nil {
		return head.SpecVersion, nil, nil
	}
	var verr *jsonschema.ValidationError
	if !errors.As(err, &verr) {
		return head.SpecVersion, nil, err
	}
	return head.SpecVersion, problemsOf(verr), nil
}

// problemsOf flattens a validation error to its leaves, one per place and
// message.
func problemsOf(verr *jsonschema.ValidationError) []Problem {
	printer := message.NewPrinter(language.English)
	var out []Problem
	var walk func(e *jsonschema.ValidationError)
	walk = func(e *jsonschema.ValidationError) {
		if len(e.Causes) == 0 {
			out = append(out, Problem{Path: pointer(e.InstanceLocation), Message: shorten(e.ErrorKind.LocalizedString(printer))})
		}
		for _, c := range e.Causes {
			walk(c)
		}
	}
	walk(verr)
	slices.SortFunc(out, func(a, b Problem) int {
		if c := strings.Compare(a.Path, b.Path); c != 0 {
			return c
		}
		return strings.Compare(a.Message, b.Message)
	})
	return slices.Compact(out)
}

// pointer writes a JSON pointer (RFC 6901).
func pointer(tokens []string) string {
	var b strings.Builder
	for _, t := range tokens {
		b.WriteByte('/')
		b.WriteString(strings.NewReplacer("~", "~0", "/", "~1").Replace(t))
	}
	return b.String()
}

// shorten keeps messages readable: an enumeration of the 600 SPDX ids is
// cut.
func shorten(msg string) string {
	const max = 200
	if len(msg) <= max {
		return msg
	}
	cut := strings.LastIndex(msg[:max], ", ")
	if cut < 0 {
		cut = max
	}
	return msg[:cut] + ", …"
}

var (
	schemaMu    sync.Mutex
	schemaCache = map[string]*jsonschema.Schema{}
)

// compiled returns the compiled schema of a spec version.
func compiled(version string) (*jsonschema.Schema, error) {
	schemaMu.Lock()
	defer schemaMu.Unlock()
	if s, ok := schemaCache[version]; ok {
		return s, nil
	}
	name := schema.File(version)
	if _, err := schema.FS.Open(name); err != nil {
		return nil, fmt.Errorf("no schema for CycloneDX spec version %q (heng has 1.2 to 1.7)", version)
	}
	c := jsonschema.NewCompiler()
	const base = "http://cyclonedx.org/schema/"
	for _, f := range []string{name, "spdx.schema.json", "jsf-0.82.schema.json", "cryptography-defs.schema.json"} {
		data, err := schema.FS.ReadFile(f)
		if err != nil {
			return nil, err
		}
		doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
		if err != nil {
			return nil, fmt.Errorf("embedded schema %s: %w", f, err)
		}
		if err := c.AddResource(base+f, doc); err != nil {
			return nil, fmt.Errorf("embedded schema %s: %w", f, err)
		}
	}
	s, err := c.Compile(base + name)
	if err != nil {
		return nil, fmt.Errorf("embedded schema %s: %w", name, err)
	}
	schemaCache[version] = s
	return s, nil
}
