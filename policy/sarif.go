package policy

import (
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"path"
	"strings"

	"github.com/owenrumney/go-sarif/v2/sarif"
)

// rules are the policy rules as SARIF reporting descriptors, in a fixed
// order so that a rule's index is stable.
var rules = []struct{ id, name, desc string }{
	{"licenses.deny", "DeniedLicense", "The license is on the policy's deny list."},
	{"licenses.allow", "LicenseNotAllowed", "The policy has an allow list and the license is not on it."},
	{"licenses.categories.deny", "DeniedLicenseCategory", "The license belongs to a category the policy denies."},
	{"licenses.categories.warn", "LicenseCategoryWarning", "The license belongs to a category the policy warns about."},
	{"licenses.unknown", "UnknownLicense", "The package declares no license and none was found in its files."},
	{"components.deny", "DeniedComponent", "The package itself is on the policy's deny list."},
	{"exceptions", "PolicyException", "A policy exception waives the license for the package, or has expired."},
	{"expression", "MalformedLicenseExpression", "The package's license expression cannot be parsed."},
}

// SARIFOptions say what the SARIF log needs beyond the result.
type SARIFOptions struct {
	ToolVersion string
	// Base is prefixed to the findings' locations so that they are
	// relative to the repository's root: the scanned directory as given
	// ("" or "." for the current one).
	Base string
	// Fallback is the location of findings that have none (packages of
	// an SBOM that does not say where they came from): the SBOM file.
	Fallback string
	// Line returns the 1-based line of a file (a location, before Base
	// is prefixed) where a package appears, or 0 when it cannot tell.
	// nil points at the top of the file.
	Line func(file, name, version string) int
}

// WriteSARIF writes a result as a SARIF 2.1.0 log, for GitHub code
// scanning and other SARIF viewers: one result per finding, pointing at
// each manifest or lock file that brought the package in. Errors are level
// "error", warnings "warning"; waived findings are level "note" with an
// accepted external suppression, so that viewers list them as dismissed.
func WriteSARIF(w io.Writer, res Result, policyName string, opt SARIFOptions) error {
	report, err := sarif.New(sarif.Version210)
	if err != nil {
		return err
	}
	run := sarif.NewRunWithInformationURI("heng", "https://github.com/hengdev/heng")
	if opt.ToolVersion != "" {
		run.Tool.Driver.WithVersion(opt.ToolVersion)
	}
	for _, r := range rules {
		run.AddRule(r.id).WithName(r.name).
			WithShortDescription(sarif.NewMultiformatMessageString(r.desc)).
			WithHelpURI("https://github.com/hengdev/heng/blob/main/docs/policy.md#how-a-package-is-judged").
			WithTextHelp(r.desc + " Rule " + r.id + " of the policy file.")
	}
	index := map[string]int{}
	for i, r := range rules {
		index[r.id] = i
	}
	for _, f := range res.Findings {
		i, ok := index[f.Rule]
		if !ok {
			return fmt.Errorf("sarif: finding with unknown rule %q", f.Rule)
		}
		result := sarif.NewRuleResult(f.Rule).WithRuleIndex(i).WithMessage(sarif.NewTextMessage(sarifMessage(f, policyName)))
		switch f.Severity {
		case Error:
			result.WithLevel("error")
		case Warning:
			result.WithLevel("warning")
		default:
			result.WithLevel("note")
		}
		locs, name, version := f.Locations, f.Name, f.Version
		if len(locs) == 0 {
			// Viewers need a place: the SBOM (at the package's purl),
			// else the policy file.
			locs = []string{cmp.Or(opt.Fallback, policyName)}
			name, version = cmp.Or(f.PURL, f.Name), ""
			if opt.Fallback == "" {
				name = ""
			}
		}
		for _, l := range locs {
			line := 0
			if opt.Line != nil && name != "" {
				line = opt.Line(l, name, version)
			}
			uri := l
			if len(f.Locations) > 0 && opt.Base != "" && !path.IsAbs(l) {
				uri = path.Join(opt.Base, l)
			}
			result.AddLocation(sarif.NewLocationWithPhysicalLocation(sarif.NewPhysicalLocation().
				WithArtifactLocation(sarif.NewSimpleArtifactLocation(uri).WithUriBaseId("%SRCROOT%")).
				WithRegion(sarif.NewRegion().WithStartLine(max(line, 1)))))
		}
		fp := fingerprint(f)
		result.WithPartialFingerPrints(map[string]any{"hengFinding/v1": fp})
		if f.Severity == Waived {
			// go-sarif writes a suppression's unset fields as null, which
			// the schema refuses: all are set.
			s := sarif.NewSuppression("external").WithStatus("accepted").WithJustifcation(f.Message).
				WithGuid(guid(fp)).WithLocation(result.Locations[0])
			result.Suppressions = []*sarif.Suppression{s}
		}
		pb := sarif.NewPropertyBag()
		pb.Add("purl", f.PURL)
		pb.Add("license", f.License)
		pb.Add("severity", f.Severity)
		if f.Source != "" {
			pb.Add("source", f.Source)
		}
		result.AttachPropertyBag(pb)
		run.AddResult(result)
	}
	report.AddRun(run)
	if err := report.PrettyWrite(w); err != nil {
		return err
	}
	_, err = io.WriteString(w, "\n")
	return err
}

// sarifMessage is a finding's message, naming the package, since a viewer
// shows it against a line of a lock file.
func sarifMessage(f Finding, policyName string) string {
	var b strings.Builder
	b.WriteString(f.Name)
	if f.Version != "" {
		b.WriteString("@" + f.Version)
	}
	b.WriteString(": " + f.Message)
	if f.Source != "" {
		fmt.Fprintf(&b, " (%s license", f.Source)
		if f.License != "" && !strings.Contains(f.Message, f.License) {
			b.WriteString(" " + f.License)
		}
		b.WriteString(")")
	}
	fmt.Fprintf(&b, " [%s, %s]", f.Rule, policyName)
	return b.String()
}

// fingerprint identifies a finding across runs, for viewers that track
// alerts: the package, the rule, the license and its source, not the
// message or the line.
func fingerprint(f Finding) string {
	who := f.PURL
	if who == "" {
		who = f.Name + "@" + f.Version
	}
	sum := sha256.Sum256([]byte(strings.Join([]string{who, f.Rule, f.License, f.Source}, "\x00")))
	return hex.EncodeToString(sum[:16])
}

// guid makes a fingerprint a GUID as SARIF wants it for a suppression (an
// RFC 4122 UUID): version 5 (name-based, SHA), variant 10.
func guid(fp string) string {
	variant := "89ab"[strings.IndexByte("0123456789abcdef", fp[16])&3]
	return fp[:8] + "-" + fp[8:12] + "-5" + fp[13:16] + "-" + string(variant) + fp[17:20] + "-" + fp[20:32]
}
