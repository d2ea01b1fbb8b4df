// Package policy reads an organisation's license policy (YAML; see
// docs/policy.md) and evaluates packages against it: the heng check CI
// gate.
//
// Rules, in this order, for each license id of a package's license
// expression: an unexpired exception for the package and the id waives
// it; licenses.deny is an error; licenses.allow allows; categories.deny is
// an error; categories.warn a warning; categories.allow allows; otherwise
// an error ("not on the allow list") when any allow list is given, else
// allowed. "A OR B" takes the best branch, "A AND B" the worst part; an id
// "WITH" an exception is judged as the id with its exception kept in the
// finding. "-or-later" ids are satisfied by any allowed version of the
// family at or above theirs (GPL-2.0-or-later by an allowed GPL-3.0-only).
// A package components.deny names is an error whatever its license. The
// declared and the concluded (detected) license are both evaluated, and
// each finding says which one triggered it.
package policy

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"

	"github.com/hengdev/heng/licenses"
)

// Policy is a policy file.
type Policy struct {
	Version int `yaml:"version"`
	// Extends names a base policy (an organisation-wide one), relative to
	// this file, that this one refines: its lists are added to the
	// base's, its settings replace the base's.
	Extends    string       `yaml:"extends"`
	Licenses   LicenseRules `yaml:"licenses"`
	Components struct {
		Deny []ComponentRule `yaml:"deny"`
	} `yaml:"components"`
	Exceptions []Exception `yaml:"exceptions"`
	// Scopes relax (or not) the verdicts by dependency scope: for "dev",
	// "test", "optional" or "required", "warn" makes errors warnings,
	// "ignore" drops the findings, "enforce" (the default) keeps them.
	Scopes map[string]string `yaml:"scopes"`
	// Overrides set the concluded license of packages whose detection is
	// wrong.
	Overrides []Override `yaml:"overrides"`
	// Choices record which license of an "A OR B" the organisation takes
	// for a package.
	Choices []Choice `yaml:"choices"`
}

// Override sets the concluded license of a package.
type Override struct {
	PURL    string `yaml:"purl"`
	License string `yaml:"license"`
	Reason  string `yaml:"reason"`
}

// Choice picks one license of a package's "A OR B".
type Choice struct {
	PURL    string `yaml:"purl"`
	License string `yaml:"license"`
	Reason  string `yaml:"reason"`
}

// LicenseRules say which licenses are allowed.
type LicenseRules struct {
	Allow      []string `yaml:"allow"`
	Deny       []string `yaml:"deny"`
	Categories struct {
		Allow []string `yaml:"allow"`
		Warn  []string `yaml:"warn"`
		Deny  []string `yaml:"deny"`
	} `yaml:"categories"`
	// Unknown is what a package with no license found gets: deny
	// (default), warn or allow.
	Unknown string `yaml:"unknown"`
}

// ComponentRule denies a package: a purl, version-less to match every
// version.
type ComponentRule struct {
	PURL   string `yaml:"purl"`
	Reason string `yaml:"reason"`
}

// Exception waives licenses for a package until a date.
type Exception struct {
	PURL     string   `yaml:"purl"`
	Licenses []string `yaml:"licenses"`
	Reason   string   `yaml:"reason"`
	// Expires is a date (YYYY-MM-DD); after it the exception no longer
	// applies. "" never expires.
	Expires  string `yaml:"expires"`
	Approver string `yaml:"approver"`
	Ticket   string `yaml:"ticket"`
}

// Load reads and checks a policy file, and the base policies it extends.
func Load(path string) (*Policy, error) {
	return load(path, 0)
}

func load(path string, depth int) (*Policy, error) {
	if depth > 8 {
		return nil, fmt.Errorf("%s: extends nested too deep (a cycle?)", path)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	p, err := Parse(data, path)
	if err != nil {
		return nil, err
	}
	if p.Extends == "" {
		return p, nil
	}
	basePath := p.Extends
	if !filepath.IsAbs(basePath) {
		basePath = filepath.Join(filepath.Dir(path), basePath)
	}
	base, err := load(basePath, depth+1)
	if err != nil {
		var pe *fs.PathError
		if errors.As(err, &pe) {
			return nil, fmt.Errorf("%s: extends %s: %w", path, p.Extends, pe.Err)
		}
		return nil, err
	}
	return base.refine(p), nil
}

// refine returns the base policy refined by p: lists added, settings
// replaced.
func (base *Policy) refine(p *Policy) *Policy {
	out := *base
	out.Extends = ""
	out.Licenses.Allow = append(slices.Clone(base.Licenses.Allow), p.Licenses.Allow...)
	out.Licenses.Deny = append(slices.Clone(base.Licenses.Deny), p.Licenses.Deny...)
	out.Licenses.Categories.Allow = append(slices.Clone(base.Licenses.Categories.Allow), p.Licenses.Categories.Allow...)
	out.Licenses.Categories.Warn = append(slices.Clone(base.Licenses.Categories.Warn), p.Licenses.Categories.Warn...)
	out.Licenses.Categories.Deny = append(slices.Clone(base.Licenses.Categories.Deny), p.Licenses.Categories.Deny...)
	if p.Licenses.Unknown != "" {
		out.Licenses.Unknown = p.Licenses.Unknown
	}
	out.Components.Deny = append(slices.Clone(base.Components.Deny), p.Components.Deny...)
	out.Exceptions = append(slices.Clone(base.Exceptions), p.Exceptions...)
	out.Overrides = append(slices.Clone(base.Overrides), p.Overrides...)
	out.Choices = append(slices.Clone(base.Choices), p.Choices...)
	out.Scopes = map[string]string{}
	for k, v := range base.Scopes {
		out.Scopes[k] = v
	}
	for k, v := range p.Scopes {
		out.Scopes[k] = v
	}
	return &out
}

// Parse reads and checks a policy; name is the file's name for messages.
// Unknown keys, YAML errors (with their line), unknown license ids and
// categories (with a suggestion) and bad dates are errors.
func Parse(data []byte, name string) (*Policy, error) {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	var p Policy
	if err := dec.Decode(&p); err != nil {
		if errors.Is(err, io.EOF) {
			return nil, fmt.Errorf("%s: empty policy", name)
		}
		return nil, fmt.Errorf("%s: %s", name, strings.TrimPrefix(err.Error(), "yaml: "))
	}
	if err := p.check(); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return &p, nil
}

func (p *Policy) check() error {
	var errs []error
	if p.Version != 1 {
		errs = append(errs, fmt.Errorf("version: %d is not a policy version heng knows (want 1)", p.Version))
	}
	checkIDs := func(field string, ids []string) {
		for i, id := range ids {
			if _, ok := licenses.Lookup(id); ok || strings.HasPrefix(id, "LicenseRef-") {
				continue
			}
			msg := fmt.Sprintf("%s[%d]: unknown license %q", field, i, id)
			if s := suggest(id); s != "" {
				msg += fmt.Sprintf("; did you mean %q?", s)
			}
			errs = append(errs, errors.New(msg))
		}
	}
	checkIDs("licenses.allow", p.Licenses.Allow)
	checkIDs("licenses.deny", p.Licenses.Deny)
	for _, c := range []struct {
		field string
		names []string
	}{{"licenses.categories.allow", p.Licenses.Categories.Allow}, {"licenses.categories.warn", p.Licenses.Categories.Warn}, {"licenses.categories.deny", p.Licenses.Categories.Deny}} {
		for i, n := range c.names {
			if !licenses.Category(n).Valid() {
				var all []string
				for _, k := range licenses.Categories() {
					all = append(all, string(k))
				}
				errs = append(errs, fmt.Errorf("%s[%d]: unknown category %q; categories: %s", c.field, i, n, strings.Join(all, ", ")))
			}
		}
	}
	switch p.Licenses.Unknown {
	case "", "deny", "warn", "allow":
	default:
		errs = append(errs, fmt.Errorf("licenses.unknown: %q; want deny, warn or allow", p.Licenses.Unknown))
	}
	for i, r := range p.Components.Deny {
		if !strings.HasPrefix(r.PURL, "pkg:") {
			errs = append(errs, fmt.Errorf("components.deny[%d].purl: %q is not a package URL (pkg:type/name@version)", i, r.PURL))
		}
	}
	for scope, v := range p.Scopes {
		switch scope {
		case "required", "optional", "dev", "test":
		default:
			errs = append(errs, fmt.Errorf("scopes: unknown scope %q; scopes: required, optional, dev, test", scope))
		}
		switch v {
		case "enforce", "warn", "ignore":
		default:
			errs = append(errs, fmt.Errorf("scopes.%s: %q; want enforce, warn or ignore", scope, v))
		}
	}
	for i, o := range p.Overrides {
		if !strings.HasPrefix(o.PURL, "pkg:") {
			errs = append(errs, fmt.Errorf("overrides[%d].purl: %q is not a package URL", i, o.PURL))
		}
		if _, err := licenses.ParseExpression(o.License); err != nil {
			errs = append(errs, fmt.Errorf("overrides[%d].license: %q: %v", i, o.License, err))
		}
	}
	for i, c := range p.Choices {
		if !strings.HasPrefix(c.PURL, "pkg:") {
			errs = append(errs, fmt.Errorf("choices[%d].purl: %q is not a package URL", i, c.PURL))
		}
		checkIDs(fmt.Sprintf("choices[%d].license", i), []string{c.License})
	}
	for i, e := range p.Exceptions {
		if !strings.HasPrefix(e.PURL, "pkg:") {
			errs = append(errs, fmt.Errorf("exceptions[%d].purl: %q is not a package URL", i, e.PURL))
		}
		if len(e.Licenses) == 0 {
			errs = append(errs, fmt.Errorf("exceptions[%d].licenses: none given", i))
		}
		checkIDs(fmt.Sprintf("exceptions[%d].licenses", i), e.Licenses)
		if e.Expires != "" {
			if _, err := time.Parse(time.DateOnly, e.Expires); err != nil {
				errs = append(errs, fmt.Errorf("exceptions[%d].expires: %q is not a date (YYYY-MM-DD)", i, e.Expires))
			}
		}
	}
	return errors.Join(errs...)
}

// hasAllowList reports whether the policy lists what it allows.
func (p *Policy) hasAllowList() bool {
	return len(p.Licenses.Allow) > 0 || len(p.Licenses.Categories.Allow) > 0
}

func containsFold(list []string, s string) bool {
	return slices.ContainsFunc(list, func(x string) bool { return strings.EqualFold(x, s) })
}

// suggest finds the known license id closest to a mistyped one: the
// fewest edits, a swap of two neighbouring letters counting as one
// ("MTI" is "MIT"), ignoring case; licenses.Suggest's guess when nothing
// is within two edits.
func suggest(id string) string {
	best, bestD := "", 3
	for _, info := range licenses.All() {
		if d := editDistance(strings.ToLower(id), strings.ToLower(info.ID)); d < bestD || d == bestD && best != "" && len(info.ID) < len(best) {
			best, bestD = info.ID, d
		}
	}
	if best == "" {
		if s := licenses.Suggest(id, 1); len(s) > 0 {
			return s[0]
		}
	}
	return best
}

// editDistance is the optimal string alignment distance: insertions,
// deletions, substitutions and swaps of adjacent bytes.
func editDistance(a, b string) int {
	d := make([][]int, len(a)+1)
	for i := range d {
		d[i] = make([]int, len(b)+1)
		d[i][0] = i
	}
	for j := range d[0] {
		d[0][j] = j
	}
	for i := 1; i <= len(a); i++ {
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(a)][len(b)]
}

// Presets are the starter policies heng policy init writes, by name.
func Presets() []string { return []string{"permissive", "no-strong-copyleft", "mulan-friendly"} }

// Preset returns the text of a starter policy.
func Preset(name string) ([]byte, error) {
	if !slices.Contains(Presets(), name) {
		return nil, fmt.Errorf("unknown preset %q; presets: %s", name, strings.Join(Presets(), ", "))
	}
	return presetFS.ReadFile("presets/" + name + ".yaml")
}

//go:embed presets/*.yaml
var presetFS embed.FS
