package policy

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/hengdev/heng/licenses"
	"github.com/hengdev/heng/scanner/inventory"
)

// Severities of findings, from the best to the worst.
const (
	Waived  = "waived"  // an exception in force allows it
	Warning = "warning" // allowed, but worth a look
	Error   = "error"   // blocks
)

// Finding is one verdict on one package's license (or the package itself).
type Finding struct {
	PURL    string `json:"purl"`
	Name    string `json:"name"`
	Version string `json:"version"`
	// License is the license id (or expression) the finding is about; ""
	// for a denied component or a package without a license.
	License  string `json:"license"`
	Severity string `json:"severity"`
	// Rule names the policy rule: licenses.deny, licenses.allow,
	// licenses.categories.deny, licenses.categories.warn,
	// licenses.unknown, components.deny, exceptions, expression.
	Rule    string `json:"rule"`
	Message string `json:"message"`
	// Source says which license triggered it: "declared" or "concluded".
	Source    string   `json:"source"`
	Locations []string `json:"locations"`
}

// Summary counts a result.
type Summary struct {
	Packages int `json:"packages"`
	Errors   int `json:"errors"`
	Warnings int `json:"warnings"`
	Waived   int `json:"waived"`
}

// Result is the outcome of a check.
type Result struct {
	Passed   bool      `json:"passed"`
	Summary  Summary   `json:"summary"`
	Findings []Finding `json:"findings"`
}

// verdict is the judgement of one license id.
type verdict struct {
	level   int // 0 allowed, 1 waived, 2 warning, 3 error
	rule    string
	message string
	license string
}

var severityOf = map[int]string{1: Waived, 2: Warning, 3: Error}

// Evaluate checks packages against the policy on the day given (for the
// exceptions' expiry). The project's own root packages are not judged:
// the policy is about what it uses. failOnWarning makes warnings block.
func Evaluate(p *Policy, pkgs []inventory.Package, today time.Time, failOnWarning bool) Result {
	res := Result{Findings: []Finding{}}
	for i := range pkgs {
		pkg := &pkgs[i]
		if pkg.Relationship == inventory.RelationshipRoot {
			continue
		}
		res.Summary.Packages++
		res.Findings = append(res.Findings, applyScope(p, pkg, evaluatePackage(p, pkg, today))...)
	}
	slices.SortStableFunc(res.Findings, func(a, b Finding) int {
		return cmp.Or(cmp.Compare(a.PURL, b.PURL), cmp.Compare(a.Name, b.Name), cmp.Compare(a.Source, b.Source), cmp.Compare(a.License, b.License))
	})
	for _, f := range res.Findings {
		switch f.Severity {
		case Error:
			res.Summary.Errors++
		case Warning:
			res.Summary.Warnings++
		case Waived:
			res.Summary.Waived++
		}
	}
	res.Passed = res.Summary.Errors == 0 && (!failOnWarning || res.Summary.Warnings == 0)
	return res
}

func evaluatePackage(p *Policy, pkg *inventory.Package, today time.Time) []Finding {
	base := Finding{PURL: pkg.PURL, Name: pkg.Name, Version: pkg.Version}
	for _, l := range pkg.Locations {
		base.Locations = append(base.Locations, l.Path)
	}
	if base.Locations == nil {
		base.Locations = []string{}
	}
	var out []Finding
	for _, r := range p.Components.Deny {
		if purlMatches(r.PURL, pkg.PURL) {
			f := base
			f.Severity, f.Rule = Error, "components.deny"
			f.Message = "denied component"
			if r.Reason != "" {
				f.Message += ": " + r.Reason
			}
			out = append(out, f)
		}
	}
	declared := ""
	if pkg.DeclaredLicense != nil {
		declared = pkg.DeclaredLicense.Expression
	}
	var detected []string
	for _, d := range pkg.DetectedLicenses {
		detected = append(detected, d.License)
	}
	for _, o := range p.Overrides {
		if purlMatches(o.PURL, pkg.PURL) {
			detected = []string{o.License}
		}
	}
	for _, c := range p.Choices {
		if purlMatches(c.PURL, pkg.PURL) && declared != "" && offers(declared, c.License) {
			declared = c.License
		}
	}
	concluded := licenses.And(detected...)
	if declared == "" && concluded == "" {
		switch p.Licenses.Unknown {
		case "allow":
		case "warn":
			f := base
			f.Severity, f.Rule, f.Message = Warning, "licenses.unknown", "no license declared or found"
			out = append(out, f)
		default:
			f := base
			f.Severity, f.Rule, f.Message = Error, "licenses.unknown", "no license declared or found"
			out = append(out, f)
		}
		return out
	}
	for _, src := range []struct{ name, expr string }{{"declared", declared}, {"concluded", concluded}} {
		if src.expr == "" {
			continue
		}
		v, notes := judgeExpression(p, pkg.PURL, src.expr, today)
		for _, n := range notes {
			f := base
			f.Source, f.License = src.name, n.license
			f.Severity, f.Rule, f.Message = severityOf[n.level], n.rule, n.message
			if f.Severity == "" {
				f.Severity = Warning
			}
			out = append(out, f)
		}
		if v.level == 0 || v.level == 1 && len(notes) > 0 {
			continue
		}
		f := base
		f.Source, f.License = src.name, v.license
		f.Severity, f.Rule, f.Message = severityOf[v.level], v.rule, v.message
		out = append(out, f)
	}
	return out
}

// judgeExpression gives the verdict of an expression, and notes to show
// whatever the verdict (expired exceptions).
func judgeExpression(p *Policy, purl, expr string, today time.Time) (verdict, []verdict) {
	n, err := licenses.ParseExpression(expr)
	if err != nil {
		return verdict{level: 3, rule: "expression", message: fmt.Sprintf("malformed license expression %q: %v", expr, err), license: expr}, nil
	}
	var notes []verdict
	var judge func(n *licenses.Expression) verdict
	judge = func(n *licenses.Expression) verdict {
		switch n.Op {
		case "AND", "OR":
			l, r := judge(n.Left), judge(n.Right)
			if n.Op == "AND" == (l.level >= r.level) {
				return l
			}
			return r
		}
		v, note := judgeID(p, purl, n.ID, n.With, today)
		if note != nil {
			notes = append(notes, *note)
		}
		return v
	}
	return judge(n), notes
}

// judgeID applies the rules to one license id.
func judgeID(p *Policy, purl, id, with string, today time.Time) (verdict, *verdict) {
	name := id
	if with != "" {
		name += " WITH " + with
	}
	var note *verdict
	for _, e := range p.Exceptions {
		if !purlMatches(e.PURL, purl) || !containsFold(e.Licenses, id) && !containsFold(e.Licenses, name) {
			continue
		}
		who := e.Reason
		if e.Approver != "" {
			who += "; approved by " + e.Approver
		}
		if e.Ticket != "" {
			who += "; " + e.Ticket
		}
		if e.Expired(today) {
			note = &verdict{level: 2, rule: "exceptions", license: name,
				message: fmt.Sprintf("the exception for %s expired on %s (%s)", name, e.Expires, strings.TrimPrefix(who, "; "))}
			continue
		}
		msg := "waived by an exception"
		if who != "" {
			msg += ": " + strings.TrimPrefix(who, "; ")
		}
		if e.Expires != "" {
			msg += " (until " + e.Expires + ")"
		}
		return verdict{level: 1, rule: "exceptions", message: msg, license: name}, nil
	}
	lr := p.Licenses
	switch {
	case containsFold(lr.Deny, id) || containsFold(lr.Deny, name):
		return verdict{level: 3, rule: "licenses.deny", message: name + " is denied", license: name}, note
	case containsFold(lr.Allow, id) || containsFold(lr.Allow, name) || orLaterAllowed(lr.Allow, id):
		return verdict{license: name}, note
	}
	cat := string(licenses.CategoryOf(id))
	switch {
	case containsFold(lr.Categories.Deny, cat):
		return verdict{level: 3, rule: "licenses.categories.deny", message: fmt.Sprintf("%s is %s, a denied category", name, cat), license: name}, note
	case containsFold(lr.Categories.Warn, cat):
		return verdict{level: 2, rule: "licenses.categories.warn", message: fmt.Sprintf("%s is %s", name, cat), license: name}, note
	case containsFold(lr.Categories.Allow, cat):
		return verdict{license: name}, note
	case p.hasAllowList():
		return verdict{level: 3, rule: "licenses.allow", message: name + " is not on the allow list", license: name}, note
	}
	return verdict{license: name}, note
}

// orLaterAllowed reports whether an "-or-later" id is satisfied by an
// allowed id of its family at its version or above: GPL-2.0-or-later by
// GPL-3.0-only.
func orLaterAllowed(allow []string, id string) bool {
	family, ver, ok := orLater(id)
	if !ok {
		return false
	}
	for _, a := range allow {
		f, v, ok := versioned(a)
		if ok && strings.EqualFold(f, family) && v >= ver {
			return true
		}
	}
	return false
}

// orLater splits "GPL-2.0-or-later" (or "GPL-2.0+") into family and version.
func orLater(id string) (string, float64, bool) {
	base, ok := strings.CutSuffix(id, "-or-later")
	if !ok {
		base, ok = strings.CutSuffix(id, "+")
	}
	if !ok {
		return "", 0, false
	}
	return splitVersion(base)
}

// versioned splits "GPL-3.0-only", "GPL-3.0-or-later", "GPL-3.0".
func versioned(id string) (string, float64, bool) {
	base := strings.TrimSuffix(strings.TrimSuffix(strings.TrimSuffix(id, "-only"), "-or-later"), "+")
	return splitVersion(base)
}

func splitVersion(s string) (string, float64, bool) {
	i := strings.LastIndexByte(s, '-')
	if i < 0 {
		return "", 0, false
	}
	v, err := strconv.ParseFloat(s[i+1:], 64)
	if err != nil {
		return "", 0, false
	}
	return s[:i], v, true
}

// purlMatches reports whether a rule's purl names a package: a rule
// without a version matches every version; qualifiers are ignored.
func purlMatches(rule, purl string) bool {
	if rule == "" || purl == "" {
		return false
	}
	strip := func(s string) string {
		if i := strings.IndexAny(s, "?#"); i >= 0 {
			s = s[:i]
		}
		return s
	}
	rule, purl = strip(rule), strip(purl)
	if strings.EqualFold(rule, purl) {
		return true
	}
	if strings.Contains(rule[strings.LastIndexByte(rule, '/')+1:], "@") {
		return false
	}
	name, _, _ := strings.Cut(purl[strings.LastIndexByte(purl, '/')+1:], "@")
	return strings.EqualFold(rule, purl[:strings.LastIndexByte(purl, '/')+1]+name)
}

// applyScope relaxes a package's findings as the policy's scopes say.
func applyScope(p *Policy, pkg *inventory.Package, fs []Finding) []Finding {
	switch p.Scopes[pkg.Scope] {
	case "ignore":
		return nil
	case "warn":
		for i := range fs {
			if fs[i].Severity == Error {
				fs[i].Severity = Warning
				fs[i].Message += " (a " + pkg.Scope + " dependency: scopes." + pkg.Scope + " is warn)"
			}
		}
	}
	return fs
}

// offers reports whether an expression offers a license as a choice: one
// of the branches of its top-level OR.
func offers(expr, license string) bool {
	n, err := licenses.ParseExpression(expr)
	if err != nil {
		return false
	}
	var walk func(n *licenses.Expression) bool
	walk = func(n *licenses.Expression) bool {
		if n.Op == "OR" {
			return walk(n.Left) || walk(n.Right)
		}
		if n.Op == "" {
			name := n.ID
			if n.With != "" {
				name += " WITH " + n.With
			}
			return strings.EqualFold(name, license)
		}
		return false
	}
	return walk(n)
}

// Expired reports whether the exception no longer applies on the day of
// today: its Expires date is a day, and the exception holds through the
// whole of it (in UTC), whatever the time of day today is; it has expired
// from the next day on. No date never expires.
func (e Exception) Expired(today time.Time) bool {
	if e.Expires == "" {
		return false
	}
	until, err := time.Parse(time.DateOnly, e.Expires)
	if err != nil {
		return false
	}
	y, m, d := today.UTC().Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC).After(until)
}
